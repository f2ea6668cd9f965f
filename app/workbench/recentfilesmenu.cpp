#include "recentfilesmenu.h"

#include <QDir>
#include <QFileInfo>

#include "preferences.h"

namespace xcomp::workbench {

RecentFilesMenu::RecentFilesMenu(const QString& title, QWidget* parent) : QMenu(title, parent)
{
    rebuild();
}

void RecentFilesMenu::add(const QString& path)
{
    Preferences::addRecentFile(path);
    rebuild();
}

void RecentFilesMenu::remove(const QString& path)
{
    Preferences::removeRecentFile(path);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList files = Preferences::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction* a = addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (files.isEmpty()) {
        QAction* none = addAction(tr("No recent files"));
        none->setEnabled(false);
    } else {
        addSeparator();
        QAction* clearList = addAction(tr("&Clear List"));
        connect(clearList, &QAction::triggered, this, [this] {
            Preferences::clearRecentFiles();
            rebuild();
        });
    }
}

}  // namespace xcomp::workbench
