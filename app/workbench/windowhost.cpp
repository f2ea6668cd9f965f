#include "windowhost.h"

#include <QTabWidget>

#include "mainwindow.h"
#include "sessionfile.h"
#include "translationmanager.h"

namespace xcomp::workbench {

WindowHost::WindowHost(QObject* parent) : QObject(parent), m_window(new MainWindow)
{
    watch(m_window);
}

WindowHost::~WindowHost()
{
    delete m_window;
}

void WindowHost::watch(MainWindow* window)
{
    // Queued: the request comes from inside the old window's preferences slot.
    connect(window, &MainWindow::languageChangeRequested, this, &WindowHost::switchLanguage, Qt::QueuedConnection);
}

QString WindowHost::switchLanguage(const QString& language)
{
    MainWindow* old = m_window;
    const QString installed = TranslationManager::install(language);
    auto* next = new MainWindow;
    if (old) {
        next->restoreGeometry(old->saveGeometry());
        next->restoreState(old->saveState());
        next->resumeWork(old->currentSession(), old->sessionPath(), old->isWindowModified());
        next->tabs()->setCurrentIndex(old->tabs()->currentIndex());
        if (old->isVisible())
            next->show();
    }
    m_window = next;
    watch(next);
    if (old) {
        old->closeHandedOver();
        old->deleteLater();
    }
    emit windowReplaced(next);
    return installed;
}

}  // namespace xcomp::workbench
