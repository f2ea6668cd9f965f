// Ctrl-C (SIGINT) and SIGTERM in the long commands keep what is done: eval writes its finished
// examples and --resume finishes the same table; train-compressor saves a checkpoint that --resume
// continues; train-lm saves a loadable model.
#include <signal.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kXcomp = QStringLiteral(XCOMP_BINARY_DIR "/app/xcomp");
const QString kTiny = QStringLiteral(XCOMP_FIXTURES_DIR "/tiny-model");

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// A dataset of `n` records cut from the fixture abstracts (ids unique).
QString writeDataset(const QTemporaryDir& dir, int n) {
    QStringList texts;
    for (const char* name : {"abstract-clinical.txt", "abstract-compression.txt", "abstract-graphs.txt"})
        texts << readAll(QStringLiteral(XCOMP_FIXTURES_DIR "/texts/") + QLatin1String(name)).simplified();
    const QString path = dir.filePath(QStringLiteral("data.jsonl"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    for (int i = 0; i < n; ++i) {
        const QString& t = texts[i % texts.size()];
        const QString text = t.mid((i * 7) % 60);  // each record a little different
        f.write(QJsonDocument(QJsonObject{{QStringLiteral("id"), QString::number(i)}, {QStringLiteral("text"), text}})
                    .toJson(QJsonDocument::Compact) + "\n");
    }
    return path;
}

struct Finished {
    int code = -1;
    QString err;
};

// Runs xcomp to the end.
Finished run(const QStringList& args) {
    QProcess p;
    p.start(kXcomp, args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
}

// Starts xcomp, sends `sig` once its stderr shows `marker`, and waits for it to stop by itself.
Finished interrupt(const QStringList& args, const QString& marker, int sig) {
    QProcess p;
    p.start(kXcomp, args);
    QString err;
    QElapsedTimer t;
    t.start();
    while (!err.contains(marker) && p.state() != QProcess::NotRunning && t.elapsed() < 120000) {
        p.waitForReadyRead(100);
        err += QString::fromUtf8(p.readAllStandardError());
    }
    if (p.state() != QProcess::NotRunning) ::kill(static_cast<pid_t>(p.processId()), sig);
    p.waitForFinished(120000);
    err += QString::fromUtf8(p.readAllStandardError());
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, err};
}

int lines(const QString& path) { return readAll(path).count(QLatin1Char('\n')); }

}  // namespace

class TestInterruption : public QObject {
    Q_OBJECT
private slots:
    void eval_keeps_finished_examples_and_resumes() {
        QTemporaryDir dir;
        const QString data = writeDataset(dir, 40);
        const QString cut = dir.filePath(QStringLiteral("cut")), whole = dir.filePath(QStringLiteral("whole"));
        QStringList args{QStringLiteral("eval"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"),
                         QStringLiteral("aoc-m4,500x-m4"), QStringLiteral("--data"), data, QStringLiteral("--lengths"),
                         QStringLiteral("16,32,48"), QStringLiteral("--batch-size"), QStringLiteral("1"),
                         QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out")};
        // 240 examples in all; stopped after the first few.
        Finished f = interrupt(args + QStringList{cut}, QStringLiteral("[3/240]"), SIGINT);
        QCOMPARE(f.code, 130);
        QVERIFY2(f.err.contains(QStringLiteral("eval: interrupted; the ")) &&
                     f.err.contains(QStringLiteral("the same command with --resume finishes the rest")),
                 qPrintable(f.err));
        const int kept = lines(cut + QStringLiteral("/examples.jsonl"));
        QVERIFY2(kept >= 3 && kept < 240, qPrintable(QString::number(kept)));
        QVERIFY(readAll(cut + QStringLiteral("/table.json")).contains(QStringLiteral("\"cancelled\": true")));
        QVERIFY(!QFile::exists(cut + QStringLiteral("/examples.jsonl.tmp")));

        f = run(args + QStringList{cut, QStringLiteral("--resume")});
        QCOMPARE(f.code, 0);
        QVERIFY2(f.err.contains(QStringLiteral("resuming: %1 examples").arg(kept)), qPrintable(f.err));
        QCOMPARE(lines(cut + QStringLiteral("/examples.jsonl")), 240);
        // The same table as a run that was never interrupted (batch size 1: the same arithmetic).
        QCOMPARE(run(args + QStringList{whole}).code, 0);
        QCOMPARE(readAll(cut + QStringLiteral("/table.csv")), readAll(whole + QStringLiteral("/table.csv")));

        // Resuming another evaluation, or with nothing to resume, is refused with the reason.
        QStringList other = args;
        other[other.indexOf(QStringLiteral("16,32,48"))] = QStringLiteral("16");
        f = run(other + QStringList{cut, QStringLiteral("--resume")});
        QCOMPARE(f.code, 1);
        QVERIFY2(f.err.contains(QStringLiteral("fit no row of this evaluation")), qPrintable(f.err));
        f = run(args + QStringList{dir.filePath(QStringLiteral("none")), QStringLiteral("--resume")});
        QVERIFY2(f.code == 1 && f.err.contains(QStringLiteral("there is no earlier run to resume")), qPrintable(f.err));
        f = run(args + QStringList{cut, QStringLiteral("--resume"), QStringLiteral("--qa")});
        QVERIFY2(f.code == 1 && f.err.contains(QStringLiteral("written by a regeneration evaluation")), qPrintable(f.err));
    }

    void train_compressor_saves_a_checkpoint_that_resumes() {
        QTemporaryDir dir;
        const QString data = writeDataset(dir, 12), out = dir.filePath(QStringLiteral("c"));
        const QStringList args{QStringLiteral("train-compressor"), QStringLiteral("--model"), kTiny,
                               QStringLiteral("--method"), QStringLiteral("aoc"), QStringLiteral("--memory-tokens"),
                               QStringLiteral("2"), QStringLiteral("--data"), data, QStringLiteral("--valid"), data,
                               QStringLiteral("--min-tokens"), QStringLiteral("8"), QStringLiteral("--max-tokens"),
                               QStringLiteral("24"), QStringLiteral("--batch-size"), QStringLiteral("2"),
                               QStringLiteral("--steps"), QStringLiteral("3000"), QStringLiteral("--warmup"),
                               QStringLiteral("1"), QStringLiteral("--valid-every"), QStringLiteral("0"),
                               QStringLiteral("--checkpoint-every"), QStringLiteral("0"), QStringLiteral("--log-every"),
                               QStringLiteral("5"), QStringLiteral("--threads"), QStringLiteral("1"),
                               QStringLiteral("--out"), out};
        // SIGTERM (what a scheduler sends) as well as Ctrl-C; no periodic checkpoint was due.
        Finished f = interrupt(args, QStringLiteral("step 5/3000"), SIGTERM);
        QCOMPARE(f.code, 130);
        QVERIFY2(f.err.contains(QStringLiteral("checkpoint saved to ")) &&
                     f.err.contains(QStringLiteral("the same command with --resume continues")),
                 qPrintable(f.err));
        QVERIFY(QFile::exists(out + QStringLiteral("/checkpoint.safetensors")));
        // --resume continues from the saved step (at or after the last logged one) to the new end.
        const QRegularExpressionMatch last =
            QRegularExpression(QStringLiteral("step (\\d+)/3000(?!.*step \\d+/3000)"),
                               QRegularExpression::DotMatchesEverythingOption).match(f.err);
        QVERIFY2(last.hasMatch(), qPrintable(f.err));
        const int logged = last.captured(1).toInt(), end = logged + 20;
        QStringList more = args;
        more[more.indexOf(QStringLiteral("3000"))] = QString::number(end);
        f = run(more + QStringList{QStringLiteral("--resume")});
        QCOMPARE(f.code, 0);
        const QRegularExpressionMatch from =
            QRegularExpression(QStringLiteral("resumed from .*checkpoint.safetensors at step (\\d+)")).match(f.err);
        QVERIFY2(from.hasMatch() && from.captured(1).toInt() >= logged, qPrintable(f.err));
        QVERIFY2(f.err.contains(QStringLiteral("step %1/%1").arg(end)), qPrintable(f.err));
        QVERIFY(QFile::exists(out + QStringLiteral("/compressor.json")));
    }

    void train_lm_saves_the_model_so_far() {
        QTemporaryDir dir;
        const QString data = writeDataset(dir, 30), out = dir.filePath(QStringLiteral("lm"));
        const QStringList args{QStringLiteral("train-lm"), QStringLiteral("--tokenizer"),
                               QStringLiteral(XCOMP_FIXTURES_DIR "/tokenizer/tokenizer.model"), QStringLiteral("--data"),
                               data, QStringLiteral("--valid"), data, QStringLiteral("--device"), QStringLiteral("cpu"),
                               QStringLiteral("--hidden"), QStringLiteral("32"), QStringLiteral("--layers"),
                               QStringLiteral("1"), QStringLiteral("--heads"), QStringLiteral("2"),
                               QStringLiteral("--seq-len"), QStringLiteral("32"), QStringLiteral("--batch-size"),
                               QStringLiteral("2"), QStringLiteral("--steps"), QStringLiteral("100000"),
                               QStringLiteral("--valid-every"), QStringLiteral("0"), QStringLiteral("--log-every"),
                               QStringLiteral("5"), QStringLiteral("--threads"), QStringLiteral("1"),
                               QStringLiteral("--out"), out};
        Finished f = interrupt(args, QStringLiteral("step 5/100000"), SIGINT);
        QCOMPARE(f.code, 130);
        QVERIFY2(f.err.contains(QStringLiteral("the model as trained so far is in")), qPrintable(f.err));
        Finished info = run({QStringLiteral("info"), QStringLiteral("--model"), out});
        QVERIFY2(info.code == 0, qPrintable(info.err));
    }
};

QTEST_GUILESS_MAIN(TestInterruption)
#include "tst_interruption.moc"
