#include "datasetreader.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace xcomp::workbench {

namespace {

QString stringOf(const QJsonValue& v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return QString();
}

QStringList answersOf(const QJsonValue& v)
{
    QStringList out;
    if (v.isString()) {
        out << v.toString();
    } else if (v.isArray()) {
        for (const QJsonValue& a : v.toArray()) {
            if (a.isObject())
                out << stringOf(a.toObject().value(QStringLiteral("text")));
            else
                out << stringOf(a);
        }
    } else if (v.isObject()) {
        const QJsonValue t = v.toObject().value(QStringLiteral("text"));
        return answersOf(t);
    }
    out.removeAll(QString());
    return out;
}

}  // namespace

int DatasetReader::Result::questionCount() const
{
    int n = 0;
    for (const BatchExample& e : examples)
        if (!e.question.isEmpty())
            ++n;
    return n;
}

DatasetReader::Result DatasetReader::readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result r;
        r.error = tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return r;
    }
    return read(&file);
}

DatasetReader::Result DatasetReader::readBytes(const QByteArray& bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return read(&buffer);
}

DatasetReader::Result DatasetReader::read(QIODevice* device)
{
    Result r;
    int lineNo = 0;
    while (!device->atEnd()) {
        const QByteArray line = device->readLine().trimmed();
        ++lineNo;
        if (line.isEmpty())
            continue;
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            r.warnings << tr("Line %1: not a JSON object (%2).")
                              .arg(lineNo)
                              .arg(err.error != QJsonParseError::NoError ? err.errorString() : tr("wrong type"));
            continue;
        }
        const QJsonObject o = doc.object();
        BatchExample ex;
        for (const char* key : {"abstract", "text", "context"}) {
            ex.text = stringOf(o.value(QLatin1String(key)));
            if (!ex.text.trimmed().isEmpty())
                break;
        }
        if (ex.text.trimmed().isEmpty()) {
            r.warnings << tr("Line %1: no \"abstract\", \"text\" or \"context\" field.").arg(lineNo);
            continue;
        }
        for (const char* key : {"id", "_id", "title"}) {
            ex.id = stringOf(o.value(QLatin1String(key)));
            if (!ex.id.isEmpty())
                break;
        }
        if (ex.id.isEmpty())
            ex.id = tr("line %1").arg(lineNo);
        ex.question = stringOf(o.value(QStringLiteral("question"))).trimmed();
        ex.answers = answersOf(o.value(QStringLiteral("answers")));
        if (ex.answers.isEmpty())
            ex.answers = answersOf(o.value(QStringLiteral("answer")));
        r.examples << ex;
    }
    if (r.examples.isEmpty() && r.warnings.isEmpty())
        r.error = tr("The file holds no examples.");
    return r;
}

}  // namespace xcomp::workbench
