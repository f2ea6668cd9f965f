// app/workbench/exportcontroller.h — File > Save Compressed Prompt: the text on the left compressed
// with the chosen compressor, its memory tokens' KV values saved by the engine as a .xcp file (which
// File > Open takes back as an interpolation endpoint).
#pragma once
#include <QObject>
#include <QString>

#include "pagecontext.h"

class QWidget;

namespace xcomp::workbench {

class RecentFilesMenu;

class ExportController : public QObject {
    Q_OBJECT
public:
    ExportController(QWidget* dialogParent, const PageContext& context, RecentFilesMenu* recent);

    void saveCompressedPromptDialog();
    // In the background; the message bar says when the file is written.
    void saveCompressedPrompt(const QString& path);

private:
    QWidget* m_dialogParent = nullptr;
    PageContext m_context;
    RecentFilesMenu* m_recent = nullptr;
};

}  // namespace xcomp::workbench
