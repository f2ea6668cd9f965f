// CompareView (columns, labels, colours, highlighting, scrolling) and MetricsStrip (texts, tooltips).
#include "compareview.h"
#include "diffview.h"
#include "errorlegend.h"
#include "errorstyle.h"
#include "metricsstrip.h"

#include "widget_test_util.h"

#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QScrollBar>
#include <QLocale>
#include <QTableView>
#include <QStandardItemModel>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>

using namespace xcomp;
using test::build;
using test::S;
using view::DiffData;
using view::DiffSpan;
using view::ErrorType;
using view::RegenerationMetrics;
using view::RegenerationView;

namespace {

const char* kOriginal = "The cat sat on the mat near the door.";

RegenerationMetrics metrics(double bleu)
{
    RegenerationMetrics m;
    m.bleu = bleu;
    m.rougeLF = 0.9;
    m.exactMatch = 0;
    m.prefixExactMatch = 0.43;
    m.sourceTokens = 96;
    m.memoryTokens = 4;
    m.compressionRatio = 24;
    m.compressedBytes = 48 * 1024;
    m.fullKvBytes = 1152 * 1024;
    m.compressMs = 12;
    m.regenerateMs = 2400;
    return m;
}

QVector<RegenerationView> threeResults()
{
    RegenerationView a;
    a.compressorLabel = S("500x m=4");
    a.diff = build({{ErrorType::Equal, S("The "), S("The ")},
                    {ErrorType::Mistake, S("cat"), S("dog")},
                    {ErrorType::Equal, S(" sat on the mat near the door."), S(" sat on the mat near the door.")}});
    a.metrics = metrics(0.61);
    RegenerationView b;
    b.compressorLabel = S("ICAE m=4");
    b.diff = build({{ErrorType::Equal, S("The cat sat on the mat "), S("The cat sat on the mat ")},
                    {ErrorType::InformationLoss, S("near the door"), QString()},
                    {ErrorType::Hallucination, QString(), S("all day")},
                    {ErrorType::Equal, S("."), S(".")}});
    b.metrics = metrics(0.48);
    RegenerationView c;
    c.compressorLabel = S("AOC m=4");
    c.diff = build({{ErrorType::Equal, S("The cat "), S("The cat ")},
                    {ErrorType::Paraphrase, S("sat"), S("was sitting")},
                    {ErrorType::Equal, S(" on the mat near the door."), S(" on the mat near the door.")}});
    c.metrics = metrics(0.83);
    return {a, b, c};
}

bool isRed(QRgb c) { return qRed(c) > 150 && qGreen(c) < 90 && qBlue(c) < 90; }

int countRed(const QImage& img)
{
    const QImage im = img.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < im.height(); ++y)
        for (int x = 0; x < im.width(); ++x)
            n += isRed(im.pixel(x, y)) ? 1 : 0;
    return n;
}

}  // namespace

class TestCompareView : public QObject {
    Q_OBJECT

private slots:
    void columnsAndLabels();
    void columnsColourTheirText();
    void originalDefaultsToFirstResult();
    void highlightColumnMarksOriginal();
    void clickingColumnActivatesIt();
    void scrollingIsShared();
    void rebuildAndClear();
    void pixelsInColumns();
    void metricsTexts();
    void metricsCompactAndTooltips();
    void metricsFormatting();
    void summaryTableSortsByEveryScore();
    void summaryChoosesTheColumnsShown();
    void originalIsPinnedOutsideTheScroll();
    void summaryShowsTheGapToTheUpperBound();
};

void TestCompareView::columnsAndLabels()
{
    CompareView view;
    QCOMPARE(view.columnCount(), 0);
    view.setOriginal(S(kOriginal));
    view.setResults(threeResults());
    QCOMPARE(view.columnCount(), 3);
    QCOMPARE(view.columnLabel(0), S("500x m=4"));
    QCOMPARE(view.columnLabel(1), S("ICAE m=4"));
    QCOMPARE(view.columnLabel(2), S("AOC m=4"));
    QCOMPARE(view.columnLabel(3), QString());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(view.headerLabel(i)->text().contains(view.columnLabel(i)));
        QVERIFY(view.metricsStrip(i)->isCompact());
        QCOMPARE(view.metricsStrip(i)->metrics().bleu, threeResults().at(i).metrics.bleu);
        QCOMPARE(view.regeneratedEdit(i)->toPlainText(), threeResults().at(i).diff.regenerated);
    }
    QCOMPARE(view.originalEdit()->toPlainText(), S(kOriginal));
    QVERIFY(view.headerLabel(1)->toolTip().contains(ErrorStyle::name(ErrorType::InformationLoss)));
    QVERIFY(!view.legend()->countsVisible());
}

void TestCompareView::columnsColourTheirText()
{
    CompareView view;
    view.setResults(threeResults());
    QCOMPARE(view.regeneratedEdit(0)->formatAt(5).foreground().color(),
             ErrorStyle::foreground(ErrorType::Mistake));
    QCOMPARE(view.regeneratedEdit(0)->typeAt(0), ErrorType::Equal);
    const QString b = view.regeneratedEdit(1)->toPlainText();
    QCOMPARE(view.regeneratedEdit(1)->formatAt(int(b.indexOf(S("all day")))).foreground().color(),
             ErrorStyle::foreground(ErrorType::Hallucination));
    QCOMPARE(view.regeneratedEdit(2)->typeAt(10), ErrorType::Paraphrase);
    QVERIFY(view.regeneratedEdit(0)->toolTipAt(5).contains(S("original: “cat”")));
}

void TestCompareView::originalDefaultsToFirstResult()
{
    CompareView view;
    view.setResults(threeResults());
    QCOMPARE(view.original(), S(kOriginal));
    QCOMPARE(view.originalEdit()->toPlainText(), S(kOriginal));
    view.setOriginal(S("Another text."));
    QCOMPARE(view.originalEdit()->toPlainText(), S("Another text."));
}

void TestCompareView::highlightColumnMarksOriginal()
{
    CompareView view;
    view.setOriginal(S(kOriginal));
    view.setResults(threeResults());
    const int lost = int(S(kOriginal).indexOf(S("near")));
    QCOMPARE(view.originalEdit()->typeAt(lost), ErrorType::Equal);
    QVERIFY(!view.originalEdit()->formatAt(lost).hasProperty(QTextFormat::BackgroundBrush));

    view.setHighlightedColumn(1);
    QCOMPARE(view.highlightedColumn(), 1);
    QCOMPARE(view.originalEdit()->typeAt(lost), ErrorType::InformationLoss);
    QCOMPARE(view.originalEdit()->formatAt(lost).background().color(),
             ErrorStyle::background(ErrorType::InformationLoss));
    QVERIFY(view.originalEdit()->formatAt(lost).fontItalic());

    view.setHighlightedColumn(0);
    QCOMPARE(view.originalEdit()->typeAt(lost), ErrorType::Equal);
    QCOMPARE(view.originalEdit()->typeAt(4), ErrorType::Mistake);

    view.setHighlightedColumn(-1);
    QCOMPARE(view.originalEdit()->typeAt(4), ErrorType::Equal);
    view.setHighlightedColumn(7);  // out of range: none
    QCOMPARE(view.highlightedColumn(), -1);
}

void TestCompareView::clickingColumnActivatesIt()
{
    CompareView view;
    view.resize(1300, 500);
    view.setResults(threeResults());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &CompareView::columnActivated);
    QSignalSpy clicked(&view, &CompareView::regeneratedPositionClicked);
    DiffTextEdit* edit = view.regeneratedEdit(2);
    const QRect r = edit->charRect(10);
    QVERIFY(r.isValid());
    QTest::mouseClick(edit->viewport(), Qt::LeftButton, {}, r.center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 2);
    QCOMPARE(view.highlightedColumn(), 2);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 2);
    QCOMPARE(clicked.at(0).at(1).toInt(), 10);
    // The clicked paraphrase is outlined in the column and in the original.
    QCOMPARE(edit->markedBegin(), 8);
    QCOMPARE(view.originalEdit()->markedBegin(), 8);
    QCOMPARE(view.originalEdit()->markedEnd(), 11);
    // Clicking the highlighted column's header clears the highlight.
    QTest::mouseClick(view.headerLabel(2), Qt::LeftButton);
    QCOMPARE(view.highlightedColumn(), -1);
}

void TestCompareView::scrollingIsShared()
{
    CompareView view;
    view.resize(1100, 300);
    QVector<RegenerationView> results = threeResults();
    QString longText;
    for (int i = 0; i < 60; ++i)
        longText += S("Line %1 of a long text that needs a scroll bar.\n").arg(i);
    for (RegenerationView& r : results) {
        r.diff.original = longText;
        r.diff.regenerated = longText + longText.left(longText.size() / 2);
        r.diff.spans.clear();
    }
    view.setResults(results);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar* o = view.originalEdit()->verticalScrollBar();
    QVERIFY(o->maximum() > 0);
    o->setValue(o->maximum());
    for (int i = 0; i < 3; ++i) {
        QScrollBar* s = view.regeneratedEdit(i)->verticalScrollBar();
        QVERIFY(s->maximum() > 0);
        QCOMPARE(s->value(), s->maximum());
    }
    QScrollBar* s1 = view.regeneratedEdit(1)->verticalScrollBar();
    s1->setValue(s1->maximum() / 2);
    QVERIFY(qAbs(o->value() - o->maximum() / 2) <= 2);
    QVERIFY(qAbs(view.regeneratedEdit(2)->verticalScrollBar()->value() - s1->value()) <= 2);
}

void TestCompareView::rebuildAndClear()
{
    CompareView view;
    view.setResults(threeResults());
    view.setHighlightedColumn(2);
    QVector<RegenerationView> two = threeResults().mid(0, 2);
    view.setResults(two);
    QCOMPARE(view.columnCount(), 2);
    QCOMPARE(view.highlightedColumn(), -1);
    QVERIFY(!view.regeneratedEdit(2));
    QVERIFY(!view.metricsStrip(2));
    QCOMPARE(view.findChildren<MetricsStrip*>().size(), 2);
    view.clear();
    QCOMPARE(view.columnCount(), 0);
    QVERIFY(view.originalEdit()->toPlainText().isEmpty());
    QCOMPARE(view.findChildren<MetricsStrip*>().size(), 0);
    view.resize(500, 300);
    QVERIFY(!view.grab().toImage().isNull());
}

void TestCompareView::pixelsInColumns()
{
    CompareView view;
    view.resize(1400, 500);
    QFont f = view.font();
    f.setPointSize(22);
    QVector<RegenerationView> results = threeResults();
    view.setResults(results);
    for (int i = 0; i < view.columnCount(); ++i)
        view.regeneratedEdit(i)->setFont(f);
    // The legend's swatches are red too: look at the text columns only.
    QVERIFY(countRed(view.regeneratedEdit(0)->grab().toImage()) > 30);  // "dog" is a mistake
    QCOMPARE(countRed(view.regeneratedEdit(1)->grab().toImage()), 0);
    QCOMPARE(countRed(view.regeneratedEdit(2)->grab().toImage()), 0);
}

void TestCompareView::metricsTexts()
{
    MetricsStrip strip;
    QCOMPARE(strip.fieldText(MetricsStrip::Bleu), QString(QChar(0x2014)));
    strip.setMetrics(metrics(0.8734));
    QCOMPARE(strip.fieldText(MetricsStrip::Bleu), S("0.873"));
    QCOMPARE(strip.fieldText(MetricsStrip::RougeL), S("0.900"));
    QCOMPARE(strip.fieldText(MetricsStrip::ExactMatch), S("no"));
    QCOMPARE(strip.fieldText(MetricsStrip::PrefixExactMatch), S("43%"));
    QCOMPARE(strip.fieldText(MetricsStrip::Compression), S("96 tokens → 4 memory tokens (24×)"));
    QCOMPARE(strip.fieldText(MetricsStrip::Memory), S("48.0 KiB vs 1.1 MiB (24× smaller)"));
    QCOMPARE(strip.fieldText(MetricsStrip::Timing), S("compress 12 ms · regenerate 2.40 s"));
    RegenerationMetrics m = metrics(1);
    m.exactMatch = 1;
    m.memoryTokens = 1;
    m.compressionRatio = 0;  // derived from the token counts
    strip.setMetrics(m);
    QCOMPARE(strip.fieldText(MetricsStrip::ExactMatch), S("yes"));
    QCOMPARE(strip.fieldText(MetricsStrip::Compression), S("96 tokens → 1 memory token (96×)"));
    strip.clear();
    QVERIFY(!strip.hasMetrics());
    QCOMPARE(strip.fieldText(MetricsStrip::Compression), QString(QChar(0x2014)));
}

void TestCompareView::metricsCompactAndTooltips()
{
    MetricsStrip strip;
    strip.setMetrics(metrics(0.5));
    for (int i = 0; i < MetricsStrip::kFieldCount; ++i) {
        const auto f = MetricsStrip::Field(i);
        QVERIFY(!strip.fieldToolTip(f).isEmpty());
        QVERIFY(!strip.fieldTitle(f).isEmpty());
    }
    QVERIFY(strip.fieldToolTip(MetricsStrip::Bleu).contains(S("BLEU")));
    QVERIFY(strip.fieldToolTip(MetricsStrip::RougeL).contains(S("longest common subsequence")));
    QVERIFY(strip.fieldToolTip(MetricsStrip::PrefixExactMatch).contains(S("first error")));
    QVERIFY(strip.fieldToolTip(MetricsStrip::Memory).contains(S("1,179,648")) ||
            strip.fieldToolTip(MetricsStrip::Memory).contains(S("1179648")));
    auto* card = strip.findChild<QFrame*>(S("metric-compression"));
    QVERIFY(card);
    QCOMPARE(card->toolTip(), strip.fieldToolTip(MetricsStrip::Compression));
    QVERIFY(card->findChildren<QLabel*>().last()->text().contains(S("24×")));

    strip.setCompact(true);
    QCOMPARE(strip.fieldText(MetricsStrip::Compression), S("96 → 4 tokens (24×)"));
    QCOMPARE(strip.fieldText(MetricsStrip::Memory), S("48.0 KiB vs 1.1 MiB"));
    strip.resize(strip.sizeHint());
    QVERIFY(strip.sizeHint().width() < 420);
    QVERIFY(!strip.grab().toImage().isNull());
}

void TestCompareView::metricsFormatting()
{
    QCOMPARE(MetricsStrip::formatBytes(512), S("512 bytes"));
    QCOMPARE(MetricsStrip::formatBytes(1536), S("1.5 KiB"));
    QCOMPARE(MetricsStrip::formatDuration(850), S("850 ms"));
    QCOMPARE(MetricsStrip::formatDuration(2.26), S("2.3 ms"));
    QCOMPARE(MetricsStrip::formatDuration(2400), S("2.40 s"));
    QCOMPARE(MetricsStrip::formatDuration(125000), S("2 min 5 s"));
}

// Issue 20: a summary above the columns, one row per compressor, sortable by its numbers.
void TestCompareView::summaryTableSortsByEveryScore()
{
    CompareView view;
    view.resize(1200, 600);
    view.show();
    view.setResults(threeResults());
    QStandardItemModel* model = view.summaryModel();
    QCOMPARE(model->rowCount(), 3);
    QVERIFY(view.summaryTable()->isVisible());
    const auto labels = [model] {
        QStringList out;
        for (int r = 0; r < model->rowCount(); ++r)
            out << model->item(r, CompareView::SummaryCompressor)->text();
        return out;
    };
    view.summaryTable()->sortByColumn(CompareView::SummaryBleu, Qt::DescendingOrder);
    QCOMPARE(labels(), (QStringList{S("AOC m=4"), S("500x m=4"), S("ICAE m=4")}));
    view.summaryTable()->sortByColumn(CompareView::SummaryBleu, Qt::AscendingOrder);
    QCOMPARE(labels().first(), S("ICAE m=4"));
    QCOMPARE(model->item(0, CompareView::SummaryBleu)->text(), QLocale().toString(0.48, 'f', 3));
    // Error counts per type: ICAE lost one span and invented one.
    const int lossColumn = CompareView::SummaryFirstError + int(ErrorStyle::errorTypes().indexOf(ErrorType::InformationLoss));
    QCOMPARE(model->item(0, lossColumn)->data(Qt::UserRole).toDouble(), 1.0);
    view.summaryTable()->sortByColumn(lossColumn, Qt::DescendingOrder);
    QCOMPARE(labels().first(), S("ICAE m=4"));
    // The order survives a new result arriving.
    QVector<RegenerationView> four = threeResults();
    RegenerationView d = four.first();
    d.compressorLabel = S("AOC m=16");
    d.metrics = metrics(0.99);
    four << d;
    view.summaryTable()->sortByColumn(CompareView::SummaryBleu, Qt::DescendingOrder);
    view.setResults(four);
    QCOMPARE(labels().first(), S("AOC m=16"));
}

void TestCompareView::summaryChoosesTheColumnsShown()
{
    CompareView view;
    view.resize(1200, 600);
    view.show();
    view.setResults(threeResults());
    QStandardItem* icae = view.summaryModel()->findItems(S("ICAE m=4")).value(0);
    QVERIFY(icae);
    icae->setCheckState(Qt::Unchecked);
    QVERIFY(!view.isColumnVisible(1));
    QVERIFY(!view.regeneratedEdit(1)->isVisible());
    QVERIFY(view.regeneratedEdit(0)->isVisible());
    // Results arriving one by one keep the choice.
    view.setResults(threeResults());
    QVERIFY(!view.isColumnVisible(1));
    QVERIFY(!view.regeneratedEdit(1)->isVisible());
    view.setColumnVisible(1, true);
    QCOMPARE(view.summaryModel()->findItems(S("ICAE m=4")).value(0)->checkState(), Qt::Checked);
    QVERIFY(view.regeneratedEdit(1)->isVisible());
    // Choosing a row marks that column's errors in the original.
    QSignalSpy activated(&view, &CompareView::columnActivated);
    const QModelIndex aoc = view.summaryModel()->findItems(S("AOC m=4")).value(0)->index();
    view.summaryTable()->setCurrentIndex(aoc);
    QCOMPARE(view.highlightedColumn(), 2);
    QCOMPARE(activated.count(), 1);
}

void TestCompareView::originalIsPinnedOutsideTheScroll()
{
    CompareView view;
    view.setMinimumColumnWidth(300);
    view.resize(900, 600);
    view.show();
    QVector<RegenerationView> many;
    for (int i = 0; i < 9; ++i) {
        RegenerationView r = threeResults().at(i % 3);
        r.compressorLabel = S("C%1").arg(i);
        many << r;
    }
    view.setResults(many);
    QApplication::processEvents();
    // Scrolled all the way to the last column, the original is still on screen.
    auto* scroll = view.findChild<QScrollArea*>();
    QVERIFY(scroll);
    QVERIFY(scroll->horizontalScrollBar()->maximum() > 0);
    scroll->horizontalScrollBar()->setValue(scroll->horizontalScrollBar()->maximum());
    QApplication::processEvents();
    QVERIFY(!scroll->isAncestorOf(view.originalEdit()));
    // The original takes a quarter: the result columns get the rest.
    QVERIFY2(view.originalPane()->width() <= view.width() / 3, qPrintable(QString::number(view.originalPane()->width())));
    QVERIFY(view.originalEdit()->isVisible());
    const QRect inView(view.originalEdit()->mapTo(&view, QPoint(0, 0)), view.originalEdit()->size());
    QVERIFY(view.rect().contains(inView));
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"

// Issue 19, item 1: with optimised memory among the results, each compressor's BLEU distance to the
// upper bound of its m; without a bound of its m, a dash.
void TestCompareView::summaryShowsTheGapToTheUpperBound()
{
    CompareView view;
    view.resize(1200, 600);
    view.show();
    QVector<RegenerationView> results = threeResults();  // all m = 4
    RegenerationView bound = results.first();
    bound.compressorLabel = S("Optimised KV m=4");
    bound.upperBound = true;
    bound.metrics = metrics(0.95);
    RegenerationView other = results.first();
    other.compressorLabel = S("AOC m=16");
    other.metrics = metrics(0.7);
    other.metrics.memoryTokens = 16;
    results << bound << other;
    view.setResults(results);
    const int gapColumn = CompareView::summaryGapColumn();
    QCOMPARE(gapColumn, CompareView::SummaryFirstError + int(ErrorStyle::errorTypes().size()));
    QCOMPARE(view.summaryModel()->columnCount(), gapColumn + 1);
    QCOMPARE(view.boundFor(0), 3);
    QCOMPARE(view.boundFor(3), -1);  // the bound itself
    QCOMPARE(view.boundFor(4), -1);  // no bound at m = 16
    QVERIFY(qAbs(view.gapToBound(0) - (0.95 - 0.61)) < 1e-12);
    QVERIFY(qAbs(view.gapToBound(1) - (0.95 - 0.48)) < 1e-12);
    QVERIFY(qIsNaN(view.gapToBound(4)));
    const auto rowOf = [&view](const QString& label) {
        for (int r = 0; r < view.summaryModel()->rowCount(); ++r)
            if (view.summaryModel()->item(r, CompareView::SummaryCompressor)->text() == label)
                return r;
        return -1;
    };
    QStandardItemModel* model = view.summaryModel();
    QCOMPARE(model->item(rowOf(S("ICAE m=4")), gapColumn)->text(), QLocale().toString(0.47, 'f', 3));
    QVERIFY(model->item(rowOf(S("ICAE m=4")), gapColumn)->toolTip().contains(S("Optimised KV m=4")));
    QCOMPARE(model->item(rowOf(S("Optimised KV m=4")), gapColumn)->text(), S("bound"));
    QCOMPARE(model->item(rowOf(S("AOC m=16")), gapColumn)->text(), QString(QChar(0x2014)));
    QVERIFY(!model->horizontalHeaderItem(gapColumn)->toolTip().isEmpty());
    // Sorting by the gap puts the compressor furthest from the bound first.
    view.summaryTable()->sortByColumn(gapColumn, Qt::DescendingOrder);
    QCOMPARE(model->item(0, CompareView::SummaryCompressor)->text(), S("ICAE m=4"));
}
