// app/workbench/mainwindow.h — the workbench window.
//
//  left:   the text to compress, with a live token count and compression ratio;
//  toolbar: model folder, compressor (method x m), device, Compress & Regenerate, Cancel;
//  right:  tabs — Regenerate (DiffView + MetricsStrip), Compare, Attention, Interpolation, QA, Batch;
//  dock:   help for students (TeachingText) for the tab on screen;
//  top:    a message bar for errors from the engine (never a crash, never a modal box mid-run).
//
// All engine work goes through EngineClient (a worker thread); this class only wires views to it.
#pragma once
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "enginetypes.h"

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;
class QTimer;
class QToolButton;

namespace xcomp::workbench {

class AttentionPage;
class BatchPage;
class ComparePage;
class EngineClient;
class HelpPane;
class InterpolationPage;
class MessageBar;
class QaPage;
class RegeneratePage;
struct WorkbenchSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Tab { RegenerateTab = 0, CompareTab, AttentionTab, InterpolationTab, QaTab, BatchTab, TabCount };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // ---- model ----
    // Opens a model folder in the background (errors go to the message bar).
    void openModelFolder(const QString& dir);
    // The folder to open at start: the last one used if it still exists, else the bundled default.
    static QString initialModelDir();
    bool isModelLoaded() const;
    QString modelDir() const { return m_modelDir; }
    QString currentCompressorId() const;
    bool setCurrentCompressor(const QString& id);
    QString device() const;

    // ---- text and runs ----
    QString text() const;
    void setText(const QString& text);
    int tokenCount() const { return m_tokens; }  // -1 until counted
    bool isBusy() const;
    void runRegeneration();
    void runComparison(const QStringList& compressorIds = {});
    void askQuestion(const QString& question, const QStringList& goldAnswers);
    void prepareInterpolation();
    void runBatch();
    void resumeBatch();  // the rest of a cancelled batch: same examples and compressors
    void cancel();

    // ---- files ----
    bool openFile(const QString& path);  // by suffix: session, .xcp, .jsonl dataset, else plain text
    bool loadTextFile(const QString& path);
    bool loadExample(const QString& resourcePath);  // ":/examples/..."
    bool saveSession(const QString& path);
    bool loadSession(const QString& path);
    WorkbenchSession currentSession() const;
    // Takes over another window's work: its model and compressor, texts, results and session file.
    void resumeWork(const WorkbenchSession& session, const QString& sessionPath, bool modified);
    QString sessionPath() const { return m_sessionPath; }
    void saveCompressedPrompt(const QString& path);
    bool openDataset(const QString& path);
    static QStringList exampleFiles();            // the bundled texts
    static QString exampleTitle(const QString& resourcePath);
    static QString readExample(const QString& resourcePath);  // text without its title line

    // ---- parts, for tests and the screenshot mode ----
    EngineClient* engine() const { return m_engine; }
    QTabWidget* tabs() const { return m_tabs; }
    void showTab(Tab tab);
    QPlainTextEdit* textEdit() const { return m_text; }
    QLabel* tokenLabel() const { return m_tokenLabel; }
    QComboBox* compressorCombo() const { return m_compressor; }
    QComboBox* deviceCombo() const { return m_device; }
    QAction* runAction() const { return m_runAction; }
    QAction* cancelAction() const { return m_cancelAction; }
    QProgressBar* progressBar() const { return m_progress; }
    MessageBar* messageBar() const { return m_messages; }
    QLabel* stageLabel() const { return m_stageLabel; }  // the status bar's stage of the running job
    RegeneratePage* regeneratePage() const { return m_regenerate; }
    ComparePage* comparePage() const { return m_compare; }
    AttentionPage* attentionPage() const { return m_attention; }
    InterpolationPage* interpolationPage() const { return m_interpolation; }
    QaPage* qaPage() const { return m_qa; }
    BatchPage* batchPage() const { return m_batch; }
    HelpPane* helpPane() const { return m_help; }
    QDockWidget* helpDock() const { return m_helpDock; }
    const RegenerationResult& lastRegeneration() const { return m_lastRegeneration; }
    bool hasRegeneration() const { return m_hasRegeneration; }

signals:
    void modelReady();
    void languageChangeRequested(const QString& language);  // the preferences chose another language
    void regenerationShown();
    void comparisonFinished();
    void answerShown();
    void interpolationShown();
    void batchFinished();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void buildCentral();
    void buildStatusBar();
    void connectEngine();
    void connectPages();

    void updateActions();
    void updateTokenLabel();
    void updateWindowTitle();
    void updateRecentMenu();
    void updateModelLabel();
    void refreshHelp();
    void scheduleTokenCount();
    void reportError(const QString& operation, const QString& message);

    void onModelOpened(const ModelEntry& model);
    void onRegenerated(const RegenerationResult& result);
    void onCompareResult(int index, int total, const RegenerationResult& result);
    void onAnswered(const QaResult& result);
    void onInterpolationPrepared(const SlotEntry& a, const SlotEntry& b);
    void onInterpolated(const InterpolationResult& result);
    void onCurveChanged(const QVector<view::InterpolationPoint>& curve, int done, int total);
    void updateInterpolationBusy();

    void openFileDialog();
    void saveSessionTriggered();
    void saveSessionAsTriggered();
    void saveCompressedTriggered();
    void openModelTriggered();
    void openDatasetTriggered();
    void loadEndpointFile(int which);
    void showPreferences();
    void showAbout();
    // `origin` labels the restored regeneration (default: "from the session file").
    void applySession(const WorkbenchSession& session, const QString& origin = QString());
    QString dialogDir() const;
    void rememberDir(const QString& path);
    const CompressorEntry* currentCompressor() const;

    EngineClient* m_engine = nullptr;
    QString m_modelDir;
    QString m_pendingModelDir;
    QString m_pendingCompressor;  // to select once the model is open (session restore)
    bool m_modelLoading = false;

    // Jobs whose results this window waits for.
    quint64 m_regenJob = 0, m_compareJob = 0, m_qaJob = 0, m_prepareJob = 0, m_saveJob = 0;
    RegenerationResult m_lastRegeneration;
    bool m_hasRegeneration = false;
    QString m_compareOriginal;
    int m_tokens = -1;
    bool m_curveSpherical = false;
    int m_batchWarnings = 0;
    QVector<BatchExample> m_batchExamples;  // the last batch run, for resuming it
    QStringList m_batchIds;
    QString m_sessionPath;

    // UI
    QPlainTextEdit* m_text = nullptr;
    QLabel* m_tokenLabel = nullptr;
    QTimer* m_countTimer = nullptr;
    QComboBox* m_compressor = nullptr;
    QComboBox* m_device = nullptr;
    QTabWidget* m_tabs = nullptr;
    MessageBar* m_messages = nullptr;
    RegeneratePage* m_regenerate = nullptr;
    ComparePage* m_compare = nullptr;
    AttentionPage* m_attention = nullptr;
    InterpolationPage* m_interpolation = nullptr;
    QaPage* m_qa = nullptr;
    BatchPage* m_batch = nullptr;
    HelpPane* m_help = nullptr;
    QDockWidget* m_helpDock = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_stageLabel = nullptr;
    QLabel* m_modelLabel = nullptr;
    QToolButton* m_cancelButton = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_examplesMenu = nullptr;

    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_saveCompressedAction = nullptr;
    QAction* m_openModelAction = nullptr;
    QAction* m_openDatasetAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_compareAction = nullptr;
    QAction* m_askAction = nullptr;
    QAction* m_cancelAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QAction* m_helpAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

}  // namespace xcomp::workbench
