// app/workbench/sessionfile.h — a workbench session as JSON: the texts, the settings and the
// results on screen (regeneration, comparison, QA, interpolation curve, batch rows), so a session
// reopens as it was left without running the engine again. Attention weights are not stored (they
// are large; run again to see them). Written atomically (writeFileAtomically).
//
// {"format": "xcomp-workbench-session", "version": 1, "model_dir": ..., "device": ...,
//  "compressor": ..., "text": ..., "regeneration": {...}, "compare": [...], "qa": {...},
//  "interpolation": {...}, "batch": {...}}
#pragma once
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include "atomicwrite.h"
#include "enginetypes.h"
#include "viewdata.h"

namespace xcomp::workbench {

struct WorkbenchSession {
    QString modelDir;
    QString device;
    QString compressorId;
    QString text;

    bool hasRegeneration = false;
    view::RegenerationView regeneration;
    QVector<view::RegenerationView> compare;
    QStringList compareSelection;  // the compressors checked in the Compare tab (empty: all)

    QString question;
    QString goldAnswers;  // as typed, one per line
    bool hasQa = false;
    QaResult qa;

    QString textA, textB, pathA, pathB;
    bool spherical = false;
    double alpha = 0.5;
    QVector<view::InterpolationPoint> curve;

    QString datasetPath;
    QVector<view::EvalRow> batchRows;
};

class SessionFile {
    Q_DECLARE_TR_FUNCTIONS(xcomp::workbench::SessionFile)
public:
    static constexpr int kVersion = 1;
    static QString formatName() { return QStringLiteral("xcomp-workbench-session"); }
    static QString suffix() { return QStringLiteral("xcs"); }

    static QJsonObject toJson(const WorkbenchSession& session);
    // False (with a message) when the object is not a session of a version this build reads.
    static bool fromJson(const QJsonObject& json, WorkbenchSession* session, QString* error);

    static bool save(const QString& path, const WorkbenchSession& session, QString* error);
    static bool load(const QString& path, WorkbenchSession* session, QString* error);
    // A session file's content; `name` is shown in messages (load() reads the file and calls this).
    static bool fromBytes(const QByteArray& bytes, const QString& name, WorkbenchSession* session, QString* error);

    // Building blocks, shared with tests.
    static QJsonObject diffToJson(const view::DiffData& diff);
    static view::DiffData diffFromJson(const QJsonObject& json);
    static QJsonObject metricsToJson(const view::RegenerationMetrics& m);
    static view::RegenerationMetrics metricsFromJson(const QJsonObject& json);
};

// Session files are written by the widgets' writeFileAtomically (atomicwrite.h).
using xcomp::writeFileAtomically;

}  // namespace xcomp::workbench
