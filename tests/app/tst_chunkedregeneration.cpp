// A text longer than one window in the workbench (issue 19, item 5): the Regenerate tab's chunk
// selector and chunk strip, the views following the part chosen (diff, metrics, evidence, the
// Attention tab), progress naming the chunks, the chunks' exports, cancelling a chunked run, and the
// chunk window a user chooses (a shorter window cuts a text the compressor would take whole).
// On the tiny fixture model: its compressors were trained on texts of up to 40 tokens, so a text of
// about 550 tokens (over max_source_tokens, 512) comes back in ~14 chunks.
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "app_test_util.h"
#include "attentionpage.h"
#include "attentionview.h"
#include "chunkstrip.h"
#include "diffview.h"
#include "engineclient.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "metricsstrip.h"
#include "regeneratepage.h"
#include "tokenevidenceview.h"

using namespace xcomp;
using namespace xcomp::workbench;
using namespace xcomp::workbench::test;

namespace {

constexpr int kTimeout = 300000;

QString longText()
{
    QFile f(QStringLiteral(XCOMP_FIXTURES_DIR "/texts/abstract-compression.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    const QString one = QString::fromUtf8(f.readAll()).trimmed();
    return one + QLatin1Char('\n') + one;
}

}  // namespace

class TestChunkedRegeneration : public QObject {
    Q_OBJECT
    QString m_model;

    std::unique_ptr<MainWindow> openWindow()
    {
        auto w = std::make_unique<MainWindow>();
        w->resize(1400, 900);
        w->show();
        QSignalSpy ready(w.get(), &MainWindow::modelReady);
        w->openModelFolder(m_model);
        if (!ready.wait(120000) && !w->isModelLoaded())
            return nullptr;
        return w;
    }

private slots:
    void initTestCase() { m_model = findModel(); }

    void chunkSelectorDrivesTheViews()
    {
        if (m_model.isEmpty())
            QSKIP(kNoModel);
        auto w = openWindow();
        QVERIFY(w);
        RegeneratePage* page = w->regeneratePage();
        QVERIFY(!page->chunkRow()->isVisibleTo(page));  // nothing chunked yet
        const QString text = longText();
        QVERIFY(!text.isEmpty());
        w->setText(text);
        w->attentionPage()->setCaptureAttention(true);
        QStringList stages;
        connect(w->engine(), &EngineClient::progress, this, [&stages](double, const QString& stage) { stages << stage; });
        QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
        QSignalSpy parts(page, &RegeneratePage::partShown);
        w->runRegeneration();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
        QVERIFY2(!w->messageBar()->isShowing() || w->messageBar()->kind() != MessageBar::Kind::Error,
                 qPrintable(w->messageBar()->text()));

        const RegenerationResult& r = w->lastRegeneration();
        const int k = int(r.chunks.chunks.size());
        QVERIFY2(k >= 10, qPrintable(QString::number(k)));
        QVERIFY(r.chunks.hasTogether);
        // The status bar said what ran: compressing the chunks, then each chunk (attention is captured
        // chunk by chunk), then all of them together.
        const auto said = [&stages](const QString& start, const QString& end) {
            for (const QString& s : stages)
                if (s.startsWith(start) && s.endsWith(end))
                    return true;
            return false;
        };
        QVERIFY2(said(QStringLiteral("Compressing %1 chunk").arg(k), QStringLiteral("in one batch")), qPrintable(stages.join(u'|')));
        QVERIFY(said(QStringLiteral("Regenerating chunk 2 of %1").arg(k), QStringLiteral("from its own memory tokens")));
        QVERIFY(said(QStringLiteral("Regenerating the whole text from all %1 chunk").arg(k), QStringLiteral("at once")));

        // The selector: the whole, the reading together, then every chunk; the whole is on screen.
        QVERIFY(page->chunkRow()->isVisibleTo(page));
        QComboBox* box = page->partSelector();
        QCOMPARE(box->count(), k + 2);
        QCOMPARE(page->partCount(), k + 2);
        QCOMPARE(box->currentIndex(), 0);
        QCOMPARE(box->itemText(0), QStringLiteral("Whole text (chunks joined)"));
        QCOMPARE(box->itemText(1), QStringLiteral("Whole text, all memory tokens read together"));
        const view::ChunkSummary& c1 = r.chunks.chunks.at(1);
        QCOMPARE(box->itemText(3), QStringLiteral("Chunk 2 of %1 (tokens %2\u2013%3)").arg(k).arg(c1.tokenBegin).arg(c1.tokenBegin + c1.tokens - 1));
        QCOMPARE(parts.count(), 1);
        QCOMPARE(page->diffView()->diff().original, r.view.diff.original);
        QCOMPARE(page->metricsStrip()->metrics().memoryTokens, 4 * k);
        AttentionView* av = w->attentionPage()->attentionView();
        QCOMPARE(av->memoryCount(), 4 * k);  // the chunks side by side
        QVERIFY(!page->isStale());  // the whole's original is the chunks' texts read back; still the text on the left

        // Chunk 2 through the selector: the diff, the numbers, the evidence and the attention are its own.
        box->setCurrentIndex(3);
        emit box->activated(3);
        QCOMPARE(parts.count(), 2);
        const RegenerationPart& p = page->part(3);
        QCOMPARE(p.kind, RegenerationPart::Kind::Chunk);
        QCOMPARE(p.chunk, 1);
        QCOMPARE(page->diffView()->diff().original, p.view.diff.original);
        QVERIFY(text.contains(p.view.diff.original.left(20)));
        QCOMPARE(page->metricsStrip()->metrics().sourceTokens, c1.tokens);
        QCOMPARE(page->metricsStrip()->metrics().memoryTokens, 4);
        QCOMPARE(page->metricsStrip()->metrics().rougeLF, c1.rougeLF);
        QCOMPARE(page->evidenceView()->evidence().size(), c1.tokens + 1);
        QCOMPARE(av->memoryCount(), 4);
        QCOMPARE(page->chunkStrip()->selectedChunk(), 1);
        QVERIFY(page->titleLabel()->text().contains(QStringLiteral("Chunk 2 of")));
        QVERIFY(!page->isStale());

        // The strip: clicking chunk 1 shows it, clicking it again goes back to the whole text.
        ChunkStrip* strip = page->chunkStrip();
        QVERIFY(strip->chunkRect(0).isValid() && strip->chunkRect(0).width() > 0);
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->chunkRect(0).center());
        QCOMPARE(box->currentIndex(), 2);
        QCOMPARE(page->diffView()->diff().original, page->part(2).view.diff.original);
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->chunkRect(0).center());
        QCOMPARE(box->currentIndex(), 0);
        QCOMPARE(strip->selectedChunk(), -1);
        QCOMPARE(av->memoryCount(), 4 * k);

        // The reading together: its own regeneration of the whole text from all memory tokens at once.
        page->selectPart(1);
        QCOMPARE(page->diffView()->diff().regenerated, page->part(1).view.diff.regenerated);
        QCOMPARE(page->metricsStrip()->metrics().rougeLF, r.chunks.together.rougeLF);
        QCOMPARE(av->memoryCount(), 4 * k);

        // Exports: one CSV row per chunk, the whole and the reading together; JSON; a PNG of the strip.
        QTemporaryDir dir;
        QString error;
        QVERIFY2(page->exportChunks(dir.filePath(QStringLiteral("c.csv")), &error), qPrintable(error));
        QFile csv(dir.filePath(QStringLiteral("c.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + k + 2);
        QVERIFY(lines.last().startsWith("together,"));
        QVERIFY(page->exportChunks(dir.filePath(QStringLiteral("c.json")), &error));
        QVERIFY(page->exportChunks(dir.filePath(QStringLiteral("c.png")), &error));
        QVERIFY(QFile(dir.filePath(QStringLiteral("c.png"))).size() > 100);
        QVERIFY(!page->exportChunks(dir.filePath(QStringLiteral("c.txt")), &error));

        // Editing the text makes the chunked result stale; a short text afterwards hides the row.
        w->setText(text + QStringLiteral(" More."));
        QTRY_VERIFY(page->isStale());
        w->setText(QStringLiteral("A short text about bread."));
        w->runRegeneration();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2 && !w->isBusy(), kTimeout);
        QVERIFY(!page->chunkRow()->isVisibleTo(page));
        QCOMPARE(page->partCount(), 0);
    }

    // The chunk window in the Regenerate tab: a text under the compressor's limit is cut into chunks of
    // at most the tokens chosen, the token count says how many at least, and "trained length" (0)
    // gives the text back to the compressor whole.
    void chosenWindowCutsAShorterText()
    {
        if (m_model.isEmpty())
            QSKIP(kNoModel);
        auto w = openWindow();
        QVERIFY(w);
        RegeneratePage* page = w->regeneratePage();
        QCOMPARE(page->chunkWindow(), 0);
        QCOMPARE(page->chunkWindowBox()->text(), QStringLiteral("trained length"));
        QFile f(QStringLiteral(XCOMP_FIXTURES_DIR "/texts/abstract-compression.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        w->setText(QString::fromUtf8(f.readAll()).trimmed());
        QTRY_VERIFY_WITH_TIMEOUT(w->tokenCount() > 0, kTimeout);
        const int n = w->tokenCount();
        QVERIFY2(n > 130 && n <= 512, qPrintable(QString::number(n)));  // one window for the compressor
        QVERIFY(!w->tokenLabel()->text().contains(QStringLiteral("chunk")));

        page->setChunkWindow(64);
        QCOMPARE(page->chunkWindow(), 64);
        const int least = (n + 63) / 64;
        QVERIFY2(w->tokenLabel()->text().contains(QStringLiteral("at least %1 chunk").arg(least)),
                 qPrintable(w->tokenLabel()->text()));
        // The length warning speaks of the chunks the compressor reads (about 53 tokens), not the text.
        QVERIFY2(w->tokenLabel()->text().contains(QStringLiteral("⚠ %1 tokens").arg((n + least - 1) / least)),
                 qPrintable(w->tokenLabel()->text()));
        QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
        w->runRegeneration();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
        const RegenerationResult& r = w->lastRegeneration();
        QCOMPARE(r.chunks.windowTokens, 64);
        QVERIFY2(r.chunks.chunks.size() >= least, qPrintable(QString::number(r.chunks.chunks.size())));
        int tokens = 0;
        for (const view::ChunkSummary& c : r.chunks.chunks) {
            QVERIFY2(c.tokens <= 64, qPrintable(QString::number(c.tokens)));
            tokens += c.tokens;
        }
        QVERIFY(qAbs(tokens - n) <= int(r.chunks.chunks.size()));  // cut at sentence ends, nothing lost
        QVERIFY(page->chunkRow()->isVisibleTo(page));

        // A typed window under 16 tokens means the trained length; so does 0.
        page->chunkWindowBox()->setValue(5);
        QCOMPARE(page->chunkWindow(), 0);
        QCOMPARE(page->chunkWindowBox()->value(), 0);
        QTRY_VERIFY(!w->tokenLabel()->text().contains(QStringLiteral("chunk")));
        w->runRegeneration();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2 && !w->isBusy(), kTimeout);
        QVERIFY(w->lastRegeneration().chunks.isEmpty());
        QVERIFY(!page->chunkRow()->isVisibleTo(page));
    }

    void cancelAChunkedRun()
    {
        if (m_model.isEmpty())
            QSKIP(kNoModel);
        auto w = openWindow();
        QVERIFY(w);
        w->setText(longText() + QLatin1Char('\n') + longText());
        w->attentionPage()->setCaptureAttention(true);  // chunk by chunk: slow enough to stop midway
        bool regenerating = false;
        connect(w->engine(), &EngineClient::progress, this, [&regenerating](double, const QString& stage) {
            regenerating |= stage.startsWith(QStringLiteral("Regenerating chunk"));
        });
        w->runRegeneration();
        QTRY_VERIFY_WITH_TIMEOUT(regenerating, kTimeout);
        QTest::keyClick(w.get(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!w->isBusy(), kTimeout);
        QVERIFY(!w->messageBar()->isShowing() || w->messageBar()->kind() != MessageBar::Kind::Error);
        QVERIFY(w->runAction()->isEnabled());
    }
};

QTEST_MAIN(TestChunkedRegeneration)
#include "tst_chunkedregeneration.moc"
