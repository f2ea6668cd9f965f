// Unit tests of app/workbench/reportconvert: UTF-8 byte offsets from the engine -> QString UTF-16
// offsets for the widgets, on ASCII, Latin, CJK, emoji (surrogate pairs) and invalid UTF-8 text.
#include <QTest>

#include "reportconvert.h"
#include "xcomp/eval/alignment.h"

using namespace xcomp::workbench;

namespace {

std::string U(const char* s) { return std::string(s); }

// The UTF-16 length of the first `bytes` bytes of a valid UTF-8 string, computed by Qt.
int qtUnits(const std::string& s, std::size_t bytes)
{
    return int(QString::fromUtf8(s.data(), qsizetype(bytes)).size());
}

}  // namespace

class TestReportConvert : public QObject {
    Q_OBJECT
private slots:
    void decodesLikeQt_data();
    void decodesLikeQt();
    void midCharacterOffsets();
    void surrogatePairs();
    void invalidBytes();
    void inverseMapping();
    void diffSpansCoverTheSameText_data();
    void diffSpansCoverTheSameText();
    void pieceRangesAndLookup();
    void pieceRangesByteFallback();
    void byteFallbackPiecesAreShownAsCharacters();
    void metricsAndAttention();
    void tokenEvidence();
    void evalRow();
};

void TestReportConvert::decodesLikeQt_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("ascii") << QByteArray("hello world");
    QTest::newRow("german") << QByteArray("Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln, sch\xC3\xB6n!");
    QTest::newRow("cjk") << QByteArray("\xE5\xAD\xA6\xE8\x80\x8C\xE6\x97\xB6\xE4\xB9\xA0\xE4\xB9\x8B, ok");
    QTest::newRow("emoji") << QByteArray("a\xF0\x9F\x98\x80" "b \xF0\x9F\x8C\x8D c");
    QTest::newRow("empty") << QByteArray();
}

void TestReportConvert::decodesLikeQt()
{
    QFETCH(QByteArray, utf8);
    const std::string s(utf8.constData(), std::size_t(utf8.size()));
    const Utf8Text t(s);
    QCOMPARE(t.text(), QString::fromUtf8(utf8));
    QCOMPARE(t.byteSize(), s.size());
    // At every character boundary the offset agrees with Qt's own decoding of the prefix.
    for (std::size_t b = 0; b <= s.size(); ++b) {
        const bool boundary = b == s.size() || (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80;
        if (boundary)
            QCOMPARE(t.toUtf16(b), qtUnits(s, b));
    }
    QCOMPARE(fromStd(s), QString::fromUtf8(utf8));
    QCOMPARE(toStd(QString::fromUtf8(utf8)), s);
}

void TestReportConvert::midCharacterOffsets()
{
    const std::string s = U("K\xC3\xB6ln");  // K ö l n: bytes 0,1-2,3,4
    const Utf8Text t(s);
    QCOMPARE(t.text().size(), 4);
    QCOMPARE(t.toUtf16(1), 1);
    QCOMPARE(t.toUtf16(2), 1);     // inside ö: its start
    QCOMPARE(t.toUtf16End(2), 2);  // inside ö: its end
    QCOMPARE(t.toUtf16End(3), 2);
    QCOMPARE(t.toUtf16(99), 4);    // clamped
    QCOMPARE(t.toUtf16End(99), 4);
}

void TestReportConvert::surrogatePairs()
{
    const std::string s = U("x\xF0\x9F\x98\x80y");  // x 😀 y: bytes 0, 1-4, 5
    const Utf8Text t(s);
    QCOMPARE(t.text().size(), 4);  // x, high, low, y
    QVERIFY(t.text().at(1).isHighSurrogate());
    QCOMPARE(t.toUtf16(1), 1);
    QCOMPARE(t.toUtf16(3), 1);
    QCOMPARE(t.toUtf16End(3), 3);
    QCOMPARE(t.toUtf16(5), 3);
    QCOMPARE(t.toUtf16(6), 4);
    QCOMPARE(t.text().mid(1, 2), QString::fromUtf8("\xF0\x9F\x98\x80"));
}

void TestReportConvert::invalidBytes()
{
    const std::string s = U("a\xFF" "b\xC3");  // an invalid byte and a truncated sequence
    const Utf8Text t(s);
    QCOMPARE(t.text(), QString(QStringLiteral("a") + QChar(0xFFFD) + QStringLiteral("b") + QChar(0xFFFD)));
    QCOMPARE(t.toUtf16(1), 1);
    QCOMPARE(t.toUtf16(2), 2);
    QCOMPARE(t.toUtf16(3), 3);
    QCOMPARE(t.toUtf16(4), 4);
    // Overlong and surrogate encodings are invalid too: one replacement per byte.
    QCOMPARE(Utf8Text(U("\xC0\xAF")).text().size(), 2);
    QCOMPARE(Utf8Text(U("\xED\xA0\x80")).text().size(), 3);
}

void TestReportConvert::inverseMapping()
{
    const std::string s = U("Gr\xC3\xBC\xC3\x9F" "e \xE5\xAD\xA6 \xF0\x9F\x98\x80!");
    const Utf8Text t(s);
    for (std::size_t b = 0; b <= s.size(); ++b) {
        const bool boundary = b == s.size() || (static_cast<unsigned char>(s[b]) & 0xC0) != 0x80;
        if (boundary)
            QCOMPARE(t.toUtf8(t.toUtf16(b)), b);
    }
    // The low surrogate's offset maps back to the emoji's first byte.
    const int high = int(t.text().indexOf(QChar(QChar::highSurrogate(0x1F600))));
    QVERIFY(high > 0);
    QCOMPARE(t.toUtf8(high + 1), t.toUtf8(high));
}

void TestReportConvert::diffSpansCoverTheSameText_data()
{
    QTest::addColumn<QByteArray>("reference");
    QTest::addColumn<QByteArray>("hypothesis");
    QTest::newRow("ascii") << QByteArray("the cat sat on the mat today") << QByteArray("the dog sat on a mat");
    QTest::newRow("german") << QByteArray("Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln und M\xC3\xBCnchen")
                            << QByteArray("Gr\xC3\xBC\xC3\x9F" "e aus M\xC3\xBCnchen und sch\xC3\xB6nen Tagen");
    QTest::newRow("cjk") << QByteArray("\xE5\xAD\xA6\xE8\x80\x8C \xE6\x97\xB6\xE4\xB9\xA0 \xE4\xB9\x8B")
                         << QByteArray("\xE5\xAD\xA6\xE8\x80\x8C \xE4\xB9\x8B \xE4\xB8\x8D");
    QTest::newRow("emoji") << QByteArray("I \xE2\x9D\xA4 \xF0\x9F\x8D\x95 and \xF0\x9F\x8D\xA3 a lot")
                           << QByteArray("I \xE2\x9D\xA4 \xF0\x9F\x8D\xA3 a lot \xF0\x9F\x98\x80");
}

void TestReportConvert::diffSpansCoverTheSameText()
{
    QFETCH(QByteArray, reference);
    QFETCH(QByteArray, hypothesis);
    const std::string ref = reference.toStdString(), hyp = hypothesis.toStdString();
    const xcomp::Alignment a = xcomp::align_texts(ref, hyp);
    QVERIFY(!a.spans.empty());
    const xcomp::view::DiffData d = toDiffData(ref, hyp, a);
    QCOMPARE(d.original, QString::fromUtf8(reference));
    QCOMPARE(d.regenerated, QString::fromUtf8(hypothesis));
    QCOMPARE(d.spans.size(), qsizetype(a.spans.size()));
    bool sawDifference = false;
    for (int i = 0; i < d.spans.size(); ++i) {
        const xcomp::AlignedSpan& s = a.spans[std::size_t(i)];
        const xcomp::view::DiffSpan& v = d.spans.at(i);
        QCOMPARE(int(v.type), int(s.type));
        // The UTF-16 range holds exactly the characters of the byte range.
        QCOMPARE(d.original.mid(v.originalBegin, v.originalEnd - v.originalBegin),
                 QString::fromUtf8(ref.substr(s.ref_begin, s.ref_end - s.ref_begin)));
        QCOMPARE(d.regenerated.mid(v.regeneratedBegin, v.regeneratedEnd - v.regeneratedBegin),
                 QString::fromUtf8(hyp.substr(s.hyp_begin, s.hyp_end - s.hyp_begin)));
        QVERIFY(v.originalBegin <= v.originalEnd && v.originalEnd <= d.original.size());
        QVERIFY(v.regeneratedBegin <= v.regeneratedEnd && v.regeneratedEnd <= d.regenerated.size());
        if (v.type != xcomp::view::ErrorType::Equal)
            sawDifference = true;
    }
    QVERIFY(sawDifference);
}

void TestReportConvert::pieceRangesAndLookup()
{
    const std::string text = U("Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln");  // "Grüße aus Köln"
    const std::vector<std::string> pieces = {U("\xE2\x96\x81Gr\xC3\xBC\xC3\x9F" "e"), U("\xE2\x96\x81" "aus"),
                                             U("\xE2\x96\x81K"), U("\xC3\xB6ln")};
    const auto ranges = pieceRanges(pieces, text);
    QCOMPARE(ranges.size(), 4);
    QCOMPARE(ranges.at(0), qMakePair(0, 5));   // leading space dropped by decoding
    QCOMPARE(ranges.at(1), qMakePair(5, 9));   // " aus"
    QCOMPARE(ranges.at(2), qMakePair(9, 11));  // " K"
    QCOMPARE(ranges.at(3), qMakePair(11, 14)); // "öln"
    QCOMPARE(pieceAt(ranges, 0), 0);
    QCOMPARE(pieceAt(ranges, 4), 0);
    QCOMPARE(pieceAt(ranges, 7), 1);
    QCOMPARE(pieceAt(ranges, 12), 3);
    QCOMPARE(pieceAt(ranges, 99), 3);
    QCOMPARE(pieceAt(ranges, -1), -1);
    // Already decoded pieces work the same.
    const auto decoded = pieceRanges({U("Gr\xC3\xBC\xC3\x9F" "e"), U(" aus"), U(" K"), U("\xC3\xB6ln")}, text);
    QCOMPARE(decoded, ranges);
}

void TestReportConvert::pieceRangesByteFallback()
{
    // An emoji as four byte pieces, then a newline byte piece.
    const std::string text = U("hi \xF0\x9F\x98\x80\nok");
    const auto ranges = pieceRanges({U("\xE2\x96\x81hi"), U("\xE2\x96\x81"), U("<0xF0>"), U("<0x9F>"), U("<0x98>"),
                                     U("<0x80>"), U("<0x0A>"), U("ok")},
                                    text);
    QCOMPARE(ranges.size(), 8);
    QCOMPARE(ranges.at(0), qMakePair(0, 2));
    QCOMPARE(ranges.at(1), qMakePair(2, 3));
    // Each byte piece of the emoji covers the whole emoji (2 UTF-16 units).
    for (int i = 2; i <= 5; ++i)
        QCOMPARE(ranges.at(i), qMakePair(3, 5));
    QCOMPARE(ranges.at(6), qMakePair(5, 6));
    QCOMPARE(ranges.at(7), qMakePair(6, 8));
    // A piece that is not in the text gets an empty range and does not derail the rest.
    const auto odd = pieceRanges({U("\xE2\x96\x81hi"), U("zzz"), U("\xE2\x96\x81ok")}, U("hi ok"));
    QCOMPARE(odd.at(1).first, odd.at(1).second);
    QCOMPARE(odd.at(2), qMakePair(2, 5));
}

void TestReportConvert::metricsAndAttention()
{
    xcomp::RegenerationReport r;
    r.compressor.id = "aoc-m4";
    r.compressor.method = "aoc";
    r.compressor.memory_tokens = 4;
    r.original = U("Gr\xC3\xBC\xC3\x9F" "e");
    r.regenerated = U("Gr\xC3\xBC\xC3\x9F" "e");
    r.source_tokens = 96;
    r.scores.bleu = 0.5;
    r.scores.rouge_l_f = 0.75;
    r.scores.exact_match = 1;
    r.scores.prefix_exact_match = 0.25;
    r.compressed_bytes = 1024;
    r.full_kv_bytes = 8192;
    r.compress_ms = 12;
    r.regenerate_ms = 34;
    const auto m = toMetrics(r);
    QCOMPARE(m.compressionRatio, 24.0);
    QCOMPARE(m.memoryTokens, 4);
    QCOMPARE(m.sourceTokens, 96);
    QCOMPARE(m.bleu, 0.5);
    QCOMPARE(m.rougeLF, 0.75);
    QCOMPARE(m.prefixExactMatch, 0.25);
    QCOMPARE(m.compressedBytes, qint64(1024));
    QCOMPARE(m.fullKvBytes, qint64(8192));
    QCOMPARE(toRegenerationView(r).compressorLabel, QStringLiteral("aoc m=4"));
    r.compressor.label = "AOC m=4";
    QCOMPARE(toRegenerationView(r).compressorLabel, QStringLiteral("AOC m=4"));

    QCOMPARE(toAttentionData(r).layers, 0);  // nothing captured
    r.attention.layers = 1;
    r.attention.heads = 2;
    r.attention.generated = 3;
    r.attention.memory_tokens = 4;
    r.attention.source_tokens = 2;
    r.attention.memory_attention.assign(1 * 2 * 3 * 4, 0.25f);
    r.attention.memory_total.assign(1 * 2 * 3, 1.0f);
    r.attention.encoder_attention.assign(1 * 2 * 4 * 2, 0.5f);
    r.regenerated_pieces = {U("\xE2\x96\x81Gr\xC3\xBC\xC3\x9F" "e")};  // fewer pieces than G: padded
    r.source_pieces = {U("a"), U("b"), U("c")};                        // more than N: cut
    const auto a = toAttentionData(r);
    QCOMPARE(a.layers, 1);
    QCOMPARE(a.heads, 2);
    QCOMPARE(a.memoryTokens, 4);
    QCOMPARE(a.generatedTokens.size(), 3);
    QCOMPARE(a.generatedTokens.first(), QString::fromUtf8("\xE2\x96\x81Gr\xC3\xBC\xC3\x9F" "e"));
    QCOMPARE(a.sourceTokens.size(), 2);
    QCOMPARE(a.memoryAttention.size(), 24);
    QCOMPARE(a.memoryTotal.size(), 6);
    QCOMPARE(a.encoderAttention.size(), 16);
}

// Issue 19, item 2: the engine's per-token evidence becomes the strip's struct, with the source's pieces
// as a reader sees them, each token's characters in the original, and TF accuracy in the metrics.
void TestReportConvert::tokenEvidence()
{
    xcomp::RegenerationReport r;
    r.original = U("X-ray caf\xC3\xA9");
    r.source_pieces = {U("<0x58>"), U("-"), U("ray"), U("\xE2\x96\x81" "caf\xC3\xA9")};
    QVERIFY(toTokenEvidence(r).isEmpty());  // none measured
    QCOMPARE(toMetrics(r).teacherForcedAccuracy, -1.0);
    r.evidence.probability = {0.9f, 0.8f, 0.2f, 0.6f, 0.99f};  // 4 tokens, then the end
    r.evidence.rank = {1, 1, 3, 1, 1};
    r.evidence.entropy = {0.1f, 0.2f, 2.5f, 0.7f, 0.05f};
    r.evidence.teacher_forced_accuracy = 0.8;
    r.evidence.first_divergence = 2;
    const xcomp::view::TokenEvidence e = toTokenEvidence(r);
    QCOMPARE(e.size(), 5);
    QCOMPARE(e.tokens, QStringList({QStringLiteral("X"), QStringLiteral("-"), QStringLiteral("ray"),
                                    QString::fromUtf8("\xE2\x96\x81" "caf\xC3\xA9"), QString()}));
    QCOMPARE(e.rank.at(2), 3);
    QCOMPARE(e.firstDivergence, 2);
    QCOMPARE(e.teacherForcedAccuracy, 0.8);
    QCOMPARE(e.originalRanges.size(), 5);
    QCOMPARE(e.originalRanges.at(0), qMakePair(0, 1));  // "X"
    QCOMPARE(e.originalRanges.at(2), qMakePair(2, 5));  // "ray"
    QCOMPARE(e.originalRanges.at(3), qMakePair(5, 10)); // " café" with its space, UTF-16
    QCOMPARE(e.originalRanges.at(4), qMakePair(10, 10)); // the end
    QCOMPARE(toMetrics(r).teacherForcedAccuracy, 0.8);
    QCOMPARE(toRegenerationView(r).evidence.size(), 5);
    // A length mismatch inside the report is not shown rather than shown wrong.
    r.evidence.rank.pop_back();
    QVERIFY(toTokenEvidence(r).isEmpty());
}

void TestReportConvert::evalRow()
{
    xcomp::RegenerationReport r;
    r.compressor.method = "500x";
    r.compressor.memory_tokens = 16;
    r.source_tokens = 128;
    r.original = U("Die K\xC3\xB6nigin sprach leise");
    r.regenerated = U("Die K\xC3\xB6nigin sagte leise");
    r.alignment = xcomp::align_texts(r.original, r.regenerated);
    const auto row = toEvalRow(QStringLiteral("ex-1"), r);
    QCOMPARE(row.id, QStringLiteral("ex-1"));
    QCOMPARE(row.method, QStringLiteral("500x"));
    QCOMPARE(row.memoryTokens, 16);
    QCOMPARE(row.length, 128);
    QCOMPARE(row.metrics.compressionRatio, 8.0);
    int total = 0;
    for (int t = 0; t < xcomp::view::kErrorTypeCount; ++t) {
        QCOMPARE(row.errorCounts[t], r.alignment.counts[std::size_t(t)]);
        total += row.errorCounts[t];
    }
    QCOMPARE(total, int(r.alignment.spans.size()));
    QCOMPARE(row.diff.original, QString::fromUtf8("Die K\xC3\xB6nigin sprach leise"));
}

// The attention view showed "<0x58>-ray" for "X-ray" (issue: defects seen as a new user would).
// Pieces from the bundled tokenizer for "X-ray costs 5€ ☃" (xcomp tokenize --json).
void TestReportConvert::byteFallbackPiecesAreShownAsCharacters()
{
    const std::vector<std::string> pieces = {" ", "<0x58>", "-", "ray", " costs", " ", "5", "<0xE2>", "<0x82>",
                                             "<0xAC>", " ", "<0xE2>", "<0x98>", "<0x83>"};
    const QStringList shown = displayPieces(pieces);
    QCOMPARE(shown.size(), qsizetype(pieces.size()));
    QCOMPARE(shown.at(1), QStringLiteral("X"));
    QCOMPARE(shown.at(3), QStringLiteral("ray"));
    for (int i : {7, 8, 9})
        QCOMPARE(shown.at(i), QString::fromUtf8("\xE2\x82\xAC"));  // €
    for (int i : {11, 12, 13})
        QCOMPARE(shown.at(i), QString::fromUtf8("\xE2\x98\x83"));  // ☃
    // Bytes that spell no character stay as they are: a lone continuation byte, a cut sequence.
    const QStringList odd = displayPieces({"<0x82>", "<0xE2>", "<0x82>", "a", "<0xZZ>"});
    QCOMPARE(odd, QStringList({QStringLiteral("<0x82>"), QStringLiteral("<0xE2>"), QStringLiteral("<0x82>"),
                               QStringLiteral("a"), QStringLiteral("<0xZZ>")}));
}

QTEST_GUILESS_MAIN(TestReportConvert)
#include "tst_reportconvert.moc"
