#include "preferencescontroller.h"

#include <QWidget>

#include "attentionpage.h"
#include "modelcontroller.h"
#include "preferences.h"
#include "preferencesdialog.h"

namespace xcomp::workbench {

PreferencesController::PreferencesController(QWidget* dialogParent, ModelController* model, AttentionPage* attention)
    : QObject(dialogParent), m_dialogParent(dialogParent), m_model(model), m_attention(attention)
{
}

void PreferencesController::showDialog()
{
    PreferencesDialog dialog(m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const PreferencesDialog::Changes changes = dialog.apply();
    m_attention->setCaptureAttention(dialog.captureAttention());
    m_model->showDevice(dialog.device());
    if (changes.engine)
        m_model->openModelFolder(dialog.modelDir().isEmpty() ? m_model->modelDir() : dialog.modelDir());
    if (changes.language)
        emit languageChangeRequested(Preferences::language());
}

}  // namespace xcomp::workbench
