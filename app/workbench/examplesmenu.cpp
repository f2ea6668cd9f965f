#include "examplesmenu.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "batchpage.h"
#include "interpolationpage.h"
#include "textpanel.h"

namespace xcomp::workbench {

ExamplesMenu::ExamplesMenu(const QString& title, TextPanel* source, InterpolationPage* interpolation,
                           BatchPage* batch, QWidget* parent)
    : QMenu(title, parent), m_source(source)
{
    for (const QString& path : exampleFiles())
        connect(addAction(exampleTitle(path)), &QAction::triggered, this, [this, path] { loadExample(path); });
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
    const QString t = readExample(resourcePath);
    if (t.isEmpty())
        return false;
    m_source->setText(t);
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

QString ExamplesMenu::exampleTitle(const QString& resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return QFileInfo(resourcePath).baseName();
    return QString::fromUtf8(file.readLine()).trimmed();
}

QString ExamplesMenu::readExample(const QString& resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    file.readLine();  // the title
    return QString::fromUtf8(file.readAll()).trimmed();
}

}  // namespace xcomp::workbench
