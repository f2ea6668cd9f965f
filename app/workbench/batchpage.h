// app/workbench/batchpage.h — batch evaluation of a JSONL dataset (see datasetreader.h): run every
// example through the chosen compressors, rows appended to the dashboard as they finish, progress
// and Cancel; double-clicking a row reviews it in the Regenerate tab. Examples with a question are
// also answered when the compressor is fine-tuned for QA; their mean F1 / EM is shown above the
// dashboard.
#pragma once
#include <QElapsedTimer>
#include <QStringList>
#include <QVector>

#include "enginetypes.h"
#include "workbenchpage.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace xcomp {
class DashboardView;
}

namespace xcomp::workbench {

class LatentMapPanel;

class BatchPage : public WorkbenchPage {
    Q_OBJECT
public:
    explicit BatchPage(const PageContext& context, QWidget* parent = nullptr);

    // Runs the examples with the chosen compressor (or all of them); resume() runs the rest of a
    // cancelled run: the same examples and compressors.
    void run();
    void resume();
    // Loads a dataset (a file or a resource path); false with a message on failure.
    bool loadDataset(const QString& path, QString* error, QStringList* warnings = nullptr);
    // The same, the error or the skipped lines shown in the message bar.
    bool openDataset(const QString& path);
    QString datasetPath() const { return m_path; }
    const QVector<BatchExample>& examples() const { return m_examples; }
    // The examples a run uses (the first `limit`, all when the limit is 0).
    QVector<BatchExample> examplesToRun() const;
    bool allCompressors() const;
    void setAllCompressors(bool all);
    void setLimit(int limit);

    // A new run clears the dashboard; a resumed one (resume = true) keeps the rows it has.
    void begin(int total, bool resume = false);
    void addRow(const BatchRowResult& row, int done, int total);
    void setProgress(int done, int total);
    void finish(bool cancelled);
    void setRows(const QVector<view::EvalRow>& rows);
    void clearResults();
    void setRunEnabled(bool enabled);
    bool isRunning() const { return m_running; }
    // After a cancelled run: how many (example, compressor) pairs it finished; -1 when there is none to resume.
    int resumableFrom() const { return m_resumable ? m_done : -1; }

    DashboardView* dashboard() const { return m_dashboard; }
    LatentMapPanel* latentMap() const { return m_latent; }
    QTabWidget* viewTabs() const { return m_views; }
    QPushButton* runButton() const { return m_run; }
    QPushButton* resumeButton() const { return m_resume; }
    QLabel* qaSummary() const { return m_qaSummary; }

signals:
    void openDatasetRequested();
    void cancelRequested();
    void reviewRequested(const xcomp::view::EvalRow& row);
    void finished();  // the run ended: all rows in, cancelled or failed

protected:
    // Another tab may have exported since: the dashboard's dialogs open where that export went.
    void showEvent(QShowEvent* event) override;

private:
    void connectEngine();
    void start(int skip, bool resume);
    void updateInfo();
    void updateQaSummary();
    void updateButtons();
    void updateEta();
    void learnJobTime(const view::RegenerationMetrics& metrics);
    // "3 min", "1 h 20 min": the size of a wait, not a stopwatch.
    static QString roughDuration(double ms);

public:
    // Before a run: its jobs (examples x compressors) and their estimated time; during one, what is left.
    QLabel* etaLabel() const { return m_eta; }
    int plannedJobs() const;
    double msPerJob() const { return m_msPerJob; }  // measured on this machine (0: nothing run yet)

private:
    QString m_path;
    QVector<BatchExample> m_examples;
    QVector<QaResult> m_qa;
    QLabel* m_info = nullptr;
    QSpinBox* m_limit = nullptr;
    QComboBox* m_which = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_resume = nullptr;
    int m_done = 0, m_total = 0;  // pairs finished and in all, in the current or last run
    bool m_resumable = false;
    QLabel* m_qaSummary = nullptr;
    DashboardView* m_dashboard = nullptr;
    LatentMapPanel* m_latent = nullptr;
    QTabWidget* m_views = nullptr;
    bool m_running = false;
    bool m_runEnabled = true;
    QVector<BatchExample> m_runExamples;  // the last run's, for resuming it
    QStringList m_runIds;
    int m_warnings = 0;  // skipped examples in the current run
    QLabel* m_eta = nullptr;
    QElapsedTimer m_clock;  // since the current run started
    int m_doneAtStart = 0;  // pairs a resumed run had already
    double m_msPerJob = 0;  // running mean of compress + regenerate times seen
    int m_timedJobs = 0;
};

}  // namespace xcomp::workbench
