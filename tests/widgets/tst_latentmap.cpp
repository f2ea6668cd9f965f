// The latent map (issue 19, item 6): the PCA of widgets/latentprojection against scores worked out by
// hand, and LatentMapView's points, colours, clicks and exports.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach; it must come before any Qt header
#include <qcustomplot.h>

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "latentmapview.h"
#include "latentprojection.h"

using namespace xcomp;

class TstLatentMap : public QObject {
    Q_OBJECT
private slots:
    void pointsOnALine();
    void twoDirections();
    void degenerateInputs();
    void viewPointsColoursAndClicks();
    void exports();
};

// Four points on the line through (1,1,1) in 3-D: PC1 holds all the variance, the scores are the
// signed distances from the mean along the line.
void TstLatentMap::pointsOnALine()
{
    QVector<QVector<float>> v;
    for (float t : {0.f, 1.f, 2.f, 5.f})
        v << QVector<float>{1 + t, 1 + t, 1 + t};
    const Projection p = principalComponents(v);
    QCOMPARE(p.points.size(), 4);
    const double mean = 2.0, r3 = std::sqrt(3.0);
    const double expected[] = {(0 - mean) * r3, (1 - mean) * r3, (2 - mean) * r3, (5 - mean) * r3};
    for (int i = 0; i < 4; ++i) {
        QVERIFY2(std::abs(p.points[i].x() - expected[i]) < 1e-6, qPrintable(QString::number(p.points[i].x())));
        QVERIFY(std::abs(p.points[i].y()) < 1e-6);
    }
    QVERIFY(std::abs(p.explained[0] - 1.0) < 1e-9);
    QCOMPARE(p.explained[1], 0.0);
}

// A cross: spread 3 along x, 1 along y (and nothing along z): PC1 is x, PC2 is y, explained 9:1.
void TstLatentMap::twoDirections()
{
    const QVector<QVector<float>> v = {{3, 0, 7}, {-3, 0, 7}, {0, 1, 7}, {0, -1, 7}};
    const Projection p = principalComponents(v);
    QCOMPARE(p.points.size(), 4);
    // Fixed sign: the largest score of each component is positive.
    QVERIFY(std::abs(std::abs(p.points[0].x()) - 3) < 1e-6);
    QVERIFY(std::abs(p.points[0].x() + p.points[1].x()) < 1e-6);
    QVERIFY(std::abs(p.points[2].x()) < 1e-6);
    QVERIFY(std::abs(std::abs(p.points[2].y()) - 1) < 1e-6);
    QVERIFY(std::abs(p.points[0].y()) < 1e-6);
    QVERIFY(std::abs(p.explained[0] - 0.9) < 1e-9);
    QVERIFY(std::abs(p.explained[1] - 0.1) < 1e-9);
    // Distances are kept in the plane the data spans.
    const QPointF d = p.points[0] - p.points[2];
    QVERIFY(std::abs(std::hypot(d.x(), d.y()) - std::sqrt(10.0)) < 1e-6);
}

void TstLatentMap::degenerateInputs()
{
    QVERIFY(principalComponents({}).points.isEmpty());
    QCOMPARE(principalComponents({{1, 2}}).points, QVector<QPointF>{QPointF(0, 0)});
    QVERIFY(principalComponents({{1, 2}, {1, 2, 3}}).points.isEmpty());  // lengths differ
    const Projection same = principalComponents({{1, 2}, {1, 2}, {1, 2}});
    QCOMPARE(same.points.size(), 3);
    for (const QPointF& q : same.points)
        QCOMPARE(q, QPointF(0, 0));
}

void TstLatentMap::viewPointsColoursAndClicks()
{
    QCOMPARE(LatentMapView::bin(0.0), 0);
    QCOMPARE(LatentMapView::bin(0.45), 2);
    QCOMPARE(LatentMapView::bin(1.0), LatentMapView::kBins - 1);
    QVERIFY(LatentMapView::bleuColor(0).red() > LatentMapView::bleuColor(0).green());
    QVERIFY(LatentMapView::bleuColor(1).green() > LatentMapView::bleuColor(1).red());

    LatentMapView view;
    view.resize(600, 450);
    view.setPoints({{QPointF(-1, 0), 0.1, QStringLiteral("a")},
                    {QPointF(1, 0.5), 0.95, QStringLiteral("b")},
                    {QPointF(0, -0.5), 0.5, QStringLiteral("c")}},
                   QStringLiteral("AOC m=4"), 0.7, 0.2);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();
    // Each point in the graph of its BLEU bin.
    QCOMPARE(view.plot()->graph(LatentMapView::bin(0.1))->data()->size(), 1);
    QCOMPARE(view.plot()->graph(LatentMapView::bin(0.95))->data()->size(), 1);
    QVERIFY(view.plot()->xAxis->label().contains(QStringLiteral("70%")));
    QVERIFY(view.pointToolTip(1).contains(QStringLiteral("b")) && view.pointToolTip(1).contains(QStringLiteral("0.950")));
    QSignalSpy clicked(&view, &LatentMapView::pointClicked);
    QCOMPARE(view.pointAt(view.pointPosition(2)), 2);
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, view.pointPosition(1));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 1);
    QCOMPARE(view.selected(), 1);
    // Far from every point: nothing.
    const QPoint empty = view.pointPosition(0) + QPoint(0, -60);
    QCOMPARE(view.pointAt(empty), -1);
    QTest::mouseClick(view.plot(), Qt::LeftButton, {}, empty);
    QCOMPARE(clicked.count(), 1);
}

void TstLatentMap::exports()
{
    LatentMapView view;
    view.resize(500, 400);
    view.setPoints({{QPointF(-1, 0), 0.25, QStringLiteral("x,1")}, {QPointF(1, 0), 0.75, QStringLiteral("y")}},
                   QStringLiteral("ICAE m=4"), 1, 0);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(view.exportFile(dir.filePath(QStringLiteral("m.csv")), &error), qPrintable(error));
    QFile f(dir.filePath(QStringLiteral("m.csv")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), QStringLiteral("id,bleu,pc1,pc2\n\"x,1\",0.25,-1,0\ny,0.75,1,0\n"));
    QVERIFY2(view.exportFile(dir.filePath(QStringLiteral("m.png")), &error), qPrintable(error));
    QVERIFY(!QImage(dir.filePath(QStringLiteral("m.png"))).isNull());
}

QTEST_MAIN(TstLatentMap)
#include "tst_latentmap.moc"
