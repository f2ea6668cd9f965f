// widgets/dashboardview.h — the batch-evaluation dashboard: a sortable table of every example
// (EvalTableModel behind a QSortFilterProxyModel), a plot of one metric (BLEU / ROUGE-L F / EM)
// against text length with one line per (method, m) — the mean per length bucket, like the
// papers' figures — a progress bar with a Cancel button, and exports (table to CSV/JSON, plots to
// PNG/PDF).
//
// Opening a row (double-click or Enter) emits rowActivated(); reviewNext()/reviewPrevious() walk
// the table in its current sort order, so sorting by BLEU ascending gives a review queue of the
// worst regenerations first.
#pragma once
#include <QVector>
#include <QWidget>

#include "viewdata.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace xcomp {

class EvalTableModel;

class DashboardView : public QWidget {
    Q_OBJECT
public:
    enum Metric { Bleu, RougeLF, ExactMatch, MetricCount };

    // One line of the plot: the mean metric per length bucket of the rows of one (method, m).
    struct Series {
        QString method;
        int memoryTokens = 0;
        QString compressor;       // EvalRow::compressor of the rows (empty: named by method and m)
        QVector<double> lengths;  // bucket centres (the length itself with exact buckets), ascending
        QVector<double> values;   // mean of the metric in each bucket
        QVector<int> counts;      // rows in each bucket
    };

    explicit DashboardView(QWidget* parent = nullptr);
    ~DashboardView() override;

    void setRows(const QVector<view::EvalRow>& rows);
    void appendRow(const view::EvalRow& row);
    void clear();
    QVector<view::EvalRow> rows() const;             // in arrival order
    QVector<view::EvalRow> rowsInViewOrder() const;  // as the (sorted) table shows them

    Metric metric() const { return m_metric; }
    static QString metricName(Metric metric);  // translated: "BLEU", "ROUGE-L F", "Exact match"
    static QString metricKey(Metric metric);   // "bleu", "rouge_l_f", "exact_match"
    static double metricValue(const view::EvalRow& row, Metric metric);

    // Width of the length buckets in tokens; 0 (the default) chooses: one bucket per distinct
    // length when there are at most 12 of them, else a round width giving about 10 buckets.
    void setBucketWidth(int tokens);
    int bucketWidth() const { return m_bucketWidth; }
    static int automaticBucketWidth(const QVector<view::EvalRow>& rows);  // 0 = exact lengths
    static QVector<Series> computeSeries(const QVector<view::EvalRow>& rows, Metric metric, int bucketWidth);
    QVector<Series> series() const { return m_series; }  // what the plot shows now
    static QString seriesLabel(const Series& series);      // e.g. "500x m=4"

    int progressDone() const { return m_done; }
    int progressTotal() const { return m_total; }
    bool isRunning() const { return m_total > 0 && m_done < m_total; }

    // Table exports in the order the table shows the rows; atomic (QSaveFile).
    // Each export emits exported() with what it wrote.
    bool exportCsv(const QString& path, QString* error = nullptr);
    bool exportJson(const QString& path, QString* error = nullptr);
    // Where the export dialogs open (the folder of the last export, kept by the application).
    void setExportFolder(const QString& dir) { m_exportFolder = dir; }
    QString exportFolder() const { return m_exportFolder; }
    // The plot of the current metric; the format follows the suffix (.png or .pdf).
    bool exportPlot(const QString& path, QString* error = nullptr);
    // Every metric's plot as PNG and PDF: <dir>/<baseName>-<metric key>.png/.pdf. Returns the
    // files written (all six on success); restores the metric shown.
    QStringList exportAllPlots(const QString& dir, const QString& baseName = QStringLiteral("dashboard"),
                               QString* error = nullptr);

    EvalTableModel* model() const { return m_model; }
    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    QTableView* tableView() const { return m_table; }
    QCustomPlot* plot() const { return m_plot; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }

public slots:
    void setMetric(xcomp::DashboardView::Metric metric);
    void setProgress(int done, int total);
    // Moves the current row of the table one down/up in the current sort order and opens it.
    // Return false at the end of the table.
    bool reviewNext();
    bool reviewPrevious();

signals:
    void cancelRequested();
    void exported(const QStringList& paths);  // files an export wrote
    void rowActivated(const xcomp::view::EvalRow& row);

protected:
    void changeEvent(QEvent* event) override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslateUi();
    void onActivated(const QModelIndex& proxyIndex);
    bool reviewStep(int delta);
    void refreshPlot();
    bool reportExport(bool ok, const QStringList& paths);  // exported() and the folder, on success
    void fitLegend();
    void refreshSummary();
    void buildExportMenu(QToolButton* button);

    EvalTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_metricCombo = nullptr;
    QCustomPlot* m_plot = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_previousButton = nullptr;
    QToolButton* m_exportButton = nullptr;
    QLabel* m_metricLabel = nullptr;
    Metric m_metric = Bleu;
    int m_bucketWidth = 0;
    int m_done = 0, m_total = 0;
    QVector<Series> m_series;
    QString m_exportFolder;
    bool m_quietExport = false;
};

}  // namespace xcomp
