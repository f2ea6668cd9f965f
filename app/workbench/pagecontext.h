// app/workbench/pagecontext.h — what a tab's page reaches besides its own widgets: the engine, the
// open model with its chosen compressor, the text on the left and the message bar. MainWindow makes
// one and hands it to every page; the checks most runs start with live here, worded once.
#pragma once
#include <QCoreApplication>
#include <QString>

#include "enginetypes.h"

namespace xcomp::workbench {

class EngineClient;
class MessageBar;
class ModelController;
class TextPanel;

struct PageContext {
    Q_DECLARE_TR_FUNCTIONS(xcomp::workbench::PageContext)
public:
    EngineClient* engine = nullptr;
    ModelController* model = nullptr;
    TextPanel* source = nullptr;
    MessageBar* messages = nullptr;

    // The chosen compressor of the open model; nullptr, with a warning, when there is none.
    const CompressorEntry* compressorOrWarn() const;
    // The text on the left; empty, with a warning, when there is nothing to compress.
    QString textOrWarn() const;
};

}  // namespace xcomp::workbench
