// The xcomp command line as a user meets it: JSON outputs and clear errors for bad input.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

// Exit code -1 when the command did not finish within `timeout_ms`.
Run xcomp(const QStringList& args, int timeout_ms = 120000) {
    QProcess p;
    p.start(QStringLiteral(XCOMP_BINARY_DIR "/app/xcomp"), args);
    if (!p.waitForFinished(timeout_ms)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("timed out: ") + QString::fromUtf8(p.readAllStandardError())};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

const QString kTiny = QStringLiteral(XCOMP_FIXTURES_DIR "/tiny-model");

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void info_and_tokenize_json() {
        Run r = xcomp({QStringLiteral("info"), QStringLiteral("--model"), kTiny, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j[QStringLiteral("layers")].toInt(), 2);
        QVERIFY(j[QStringLiteral("parameters")].toInteger() > 0);
        r = xcomp({QStringLiteral("tokenize"), QStringLiteral("--model"), kTiny, QStringLiteral("--text"),
                   QStringLiteral("The small workbench"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(!QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("ids")].toArray().isEmpty());
    }

    void generate_json() {
        Run r = xcomp({QStringLiteral("generate"), QStringLiteral("--model"), kTiny, QStringLiteral("--prompt-ids"),
                       QStringLiteral("1,5,6"), QStringLiteral("--max-new-tokens"), QStringLiteral("5"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(j.contains(QStringLiteral("ids")) && j.contains(QStringLiteral("text")));
        QVERIFY(j[QStringLiteral("ids")].toArray().size() <= 5);
    }

    void compress_regenerate_interpolate_json() {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.xcp")), b = dir.filePath(QStringLiteral("b.xcp"));
        for (const auto& [path, text] : {std::pair{a, QStringLiteral("A language model reads those vectors.")},
                                         std::pair{b, QStringLiteral("We measure how much is lost.")}}) {
            Run r = xcomp({QStringLiteral("compress"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"),
                           QStringLiteral("aoc-m4"), QStringLiteral("--text"), text, QStringLiteral("--out"), path,
                           QStringLiteral("--json")});
            QCOMPARE(r.code, 0);
        }
        Run r = xcomp({QStringLiteral("interpolate"), QStringLiteral("--model"), kTiny, QStringLiteral("--alpha"),
                       QStringLiteral("0.25"), a, b, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("alpha")].toDouble(), 0.25);
        r = xcomp({QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"),
                   QStringLiteral("500x-m4"), QStringLiteral("--text"), QStringLiteral("A language model reads those vectors."),
                   QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(j.contains(QStringLiteral("bleu")) && j.contains(QStringLiteral("errors")));
    }

    // xcomp bench end to end on the tiny model: every section writes its rows with timings and memory.
    void bench_reports_every_row() {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("texts.jsonl"));
        {
            QFile f(data);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (const QString& name : QDir(QStringLiteral(XCOMP_FIXTURES_DIR "/texts")).entryList({QStringLiteral("*.txt")})) {
                QFile t(QStringLiteral(XCOMP_FIXTURES_DIR "/texts/") + name);
                QVERIFY(t.open(QIODevice::ReadOnly));
                QJsonObject o{{QStringLiteral("abstract"), QString::fromUtf8(t.readAll())}};
                f.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n");
            }
        }
        const QString out = dir.filePath(QStringLiteral("bench.json"));
        Run r = xcomp({QStringLiteral("bench"), QStringLiteral("--model"), kTiny, QStringLiteral("--data"), data,
                       QStringLiteral("--section"), QStringLiteral("all"), QStringLiteral("--repeats"), QStringLiteral("1"),
                       QStringLiteral("--train-steps"), QStringLiteral("2"), QStringLiteral("--compressors"),
                       QStringLiteral("aoc-m4"), QStringLiteral("--max-batch"), QStringLiteral("4"), QStringLiteral("--threads"),
                       QStringLiteral("2"), QStringLiteral("--out"), out},
                      600000);
        QVERIFY2(r.code == 0, qPrintable(r.err.right(2000)));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(f.readAll()).object()[QStringLiteral("rows")].toArray();
        QStringList ids;
        for (const QJsonValue& v : rows) {
            const QJsonObject row = v.toObject();
            ids << row[QStringLiteral("id")].toString();
            QVERIFY2(row[QStringLiteral("median_ms")].toDouble() > 0, qPrintable(ids.last()));
            QVERIFY2(row[QStringLiteral("peak_rss_mb")].toDouble() > 0, qPrintable(ids.last()));
        }
        QStringList want = {QStringLiteral("compress_regenerate/aoc-m4/N=96"), QStringLiteral("compress_regenerate/aoc-m4/N=480"),
                            QStringLiteral("interpolate/aoc-m4/N=96"), QStringLiteral("decode_step/aoc-m4/B=1"),
                            QStringLiteral("batch_regen/aoc-m4/B=4/N=96"), QStringLiteral("batch_regen/aoc-m4/B=4/N=480"),
                            QStringLiteral("qa_ttft/compressed/aoc-m4/N=480"), QStringLiteral("qa_ttft/reused/aoc-m4/N=480"),
                            QStringLiteral("qa_total/full/aoc-m4/N=480"),
                            QStringLiteral("train_compressor/aoc-m4/batch=32")};
        if (QFile::exists(QStringLiteral(XCOMP_BINARY_DIR "/app/workbench/xcomp-workbench")))
            want << QStringLiteral("startup/workbench");
        for (const QString& id : want) QVERIFY2(ids.contains(id), qPrintable(id + " missing from " + ids.join(u' ')));
    }

    void errors_are_clear_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing model") << QStringList{QStringLiteral("info"), QStringLiteral("--model"), QStringLiteral("/nonexistent")}
                                       << QStringLiteral("does not exist");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--model"), kTiny, QStringLiteral("--colour"), QStringLiteral("red")}
                                        << QStringLiteral("unknown option --colour");
        QTest::newRow("bad device") << QStringList{QStringLiteral("info"), QStringLiteral("--model"), kTiny, QStringLiteral("--device"), QStringLiteral("tpu")}
                                    << QStringLiteral("unknown device");
        QTest::newRow("bad dtype") << QStringList{QStringLiteral("info"), QStringLiteral("--model"), kTiny, QStringLiteral("--dtype"), QStringLiteral("int3")}
                                   << QStringLiteral("unknown dtype");
        QTest::newRow("alpha out of range") << QStringList{QStringLiteral("interpolate"), QStringLiteral("--model"), kTiny, QStringLiteral("--alpha"), QStringLiteral("1.5"), QStringLiteral("a"), QStringLiteral("b")}
                                            << QStringLiteral("--alpha must be between 0 and 1");
        QTest::newRow("repeated option") << QStringList{QStringLiteral("interpolate"), QStringLiteral("--model"), kTiny, QStringLiteral("--alpha"), QStringLiteral("0.5"), QStringLiteral("--alpha"), QStringLiteral("0.7"), QStringLiteral("a"), QStringLiteral("b")}
                                         << QStringLiteral("--alpha given twice");
        QTest::newRow("repeated option with =") << QStringList{QStringLiteral("info"), QStringLiteral("--model"), kTiny, QStringLiteral("--model=") + kTiny}
                                                << QStringLiteral("--model given twice");
        QTest::newRow("hex float") << QStringList{QStringLiteral("interpolate"), QStringLiteral("--model"), kTiny, QStringLiteral("--alpha"), QStringLiteral("0x1p-1"), QStringLiteral("a"), QStringLiteral("b")}
                                   << QStringLiteral("--alpha expects a decimal number between 0 and 1, got '0x1p-1'");
        QTest::newRow("nan real") << QStringList{QStringLiteral("interpolate"), QStringLiteral("--model"), kTiny, QStringLiteral("--alpha"), QStringLiteral("nan"), QStringLiteral("a"), QStringLiteral("b")}
                                  << QStringLiteral("--alpha expects a decimal number");
        QTest::newRow("trailing junk") << QStringList{QStringLiteral("interpolate"), QStringLiteral("--model"), kTiny, QStringLiteral("--alpha"), QStringLiteral("0.5x"), QStringLiteral("a"), QStringLiteral("b")}
                                       << QStringLiteral("--alpha expects a decimal number");
        QTest::newRow("hex integer") << QStringList{QStringLiteral("train-compressor"), QStringLiteral("--model"), kTiny, QStringLiteral("--method"), QStringLiteral("aoc"), QStringLiteral("--memory-tokens"), QStringLiteral("0x4"), QStringLiteral("--data"), QStringLiteral("x"), QStringLiteral("--out"), QStringLiteral("y")}
                                     << QStringLiteral("--memory-tokens expects a decimal integer between 1 and 64, got '0x4'");
        QTest::newRow("generation past the context") << QStringList{QStringLiteral("generate"), QStringLiteral("--model"), kTiny, QStringLiteral("--prompt-ids"), QStringLiteral("1,2,3"), QStringLiteral("--max-new-tokens"), QStringLiteral("1022")}
                                                     << QStringLiteral("--max-new-tokens 1022 does not fit the model's context: max_position_embeddings is 1024 and the prompt takes 3 positions, so at most 1021 new tokens");
        QTest::newRow("regeneration past the context") << QStringList{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"), QStringLiteral("aoc-m4"), QStringLiteral("--text"), QStringLiteral("hello there"), QStringLiteral("--max-new-tokens"), QStringLiteral("1020")}
                                                       << QStringLiteral("so at most 1019 new tokens");
        QTest::newRow("m out of range") << QStringList{QStringLiteral("train-compressor"), QStringLiteral("--model"), kTiny, QStringLiteral("--method"), QStringLiteral("aoc"), QStringLiteral("--memory-tokens"), QStringLiteral("0"), QStringLiteral("--data"), QStringLiteral("x"), QStringLiteral("--out"), QStringLiteral("y")}
                                        << QStringLiteral("--memory-tokens must be between 1 and 64");
        QTest::newRow("unknown method") << QStringList{QStringLiteral("train-compressor"), QStringLiteral("--method"), QStringLiteral("zip")}
                                        << QStringLiteral("unknown method 'zip'");
        QTest::newRow("unknown compressor") << QStringList{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"), QStringLiteral("aoc-m99"), QStringLiteral("--text"), QStringLiteral("hi")}
                                            << QStringLiteral("no compressor 'aoc-m99' (available: 500x-m4 icae-m4 aoc-m4)");
        QTest::newRow("empty text") << QStringList{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"), QStringLiteral("aoc-m4"), QStringLiteral("--text"), QStringLiteral("  ")}
                                    << QStringLiteral("the text is empty");
        QTest::newRow("chunk window too small") << QStringList{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"), QStringLiteral("aoc-m4"), QStringLiteral("--text"), QStringLiteral("hello there"), QStringLiteral("--window"), QStringLiteral("3")}
                                                << QStringLiteral("the chunk window must be between 8 and 512 tokens (what AOC m=4 compresses at most), got 3");
        QTest::newRow("chunk window too large") << QStringList{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"), QStringLiteral("aoc-m4"), QStringLiteral("--text"), QStringLiteral("hello there"), QStringLiteral("--window"), QStringLiteral("600")}
                                                << QStringLiteral("must be between 8 and 512 tokens");
        QTest::newRow("chunk window zero") << QStringList{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"), QStringLiteral("aoc-m4"), QStringLiteral("--text"), QStringLiteral("hello there"), QStringLiteral("--window"), QStringLiteral("0")}
                                           << QStringLiteral("--window must be between 1 and");
        QTest::newRow("missing weights") << QStringList{QStringLiteral("info"), QStringLiteral("--model"), QStringLiteral(XCOMP_FIXTURES_DIR "/tokenizer")}
                                         << QStringLiteral("config.json");
    }
    void errors_are_clear() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        Run r = xcomp(args);
        QVERIFY2(r.code != 0, qPrintable(r.out));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("Exception raised from")), "LibTorch backtraces must not reach users");
    }

    // A text over the window: cut into chunks, each reported with its byte range; --no-chunking refuses
    // a text over the compressor's limit as before.
    void regenerate_long_text_in_chunks() {
        const QString file = QStringLiteral(XCOMP_FIXTURES_DIR "/texts/abstract-compression.txt");
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qint64 size = f.size();
        const QStringList base{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"),
                               QStringLiteral("aoc-m4"), QStringLiteral("--file"), file, QStringLiteral("--window"), QStringLiteral("40")};
        Run r = xcomp(base + QStringList{QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j[QStringLiteral("window_tokens")].toInt(), 40);
        const QJsonArray chunks = j[QStringLiteral("chunks")].toArray();
        QVERIFY(chunks.size() >= 3);
        qint64 at = 0;
        int tokens = 0;
        for (const QJsonValue& v : chunks) {
            const QJsonObject c = v.toObject();
            const QJsonArray bytes = c[QStringLiteral("bytes")].toArray();
            QCOMPARE(bytes[0].toInteger(), at);
            at = bytes[1].toInteger();
            QCOMPARE(c[QStringLiteral("token_begin")].toInt(), tokens);
            tokens += c[QStringLiteral("source_tokens")].toInt();
            QVERIFY(c[QStringLiteral("source_tokens")].toInt() <= 40);
        }
        QCOMPARE(at, size);
        QCOMPARE(j[QStringLiteral("source_tokens")].toInt(), tokens);
        QVERIFY(j[QStringLiteral("together")].isObject());
        r = xcomp(base);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("cut into %1 chunks of at most 40 tokens").arg(chunks.size())), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("chunk 1 of %1: bytes 0-").arg(chunks.size())));
        QVERIFY(r.out.contains(QStringLiteral("read together")));
        // A text over 512 tokens is cut unasked; --no-chunking refuses it.
        QTemporaryDir dir;
        QFile big(dir.filePath(QStringLiteral("long.txt")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        f.seek(0);
        const QByteArray text = f.readAll();
        for (int i = 0; i < 3; ++i) big.write(text + "\n");
        big.close();
        const QStringList longArgs{QStringLiteral("regenerate"), QStringLiteral("--model"), kTiny, QStringLiteral("--compressor"),
                                   QStringLiteral("aoc-m4"), QStringLiteral("--file"), big.fileName()};
        r = xcomp(longArgs + QStringList{QStringLiteral("--no-chunking")});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("compresses at most 512")), qPrintable(r.err));
        r = xcomp(longArgs + QStringList{QStringLiteral("--json"), QStringLiteral("--no-together")});
        QCOMPARE(r.code, 0);
        const QJsonObject k = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(k[QStringLiteral("chunks")].toArray().size() >= 15);
        QVERIFY(k[QStringLiteral("together")].isNull());
        QVERIFY(k[QStringLiteral("together_note")].toString().contains(QStringLiteral("turned off")));
    }

    void tokenizer_that_does_not_fit() {
        QTemporaryDir dir;
        QFile::copy(kTiny + QStringLiteral("/config.json"), dir.filePath(QStringLiteral("config.json")));
        QFile::copy(kTiny + QStringLiteral("/model.safetensors"), dir.filePath(QStringLiteral("model.safetensors")));
        QFile::copy(QStringLiteral(XCOMP_SOURCE_DIR "/resources/models/default/tokenizer.model"),
                    dir.filePath(QStringLiteral("tokenizer.model")));
        Run r = xcomp({QStringLiteral("info"), QStringLiteral("--model"), dir.path()});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("tokenizer has 8000 pieces but config.json's vocab_size is 256")),
                 qPrintable(r.err));
    }

    // Weights that disagree with config.json: a shape, a missing tensor, a non-float dtype.
    void weights_disagreeing_with_config_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("shape") << QStringLiteral("intermediate_size") << 96
                               << QStringLiteral("tensor 'model.layers.0.mlp.gate_proj.weight' has shape [160,64] but config.json implies [96,64]");
        QTest::newRow("missing tensor") << QStringLiteral("num_hidden_layers") << 3
                                        << QStringLiteral("missing tensor 'model.layers.2.input_layernorm.weight'");
    }
    void weights_disagreeing_with_config() {
        QFETCH(QString, key);
        QFETCH(int, value);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile in(kTiny + QStringLiteral("/config.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject cfg = QJsonDocument::fromJson(in.readAll()).object();
        cfg[key] = value;
        QFile out(dir.filePath(QStringLiteral("config.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(cfg).toJson());
        out.close();
        QFile::copy(kTiny + QStringLiteral("/model.safetensors"), dir.filePath(QStringLiteral("model.safetensors")));
        Run r = xcomp({QStringLiteral("info"), QStringLiteral("--model"), dir.path()});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void integer_weights() {
        QTemporaryDir dir;
        QFile::copy(kTiny + QStringLiteral("/config.json"), dir.filePath(QStringLiteral("config.json")));
        // A valid safetensors file whose embedding table is stored as I32.
        const QByteArray header = QByteArrayLiteral(
            "{\"model.embed_tokens.weight\":{\"dtype\":\"I32\",\"shape\":[256,64],\"data_offsets\":[0,65536]}}");
        QByteArray file;
        const quint64 n = static_cast<quint64>(header.size());
        for (int i = 0; i < 8; ++i) file.append(static_cast<char>((n >> (8 * i)) & 0xff));
        file.append(header);
        file.append(QByteArray(65536, '\0'));
        QFile f(dir.filePath(QStringLiteral("model.safetensors")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file);
        f.close();
        Run r = xcomp({QStringLiteral("info"), QStringLiteral("--model"), dir.path()});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("'model.embed_tokens.weight' has dtype I32, expected a floating-point type")),
                 qPrintable(r.err));
    }

    void malformed_weights() {
        QTemporaryDir dir;
        QFile::copy(kTiny + QStringLiteral("/config.json"), dir.filePath(QStringLiteral("config.json")));
        QFile f(dir.filePath(QStringLiteral("model.safetensors")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x10\x00\x00\x00\x00\x00\x00\x00{\"a\": nonsense}", 24);
        f.close();
        Run r = xcomp({QStringLiteral("info"), QStringLiteral("--model"), dir.path()});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("model.safetensors")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
