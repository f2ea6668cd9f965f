#include "viewexports.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "errorstyle.h"
#include "exportbutton.h"
#include "messagebar.h"
#include "preferences.h"
#include "sessionfile.h"

namespace xcomp::workbench::ViewExports {

namespace {

QJsonObject countsJson(const view::DiffData& diff)
{
    const QVector<int> counts = ErrorStyle::countSpans(diff);
    QJsonObject o;
    for (view::ErrorType t : ErrorStyle::errorTypes())
        o[ErrorStyle::key(t)] = counts.at(int(t));
    return o;
}

QJsonObject regenerationObject(const view::RegenerationView& r)
{
    QJsonObject o;
    o[QStringLiteral("compressor")] = r.compressorLabel;
    o[QStringLiteral("metrics")] = SessionFile::metricsToJson(r.metrics);
    o[QStringLiteral("error_counts")] = countsJson(r.diff);
    o[QStringLiteral("diff")] = SessionFile::diffToJson(r.diff);
    return o;
}

// A CSV field: quoted when it holds a separator, a quote or a line break.
QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString num(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);  // C locale, round-trips
}

}  // namespace

QByteArray regenerationJson(const view::RegenerationView& r)
{
    QJsonObject o = regenerationObject(r);
    o[QStringLiteral("format")] = QStringLiteral("xcomp-regeneration");
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

DiffExport::Numbers regenerationNumbers(const view::RegenerationMetrics& m)
{
    const QLocale l;
    DiffExport::Numbers n;
    n << qMakePair(QStringLiteral("BLEU"), l.toString(m.bleu, 'f', 3))
      << qMakePair(QStringLiteral("ROUGE-L F"), l.toString(m.rougeLF, 'f', 3))
      << qMakePair(QStringLiteral("EM"), l.toString(m.exactMatch, 'f', 0))
      << qMakePair(QCoreApplication::translate("xcomp::workbench::ViewExports", "Compression"),
                   QCoreApplication::translate("xcomp::workbench::ViewExports", "%1 tokens into %2 (%3×)")
                       .arg(l.toString(m.sourceTokens), l.toString(m.memoryTokens), l.toString(m.compressionRatio, 'f', 1)))
      << qMakePair(QCoreApplication::translate("xcomp::workbench::ViewExports", "Time"),
                   QCoreApplication::translate("xcomp::workbench::ViewExports", "compress %1 ms, regenerate %2 ms")
                       .arg(l.toString(m.compressMs, 'f', 0), l.toString(m.regenerateMs, 'f', 0)));
    return n;
}

QByteArray compareCsv(const QVector<view::RegenerationView>& results)
{
    QStringList header{QStringLiteral("compressor"), QStringLiteral("bleu"), QStringLiteral("rouge_l_f"),
                       QStringLiteral("exact_match")};
    for (view::ErrorType t : ErrorStyle::errorTypes())
        header << ErrorStyle::key(t);
    QString csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const view::RegenerationView& r : results) {
        QStringList row{csvField(r.compressorLabel), num(r.metrics.bleu), num(r.metrics.rougeLF), num(r.metrics.exactMatch)};
        const QVector<int> counts = ErrorStyle::countSpans(r.diff);
        for (view::ErrorType t : ErrorStyle::errorTypes())
            row << QString::number(counts.at(int(t)));
        csv += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv.toUtf8();
}

QByteArray compareJson(const QString& original, const QVector<view::RegenerationView>& results)
{
    QJsonArray columns;
    for (const view::RegenerationView& r : results)
        columns.append(regenerationObject(r));
    QJsonObject o;
    o[QStringLiteral("format")] = QStringLiteral("xcomp-compare");
    o[QStringLiteral("original")] = original;
    o[QStringLiteral("columns")] = columns;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray curveCsv(const QVector<view::InterpolationPoint>& curve)
{
    QString csv = QStringLiteral("alpha,bleu_to_a,bleu_to_b\n");
    for (const view::InterpolationPoint& p : curve)
        csv += num(p.alpha) + QLatin1Char(',') + num(p.bleuToA) + QLatin1Char(',') + num(p.bleuToB) + QLatin1Char('\n');
    return csv.toUtf8();
}

QByteArray curveJson(const QVector<view::InterpolationPoint>& curve, bool spherical)
{
    QJsonArray points;
    for (const view::InterpolationPoint& p : curve) {
        QJsonObject o;
        o[QStringLiteral("alpha")] = p.alpha;
        o[QStringLiteral("bleu_to_a")] = p.bleuToA;
        o[QStringLiteral("bleu_to_b")] = p.bleuToB;
        o[QStringLiteral("regenerated")] = p.regenerated;
        points.append(o);
    }
    QJsonObject o;
    o[QStringLiteral("format")] = QStringLiteral("xcomp-interpolation-curve");
    o[QStringLiteral("mixing")] = spherical ? QStringLiteral("slerp") : QStringLiteral("linear");
    o[QStringLiteral("points")] = points;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString exportedMessage(const QStringList& paths)
{
    if (paths.size() == 1)
        return QCoreApplication::translate("xcomp::workbench::ViewExports", "Exported to %1")
            .arg(QDir::toNativeSeparators(paths.first()));
    return QCoreApplication::translate("xcomp::workbench::ViewExports", "Exported %n file(s) to %1", nullptr,
                                       int(paths.size()))
        .arg(QDir::toNativeSeparators(QFileInfo(paths.first()).absolutePath()));
}

void announce(ExportButton* button, MessageBar* messages)
{
    button->setExportFolder(Preferences::lastExportDirectory());
    // Another tab may have exported since: open where that export went.
    QObject::connect(button, &ExportButton::aboutToExport, button,
                     [button] { button->setExportFolder(Preferences::lastExportDirectory()); });
    QObject::connect(button, &ExportButton::exported, messages, [button, messages](const QStringList& paths) {
        Preferences::setLastExportDirectory(button->exportFolder());
        messages->showInformation(exportedMessage(paths));
    });
}

}  // namespace xcomp::workbench::ViewExports
