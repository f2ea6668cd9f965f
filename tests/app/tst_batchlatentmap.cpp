// Issue 19, item 6 end to end on a real model (env XCOMP_MODEL_DIR or tests/fixtures/tiny-model): a
// batch run hands every text's compressed prompt to the Batch tab's latent map, one compressor at a
// time; clicking a point opens that text's regeneration in the Regenerate tab.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach
#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include "app/app_test_util.h"
#include "batchpage.h"
#include "dashboardview.h"
#include "engineclient.h"
#include "latentmappanel.h"
#include "latentmapview.h"
#include "mainwindow.h"
#include "regeneratepage.h"
#include "xcomp/runtime.h"

using namespace xcomp;
using namespace xcomp::workbench;

class TestBatchLatentMap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void batchFillsTheMapAndAPointOpensItsText();
};

void TestBatchLatentMap::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_batchlatentmap"));
    QSettings().clear();
    xcomp::init_runtime(2);
}

void TestBatchLatentMap::batchFillsTheMapAndAPointOpensItsText()
{
    const QString model = test::findModel();
    if (model.isEmpty())
        QSKIP(test::kNoModel);
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QSignalSpy ready(&w, &MainWindow::modelReady);
    w.openModelFolder(model);
    QVERIFY(ready.wait(120000) || w.isModelLoaded());
    QVERIFY(w.openDataset(QStringLiteral(":/examples/sample-short.jsonl")));
    BatchPage* bp = w.batchPage();
    bp->setLimit(4);
    bp->setAllCompressors(true);
    QSignalSpy done(&w, &MainWindow::batchFinished);
    bp->runButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1 && !w.isBusy(), 300000);

    LatentMapPanel* map = bp->latentMap();
    // Every trained compressor has its own space; each row carries its prompt's vector.
    const int compressors = int(w.engine()->model().compressors.size());
    QCOMPARE(map->compressors().size(), compressors);
    const QString first = map->compressors().first();
    map->setCompressor(first);
    map->updateNow();
    int rowsOfFirst = 0;
    for (const view::EvalRow& r : bp->dashboard()->rows())
        if (LatentMapPanel::groupOf(r) == first) {
            ++rowsOfFirst;
            QVERIFY(!r.latent.isEmpty());
        }
    QCOMPARE(rowsOfFirst, 4);
    LatentMapView* view = map->view();
    QCOMPARE(view->points().size(), rowsOfFirst);
    QCOMPARE(map->shownRows().size(), rowsOfFirst);
    // Four different texts: four different places.
    for (int i = 0; i < 4; ++i)
        for (int j = i + 1; j < 4; ++j)
            QVERIFY(view->points().at(i).pos != view->points().at(j).pos);
    // A point opens its text for review.
    bp->viewTabs()->setCurrentWidget(map);
    view->plot()->replot();
    const int k = 2;
    const view::EvalRow expected = bp->dashboard()->rows().at(map->shownRows().at(k));
    QTest::mouseClick(view->plot(), Qt::LeftButton, {}, view->pointPosition(k));
    QTRY_COMPARE(w.tabs()->currentIndex(), int(MainWindow::RegenerateTab));
    QCOMPARE(w.regeneratePage()->result().diff.original, expected.diff.original);
    QCOMPARE(w.regeneratePage()->result().diff.regenerated, expected.diff.regenerated);
}

QTEST_MAIN(TestBatchLatentMap)
#include "tst_batchlatentmap.moc"
