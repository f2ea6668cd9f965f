// Linked selection (issue 19, item 4) with the tiny model: words of the regeneration dragged over, or
// a coloured span clicked, select those generated tokens as a span in the attention view (its memory
// tokens, heads and the source words it drew on), and the source words are shaded in the diff's
// original; a memory token shades the words that relied on it and the source words it reads.
#include <QApplication>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

#include "app_test_util.h"
#include "attentionpage.h"
#include "attentionview.h"
#include "diffview.h"
#include "mainwindow.h"
#include "regeneratepage.h"

using namespace xcomp;
using namespace xcomp::workbench;
using namespace xcomp::workbench::test;

namespace {

constexpr int kTimeout = 300000;
const QString kText = QStringLiteral("The baker opens his shop at dawn and sells warm bread to the village.");

}  // namespace

class TestLinkedSelection : public QObject {
    Q_OBJECT
    QString m_model;

private slots:
    void initTestCase() { m_model = findModel(); }

    void spanOfTheRegenerationInTheAttentionView()
    {
        if (m_model.isEmpty())
            QSKIP(kNoModel);
        auto w = std::make_unique<MainWindow>();
        w->resize(1400, 900);
        w->show();
        QSignalSpy ready(w.get(), &MainWindow::modelReady);
        w->openModelFolder(m_model);
        QVERIFY(ready.wait(120000) || w->isModelLoaded());
        w->setText(kText);
        w->attentionPage()->setCaptureAttention(true);
        QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
        w->runRegeneration();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
        const RegenerationResult& r = w->lastRegeneration();
        AttentionPage* page = w->attentionPage();
        AttentionView* av = page->attentionView();
        if (r.tokenRanges.size() < 3)
            QSKIP("the model regenerated fewer than 3 tokens: no span to select");
        QVERIFY(page->hasData());

        // Drag over the regeneration's 2nd to 3rd tokens: the attention view selects them as a span.
        DiffView* diff = w->regeneratePage()->diffView();
        DiffTextEdit* edit = diff->regeneratedEdit();
        const int begin = r.tokenRanges[1].first, end = r.tokenRanges[2].second;
        QVERIFY(end > begin);
        w->showTab(MainWindow::RegenerateTab);
        QApplication::processEvents();
        QSignalSpy spans(av, &AttentionView::generatedSpanSelected);
        QTest::mousePress(edit->viewport(), Qt::LeftButton, {}, edit->charRect(begin).center());
        QTextCursor c = edit->textCursor();
        c.setPosition(begin);
        c.setPosition(end, QTextCursor::KeepAnchor);
        edit->setTextCursor(c);
        QTest::mouseRelease(edit->viewport(), Qt::LeftButton, {}, edit->charRect(std::max(begin, end - 1)).center() + QPoint(40, 0));
        QTRY_COMPARE(spans.count(), 1);
        QCOMPARE(page->tokensIn(begin, end), qMakePair(1, 2));
        QCOMPARE(av->spanFirst(), 1);
        QCOMPARE(av->spanLast(), 2);
        QCOMPARE(av->displayedTokenUsage().size(), av->memoryCount());  // the span's usage of each memory token
        QVERIFY(!av->spanTopHeads(3).isEmpty());
        // The source words it drew on, highlighted in the attention view and shaded in the original.
        const QVector<int> top = av->highlightedSourceTokens();
        QVERIFY(!top.isEmpty());
        const QVector<QPair<int, int>> shaded = diff->originalEdit()->relianceRanges();
        QVERIFY(!shaded.isEmpty());
        const QVector<QPair<int, int>>& places = w->regeneratePage()->result().evidence.originalRanges;
        if (places.at(top.first()).second > places.at(top.first()).first)
            QCOMPARE(shaded.first(), places.at(top.first()));

        // A memory token chosen: the regenerated words relying on it and the source words it reads.
        av->selectMemoryToken(0);
        QCOMPARE(av->highlightedSourceTokens(), av->topSourceTokens(0, av->topK()));
        QVERIFY(diff->originalEdit()->relianceRanges().contains(places.at(av->highlightedSourceTokens().first())) ||
                places.at(av->highlightedSourceTokens().first()).second == places.at(av->highlightedSourceTokens().first()).first);
        av->selectMemoryToken(-1);

        // One token chosen ends the span; the original's shading goes with it.
        av->selectGeneratedToken(0);
        QCOMPARE(av->spanLast(), -1);
        QVERIFY(diff->originalEdit()->relianceRanges().isEmpty());

        // A coloured span of the regeneration, when there is one, selects its tokens.
        const view::DiffData& d = diff->diff();
        for (const view::DiffSpan& s : d.spans) {
            if (s.type == view::ErrorType::Equal || s.regeneratedEnd <= s.regeneratedBegin)
                continue;
            QSignalSpy ranges(diff, &DiffView::regeneratedRangeSelected);
            QTest::mouseClick(edit->viewport(), Qt::LeftButton, {}, edit->charRect(s.regeneratedBegin).center());
            QCOMPARE(ranges.count(), 1);
            QCOMPARE(ranges.at(0).at(0).toInt(), s.regeneratedBegin);
            QCOMPARE(ranges.at(0).at(1).toInt(), s.regeneratedEnd);
            const QPair<int, int> tokens = page->tokensIn(s.regeneratedBegin, s.regeneratedEnd);
            QCOMPARE(av->spanFirst(), tokens.first);
            QCOMPARE(av->spanLast(), tokens.second);
            break;
        }
    }
};

QTEST_MAIN(TestLinkedSelection)
#include "tst_linkedselection.moc"
