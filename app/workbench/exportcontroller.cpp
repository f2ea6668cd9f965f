#include "exportcontroller.h"

#include <QDir>
#include <QWidget>

#include "engineclient.h"
#include "filedialogs.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "recentfilesmenu.h"
#include "textpanel.h"

namespace xcomp::workbench {

ExportController::ExportController(QWidget* dialogParent, const PageContext& context, RecentFilesMenu* recent)
    : QObject(dialogParent), m_dialogParent(dialogParent), m_context(context), m_recent(recent)
{
    connect(m_context.engine, &EngineClient::saved, this, [this](const QString& path) {
        m_context.messages->showInformation(
            tr("Saved the compressed prompt to %1.").arg(QDir::toNativeSeparators(path)));
        m_recent->add(path);
    });
}

void ExportController::saveCompressedPromptDialog()
{
    const CompressorEntry* c = m_context.model->currentCompressor();
    if (!c || m_context.source->text().trimmed().isEmpty())
        return;
    const QString suggestion = FileDialogs::inLastFolder(QStringLiteral("prompt-%1.xcp").arg(c->id));
    const QString path = FileDialogs::askSavePath(m_dialogParent, tr("Save Compressed Prompt"), suggestion,
                                                  tr("Compressed prompts (*.xcp)"), QStringLiteral(".xcp"));
    if (!path.isEmpty())
        saveCompressedPrompt(path);
}

void ExportController::saveCompressedPrompt(const QString& path)
{
    const CompressorEntry* c = m_context.model->currentCompressor();
    if (c)
        m_context.engine->compressAndSave(c->id, m_context.source->text(), path);
}

}  // namespace xcomp::workbench
