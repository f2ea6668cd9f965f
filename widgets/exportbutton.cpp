#include "exportbutton.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace xcomp {

ExportButton::ExportButton(QWidget* parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("exportButton"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* menu = new QMenu(this);
    setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        emit aboutToExport();
        const bool available = isAvailable();
        for (QAction* a : menu->actions())
            if (!a->isSeparator())
                a->setEnabled(available);
    });
    retranslate();
}

void ExportButton::retranslate()
{
    setText(tr("Export"));
    setToolTip(tr("Save what this view shows as a file"));
}

void ExportButton::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolButton::changeEvent(event);
}

void ExportButton::addFileExport(const QString& key, const QString& text, const QString& caption,
                                 const QString& fileName, const QString& filter, FileWriter write)
{
    m_entries.push_back(Entry{key, caption, fileName, filter, std::move(write), {}});
    QAction* action = menu()->addAction(text, this, [this, key] { runDialog(key); });
    action->setObjectName(key);
}

void ExportButton::addFolderExport(const QString& key, const QString& text, const QString& caption, FolderWriter write)
{
    m_entries.push_back(Entry{key, caption, {}, {}, {}, std::move(write)});
    QAction* action = menu()->addAction(text, this, [this, key] { runDialog(key); });
    action->setObjectName(key);
}

void ExportButton::addSeparator()
{
    menu()->addSeparator();
}

QStringList ExportButton::keys() const
{
    QStringList keys;
    for (const Entry& e : m_entries)
        keys << e.key;
    return keys;
}

const ExportButton::Entry* ExportButton::entry(const QString& key) const
{
    for (const Entry& e : m_entries)
        if (e.key == key)
            return &e;
    return nullptr;
}

bool ExportButton::exportTo(const QString& key, const QString& path, QString* error)
{
    const Entry* e = entry(key);
    QString message;
    QStringList written;
    if (!e) {
        message = tr("There is no export \"%1\".").arg(key);
    } else if (!isAvailable()) {
        message = tr("There is nothing to export yet.");
    } else if (e->file) {
        if (e->file(path, &message))
            written << path;
    } else {
        written = e->folder(path, &message);
    }
    if (written.isEmpty()) {
        if (error)
            *error = message;
        return false;
    }
    m_folder = QFileInfo(written.first()).absolutePath();
    emit exported(written);
    return true;
}

void ExportButton::runDialog(const QString& key)
{
    const Entry* e = entry(key);
    if (!e)
        return;
    QString path;
    if (e->file) {
        const QString suggestion = m_folder.isEmpty() ? e->fileName : QDir(m_folder).filePath(e->fileName);
        path = QFileDialog::getSaveFileName(this, e->caption, suggestion, e->filter);
        // A name typed without its suffix gets the suggested one.
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QLatin1Char('.') + QFileInfo(e->fileName).suffix();
    } else {
        path = QFileDialog::getExistingDirectory(this, e->caption, m_folder);
    }
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(key, path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

}  // namespace xcomp
