#include "filedialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

#include "preferences.h"

namespace xcomp::workbench::FileDialogs {

namespace {

QString remembered(const QString& path)
{
    if (!path.isEmpty())
        Preferences::setLastDirectory(QFileInfo(path).absolutePath());
    return path;
}

}  // namespace

QString inLastFolder(const QString& fileName)
{
    return QDir(Preferences::lastDirectory()).filePath(fileName);
}

QString askOpenPath(QWidget* parent, const QString& caption, const QString& filter)
{
    return remembered(QFileDialog::getOpenFileName(parent, caption, Preferences::lastDirectory(), filter));
}

QString askSavePath(QWidget* parent, const QString& caption, const QString& suggestion, const QString& filter,
                    const QString& suffix)
{
    QString path = QFileDialog::getSaveFileName(parent, caption, suggestion, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += suffix;
    return remembered(path);
}

}  // namespace xcomp::workbench::FileDialogs
