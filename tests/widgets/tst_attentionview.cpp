// AttentionView from small synthetic AttentionData whose means are worked out by hand below.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach; it must come before any Qt header
#include <qcustomplot.h>

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include "attentionview.h"
#include "headgrid.h"
#include "teachingtext.h"

using namespace xcomp;

namespace {

// L=2 layers, H=2 heads, G=3 regenerated tokens, M=2 memory tokens, N=4 source tokens.
view::AttentionData sample(bool withTotal = true)
{
    view::AttentionData d;
    d.layers = 2;
    d.heads = 2;
    d.memoryTokens = 2;
    d.generatedTokens = {QStringLiteral("\u2581The"), QStringLiteral("\u2581cat"), QStringLiteral("\u2581sat")};
    d.sourceTokens = {QStringLiteral("\u2581The"), QStringLiteral("\u2581cat"), QStringLiteral("\u2581sat"),
                      QStringLiteral("\u2581down")};
    // [L][H][G][M]
    d.memoryAttention = {
        0.2f, 0.4f, 0.1f, 0.3f, 0.0f, 0.6f,  // L0 H0
        0.4f, 0.2f, 0.3f, 0.1f, 0.2f, 0.2f,  // L0 H1
        0.5f, 0.1f, 0.6f, 0.0f, 0.4f, 0.2f,  // L1 H0
        0.1f, 0.1f, 0.2f, 0.2f, 0.3f, 0.3f,  // L1 H1
    };
    if (withTotal) {
        // [L][H][G]
        d.memoryTotal = {0.9f, 0.8f, 0.7f, 0.7f, 0.6f, 0.5f, 0.5f, 0.4f, 0.3f, 0.3f, 0.2f, 0.1f};
    }
    // [L][H][M][N]
    d.encoderAttention = {
        0.1f, 0.6f, 0.2f, 0.1f, 0.4f, 0.1f, 0.1f, 0.4f,  // L0 H0: m0, m1
        0.1f, 0.4f, 0.4f, 0.1f, 0.2f, 0.1f, 0.1f, 0.6f,  // L0 H1
        0.0f, 0.5f, 0.3f, 0.2f, 0.3f, 0.2f, 0.0f, 0.5f,  // L1 H0
        0.2f, 0.5f, 0.1f, 0.2f, 0.5f, 0.0f, 0.1f, 0.4f,  // L1 H1
    };
    return d;
}

void compareVectors(const QVector<double>& actual, const QVector<double>& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (int i = 0; i < actual.size(); ++i) {
        if (std::abs(actual[i] - expected[i]) > 1e-6)
            QFAIL(qPrintable(QStringLiteral("element %1: %2 != %3").arg(i).arg(actual[i]).arg(expected[i])));
    }
}

}  // namespace

class TstAttentionView : public QObject {
    Q_OBJECT
private slots:
    void dimensions();
    void memoryMass_data();
    void memoryMass();
    void displayedBarsFollowLayer();
    void heatmap();
    void oneMemoryTokenIsDrawn();
    void curve();
    void curveWithoutMemoryTotal();
    void encoderAndTopSourceTokens();
    void selectionSignals();
    void spanSelection();
    void clicks();
    void inconsistentData();
    void languageChangeKeepsState();
    void teachingTexts();
};

void TstAttentionView::dimensions()
{
    AttentionView view;
    QVERIFY(!view.hasData());
    QCOMPARE(view.heatmapRows(), 0);
    view.setData(sample());
    QVERIFY(view.hasData());
    QCOMPARE(view.layerCount(), 2);
    QCOMPARE(view.headCount(), 2);
    QCOMPARE(view.generatedCount(), 3);
    QCOMPARE(view.memoryCount(), 2);
    QCOMPARE(view.sourceCount(), 4);
    QCOMPARE(view.encoderLayerCount(), 2);
}

void TstAttentionView::memoryMass_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("head");
    QTest::addColumn<QVector<double>>("expected");
    // Layer 0, m0: (0.2+0.1+0.0 + 0.4+0.3+0.2)/6 = 0.2; m1: (0.4+0.3+0.6 + 0.2+0.1+0.2)/6 = 0.3
    QTest::newRow("layer 0") << 0 << -1 << QVector<double>{0.2, 0.3};
    // Layer 1, m0: (0.5+0.6+0.4 + 0.1+0.2+0.3)/6 = 0.35; m1: (0.1+0.0+0.2 + 0.1+0.2+0.3)/6 = 0.15
    QTest::newRow("layer 1") << 1 << -1 << QVector<double>{0.35, 0.15};
    // Mean of layers: (0.2+0.35)/2, (0.3+0.15)/2
    QTest::newRow("mean") << -1 << -1 << QVector<double>{0.275, 0.225};
    // Layer 0 head 1: (0.4+0.3+0.2)/3, (0.2+0.1+0.2)/3
    QTest::newRow("layer 0 head 1") << 0 << 1 << QVector<double>{0.3, 0.5 / 3.0};
    QTest::newRow("layer out of range") << 2 << -1 << QVector<double>{};
}

void TstAttentionView::memoryMass()
{
    QFETCH(int, layer);
    QFETCH(int, head);
    QFETCH(QVector<double>, expected);
    AttentionView view;
    view.setData(sample());
    compareVectors(view.memoryMass(layer, head), expected);
}

void TstAttentionView::displayedBarsFollowLayer()
{
    AttentionView view;
    view.setData(sample());
    QCOMPARE(view.layer(), -1);
    compareVectors(view.displayedMass(), {0.275, 0.225});
    view.setLayer(0);
    QCOMPARE(view.layer(), 0);
    compareVectors(view.displayedMass(), {0.2, 0.3});
    auto* combo = view.findChild<QComboBox*>(QStringLiteral("layerCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);  // mean + 2 layers
    QCOMPARE(combo->currentData().toInt(), 0);
    // Choosing in the combo box changes the bars.
    combo->setCurrentIndex(2);
    emit combo->activated(2);
    QCOMPARE(view.layer(), 1);
    compareVectors(view.displayedMass(), {0.35, 0.15});
}

void TstAttentionView::heatmap()
{
    AttentionView view;
    view.setData(sample());
    QCOMPARE(view.heatmapRows(), 3);
    QCOMPARE(view.heatmapColumns(), 2);
    // Mean of all four (layer, head) at g=2: m0 (0.0+0.2+0.4+0.3)/4, m1 (0.6+0.2+0.2+0.3)/4
    QVERIFY(std::abs(view.heatmapValue(2, 0) - 0.225) < 1e-6);
    QVERIFY(std::abs(view.heatmapValue(2, 1) - 0.325) < 1e-6);
    view.setLayer(1);
    view.setHead(0);
    QVERIFY(std::abs(view.heatmapValue(1, 0) - 0.6) < 1e-6);
    QVERIFY(std::abs(view.heatmapValue(0, 1) - 0.1) < 1e-6);
    compareVectors(view.decoderMatrix(1, 0), {0.5, 0.1, 0.6, 0.0, 0.4, 0.2});
}

// With m = 1 (and a one-token text) every heatmap has a dimension of one cell: each map must span
// that cell, and a rendering must show it (it drew nothing before).
void TstAttentionView::oneMemoryTokenIsDrawn()
{
    view::AttentionData d;
    d.layers = 1;
    d.heads = 1;
    d.memoryTokens = 1;
    d.generatedTokens = {QStringLiteral("\u2581The")};
    d.sourceTokens = {QStringLiteral("\u2581The")};
    d.memoryAttention = {0.9f};   // [L][H][G][M]
    d.memoryTotal = {0.9f};
    d.encoderAttention = {0.6f};  // [L][H][M][N]
    AttentionView view;
    view.resize(900, 700);
    view.setData(d);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.heatmapColumns(), 1);
    int maps = 0;
    for (QCustomPlot* plot : view.findChildren<QCustomPlot*>()) {
        for (int i = 0; i < plot->plottableCount(); ++i) {
            auto* map = qobject_cast<QCPColorMap*>(plot->plottable(i));
            if (!map || !map->visible())
                continue;
            ++maps;
            QVERIFY(map->data()->keyRange().size() > 0);
            QVERIFY(map->data()->valueRange().size() > 0);
            // The rendered plot shows the cell's colour at the cell's centre.
            plot->replot();
            const QImage image = plot->toPixmap().toImage();
            const QPoint centre(int(map->keyAxis()->coordToPixel(0)), int(map->valueAxis()->coordToPixel(0)));
            QVERIFY(image.rect().contains(centre));
            const QRgb cell = map->gradient().color(map->data()->cell(0, 0), map->dataRange());
            QVERIFY2(image.pixel(centre) == cell, "the one-cell heatmap was not drawn");
        }
    }
    QCOMPARE(maps, 2);  // the decoder's and the encoder's heatmap
}

void TstAttentionView::curve()
{
    AttentionView view;
    view.setData(sample());
    // memoryTotal mean over (layer, head): g0 (0.9+0.7+0.5+0.3)/4 = 0.6, g1 0.5, g2 0.4
    compareVectors(view.memoryTotalCurve(-1), {0.6, 0.5, 0.4});
    compareVectors(view.displayedCurve(), {0.6, 0.5, 0.4});
    // Layer 1: (0.5+0.3)/2, (0.4+0.2)/2, (0.3+0.1)/2
    compareVectors(view.memoryTotalCurve(1), {0.4, 0.3, 0.2});
    compareVectors(view.memoryTotalCurve(1, 1), {0.3, 0.2, 0.1});
}

void TstAttentionView::curveWithoutMemoryTotal()
{
    AttentionView view;
    view.setData(sample(false));
    QVERIFY(view.hasData());
    // Sum over memory tokens, mean over heads, layer 0: g0 (0.6+0.6)/2, g1 (0.4+0.4)/2, g2 (0.6+0.4)/2
    compareVectors(view.memoryTotalCurve(0), {0.6, 0.4, 0.5});
}

void TstAttentionView::encoderAndTopSourceTokens()
{
    AttentionView view;
    view.setData(sample());
    QCOMPARE(view.encoderHeatmapRows(), 2);
    QCOMPARE(view.encoderHeatmapColumns(), 4);
    // Mean over layers and heads, m0: 0.1, 0.5, 0.25, 0.15; m1: 0.35, 0.1, 0.075, 0.475
    compareVectors(view.encoderMatrix(-1, -1), {0.1, 0.5, 0.25, 0.15, 0.35, 0.1, 0.075, 0.475});
    QCOMPARE(view.topSourceTokens(0, 2), (QVector<int>{1, 2}));
    QCOMPARE(view.topSourceTokens(1, 3), (QVector<int>{3, 0, 1}));
    QCOMPARE(view.topSourceTokens(1, 10), (QVector<int>{3, 0, 1, 2}));  // k clipped to N
    QCOMPARE(view.topSourceTokens(2, 2), QVector<int>{});               // no such memory token
    // Under layer 0 head 1, m0 reads "cat" and "sat" equally (0.4): the lower index first.
    view.setLayer(0);
    view.setHead(1);
    QCOMPARE(view.topSourceTokens(0, 2), (QVector<int>{1, 2}));
    QCOMPARE(view.topSourceTokens(1, 1), QVector<int>{3});
}

void TstAttentionView::selectionSignals()
{
    AttentionView view;
    view.setData(sample());
    view.setTopK(2);
    QSignalSpy generated(&view, &AttentionView::generatedTokenSelected);
    QSignalSpy memory(&view, &AttentionView::memoryTokenSelected);

    view.selectGeneratedToken(2);
    QCOMPARE(generated.count(), 1);
    QCOMPARE(generated.at(0).at(0).toInt(), 2);
    QCOMPARE(view.selectedGeneratedToken(), 2);
    view.selectGeneratedToken(2);  // unchanged: no signal (two linked views cannot ping-pong)
    QCOMPARE(generated.count(), 1);
    // That token's own bars: mean over the four (layer, head) at g=2.
    compareVectors(view.displayedTokenUsage(), {0.225, 0.325});
    QCOMPARE(view.curveMarkerPosition(), 2.0);
    view.setLayer(0);  // the token bars follow the layer: (0.0+0.2)/2, (0.6+0.2)/2
    compareVectors(view.displayedTokenUsage(), {0.1, 0.4});

    view.selectMemoryToken(1);
    QCOMPARE(memory.count(), 1);
    QCOMPARE(memory.at(0).at(0).toInt(), 1);
    // Layer 0, mean of heads, m1: 0.3, 0.1, 0.1, 0.5 -> "down", "The"
    QCOMPARE(view.highlightedSourceTokens(), (QVector<int>{3, 0}));
    const QString html = view.sourceTextHtml();
    QVERIFY2(html.contains(QStringLiteral("down<sup>1</sup>")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("The<sup>2</sup>")), qPrintable(html));
    QVERIFY(!html.contains(QStringLiteral("cat<sup>")));

    view.selectGeneratedToken(-1);
    QCOMPARE(generated.count(), 2);
    QCOMPARE(generated.at(1).at(0).toInt(), -1);
    QVERIFY(view.displayedTokenUsage().isEmpty());
    QCOMPARE(view.curveMarkerPosition(), -1.0);
    view.selectMemoryToken(7);  // out of range clears
    QCOMPARE(memory.count(), 2);
    QCOMPARE(view.selectedMemoryToken(), -1);
    QVERIFY(view.highlightedSourceTokens().isEmpty());

    // New data clears the selection without signals for the old one.
    view.selectGeneratedToken(1);
    view.setData(sample());
    QCOMPARE(view.selectedGeneratedToken(), -1);
}

void TstAttentionView::clicks()
{
    AttentionView view;
    view.resize(1200, 800);
    view.setData(sample());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (QCustomPlot* plot : view.plots())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy generated(&view, &AttentionView::generatedTokenSelected);
    QSignalSpy memory(&view, &AttentionView::memoryTokenSelected);

    // A bar: memory token 0.
    QCustomPlot* mass = view.massPlot();
    QPoint bar(int(mass->xAxis->coordToPixel(0)), int(mass->yAxis->coordToPixel(0.1)));
    QTest::mouseClick(mass, Qt::LeftButton, {}, bar);
    QCOMPARE(memory.count(), 1);
    QCOMPARE(memory.last().at(0).toInt(), 0);

    // A heatmap cell: regenerated token 1 (x), memory token 1 (y).
    QCustomPlot* heat = view.decoderPlot();
    QPoint cell(int(heat->xAxis->coordToPixel(1)), int(heat->yAxis->coordToPixel(1)));
    QTest::mouseClick(heat, Qt::LeftButton, {}, cell);
    QCOMPARE(generated.count(), 1);
    QCOMPARE(generated.last().at(0).toInt(), 1);
    QCOMPARE(memory.last().at(0).toInt(), 1);

    // The curve under the heatmap: regenerated token 2.
    QCPAxisRect* curveRect = heat->axisRects().at(1);
    QPoint point(int(curveRect->axis(QCPAxis::atBottom)->coordToPixel(2)),
                 int(curveRect->axis(QCPAxis::atLeft)->coordToPixel(0.3)));
    QTest::mouseClick(heat, Qt::LeftButton, {}, point);
    QCOMPARE(generated.last().at(0).toInt(), 2);
    QCOMPARE(view.selectedGeneratedToken(), 2);

    // An encoder heatmap row: memory token 0.
    QCustomPlot* enc = view.encoderPlot();
    QPoint row(int(enc->xAxis->coordToPixel(2)), int(enc->yAxis->coordToPixel(0)));
    QTest::mouseClick(enc, Qt::LeftButton, {}, row);
    QCOMPARE(view.selectedMemoryToken(), 0);
    QCOMPARE(view.highlightedSourceTokens().first(), 1);  // "cat"
}

void TstAttentionView::inconsistentData()
{
    AttentionView view;
    view::AttentionData d = sample();
    d.memoryAttention.removeLast();
    view.setData(d);
    QVERIFY(!view.hasData());
    QCOMPARE(view.heatmapRows(), 0);
    QVERIFY(view.memoryMass(-1).isEmpty());
    QVERIFY(view.topSourceTokens(0, 3).isEmpty());
    view.selectGeneratedToken(0);
    QCOMPARE(view.selectedGeneratedToken(), -1);

    // Encoder attention of the wrong size only hides the encoder view.
    d = sample();
    d.encoderAttention.removeLast();
    view.setData(d);
    QVERIFY(view.hasData());
    QCOMPARE(view.encoderHeatmapRows(), 0);
    QCOMPARE(view.heatmapRows(), 3);
}

void TstAttentionView::languageChangeKeepsState()
{
    AttentionView view;
    view.setData(sample());
    view.setLayer(1);
    view.selectGeneratedToken(1);
    view.selectMemoryToken(0);
    QSignalSpy spy(&view, &AttentionView::generatedTokenSelected);
    QEvent event(QEvent::LanguageChange);
    QApplication::sendEvent(&view, &event);
    QCOMPARE(view.layer(), 1);
    QCOMPARE(view.selectedGeneratedToken(), 1);
    QCOMPARE(view.selectedMemoryToken(), 0);
    QCOMPARE(spy.count(), 0);
    compareVectors(view.displayedMass(), {0.35, 0.15});
    QCOMPARE(view.findChild<QComboBox*>(QStringLiteral("layerCombo"))->currentData().toInt(), 1);
}

void TstAttentionView::teachingTexts()
{
    using T = TeachingText::Topic;
    for (T topic : {T::MemoryTokens, T::KvValues, T::CompressionRatio, T::AttentionUsage, T::EncoderAttention,
                    T::Interpolation, T::Metrics, T::ErrorTypes}) {
        QVERIFY(!TeachingText::title(topic).isEmpty());
        QVERIFY(TeachingText::explanation(topic).size() > 80);
        QVERIFY(TeachingText::tooltip(topic).contains(TeachingText::title(topic).toHtmlEscaped()));
    }
}

// Issue 19, item 4: a span of regenerated tokens (words selected in the diff), worked out by hand.
void TstAttentionView::spanSelection()
{
    AttentionView view;
    view.setData(sample());
    view.setTopK(2);
    view.setLayer(0);
    view.setHead(0);
    QSignalSpy spans(&view, &AttentionView::generatedSpanSelected);
    QSignalSpy generated(&view, &AttentionView::generatedTokenSelected);
    view.selectGeneratedSpan(1, 2);
    QCOMPARE(spans.count(), 1);
    QCOMPARE(spans.at(0).at(0).toInt(), 1);
    QCOMPARE(spans.at(0).at(1).toInt(), 2);
    QCOMPARE(generated.count(), 1);
    QCOMPARE(view.spanFirst(), 1);
    QCOMPARE(view.spanLast(), 2);
    view.selectGeneratedSpan(1, 2);  // unchanged: no signal
    QCOMPARE(spans.count(), 1);
    // L0 H0: g1 = (0.1, 0.3), g2 = (0.0, 0.6): the span's mean usage.
    compareVectors(view.displayedTokenUsage(), {0.05, 0.45});
    // Through the memory: 0.05 * m0 + 0.45 * m1 = (0.185, 0.075, 0.055, 0.185): "The", "down".
    QCOMPARE(view.highlightedSourceTokens(), (QVector<int>{0, 3}));
    QVERIFY(view.sourceTextHtml().contains(QStringLiteral("drew on through the memory")));
    QVERIFY(view.sourceTextHtml().contains(QStringLiteral("down<sup>2</sup>")));
    // memoryTotal over g1, g2: L0H0 0.75, L0H1 0.55, L1H0 0.35, L1H1 0.15.
    QCOMPARE(view.spanTopHeads(2), (QVector<QPair<int, int>>{{0, 0}, {0, 1}}));
    // The same heads as a layer x head grid beside the line; a click on a cell shows that head.
    HeadGrid* grid = view.headGrid();
    QVERIFY(grid->isVisibleTo(&view));
    QCOMPARE(grid->usage().layers, 2);
    QCOMPARE(grid->usage().heads, 2);
    compareVectors(grid->usage().values, {0.75, 0.55, 0.35, 0.15});
    QCOMPARE(grid->topHeads().first(), (QPair<int, int>{0, 0}));
    QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(1, 1).center());
    QCOMPARE(view.layer(), 1);
    QCOMPARE(view.head(), 1);
    QCOMPARE(grid->usage().values.size(), 4);  // the span's heads do not depend on the head shown
    grid->setTopCount(2);
    QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(0, 0).center());  // back to L0 H0
    QCOMPARE(view.layer(), 0);
    QCOMPARE(view.head(), 0);
    // A memory token chosen: its own reading wins (L0 H0, m0 reads "cat", "sat").
    view.selectMemoryToken(0);
    QCOMPARE(view.highlightedSourceTokens(), (QVector<int>{1, 2}));
    view.selectMemoryToken(-1);
    QCOMPARE(view.highlightedSourceTokens(), (QVector<int>{0, 3}));
    // One token clicked: the span is gone, and said so.
    view.selectGeneratedToken(0);
    QCOMPARE(spans.count(), 2);
    QCOMPARE(spans.at(1).at(0).toInt(), -1);
    QCOMPARE(view.spanLast(), -1);
    QVERIFY(view.highlightedSourceTokens().isEmpty());
    QVERIFY(!view.headGrid()->isVisibleTo(&view));
    compareVectors(view.displayedTokenUsage(), {0.2, 0.4});
    view.selectGeneratedSpan(5, 9);  // out of range: no span, the token stays
    QCOMPARE(view.spanFirst(), -1);
    QCOMPARE(view.selectedGeneratedToken(), 0);
    QCOMPARE(spans.count(), 2);
    view.selectGeneratedSpan(0, 1);
    view.selectGeneratedSpan(-1, -1);  // clears the span and its tokens
    QCOMPARE(spans.count(), 4);
    QCOMPARE(view.selectedGeneratedToken(), -1);
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TstAttentionView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_attentionview.moc"
