// Data parallelism on c10d Gloo (xcomp/train/distributed.h), through the real CLI: two ranks train
// the same compressor and LM weights as one process with the same global batch, a sharded eval
// writes what one process writes (and resumes under another world size), a training run resumes
// under another world size, a killed rank stops the whole job at once, bad environments are refused.
#include <ATen/ATen.h>

#include "xcomp/error.h"
#include "xcomp/io/tensor_io.h"
#include "xcomp/train/distributed.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <fstream>

#include "engine_test_util.h"

using namespace xcomp;

namespace {

const QString kXcomp = QStringLiteral(XCOMP_BINARY_DIR "/app/xcomp");

// The tiny model, ten short texts, a few deterministic steps (no time budget: the schedule follows steps).
QStringList train_args(const QString& data, const QString& out, int steps, int batch) {
    return {QStringLiteral("train-compressor"), QStringLiteral("--model"), QString::fromStdString(test::fixture("tiny-model")),
            QStringLiteral("--method"), QStringLiteral("aoc"), QStringLiteral("--memory-tokens"), QStringLiteral("4"),
            QStringLiteral("--data"), data, QStringLiteral("--min-tokens"), QStringLiteral("4"), QStringLiteral("--max-tokens"),
            QStringLiteral("16"), QStringLiteral("--steps"), QString::number(steps), QStringLiteral("--batch-size"),
            QString::number(batch), QStringLiteral("--lr"), QStringLiteral("1e-3"), QStringLiteral("--warmup"), QStringLiteral("1"),
            QStringLiteral("--valid-every"), QStringLiteral("0"), QStringLiteral("--checkpoint-every"), QString::number(steps),
            QStringLiteral("--bleu-examples"), QStringLiteral("0"), QStringLiteral("--valid-examples"), QStringLiteral("0"),
            QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1"),
            QStringLiteral("--out"), out};
}

struct Run {
    int code = -1;
    QString err;
};

Run run(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(), int ms = 240000) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(kXcomp, args);
    if (!p.waitForFinished(ms)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
}

// The largest difference between two compressor folders' weights.
double weight_diff(const QString& a, const QString& b) {
    double worst = 0;
    for (const char* f : {"/encoder.safetensors", "/memory.safetensors"}) {
        TensorMap x = load_safetensors(a.toStdString() + f), y = load_safetensors(b.toStdString() + f);
        if (x.size() != y.size()) return 1e9;
        for (const auto& [name, t] : x) worst = std::max(worst, test::max_abs_diff(t, y.at(name)));
    }
    return worst;
}

// The "tokens" of a training log's last line (target tokens seen by every rank together).
qint64 last_tokens(const QString& log) {
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly)) return -1;
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    const QRegularExpression re(QStringLiteral("\"tokens_seen\":(\\d+)"));
    const QRegularExpressionMatch m = re.match(QString::fromUtf8(lines.last()));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

QString write_data(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("data.jsonl"));
    std::ifstream in(std::string(XCOMP_SOURCE_DIR) + "/resources/examples/sample-short.jsonl");
    std::ofstream out(path.toStdString());
    out << in.rdbuf();
    return path;
}

}  // namespace

class TestDistributed : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!distributed_available()) QSKIP("this build has no c10d Gloo backend (libgloo-dev)");
    }

    // Each rank computes its slice of the same global batch; the averaged gradient is the global one.
    void two_ranks_train_what_one_process_trains() {
        QTemporaryDir dir;
        const QString data = write_data(dir);
        const Run one = run(train_args(data, dir.filePath(QStringLiteral("one")), 5, 4));
        QVERIFY2(one.code == 0, qPrintable(one.err));
        const Run two = run(train_args(data, dir.filePath(QStringLiteral("two")), 5, 4) << QStringLiteral("--nproc")
                                                                                         << QStringLiteral("2"));
        QVERIFY2(two.code == 0, qPrintable(two.err));
        QVERIFY(two.err.contains(QStringLiteral("rank 1 of 2 is pid")));
        const double d = weight_diff(dir.filePath(QStringLiteral("one")), dir.filePath(QStringLiteral("two")));
        QVERIFY2(d < 1e-4, qPrintable(QStringLiteral("weights differ by %1").arg(d)));
        // Rank 0 alone wrote the log: the same lines as one process, not one set per rank.
        QFile log1(dir.filePath(QStringLiteral("one/train_log.jsonl"))), log2(dir.filePath(QStringLiteral("two/train_log.jsonl")));
        QVERIFY(log1.open(QIODevice::ReadOnly) && log2.open(QIODevice::ReadOnly));
        const QByteArray a = log1.readAll(), b = log2.readAll();
        QVERIFY(a.count('\n') >= 1);
        QCOMPARE(b.count('\n'), a.count('\n'));
        QCOMPARE(last_tokens(log2.fileName()), last_tokens(log1.fileName()));
        QVERIFY(last_tokens(log1.fileName()) > 0);
        // The ranks log how long they waited for the gradients' mean; one process has nothing to wait for.
        QVERIFY(!a.contains("allreduce_wait_s"));
        QVERIFY2(b.contains("\"allreduce_wait_s\":"), b.constData());
        // Small buckets, so that several all-reduces start during the backward pass; and the mean
        // taken after it (XCOMP_DP_OVERLAP=0): the same weights either way.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XCOMP_DP_BUCKET_BYTES"), QStringLiteral("1024"));
        for (const char* overlap : {"1", "0"}) {
            env.insert(QStringLiteral("XCOMP_DP_OVERLAP"), QLatin1String(overlap));
            const QString out = dir.filePath(QStringLiteral("buckets-") + QLatin1String(overlap));
            const Run r = run(train_args(data, out, 5, 4) << QStringLiteral("--nproc") << QStringLiteral("2"), env);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            const double e = weight_diff(dir.filePath(QStringLiteral("one")), out);
            QVERIFY2(e < 1e-4, qPrintable(QStringLiteral("overlap %1: weights differ by %2").arg(QLatin1String(overlap)).arg(e)));
        }
    }

    // The overlapped mean in one process (a group of one): the hooks see each micro-batch's
    // gradient, buckets start during the backward pass, and .grad ends as the plain sum.
    void overlapped_mean_in_a_group_of_one() {
        DistributedOptions o;
        o.master_port = 20000 + static_cast<int>(QCoreApplication::applicationPid() % 20000);
        o.timeout_s = 60;
        DataParallel dp(o);
        at::manual_seed(5);
        // Buckets of 200 bytes, from the last parameter: {[8], [8,8]}, {[64,8]}, {[300]}.
        std::vector<at::Tensor> params{at::randn({300}).requires_grad_(), at::randn({64, 8}).requires_grad_(),
                                       at::randn({8, 8}).requires_grad_(), at::randn({8}).requires_grad_()};
        std::vector<at::Tensor> inputs{at::randn({3, 64}), at::randn({3, 64})};
        auto loss_of = [&](const at::Tensor& x) {  // params[0] is not used: it takes part with zeros
            return (x.matmul(params[1]).tanh().matmul(params[2]) + params[3]).pow(2).sum();
        };
        std::vector<at::Tensor> expected(params.size());
        for (const at::Tensor& x : inputs) loss_of(x).backward();
        for (size_t i = 0; i < params.size(); ++i) {
            if (params[i].grad().defined()) {
                expected[i] = params[i].grad().clone();
                params[i].mutable_grad().zero_();
            } else {
                expected[i] = at::zeros_like(params[i]);
            }
        }
        for (int round = 0; round < 2; ++round) {  // the hooks stay armed only between the two calls
            for (const at::Tensor& p : params)
                if (p.grad().defined()) const_cast<at::Tensor&>(p).mutable_grad().zero_();
            loss_of(inputs[0]).backward();
            dp.reduce_during_backward(params, 200);
            loss_of(inputs[1]).backward();
            dp.finish_gradients();
            QVERIFY2(dp.buckets_started_in_backward() >= 2, qPrintable(QString::number(dp.buckets_started_in_backward())));
            for (size_t i = 0; i < params.size(); ++i) {
                QVERIFY(params[i].grad().defined());
                QVERIFY2(test::max_abs_diff(params[i].grad(), expected[i]) < 1e-5, qPrintable(QString::number(i)));
            }
        }
        QVERIFY_EXCEPTION_THROWN(dp.finish_gradients(), xcomp::Error);
        QVERIFY_EXCEPTION_THROWN(dp.reduce_during_backward({params[0]}, 200), xcomp::Error);
    }

    // train-lm: each rank runs its slice of the same windows.
    void two_ranks_train_the_lm_one_process_trains() {
        QTemporaryDir dir;
        const QString data = write_data(dir);
        auto args = [&](const QString& out) {
            return QStringList{QStringLiteral("train-lm"), QStringLiteral("--tokenizer"),
                               QString::fromStdString(test::fixture("tiny-model/tokenizer.model")), QStringLiteral("--data"), data,
                               QStringLiteral("--valid"), data, QStringLiteral("--hidden"), QStringLiteral("32"),
                               QStringLiteral("--layers"), QStringLiteral("2"), QStringLiteral("--heads"), QStringLiteral("2"),
                               QStringLiteral("--seq-len"), QStringLiteral("16"), QStringLiteral("--batch-size"), QStringLiteral("4"),
                               QStringLiteral("--steps"), QStringLiteral("4"), QStringLiteral("--warmup"), QStringLiteral("1"),
                               QStringLiteral("--valid-every"), QStringLiteral("0"), QStringLiteral("--device"), QStringLiteral("cpu"),
                               QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), out};
        };
        const Run one = run(args(dir.filePath(QStringLiteral("one"))));
        QVERIFY2(one.code == 0, qPrintable(one.err));
        const Run two = run(args(dir.filePath(QStringLiteral("two"))) << QStringLiteral("--nproc") << QStringLiteral("2"));
        QVERIFY2(two.code == 0, qPrintable(two.err));
        const TensorMap x = load_safetensors(dir.filePath(QStringLiteral("one/model.safetensors")).toStdString());
        const TensorMap y = load_safetensors(dir.filePath(QStringLiteral("two/model.safetensors")).toStdString());
        QCOMPARE(x.size(), y.size());
        double worst = 0;
        for (const auto& [name, t] : x) worst = std::max(worst, test::max_abs_diff(t, y.at(name)));
        QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("weights differ by %1").arg(worst)));
        // The ranks split the batch: together they saw the tokens one process saw, not twice as many.
        QCOMPARE(last_tokens(dir.filePath(QStringLiteral("two/train_log.jsonl"))),
                 last_tokens(dir.filePath(QStringLiteral("one/train_log.jsonl"))));
        QVERIFY(last_tokens(dir.filePath(QStringLiteral("one/train_log.jsonl"))) == 4 * 4 * 16);
    }

    // xcomp eval --nproc: every rank runs every world-th batch of each cell as one process forms them;
    // rank 0 gathers the examples. The shards are disjoint and complete: the files are byte-identical.
    void sharded_eval_writes_what_one_process_writes() {
        QTemporaryDir dir;
        auto args = [&](const QString& out) {
            return QStringList{QStringLiteral("eval"), QStringLiteral("--model"), QString::fromStdString(test::fixture("tiny-model")),
                               QStringLiteral("--compressor"), QStringLiteral("all"), QStringLiteral("--data"),
                               QStringLiteral(XCOMP_SOURCE_DIR "/resources/examples/sample-dataset.jsonl"),
                               QStringLiteral("--lengths"), QStringLiteral("16,32"), QStringLiteral("--batch-size"),
                               QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), out};
        };
        const Run one = run(args(dir.filePath(QStringLiteral("one"))));
        QVERIFY2(one.code == 0, qPrintable(one.err));
        const Run three = run(args(dir.filePath(QStringLiteral("three"))) << QStringLiteral("--nproc") << QStringLiteral("3"));
        QVERIFY2(three.code == 0, qPrintable(three.err));
        QVERIFY(three.err.contains(QStringLiteral("rank 2 of 3 is pid")));
        for (const char* f : {"/examples.jsonl", "/table.json", "/table.md"}) {
            QFile a(dir.filePath(QStringLiteral("one")) + QLatin1String(f)), b(dir.filePath(QStringLiteral("three")) + QLatin1String(f));
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            const QByteArray x = a.readAll();
            QVERIFY(x.count('\n') >= 6);
            QCOMPARE(b.readAll(), x);
        }
        // An interrupted run (here: the first 10 examples kept) finishes under another world size.
        QDir().mkpath(dir.filePath(QStringLiteral("part")));
        QFile full(dir.filePath(QStringLiteral("one/examples.jsonl"))), part(dir.filePath(QStringLiteral("part/examples.jsonl")));
        QVERIFY(full.open(QIODevice::ReadOnly) && part.open(QIODevice::WriteOnly));
        for (int i = 0; i < 10; ++i) part.write(full.readLine());
        part.close();
        const Run resumed = run(args(dir.filePath(QStringLiteral("part"))) << QStringLiteral("--resume") << QStringLiteral("--nproc")
                                                                           << QStringLiteral("2"));
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QFile a(dir.filePath(QStringLiteral("one/table.json"))), b(dir.filePath(QStringLiteral("part/table.json")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }

    // A checkpoint holds no rank-specific state: one process's run continues under two ranks and
    // ends where one process would.
    void resumes_under_another_world_size() {
        QTemporaryDir dir;
        const QString data = write_data(dir);
        for (const QString& name : {QStringLiteral("a"), QStringLiteral("b")})
            QCOMPARE(run(train_args(data, dir.filePath(name), 3, 4)).code, 0);
        const Run a = run(train_args(data, dir.filePath(QStringLiteral("a")), 6, 4) << QStringLiteral("--resume"));
        QVERIFY2(a.code == 0, qPrintable(a.err));
        const Run b = run(train_args(data, dir.filePath(QStringLiteral("b")), 6, 4)
                          << QStringLiteral("--resume") << QStringLiteral("--nproc") << QStringLiteral("2"));
        QVERIFY2(b.code == 0, qPrintable(b.err));
        QVERIFY(b.err.contains(QStringLiteral("resumed from")));
        const double d = weight_diff(dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("b")));
        QVERIFY2(d < 1e-4, qPrintable(QStringLiteral("weights differ by %1").arg(d)));
    }

    // A rank that dies ends the job at once, naming the rank, instead of leaving the others waiting.
    void killed_rank_stops_the_job() {
        QTemporaryDir dir;
        const QString data = write_data(dir);
        QProcess p;
        p.start(kXcomp, train_args(data, dir.filePath(QStringLiteral("k")), 1000000, 4) << QStringLiteral("--nproc")
                                                                                          << QStringLiteral("2"));
        QVERIFY(p.waitForStarted());
        QString err;
        qint64 pid = 0;
        QElapsedTimer t;
        t.start();
        const QRegularExpression re(QStringLiteral("rank 1 of 2 is pid (\\d+)"));
        while (pid == 0 && t.elapsed() < 60000) {
            p.waitForReadyRead(500);
            err += QString::fromUtf8(p.readAllStandardError());
            const auto m = re.match(err);
            if (m.hasMatch()) pid = m.captured(1).toLongLong();
        }
        QVERIFY2(pid > 0, qPrintable(err));
        // Let both ranks reach their training steps, then kill rank 1.
        while (!err.contains(QStringLiteral("step ")) && t.elapsed() < 120000) {
            p.waitForReadyRead(500);
            err += QString::fromUtf8(p.readAllStandardError());
        }
        QVERIFY2(err.contains(QStringLiteral("step ")), qPrintable(err));
        ::kill(static_cast<pid_t>(pid), SIGKILL);
        QElapsedTimer gone;
        gone.start();
        QVERIFY(p.waitForFinished(30000));
        err += QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(gone.elapsed() < 20000, qPrintable(QStringLiteral("took %1 ms").arg(gone.elapsed())));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("rank 1 was killed by signal 9")), qPrintable(err));
    }

    void refuses_bad_setups() {
        QTemporaryDir dir;
        const QString data = write_data(dir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WORLD_SIZE"), QStringLiteral("2"));
        Run r = run(train_args(data, dir.filePath(QStringLiteral("x")), 2, 4), env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("RANK is not")), qPrintable(r.err));
        env.insert(QStringLiteral("RANK"), QStringLiteral("2"));
        r = run(train_args(data, dir.filePath(QStringLiteral("x")), 2, 4), env);
        QVERIFY2(r.err.contains(QStringLiteral("RANK must be an integer between 0 and 1")), qPrintable(r.err));
        r = run(train_args(data, dir.filePath(QStringLiteral("x")), 2, 5) << QStringLiteral("--nproc") << QStringLiteral("2"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("must be a multiple of the 2 ranks")), qPrintable(r.err));
        QProcessEnvironment small = QProcessEnvironment::systemEnvironment();
        small.insert(QStringLiteral("XCOMP_DP_BUCKET_BYTES"), QStringLiteral("12"));
        r = run(train_args(data, dir.filePath(QStringLiteral("x")), 2, 4) << QStringLiteral("--nproc") << QStringLiteral("2"), small);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("XCOMP_DP_BUCKET_BYTES must be an integer between 1024 and")), qPrintable(r.err));
    }
};

QTEST_APPLESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
