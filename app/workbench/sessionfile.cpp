#include "sessionfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace xcomp::workbench {

namespace {

const char* typeKey(view::ErrorType t)
{
    switch (t) {
    case view::ErrorType::Equal: return "equal";
    case view::ErrorType::Mistake: return "mistake";
    case view::ErrorType::InformationLoss: return "information-loss";
    case view::ErrorType::Hallucination: return "hallucination";
    case view::ErrorType::Paraphrase: return "paraphrase";
    }
    return "equal";
}

view::ErrorType typeFromKey(const QString& key)
{
    for (int t = 0; t < view::kErrorTypeCount; ++t)
        if (key == QLatin1String(typeKey(view::ErrorType(t))))
            return view::ErrorType(t);
    return view::ErrorType::Equal;
}

// A byte count stored as a JSON number (a double). Casting a double outside qint64's range, such as
// a hand-edited 1e94, is undefined behaviour; anything not a whole count in [0, 2^53] reads as 0.
qint64 byteCountFromJson(const QJsonValue& v)
{
    const double d = v.toDouble();
    constexpr double kMax = 9007199254740992.0;  // 2^53: every integer up to it is exact in a double
    return d >= 0 && d <= kMax && d == std::floor(d) ? qint64(d) : 0;
}

QJsonObject regenerationToJson(const view::RegenerationView& r)
{
    QJsonObject o;
    o[QStringLiteral("compressor")] = r.compressorLabel;
    o[QStringLiteral("diff")] = SessionFile::diffToJson(r.diff);
    o[QStringLiteral("metrics")] = SessionFile::metricsToJson(r.metrics);
    return o;
}

view::RegenerationView regenerationFromJson(const QJsonObject& o)
{
    view::RegenerationView r;
    r.compressorLabel = o.value(QStringLiteral("compressor")).toString();
    r.diff = SessionFile::diffFromJson(o.value(QStringLiteral("diff")).toObject());
    r.metrics = SessionFile::metricsFromJson(o.value(QStringLiteral("metrics")).toObject());
    return r;
}

QJsonObject qaToJson(const QaResult& q)
{
    QJsonObject o;
    o[QStringLiteral("compressor")] = q.compressorLabel;
    o[QStringLiteral("question")] = q.question;
    o[QStringLiteral("gold")] = QJsonArray::fromStringList(q.goldAnswers);
    o[QStringLiteral("answer_compressed")] = q.answerCompressed;
    o[QStringLiteral("answer_full")] = q.answerFull;
    o[QStringLiteral("has_gold")] = q.hasGold;
    o[QStringLiteral("f1_compressed")] = q.f1Compressed;
    o[QStringLiteral("em_compressed")] = q.emCompressed;
    o[QStringLiteral("f1_full")] = q.f1Full;
    o[QStringLiteral("em_full")] = q.emFull;
    o[QStringLiteral("ms_compressed")] = q.msCompressed;
    o[QStringLiteral("ms_full")] = q.msFull;
    return o;
}

QaResult qaFromJson(const QJsonObject& o)
{
    QaResult q;
    q.compressorLabel = o.value(QStringLiteral("compressor")).toString();
    q.question = o.value(QStringLiteral("question")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("gold")).toArray())
        q.goldAnswers << v.toString();
    q.answerCompressed = o.value(QStringLiteral("answer_compressed")).toString();
    q.answerFull = o.value(QStringLiteral("answer_full")).toString();
    q.hasGold = o.value(QStringLiteral("has_gold")).toBool();
    q.f1Compressed = o.value(QStringLiteral("f1_compressed")).toDouble();
    q.emCompressed = o.value(QStringLiteral("em_compressed")).toDouble();
    q.f1Full = o.value(QStringLiteral("f1_full")).toDouble();
    q.emFull = o.value(QStringLiteral("em_full")).toDouble();
    q.msCompressed = o.value(QStringLiteral("ms_compressed")).toDouble();
    q.msFull = o.value(QStringLiteral("ms_full")).toDouble();
    return q;
}

QJsonObject rowToJson(const view::EvalRow& r)
{
    QJsonObject o;
    o[QStringLiteral("id")] = r.id;
    o[QStringLiteral("method")] = r.method;
    o[QStringLiteral("m")] = r.memoryTokens;
    o[QStringLiteral("compressor")] = r.compressor;
    o[QStringLiteral("length")] = r.length;
    o[QStringLiteral("metrics")] = SessionFile::metricsToJson(r.metrics);
    QJsonArray counts;
    for (int c : r.errorCounts)
        counts.append(c);
    o[QStringLiteral("error_counts")] = counts;
    o[QStringLiteral("diff")] = SessionFile::diffToJson(r.diff);
    return o;
}

view::EvalRow rowFromJson(const QJsonObject& o)
{
    view::EvalRow r;
    r.id = o.value(QStringLiteral("id")).toString();
    r.method = o.value(QStringLiteral("method")).toString();
    r.memoryTokens = o.value(QStringLiteral("m")).toInt();
    r.compressor = o.value(QStringLiteral("compressor")).toString();
    r.length = o.value(QStringLiteral("length")).toInt();
    r.metrics = SessionFile::metricsFromJson(o.value(QStringLiteral("metrics")).toObject());
    const QJsonArray counts = o.value(QStringLiteral("error_counts")).toArray();
    for (int t = 0; t < view::kErrorTypeCount && t < counts.size(); ++t)
        r.errorCounts[t] = counts.at(t).toInt();
    r.diff = SessionFile::diffFromJson(o.value(QStringLiteral("diff")).toObject());
    return r;
}

}  // namespace

QJsonObject SessionFile::diffToJson(const view::DiffData& d)
{
    QJsonObject o;
    o[QStringLiteral("original")] = d.original;
    o[QStringLiteral("regenerated")] = d.regenerated;
    QJsonArray spans;
    for (const view::DiffSpan& s : d.spans) {
        QJsonArray a;
        a << QLatin1String(typeKey(s.type)) << s.originalBegin << s.originalEnd << s.regeneratedBegin << s.regeneratedEnd;
        spans.append(a);
    }
    o[QStringLiteral("spans")] = spans;
    return o;
}

view::DiffData SessionFile::diffFromJson(const QJsonObject& o)
{
    view::DiffData d;
    d.original = o.value(QStringLiteral("original")).toString();
    d.regenerated = o.value(QStringLiteral("regenerated")).toString();
    const int no = int(d.original.size()), nr = int(d.regenerated.size());
    for (const QJsonValue& v : o.value(QStringLiteral("spans")).toArray()) {
        const QJsonArray a = v.toArray();
        if (a.size() != 5)
            continue;
        view::DiffSpan s;
        s.type = typeFromKey(a.at(0).toString());
        // Clamp: a hand-edited file must not make the views index out of range.
        s.originalBegin = std::clamp(a.at(1).toInt(), 0, no);
        s.originalEnd = std::clamp(a.at(2).toInt(), s.originalBegin, no);
        s.regeneratedBegin = std::clamp(a.at(3).toInt(), 0, nr);
        s.regeneratedEnd = std::clamp(a.at(4).toInt(), s.regeneratedBegin, nr);
        d.spans << s;
    }
    return d;
}

QJsonObject SessionFile::metricsToJson(const view::RegenerationMetrics& m)
{
    QJsonObject o;
    o[QStringLiteral("bleu")] = m.bleu;
    o[QStringLiteral("rouge_l_f")] = m.rougeLF;
    o[QStringLiteral("exact_match")] = m.exactMatch;
    o[QStringLiteral("prefix_exact_match")] = m.prefixExactMatch;
    o[QStringLiteral("source_tokens")] = m.sourceTokens;
    o[QStringLiteral("memory_tokens")] = m.memoryTokens;
    o[QStringLiteral("compression_ratio")] = m.compressionRatio;
    o[QStringLiteral("compressed_bytes")] = double(m.compressedBytes);
    o[QStringLiteral("full_kv_bytes")] = double(m.fullKvBytes);
    o[QStringLiteral("compress_ms")] = m.compressMs;
    o[QStringLiteral("regenerate_ms")] = m.regenerateMs;
    if (m.teacherForcedAccuracy >= 0)
        o[QStringLiteral("teacher_forced_accuracy")] = m.teacherForcedAccuracy;
    return o;
}

view::RegenerationMetrics SessionFile::metricsFromJson(const QJsonObject& o)
{
    view::RegenerationMetrics m;
    m.bleu = o.value(QStringLiteral("bleu")).toDouble();
    m.rougeLF = o.value(QStringLiteral("rouge_l_f")).toDouble();
    m.exactMatch = o.value(QStringLiteral("exact_match")).toDouble();
    m.prefixExactMatch = o.value(QStringLiteral("prefix_exact_match")).toDouble();
    m.sourceTokens = o.value(QStringLiteral("source_tokens")).toInt();
    m.memoryTokens = o.value(QStringLiteral("memory_tokens")).toInt();
    m.compressionRatio = o.value(QStringLiteral("compression_ratio")).toDouble();
    m.compressedBytes = byteCountFromJson(o.value(QStringLiteral("compressed_bytes")));
    m.fullKvBytes = byteCountFromJson(o.value(QStringLiteral("full_kv_bytes")));
    m.compressMs = o.value(QStringLiteral("compress_ms")).toDouble();
    m.regenerateMs = o.value(QStringLiteral("regenerate_ms")).toDouble();
    m.teacherForcedAccuracy = std::clamp(o.value(QStringLiteral("teacher_forced_accuracy")).toDouble(-1), -1.0, 1.0);
    return m;
}

QJsonObject SessionFile::toJson(const WorkbenchSession& s)
{
    QJsonObject o;
    o[QStringLiteral("format")] = formatName();
    o[QStringLiteral("version")] = kVersion;
    o[QStringLiteral("model_dir")] = s.modelDir;
    o[QStringLiteral("device")] = s.device;
    o[QStringLiteral("compressor")] = s.compressorId;
    o[QStringLiteral("text")] = s.text;
    if (s.hasRegeneration)
        o[QStringLiteral("regeneration")] = regenerationToJson(s.regeneration);
    QJsonArray compare;
    for (const view::RegenerationView& r : s.compare)
        compare.append(regenerationToJson(r));
    o[QStringLiteral("compare")] = compare;
    if (!s.compareSelection.isEmpty())
        o[QStringLiteral("compare_selection")] = QJsonArray::fromStringList(s.compareSelection);

    QJsonObject qa;
    qa[QStringLiteral("question")] = s.question;
    qa[QStringLiteral("gold")] = s.goldAnswers;
    if (s.hasQa)
        qa[QStringLiteral("result")] = qaToJson(s.qa);
    o[QStringLiteral("qa")] = qa;

    QJsonObject in;
    in[QStringLiteral("text_a")] = s.textA;
    in[QStringLiteral("text_b")] = s.textB;
    in[QStringLiteral("path_a")] = s.pathA;
    in[QStringLiteral("path_b")] = s.pathB;
    in[QStringLiteral("spherical")] = s.spherical;
    in[QStringLiteral("alpha")] = s.alpha;
    QJsonArray curve;
    for (const view::InterpolationPoint& p : s.curve) {
        QJsonObject c;
        c[QStringLiteral("alpha")] = p.alpha;
        c[QStringLiteral("bleu_to_a")] = p.bleuToA;
        c[QStringLiteral("bleu_to_b")] = p.bleuToB;
        c[QStringLiteral("regenerated")] = p.regenerated;
        curve.append(c);
    }
    in[QStringLiteral("curve")] = curve;
    o[QStringLiteral("interpolation")] = in;

    QJsonObject batch;
    batch[QStringLiteral("dataset")] = s.datasetPath;
    QJsonArray rows;
    for (const view::EvalRow& r : s.batchRows)
        rows.append(rowToJson(r));
    batch[QStringLiteral("rows")] = rows;
    o[QStringLiteral("batch")] = batch;
    return o;
}

bool SessionFile::fromJson(const QJsonObject& o, WorkbenchSession* s, QString* error)
{
    if (o.value(QStringLiteral("format")).toString() != formatName()) {
        if (error)
            *error = tr("This is not an xcomp workbench session.");
        return false;
    }
    const int version = o.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > kVersion) {
        if (error)
            *error = tr("Session version %1 is not supported (this build reads version %2).").arg(version).arg(kVersion);
        return false;
    }
    WorkbenchSession r;
    r.modelDir = o.value(QStringLiteral("model_dir")).toString();
    r.device = o.value(QStringLiteral("device")).toString();
    r.compressorId = o.value(QStringLiteral("compressor")).toString();
    r.text = o.value(QStringLiteral("text")).toString();
    if (o.contains(QStringLiteral("regeneration"))) {
        r.hasRegeneration = true;
        r.regeneration = regenerationFromJson(o.value(QStringLiteral("regeneration")).toObject());
    }
    for (const QJsonValue& v : o.value(QStringLiteral("compare")).toArray())
        r.compare << regenerationFromJson(v.toObject());
    for (const QJsonValue& v : o.value(QStringLiteral("compare_selection")).toArray())
        r.compareSelection << v.toString();

    const QJsonObject qa = o.value(QStringLiteral("qa")).toObject();
    r.question = qa.value(QStringLiteral("question")).toString();
    r.goldAnswers = qa.value(QStringLiteral("gold")).toString();
    if (qa.contains(QStringLiteral("result"))) {
        r.hasQa = true;
        r.qa = qaFromJson(qa.value(QStringLiteral("result")).toObject());
    }

    const QJsonObject in = o.value(QStringLiteral("interpolation")).toObject();
    r.textA = in.value(QStringLiteral("text_a")).toString();
    r.textB = in.value(QStringLiteral("text_b")).toString();
    r.pathA = in.value(QStringLiteral("path_a")).toString();
    r.pathB = in.value(QStringLiteral("path_b")).toString();
    r.spherical = in.value(QStringLiteral("spherical")).toBool();
    r.alpha = in.value(QStringLiteral("alpha")).toDouble(0.5);
    for (const QJsonValue& v : in.value(QStringLiteral("curve")).toArray()) {
        const QJsonObject c = v.toObject();
        view::InterpolationPoint p;
        p.alpha = c.value(QStringLiteral("alpha")).toDouble();
        p.bleuToA = c.value(QStringLiteral("bleu_to_a")).toDouble();
        p.bleuToB = c.value(QStringLiteral("bleu_to_b")).toDouble();
        p.regenerated = c.value(QStringLiteral("regenerated")).toString();
        r.curve << p;
    }

    const QJsonObject batch = o.value(QStringLiteral("batch")).toObject();
    r.datasetPath = batch.value(QStringLiteral("dataset")).toString();
    for (const QJsonValue& v : batch.value(QStringLiteral("rows")).toArray())
        r.batchRows << rowFromJson(v.toObject());
    *s = r;
    return true;
}

bool SessionFile::save(const QString& path, const WorkbenchSession& session, QString* error)
{
    const QByteArray bytes = QJsonDocument(toJson(session)).toJson(QJsonDocument::Indented);
    return writeFileAtomically(path, bytes, error);
}

bool SessionFile::load(const QString& path, WorkbenchSession* session, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return false;
    }
    return fromBytes(file.readAll(), QFileInfo(path).fileName(), session, error);
}

bool SessionFile::fromBytes(const QByteArray& bytes, const QString& name, WorkbenchSession* session, QString* error)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
        if (error)
            *error = tr("%1 is not valid JSON: %2").arg(name, err.errorString());
        return false;
    }
    if (!doc.isObject()) {  // valid JSON, but an array or a bare value
        if (error)
            *error = tr("%1 does not hold a session (a JSON object)").arg(name);
        return false;
    }
    return fromJson(doc.object(), session, error);
}

}  // namespace xcomp::workbench
