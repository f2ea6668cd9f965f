// ChunkStrip (issue 19, item 5): a segment per chunk as wide as its share of the tokens, shaded by
// ROUGE-L F, clicks that select a chunk and go back to the whole text, tooltips and exports.
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "chunkstrip.h"
#include "tokenevidenceview.h"

using namespace xcomp;

namespace {

// Three chunks of 300, 100 and 200 tokens; the middle one regenerated badly.
view::ChunkOverview overview(bool together)
{
    view::ChunkOverview o;
    o.windowTokens = 480;
    o.memoryTokens = 16;
    const int tokens[] = {300, 100, 200};
    const double rouge[] = {0.9, 0.1, 0.6};
    int begin = 0, chars = 0;
    for (int i = 0; i < 3; ++i) {
        view::ChunkSummary c;
        c.tokenBegin = begin;
        c.tokens = tokens[i];
        c.textBegin = chars;
        c.textEnd = chars + 4 * tokens[i];
        c.rougeLF = rouge[i];
        c.bleu = rouge[i] / 2;
        c.teacherForcedAccuracy = 0.5;
        o.chunks << c;
        begin += tokens[i];
        chars = c.textEnd;
    }
    o.whole.rougeLF = 0.7;
    o.whole.sourceTokens = 600;
    o.hasTogether = together;
    o.together.rougeLF = 0.05;
    o.togetherNote = together ? QString() : QStringLiteral("does not fit");
    return o;
}

}  // namespace

class TestChunkStrip : public QObject {
    Q_OBJECT
private slots:
    void segmentsFollowTheTokens()
    {
        ChunkStrip s;
        s.resize(606, s.sizeHint().height());
        s.setOverview(overview(true));
        const QRect a = s.chunkRect(0), b = s.chunkRect(1), c = s.chunkRect(2);
        QVERIFY(a.right() < b.left() && b.right() < c.left());
        // 300 : 100 : 200 tokens, within a pixel or two of rounding.
        QVERIFY2(std::abs(a.width() - 3 * b.width()) <= 3, qPrintable(QStringLiteral("%1 %2").arg(a.width()).arg(b.width())));
        QVERIFY(std::abs(c.width() - 2 * b.width()) <= 3);
        QCOMPARE(s.chunkAt(b.center()), 1);
        QCOMPARE(s.chunkAt(QPoint(-5, 5)), -1);
        // Shaded by ROUGE-L F: the well regenerated chunk green, the bad one red.
        QImage img(s.size(), QImage::Format_ARGB32);
        img.fill(Qt::white);
        s.render(&img);
        const QColor good = img.pixelColor(a.left() + 3, a.top() + 3), bad = img.pixelColor(b.left() + 3, b.top() + 3);
        QCOMPARE(good, TokenEvidenceView::probabilityColor(0.9));
        QCOMPARE(bad, TokenEvidenceView::probabilityColor(0.1));
        QVERIFY(s.chunkToolTip(1).contains(QStringLiteral("Chunk 2 of 3")));
        QVERIFY(s.chunkToolTip(1).contains(QStringLiteral("16 memory tokens")));
        QVERIFY(s.chunkToolTip(5).isEmpty());
    }

    void clicksSelectAndGoBack()
    {
        ChunkStrip s;
        s.resize(600, s.sizeHint().height());
        s.setOverview(overview(true));
        QSignalSpy clicked(&s, &ChunkStrip::chunkClicked);
        QTest::mouseClick(&s, Qt::LeftButton, {}, s.chunkRect(2).center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.last().at(0).toInt(), 2);
        QCOMPARE(s.selectedChunk(), 2);
        QTest::mouseClick(&s, Qt::LeftButton, {}, s.chunkRect(2).center());  // again: the whole text
        QCOMPARE(clicked.last().at(0).toInt(), -1);
        QCOMPARE(s.selectedChunk(), -1);
        QTest::mouseClick(&s, Qt::RightButton, {}, s.chunkRect(0).center());
        QCOMPARE(clicked.count(), 2);
        s.setSelectedChunk(7);  // out of range: none
        QCOMPARE(s.selectedChunk(), -1);
        s.clear();
        QVERIFY(s.isEmpty());
        QCOMPARE(s.chunkAt(QPoint(10, 10)), -1);
    }

    void exports()
    {
        ChunkStrip s;
        s.resize(600, s.sizeHint().height());
        s.setOverview(overview(true));
        const QList<QByteArray> lines = s.toCsv().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 3 + 2);
        QCOMPARE(lines[2], QByteArray("2,300,100,1200,1600,0.05,0.1,0,0.5"));
        QVERIFY(lines[4].startsWith("whole,0,600,0,2400,"));
        QVERIFY(lines[5].startsWith("together,"));
        const QJsonObject j = QJsonDocument::fromJson(s.toJson()).object();
        QCOMPARE(j[QStringLiteral("format")].toString(), QStringLiteral("xcomp-chunks"));
        QCOMPARE(j[QStringLiteral("chunks")].toArray().size(), 3);
        QCOMPARE(j[QStringLiteral("whole")].toObject()[QStringLiteral("rouge_l_f")].toDouble(), 0.7);
        s.setOverview(overview(false));
        QCOMPARE(s.toCsv().trimmed().split('\n').size(), 1 + 3 + 1);
        QCOMPARE(QJsonDocument::fromJson(s.toJson()).object()[QStringLiteral("together_note")].toString(),
                 QStringLiteral("does not fit"));
        QTemporaryDir dir;
        QString error;
        for (const char* name : {"c.png", "c.csv", "c.json"})
            QVERIFY2(s.exportFile(dir.filePath(QLatin1String(name)), &error), qPrintable(error));
        QImage png(dir.filePath(QStringLiteral("c.png")));
        QVERIFY(!png.isNull() && png.width() >= 480);
        QVERIFY(!s.exportFile(dir.filePath(QStringLiteral("c.bmp")), &error));
        QVERIFY(error.contains(QStringLiteral(".png, .csv or .json")));
    }
};

QTEST_MAIN(TestChunkStrip)
#include "tst_chunkstrip.moc"
