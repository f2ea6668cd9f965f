// AttentionStats on small hand-made AttentionData. The weights are multiples of 1/8, exact in
// float and double, so every mean below is worked out by hand and compared exactly. No
// QApplication: the statistics need QtCore only.
#include <QTest>

#include "attentionstats.h"

using namespace xcomp;

namespace {

// L=2 layers, H=2 heads, G=2 regenerated tokens, M=3 memory tokens; the encoder has one layer
// (Lenc=1) over N=3 source tokens.
view::AttentionData sample(bool withTotal = true)
{
    view::AttentionData d;
    d.layers = 2;
    d.heads = 2;
    d.memoryTokens = 3;
    d.generatedTokens = {QStringLiteral("\u2581A"), QStringLiteral("\u2581B")};
    d.sourceTokens = {QStringLiteral("\u2581x"), QStringLiteral("\u2581y"), QStringLiteral("\u2581z")};
    // [L][H][G][M]
    d.memoryAttention = {
        0.5f,   0.25f,  0.0f,  0.25f, 0.25f, 0.25f,  // L0 H0: g0, g1
        0.0f,   0.5f,   0.25f, 0.75f, 0.0f,  0.0f,   // L0 H1
        0.125f, 0.125f, 0.5f,  0.0f,  0.0f,  1.0f,   // L1 H0
        0.25f,  0.0f,   0.25f, 0.5f,  0.25f, 0.0f,   // L1 H1
    };
    if (withTotal) {
        // [L][H][G]: not the sums of the rows above (the rest of the attention is on the text),
        // so a curve that summed the rows instead would fail.
        d.memoryTotal = {1.0f, 0.75f, 0.75f, 0.75f, 0.75f, 1.0f, 0.5f, 0.75f};
    }
    // [Lenc][H][M][N]
    d.encoderAttention = {
        0.5f, 0.25f, 0.25f, 0.0f,  0.0f,  1.0f,  0.25f, 0.5f,  0.25f,  // H0: m0, m1, m2
        0.0f, 0.5f,  0.5f,  0.5f,  0.25f, 0.25f, 0.25f, 0.25f, 0.5f,   // H1
    };
    return d;
}

}  // namespace

class TstAttentionStats : public QObject {
    Q_OBJECT
private slots:
    void dimensions();
    void inconsistentData_data();
    void inconsistentData();
    void dimensionsFromOtherArrays();
    void decoderMatrix_data();
    void decoderMatrix();
    void memoryMass_data();
    void memoryMass();
    void tokenMemoryUsage();
    void curveFromMemoryTotal_data();
    void curveFromMemoryTotal();
    void curveFromRowSums();
    void encoderMatrix();
    void encoderLayerFor();
    void topSourceTokens();
    void encoderWithoutSourcePieces();
    void spanOfTokens();
};

void TstAttentionStats::dimensions()
{
    const AttentionStats empty;
    QVERIFY(!empty.isValid());
    QCOMPARE(empty.memoryMass(-1, -1), QVector<double>());

    const AttentionStats s(sample());
    QVERIFY(s.isValid());
    QCOMPARE(s.layers(), 2);
    QCOMPARE(s.heads(), 2);
    QCOMPARE(s.generatedTokens(), 2);
    QCOMPARE(s.memoryTokens(), 3);
    QCOMPARE(s.sourceTokens(), 3);
    QCOMPARE(s.encoderLayers(), 1);  // 18 weights / (H=2 * M=3 * N=3)
}

void TstAttentionStats::inconsistentData_data()
{
    QTest::addColumn<view::AttentionData>("data");
    view::AttentionData d = sample();
    d.memoryAttention.removeLast();  // 23 weights: not a multiple of L*H*M = 12
    QTest::newRow("memoryAttention size") << d;
    d = sample();
    d.memoryTotal.removeLast();  // 7 totals for L*H*G = 8
    QTest::newRow("memoryTotal size") << d;
    d = sample();
    d.layers = 0;
    QTest::newRow("no layers") << d;
    d = sample();
    d.memoryTokens = 0;
    QTest::newRow("no memory tokens") << d;
}

void TstAttentionStats::inconsistentData()
{
    QFETCH(view::AttentionData, data);
    const AttentionStats s(data);
    QVERIFY(!s.isValid());
    QCOMPARE(s.layers(), 0);
    QCOMPARE(s.generatedTokens(), 0);
    QCOMPARE(s.decoderMatrix(-1, -1), QVector<double>());
    QCOMPARE(s.memoryMass(-1, -1), QVector<double>());
    QCOMPARE(s.memoryTotalCurve(-1, -1), QVector<double>());
    QCOMPARE(s.encoderMatrix(-1, -1), QVector<double>());
}

void TstAttentionStats::dimensionsFromOtherArrays()
{
    // Without decoder weights, G comes from the totals: 8 / (L=2 * H=2) = 2.
    view::AttentionData d = sample();
    d.memoryAttention.clear();
    d.generatedTokens.clear();
    AttentionStats s(d);
    QVERIFY(s.isValid());
    QCOMPARE(s.generatedTokens(), 2);
    QCOMPARE(s.decoderMatrix(-1, -1), QVector<double>());
    QCOMPARE(s.memoryMass(-1, -1), QVector<double>());
    QCOMPARE(s.memoryTotalCurve(-1, -1), (QVector<double>{0.75, 0.8125}));
    // Without either, from the regenerated pieces.
    d.memoryTotal.clear();
    d.generatedTokens = QStringList(5, QStringLiteral("\u2581w"));
    s = AttentionStats(d);
    QVERIFY(s.isValid());
    QCOMPARE(s.generatedTokens(), 5);
    QCOMPARE(s.memoryTotalCurve(-1, -1), QVector<double>());
}

void TstAttentionStats::decoderMatrix_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("head");
    QTest::addColumn<QVector<double>>("expected");  // [G][M]
    QTest::newRow("layer 1 head 0") << 1 << 0 << QVector<double>{0.125, 0.125, 0.5, 0.0, 0.0, 1.0};
    // Layer 0, mean of the heads: g0 (0.5+0)/2, (0.25+0.5)/2, (0+0.25)/2; g1 (0.25+0.75)/2, ...
    QTest::newRow("layer 0") << 0 << -1 << QVector<double>{0.25, 0.375, 0.125, 0.5, 0.125, 0.125};
    // Head 1, mean of the layers: g0 (0+0.25)/2, (0.5+0)/2, (0.25+0.25)/2; g1 (0.75+0.5)/2, ...
    QTest::newRow("head 1") << -1 << 1 << QVector<double>{0.125, 0.25, 0.25, 0.625, 0.125, 0.0};
    // All four blocks: g0 (0.5+0+0.125+0.25)/4 ...
    QTest::newRow("mean") << -1 << -1 << QVector<double>{0.21875, 0.21875, 0.25, 0.375, 0.125, 0.3125};
    QTest::newRow("layer out of range") << 2 << -1 << QVector<double>();
    QTest::newRow("head out of range") << 0 << 2 << QVector<double>();
}

void TstAttentionStats::decoderMatrix()
{
    QFETCH(int, layer);
    QFETCH(int, head);
    QFETCH(QVector<double>, expected);
    const AttentionStats s(sample());
    QCOMPARE(s.decoderMatrix(layer, head), expected);
    // Asked again after another choice (the kept matrix is that of the last choice).
    s.decoderMatrix(1, 1);
    QCOMPARE(s.decoderMatrix(layer, head), expected);
}

void TstAttentionStats::memoryMass_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("head");
    QTest::addColumn<QVector<double>>("expected");  // [M]
    // Mean over the two regenerated tokens of the matrices above.
    QTest::newRow("mean") << -1 << -1 << QVector<double>{0.296875, 0.171875, 0.28125};
    QTest::newRow("layer 0 head 1") << 0 << 1 << QVector<double>{0.375, 0.25, 0.125};
    QTest::newRow("layer 1") << 1 << -1 << QVector<double>{0.21875, 0.09375, 0.4375};
    QTest::newRow("layer out of range") << 5 << -1 << QVector<double>();
}

void TstAttentionStats::memoryMass()
{
    QFETCH(int, layer);
    QFETCH(int, head);
    QFETCH(QVector<double>, expected);
    QCOMPARE(AttentionStats(sample()).memoryMass(layer, head), expected);
}

void TstAttentionStats::tokenMemoryUsage()
{
    const AttentionStats s(sample());
    // Rows of the decoder matrix.
    QCOMPARE(s.tokenMemoryUsage(1, 1, -1), (QVector<double>{0.25, 0.125, 0.5}));
    QCOMPARE(s.tokenMemoryUsage(0, -1, -1), (QVector<double>{0.21875, 0.21875, 0.25}));
    QCOMPARE(s.tokenMemoryUsage(1, 0, 0), (QVector<double>{0.25, 0.25, 0.25}));
    QCOMPARE(s.tokenMemoryUsage(2, -1, -1), QVector<double>());  // G = 2
    QCOMPARE(s.tokenMemoryUsage(-1, -1, -1), QVector<double>());
}

void TstAttentionStats::curveFromMemoryTotal_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("head");
    QTest::addColumn<QVector<double>>("expected");  // [G]
    // g0 (1+0.75+0.75+0.5)/4, g1 (0.75+0.75+1+0.75)/4
    QTest::newRow("mean") << -1 << -1 << QVector<double>{0.75, 0.8125};
    QTest::newRow("layer 0") << 0 << -1 << QVector<double>{0.875, 0.75};
    QTest::newRow("head 1") << -1 << 1 << QVector<double>{0.625, 0.75};
    QTest::newRow("layer 1 head 0") << 1 << 0 << QVector<double>{0.75, 1.0};
    QTest::newRow("head out of range") << -1 << 3 << QVector<double>();
}

void TstAttentionStats::curveFromMemoryTotal()
{
    QFETCH(int, layer);
    QFETCH(int, head);
    QFETCH(QVector<double>, expected);
    QCOMPARE(AttentionStats(sample()).memoryTotalCurve(layer, head), expected);
}

void TstAttentionStats::curveFromRowSums()
{
    // Totals not captured: the sum over the memory tokens of each row of the decoder matrix.
    const AttentionStats s(sample(false));
    QVERIFY(s.isValid());
    QCOMPARE(s.memoryTotalCurve(-1, -1), (QVector<double>{0.6875, 0.8125}));
    QCOMPARE(s.memoryTotalCurve(1, 0), (QVector<double>{0.75, 1.0}));
    QCOMPARE(s.memoryTotalCurve(0, 1), (QVector<double>{0.75, 0.75}));
    QCOMPARE(s.memoryTotalCurve(2, 0), QVector<double>());
}

void TstAttentionStats::encoderMatrix()
{
    const AttentionStats s(sample());
    // [M][N]: m0 (0.5+0)/2, (0.25+0.5)/2, (0.25+0.5)/2; m1 (0+0.5)/2, ...
    QCOMPARE(s.encoderMatrix(-1, -1), (QVector<double>{0.25, 0.375, 0.375, 0.25, 0.125, 0.625, 0.25, 0.375, 0.375}));
    QCOMPARE(s.encoderMatrix(0, 1), (QVector<double>{0.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.5}));
    QCOMPARE(s.encoderMatrix(1, -1), QVector<double>());  // Lenc = 1

    view::AttentionData d = sample();
    d.encoderAttention.removeLast();  // 17 weights do not fit N = 3: not captured
    const AttentionStats bad(d);
    QVERIFY(bad.isValid());
    QCOMPARE(bad.encoderLayers(), 0);
    QCOMPARE(bad.sourceTokens(), 3);  // the source pieces still count
    QCOMPARE(bad.encoderMatrix(-1, -1), QVector<double>());
    QCOMPARE(bad.topSourceTokens(0, 2, -1, -1), QVector<int>());
}

void TstAttentionStats::encoderLayerFor()
{
    const AttentionStats s(sample());
    QCOMPARE(s.encoderLayerFor(-1), -1);
    QCOMPARE(s.encoderLayerFor(0), 0);
    QCOMPARE(s.encoderLayerFor(1), -1);  // the decoder's second layer has no encoder layer: the mean
}

void TstAttentionStats::topSourceTokens()
{
    const AttentionStats s(sample());
    // Mean: m0 reads 0.25, 0.375, 0.375 (a tie: the lower index first).
    QCOMPARE(s.topSourceTokens(0, 2, -1, -1), (QVector<int>{1, 2}));
    QCOMPARE(s.topSourceTokens(1, 3, -1, -1), (QVector<int>{2, 0, 1}));
    QCOMPARE(s.topSourceTokens(1, 10, -1, -1), (QVector<int>{2, 0, 1}));  // k clipped to N
    QCOMPARE(s.topSourceTokens(2, 1, -1, -1), QVector<int>{1});
    // Head 0 alone: m0 reads 0.5, 0.25, 0.25.
    QCOMPARE(s.topSourceTokens(0, 1, 0, 0), QVector<int>{0});
    QCOMPARE(s.topSourceTokens(3, 2, -1, -1), QVector<int>());  // M = 3
    QCOMPARE(s.topSourceTokens(0, 0, -1, -1), QVector<int>());
}

void TstAttentionStats::encoderWithoutSourcePieces()
{
    // No source pieces: N from the weights, assuming the encoder has the decoder's L layers.
    view::AttentionData d = sample();
    d.sourceTokens.clear();
    d.encoderAttention = QVector<float>(2 * 2 * 3 * 2, 0.125f);  // [L=2][H=2][M=3][N=2]
    d.encoderAttention[1] = 0.625f;                              // L0 H0 m0 n1
    const AttentionStats s(d);
    QCOMPARE(s.encoderLayers(), 2);
    QCOMPARE(s.sourceTokens(), 2);
    // m0 n1 over the four blocks: (0.625 + 3 * 0.125) / 4
    QCOMPARE(s.encoderMatrix(-1, -1), (QVector<double>{0.125, 0.25, 0.125, 0.125, 0.125, 0.125}));
    QCOMPARE(s.topSourceTokens(0, 1, -1, -1), QVector<int>{1});
}

// Issue 19, item 4: a span of regenerated tokens, worked out by hand from sample().
void TstAttentionStats::spanOfTokens()
{
    const AttentionStats s(sample());
    // L0 H0: g0 = (0.5, 0.25, 0), g1 = (0.25, 0.25, 0.25): their mean.
    QCOMPARE(s.spanMemoryUsage(0, 1, 0, 0), (QVector<double>{0.375, 0.25, 0.125}));
    QCOMPARE(s.spanMemoryUsage(1, 1, 0, 0), s.tokenMemoryUsage(1, 0, 0));
    QCOMPARE(s.spanMemoryUsage(1, 0, 0, 0), QVector<double>());
    QCOMPARE(s.spanMemoryUsage(0, 2, 0, 0), QVector<double>());
    // memoryTotal's mean over g0, g1 per (layer, head): L0H0 0.875, L0H1 0.75, L1H0 0.875, L1H1 0.625.
    QCOMPARE(s.spanHeadUsage(0, 1), (QVector<double>{0.875, 0.75, 0.875, 0.625}));
    QCOMPARE(AttentionStats::topIndices(s.spanHeadUsage(0, 1), 3), (QVector<int>{0, 2, 1}));
    // Through the memory to the source (encoder H0): 0.375*m0 + 0.25*m1 + 0.125*m2.
    QCOMPARE(s.spanSourceReading(0, 1, 0, 0), (QVector<double>{0.21875, 0.15625, 0.375}));
    QCOMPARE(AttentionStats::topIndices(s.spanSourceReading(0, 1, 0, 0), 2), (QVector<int>{2, 0}));
    QCOMPARE(AttentionStats::topIndices({}, 3), QVector<int>());
    QCOMPARE(AttentionStats().spanHeadUsage(0, 0), QVector<double>());
}

QTEST_APPLESS_MAIN(TstAttentionStats)
#include "tst_attentionstats.moc"
