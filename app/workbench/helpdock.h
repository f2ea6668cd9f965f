// app/workbench/helpdock.h — the dock of help for students (HelpPane) on the window's right: it
// shows the help for the tab on screen and is shown and hidden by the Help for Students action.
#pragma once
#include <QDockWidget>

class QAction;
class QMainWindow;
class QTabWidget;

namespace xcomp::workbench {

class HelpPane;

class HelpDock : public QDockWidget {
    Q_OBJECT
public:
    // Docks itself in `window`, hidden; `tabs` are the window's, in MainWindow::Tab order.
    HelpDock(QMainWindow* window, QTabWidget* tabs, QAction* toggle);

    HelpPane* pane() const { return m_pane; }

private:
    void showHelpForTab(int tab);

    HelpPane* m_pane = nullptr;
};

}  // namespace xcomp::workbench
