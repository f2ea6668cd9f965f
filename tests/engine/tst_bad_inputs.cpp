// The bad-input catalogue through the command line: every case with a `cli` command exits with the
// expected status and prints the expected message, never a LibTorch backtrace or a crash.
// XCOMP_BAD_INPUTS_SHOW=1 prints what each case printed (to review the messages).
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "bad_inputs.h"

using namespace xcomp::test;

class TestBadInputs : public QObject {
    Q_OBJECT
private slots:
    void catalogue_is_complete() {
        const QVector<BadInput> all = badInputs();
        QVERIFY2(all.size() >= 60, qPrintable(QString::number(all.size())));
        QSet<QString> ids, kinds;
        for (const BadInput& b : all) {
            QVERIFY2(!ids.contains(b.id), qPrintable(b.id + QStringLiteral(" appears twice")));
            ids << b.id;
            kinds << b.kind;
            QVERIFY2(!b.cli.isEmpty() || !b.workbench.isEmpty(), qPrintable(b.id + QStringLiteral(" runs nowhere")));
            QVERIFY2(b.exit == 0 || !b.expect.isEmpty(), qPrintable(b.id + QStringLiteral(" expects no message")));
        }
        for (const char* k : {"model folder", "compressor", "compressed prompt", "text", "option", "dataset", "session file"})
            QVERIFY2(kinds.contains(QLatin1String(k)), k);
    }

    void cli_data() {
        QTest::addColumn<int>("index");
        const QVector<BadInput> all = badInputs();
        for (int i = 0; i < all.size(); ++i)
            if (!all[i].cli.isEmpty()) QTest::newRow(qPrintable(all[i].id)) << i;
    }
    void cli() {
        QFETCH(int, index);
        const BadInput b = badInputs().at(index);
        QTemporaryDir dir;
        const QString problem = buildCase(b, dir.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QStringList args;
        for (const QString& a : b.cli) args << expand(a, dir.path());
        QProcess p;
        p.start(xcompBinary(), args);
        QVERIFY(p.waitForFinished(300000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        if (qEnvironmentVariableIntValue("XCOMP_BAD_INPUTS_SHOW"))
            qInfo("%s -> %d: %s", qPrintable(b.id), code, qPrintable(err.trimmed().right(400)));
        QVERIFY2(code == b.exit, qPrintable(QStringLiteral("exit %1, expected %2: %3").arg(code).arg(b.exit).arg(err)));
        QVERIFY2(err.contains(b.expect), qPrintable(QStringLiteral("expected '%1' in: %2").arg(b.expect, err)));
        QVERIFY2(!err.contains(QStringLiteral("Exception raised from")) && !err.contains(QStringLiteral("fatal signal")),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_bad_inputs.moc"
