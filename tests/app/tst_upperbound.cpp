// Issue 19, item 1 in the workbench, end to end on a real model (env XCOMP_MODEL_DIR or
// tests/fixtures/tiny-model): the optimised-memory methods are offered beside the trained compressors at
// their m, run with progress like any compressor, can be cancelled, and the Compare tab shows each
// compressor's distance to the upper bound.
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>

#include "app/app_test_util.h"
#include "comparepage.h"
#include "compareview.h"
#include "engineclient.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "regeneratepage.h"
#include "xcomp/runtime.h"

using namespace xcomp;
using namespace xcomp::workbench;

namespace {

const QString kText = QStringLiteral("The baker opens his shop at dawn.");
constexpr int kTimeout = 300000;

}  // namespace

class TestUpperBound : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void offeredAtTheCompressorsM();
    void runsWithProgressAsTheRegenerateTabsMethod();
    void cancelStopsTheOptimiser();
    void compareShowsTheGapToTheBound();

private:
    std::unique_ptr<MainWindow> openWindow();
    QString m_model;
};

void TestUpperBound::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_upperbound"));
    xcomp::init_runtime(2);
    m_model = test::findModel();
}

void TestUpperBound::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestUpperBound::openWindow()
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

void TestUpperBound::offeredAtTheCompressorsM()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    const ModelEntry& model = w->engine()->model();
    QCOMPARE(model.optimised.size(), qsizetype(6));  // kv and emb, m = 1, 4, 16
    QSet<int> ms;
    for (const CompressorEntry& c : model.compressors)
        ms.insert(c.memoryTokens);
    const QVector<CompressorEntry> offered = ModelController::upperBoundsFor(model.compressors, model.optimised);
    QVERIFY(!offered.isEmpty());
    for (const CompressorEntry& c : offered) {
        QVERIFY(c.upperBound);
        QVERIFY(ms.contains(c.memoryTokens));
        // In the toolbar, after the trained compressors, and known to the client.
        const int index = w->compressorCombo()->findData(c.id);
        QVERIFY2(index > int(model.compressors.size()), qPrintable(c.id));
        QVERIFY(w->compressorCombo()->itemText(index).contains(QStringLiteral("upper bound")));
        QVERIFY(w->engine()->compressor(c.id));
    }
    // The trained compressors stay first and the default stays a trained one.
    QVERIFY(!w->engine()->compressor(w->currentCompressorId())->upperBound);
    // And in the Compare tab, unchecked (they are slow) and untouched by "All".
    ComparePage* cp = w->comparePage();
    QStringList ids;
    for (int i = 0; i < cp->compressorList()->count(); ++i)
        ids << cp->compressorList()->item(i)->data(Qt::UserRole).toString();
    for (const CompressorEntry& c : offered)
        QVERIFY(ids.contains(c.id));
    for (const QString& id : cp->checkedCompressors())
        QVERIFY(!w->engine()->compressor(id)->upperBound);
}

void TestUpperBound::runsWithProgressAsTheRegenerateTabsMethod()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    const int m = w->engine()->model().compressors.first().memoryTokens;
    const QString id = QStringLiteral("optimised-kv-m%1").arg(m);
    QVERIFY(w->setCurrentCompressor(id));
    w->setText(kText);
    QSignalSpy progress(w->engine(), &EngineClient::progress);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    const RegenerationResult& r = w->lastRegeneration();
    QCOMPARE(r.compressor.id, id);
    QVERIFY(r.compressor.upperBound);
    QVERIFY(r.view.upperBound);
    QCOMPARE(r.view.metrics.memoryTokens, m);
    QVERIFY(w->regeneratePage()->titleLabel()->text().contains(QStringLiteral("upper bound")));
    // The optimiser's steps were reported, in words.
    bool steps = false;
    for (const QList<QVariant>& p : progress)
        steps = steps || p.at(1).toString().startsWith(QStringLiteral("Optimising the memory tokens: step"));
    QVERIFY(steps);
    QVERIFY(!w->messageBar()->isShowing() || w->messageBar()->kind() != MessageBar::Kind::Error);
}

void TestUpperBound::cancelStopsTheOptimiser()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    const int m = w->engine()->model().compressors.first().memoryTokens;
    QVERIFY(w->setCurrentCompressor(QStringLiteral("optimised-emb-m%1").arg(m)));
    // A text the optimiser cannot make exact quickly: it runs until cancelled.
    QString longer;
    for (int i = 0; i < 6; ++i)
        longer += QStringLiteral("Sentence %1 talks about a different harbour, ship and sailor. ").arg(i);
    w->setText(longer);
    QSignalSpy progress(w->engine(), &EngineClient::progress);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), kTimeout);
    QVERIFY(w->isBusy());
    QElapsedTimer timer;
    timer.start();
    w->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!w->isBusy(), 60000);
    qInfo("stopped %lld ms after Esc", timer.elapsed());
    QTRY_VERIFY_WITH_TIMEOUT(w->stageLabel()->text() == QStringLiteral("Cancelled") || w->stageLabel()->text().isEmpty(), 10000);
    // The window works on: a trained compressor runs next.
    QVERIFY(w->setCurrentCompressor(w->engine()->model().compressors.first().id));
    w->setText(kText);
    QSignalSpy shown(w.get(), &MainWindow::regenerationShown);
    w->runRegeneration();
    QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 && !w->isBusy(), kTimeout);
    QVERIFY(!w->lastRegeneration().compressor.upperBound);
}

void TestUpperBound::compareShowsTheGapToTheBound()
{
    if (m_model.isEmpty())
        QSKIP(test::kNoModel);
    auto w = openWindow();
    QVERIFY(w);
    const CompressorEntry trained = w->engine()->model().compressors.first();
    const QString bound = QStringLiteral("optimised-kv-m%1").arg(trained.memoryTokens);
    w->setText(kText);
    QSignalSpy done(w.get(), &MainWindow::comparisonFinished);
    w->runComparison({trained.id, bound});
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1 && !w->isBusy(), kTimeout);
    CompareView* view = w->comparePage()->findChild<CompareView*>();
    QVERIFY(view);
    QCOMPARE(view->columnCount(), 2);
    QVERIFY(!view->results().at(0).upperBound);
    QVERIFY(view->results().at(1).upperBound);
    QCOMPARE(view->boundFor(0), 1);
    const double gap = view->gapToBound(0);
    QVERIFY(qAbs(gap - (view->results().at(1).metrics.bleu - view->results().at(0).metrics.bleu)) < 1e-12);
    qInfo("%s BLEU %.3f, bound %.3f", qPrintable(trained.id), view->results().at(0).metrics.bleu,
          view->results().at(1).metrics.bleu);
    // The optimised memory fits this text at least as well as the compressor (it is fitted to it).
    QVERIFY(view->results().at(1).metrics.bleu >= view->results().at(0).metrics.bleu - 1e-9);
}

QTEST_MAIN(TestUpperBound)
#include "tst_upperbound.moc"
