#include "filecontroller.h"

#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMainWindow>
#include <QMimeData>
#include <QUrl>

#include "batchpage.h"
#include "filedialogs.h"
#include "interpolationpage.h"
#include "messagebar.h"
#include "recentfilesmenu.h"
#include "sessioncontroller.h"
#include "sessionfile.h"
#include "textpanel.h"

namespace xcomp::workbench {

FileController::FileController(QMainWindow* window, const PageContext& context, SessionController* session,
                               InterpolationPage* interpolation, BatchPage* batch, RecentFilesMenu* recent)
    : QObject(window), m_window(window), m_context(context), m_session(session), m_interpolation(interpolation),
      m_batch(batch), m_recent(recent)
{
    connect(m_recent, &RecentFilesMenu::openRequested, this, &FileController::openFile);
    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);
}

bool FileController::openFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (!QFileInfo::exists(path)) {
        m_context.messages->showError(tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        m_recent->remove(path);
        return false;
    }
    if (suffix == SessionFile::suffix()) {
        ok = m_session->loadFrom(path);
    } else if (suffix == QLatin1String("json")) {
        // A session if it says so, else not something we read.
        ok = m_session->loadFrom(path);
    } else if (suffix == QLatin1String("xcp")) {
        if (m_interpolation->pathA().isEmpty() && m_interpolation->textA().trimmed().isEmpty())
            m_interpolation->setPathA(path);
        else
            m_interpolation->setPathB(path);
        emit showRequested(m_interpolation);
        m_context.messages->showInformation(tr("Loaded %1 as an interpolation endpoint. Press Compress A and B.")
                                                .arg(QFileInfo(path).fileName()));
        ok = true;
    } else if (suffix == QLatin1String("jsonl")) {
        ok = m_batch->openDataset(path);
        if (ok)
            emit showRequested(m_batch);
    } else {
        ok = loadTextFile(path);
    }
    if (ok)
        m_recent->add(path);
    return ok;
}

bool FileController::loadTextFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_context.messages->showError(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    const QString t = QString::fromUtf8(bytes);
    if (t.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD"))
        m_context.messages->showWarning(
            tr("%1 is not valid UTF-8; unreadable bytes were replaced.").arg(QFileInfo(path).fileName()));
    m_context.source->setText(t);
    return true;
}

void FileController::openFileDialog()
{
    const QString path = FileDialogs::askOpenPath(
        m_window, tr("Open"),
        tr("All supported files (*.txt *.md *.xcs *.json *.xcp *.jsonl);;Texts (*.txt *.md);;Sessions (*.xcs *.json);;"
           "Compressed prompts (*.xcp);;Datasets (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void FileController::openDatasetDialog()
{
    const QString path =
        FileDialogs::askOpenPath(m_window, tr("Open Dataset"), tr("JSON Lines (*.jsonl);;All files (*)"));
    if (!path.isEmpty() && m_batch->openDataset(path)) {
        m_recent->add(path);
        emit showRequested(m_batch);
    }
}

void FileController::loadEndpointDialog(int which)
{
    const QString path = FileDialogs::askOpenPath(m_window, tr("Load Compressed Prompt"),
                                                  tr("Compressed prompts (*.xcp);;All files (*)"));
    if (path.isEmpty())
        return;
    if (which == 0)
        m_interpolation->setPathA(path);
    else
        m_interpolation->setPathB(path);
    m_recent->add(path);
}

bool FileController::eventFilter(QObject* watched, QEvent* event)
{
    const bool drag = event->type() == QEvent::DragEnter, drop = event->type() == QEvent::Drop;
    if (watched != m_window || (!drag && !drop))
        return QObject::eventFilter(watched, event);
    auto* dropEvent = static_cast<QDropEvent*>(event);  // QDragEnterEvent is one too
    QStringList files;
    for (const QUrl& url : dropEvent->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    if (files.isEmpty())
        return false;  // the window's own handling: not accepted
    if (drop) {
        for (const QString& file : std::as_const(files))
            openFile(file);
    }
    dropEvent->acceptProposedAction();
    return true;
}

}  // namespace xcomp::workbench
