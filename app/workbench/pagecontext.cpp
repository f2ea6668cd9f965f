#include "pagecontext.h"

#include "engineclient.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "textpanel.h"

namespace xcomp::workbench {

const CompressorEntry* PageContext::compressorOrWarn() const
{
    const CompressorEntry* c = model->currentCompressor();
    if (engine->hasModel() && c)
        return c;
    messages->showWarning(tr("Open a model folder with at least one compressor first."));
    return nullptr;
}

QString PageContext::textOrWarn() const
{
    const QString t = source->text();
    if (!t.trimmed().isEmpty())
        return t;
    messages->showWarning(tr("There is no text to compress. Paste one on the left or pick an example."));
    return QString();
}

}  // namespace xcomp::workbench
