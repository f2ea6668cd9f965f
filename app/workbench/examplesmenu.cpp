#include "examplesmenu.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include "batchpage.h"
#include "interpolationpage.h"
#include "messagebar.h"
#include "qapage.h"
#include "textpanel.h"

namespace xcomp::workbench {

ExamplesMenu::ExamplesMenu(const QString& title, TextPanel* source, QaPage* qa, InterpolationPage* interpolation,
                           BatchPage* batch, MessageBar* messages, QWidget* parent)
    : QMenu(title, parent), m_source(source), m_qa(qa), m_messages(messages)
{
    setToolTipsVisible(true);
    for (const QString& path : exampleFiles()) {
        const Example ex = parseExample(path);
        QAction* a = addAction(ex.title);
        a->setToolTip(ex.question.isEmpty() ? languageNote(ex.language)
                                            : tr("With a question in the Question Answering tab: %1").arg(ex.question));
        connect(a, &QAction::triggered, this, [this, path] { loadExample(path); });
    }
    addSeparator();
    connect(addAction(tr("Interpolation Pair (Two Abstracts)")), &QAction::triggered, this, [this, interpolation] {
        interpolation->useTexts(readExample(QStringLiteral(":/examples/abstract-sparse-routing.txt")),
                                readExample(QStringLiteral(":/examples/abstract-glacier-sensing.txt")));
        emit showRequested(interpolation);
    });
    connect(addAction(tr("Sample Dataset (Batch Tab)")), &QAction::triggered, this, [this, batch] {
        if (batch->openDataset(QStringLiteral(":/examples/sample-dataset.jsonl")))
            emit showRequested(batch);
    });
}

bool ExamplesMenu::loadExample(const QString& resourcePath)
{
    return show(parseExample(resourcePath), true);
}

bool ExamplesMenu::loadStarterExample(bool tinyModel)
{
    // Not an edit: a window that only shows its starter example has nothing to save.
    return show(parseExample(tinyModel ? QStringLiteral(":/examples/short-baker.txt")
                                       : QStringLiteral(":/examples/abstract-sparse-routing.txt")),
                false);
}

bool ExamplesMenu::show(const Example& ex, bool asEdit)
{
    if (ex.text.isEmpty())
        return false;
    if (asEdit)
        m_source->setText(ex.text);
    else
        m_source->restoreText(ex.text);
    if (!ex.question.isEmpty()) {
        m_qa->setQuestion(ex.question);
        m_qa->setGoldText(ex.answers.join(QLatin1Char('\n')));
    }
    const QString note = languageNote(ex.language);
    if (!note.isEmpty())
        m_messages->showWarning(note);
    return true;
}

QStringList ExamplesMenu::exampleFiles()
{
    QStringList files;
    QDirIterator it(QStringLiteral(":/examples"), {QStringLiteral("*.txt")}, QDir::Files);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

ExamplesMenu::Example ExamplesMenu::parseExample(const QString& resourcePath)
{
    Example ex;
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        ex.title = QFileInfo(resourcePath).baseName();
        return ex;
    }
    ex.title = QString::fromUtf8(file.readLine()).trimmed();
    static const QRegularExpression header(QStringLiteral("^(Question|Answers|Language):\\s*(.*)$"));
    QString body;
    bool inHeader = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine());
        const QRegularExpressionMatch m = inHeader ? header.match(line.trimmed()) : QRegularExpressionMatch();
        if (m.hasMatch()) {
            const QString key = m.captured(1), value = m.captured(2).trimmed();
            if (key == QLatin1String("Question"))
                ex.question = value;
            else if (key == QLatin1String("Answers"))
                for (const QString& a : value.split(QLatin1Char('|'), Qt::SkipEmptyParts))
                    ex.answers << a.trimmed();
            else
                ex.language = value;
            continue;
        }
        inHeader = false;
        body += line;
    }
    ex.text = body.trimmed();
    return ex;
}

QString ExamplesMenu::exampleTitle(const QString& resourcePath)
{
    return parseExample(resourcePath).title;
}

QString ExamplesMenu::readExample(const QString& resourcePath)
{
    return parseExample(resourcePath).text;
}

QString ExamplesMenu::languageNote(const QString& language)
{
    if (language.isEmpty() || language.startsWith(QLatin1String("en")))
        return QString();
    return language.startsWith(QLatin1String("de"))
               ? tr("This text is in German. The bundled model was trained on English texts only, so expect a "
                    "weak regeneration: the example shows what a compressor does outside its training data.")
           : language.startsWith(QLatin1String("zh"))
               ? tr("This text is in Chinese. The bundled model was trained on English texts only, so expect a "
                    "weak regeneration: the example shows what a compressor does outside its training data.")
               : tr("This text is not in English. The bundled model was trained on English texts only, so "
                    "expect a weak regeneration.");
}

}  // namespace xcomp::workbench
