// HeadGrid (issue 19, item 4): the heads a span of the regeneration drew on the memory with, as a
// layer x head grid: the strongest outlined, the shown head framed, clicks, tooltips and exports.
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "headgrid.h"

using namespace xcomp;

namespace {

// 2 layers x 3 heads; the strongest head is layer 2 head 1, then layer 1 head 2.
HeadUsage usage()
{
    HeadUsage u;
    u.layers = 2;
    u.heads = 3;
    u.values = {0.1, 0.5, 0.2, 0.9, 0.0, 0.3};
    u.first = 4;
    u.last = 7;
    return u;
}

}  // namespace

class TstHeadGrid : public QObject {
    Q_OBJECT
private slots:
    void emptyGridRefusesExport()
    {
        HeadGrid grid;
        QVERIFY(grid.isEmpty());
        QCOMPARE(grid.cellAt(QPoint(40, 20)), (QPair<int, int>{-1, -1}));
        QVERIFY(grid.topHeads().isEmpty());
        QTemporaryDir dir;
        QString error;
        QVERIFY(!grid.exportFile(dir.filePath(QStringLiteral("h.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("Select words")), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("h.csv"))));
        // Values that do not fill the grid count as empty, not as a grid with holes.
        HeadUsage bad = usage();
        bad.values.removeLast();
        grid.setUsage(bad);
        QVERIFY(grid.isEmpty());
    }

    void strongestHeadsAndCells()
    {
        HeadGrid grid;
        grid.setUsage(usage());
        grid.resize(grid.sizeHint());
        QCOMPARE(grid.topHeads(), (QVector<QPair<int, int>>{{1, 0}, {0, 1}, {1, 2}}));
        grid.setTopCount(1);
        QCOMPARE(grid.topHeads(), (QVector<QPair<int, int>>{{1, 0}}));
        for (int l = 0; l < 2; ++l)
            for (int h = 0; h < 3; ++h) {
                const QRect r = grid.cellRect(l, h);
                QVERIFY(!r.isNull());
                QVERIFY(grid.rect().contains(r));
                QCOMPARE(grid.cellAt(r.center()), (QPair<int, int>{l, h}));
            }
        QVERIFY(grid.cellRect(2, 0).isNull());
        QCOMPARE(grid.cellAt(QPoint(1, 1)), (QPair<int, int>{-1, -1}));  // the layer labels
        QLocale::setDefault(QLocale::c());
        QCOMPARE(grid.cellToolTip(1, 0),
                 QStringLiteral("Layer 2, head 1: 90.0% of the selected words' attention went to the memory tokens"));
    }

    void clickAsksForTheHead()
    {
        HeadGrid grid;
        grid.setUsage(usage());
        grid.resize(grid.sizeHint());
        QSignalSpy clicked(&grid, &HeadGrid::headClicked);
        QTest::mouseClick(&grid, Qt::LeftButton, {}, grid.cellRect(0, 2).center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 0);
        QCOMPARE(clicked.at(0).at(1).toInt(), 2);
        QTest::mouseClick(&grid, Qt::LeftButton, {}, QPoint(1, 1));  // outside the cells
        QCOMPARE(clicked.count(), 1);
    }

    // The shown head's frame and the outlines are drawn: the cell's border differs from its fill.
    void drawsShadesAndFrames()
    {
        HeadGrid grid;
        grid.setUsage(usage());
        grid.resize(grid.sizeHint());
        grid.setCurrent(0, 0);
        QImage img(grid.size(), QImage::Format_ARGB32);
        grid.render(&img);
        const QRect weak = grid.cellRect(1, 1), strong = grid.cellRect(1, 0), shown = grid.cellRect(0, 0);
        QCOMPARE(img.pixelColor(weak.center()), QColor(Qt::white));  // 0.0: white
        QVERIFY(img.pixelColor(strong.center()).blue() > img.pixelColor(strong.center()).red() + 50);  // dark blue
        QCOMPARE(img.pixelColor(strong.topLeft() + QPoint(1, 1)), QColor(0xe6, 0x7e, 0x22));  // the strongest, outlined
        QVERIFY(img.pixelColor(shown.topLeft()).lightness() < 80);  // the head shown above, framed
    }

    void exports()
    {
        HeadGrid grid;
        grid.setUsage(usage());
        QCOMPARE(grid.toCsv().split('\n').first(), QByteArray("layer,head,memory_share"));
        QVERIFY(grid.toCsv().contains("2,1,0.900000\n"));
        QCOMPARE(grid.toCsv().count('\n'), 7);
        const QJsonObject o = QJsonDocument::fromJson(grid.toJson()).object();
        QCOMPARE(o.value(QStringLiteral("first_token")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("memory_share")).toArray().at(1).toArray().at(0).toDouble(), 0.9);
        QCOMPARE(o.value(QStringLiteral("top_heads")).toArray().at(0).toArray(), (QJsonArray{2, 1}));
        QTemporaryDir dir;
        for (const char* name : {"h.png", "h.csv", "h.json"}) {
            QString error;
            QVERIFY2(grid.exportFile(dir.filePath(QLatin1String(name)), &error), qPrintable(error));
            QVERIFY(QFileInfo(dir.filePath(QLatin1String(name))).size() > 20);
        }
        QVERIFY(!QImage(dir.filePath(QStringLiteral("h.png"))).isNull());
        QString error;
        QVERIFY(!grid.exportFile(dir.filePath(QStringLiteral("h.txt")), &error));
        QVERIFY(error.contains(QStringLiteral(".png, .csv or .json")));
    }
};

QTEST_MAIN(TstHeadGrid)
#include "tst_headgrid.moc"
