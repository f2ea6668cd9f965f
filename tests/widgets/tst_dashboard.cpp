// EvalTableModel + DashboardView: numeric sorting through the proxy, the model tester, the plot's
// per-(method, m) length-bucket means, progress/cancel, row activation, CSV/JSON/PNG/PDF exports.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach; it must come before any Qt header
#include <qcustomplot.h>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "dashboardview.h"
#include "evaltablemodel.h"

using namespace xcomp;

namespace {

view::EvalRow makeRow(const QString& id, const QString& method, int m, int length, double bleu, double rouge = 0.5,
                      double em = 0)
{
    view::EvalRow r;
    r.id = id;
    r.method = method;
    r.memoryTokens = m;
    r.length = length;
    r.metrics.bleu = bleu;
    r.metrics.rougeLF = rouge;
    r.metrics.exactMatch = em;
    r.metrics.prefixExactMatch = bleu / 2;
    r.metrics.sourceTokens = length;
    r.metrics.memoryTokens = m;
    r.metrics.compressionRatio = double(length) / m;
    r.errorCounts[int(view::ErrorType::Mistake)] = 2;
    r.errorCounts[int(view::ErrorType::Hallucination)] = 1;
    r.diff.original = QStringLiteral("original of ") + id;
    r.diff.regenerated = QStringLiteral("regenerated of ") + id;
    return r;
}

// BLEU chosen so that text order ("0.9" < "10"-like traps) and numeric order differ: 0.05 < 0.5 < 0.123.
QVector<view::EvalRow> sampleRows()
{
    return {
        makeRow(QStringLiteral("ex-1"), QStringLiteral("500x"), 4, 96, 0.5, 0.7, 0),
        makeRow(QStringLiteral("ex-2"), QStringLiteral("500x"), 4, 96, 0.9, 0.95, 1),
        makeRow(QStringLiteral("ex-3"), QStringLiteral("icae"), 4, 96, 0.05, 0.3, 0),
        makeRow(QStringLiteral("ex-4"), QStringLiteral("500x"), 4, 192, 0.123, 0.4, 0),
        makeRow(QStringLiteral("ex-5"), QStringLiteral("icae"), 4, 192, 0.7, 0.8, 0),
        makeRow(QStringLiteral("ex-6"), QStringLiteral("500x"), 16, 96, 1.0, 1.0, 1),
    };
}

QStringList columnIds(const QAbstractItemModel* model)
{
    QStringList ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->index(r, EvalTableModel::IdColumn).data().toString();
    return ids;
}

}  // namespace

class TstDashboard : public QObject {
    Q_OBJECT
private slots:
    void modelBasics();
    void modelTester();
    void sortByBleu();
    void sortByLengthAndMethod();
    void series();
    void automaticBuckets();
    void plotFollowsMetric();
    void progressAndCancel();
    void rowActivation();
    void reviewQueue();
    void exportCsv();
    void exportJson();
    void exportPlots();
    void exportErrors();
    void languageChangeKeepsState();
};

void TstDashboard::modelBasics()
{
    EvalTableModel model;
    model.setRows(sampleRows());
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(EvalTableModel::ColumnCount));
    QCOMPARE(model.index(0, EvalTableModel::BleuColumn).data().toString(), QStringLiteral("0.500"));
    QCOMPARE(model.index(0, EvalTableModel::BleuColumn).data(EvalTableModel::SortRole).toDouble(), 0.5);
    QCOMPARE(model.index(3, EvalTableModel::RatioColumn).data(EvalTableModel::SortRole).toDouble(), 48.0);
    QCOMPARE(model.index(0, EvalTableModel::MistakeColumn).data().toString(), QStringLiteral("2"));
    QCOMPARE(model.index(0, EvalTableModel::HallucinationColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(1, EvalTableModel::ExactMatchColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.headerData(EvalTableModel::BleuColumn, Qt::Horizontal).toString(), QStringLiteral("BLEU"));
    QCOMPARE(model.headerData(EvalTableModel::RougeLColumn, Qt::Horizontal).toString(), QStringLiteral("ROUGE-L F"));
    const auto row = model.index(2, 0).data(EvalTableModel::RowRole).value<view::EvalRow>();
    QCOMPARE(row.id, QStringLiteral("ex-3"));
    QCOMPARE(EvalTableModel::columnOf(view::ErrorType::InformationLoss), int(EvalTableModel::InformationLossColumn));
    QCOMPARE(EvalTableModel::columnOf(view::ErrorType::Equal), -1);
}

void TstDashboard::modelTester()
{
    EvalTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(EvalTableModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(EvalTableModel::BleuColumn);
    model.setRows(sampleRows());
    model.appendRow(makeRow(QStringLiteral("ex-7"), QStringLiteral("aoc"), 4, 300, 0.3));
    QCOMPARE(model.rowCount(), 7);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.appendRow(makeRow(QStringLiteral("ex-8"), QStringLiteral("aoc"), 4, 300, 0.3));
    QCOMPARE(proxy.rowCount(), 1);
}

void TstDashboard::sortByBleu()
{
    DashboardView view;
    view.setRows(sampleRows());
    QSortFilterProxyModel* proxy = view.proxyModel();
    // Before any sort: arrival order.
    QCOMPARE(columnIds(proxy), (QStringList{QStringLiteral("ex-1"), QStringLiteral("ex-2"), QStringLiteral("ex-3"),
                                            QStringLiteral("ex-4"), QStringLiteral("ex-5"), QStringLiteral("ex-6")}));
    // Through the table's header, as a user would.
    view.tableView()->sortByColumn(EvalTableModel::BleuColumn, Qt::AscendingOrder);
    // 0.05, 0.123, 0.5, 0.7, 0.9, 1.0 — numeric, not text ordering.
    QCOMPARE(columnIds(proxy), (QStringList{QStringLiteral("ex-3"), QStringLiteral("ex-4"), QStringLiteral("ex-1"),
                                            QStringLiteral("ex-5"), QStringLiteral("ex-2"), QStringLiteral("ex-6")}));
    view.tableView()->sortByColumn(EvalTableModel::BleuColumn, Qt::DescendingOrder);
    QCOMPARE(columnIds(proxy), (QStringList{QStringLiteral("ex-6"), QStringLiteral("ex-2"), QStringLiteral("ex-5"),
                                            QStringLiteral("ex-1"), QStringLiteral("ex-4"), QStringLiteral("ex-3")}));
    // A row arriving while sorted lands in its place.
    view.appendRow(makeRow(QStringLiteral("ex-7"), QStringLiteral("aoc"), 4, 300, 0.6));
    QCOMPARE(columnIds(proxy).indexOf(QStringLiteral("ex-7")), 3);
    QCOMPARE(view.rowsInViewOrder().first().id, QStringLiteral("ex-6"));
}

void TstDashboard::sortByLengthAndMethod()
{
    DashboardView view;
    QVector<view::EvalRow> rows = sampleRows();
    rows.append(makeRow(QStringLiteral("ex-7"), QStringLiteral("aoc"), 4, 1000, 0.3));
    view.setRows(rows);
    view.tableView()->sortByColumn(EvalTableModel::LengthColumn, Qt::DescendingOrder);
    QCOMPARE(columnIds(view.proxyModel()).first(), QStringLiteral("ex-7"));  // 1000 > 192 numerically
    view.tableView()->sortByColumn(EvalTableModel::MethodColumn, Qt::AscendingOrder);
    QCOMPARE(view.proxyModel()->index(0, EvalTableModel::MethodColumn).data().toString(), QStringLiteral("500x"));
    QCOMPARE(view.proxyModel()->index(6, EvalTableModel::MethodColumn).data().toString(), QStringLiteral("icae"));
}

void TstDashboard::series()
{
    const auto series = DashboardView::computeSeries(sampleRows(), DashboardView::Bleu, 0);
    // (500x, 4), (500x, 16), (icae, 4) in sorted order.
    QCOMPARE(series.size(), 3);
    QCOMPARE(series[0].method, QStringLiteral("500x"));
    QCOMPARE(series[0].memoryTokens, 4);
    QCOMPARE(series[0].lengths, (QVector<double>{96, 192}));
    QCOMPARE(series[0].values[0], (0.5 + 0.9) / 2);
    QCOMPARE(series[0].values[1], 0.123);
    QCOMPARE(series[0].counts, (QVector<int>{2, 1}));
    QCOMPARE(series[1].memoryTokens, 16);
    QCOMPARE(series[1].values, QVector<double>{1.0});
    QCOMPARE(series[2].method, QStringLiteral("icae"));
    QCOMPARE(series[2].values, (QVector<double>{0.05, 0.7}));
    QCOMPARE(DashboardView::seriesLabel(series[0]), QStringLiteral("500x m=4"));

    // ROUGE-L and EM use their own fields.
    const auto rouge = DashboardView::computeSeries(sampleRows(), DashboardView::RougeLF, 0);
    QCOMPARE(rouge[0].values[0], (0.7 + 0.95) / 2);
    const auto em = DashboardView::computeSeries(sampleRows(), DashboardView::ExactMatch, 0);
    QCOMPARE(em[0].values[0], 0.5);

    // 100-token buckets: 96 -> [0,100) centre 50, 192 -> [100,200) centre 150.
    const auto bucketed = DashboardView::computeSeries(sampleRows(), DashboardView::Bleu, 100);
    QCOMPARE(bucketed[0].lengths, (QVector<double>{50, 150}));

    // Two compressors with the same method and m (e.g. a QA-tuned one) get a line each, named by label.
    QVector<view::EvalRow> rows = sampleRows();
    view::EvalRow qa = rows[0];
    qa.compressor = QStringLiteral("500x m=4 (QA)");
    rows.append(qa);
    const auto split = DashboardView::computeSeries(rows, DashboardView::Bleu, 0);
    QCOMPARE(split.size(), 4);
    QStringList labels;
    for (const auto& s : split) labels << DashboardView::seriesLabel(s);
    QVERIFY(labels.contains(QStringLiteral("500x m=4 (QA)")));
    QVERIFY(labels.contains(QStringLiteral("500x m=4")));
}

void TstDashboard::automaticBuckets()
{
    QCOMPARE(DashboardView::automaticBucketWidth(sampleRows()), 0);  // two lengths: exact
    QVector<view::EvalRow> rows;
    for (int i = 0; i < 50; ++i)
        rows.append(makeRow(QString::number(i), QStringLiteral("500x"), 4, 10 + 10 * i, 0.5));
    const int width = DashboardView::automaticBucketWidth(rows);  // span 490 -> 50
    QCOMPARE(width, 50);
    const auto series = DashboardView::computeSeries(rows, DashboardView::Bleu, width);
    QCOMPARE(series.size(), 1);
    QVERIFY(series[0].lengths.size() <= 11);
    int total = 0;
    for (int c : series[0].counts)
        total += c;
    QCOMPARE(total, 50);
}

void TstDashboard::plotFollowsMetric()
{
    DashboardView view;
    view.setRows(sampleRows());
    QCustomPlot* plot = view.plot();
    QCOMPARE(plot->graphCount(), 3);
    QCOMPARE(plot->graph(0)->name(), QStringLiteral("500x m=4"));
    QCOMPARE(plot->graph(0)->dataCount(), 2);
    QCOMPARE(plot->graph(0)->data()->at(0)->value, 0.7);
    QCOMPARE(plot->yAxis->label(), QStringLiteral("BLEU"));
    auto* combo = view.findChild<QComboBox*>(QStringLiteral("metricCombo"));
    QVERIFY(combo);
    combo->setCurrentIndex(1);
    emit combo->activated(1);
    QCOMPARE(view.metric(), DashboardView::RougeLF);
    QCOMPARE(plot->yAxis->label(), QStringLiteral("ROUGE-L F"));
    QCOMPARE(plot->graph(0)->data()->at(0)->value, (0.7 + 0.95) / 2);
    view.setMetric(DashboardView::ExactMatch);
    QCOMPARE(plot->graph(0)->data()->at(0)->value, 0.5);
    QCOMPARE(combo->currentIndex(), 2);
    view.appendRow(makeRow(QStringLiteral("ex-7"), QStringLiteral("aoc"), 4, 300, 0.6));
    QCOMPARE(plot->graphCount(), 4);
    view.clear();
    QCOMPARE(plot->graphCount(), 0);
}

void TstDashboard::progressAndCancel()
{
    DashboardView view;
    QSignalSpy cancel(&view, &DashboardView::cancelRequested);
    QVERIFY(!view.cancelButton()->isEnabled());
    view.setProgress(3, 10);
    QVERIFY(view.isRunning());
    QCOMPARE(view.progressBar()->value(), 3);
    QCOMPARE(view.progressBar()->maximum(), 10);
    QVERIFY(view.cancelButton()->isEnabled());
    QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    view.setProgress(10, 10);
    QVERIFY(!view.isRunning());
    QVERIFY(!view.cancelButton()->isEnabled());
    QCOMPARE(view.progressDone(), 10);
}

void TstDashboard::rowActivation()
{
    DashboardView view;
    view.resize(1000, 600);
    view.setRows(sampleRows());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.tableView()->sortByColumn(EvalTableModel::BleuColumn, Qt::AscendingOrder);
    QSignalSpy spy(&view, &DashboardView::rowActivated);

    // Double-click on the first row of the sorted table: the lowest BLEU, ex-3.
    QTableView* table = view.tableView();
    const QModelIndex first = view.proxyModel()->index(0, EvalTableModel::BleuColumn);
    const QPoint pos = table->visualRect(first).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, pos);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<view::EvalRow>().id, QStringLiteral("ex-3"));

    // Enter on the current row.
    table->setFocus();
    table->setCurrentIndex(view.proxyModel()->index(1, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<view::EvalRow>().id, QStringLiteral("ex-4"));
}

void TstDashboard::reviewQueue()
{
    DashboardView view;
    view.setRows(sampleRows());
    view.tableView()->sortByColumn(EvalTableModel::BleuColumn, Qt::AscendingOrder);
    QSignalSpy spy(&view, &DashboardView::rowActivated);
    QStringList seen;
    while (view.reviewNext())
        seen << spy.last().at(0).value<view::EvalRow>().id;
    QCOMPARE(seen, (QStringList{QStringLiteral("ex-3"), QStringLiteral("ex-4"), QStringLiteral("ex-1"),
                                QStringLiteral("ex-5"), QStringLiteral("ex-2"), QStringLiteral("ex-6")}));
    QVERIFY(view.reviewPrevious());
    QCOMPARE(spy.last().at(0).value<view::EvalRow>().id, QStringLiteral("ex-2"));
}

void TstDashboard::exportCsv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DashboardView view;
    QVector<view::EvalRow> rows = sampleRows().mid(0, 2);
    rows[1].id = QStringLiteral("needs, \"quoting\"");
    view.setRows(rows);
    view.tableView()->sortByColumn(EvalTableModel::BleuColumn, Qt::DescendingOrder);
    const QString path = dir.filePath(QStringLiteral("table.csv"));
    QString error;
    QVERIFY2(view.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("id,method,memory_tokens,length,bleu,rouge_l_f,exact_match,teacher_forced_accuracy,"
                                      "prefix_exact_match,compression_ratio,mistakes,information_loss,hallucinations,"
                                      "paraphrases"));
    // Sorted as shown: BLEU 0.9 first. Teacher-forced accuracy not measured: an empty field.
    QCOMPARE(lines[1], QStringLiteral("\"needs, \"\"quoting\"\"\",500x,4,96,0.9,0.95,1,,0.45,24,2,0,1,0"));
    QCOMPARE(lines[2], QStringLiteral("ex-1,500x,4,96,0.5,0.7,0,,0.25,24,2,0,1,0"));
}

void TstDashboard::exportJson()
{
    QTemporaryDir dir;
    DashboardView view;
    view.setRows(sampleRows());
    const QString path = dir.filePath(QStringLiteral("table.json"));
    QString error;
    QVERIFY2(view.exportJson(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray rows = doc.object().value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 6);
    const QJsonObject r = rows.at(3).toObject();
    QCOMPARE(r.value(QStringLiteral("id")).toString(), QStringLiteral("ex-4"));
    QCOMPARE(r.value(QStringLiteral("method")).toString(), QStringLiteral("500x"));
    QCOMPARE(r.value(QStringLiteral("memory_tokens")).toInt(), 4);
    QCOMPARE(r.value(QStringLiteral("length")).toInt(), 192);
    QCOMPARE(r.value(QStringLiteral("bleu")).toDouble(), 0.123);
    QCOMPARE(r.value(QStringLiteral("compression_ratio")).toDouble(), 48.0);
    QCOMPARE(r.value(QStringLiteral("errors")).toObject().value(QStringLiteral("mistake")).toInt(), 2);
    QCOMPARE(r.value(QStringLiteral("errors")).toObject().value(QStringLiteral("hallucination")).toInt(), 1);
    QCOMPARE(r.value(QStringLiteral("original")).toString(), QStringLiteral("original of ex-4"));
    QCOMPARE(doc.object().value(QStringLiteral("format")).toString(), QStringLiteral("xcomp-eval-table"));
}

void TstDashboard::exportPlots()
{
    QTemporaryDir dir;
    DashboardView view;
    view.setRows(sampleRows());
    view.setMetric(DashboardView::RougeLF);
    QString error;
    const QString png = dir.filePath(QStringLiteral("plot.png"));
    const QString pdf = dir.filePath(QStringLiteral("plot.pdf"));
    QVERIFY2(view.exportPlot(png, &error), qPrintable(error));
    QVERIFY2(view.exportPlot(pdf, &error), qPrintable(error));
    QVERIFY(QFileInfo(png).size() > 1000);
    QVERIFY(QFileInfo(pdf).size() > 1000);
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 300);

    const QStringList all = view.exportAllPlots(dir.filePath(QStringLiteral("all")), QStringLiteral("fig"), &error);
    QCOMPARE(all.size(), 6);
    for (const QString& path : all)
        QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(path));
    QVERIFY(all.contains(dir.filePath(QStringLiteral("all/fig-bleu.pdf"))));
    QVERIFY(all.contains(dir.filePath(QStringLiteral("all/fig-exact_match.png"))));
    QCOMPARE(view.metric(), DashboardView::RougeLF);  // restored
}

void TstDashboard::exportErrors()
{
    DashboardView view;
    view.setRows(sampleRows());
    QString error;
    QVERIFY(!view.exportCsv(QStringLiteral("/nonexistent-dir/x/table.csv"), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!view.exportPlot(QStringLiteral("/nonexistent-dir/x/plot.png"), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QTemporaryDir dir;
    QVERIFY(!view.exportPlot(dir.filePath(QStringLiteral("plot.gif")), &error));
    QVERIFY(error.contains(QStringLiteral("gif")));
}

void TstDashboard::languageChangeKeepsState()
{
    DashboardView view;
    view.setRows(sampleRows());
    view.setMetric(DashboardView::ExactMatch);
    view.setProgress(2, 5);
    view.tableView()->sortByColumn(EvalTableModel::BleuColumn, Qt::AscendingOrder);
    QEvent event(QEvent::LanguageChange);
    QApplication::sendEvent(&view, &event);
    QCOMPARE(view.metric(), DashboardView::ExactMatch);
    QCOMPARE(view.progressDone(), 2);
    QVERIFY(view.cancelButton()->isEnabled());
    QCOMPARE(view.rowsInViewOrder().first().id, QStringLiteral("ex-3"));
    QCOMPARE(view.plot()->graphCount(), 3);
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TstDashboard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_dashboard.moc"
