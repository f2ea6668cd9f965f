// app/workbench/examplesmenu.h — the Examples menu: the bundled texts (:/examples/*.txt) for the left
// side, a pair of abstracts for the Interpolation tab and the sample dataset for the Batch tab.
//
// An example file is its title line, optional header lines ("Question: …", "Answers: a | b",
// "Language: de"), a blank line and the text. A question goes to the Question Answering tab with its
// gold answers; a text in another language than English says that the bundled model is English-only.
#pragma once
#include <QMenu>
#include <QStringList>

namespace xcomp::workbench {

class BatchPage;
class InterpolationPage;
class MessageBar;
class QaPage;
class TextPanel;

class ExamplesMenu : public QMenu {
    Q_OBJECT
public:
    struct Example {
        QString title, text;
        QString question;
        QStringList answers;
        QString language = QStringLiteral("en");  // BCP 47 code of the text
    };

    ExamplesMenu(const QString& title, TextPanel* source, QaPage* qa, InterpolationPage* interpolation,
                 BatchPage* batch, MessageBar* messages, QWidget* parent = nullptr);

    bool loadExample(const QString& resourcePath);  // onto the left side (and its question into the QA tab)
    // The example a newcomer finds on the left at start: an abstract, or a sentence for a tiny test model.
    bool loadStarterExample(bool tinyModel);

    static QStringList exampleFiles();
    static Example parseExample(const QString& resourcePath);
    static QString exampleTitle(const QString& resourcePath);
    static QString readExample(const QString& resourcePath);  // the text alone
    // For an example not in English: that the bundled model was trained on English only.
    static QString languageNote(const QString& language);

signals:
    void showRequested(QWidget* page);  // an example was put in this tab: bring it to the front

private:
    bool show(const Example& example, bool asEdit);

    TextPanel* m_source = nullptr;
    QaPage* m_qa = nullptr;
    MessageBar* m_messages = nullptr;
};

}  // namespace xcomp::workbench
