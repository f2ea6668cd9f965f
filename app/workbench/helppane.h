// app/workbench/helppane.h — short explanations for students next to the results: the TeachingText
// topics that matter for the tab on screen, plus a few words on what the tab does.
#pragma once
#include <QWidget>

class QTextBrowser;

namespace xcomp::workbench {

class HelpPane : public QWidget {
    Q_OBJECT
public:
    enum class Page { Regenerate, Compare, Attention, Interpolation, QuestionAnswering, Batch, Ablation };

    explicit HelpPane(QWidget* parent = nullptr);

    void showPage(Page page);
    Page page() const { return m_page; }
    QString html() const;
    static QString pageHtml(Page page);
    static QString aboutHtml();  // Help > About: the versions and the methods

private:
    QTextBrowser* m_browser = nullptr;
    Page m_page = Page::Regenerate;
};

}  // namespace xcomp::workbench
