// app/workbench/sessioncontroller.h — the session: the text, every page's settings and results and
// the model, saved to and restored from a session file (SessionFile), or handed to a new window when
// the language changes. Keeps the window's title (the session file's name) and its mark of unsaved
// changes.
#pragma once
#include <QObject>
#include <QString>

#include "pagecontext.h"

class QMainWindow;

namespace xcomp::workbench {

class AttentionPage;
class BatchPage;
class ComparePage;
class InterpolationPage;
class QaPage;
class RecentFilesMenu;
class RegeneratePage;
struct WorkbenchSession;

class SessionController : public QObject {
    Q_OBJECT
public:
    // The pages whose state a session holds.
    struct Pages {
        RegeneratePage* regenerate = nullptr;
        ComparePage* compare = nullptr;
        AttentionPage* attention = nullptr;
        InterpolationPage* interpolation = nullptr;
        QaPage* qa = nullptr;
        BatchPage* batch = nullptr;
    };

    SessionController(QMainWindow* window, const PageContext& context, const Pages& pages, RecentFilesMenu* recent);

    WorkbenchSession current() const;
    bool saveTo(const QString& path);
    bool loadFrom(const QString& path);
    bool save();    // File > Save Session: to the session's file, else as below
    bool saveAs();  // File > Save Session As: asks for a file; false when cancelled or failed
    // Before the window closes: unsaved changes ask Save / Discard / Cancel (a QMessageBox named
    // "unsavedSessionPrompt"); true when the window may close. Remembers the session file for
    // Preferences::sessionToRestore().
    bool confirmClose();
    // Takes over another window's work: its model and compressor, texts, results and session file.
    void resume(const WorkbenchSession& session, const QString& sessionPath, bool modified);
    QString path() const { return m_path; }

signals:
    void restored();  // a session's texts and results are on screen: the actions' states may change

private:
    // `origin` labels the restored regeneration (default: "from the session file").
    void apply(const WorkbenchSession& session, const QString& origin = QString());
    void setPath(const QString& path, bool modified);

    QMainWindow* m_window = nullptr;
    PageContext m_context;
    Pages m_pages;
    RecentFilesMenu* m_recent = nullptr;
    QString m_path;
};

}  // namespace xcomp::workbench
