// app/workbench/mainwindow.h — the workbench window.
//
//  left:   the text to compress, with a live token count and compression ratio (TextPanel);
//  toolbar: model folder, compressor (method x m), device (ModelController), Compress & Regenerate, Cancel;
//  right:  tabs — Regenerate (DiffView + MetricsStrip), Compare, Attention, Interpolation, QA, Batch;
//  dock:   help for students (TeachingText) for the tab on screen;
//  top:    a message bar for errors from the engine (never a crash, never a modal box mid-run).
//
// This class only assembles: each tab's page owns its widgets and its jobs on EngineClient (a worker
// thread); files, sessions, the compressed-prompt export and the preferences (the language among
// them) have a controller each. The window makes the actions, menus, toolbar and status bar and
// keeps the actions' states. The public functions below forward to the parts, for tests, main.cpp
// and the screenshot mode.
#pragma once
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>

#include "enginetypes.h"
#include "pagecontext.h"

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTabWidget;

namespace xcomp::workbench {

class AttentionPage;
class AblationPage;
class BatchPage;
class ComparePage;
class EngineClient;
class ExamplesMenu;
class ExportController;
class FileController;
class HelpDock;
class HelpPane;
class InterpolationPage;
class JobStatusBar;
class MessageBar;
class ModelController;
class PreferencesController;
class QaPage;
class RecentFilesMenu;
class RegeneratePage;
class SessionController;
class TextPanel;
struct WorkbenchSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Tab { RegenerateTab = 0, CompareTab, AttentionTab, InterpolationTab, QaTab, BatchTab, AblationTab, TabCount };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // ---- model ----
    // Opens a model folder in the background (errors go to the message bar).
    void openModelFolder(const QString& dir);
    // The folder to open at start: the last one used if it still exists, else the bundled default.
    static QString initialModelDir();
    bool isModelLoaded() const;
    QString modelDir() const;
    QString currentCompressorId() const;
    bool setCurrentCompressor(const QString& id);
    QString device() const;

    // ---- text and runs ----
    QString text() const;
    void setText(const QString& text);
    int tokenCount() const;  // -1 until counted
    bool isBusy() const;
    void runRegeneration();
    void runComparison(const QStringList& compressorIds = {});
    void askQuestion(const QString& question, const QStringList& goldAnswers);
    void prepareInterpolation();
    void runBatch();
    void resumeBatch();  // the rest of a cancelled batch: same examples and compressors
    void cancel();
    void cancelBatch();  // the Batch tab's Cancel: the batch only, not the work queued beside it

    // ---- files ----
    bool openFile(const QString& path);  // by suffix: session, .xcp, .jsonl dataset, else plain text
    bool loadTextFile(const QString& path);
    bool loadExample(const QString& resourcePath);  // ":/examples/..."
    // At start without files: once the model is open, an example waits on the left (not an edit).
    void offerStarterExample();
    bool saveSession(const QString& path);
    bool loadSession(const QString& path);
    WorkbenchSession currentSession() const;
    // Takes over another window's work: its model and compressor, texts, results and session file.
    void resumeWork(const WorkbenchSession& session, const QString& sessionPath, bool modified);
    // Closes without asking about unsaved changes: the work has been handed to another window.
    void closeHandedOver();
    QString sessionPath() const;
    void saveCompressedPrompt(const QString& path);
    bool openDataset(const QString& path);
    static QStringList exampleFiles();            // the bundled texts
    static QString exampleTitle(const QString& resourcePath);
    static QString readExample(const QString& resourcePath);  // text without its title line

    // ---- parts, for tests and the screenshot mode ----
    EngineClient* engine() const { return m_engine; }
    QTabWidget* tabs() const { return m_tabs; }
    void showTab(Tab tab);
    QPlainTextEdit* textEdit() const;
    QLabel* tokenLabel() const;
    QComboBox* compressorCombo() const;
    QComboBox* deviceCombo() const;
    QAction* runAction() const { return m_runAction; }
    QAction* cancelAction() const { return m_cancelAction; }
    QProgressBar* progressBar() const;
    MessageBar* messageBar() const { return m_messages; }
    QLabel* stageLabel() const;  // the status bar's stage of the running job
    RegeneratePage* regeneratePage() const { return m_regenerate; }
    ComparePage* comparePage() const { return m_compare; }
    AttentionPage* attentionPage() const { return m_attention; }
    InterpolationPage* interpolationPage() const { return m_interpolation; }
    QaPage* qaPage() const { return m_qa; }
    BatchPage* batchPage() const { return m_batch; }
    AblationPage* ablationPage() const { return m_ablation; }
    HelpPane* helpPane() const;
    QDockWidget* helpDock() const;
    const RegenerationResult& lastRegeneration() const;
    bool hasRegeneration() const;

signals:
    void modelReady();
    void languageChangeRequested(const QString& language);  // the preferences chose another language
    void regenerationShown();
    void comparisonFinished();
    void answerShown();
    void interpolationShown();
    void batchFinished();
    void ablationFinished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildCentral();
    void buildControllers();
    void buildMenus();
    void buildToolBar();
    void connectParts();
    void updateActions();

    bool m_handedOver = false;  // closeHandedOver(): no prompt for unsaved changes
    EngineClient* m_engine = nullptr;
    PageContext m_context;  // what the pages and controllers share
    ModelController* m_model = nullptr;
    TextPanel* m_source = nullptr;
    MessageBar* m_messages = nullptr;
    QTabWidget* m_tabs = nullptr;
    RegeneratePage* m_regenerate = nullptr;
    ComparePage* m_compare = nullptr;
    AttentionPage* m_attention = nullptr;
    InterpolationPage* m_interpolation = nullptr;
    QaPage* m_qa = nullptr;
    BatchPage* m_batch = nullptr;
    AblationPage* m_ablation = nullptr;
    HelpDock* m_helpDock = nullptr;
    JobStatusBar* m_status = nullptr;
    RecentFilesMenu* m_recent = nullptr;
    ExamplesMenu* m_examples = nullptr;

    SessionController* m_session = nullptr;
    FileController* m_files = nullptr;
    ExportController* m_export = nullptr;
    PreferencesController* m_preferences = nullptr;

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
