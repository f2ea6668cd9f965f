// app/workbench/preferencescontroller.h — File > Preferences: shows the dialog and applies what
// changed. Attention capture and the device take effect here; a new device, thread count or model
// folder reopens the model; a new language is handed on (languageChangeRequested) to WindowHost,
// which rebuilds the window in it.
#pragma once
#include <QObject>
#include <QString>

class QWidget;

namespace xcomp::workbench {

class AttentionPage;
class ModelController;

class PreferencesController : public QObject {
    Q_OBJECT
public:
    PreferencesController(QWidget* dialogParent, ModelController* model, AttentionPage* attention);

    void showDialog();

signals:
    void languageChangeRequested(const QString& language);

private:
    QWidget* m_dialogParent = nullptr;
    ModelController* m_model = nullptr;
    AttentionPage* m_attention = nullptr;
};

}  // namespace xcomp::workbench
