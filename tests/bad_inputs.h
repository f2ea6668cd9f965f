// The bad-input catalogue (tests/fixtures/bad_inputs.json): reads it and builds a case's files in a
// temporary folder from its setup steps. Shared by the CLI and the workbench suites.
#pragma once
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace xcomp::test {

struct BadInput {
    QString id, kind, what, expect;
    QString workbenchExpect;  // what the workbench says, where its words differ from the CLI's
    int exit = 1;
    QJsonArray setup;
    QStringList cli;        // empty: a workbench-only case
    QJsonObject workbench;  // empty: a CLI-only case
};

inline QVector<BadInput> badInputs()
{
    QFile f(QStringLiteral(XCOMP_FIXTURES_DIR "/bad_inputs.json"));
    QVector<BadInput> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue& v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray()) {
        const QJsonObject o = v.toObject();
        BadInput b;
        b.id = o.value(QStringLiteral("id")).toString();
        b.kind = o.value(QStringLiteral("kind")).toString();
        b.what = o.value(QStringLiteral("what")).toString();
        b.expect = o.value(QStringLiteral("expect")).toString();
        b.workbenchExpect = o.value(QStringLiteral("workbench_expect")).toString(b.expect);
        b.exit = o.value(QStringLiteral("exit")).toInt(1);
        b.setup = o.value(QStringLiteral("setup")).toArray();
        for (const QJsonValue& a : o.value(QStringLiteral("cli")).toArray())
            b.cli << a.toString();
        b.workbench = o.value(QStringLiteral("workbench")).toObject();
        out << b;
    }
    return out;
}

// {dir} (the case's folder), {tiny} (the tiny fixture model), {fixtures}, {source}.
inline QString expand(QString s, const QString& dir)
{
    s.replace(QStringLiteral("{dir}"), dir);
    s.replace(QStringLiteral("{tiny}"), QStringLiteral(XCOMP_FIXTURES_DIR "/tiny-model"));
    s.replace(QStringLiteral("{fixtures}"), QStringLiteral(XCOMP_FIXTURES_DIR));
    s.replace(QStringLiteral("{source}"), QStringLiteral(XCOMP_SOURCE_DIR));
    return s;
}

inline QString xcompBinary() { return QStringLiteral(XCOMP_BINARY_DIR "/app/xcomp"); }

inline bool copyRecursively(const QString& from, const QString& to)
{
    if (QFileInfo(from).isFile()) {
        QFile::remove(to);  // QFile::copy does not overwrite
        return QFile::copy(from, to);
    }
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo& e : QDir(from).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot))
        if (!copyRecursively(e.filePath(), to + QLatin1Char('/') + e.fileName()))
            return false;
    return true;
}

inline bool readFile(const QString& path, QByteArray* out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    *out = f.readAll();
    return true;
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs the case's setup steps in `dir`; returns "" or what went wrong.
inline QString buildCase(const BadInput& b, const QString& dir)
{
    for (const QJsonValue& v : b.setup) {
        const QJsonArray s = v.toArray();
        const QString op = s.at(0).toString();
        auto arg = [&](int i) -> QString { return expand(s.at(i).toString(), dir); };
        // QString, not a QStringBuilder over temporaries (QT_USE_QSTRINGBUILDER)
        auto path = [&](int i) -> QString { return dir + QLatin1Char('/') + s.at(i).toString(); };
        QByteArray bytes;
        bool ok = true;
        if (op == QLatin1String("copy")) {
            ok = copyRecursively(arg(1), path(2));
        } else if (op == QLatin1String("write")) {
            ok = writeFile(path(1), s.at(2).toString().toUtf8());
        } else if (op == QLatin1String("write_hex")) {
            ok = writeFile(path(1), QByteArray::fromHex(s.at(2).toString().toLatin1()));
        } else if (op == QLatin1String("repeat")) {
            ok = writeFile(path(1), s.at(2).toString().toUtf8().repeated(s.at(3).toInt()));
        } else if (op == QLatin1String("remove")) {
            ok = QFile::remove(path(1));
        } else if (op == QLatin1String("truncate")) {
            ok = readFile(path(1), &bytes) && writeFile(path(1), bytes.left(s.at(2).toInt()));
        } else if (op == QLatin1String("patch_hex")) {
            const QByteArray patch = QByteArray::fromHex(s.at(3).toString().toLatin1());
            ok = readFile(path(1), &bytes) && bytes.size() >= s.at(2).toInt() + patch.size();
            if (ok)
                ok = writeFile(path(1), bytes.replace(s.at(2).toInt(), patch.size(), patch));
        } else if (op == QLatin1String("nan_at_end")) {  // float32 NaN (or bf16 0, NaN) in the last tensor
            ok = readFile(path(1), &bytes) && bytes.size() > 4;
            if (ok)
                ok = writeFile(path(1), bytes.replace(bytes.size() - 4, 4, QByteArray::fromHex("0000c07f")));
        } else if (op == QLatin1String("flip_at_end")) {  // one payload bit
            ok = readFile(path(1), &bytes) && bytes.size() > 3;
            if (ok) {
                bytes[bytes.size() - 3] = static_cast<char>(bytes[bytes.size() - 3] ^ 0x01);
                ok = writeFile(path(1), bytes);
            }
        } else if (op == QLatin1String("replace")) {
            ok = readFile(path(1), &bytes) && bytes.contains(s.at(2).toString().toUtf8());
            if (ok)
                ok = writeFile(path(1), bytes.replace(s.at(2).toString().toUtf8(), s.at(3).toString().toUtf8()));
        } else if (op == QLatin1String("json_set")) {
            QJsonObject o;
            ok = readFile(path(1), &bytes);
            if (ok) {
                o = QJsonDocument::fromJson(bytes).object();
                o.insert(s.at(2).toString(), s.at(3));
                ok = writeFile(path(1), QJsonDocument(o).toJson());
            }
        } else if (op == QLatin1String("cli")) {
            QStringList args;
            for (int i = 1; i < s.size(); ++i)
                args << arg(i);
            QProcess p;
            p.start(xcompBinary(), args);
            ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
            if (!ok)
                return op + QStringLiteral(" failed: ") + QString::fromUtf8(p.readAllStandardError());
        } else {
            return QStringLiteral("unknown setup step '%1'").arg(op);
        }
        if (!ok)
            return QStringLiteral("setup step '%1' failed").arg(op);
    }
    return {};
}

}  // namespace xcomp::test
