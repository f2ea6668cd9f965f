// app/workbench/preferences.h — typed access to the workbench's QSettings (after NotepadNext's
// ApplicationSetting): device, CPU threads, language, last model folder, recent files and a few
// view choices. Keys and defaults live here only.
#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace xcomp::workbench {

class Preferences {
public:
    static constexpr int kMaxRecentFiles = 8;

    static QString device();  // "cpu" (default) or "cuda"
    static void setDevice(const QString& device);
    static int threads();  // 0: LibTorch's default
    static void setThreads(int threads);
    static QString language();  // "" (system), "en", "de", "zh_CN"
    static void setLanguage(const QString& language);
    static QString lastModelDir();  // "" when never chosen
    static void setLastModelDir(const QString& dir);
    static QString lastCompressor();
    static void setLastCompressor(const QString& id);
    static bool captureAttention();  // default true
    static void setCaptureAttention(bool capture);
    static QString lastDirectory();  // for file dialogs
    static void setLastDirectory(const QString& dir);
    static QString lastExportDirectory();  // for export dialogs; falls back to lastDirectory()
    static void setLastExportDirectory(const QString& dir);

    // The session file open when the window last closed, reopened at start when the user wants it.
    static bool restoreLastSession();  // default false
    static void setRestoreLastSession(bool restore);
    static QString lastSession();
    static void setLastSession(const QString& path);
    // lastSession() when restoreLastSession() is on and the file still exists, else "".
    static QString sessionToRestore();

    static QStringList recentFiles();
    static void addRecentFile(const QString& path);  // most recent first, no duplicates
    static void removeRecentFile(const QString& path);
    static void clearRecentFiles();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowGeometry(const QByteArray& geometry, const QByteArray& state);
};

}  // namespace xcomp::workbench
