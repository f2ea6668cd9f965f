#include "helpdock.h"

#include <QAction>
#include <QMainWindow>
#include <QTabWidget>

#include <algorithm>
#include <iterator>

#include "helppane.h"

namespace xcomp::workbench {

HelpDock::HelpDock(QMainWindow* window, QTabWidget* tabs, QAction* toggle)
    : QDockWidget(tr("Help for Students"), window)
{
    m_pane = new HelpPane(this);
    setObjectName(QStringLiteral("helpDock"));
    setWidget(m_pane);
    window->addDockWidget(Qt::RightDockWidgetArea, this);
    hide();
    m_pane->setMinimumWidth(240);
    connect(toggle, &QAction::toggled, this, [this, window](bool on) {
        setVisible(on);
        // The pane takes its room from the content, never from beyond the window: at most what the
        // central widget can give up (the window does not grow).
        if (on && width() < 340) {
            const int room = window->width() - window->centralWidget()->minimumSizeHint().width() - 12;
            window->resizeDocks({this}, {std::clamp(room, minimumSizeHint().width(), 360)}, Qt::Horizontal);
        }
    });
    connect(this, &QDockWidget::visibilityChanged, toggle, [window, toggle](bool visible) {
        if (!window->isMinimized())
            toggle->setChecked(visible);
    });
    connect(tabs, &QTabWidget::currentChanged, this, &HelpDock::showHelpForTab);
    showHelpForTab(tabs->currentIndex());
}

void HelpDock::showHelpForTab(int tab)
{
    static const HelpPane::Page pages[] = {HelpPane::Page::Regenerate, HelpPane::Page::Compare,
                                           HelpPane::Page::Attention,  HelpPane::Page::Interpolation,
                                           HelpPane::Page::QuestionAnswering, HelpPane::Page::Batch,
                                           HelpPane::Page::Ablation};
    m_pane->showPage(pages[std::clamp(tab, 0, int(std::size(pages)) - 1)]);
}

}  // namespace xcomp::workbench
