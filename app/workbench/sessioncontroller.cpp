#include "sessioncontroller.h"

#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

#include "attentionpage.h"
#include "batchpage.h"
#include "comparepage.h"
#include "dashboardview.h"
#include "filedialogs.h"
#include "interpolationpage.h"
#include "interpolationpanel.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "preferences.h"
#include "qapage.h"
#include "recentfilesmenu.h"
#include "regeneratepage.h"
#include "sessionfile.h"
#include "textpanel.h"

namespace xcomp::workbench {

SessionController::SessionController(QMainWindow* window, const PageContext& context, const Pages& pages,
                                     RecentFilesMenu* recent)
    : QObject(window), m_window(window), m_context(context), m_pages(pages), m_recent(recent)
{
    // Edits and new results mark the session changed (the interpolation curve and batch rows never did).
    const auto markModified = [this] { m_window->setWindowModified(true); };
    connect(context.source, &TextPanel::edited, this, markModified);
    const WorkbenchPage* withResults[] = {pages.regenerate, pages.compare, pages.qa};
    for (const WorkbenchPage* page : withResults)
        connect(page, &WorkbenchPage::resultsChanged, this, markModified);
    setPath(QString(), false);
}

WorkbenchSession SessionController::current() const
{
    WorkbenchSession s;
    s.modelDir = m_context.model->modelDir();
    s.device = m_context.model->device();
    s.compressorId = m_context.model->currentCompressorId();
    s.text = m_context.source->text();
    s.hasRegeneration = m_pages.regenerate->hasResult();
    if (s.hasRegeneration)
        s.regeneration = m_pages.regenerate->result();
    s.compare = m_pages.compare->results();
    s.compareSelection = m_pages.compare->checkedCompressors();
    const QaPage* qa = m_pages.qa;
    s.question = qa->question();
    s.goldAnswers = qa->goldText();
    s.hasQa = qa->hasResult();
    if (s.hasQa)
        s.qa = qa->result();
    const InterpolationPage* ip = m_pages.interpolation;
    s.textA = ip->textA();
    s.textB = ip->textB();
    s.pathA = ip->pathA();
    s.pathB = ip->pathB();
    s.spherical = ip->panel()->spherical();
    s.alpha = ip->panel()->alpha();
    s.curve = ip->panel()->curve();
    s.datasetPath = m_pages.batch->datasetPath();
    s.batchRows = m_pages.batch->dashboard()->rows();
    return s;
}

bool SessionController::saveTo(const QString& path)
{
    QString error;
    if (!SessionFile::save(path, current(), &error)) {
        m_context.messages->showError(error);
        return false;
    }
    setPath(path, false);
    m_recent->add(path);
    m_window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool SessionController::loadFrom(const QString& path)
{
    WorkbenchSession s;
    QString error;
    if (!SessionFile::load(path, &s, &error)) {
        m_context.messages->showError(error);
        return false;
    }
    apply(s);
    setPath(path, false);
    return true;
}

bool SessionController::save()
{
    return m_path.isEmpty() ? saveAs() : saveTo(m_path);
}

bool SessionController::saveAs()
{
    const QString suggestion = m_path.isEmpty() ? FileDialogs::inLastFolder(QStringLiteral("session.xcs")) : m_path;
    const QString path = FileDialogs::askSavePath(m_window, tr("Save Session"), suggestion,
                                                  tr("Workbench sessions (*.xcs)"), QStringLiteral(".xcs"));
    return !path.isEmpty() && saveTo(path);
}

bool SessionController::confirmClose()
{
    if (m_window->isWindowModified()) {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved Session"),
                        tr("The session has changes that are not saved."), QMessageBox::NoButton, m_window);
        box.setObjectName(QStringLiteral("unsavedSessionPrompt"));
        box.setInformativeText(tr("Save them before quitting?"));
        box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Save);
        box.setEscapeButton(QMessageBox::Cancel);
        switch (box.exec()) {
        case QMessageBox::Save:
            if (!save())
                return false;  // the file dialog was cancelled or the save failed: keep the window
            break;
        case QMessageBox::Discard:
            break;
        default:
            return false;
        }
    }
    Preferences::setLastSession(m_path);
    return true;
}

void SessionController::resume(const WorkbenchSession& session, const QString& sessionPath, bool modified)
{
    apply(session, tr("kept from before the language change"));
    setPath(sessionPath, modified);
}

void SessionController::apply(const WorkbenchSession& s, const QString& origin)
{
    m_context.source->restoreText(s.text);
    if (s.hasRegeneration)
        m_pages.regenerate->showResult(s.regeneration, origin.isEmpty() ? tr("from the session file") : origin);
    else
        m_pages.regenerate->clear();
    m_pages.attention->clear();
    m_pages.compare->setResults(s.compare.isEmpty() ? QString() : s.compare.first().diff.original, s.compare);
    if (!s.compareSelection.isEmpty())
        m_pages.compare->restoreSelection(s.compareSelection);
    QaPage* qa = m_pages.qa;
    qa->setQuestion(s.question);
    qa->setGoldText(s.goldAnswers);
    if (s.hasQa)
        qa->showResult(s.qa);
    else
        qa->clear();
    InterpolationPage* ip = m_pages.interpolation;
    ip->setPathA(s.pathA);
    ip->setPathB(s.pathB);
    ip->setTextA(s.textA);
    ip->setTextB(s.textB);
    ip->panel()->setSpherical(s.spherical);
    ip->restoreCurve(s.curve);
    if (!s.datasetPath.isEmpty() && QFileInfo::exists(s.datasetPath)) {
        QString error;
        m_pages.batch->loadDataset(s.datasetPath, &error);
    }
    m_pages.batch->setRows(s.batchRows);
    m_context.model->restore(s.modelDir, s.compressorId);
    emit restored();
}

void SessionController::setPath(const QString& path, bool modified)
{
    m_path = path;
    m_window->setWindowModified(modified);
    const QString name = m_path.isEmpty() ? tr("Untitled session") : QFileInfo(m_path).fileName();
    m_window->setWindowTitle(tr("%1[*] \u2014 xcomp Workbench").arg(name));
}

}  // namespace xcomp::workbench
