// MemoryImportancePlot (issue 19, item 3): one bar per memory token, the ablated one in the selection
// colour, a click on a bar selects that memory token, tooltips with the loss, exports.
#undef QT_NO_FOREACH  // qcustomplot.h uses foreach; it must come before any Qt header
#include <qcustomplot.h>

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "memoryimportanceplot.h"
#include "plotexport.h"

using namespace xcomp;

namespace {
QString S(const char* s) { return QString::fromUtf8(s); }
}  // namespace

class TstMemoryImportance : public QObject {
    Q_OBJECT
private slots:
    void barsAndSelection();
    void clickSelectsAMemoryToken();
    void tooltipsAndExports();
};

void TstMemoryImportance::barsAndSelection()
{
    MemoryImportancePlot p;
    QVERIFY(p.isEmpty());
    QCOMPARE(p.mostImportant(), -1);
    p.setImportance({0.1, 0.9, -0.05, 0.3}, 1.25);
    QCOMPARE(p.importance().size(), 4);
    QCOMPARE(p.loss(), 1.25);
    QCOMPARE(p.mostImportant(), 1);
    // Two bar sets: every bar but the selected one, and the selected one in the selection colour.
    QCOMPARE(p.plot()->plottableCount(), 2);
    auto* all = qobject_cast<QCPBars*>(p.plot()->plottable(0));
    auto* selected = qobject_cast<QCPBars*>(p.plot()->plottable(1));
    QVERIFY(all && selected);
    QCOMPARE(all->data()->size(), 4);
    QCOMPARE(selected->data()->size(), 0);
    p.setSelectedMemoryToken(1);
    QCOMPARE(p.selectedMemoryToken(), 1);
    QCOMPARE(all->data()->size(), 3);
    QCOMPARE(selected->data()->size(), 1);
    QCOMPARE(selected->data()->at(0)->key, 2.0);  // m2 stands at x = 2
    QCOMPARE(selected->data()->at(0)->value, 0.9);
    QCOMPARE(selected->brush().color(), PlotStyle::highlightColor());
    p.setSelectedMemoryToken(9);  // out of range: none
    QCOMPARE(p.selectedMemoryToken(), -1);
    p.clear();
    QVERIFY(p.isEmpty());
    QCOMPARE(all->data()->size(), 0);
}

void TstMemoryImportance::clickSelectsAMemoryToken()
{
    MemoryImportancePlot p;
    p.resize(500, 300);
    p.setImportance({0.2, 0.8, 0.4}, 1.0);
    p.show();
    QVERIFY(QTest::qWaitForWindowExposed(&p));
    p.plot()->replot();
    QSignalSpy clicked(&p, &MemoryImportancePlot::memoryTokenClicked);
    const QPoint bar = p.barCenter(2);
    QCOMPARE(p.memoryTokenAt(bar), 2);
    QTest::mouseClick(p.plot(), Qt::LeftButton, {}, bar);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 2);
    QCOMPARE(p.selectedMemoryToken(), 2);
    // Between two bars: nothing.
    const QPoint gap((p.barCenter(0).x() + p.barCenter(1).x()) / 2, bar.y());
    QCOMPARE(p.memoryTokenAt(gap), -1);
    QTest::mouseClick(p.plot(), Qt::LeftButton, {}, gap);
    QCOMPARE(clicked.count(), 1);
}

void TstMemoryImportance::tooltipsAndExports()
{
    MemoryImportancePlot p;
    p.resize(500, 300);
    p.setImportance({0.25, 0.75}, 1.5);
    const QString tip = p.barToolTip(1);
    QVERIFY2(tip.contains(S("m2")) && tip.contains(S("1.500")) && tip.contains(S("2.250")) && tip.contains(S("+0.750")),
             qPrintable(tip));
    QVERIFY(p.barToolTip(5).isEmpty());
    QTemporaryDir dir;
    QString error;
    QVERIFY2(p.exportFile(dir.filePath(S("i.csv")), &error), qPrintable(error));
    QFile csv(dir.filePath(S("i.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(csv.readAll()), S("memory_token,importance,loss_when_dropped\n1,0.25,1.75\n2,0.75,2.25\n"));
    QVERIFY2(p.exportFile(dir.filePath(S("i.json")), &error), qPrintable(error));
    QFile json(dir.filePath(S("i.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(o.value(S("loss")).toDouble(), 1.5);
    QCOMPARE(o.value(S("importance")).toArray().at(1).toDouble(), 0.75);
    QVERIFY2(p.exportFile(dir.filePath(S("i.png")), &error), qPrintable(error));
    QVERIFY(!QImage(dir.filePath(S("i.png"))).isNull());
    QVERIFY2(p.exportFile(dir.filePath(S("i.pdf")), &error), qPrintable(error));
    QVERIFY(QFileInfo(dir.filePath(S("i.pdf"))).size() > 100);
}

QTEST_MAIN(TstMemoryImportance)
#include "tst_memoryimportance.moc"
