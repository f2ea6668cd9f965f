// Renders the regeneration-review widgets (DiffView, ErrorLegend, MetricsStrip, CompareView) with
// realistic sample data offscreen through QWidget::grab(). With XCOMP_SCREENSHOT_DIR set, the PNGs
// are written there (for docs and for looking at them); without it the images are still rendered
// and checked to be non-empty and not blank.
#include "compareview.h"
#include "diffview.h"
#include "errorlegend.h"
#include "errorstyle.h"
#include "metricsstrip.h"

#include "widget_test_util.h"

#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QImage>
#include <QSet>
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

constexpr ErrorType E = ErrorType::Equal, M = ErrorType::Mistake, IL = ErrorType::InformationLoss,
                    H = ErrorType::Hallucination, P = ErrorType::Paraphrase;

// 96 source tokens compressed into 4 memory tokens; three compressors' regenerations.
DiffData curie500x()
{
    return build({
        {E, "Marie Curie was a Polish and naturalised-French physicist and chemist who ",
            "Marie Curie was a Polish and naturalised-French physicist and chemist who "},
        {P, "conducted", "carried out"},
        {E, " pioneering research on radioactivity. She was the first woman to win a Nobel Prize, ",
            " pioneering research on radioactivity. She was the first woman to win a Nobel Prize, "},
        {IL, "the first person to win a Nobel Prize twice, ", ""},
        {E, "and the only person to win a Nobel Prize in two scientific fields. Her husband, Pierre "
            "Curie, was a co-winner of her first Nobel Prize, in ",
            "and the only person to win a Nobel Prize in two scientific fields. Her husband, Pierre "
            "Curie, was a co-winner of her first Nobel Prize, in "},
        {M, "1903", "1911"},
        {E, ". She was, in 1906, the first woman to become a professor at the University of Paris",
            ". She was, in 1906, the first woman to become a professor at the University of Paris"},
        {H, "", " and the Sorbonne"},
        {E, ".", "."},
    });
}

DiffData curieIcae()
{
    return build({
        {E, "Marie Curie was a ", "Marie Curie was a "},
        {M, "Polish", "French"},
        {IL, " and naturalised-French", ""},
        {E, " physicist and chemist who ", " physicist and chemist who "},
        {P, "conducted pioneering research on", "pioneered research into"},
        {E, " radioactivity. She was the first woman to win a Nobel Prize",
            " radioactivity. She was the first woman to win a Nobel Prize"},
        {IL, ", the first person to win a Nobel Prize twice, and the only person to win a Nobel "
             "Prize in two scientific fields", ""},
        {E, ". Her husband, ", ". Her husband, "},
        {M, "Pierre", "Paul"},
        {E, " Curie, was a co-winner of her first Nobel Prize", " Curie, was a co-winner of her first Nobel Prize"},
        {IL, ", in 1903", ""},
        {E, ". She was, in 1906, the first woman to become a ", ". She was, in 1906, the first woman to become a "},
        {M, "professor", "lecturer"},
        {E, " at the University of Paris", " at the University of Paris"},
        {H, "", " in France"},
        {E, ".", "."},
    });
}

DiffData curieAoc()
{
    return build({
        {E, "Marie Curie was a Polish and ", "Marie Curie was a Polish and "},
        {P, "naturalised-French", "naturalized French"},
        {E, " physicist and chemist who conducted pioneering research on radioactivity. She was the "
            "first woman to win a Nobel Prize, the first person to win a Nobel Prize twice, and the only "
            "person to win a Nobel Prize in two scientific fields. Her husband, Pierre Curie, was a "
            "co-winner of her first Nobel Prize, in 1903. She was, in 1906, the first woman to become a "
            "professor at the University of Paris.",
            " physicist and chemist who conducted pioneering research on radioactivity. She was the "
            "first woman to win a Nobel Prize, the first person to win a Nobel Prize twice, and the only "
            "person to win a Nobel Prize in two scientific fields. Her husband, Pierre Curie, was a "
            "co-winner of her first Nobel Prize, in 1903. She was, in 1906, the first woman to become a "
            "professor at the University of Paris."},
    });
}

RegenerationMetrics metrics(double bleu, double rouge, double prefix, qint64 compressedBytes,
                            double compressMs, double regenerateMs)
{
    RegenerationMetrics m;
    m.bleu = bleu;
    m.rougeLF = rouge;
    m.exactMatch = 0;
    m.prefixExactMatch = prefix;
    m.sourceTokens = 96;
    m.memoryTokens = 4;
    m.compressionRatio = 24;
    m.compressedBytes = compressedBytes;
    m.fullKvBytes = 96 * 6 * 2 * 384 * 2;  // 6 layers, K and V, d=384, bf16
    m.compressMs = compressMs;
    m.regenerateMs = regenerateMs;
    return m;
}

QVector<RegenerationView> curieResults()
{
    const qint64 kv4 = 4 * 6 * 2 * 384 * 2;  // per-layer keys and values of 4 memory tokens
    const qint64 emb4 = 4 * 384 * 2;         // ICAE: 4 input embeddings
    RegenerationView a{S("500x m=4"), curie500x(), metrics(0.781, 0.902, 0.17, kv4, 18, 640)};
    RegenerationView b{S("ICAE m=4"), curieIcae(), metrics(0.412, 0.655, 0.04, emb4, 11, 610)};
    RegenerationView c{S("AOC m=4"), curieAoc(), metrics(0.962, 0.981, 0.07, kv4, 16, 655)};
    return {a, b, c};
}

// A usable screenshot: right size, and more than a handful of distinct colours (not blank).
void checkImage(const QImage& img, const QSize& expected)
{
    QVERIFY(!img.isNull());
    QCOMPARE(img.size(), expected * img.devicePixelRatio());
    QSet<QRgb> colours;
    const QImage im = img.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < im.height(); y += 2)
        for (int x = 0; x < im.width(); x += 2)
            colours.insert(im.pixel(x, y));
    QVERIFY2(colours.size() > 8, "the image looks blank");
}

void save(QWidget& w, const QString& name)
{
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCursor::setPos(w.mapToGlobal(QPoint(w.width() + 500, w.height() + 500)));  // no hover effects
    QApplication::processEvents();
    const QImage img = w.grab().toImage();
    checkImage(img, w.size());
    const QString dir = qEnvironmentVariable("XCOMP_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
        QVERIFY2(img.save(path), qPrintable(path));
        qInfo("wrote %s", qPrintable(path));
    }
}

}  // namespace

class TestWidgetScreenshots : public QObject {
    Q_OBJECT

private slots:
    void diffView();
    void diffViewEmpty();
    void errorLegend();
    void metricsStrip();
    void metricsStripCompact();
    void compareView();
    void compareViewEmpty();
};

void TestWidgetScreenshots::diffView()
{
    DiffView w;
    w.resize(1100, 360);
    w.setDiff(curie500x());
    const int pos = int(curie500x().regenerated.indexOf(S("1911")));
    w.setSelectedRegeneratedToken(pos);
    save(w, QStringLiteral("diffview"));
}

void TestWidgetScreenshots::diffViewEmpty()
{
    DiffView w;
    w.resize(900, 220);
    save(w, QStringLiteral("diffview_empty"));
}

void TestWidgetScreenshots::errorLegend()
{
    ErrorLegend w;
    w.setCounts(ErrorStyle::countSpans(curieIcae()));
    w.resize(w.sizeHint().width() + 20, w.sizeHint().height() + 8);
    save(w, QStringLiteral("errorlegend"));
}

void TestWidgetScreenshots::metricsStrip()
{
    MetricsStrip w;
    w.setMetrics(curieResults().at(0).metrics);
    w.resize(qMax(1100, w.sizeHint().width()), w.sizeHint().height());
    save(w, QStringLiteral("metricsstrip"));
}

void TestWidgetScreenshots::metricsStripCompact()
{
    MetricsStrip w;
    w.setCompact(true);
    w.setMetrics(curieResults().at(0).metrics);
    w.resize(qMax(300, w.sizeHint().width()), w.sizeHint().height());
    save(w, QStringLiteral("metricsstrip_compact"));
}

void TestWidgetScreenshots::compareView()
{
    CompareView w;
    w.resize(1400, 560);
    const QVector<RegenerationView> results = curieResults();
    w.setOriginal(results.first().diff.original);
    w.setResults(results);
    w.setHighlightedColumn(1);  // the original marked with what ICAE lost
    QCOMPARE(w.columnCount(), 3);
    save(w, QStringLiteral("compareview"));
}

void TestWidgetScreenshots::compareViewEmpty()
{
    CompareView w;
    w.resize(900, 200);
    save(w, QStringLiteral("compareview_empty"));
}

QTEST_MAIN(TestWidgetScreenshots)
#include "tst_widget_screenshots.moc"
