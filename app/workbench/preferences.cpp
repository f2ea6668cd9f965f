#include "preferences.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace xcomp::workbench {

namespace {

QVariant value(const char* key, const QVariant& fallback = {})
{
    return QSettings().value(QLatin1String(key), fallback);
}

void setValue(const char* key, const QVariant& v)
{
    QSettings().setValue(QLatin1String(key), v);
}

}  // namespace

QString Preferences::device()
{
    const QString d = value("engine/device", QStringLiteral("cpu")).toString();
    return d.isEmpty() ? QStringLiteral("cpu") : d;
}
void Preferences::setDevice(const QString& device) { setValue("engine/device", device); }

int Preferences::threads() { return std::max(0, value("engine/threads", 0).toInt()); }
void Preferences::setThreads(int threads) { setValue("engine/threads", std::max(0, threads)); }

QString Preferences::language() { return value("ui/language").toString(); }
void Preferences::setLanguage(const QString& language) { setValue("ui/language", language); }

QString Preferences::lastModelDir() { return value("engine/modelDir").toString(); }
void Preferences::setLastModelDir(const QString& dir) { setValue("engine/modelDir", dir); }

QString Preferences::lastCompressor() { return value("engine/compressor").toString(); }
void Preferences::setLastCompressor(const QString& id) { setValue("engine/compressor", id); }

bool Preferences::captureAttention() { return value("engine/captureAttention", true).toBool(); }
void Preferences::setCaptureAttention(bool capture) { setValue("engine/captureAttention", capture); }

QString Preferences::lastDirectory()
{
    const QString d = value("ui/lastDirectory").toString();
    return d.isEmpty() || !QFileInfo(d).isDir() ? QDir::homePath() : d;
}
void Preferences::setLastDirectory(const QString& dir) { setValue("ui/lastDirectory", dir); }

QString Preferences::lastExportDirectory()
{
    const QString d = value("ui/lastExportDirectory").toString();
    return d.isEmpty() || !QFileInfo(d).isDir() ? lastDirectory() : d;
}
void Preferences::setLastExportDirectory(const QString& dir) { setValue("ui/lastExportDirectory", dir); }

bool Preferences::restoreLastSession() { return value("session/restoreLast", false).toBool(); }
void Preferences::setRestoreLastSession(bool restore) { setValue("session/restoreLast", restore); }
QString Preferences::lastSession() { return value("session/last").toString(); }
void Preferences::setLastSession(const QString& path) { setValue("session/last", path); }

QString Preferences::sessionToRestore()
{
    const QString path = lastSession();
    return restoreLastSession() && !path.isEmpty() && QFileInfo(path).isFile() ? path : QString();
}

QStringList Preferences::recentFiles() { return value("ui/recentFiles").toStringList(); }

void Preferences::addRecentFile(const QString& path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return;  // resources are not "recent files"
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(abs);
    files.prepend(abs);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    setValue("ui/recentFiles", files);
}

void Preferences::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    setValue("ui/recentFiles", files);
}

void Preferences::clearRecentFiles() { setValue("ui/recentFiles", QStringList()); }

QByteArray Preferences::windowGeometry() { return value("ui/geometry").toByteArray(); }
QByteArray Preferences::windowState() { return value("ui/state").toByteArray(); }
void Preferences::setWindowGeometry(const QByteArray& geometry, const QByteArray& state)
{
    setValue("ui/geometry", geometry);
    setValue("ui/state", state);
}

}  // namespace xcomp::workbench
