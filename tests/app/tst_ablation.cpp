// Issue 19, item 3 in the workbench, end to end on a real model (env XCOMP_MODEL_DIR or
// tests/fixtures/tiny-model): the Ablation tab drops, zeroes or replaces memory token k through the
// engine worker, shows every memory token's importance and the diff against the unablated
// regeneration, links a bar to the attention view, cancels, and exports.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach
#include <qcustomplot.h>

#include <QApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "ablationpage.h"
#include "app/app_test_util.h"
#include "attentionpage.h"
#include "attentionview.h"
#include "diffview.h"
#include "engineclient.h"
#include "mainwindow.h"
#include "memoryimportanceplot.h"
#include "regeneratepage.h"
#include "messagebar.h"
#include "xcomp/runtime.h"

using namespace xcomp;
using namespace xcomp::workbench;

namespace {

const QString kText = QStringLiteral("The baker opens his shop at dawn and sells warm bread to the village.");
constexpr int kTimeout = 300000;

}  // namespace

class TestAblation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void dropShowsImportanceAndDiff();
    void zeroAndReplace();
    void barSelectsTheMemoryTokenInTheAttentionView();
    void aMemoryTokenShadesTheWordsThatReliedOnIt();
    void badRequestsAreMessages();
    void exports();

private:
    std::unique_ptr<MainWindow> openWindow();
    // Runs the page's ablation and waits for its end; false when it showed no result.
    bool runAblation(MainWindow* w);
    QString m_model;
};

void TestAblation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ablation"));
    xcomp::init_runtime(2);
    m_model = test::findModel();
}

void TestAblation::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestAblation::openWindow()
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

bool TestAblation::runAblation(MainWindow* w)
{
    QSignalSpy done(w, &MainWindow::ablationFinished);
    w->ablationPage()->runButton()->click();
    return done.wait(kTimeout) && w->ablationPage()->hasResult();
}

void TestAblation::dropShowsImportanceAndDiff()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    AblationPage* page = w->ablationPage();
    const int m = w->engine()->compressor(w->currentCompressorId())->memoryTokens;
    QCOMPARE(page->memoryTokenBox()->maximum(), m);
    page->setMode(QStringLiteral("drop"));
    page->setMemoryToken(m - 1);
    QVERIFY(page->runButton()->isEnabled());
    QSignalSpy progress(w->engine(), &EngineClient::progress);
    QVERIFY2(runAblation(w.get()), qPrintable(w->messageBar()->text()));
    QCOMPARE(w->tabs()->currentWidget(), page);
    QVERIFY(!progress.isEmpty());
    const view::AblationData& r = page->result();
    QCOMPARE(r.mode, QStringLiteral("drop"));
    QCOMPARE(r.memoryToken, m - 1);
    QCOMPARE(r.importance.size(), m);
    QVERIFY(r.loss > 0);
    QVERIFY(!r.diff.original.isEmpty());  // the unablated regeneration
    QVERIFY(r.metrics.bleu >= 0 && r.metrics.bleu <= 1);
    // The chart shows the engine's numbers, the ablated memory token selected; the diff the two regenerations.
    QCOMPARE(page->importancePlot()->importance(), r.importance);
    QCOMPARE(page->importancePlot()->selectedMemoryToken(), m - 1);
    QCOMPARE(page->diffView()->diff().original, r.diff.original);
    QCOMPARE(page->diffView()->diff().regenerated, r.diff.regenerated);
    QVERIFY(page->summaryLabel()->text().contains(QStringLiteral("m%1 dropped").arg(m)));
    // The diff's sides say which regeneration is which.
    QCOMPARE(page->diffView()->sideTitle(0), QStringLiteral("All memory tokens"));
    QCOMPARE(page->diffView()->sideTitle(1), QStringLiteral("With m%1 dropped").arg(m));
    qInfo("importance: %s; unablated \"%s\", ablated \"%s\"",
          qPrintable([&] { QStringList s; for (double v : r.importance) s << QString::number(v, 'f', 3); return s.join(QLatin1Char(' ')); }()),
          qPrintable(r.diff.original.left(60)), qPrintable(r.diff.regenerated.left(60)));
    // Dropping memory token k with the engine's importance of k: the same numbers from any k.
    page->setMemoryToken(0);
    QVERIFY(runAblation(w.get()));
    QCOMPARE(page->result().memoryToken, 0);
    for (int k = 0; k < m; ++k)
        QVERIFY(qAbs(page->result().importance.at(k) - r.importance.at(k)) < 1e-4);
}

void TestAblation::zeroAndReplace()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    AblationPage* page = w->ablationPage();
    page->setMemoryToken(0);
    page->setMode(QStringLiteral("zero"));
    QVERIFY2(runAblation(w.get()), qPrintable(w->messageBar()->text()));
    QCOMPARE(page->result().mode, QStringLiteral("zero"));
    QVERIFY(page->summaryLabel()->text().contains(QStringLiteral("m1 zeroed")));
    page->setMode(QStringLiteral("replace"));
    page->setDonorText(QStringLiteral("A small boat left the harbour at noon with three fishermen aboard."));
    QVERIFY2(runAblation(w.get()), qPrintable(w->messageBar()->text()));
    QCOMPARE(page->result().mode, QStringLiteral("replace"));
    QVERIFY(!page->result().donorText.isEmpty());
    QVERIFY(page->summaryLabel()->text().contains(QStringLiteral("replaced")));
}

void TestAblation::barSelectsTheMemoryTokenInTheAttentionView()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    // Attention to select in: a regeneration with attention captured.
    w->attentionPage()->setCaptureAttention(true);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    AttentionView* attention = w->attentionPage()->attentionView();
    QVERIFY(attention->hasData());
    AblationPage* page = w->ablationPage();
    w->showTab(MainWindow::AblationTab);
    QVERIFY(runAblation(w.get()));
    MemoryImportancePlot* plot = page->importancePlot();
    plot->plot()->replot();
    const int k = plot->importance().size() - 1;
    QSignalSpy selected(page, &AblationPage::memoryTokenSelected);
    QTest::mouseClick(plot->plot(), Qt::LeftButton, {}, plot->barCenter(k));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(attention->selectedMemoryToken(), k);
    QCOMPARE(page->memoryToken(), k);  // and it is the next one to ablate
}

// Issue 19, item 4 (linked selection): selecting memory token k, in the attention view or by a bar of the
// importance chart, shades in the Regenerate tab's diff the regenerated tokens that read k most.
void TestAblation::aMemoryTokenShadesTheWordsThatReliedOnIt()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    w->attentionPage()->setCaptureAttention(true);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    AttentionPage* ap = w->attentionPage();
    AttentionView* attention = ap->attentionView();
    QVERIFY(attention->hasData());
    const int generated = int(w->lastRegeneration().tokenRanges.size());
    QVERIFY(generated > 0);
    // The memory token the first regenerated token reads most: at least that token relied on it.
    const QVector<double> first = attention->tokenMemoryUsage(0, attention->layer(), attention->head());
    const int k = int(std::max_element(first.begin(), first.end()) - first.begin());
    DiffTextEdit* regenerated = w->regeneratePage()->diffView()->regeneratedEdit();
    QVERIFY(regenerated->relianceRanges().isEmpty());
    attention->selectMemoryToken(k);
    QVector<double> shares;
    const QVector<int> tokens = ap->tokensRelyingOn(k, &shares);
    QVERIFY(tokens.contains(0));
    QCOMPARE(regenerated->relianceRanges().size(), tokens.size());
    for (int i = 0; i < tokens.size(); ++i) {
        QCOMPARE(regenerated->relianceRanges().at(i), w->lastRegeneration().tokenRanges.at(tokens.at(i)));
        QVERIFY(shares.at(i) > 0 && shares.at(i) <= 1);
    }
    // Exactly the tokens whose most-read memory token is k.
    for (int g = 0; g < generated; ++g) {
        const QVector<double> u = attention->tokenMemoryUsage(g, attention->layer(), attention->head());
        const int top = int(std::max_element(u.begin(), u.end()) - u.begin());
        QCOMPARE(tokens.contains(g), top == k && u.at(k) > 0);
    }
    // Cleared with the selection, and by the next regeneration.
    attention->selectMemoryToken(-1);
    QVERIFY(regenerated->relianceRanges().isEmpty());
    attention->selectMemoryToken(k);
    QVERIFY(!regenerated->relianceRanges().isEmpty());
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 2 && !w->isBusy(), kTimeout);
    QVERIFY(regenerated->relianceRanges().isEmpty() || attention->selectedMemoryToken() >= 0);
}

void TestAblation::badRequestsAreMessages()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    AblationPage* page = w->ablationPage();
    // Replace without a second text: a warning, no job.
    page->setMode(QStringLiteral("replace"));
    page->setDonorText(QString());
    page->runButton()->click();
    QVERIFY(!page->isRunning());
    QVERIFY(w->messageBar()->isShowing());
    QVERIFY(w->messageBar()->text().contains(QStringLiteral("second text")));
    // A memory token the engine rejects (called directly: the spin box cannot go there): an error, the app goes on.
    QSignalSpy errors(w->engine(), &EngineClient::error);
    w->engine()->ablate(w->currentCompressorId(), kText, QStringLiteral("drop"), 99);
    QTRY_VERIFY_WITH_TIMEOUT(errors.count() == 1 && !w->isBusy(), kTimeout);
    QVERIFY(errors.at(0).at(1).toString().contains(QStringLiteral("does not exist")));
    // Esc stops a running ablation.
    page->setMode(QStringLiteral("drop"));
    QSignalSpy done(w.get(), &MainWindow::ablationFinished);
    page->runButton()->click();
    QVERIFY(page->isRunning());
    w->cancel();
    QVERIFY(done.wait(kTimeout));
    QVERIFY(!page->isRunning());
    QVERIFY(page->runButton()->isEnabled());
}

void TestAblation::exports()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    w->setText(kText);
    AblationPage* page = w->ablationPage();
    QString error;
    QTemporaryDir dir;
    QVERIFY(!page->exportResult(dir.filePath(QStringLiteral("a.json")), &error));
    QVERIFY(runAblation(w.get()));
    QVERIFY2(page->exportResult(dir.filePath(QStringLiteral("a.json")), &error), qPrintable(error));
    QFile f(dir.filePath(QStringLiteral("a.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("xcomp-memory-importance"));
    QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("drop"));
    QCOMPARE(o.value(QStringLiteral("unablated")).toString(), page->result().diff.original);
    for (const char* suffix : {"png", "pdf", "csv"}) {
        const QString path = dir.filePath(QStringLiteral("a.") + QLatin1String(suffix));
        QVERIFY2(page->exportResult(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 0);
    }
}

QTEST_MAIN(TestAblation)
#include "tst_ablation.moc"
