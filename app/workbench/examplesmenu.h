// app/workbench/examplesmenu.h — the Examples menu: the bundled texts (:/examples/*.txt, each titled
// by its first line) for the left side, a pair of abstracts for the Interpolation tab and the sample
// dataset for the Batch tab.
#pragma once
#include <QMenu>
#include <QStringList>

namespace xcomp::workbench {

class BatchPage;
class InterpolationPage;
class TextPanel;

class ExamplesMenu : public QMenu {
    Q_OBJECT
public:
    ExamplesMenu(const QString& title, TextPanel* source, InterpolationPage* interpolation, BatchPage* batch,
                 QWidget* parent = nullptr);

    bool loadExample(const QString& resourcePath);  // onto the left side

    static QStringList exampleFiles();
    static QString exampleTitle(const QString& resourcePath);
    static QString readExample(const QString& resourcePath);  // text without its title line

signals:
    void showRequested(QWidget* page);  // an example was put in this tab: bring it to the front

private:
    TextPanel* m_source = nullptr;
};

}  // namespace xcomp::workbench
