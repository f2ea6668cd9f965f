// app/workbench/viewexports.h — what the tabs' Export menus write, as bytes (JSON, CSV) or HTML,
// in the session file's vocabulary (sessionfile.h: the same keys for metrics and diffs), and the
// one place where an export is announced: exportsAnnounced() connects an ExportButton to the message
// bar ("Exported to …") and to the remembered export folder (Preferences::lastExportDirectory).
#pragma once
#include <QByteArray>
#include <QString>
#include <QVector>

#include "diffexport.h"
#include "viewdata.h"

namespace xcomp {
class ExportButton;
}

namespace xcomp::workbench {

class MessageBar;

namespace ViewExports {

// One regeneration: compressor, metrics, error counts per type and the diff with its spans.
QByteArray regenerationJson(const view::RegenerationView& r);
// The numbers the metrics strip shows, for the head of an HTML/PDF/PNG export.
DiffExport::Numbers regenerationNumbers(const view::RegenerationMetrics& m);
// Compare: one row per compressor (BLEU, ROUGE-L F, EM, error counts), and everything as JSON.
QByteArray compareCsv(const QVector<view::RegenerationView>& results);
QByteArray compareJson(const QString& original, const QVector<view::RegenerationView>& results);
// The interpolation curve: alpha, BLEU to A, BLEU to B (and the text at each point, JSON only).
QByteArray curveCsv(const QVector<view::InterpolationPoint>& curve);
QByteArray curveJson(const QVector<view::InterpolationPoint>& curve, bool spherical);

// "Exported to …" in the message bar after each export of `button`; its dialogs open in the folder
// of the last export anywhere in the workbench.
void announce(ExportButton* button, MessageBar* messages);
QString exportedMessage(const QStringList& paths);

}  // namespace ViewExports

}  // namespace xcomp::workbench
