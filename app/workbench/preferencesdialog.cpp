#include "preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

#include "devicechoice.h"
#include "preferences.h"
#include "translationmanager.h"
#include "xcomp/runtime.h"

namespace xcomp::workbench {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    m_device = new QComboBox(this);
    addDeviceItems(m_device, tr("CPU"), tr("CUDA (GPU)"),
                   tr("No CUDA device is available in this build or on this machine."));
    m_device->setCurrentIndex(std::max(0, m_device->findData(Preferences::device())));
    form->addRow(tr("&Device:"), m_device);

    m_threads = new QSpinBox(this);
    m_threads->setRange(0, std::max(1, QThread::idealThreadCount()) * 2);
    m_threads->setSpecialValueText(tr("automatic"));
    m_threads->setValue(Preferences::threads());
    m_threads->setToolTip(tr("CPU threads for the engine (0: LibTorch's default). Applies when the model is opened."));
    form->addRow(tr("CPU &threads:"), m_threads);

    m_language = new QComboBox(this);
    m_language->addItem(tr("System default"), QString());
    for (const auto& lang : TranslationManager::availableLanguages())
        m_language->addItem(lang.second, lang.first);
    m_language->setCurrentIndex(std::max(0, m_language->findData(Preferences::language())));
    m_language->setToolTip(tr("Applies at once: the window is rebuilt in the new language and keeps your work."));
    form->addRow(tr("&Language:"), m_language);

    auto* dirRow = new QHBoxLayout;
    m_modelDir = new QLineEdit(Preferences::lastModelDir().isEmpty() ? QString::fromStdString(xcomp::default_model_dir())
                                                                     : Preferences::lastModelDir(),
                               this);
    m_initialModelDir = modelDir();
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    dirRow->addWidget(m_modelDir, 1);
    dirRow->addWidget(browse);
    // A row holding a layout gets no buddy: without one the label would show its "&" literally.
    auto* dirLabel = new QLabel(tr("&Model folder:"), this);
    dirLabel->setBuddy(m_modelDir);
    form->addRow(dirLabel, dirRow);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"), m_modelDir->text());
        if (!dir.isEmpty())
            m_modelDir->setText(QDir::toNativeSeparators(dir));
    });

    m_capture = new QCheckBox(tr("Capture attention when regenerating"), this);
    m_capture->setChecked(Preferences::captureAttention());
    form->addRow(QString(), m_capture);
    m_restoreSession = new QCheckBox(tr("&Reopen the last session at start"), this);
    m_restoreSession->setToolTip(tr("At start, open the session file that was open when the workbench was last "
                                    "closed."));
    m_restoreSession->setChecked(Preferences::restoreLastSession());
    form->addRow(QString(), m_restoreSession);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString PreferencesDialog::device() const { return m_device->currentData().toString(); }
int PreferencesDialog::threads() const { return m_threads->value(); }
QString PreferencesDialog::language() const { return m_language->currentData().toString(); }
QString PreferencesDialog::modelDir() const { return QDir::fromNativeSeparators(m_modelDir->text().trimmed()); }
bool PreferencesDialog::captureAttention() const { return m_capture->isChecked(); }
bool PreferencesDialog::restoreLastSession() const { return m_restoreSession->isChecked(); }

PreferencesDialog::Changes PreferencesDialog::apply() const
{
    Changes c;
    c.engine = device() != Preferences::device() || threads() != Preferences::threads() ||
               (!modelDir().isEmpty() && modelDir() != m_initialModelDir);
    c.language = language() != Preferences::language();
    Preferences::setDevice(device());
    Preferences::setThreads(threads());
    Preferences::setLanguage(language());
    if (!modelDir().isEmpty())
        Preferences::setLastModelDir(modelDir());
    Preferences::setCaptureAttention(captureAttention());
    Preferences::setRestoreLastSession(restoreLastSession());
    return c;
}

}  // namespace xcomp::workbench
