// app/workbench/preferencesdialog.h — device, CPU threads, language, model folder and whether to
// reopen the last session, stored in QSettings through Preferences.
#pragma once
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace xcomp::workbench {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    QString device() const;
    int threads() const;
    QString language() const;  // "" = system
    QString modelDir() const;
    bool captureAttention() const;
    bool restoreLastSession() const;

    // Writes the choices to Preferences; returns what changed that needs action.
    struct Changes {
        bool engine = false;    // device, threads or model folder: reopen the model
        bool language = false;  // the window is rebuilt in the new language (WindowHost)
    };
    Changes apply() const;

private:
    QComboBox* m_device = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_language = nullptr;
    QLineEdit* m_modelDir = nullptr;
    QCheckBox* m_capture = nullptr;
    QCheckBox* m_restoreSession = nullptr;
    QString m_initialModelDir;
};

}  // namespace xcomp::workbench
