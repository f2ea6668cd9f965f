// End-to-end tests of the workbench window with a real model (env XCOMP_MODEL_DIR or
// tests/fixtures/tiny-model; skipped with a message when there is none): paste a text, Compress &
// Regenerate, the diff view's categorised spans and the metrics strip; linked attention selection;
// compare, QA, interpolation, batch, files. Without a model: errors go to the message bar.
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "attentionpage.h"
#include "attentionview.h"
#include "batchpage.h"
#include "comparepage.h"
#include "compareview.h"
#include "dashboardview.h"
#include "diffview.h"
#include "app/app_test_util.h"
#include "engineclient.h"
#include "errorlegend.h"
#include "evaltablemodel.h"
#include "interpolationpage.h"
#include "interpolationpanel.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "metricsstrip.h"
#include "modelcontroller.h"
#include "qapage.h"
#include "regeneratepage.h"
#include "tokenevidenceview.h"
#include "xcomp/runtime.h"

using namespace xcomp;
using namespace xcomp::workbench;

namespace {

using test::findModel;
using test::kNoModel;

const QString kText = QStringLiteral("The baker opens his shop at dawn and sells warm bread to the village.");
constexpr int kTimeout = 300000;

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void badModelFolderShowsAnError();
    void runWithoutModelIsRefused();
    void compressAndRegenerateEndToEnd();
    void attentionIsLinkedToTheDiff();
    void escapeCancels();
    void compareAllCompressors();
    void questionAnswering();
    void interpolationSliderAndCurve();
    void cancellingTheCurveKeepsTheSliderAlive();
    void batchDatasetAndReview();
    void sessionAndCompressedPromptFiles();

private:
    // A shown window with the model open (nullptr + QSKIP when there is no model).
    std::unique_ptr<MainWindow> openWindow();
    QString m_model;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    xcomp::init_runtime(2);
    m_model = findModel();
}

void TestMainWindow::init()
{
    QSettings().clear();  // every test starts from the defaults
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow()
{
    auto w = std::make_unique<MainWindow>();
    w->resize(1400, 900);
    w->show();
    QSignalSpy ready(w.get(), &MainWindow::modelReady);
    w->openModelFolder(m_model);
    if (!ready.wait(120000) && !w->isModelLoaded()) {
        qWarning() << "model did not open:" << w->messageBar()->text();
        return nullptr;
    }
    return w;
}

void TestMainWindow::badModelFolderShowsAnError()
{
    MainWindow w;
    w.show();
    w.openModelFolder(QStringLiteral("/nonexistent/model/folder"));
    QVERIFY(w.messageBar()->isShowing());
    QVERIFY(w.messageBar()->text().contains(QStringLiteral("/nonexistent/model/folder")));
    QTemporaryDir empty;
    w.messageBar()->dismiss();
    w.openModelFolder(empty.path());  // exists, but holds no model: the engine throws, the window shows it
    QTRY_VERIFY_WITH_TIMEOUT(w.messageBar()->isShowing() && !w.isBusy(), 30000);
    QCOMPARE(w.messageBar()->kind(), MessageBar::Kind::Error);
    QVERIFY(!w.isModelLoaded());
    QVERIFY(!w.runAction()->isEnabled());
    QVERIFY(w.compressorCombo()->count() == 0);
}

void TestMainWindow::runWithoutModelIsRefused()
{
    MainWindow w;
    w.show();
    w.setText(kText);
    w.runRegeneration();
    QVERIFY(w.messageBar()->isShowing());
    QCOMPARE(w.messageBar()->kind(), MessageBar::Kind::Warning);
    QVERIFY(!w.isBusy());
    QVERIFY(w.tokenLabel()->text().contains(QStringLiteral("model")));
}

void TestMainWindow::compressAndRegenerateEndToEnd()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(w->compressorCombo()->count() > 0);
    // The trained compressors, then a separator and the upper bounds at their m (issue 19, item 1).
    const ModelEntry& model = w->engine()->model();
    const int bounds = int(ModelController::upperBoundsFor(model.compressors, model.optimised).size());
    QCOMPARE(w->compressorCombo()->count(), int(model.compressors.size()) + (bounds > 0 ? bounds + 1 : 0));

    // Paste the text through the clipboard into the editor.
    QApplication::clipboard()->setText(kText);
    w->textEdit()->setFocus();
    w->textEdit()->paste();
    QCOMPARE(w->text(), kText);
    // Live token count and compression ratio (debounced, counted by the worker).
    QTRY_VERIFY_WITH_TIMEOUT(w->tokenCount() > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(w->tokenLabel()->text().contains(QString::number(w->tokenCount())), 5000);
    QVERIFY(w->tokenLabel()->text().contains(QChar(0x00d7)));  // "…× compression"

    QVERIFY(w->runAction()->isEnabled());
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    QTest::keyClick(w->textEdit(), Qt::Key_Return, Qt::ControlModifier);  // Ctrl+Return runs
    QVERIFY(w->isBusy() || shown.count() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    QVERIFY2(!w->messageBar()->isShowing() || w->messageBar()->kind() != MessageBar::Kind::Error,
             qPrintable(w->messageBar()->text()));
    QCOMPARE(w->tabs()->currentIndex(), int(MainWindow::RegenerateTab));

    // The diff view shows both texts with categorised spans.
    DiffView* diff = w->regeneratePage()->diffView();
    QVERIFY(!diff->isEmpty());
    const view::DiffData& d = diff->diff();
    QVERIFY(!d.original.isEmpty());
    QVERIFY(!d.spans.isEmpty());
    int marked = 0, total = 0;
    for (int t = 0; t < view::kErrorTypeCount; ++t)
        total += diff->count(view::ErrorType(t));
    QCOMPARE(total, int(d.spans.size()));
    for (const view::DiffSpan& s : d.spans) {
        QVERIFY(int(s.type) >= 0 && int(s.type) < view::kErrorTypeCount);
        QVERIFY(s.originalEnd <= d.original.size() && s.regeneratedEnd <= d.regenerated.size());
        if (s.type == view::ErrorType::Equal)
            continue;
        ++marked;
        // A marked span is painted in its category's format and has a tooltip naming it.
        if (s.originalEnd > s.originalBegin) {
            QCOMPARE(int(diff->originalTypeAt(s.originalBegin)), int(s.type));
            QVERIFY(!diff->originalToolTipAt(s.originalBegin).isEmpty());
        } else if (s.regeneratedEnd > s.regeneratedBegin) {
            QCOMPARE(int(diff->regeneratedTypeAt(s.regeneratedBegin)), int(s.type));
        }
    }
    const QVector<int> legend = diff->legend()->counts();
    for (view::ErrorType t : {view::ErrorType::Mistake, view::ErrorType::InformationLoss,
                              view::ErrorType::Hallucination, view::ErrorType::Paraphrase})
        QCOMPARE(diff->legend()->count(t), diff->count(t));
    qInfo("regeneration: %s (%d marked spans of %d)", qPrintable(d.regenerated.left(100)), marked, int(d.spans.size()));

    // The metrics strip has values.
    MetricsStrip* strip = w->regeneratePage()->metricsStrip();
    QVERIFY(strip->hasMetrics());
    const view::RegenerationMetrics& m = strip->metrics();
    QVERIFY(m.bleu >= 0 && m.bleu <= 1);
    QVERIFY(m.rougeLF >= 0 && m.rougeLF <= 1);
    QCOMPARE(m.sourceTokens, w->lastRegeneration().view.metrics.sourceTokens);
    QVERIFY(m.memoryTokens > 0);
    QVERIFY(m.compressionRatio > 0);
    QVERIFY(m.compressedBytes > 0 && m.fullKvBytes > 0);
    const QString dash = QString(QChar(0x2014));
    for (int f = 0; f < MetricsStrip::kFieldCount; ++f)
        QVERIFY2(strip->fieldText(MetricsStrip::Field(f)) != dash, qPrintable(strip->fieldTitle(MetricsStrip::Field(f))));
    QVERIFY(strip->fieldText(MetricsStrip::Compression).contains(QString::number(m.memoryTokens)));

    // Issue 19, item 2: per-token evidence from the real engine, one entry per source token and the end.
    RegeneratePage* page = w->regeneratePage();
    TokenEvidenceView* ev = page->evidenceView();
    QCOMPARE(ev->evidence().size(), m.sourceTokens + 1);
    QCOMPARE(ev->evidence().teacherForcedAccuracy, m.teacherForcedAccuracy);
    QVERIFY(m.teacherForcedAccuracy >= 0 && m.teacherForcedAccuracy <= 1);
    for (int i = 0; i < ev->evidence().size(); ++i) {
        QVERIFY(ev->evidence().probability.at(i) >= 0 && ev->evidence().probability.at(i) <= 1);
        QVERIFY(ev->evidence().rank.at(i) >= 1);
    }
    // Greedy EM and the first divergence agree: an exact regeneration has none.
    QCOMPARE(ev->evidence().firstDivergence < 0, m.exactMatch >= 1.0);
    QVERIFY(page->evidenceSummary()->text().startsWith(QStringLiteral("Teacher-forced accuracy")));
    // A token clicked is marked in the original.
    page->evidenceBox()->show();
    QTRY_VERIFY(ev->tokenRect(1).isValid());
    QTest::mouseClick(ev, Qt::LeftButton, {}, ev->tokenRect(1).center());
    const auto range = ev->evidence().originalRanges.at(1);
    QCOMPARE(diff->originalEdit()->markedBegin(), range.first);
    QCOMPARE(diff->originalEdit()->markedEnd(), range.second);
}

void TestMainWindow::attentionIsLinkedToTheDiff()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    w->attentionPage()->setCaptureAttention(true);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    const RegenerationResult& r = w->lastRegeneration();
    if (r.view.diff.regenerated.trimmed().isEmpty())
        QSKIP("the model regenerated nothing: no token to link");
    AttentionPage* page = w->attentionPage();
    QVERIFY(page->hasData());
    AttentionView* av = page->attentionView();
    QCOMPARE(av->generatedCount(), int(r.tokenRanges.size()));
    QVERIFY(av->memoryCount() > 0);

    // Attention -> diff: selecting generated token g outlines its range in the regeneration.
    int g = -1;
    for (int i = 0; i < r.tokenRanges.size(); ++i)
        if (r.tokenRanges[i].second > r.tokenRanges[i].first && r.view.diff.regenerated.mid(r.tokenRanges[i].first, 1).trimmed().size() > 0) {
            g = i;
            if (i >= 2)
                break;
        }
    QVERIFY(g >= 0);
    av->selectGeneratedToken(g);
    DiffView* diff = w->regeneratePage()->diffView();
    QVERIFY(diff->selectedRegeneratedEnd() > diff->selectedRegeneratedBegin());
    QVERIFY(diff->selectedRegeneratedBegin() <= r.tokenRanges[g].first);
    QVERIFY(diff->selectedRegeneratedEnd() >= r.tokenRanges[g].second);

    // Diff -> attention: clicking a regenerated word selects the generated token there.
    av->selectGeneratedToken(-1);
    w->showTab(MainWindow::RegenerateTab);
    QApplication::processEvents();
    DiffTextEdit* edit = diff->regeneratedEdit();
    const int pos = r.tokenRanges[g].first + (r.tokenRanges[g].second - r.tokenRanges[g].first) / 2;
    const QRect rect = edit->charRect(pos);
    QVERIFY(rect.isValid());
    QTest::mouseClick(edit->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(av->selectedGeneratedToken() >= 0);
    const QPair<int, int> range = r.tokenRanges[av->selectedGeneratedToken()];
    QVERIFY(range.first <= pos + 1 && pos <= range.second + 1);
}

void TestMainWindow::escapeCancels()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    QString longText;
    for (int i = 0; i < 6; ++i)
        longText += kText + QLatin1Char(' ');
    w->setText(longText);
    w->runRegeneration();
    QVERIFY(w->isBusy());
    QVERIFY(w->cancelAction()->isEnabled());
    QTest::keyClick(w.get(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!w->isBusy(), kTimeout);
    QVERIFY(!w->messageBar()->isShowing() || w->messageBar()->kind() != MessageBar::Kind::Error);
    QVERIFY(!w->cancelAction()->isEnabled());
    QVERIFY(w->runAction()->isEnabled());
}

void TestMainWindow::compareAllCompressors()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    // Every trained compressor is checked; the upper bounds below them are not (they are slow).
    const int n = int(w->engine()->model().compressors.size());
    QVERIFY(w->comparePage()->compressorList()->count() >= n);
    QCOMPARE(w->comparePage()->checkedCompressors().size(), n);
    QSignalSpy done(w.get(), &MainWindow::comparisonFinished);
    w->comparePage()->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1 && !w->isBusy(), kTimeout);
    QCOMPARE(w->tabs()->currentIndex(), int(MainWindow::CompareTab));
    CompareView* cv = w->comparePage()->compareView();
    QCOMPARE(cv->columnCount(), n);
    for (int c = 0; c < n; ++c) {
        QVERIFY(!cv->columnLabel(c).isEmpty());
        QVERIFY(cv->metricsStrip(c)->hasMetrics());
    }
}

void TestMainWindow::questionAnswering()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(QStringLiteral("Ada Frost kept the lighthouse on the island for thirty years."));
    w->showTab(MainWindow::QaTab);
    QaPage* qa = w->qaPage();
    qa->setQuestion(QStringLiteral("Who kept the lighthouse?"));
    qa->setGoldText(QStringLiteral("Ada Frost\n\n  Ada  "));
    QCOMPARE(qa->goldAnswers(), QStringList({QStringLiteral("Ada Frost"), QStringLiteral("Ada")}));
    QSignalSpy shown(w.get(), &MainWindow::answerShown);
    QVERIFY(qa->askButton()->isEnabled());
    qa->askButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    QVERIFY(qa->hasResult());
    QVERIFY(qa->result().hasGold);
    QVERIFY(qa->result().f1Compressed >= 0 && qa->result().f1Compressed <= 1);
    QVERIFY(qa->compressedScore()->text().contains(QStringLiteral("F1")));
    QVERIFY(qa->fullScore()->text().contains(QStringLiteral("EM")));
}

void TestMainWindow::interpolationSliderAndCurve()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    InterpolationPage* ip = w->interpolationPage();
    ip->setTextA(QStringLiteral("The old garden is full of roses."));
    ip->setTextB(QStringLiteral("A small boat left the harbour at noon."));
    QVERIFY(ip->prepareButton()->isEnabled());
    QVERIFY(!ip->panel()->isEnabled());
    ip->prepareButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(ip->isPrepared(), kTimeout);
    InterpolationPanel* panel = ip->panel();
    QVERIFY(panel->isEnabled());
    QCOMPARE(panel->textA(), w->engine()->slotA().sourceText);
    // The background sweep fills the curve with 21 points.
    QTRY_VERIFY_WITH_TIMEOUT(panel->curve().size() == InterpolationPage::kSweepPoints && !w->engine()->isSweeping(), kTimeout);
    // Slider moves: latest wins, the regeneration for the last position is shown.
    QSignalSpy shown(w.get(), &MainWindow::interpolationShown);
    for (int v = 10; v <= 70; v += 5)
        panel->slider()->setValue(v);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(panel->shownAlpha() - 0.70) < 1e-9 && !w->engine()->isInterpolating(), kTimeout);
    QTest::qWait(200);
    QVERIFY(shown.count() >= 1);
    QVERIFY(shown.count() <= 3);  // far fewer results than the 13 requests
    QCOMPARE(panel->shownAlpha(), 0.70);
    QVERIFY(!panel->isBusy());
    QVERIFY(!w->messageBar()->isShowing() || w->messageBar()->kind() != MessageBar::Kind::Error);
}

// Seen as a new user would: cancelling the BLEU curve left "Cancelling…" in the status bar and the
// slider dead until a restart.
void TestMainWindow::cancellingTheCurveKeepsTheSliderAlive()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    InterpolationPage* ip = w->interpolationPage();
    ip->setTextA(QStringLiteral("The old garden is full of roses."));
    ip->setTextB(QStringLiteral("A small boat left the harbour at noon."));
    ip->prepareButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(ip->isPrepared() && w->engine()->isSweeping(), kTimeout);
    w->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!w->engine()->isSweeping() && !w->engine()->isInterpolating(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!w->stageLabel()->text().contains(QStringLiteral("Cancelling")), 10000);
    InterpolationPanel* panel = ip->panel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 10000);
    QVERIFY(panel->isEnabled());
    QSignalSpy shown(w.get(), &MainWindow::interpolationShown);
    panel->slider()->setValue(panel->slider()->value() == 40 ? 60 : 40);
    QVERIFY2(shown.wait(kTimeout), qPrintable(w->stageLabel()->text()));
    QVERIFY(!panel->isBusy());
}

void TestMainWindow::batchDatasetAndReview()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    QVERIFY(w->openDataset(QStringLiteral(":/examples/sample-short.jsonl")));
    BatchPage* bp = w->batchPage();
    QVERIFY(bp->examples().size() >= 8);
    bp->setLimit(4);
    bp->setAllCompressors(true);
    const int n = int(w->engine()->model().compressors.size());
    QSignalSpy done(w.get(), &MainWindow::batchFinished);
    bp->runButton()->click();
    QVERIFY(w->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1 && !w->isBusy(), kTimeout);
    DashboardView* dash = bp->dashboard();
    QCOMPARE(dash->rows().size(), qsizetype(4 * n));
    QCOMPARE(dash->progressDone(), 4 * n);
    QVERIFY(!dash->series().isEmpty());
    // Double-click a row: it opens in the Regenerate tab.
    QTableView* table = dash->tableView();
    const QModelIndex index = table->model()->index(1, 0);
    const QRect rect = table->visualRect(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(w->tabs()->currentIndex(), int(MainWindow::RegenerateTab));
    const view::EvalRow row = table->model()->index(1, 0).data(EvalTableModel::RowRole).value<view::EvalRow>();
    QCOMPARE(w->regeneratePage()->diffView()->diff().original, row.diff.original);
    QVERIFY(w->regeneratePage()->metricsStrip()->hasMetrics());

    // Cancel a batch half way.
    bp->setLimit(0);
    w->runBatch();
    QTRY_VERIFY_WITH_TIMEOUT(dash->rows().size() >= 1, kTimeout);
    w->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!w->isBusy(), kTimeout);
    const qsizetype kept = dash->rows().size();
    QVERIFY(kept < bp->examples().size() * n);
    // Resume runs only the rest: every (example, compressor) pair once, the kept rows first.
    QVERIFY(bp->resumeButton()->isVisible() && bp->resumeButton()->isEnabled());
    QCOMPARE(bp->resumableFrom(), int(kept));
    const QVector<view::EvalRow> before = dash->rows();
    done.clear();
    bp->resumeButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1 && !w->isBusy(), kTimeout);
    QCOMPARE(dash->rows().size(), bp->examples().size() * n);
    QSet<QString> pairs;
    for (const view::EvalRow& r : dash->rows())
        pairs.insert(r.id + QLatin1Char('/') + r.compressor + QString::number(r.memoryTokens) + r.method);
    QCOMPARE(pairs.size(), int(dash->rows().size()));
    for (qsizetype i = 0; i < before.size(); ++i)
        QCOMPARE(dash->rows()[i].diff.regenerated, before[i].diff.regenerated);
    QVERIFY(!bp->resumeButton()->isVisible());
    QCOMPARE(bp->resumableFrom(), -1);
}

void TestMainWindow::sessionAndCompressedPromptFiles()
{
    if (m_model.isEmpty())
        QSKIP(kNoModel);
    QTemporaryDir dir;
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);

    // .xcp: compress and save, atomically (no partial file is left).
    const QString xcp = dir.filePath(QStringLiteral("prompt.xcp"));
    w->saveCompressedPrompt(xcp);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(xcp) && !w->isBusy(), kTimeout);
    QVERIFY(QFileInfo(xcp).size() > 0);
    QVERIFY(!QFileInfo::exists(xcp + QStringLiteral(".part")));
    // ... and open it twice as both interpolation endpoints.
    QVERIFY(w->openFile(xcp));
    QCOMPARE(w->interpolationPage()->pathA(), xcp);
    QVERIFY(w->openFile(xcp));
    QCOMPARE(w->interpolationPage()->pathB(), xcp);
    w->prepareInterpolation();
    QTRY_VERIFY_WITH_TIMEOUT(w->interpolationPage()->isPrepared(), kTimeout);
    QCOMPARE(w->engine()->slotA().sourceText, w->lastRegeneration().view.diff.original);

    // Session: save, reopen in a fresh window, same texts and results.
    const QString session = dir.filePath(QStringLiteral("s.xcs"));
    w->qaPage()->setQuestion(QStringLiteral("Who bakes?"));
    QVERIFY(w->saveSession(session));
    QVERIFY(!w->isWindowModified());
    auto w2 = std::make_unique<MainWindow>();
    QVERIFY(w2->loadSession(session));
    QCOMPARE(w2->text(), kText);
    QCOMPARE(w2->qaPage()->question(), QStringLiteral("Who bakes?"));
    QVERIFY(w2->regeneratePage()->hasResult());
    QCOMPARE(w2->regeneratePage()->diffView()->diff().regenerated, w->regeneratePage()->diffView()->diff().regenerated);
    QCOMPARE(w2->regeneratePage()->diffView()->diff().spans.size(), w->regeneratePage()->diffView()->diff().spans.size());
    QCOMPARE(w2->interpolationPage()->pathA(), xcp);
    // A broken session file is an error in the message bar, not a crash.
    QFile broken(dir.filePath(QStringLiteral("broken.xcs")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    QVERIFY(!w2->openFile(broken.fileName()));
    QCOMPARE(w2->messageBar()->kind(), MessageBar::Kind::Error);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
