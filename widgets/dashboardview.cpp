// qcustomplot.h still uses Qt's `foreach`, which QT_NO_FOREACH (set for xcomp_widgets) removes:
// include it first, before any other Qt header has seen that macro.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "dashboardview.h"

#include <QComboBox>
#include <QLocale>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QRegularExpression>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

#include "atomicwrite.h"
#include "evaltablemodel.h"
#include "plotexport.h"
#include "teachingtext.h"

namespace xcomp {

namespace {

QCPScatterStyle::ScatterShape shapeFor(int index)
{
    static const QCPScatterStyle::ScatterShape shapes[] = {
        QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
        QCPScatterStyle::ssDiamond, QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCross};
    const int n = int(sizeof(shapes) / sizeof(shapes[0]));
    return shapes[((index % n) + n) % n];
}

}  // namespace

DashboardView::DashboardView(QWidget* parent) : QWidget(parent)
{
    m_model = new EvalTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(EvalTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    // Progress.
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setEnabled(false);
    auto* top = new QHBoxLayout;
    top->addWidget(m_progress, 1);
    top->addWidget(m_status);
    top->addWidget(m_cancel);

    // Table.
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("evalTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // arrival order first
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setSortingEnabled(true);

    // Plot.
    m_metricCombo = new QComboBox(this);
    m_metricCombo->setObjectName(QStringLiteral("metricCombo"));
    for (int m = 0; m < MetricCount; ++m)
        m_metricCombo->addItem(QString(), m);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("metricPlot"));
    m_plot->setMinimumSize(320, 240);
    PlotStyle::apply(m_plot);
    PlotStyle::setTitle(m_plot, QString());
    m_plot->yAxis->setRange(0, 1.05);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 225));
    m_plot->legend->setBorderPen(QPen(QColor(0xc0, 0xc0, 0xc0)));
    QFont legendFont = m_plot->font();
    legendFont.setPointSizeF(qMax(7.0, legendFont.pointSizeF() - 1));
    m_plot->legend->setFont(legendFont);
    // The legend below the axes, in rows of three, never over the data or the top tick.
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, legendRow);
    legendRow->setMargins(QMargins(0, 0, 0, 4));
    legendRow->addElement(0, 0, m_plot->legend);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(3);
    // Its entries' width must not set the plot's minimum width (long length-variant labels made the
    // window grow): fitLegend() chooses the entries per row from the width the plot gets.
    m_plot->legend->setMinimumSize(QSize(100, 0));
    m_plot->installEventFilter(this);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->plotLayout()->setRowStretchFactor(m_plot->plotLayout()->rowCount() - 1, 0.001);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);

    auto* plotPanel = new QWidget(this);
    auto* plotLayout = new QVBoxLayout(plotPanel);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    auto* metricRow = new QHBoxLayout;
    m_metricLabel = new QLabel(plotPanel);
    metricRow->addWidget(m_metricLabel);
    metricRow->addWidget(m_metricCombo);
    metricRow->addStretch(1);
    plotLayout->addLayout(metricRow);
    plotLayout->addWidget(m_plot, 1);
    plotLayout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(plotPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    // Actions.
    m_openButton = new QPushButton(this);
    m_previousButton = new QPushButton(this);
    m_exportButton = new QToolButton(this);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_previousButton);
    bottom->addWidget(m_openButton);
    bottom->addStretch(1);
    bottom->addWidget(m_exportButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_cancel, &QPushButton::clicked, this, &DashboardView::cancelRequested);
    connect(m_table, &QTableView::activated, this, &DashboardView::onActivated);
    connect(m_openButton, &QPushButton::clicked, this, &DashboardView::reviewNext);
    connect(m_previousButton, &QPushButton::clicked, this, &DashboardView::reviewPrevious);
    connect(m_metricCombo, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { setMetric(Metric(m_metricCombo->itemData(index).toInt())); });

    retranslateUi();
}

DashboardView::~DashboardView() = default;

void DashboardView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardView::retranslateUi()
{
    m_cancel->setText(tr("Cancel"));
    m_table->setToolTip(tr("Double-click a row or press Enter to review that example."));
    for (int m = 0; m < MetricCount; ++m)
        m_metricCombo->setItemText(m, metricName(Metric(m)));
    m_metricCombo->setToolTip(TeachingText::tooltip(TeachingText::Topic::Metrics));
    m_metricLabel->setText(tr("Metric:"));
    m_plot->xAxis->setLabel(tr("text length (tokens)"));
    m_openButton->setText(tr("Review next"));
    m_openButton->setToolTip(tr("Open the next example in the table's current order (sort by BLEU to review the worst first)."));
    m_previousButton->setText(tr("Review previous"));
    m_exportButton->setText(tr("Export"));
    buildExportMenu(m_exportButton);
    emit m_model->headerDataChanged(Qt::Horizontal, 0, EvalTableModel::ColumnCount - 1);
    // Headers fit their words in every language ("Verhältnis"), with or without rows.
    m_table->resizeColumnsToContents();
    setProgress(m_done, m_total);
    refreshPlot();
}

// ---------------------------------------------------------------------------------------------
// Rows

void DashboardView::setRows(const QVector<view::EvalRow>& rows)
{
    m_model->setRows(rows);
    m_table->resizeColumnsToContents();
    refreshPlot();
}

void DashboardView::appendRow(const view::EvalRow& row)
{
    const bool first = m_model->rowCount() == 0;
    m_model->appendRow(row);
    if (first) {
        m_table->resizeColumnsToContents();
    } else {
        // A longer compressor label widens its column (cheaply: not by measuring every row again).
        const int need = m_table->fontMetrics().horizontalAdvance(
                             EvalTableModel::displayText(row, EvalTableModel::MethodColumn)) + 16;
        if (need > m_table->columnWidth(EvalTableModel::MethodColumn))
            m_table->setColumnWidth(EvalTableModel::MethodColumn, need);
    }
    refreshPlot();
}

// As many legend entries in a row as the plot's width holds: three long labels side by side made
// the plot (and the window) wider than a small screen.
void DashboardView::fitLegend()
{
    int item = 0;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)  // a wrapped grid has empty cells
        if (QCPAbstractLegendItem* entry = m_plot->legend->item(i))
            item = std::max(item, entry->minimumOuterSizeHint().width());
    const int columns = std::clamp((m_plot->width() - 16) / std::max(1, item + m_plot->legend->columnSpacing()), 1, 3);
    if (m_plot->legend->wrap() != columns) {
        m_plot->legend->setWrap(columns);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

bool DashboardView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Resize)
        fitLegend();
    return QWidget::eventFilter(watched, event);
}

void DashboardView::clear()
{
    m_model->clear();
    refreshPlot();
}

QVector<view::EvalRow> DashboardView::rows() const
{
    return m_model->rows();
}

QVector<view::EvalRow> DashboardView::rowsInViewOrder() const
{
    QVector<view::EvalRow> out;
    out.reserve(m_proxy->rowCount());
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        out.append(m_model->row(m_proxy->mapToSource(m_proxy->index(r, 0)).row()));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Metrics and series

QString DashboardView::metricName(Metric metric)
{
    switch (metric) {
    case Bleu: return tr("BLEU");
    case RougeLF: return tr("ROUGE-L F");
    case ExactMatch: return tr("Exact match");
    case MetricCount: break;
    }
    return QString();
}

QString DashboardView::metricKey(Metric metric)
{
    switch (metric) {
    case Bleu: return QStringLiteral("bleu");
    case RougeLF: return QStringLiteral("rouge_l_f");
    case ExactMatch: return QStringLiteral("exact_match");
    case MetricCount: break;
    }
    return QString();
}

double DashboardView::metricValue(const view::EvalRow& row, Metric metric)
{
    switch (metric) {
    case Bleu: return row.metrics.bleu;
    case RougeLF: return row.metrics.rougeLF;
    case ExactMatch: return row.metrics.exactMatch;
    case MetricCount: break;
    }
    return 0.0;
}

void DashboardView::setMetric(Metric metric)
{
    if (metric < 0 || metric >= MetricCount)
        return;
    m_metric = metric;
    m_metricCombo->setCurrentIndex(m_metricCombo->findData(int(metric)));
    refreshPlot();
}

void DashboardView::setBucketWidth(int tokens)
{
    m_bucketWidth = std::max(0, tokens);
    refreshPlot();
}

int DashboardView::automaticBucketWidth(const QVector<view::EvalRow>& rows)
{
    std::set<int> lengths;
    for (const view::EvalRow& row : rows)
        lengths.insert(row.length);
    if (lengths.size() <= 12)
        return 0;
    const int span = *lengths.rbegin() - *lengths.begin();
    for (int width : {5, 10, 16, 20, 25, 32, 50, 64, 100, 128, 200, 250, 256, 500, 512, 1000}) {
        if (span / width <= 10)
            return width;
    }
    return 2000;
}

QVector<DashboardView::Series> DashboardView::computeSeries(const QVector<view::EvalRow>& rows, Metric metric, int bucketWidth)
{
    // (method, m, compressor) -> bucket key -> (sum, count); QMap keeps both sorted. The compressor
    // keeps apart compressors that share method and m (e.g. a QA-tuned one).
    struct Acc {
        double sum = 0;
        int count = 0;
    };
    QMap<QPair<QPair<QString, int>, QString>, QMap<double, Acc>> groups;
    for (const view::EvalRow& row : rows) {
        const double key = bucketWidth > 0 ? (std::floor(double(row.length) / bucketWidth) + 0.5) * bucketWidth
                                           : double(row.length);
        Acc& acc = groups[qMakePair(qMakePair(row.method, row.memoryTokens), row.compressor)][key];
        acc.sum += metricValue(row, metric);
        ++acc.count;
    }
    QVector<Series> out;
    for (auto g = groups.constBegin(); g != groups.constEnd(); ++g) {
        Series s;
        s.method = g.key().first.first;
        s.memoryTokens = g.key().first.second;
        s.compressor = g.key().second;
        for (auto b = g.value().constBegin(); b != g.value().constEnd(); ++b) {
            s.lengths.append(b.key());
            s.values.append(b.value().sum / b.value().count);
            s.counts.append(b.value().count);
        }
        out.append(s);
    }
    return out;
}

QString DashboardView::seriesLabel(const Series& series)
{
    if (!series.compressor.isEmpty())
        return series.compressor;
    return tr("%1 m=%2").arg(series.method.isEmpty() ? tr("(unnamed)") : series.method).arg(series.memoryTokens);
}

void DashboardView::refreshPlot()
{
    const QVector<view::EvalRow>& rows = m_model->rows();
    const int width = m_bucketWidth > 0 ? m_bucketWidth : automaticBucketWidth(rows);
    m_series = computeSeries(rows, m_metric, width);

    m_plot->clearGraphs();
    double minX = 0, maxX = 1;
    bool first = true;
    // One hue and marker per method; within a method, more memory tokens = a deeper shade.
    QStringList methods;
    QMap<QString, QVector<int>> memorySizes;
    for (const Series& s : m_series) {
        if (!methods.contains(s.method))
            methods << s.method;
        memorySizes[s.method].append(s.memoryTokens);  // ascending: the series are sorted
    }
    for (int i = 0; i < m_series.size(); ++i) {
        const Series& s = m_series.at(i);
        QCPGraph* graph = m_plot->addGraph();
        // Short in the legend ("AOC m=16 ≤192"), so that it leaves the plot room; the table and the
        // summary keep the full label.
        static const QRegularExpression upTo(QStringLiteral("\\s*\\(texts up to (\\d+) tokens\\)"));
        graph->setName(seriesLabel(s).replace(upTo, QStringLiteral(" \u2264\\1")));
        const int method = int(methods.indexOf(s.method));
        const QVector<int>& sizes = memorySizes[s.method];
        const double t = sizes.size() < 2 ? 1.0 : double(sizes.indexOf(s.memoryTokens)) / (sizes.size() - 1);
        const QColor base = PlotStyle::seriesColor(method);
        const double mix = 0.45 + 0.55 * t;  // share of the base colour against white
        QColor color(int(255 * (1 - mix) + base.red() * mix), int(255 * (1 - mix) + base.green() * mix),
                     int(255 * (1 - mix) + base.blue() * mix));
        if (t == 1.0 && sizes.size() > 1)
            color = base.darker(125);
        graph->setPen(QPen(color, 2));
        graph->setScatterStyle(QCPScatterStyle(shapeFor(method), color, color, 7));
        graph->setData(s.lengths, s.values, true);
        for (double x : s.lengths) {
            minX = first ? x : std::min(minX, x);
            maxX = first ? x : std::max(maxX, x);
            first = false;
        }
    }
    if (first) {
        m_plot->xAxis->setRange(0, 512);
    } else {
        const double pad = std::max(1.0, (maxX - minX) * 0.06);
        m_plot->xAxis->setRange(std::max(0.0, minX - pad), maxX + pad);
    }
    m_plot->yAxis->setLabel(metricName(m_metric));
    // The range of the data (scores are 0-1), padded and at least 0.2 high, so that small
    // differences between compressors show.
    double minY = 1, maxY = 0;
    for (const Series& s : m_series)
        for (double v : s.values) {
            minY = std::min(minY, v);
            maxY = std::max(maxY, v);
        }
    if (minY > maxY) {
        m_plot->yAxis->setRange(-0.02, 1.05);
    } else {
        double lo = std::floor((minY - 0.05) * 10) / 10, hi = std::ceil((maxY + 0.05) * 10) / 10;
        if (hi - lo < 0.2) {
            const double mid = (lo + hi) / 2;
            lo = mid - 0.1;
            hi = mid + 0.1;
        }
        m_plot->yAxis->setRange(std::max(-0.02, lo), std::min(1.05, hi));
    }
    const QString buckets = width > 0 ? tr("mean per %1-token length bucket").arg(width) : tr("mean per length");
    PlotStyle::setTitle(m_plot, tr("%1 against text length (%2)").arg(metricName(m_metric), buckets));
    m_plot->legend->setVisible(!m_series.isEmpty());
    fitLegend();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    refreshSummary();
}

void DashboardView::refreshSummary()
{
    QStringList parts;
    const QVector<view::EvalRow>& rows = m_model->rows();
    if (rows.isEmpty()) {
        m_summary->setText(tr("No examples yet."));
        return;
    }
    // Overall mean per (method, m), in the series' order.
    QMap<QPair<QPair<QString, int>, QString>, QPair<double, int>> means;
    for (const view::EvalRow& row : rows) {
        auto& acc = means[qMakePair(qMakePair(row.method, row.memoryTokens), row.compressor)];
        acc.first += metricValue(row, m_metric);
        ++acc.second;
    }
    for (auto it = means.constBegin(); it != means.constEnd(); ++it) {
        Series s;
        s.method = it.key().first.first;
        s.memoryTokens = it.key().first.second;
        s.compressor = it.key().second;
        parts << tr("%1: %2 (n = %3)")
                     .arg(seriesLabel(s))
                     .arg(QLocale().toString(it.value().first / it.value().second, 'f', 3))
                     .arg(it.value().second);
    }
    m_summary->setText(tr("Mean %1 \u2014 %2").arg(metricName(m_metric), parts.join(QStringLiteral("; "))));
}

// ---------------------------------------------------------------------------------------------
// Progress and review

void DashboardView::setProgress(int done, int total)
{
    m_done = std::max(0, done);
    m_total = std::max(0, total);
    m_progress->setRange(0, std::max(1, m_total));
    m_progress->setValue(std::min(m_done, std::max(1, m_total)));
    m_progress->setFormat(m_total > 0 ? tr("%v / %m examples") : tr("idle"));
    m_cancel->setEnabled(isRunning());
    if (m_total == 0)
        m_status->setText(QString());
    else if (m_done >= m_total)
        m_status->setText(tr("Done"));
    else
        m_status->setText(tr("Evaluating\u2026"));
}

void DashboardView::onActivated(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (!source.isValid())
        return;
    emit rowActivated(m_model->row(source.row()));
}

bool DashboardView::reviewStep(int delta)
{
    const int count = m_proxy->rowCount();
    if (count == 0)
        return false;
    const QModelIndex current = m_table->currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : count - 1);
    if (row < 0 || row >= count)
        return false;
    const QModelIndex index = m_proxy->index(row, current.isValid() ? current.column() : 0);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    onActivated(index);
    return true;
}

bool DashboardView::reviewNext()
{
    return reviewStep(+1);
}

bool DashboardView::reviewPrevious()
{
    return reviewStep(-1);
}

// ---------------------------------------------------------------------------------------------
// Export

bool DashboardView::exportCsv(const QString& path, QString* error)
{
    return reportExport(writeFileAtomically(path, EvalTableModel::toCsv(rowsInViewOrder()), error), {path});
}

bool DashboardView::exportJson(const QString& path, QString* error)
{
    return reportExport(writeFileAtomically(path, EvalTableModel::toJson(rowsInViewOrder()), error), {path});
}

bool DashboardView::exportPlot(const QString& path, QString* error)
{
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    return reportExport(PlotExport::save(m_plot, path, error), {path});
}

bool DashboardView::reportExport(bool ok, const QStringList& paths)
{
    if (ok && !paths.isEmpty() && !m_quietExport) {
        m_exportFolder = QFileInfo(paths.first()).absolutePath();
        emit exported(paths);
    }
    return ok;
}

QStringList DashboardView::exportAllPlots(const QString& dir, const QString& baseName, QString* error)
{
    QStringList written;
    const Metric shown = m_metric;
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir));
        return written;
    }
    m_quietExport = true;  // one report for all the files
    for (int m = 0; m < MetricCount; ++m) {
        setMetric(Metric(m));
        for (const QString& suffix : {QStringLiteral("png"), QStringLiteral("pdf")}) {
            const QString path = QDir(dir).filePath(baseName + QLatin1Char('-') + metricKey(Metric(m)) + QLatin1Char('.') + suffix);
            if (!exportPlot(path, error)) {
                m_quietExport = false;
                setMetric(shown);
                reportExport(!written.isEmpty(), written);
                return written;
            }
            written << path;
        }
    }
    m_quietExport = false;
    setMetric(shown);
    reportExport(true, written);
    return written;
}

void DashboardView::buildExportMenu(QToolButton* button)
{
    delete button->menu();
    auto* menu = new QMenu(button);
    const auto suggestion = [this](const QString& name) {
        return m_exportFolder.isEmpty() ? name : QDir(m_exportFolder).filePath(name);
    };
    auto report = [this](bool ok, const QString& error) {
        if (!ok)
            QMessageBox::warning(this, tr("Export failed"), error);
    };
    menu->addAction(tr("Table as CSV\u2026"), this, [this, report, suggestion] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), suggestion(QStringLiteral("evaluation.csv")),
                                                          tr("CSV file (*.csv)"));
        QString error;
        if (!path.isEmpty())
            report(exportCsv(path, &error), error);
    });
    menu->addAction(tr("Table as JSON\u2026"), this, [this, report, suggestion] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), suggestion(QStringLiteral("evaluation.json")),
                                                          tr("JSON file (*.json)"));
        QString error;
        if (!path.isEmpty())
            report(exportJson(path, &error), error);
    });
    menu->addSeparator();
    menu->addAction(tr("This plot as PNG or PDF\u2026"), this, [this, report, suggestion] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"),
                                                          suggestion(metricKey(m_metric) + QStringLiteral(".png")),
                                                          PlotExport::fileDialogFilter());
        QString error;
        if (!path.isEmpty())
            report(exportPlot(path, &error), error);
    });
    menu->addAction(tr("All plots as PNG and PDF\u2026"), this, [this, report] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export all plots to"), m_exportFolder);
        QString error;
        if (!dir.isEmpty())
            report(exportAllPlots(dir, QStringLiteral("dashboard"), &error).size() == 2 * MetricCount, error);
    });
    button->setMenu(menu);
}

}  // namespace xcomp
