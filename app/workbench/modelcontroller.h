// app/workbench/modelcontroller.h — the open model: its folder (opened in the background by
// EngineClient), the compressor chosen in the toolbar and the device, remembered in Preferences;
// the status bar's label says which model is open.
//
// The two combo boxes and the label are made without a parent: MainWindow puts them in its toolbar
// and status bar, which own them from then on. (Placed there after the central widget, they leave
// the window's focus chain starting at the text editor, as before.)
#pragma once
#include <QObject>
#include <QString>
#include <QVector>

#include "enginetypes.h"

class QComboBox;
class QLabel;
class QWidget;

namespace xcomp::workbench {

class EngineClient;
class MessageBar;

class ModelController : public QObject {
    Q_OBJECT
public:
    ModelController(EngineClient* engine, MessageBar* messages, QObject* parent = nullptr);

    // The folder to open at start: the last one used if it still exists, else the bundled default.
    static QString initialModelDir();
    // Opens a model folder in the background (errors go to the message bar).
    void openModelFolder(const QString& dir);
    void chooseModelFolder(QWidget* dialogParent);  // File > Open Model Folder
    // A session's model and compressor: its folder is reopened when it differs and still exists;
    // the compressor is chosen now, or once the model is open.
    void restore(const QString& modelDir, const QString& compressorId);
    bool isLoading() const { return m_loading; }
    QString modelDir() const { return m_modelDir; }

    QString currentCompressorId() const;
    const CompressorEntry* currentCompressor() const;
    bool setCurrentCompressor(const QString& id);
    QString device() const;
    void showDevice(const QString& device);  // without reopening the model

    // The compressor a newcomer starts with (nothing chosen before): the strongest general one.
    static QString strongestCompressor(const QVector<CompressorEntry>& compressors);
    // The optimised-memory methods worth offering beside `compressors`: those at one of their m.
    static QVector<CompressorEntry> upperBoundsFor(const QVector<CompressorEntry>& compressors,
                                                   const QVector<CompressorEntry>& optimised);

    QComboBox* compressorCombo() const { return m_compressor; }
    QComboBox* deviceCombo() const { return m_device; }
    QLabel* modelLabel() const { return m_label; }

signals:
    void loadingChanged();
    void compressorChanged();  // another compressor chosen, or the list refilled for a new model
    void modelOpened(const xcomp::workbench::ModelEntry& model);  // after the list is refilled

private:
    void buildDeviceCombo();
    void onOpened(const ModelEntry& model);
    void onFailed();
    // The trained compressors, then (after a separator) the upper bounds at their numbers of memory tokens.
    void fillCompressors(const QVector<CompressorEntry>& compressors, const QString& select,
                         const QVector<CompressorEntry>& upperBounds = {});

    void updateLabel();
    void updateEnabled();

    EngineClient* m_engine = nullptr;
    MessageBar* m_messages = nullptr;
    QComboBox* m_compressor = nullptr;
    QComboBox* m_device = nullptr;
    QLabel* m_label = nullptr;
    QString m_modelDir;
    QString m_pendingModelDir;
    QString m_pendingCompressor;  // to select once the model is open (session restore)
    bool m_loading = false;
};

}  // namespace xcomp::workbench
