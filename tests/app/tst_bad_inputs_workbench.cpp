// The bad-input catalogue (tests/fixtures/bad_inputs.json) through the workbench's public API: every
// case with a `workbench` action shows the expected message in the message bar (or, for a text that
// is accepted, regenerates it), and the window stays usable: the tiny model opens and a good text
// regenerates afterwards. XCOMP_BAD_INPUTS_SHOW=1 prints what the message bar said.
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "bad_inputs.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "xcomp/runtime.h"

using namespace xcomp::workbench;
using namespace xcomp::test;

namespace {

constexpr int kTimeout = 120000;
const QString kTiny = QStringLiteral(XCOMP_FIXTURES_DIR "/tiny-model");
const QString kGoodText = QStringLiteral("The baker opens his shop at dawn and sells warm bread to the village.");

bool openTiny(MainWindow& w)
{
    QSignalSpy ready(&w, &MainWindow::modelReady);
    w.openModelFolder(kTiny);
    return ready.wait(kTimeout) || w.isModelLoaded();
}

}  // namespace

class TestBadInputsWorkbench : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("xcomp-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_bad_inputs_workbench"));
        QSettings().clear();
        xcomp::init_runtime(2);
    }

    void workbench_data()
    {
        QTest::addColumn<int>("index");
        const QVector<BadInput> all = badInputs();
        int n = 0;
        for (int i = 0; i < all.size(); ++i)
            if (!all[i].workbench.isEmpty()) {
                QTest::newRow(qPrintable(all[i].id)) << i;
                ++n;
            }
        QVERIFY2(n >= 40, qPrintable(QString::number(n)));
    }

    void workbench()
    {
        QFETCH(int, index);
        const BadInput b = badInputs().at(index);
        QTemporaryDir dir;
        const QString problem = buildCase(b, dir.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QJsonObject& a = b.workbench;
        auto arg = [&](const char* key) -> QString { return expand(a.value(QLatin1String(key)).toString(), dir.path()); };

        MainWindow w;
        w.resize(1200, 800);
        w.show();
        if (a.contains(QStringLiteral("open_model"))) {
            QSignalSpy ready(&w, &MainWindow::modelReady);
            w.openModelFolder(arg("open_model"));
            QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy() && (ready.count() > 0 || w.messageBar()->isShowing()), kTimeout);
        }
        if (a.contains(QStringLiteral("open_file")))
            QVERIFY(!w.openFile(arg("open_file")) || w.messageBar()->isShowing());
        if (a.value(QStringLiteral("prepare_interpolation")).toBool() && !w.messageBar()->text().contains(b.workbenchExpect)) {
            w.messageBar()->dismiss();
            w.prepareInterpolation();  // the endpoints are read here
            QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), kTimeout);
        }
        if (a.contains(QStringLiteral("open_dataset")))
            w.openDataset(arg("open_dataset"));
        if (a.contains(QStringLiteral("regenerate"))) {
            const QString id = arg("regenerate");
            if (w.isModelLoaded() && w.setCurrentCompressor(id)) {
                QByteArray bytes;
                if (a.contains(QStringLiteral("text_file")))
                    QVERIFY(readFile(arg("text_file"), &bytes));
                w.setText(a.contains(QStringLiteral("text_file")) ? QString::fromUtf8(bytes) : kGoodText);
                QSignalSpy shown(&w, &MainWindow::regenerationShown);
                w.runRegeneration();
                QTRY_VERIFY_WITH_TIMEOUT(!w.isBusy(), kTimeout);
                if (b.exit == 0)
                    QVERIFY2(shown.count() == 1, qPrintable(w.messageBar()->text()));
            }
        }
        const QString said = w.messageBar()->isShowing() ? w.messageBar()->text() : QString();
        if (qEnvironmentVariableIntValue("XCOMP_BAD_INPUTS_SHOW"))
            qInfo("%s -> %s", qPrintable(b.id), qPrintable(said.left(300)));
        if (b.exit == 0) {
            QVERIFY2(said.isEmpty() || w.messageBar()->kind() == MessageBar::Kind::Information, qPrintable(said));
        } else {
            QVERIFY2(said.contains(b.workbenchExpect),
                     qPrintable(QStringLiteral("expected '%1' in: %2").arg(b.workbenchExpect, said)));
        }

        // Still usable: a good model opens and a good text regenerates.
        w.messageBar()->dismiss();
        QVERIFY(openTiny(w));
        QVERIFY(w.setCurrentCompressor(QStringLiteral("aoc-m4")));
        w.setText(kGoodText);
        QSignalSpy shown(&w, &MainWindow::regenerationShown);
        w.runRegeneration();
        QVERIFY2(shown.wait(kTimeout), qPrintable(w.messageBar()->text()));
    }
};

QTEST_MAIN(TestBadInputsWorkbench)
#include "tst_bad_inputs_workbench.moc"
