// app/workbench/filedialogs.h — the workbench's file dialogs start in the folder used last
// (Preferences::lastDirectory) and remember the folder of the file chosen.
#pragma once
#include <QString>

class QWidget;

namespace xcomp::workbench::FileDialogs {

QString inLastFolder(const QString& fileName);  // a path to suggest for a new file
// An existing file; "" when cancelled.
QString askOpenPath(QWidget* parent, const QString& caption, const QString& filter);
// A file to write, with `suffix` (".xcs") added when the name has none; "" when cancelled.
QString askSavePath(QWidget* parent, const QString& caption, const QString& suggestion, const QString& filter,
                    const QString& suffix);

}  // namespace xcomp::workbench::FileDialogs
