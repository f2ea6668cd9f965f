// app/workbench/batchpage.h — batch evaluation of a JSONL dataset (see datasetreader.h): run every
// example through the chosen compressors, rows appended to the dashboard as they finish, progress
// and Cancel; double-clicking a row reviews it in the Regenerate tab. Examples with a question are
// also answered when the compressor is fine-tuned for QA; their mean F1 / EM is shown above the
// dashboard.
#pragma once
#include <QVector>
#include <QWidget>

#include "enginetypes.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace xcomp {
class DashboardView;
}

namespace xcomp::workbench {

class BatchPage : public QWidget {
    Q_OBJECT
public:
    explicit BatchPage(QWidget* parent = nullptr);

    // Loads a dataset (a file or a resource path); false with a message on failure.
    bool loadDataset(const QString& path, QString* error, QStringList* warnings = nullptr);
    QString datasetPath() const { return m_path; }
    const QVector<BatchExample>& examples() const { return m_examples; }
    // The examples a run uses (the first `limit`, all when the limit is 0).
    QVector<BatchExample> examplesToRun() const;
    bool allCompressors() const;
    void setAllCompressors(bool all);
    void setLimit(int limit);

    void begin(int total);
    void addRow(const BatchRowResult& row, int done, int total);
    void setProgress(int done, int total);
    void finish(bool cancelled);
    void setRows(const QVector<view::EvalRow>& rows);
    void clearResults();
    void setRunEnabled(bool enabled);
    bool isRunning() const { return m_running; }

    DashboardView* dashboard() const { return m_dashboard; }
    QPushButton* runButton() const { return m_run; }
    QLabel* qaSummary() const { return m_qaSummary; }

signals:
    void openDatasetRequested();
    void runRequested();
    void cancelRequested();
    void reviewRequested(const xcomp::view::EvalRow& row);

private:
    void updateInfo();
    void updateQaSummary();
    void updateButtons();

    QString m_path;
    QVector<BatchExample> m_examples;
    QVector<QaResult> m_qa;
    QLabel* m_info = nullptr;
    QSpinBox* m_limit = nullptr;
    QComboBox* m_which = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_qaSummary = nullptr;
    DashboardView* m_dashboard = nullptr;
    bool m_running = false;
    bool m_runEnabled = true;
};

}  // namespace xcomp::workbench
