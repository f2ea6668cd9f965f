#include "evaltablemodel.h"

#include <QLocale>

#include <QBrush>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "atomicwrite.h"
#include "errorstyle.h"
#include "teachingtext.h"

namespace xcomp {

using view::ErrorType;

namespace {

QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

}  // namespace

EvalTableModel::EvalTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void EvalTableModel::setRows(const QVector<view::EvalRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void EvalTableModel::appendRow(const view::EvalRow& row)
{
    const int at = int(m_rows.size());
    beginInsertRows(QModelIndex(), at, at);
    m_rows.append(row);
    endInsertRows();
}

void EvalTableModel::clear()
{
    setRows({});
}

int EvalTableModel::columnOf(ErrorType type)
{
    switch (type) {
    case ErrorType::Mistake: return MistakeColumn;
    case ErrorType::InformationLoss: return InformationLossColumn;
    case ErrorType::Hallucination: return HallucinationColumn;
    case ErrorType::Paraphrase: return ParaphraseColumn;
    case ErrorType::Equal: break;
    }
    return -1;
}

ErrorType EvalTableModel::errorTypeOf(int column)
{
    switch (column) {
    case MistakeColumn: return ErrorType::Mistake;
    case InformationLossColumn: return ErrorType::InformationLoss;
    case HallucinationColumn: return ErrorType::Hallucination;
    case ParaphraseColumn: return ErrorType::Paraphrase;
    default: return ErrorType::Equal;
    }
}

QString EvalTableModel::columnKey(int column)
{
    switch (column) {
    case IdColumn: return QStringLiteral("id");
    case MethodColumn: return QStringLiteral("method");
    case MemoryTokensColumn: return QStringLiteral("memory_tokens");
    case LengthColumn: return QStringLiteral("length");
    case BleuColumn: return QStringLiteral("bleu");
    case RougeLColumn: return QStringLiteral("rouge_l_f");
    case ExactMatchColumn: return QStringLiteral("exact_match");
    case TeacherForcedColumn: return QStringLiteral("teacher_forced_accuracy");
    case PrefixExactMatchColumn: return QStringLiteral("prefix_exact_match");
    case RatioColumn: return QStringLiteral("compression_ratio");
    case MistakeColumn: return QStringLiteral("mistakes");
    case InformationLossColumn: return QStringLiteral("information_loss");
    case HallucinationColumn: return QStringLiteral("hallucinations");
    case ParaphraseColumn: return QStringLiteral("paraphrases");
    default: return QString();
    }
}

QVariant EvalTableModel::rawValue(const view::EvalRow& row, int column)
{
    const view::RegenerationMetrics& m = row.metrics;
    switch (column) {
    case IdColumn: return row.id;
    case MethodColumn: return row.method;
    case MemoryTokensColumn: return double(row.memoryTokens);
    case LengthColumn: return double(row.length);
    case BleuColumn: return m.bleu;
    case RougeLColumn: return m.rougeLF;
    case ExactMatchColumn: return m.exactMatch;
    case TeacherForcedColumn: return m.teacherForcedAccuracy;  // < 0: not measured
    case PrefixExactMatchColumn: return m.prefixExactMatch;
    case RatioColumn: return m.compressionRatio;
    case MistakeColumn:
    case InformationLossColumn:
    case HallucinationColumn:
    case ParaphraseColumn: return double(row.errorCounts[int(errorTypeOf(column))]);
    default: return QVariant();
    }
}

QString EvalTableModel::displayText(const view::EvalRow& row, int column)
{
    const view::RegenerationMetrics& m = row.metrics;
    const QLocale loc;
    switch (column) {
    case IdColumn: return row.id;
    // The compressor's own label: length variants of one method and m ("AOC m=16 (texts up to 192
    // tokens)") stay apart; numbers in the interface's locale (German "0,030").
    case MethodColumn: return row.compressor.isEmpty() ? row.method : row.compressor;
    case MemoryTokensColumn: return loc.toString(row.memoryTokens);
    case LengthColumn: return loc.toString(row.length);
    case BleuColumn: return loc.toString(m.bleu, 'f', 3);
    case RougeLColumn: return loc.toString(m.rougeLF, 'f', 3);
    case ExactMatchColumn: return loc.toString(m.exactMatch, 'f', m.exactMatch == 0 || m.exactMatch == 1 ? 0 : 2);
    case TeacherForcedColumn:
        return m.teacherForcedAccuracy < 0 ? QString(QChar(0x2014)) : loc.toString(m.teacherForcedAccuracy, 'f', 3);
    case PrefixExactMatchColumn: return loc.toString(m.prefixExactMatch, 'f', 3);
    case RatioColumn: return loc.toString(m.compressionRatio, 'f', 1) + QChar(0x00d7);
    case MistakeColumn:
    case InformationLossColumn:
    case HallucinationColumn:
    case ParaphraseColumn: return loc.toString(row.errorCounts[int(errorTypeOf(column))]);
    default: return QString();
    }
}

int EvalTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EvalTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvalTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const view::EvalRow& row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayText(row, column);
    case SortRole: return column == MethodColumn ? QVariant(displayText(row, column)) : rawValue(row, column);
    case RowRole: return QVariant::fromValue(row);
    case Qt::TextAlignmentRole:
        return int((column == IdColumn || column == MethodColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    case Qt::ForegroundRole: {
        const ErrorType type = errorTypeOf(column);
        if (type != ErrorType::Equal && row.errorCounts[int(type)] > 0)
            return QBrush(ErrorStyle::accent(type).darker(140));
        return QVariant();
    }
    case Qt::ToolTipRole:
        if (column == IdColumn && !row.diff.original.isEmpty())
            return ErrorStyle::elide(row.diff.original, 200);
        return QVariant();
    default: return QVariant();
    }
}

QVariant EvalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn: return tr("Id");
        case MethodColumn: return tr("Compressor");
        case MemoryTokensColumn: return tr("m");
        case LengthColumn: return tr("Length");
        case BleuColumn: return tr("BLEU");
        case RougeLColumn: return tr("ROUGE-L F");
        case ExactMatchColumn: return tr("EM");
        case TeacherForcedColumn: return tr("TF acc");
        case PrefixExactMatchColumn: return tr("Prefix EM");
        case RatioColumn: return tr("Ratio");
        default: return ErrorStyle::name(errorTypeOf(section));
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MemoryTokensColumn: return TeachingText::tooltip(TeachingText::Topic::MemoryTokens);
        case LengthColumn: return tr("Length of the source text in tokens.");
        case BleuColumn:
        case RougeLColumn:
        case ExactMatchColumn:
        case PrefixExactMatchColumn: return TeachingText::tooltip(TeachingText::Topic::Metrics);
        case TeacherForcedColumn:
            return tr("Teacher-forced accuracy: the share of the original's tokens the decoder ranks first "
                      "when it is given the original text before each one. EM lets it continue from its "
                      "own words instead, so one early error fails EM while TF acc stays high.");
        case RatioColumn: return TeachingText::tooltip(TeachingText::Topic::CompressionRatio);
        case MistakeColumn:
        case InformationLossColumn:
        case HallucinationColumn:
        case ParaphraseColumn:
            return tr("Spans of this type: %1").arg(ErrorStyle::explanation(errorTypeOf(section)));
        default: return QVariant();
        }
    }
    return QVariant();
}

QByteArray EvalTableModel::toCsv(const QVector<view::EvalRow>& rows)
{
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << columnKey(c);
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const view::EvalRow& row : rows) {
        QStringList fields;
        for (int c = 0; c < ColumnCount; ++c) {
            const QVariant v = rawValue(row, c);
            if (c == IdColumn || c == MethodColumn)
                fields << csvField(v.toString());
            else if (c == TeacherForcedColumn && v.toDouble() < 0)
                fields << QString();  // not measured
            else if (c == MemoryTokensColumn || c == LengthColumn || errorTypeOf(c) != ErrorType::Equal)
                fields << QString::number(qint64(v.toDouble()));
            else
                fields << number(v.toDouble());
        }
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray EvalTableModel::toJson(const QVector<view::EvalRow>& rows)
{
    QJsonArray array;
    for (const view::EvalRow& row : rows) {
        const view::RegenerationMetrics& m = row.metrics;
        QJsonObject errors;
        errors.insert(QStringLiteral("equal"), row.errorCounts[int(ErrorType::Equal)]);
        errors.insert(QStringLiteral("mistake"), row.errorCounts[int(ErrorType::Mistake)]);
        errors.insert(QStringLiteral("information_loss"), row.errorCounts[int(ErrorType::InformationLoss)]);
        errors.insert(QStringLiteral("hallucination"), row.errorCounts[int(ErrorType::Hallucination)]);
        errors.insert(QStringLiteral("paraphrase"), row.errorCounts[int(ErrorType::Paraphrase)]);
        QJsonObject o;
        o.insert(QStringLiteral("id"), row.id);
        o.insert(QStringLiteral("method"), row.method);
        o.insert(QStringLiteral("memory_tokens"), row.memoryTokens);
        o.insert(QStringLiteral("length"), row.length);
        o.insert(QStringLiteral("bleu"), m.bleu);
        o.insert(QStringLiteral("rouge_l_f"), m.rougeLF);
        o.insert(QStringLiteral("exact_match"), m.exactMatch);
        o.insert(QStringLiteral("prefix_exact_match"), m.prefixExactMatch);
        if (m.teacherForcedAccuracy >= 0)
            o.insert(QStringLiteral("teacher_forced_accuracy"), m.teacherForcedAccuracy);
        o.insert(QStringLiteral("source_tokens"), m.sourceTokens);
        o.insert(QStringLiteral("compression_ratio"), m.compressionRatio);
        o.insert(QStringLiteral("compressed_bytes"), double(m.compressedBytes));
        o.insert(QStringLiteral("full_kv_bytes"), double(m.fullKvBytes));
        o.insert(QStringLiteral("compress_ms"), m.compressMs);
        o.insert(QStringLiteral("regenerate_ms"), m.regenerateMs);
        o.insert(QStringLiteral("errors"), errors);
        o.insert(QStringLiteral("original"), row.diff.original);
        o.insert(QStringLiteral("regenerated"), row.diff.regenerated);
        array.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("xcomp-eval-table"));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("rows"), array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool EvalTableModel::exportCsv(const QString& path, QString* error) const
{
    return writeFileAtomically(path, toCsv(m_rows), error);
}

bool EvalTableModel::exportJson(const QString& path, QString* error) const
{
    return writeFileAtomically(path, toJson(m_rows), error);
}

}  // namespace xcomp
