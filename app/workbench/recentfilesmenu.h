// app/workbench/recentfilesmenu.h — File > Open Recent: the files of Preferences::recentFiles(),
// numbered, most recent first, with Clear List. Files are added and removed through it, so that the
// menu always shows the list as stored.
#pragma once
#include <QMenu>

namespace xcomp::workbench {

class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    RecentFilesMenu(const QString& title, QWidget* parent = nullptr);

    void add(const QString& path);
    void remove(const QString& path);

signals:
    void openRequested(const QString& path);

private:
    void rebuild();
};

}  // namespace xcomp::workbench
