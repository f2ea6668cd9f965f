#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWhatsThis>

#include "attentionpage.h"
#include "ablationpage.h"
#include "attentionview.h"
#include "batchpage.h"
#include "comparepage.h"
#include "engineclient.h"
#include "examplesmenu.h"
#include "exportbutton.h"
#include "exportcontroller.h"
#include "filecontroller.h"
#include "helpdock.h"
#include "helppane.h"
#include "interpolationpage.h"
#include "jobstatusbar.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "preferences.h"
#include "preferencescontroller.h"
#include "qapage.h"
#include "recentfilesmenu.h"
#include "regeneratepage.h"
#include "sessioncontroller.h"
#include "sessionfile.h"
#include "teachingtext.h"
#include "textpanel.h"
#include "viewexports.h"

namespace xcomp::workbench {

namespace {

QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

// An action with a shortcut and a tool tip when given, and what it does when triggered.
QAction* makeAction(QObject* parent, const char* iconName, const QString& text, const QKeySequence& key = {},
                    const QString& tip = {})
{
    auto* a = iconName ? new QAction(icon(iconName), text, parent) : new QAction(text, parent);
    if (!key.isEmpty())
        a->setShortcut(key);
    if (!tip.isEmpty())
        a->setToolTip(tip);
    return a;
}

template <typename Slot>
QAction* makeAction(QObject* parent, const char* iconName, const QString& text, const QKeySequence& key,
                    const QString& tip, Slot onTriggered)
{
    QAction* a = makeAction(parent, iconName, text, key, tip);
    QObject::connect(a, &QAction::triggered, parent, onTriggered);
    return a;
}

// Adds the actions in order; nullptr stands for a separator.
void placeActions(QWidget* to, std::initializer_list<QAction*> actions)
{
    for (QAction* a : actions) {
        if (!a) {
            a = new QAction(to);
            a->setSeparator(true);
        }
        to->addAction(a);
    }
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowIcon(icon("xcomp"));
    m_engine = new EngineClient(this);
    buildActions();
    buildCentral();
    buildMenus();
    buildControllers();
    buildToolBar();
    m_status = new JobStatusBar(m_engine, m_model->modelLabel(), m_cancelAction, this);
    setStatusBar(m_status);
    connectParts();

    resize(1400, 900);
    const QByteArray geometry = Preferences::windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = Preferences::windowState();
    if (!state.isEmpty())
        restoreState(state);
    updateActions();
}

MainWindow::~MainWindow() = default;

// The actions call the parts through lambdas: the parts are made after the actions.
void MainWindow::buildActions()
{
    m_openAction = makeAction(this, "open", tr("&Open\u2026"), QKeySequence::Open,
                              tr("Open a text, a session, a compressed prompt (.xcp) or a dataset (.jsonl)"),
                              [this] { m_files->openFileDialog(); });
    m_saveAction = makeAction(this, "save", tr("&Save Session"), QKeySequence::Save,
                              tr("Save the texts, settings and results of this session"),
                              [this] { m_session->save(); });
    m_saveAsAction = makeAction(this, nullptr, tr("Save Session &As\u2026"), QKeySequence::SaveAs, {},
                                [this] { m_session->saveAs(); });
    m_saveCompressedAction = makeAction(this, "compress", tr("Save &Compressed Prompt\u2026"),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                        tr("Compress the text with the chosen compressor and save the memory tokens' "
                                           "KV values as a .xcp file"),
                                        [this] { m_export->saveCompressedPromptDialog(); });
    m_openModelAction = makeAction(this, "model", tr("Open &Model Folder\u2026"),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                                   tr("A folder with config.json, the weights, tokenizer.model and compressors/"),
                                   [this] { m_model->chooseModelFolder(this); });
    m_openDatasetAction =
        makeAction(this, "batch", tr("Open &Dataset\u2026"), {}, {}, [this] { m_files->openDatasetDialog(); });
    m_quitAction = makeAction(this, nullptr, tr("&Quit"), QKeySequence::Quit, {}, [this] { close(); });
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_runAction = makeAction(this, "play", tr("Compress && &Regenerate"), {},
                             tr("Compress the text into memory tokens and let the frozen decoder regenerate it "
                                "(Ctrl+Return)"),
                             [this] { runRegeneration(); });
    m_runAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    m_compareAction = makeAction(this, "compare", tr("&Compare Compressors"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                                 tr("Run the compressors checked in the Compare tab on the text"),
                                 [this] { runComparison(); });
    m_askAction = makeAction(this, "qa", tr("&Ask Question"), {}, {}, [this] {
        showTab(QaTab);
        askQuestion(m_qa->question(), m_qa->goldAnswers());
    });
    m_cancelAction = makeAction(this, "cancel", tr("C&ancel"), QKeySequence(Qt::Key_Escape),
                                tr("Stop the running job (Esc)"), [this] { cancel(); });

    m_preferencesAction =
        makeAction(this, nullptr, tr("&Preferences\u2026"), {}, {}, [this] { m_preferences->showDialog(); });
    QList<QKeySequence> prefKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (prefKeys.isEmpty())
        prefKeys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    m_preferencesAction->setShortcuts(prefKeys);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    m_helpAction = makeAction(this, "help", tr("Help for &Students"), QKeySequence::HelpContents);
    m_helpAction->setCheckable(true);
    m_aboutAction = makeAction(this, nullptr, tr("&About xcomp Workbench"), {}, {}, [this] {
        QMessageBox::about(this, tr("About xcomp Workbench"), HelpPane::aboutHtml());
    });
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildCentral()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_messages = new MessageBar(central);
    layout->addWidget(m_messages);
    m_model = new ModelController(m_engine, m_messages, this);

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    m_source = new TextPanel(m_engine, m_model, m_runAction, splitter);
    m_context = PageContext{m_engine, m_model, m_source, m_messages};
    m_tabs = new QTabWidget(splitter);
    m_tabs->setDocumentMode(true);
    // Seven tabs: on a small screen with the help pane open the tab bar scrolls rather than widening the window.
    m_tabs->setUsesScrollButtons(true);
    m_regenerate = new RegeneratePage(m_context, m_tabs);
    m_compare = new ComparePage(m_context, m_tabs);
    m_attention = new AttentionPage(m_regenerate, m_tabs);
    m_interpolation = new InterpolationPage(m_context, m_tabs);
    m_qa = new QaPage(m_context, m_tabs);
    m_batch = new BatchPage(m_context, m_tabs);
    m_ablation = new AblationPage(m_context, m_tabs);
    const struct { QWidget* page; const char* icon; QString title, tip; } tabs[] = {
        {m_regenerate, "play", tr("Regenerate"),
         tr("The original and its regeneration, differences coloured by error type")},
        {m_compare, "compare", tr("Compare"), tr("Several compressors on the same text, side by side")},
        {m_attention, "attention", tr("Attention"), TeachingText::tooltip(TeachingText::Topic::AttentionUsage)},
        {m_interpolation, "interpolate", tr("Interpolation"),
         TeachingText::tooltip(TeachingText::Topic::Interpolation)},
        {m_qa, "qa", tr("Question Answering"), tr("Answers from the compressed prompt and from the full text")},
        {m_batch, "batch", tr("Batch"), tr("A whole dataset: mean scores against text length")},
        {m_ablation, "attention", tr("Ablation"), TeachingText::tooltip(TeachingText::Topic::MemoryAblation)},
    };
    for (const auto& tab : tabs)
        m_tabs->setTabToolTip(m_tabs->addTab(tab.page, icon(tab.icon), tab.title), tab.tip);
    // Every tab's Export menu says where it wrote and opens in the last export folder.
    for (ExportButton* button : m_tabs->findChildren<ExportButton*>())
        ViewExports::announce(button, m_messages);

    splitter->addWidget(m_source);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 1040});
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_helpDock = new HelpDock(this, m_tabs, m_helpAction);
}

void MainWindow::buildControllers()
{
    const SessionController::Pages pages{m_regenerate, m_compare, m_attention, m_interpolation, m_qa, m_batch};
    m_session = new SessionController(this, m_context, pages, m_recent);
    m_files = new FileController(this, m_context, m_session, m_interpolation, m_batch, m_recent);
    m_export = new ExportController(this, m_context, m_recent);
    m_preferences = new PreferencesController(this, m_model, m_attention);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_recent = new RecentFilesMenu(tr("Open &Recent"), file);
    placeActions(file, {m_openAction, m_recent->menuAction(), m_openModelAction, m_openDatasetAction, nullptr,
                        m_saveAction, m_saveAsAction, m_saveCompressedAction, nullptr, m_preferencesAction, nullptr,
                        m_quitAction});
    placeActions(menuBar()->addMenu(tr("&Run")), {m_runAction, m_compareAction, m_askAction, nullptr, m_cancelAction});

    m_examples = new ExamplesMenu(tr("&Examples"), m_source, m_qa, m_interpolation, m_batch, m_messages, menuBar());
    menuBar()->addMenu(m_examples);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    placeActions(viewMenu, {m_helpAction, nullptr});
    const QList<QPair<Tab, QString>> tabs = {
        {RegenerateTab, tr("&Regenerate")}, {CompareTab, tr("&Compare")},      {AttentionTab, tr("&Attention")},
        {InterpolationTab, tr("&Interpolation")}, {QaTab, tr("&Question Answering")}, {BatchTab, tr("&Batch")},
        {AblationTab, tr("Ab&lation")},
    };
    for (const auto& [tab, name] : tabs)  // Alt+1 ... Alt+7
        viewMenu->addAction(makeAction(this, nullptr, name, QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + int(tab))), {},
                                       [this, tab = tab] { showTab(tab); }));

    QAction* whatsThis = QWhatsThis::createAction(this);
    whatsThis->setText(tr("What's &This?"));
    QAction* aboutQt = makeAction(this, nullptr, tr("About &Qt"), {}, {}, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    placeActions(menuBar()->addMenu(tr("&Help")), {m_helpAction, whatsThis, nullptr, m_aboutAction, aboutQt});
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    placeActions(bar, {m_openAction, m_saveAction, nullptr, m_openModelAction});
    auto* compressorLabel = new QLabel(tr(" Compressor: "), bar);
    bar->addWidget(compressorLabel);
    compressorLabel->setBuddy(m_model->compressorCombo());
    bar->addWidget(m_model->compressorCombo());
    bar->addWidget(new QLabel(tr(" Device: "), bar));
    bar->addWidget(m_model->deviceCombo());
    placeActions(bar, {nullptr, m_runAction, m_cancelAction});
}

// The actions' states follow the engine, the model, the text and the pages' runs; the pages' own
// signals become the window's.
void MainWindow::connectParts()
{
    connect(m_engine, &EngineClient::error, this, [this](const QString& operation, const QString& message) {
        m_messages->showError(tr("%1 failed: %2").arg(operation, message));
    });
    connect(m_engine, &EngineClient::busyChanged, this, &MainWindow::updateActions);
    connect(m_engine, &EngineClient::jobFinished, this, &MainWindow::updateActions);
    connect(m_engine, &EngineClient::sweepFinished, this, &MainWindow::updateActions);
    connect(m_engine, &EngineClient::curveChanged, this, &MainWindow::updateActions);
    connect(m_model, &ModelController::loadingChanged, this, &MainWindow::updateActions);
    connect(m_model, &ModelController::compressorChanged, this, &MainWindow::updateActions);
    connect(m_model, &ModelController::modelOpened, this, &MainWindow::modelReady);
    connect(m_source, &TextPanel::edited, this, &MainWindow::updateActions);
    connect(m_session, &SessionController::restored, this, &MainWindow::updateActions);
    connect(m_files, &FileController::showRequested, m_tabs, &QTabWidget::setCurrentWidget);
    connect(m_examples, &ExamplesMenu::showRequested, m_tabs, &QTabWidget::setCurrentWidget);
    connect(m_preferences, &PreferencesController::languageChangeRequested, this, &MainWindow::languageChangeRequested);

    WorkbenchPage* const pages[] = {m_regenerate, m_compare, m_interpolation, m_qa, m_batch, m_ablation};
    for (WorkbenchPage* page : pages) {
        connect(page, &WorkbenchPage::runStarted, this, &MainWindow::updateActions);
        connect(page, &WorkbenchPage::showRequested, this, [this, page] {
            // The Attention tab shows the same regeneration: stay there.
            if (page != m_regenerate || m_tabs->currentWidget() != m_attention)
                m_tabs->setCurrentWidget(page);
        });
    }
    connect(m_regenerate, &RegeneratePage::regenerationShown, this, &MainWindow::regenerationShown);
    connect(m_compare, &ComparePage::finished, this, &MainWindow::comparisonFinished);
    connect(m_qa, &QaPage::answerShown, this, &MainWindow::answerShown);
    connect(m_interpolation, &InterpolationPage::interpolationShown, this, &MainWindow::interpolationShown);
    connect(m_interpolation, &InterpolationPage::loadFileRequested, m_files, &FileController::loadEndpointDialog);
    connect(m_batch, &BatchPage::finished, this, &MainWindow::batchFinished);
    connect(m_ablation, &AblationPage::finished, this, &MainWindow::ablationFinished);
    // A bar of the importance chart selects its memory token in the attention view.
    connect(m_ablation, &AblationPage::memoryTokenSelected, this,
            [this](int k) { m_attention->attentionView()->selectMemoryToken(k); });
    connect(m_batch, &BatchPage::openDatasetRequested, m_files, &FileController::openDatasetDialog);
    connect(m_batch, &BatchPage::cancelRequested, this, &MainWindow::cancelBatch);
    connect(m_batch, &BatchPage::reviewRequested, this, [this](const view::EvalRow& row) {
        m_regenerate->showReview(row);
        m_attention->clear();
        showTab(RegenerateTab);
    });
}

void MainWindow::updateActions()
{
    const bool model = m_engine->hasModel() && m_model->currentCompressor() != nullptr;
    const bool hasText = !text().trimmed().isEmpty();
    const bool busy = m_engine->isBusy();
    m_runAction->setEnabled(model && hasText && !m_regenerate->isRunning());
    m_compareAction->setEnabled(model && hasText && !m_compare->isRunning());
    m_askAction->setEnabled(model && hasText && !m_qa->isRunning());
    m_saveCompressedAction->setEnabled(model && hasText);
    m_cancelAction->setEnabled(busy || m_engine->isSweeping());
    m_status->setCancelVisible(busy || m_engine->isSweeping());
    m_openModelAction->setEnabled(!m_model->isLoading());
    m_compare->setRunEnabled(model && hasText && !m_compare->isRunning());
    m_qa->setRunEnabled(model && hasText && !m_qa->isRunning());
    m_interpolation->setRunEnabled(model && !m_interpolation->isPreparing());
    m_batch->setRunEnabled(model && !m_batch->isRunning());
    m_ablation->setRunEnabled(model && hasText && !m_ablation->isRunning());
}

void MainWindow::cancel()
{
    if (!m_engine->isBusy() && !m_engine->isSweeping())
        return;
    const bool longJobs = m_engine->isBusy();
    m_engine->cancel();
    // A long job answers with cancelled(); the curve has stopped here and now (EngineClient::stopSweep).
    m_status->showCancelling(longJobs);
    m_interpolation->updateBusy();
    updateActions();
}

void MainWindow::cancelBatch()
{
    if (!m_engine->isBatchRunning())
        return;
    m_engine->cancelBatch();  // the batch alone: a regeneration or the slider issued beside it goes on
    m_status->showCancelling(true);
    updateActions();
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_handedOver && !m_session->confirmClose()) {
        event->ignore();
        return;
    }
    Preferences::setWindowGeometry(saveGeometry(), saveState());
    m_engine->cancel();
    event->accept();
}

// ---- the public functions, forwarded to the parts ------------------------------------------------

void MainWindow::openModelFolder(const QString& dir) { m_model->openModelFolder(dir); }
QString MainWindow::initialModelDir() { return ModelController::initialModelDir(); }
bool MainWindow::isModelLoaded() const { return m_engine->hasModel(); }
QString MainWindow::modelDir() const { return m_model->modelDir(); }
QString MainWindow::currentCompressorId() const { return m_model->currentCompressorId(); }
bool MainWindow::setCurrentCompressor(const QString& id) { return m_model->setCurrentCompressor(id); }
QString MainWindow::device() const { return m_model->device(); }
QComboBox* MainWindow::compressorCombo() const { return m_model->compressorCombo(); }
QComboBox* MainWindow::deviceCombo() const { return m_model->deviceCombo(); }
QProgressBar* MainWindow::progressBar() const { return m_status->progressBar(); }
QLabel* MainWindow::stageLabel() const { return m_status->stageLabel(); }
HelpPane* MainWindow::helpPane() const { return m_helpDock->pane(); }
QDockWidget* MainWindow::helpDock() const { return m_helpDock; }
QString MainWindow::text() const { return m_source->text(); }
void MainWindow::setText(const QString& text) { m_source->setText(text); }
int MainWindow::tokenCount() const { return m_source->tokenCount(); }
QPlainTextEdit* MainWindow::textEdit() const { return m_source->editor(); }
QLabel* MainWindow::tokenLabel() const { return m_source->tokenLabel(); }
bool MainWindow::isBusy() const { return m_engine->isBusy(); }
void MainWindow::runRegeneration() { m_regenerate->run(m_attention->captureAttention()); }
const RegenerationResult& MainWindow::lastRegeneration() const { return m_regenerate->lastRegeneration(); }
bool MainWindow::hasRegeneration() const { return m_regenerate->hasRegeneration(); }
void MainWindow::runComparison(const QStringList& compressorIds) { m_compare->run(compressorIds); }
void MainWindow::askQuestion(const QString& question, const QStringList& gold) { m_qa->ask(question, gold); }
void MainWindow::prepareInterpolation() { m_interpolation->prepare(); }
void MainWindow::runBatch() { m_batch->run(); }
void MainWindow::resumeBatch() { m_batch->resume(); }
bool MainWindow::openDataset(const QString& path) { return m_batch->openDataset(path); }

bool MainWindow::openFile(const QString& path) { return m_files->openFile(path); }
bool MainWindow::loadTextFile(const QString& path) { return m_files->loadTextFile(path); }
bool MainWindow::loadExample(const QString& resourcePath) { return m_examples->loadExample(resourcePath); }

void MainWindow::offerStarterExample()
{
    // Once the model is open (a tiny test model gets a one-sentence text), unless a text came first.
    connect(
        this, &MainWindow::modelReady, this,
        [this] {
            if (text().trimmed().isEmpty() && m_examples->loadStarterExample(m_engine->model().parameters < 5000000))
                updateActions();
        },
        Qt::SingleShotConnection);
}
QStringList MainWindow::exampleFiles() { return ExamplesMenu::exampleFiles(); }
QString MainWindow::exampleTitle(const QString& resourcePath) { return ExamplesMenu::exampleTitle(resourcePath); }
QString MainWindow::readExample(const QString& resourcePath) { return ExamplesMenu::readExample(resourcePath); }
void MainWindow::saveCompressedPrompt(const QString& path) { m_export->saveCompressedPrompt(path); }
bool MainWindow::saveSession(const QString& path) { return m_session->saveTo(path); }
bool MainWindow::loadSession(const QString& path) { return m_session->loadFrom(path); }
WorkbenchSession MainWindow::currentSession() const { return m_session->current(); }
QString MainWindow::sessionPath() const { return m_session->path(); }

void MainWindow::closeHandedOver()
{
    m_handedOver = true;
    close();
}

void MainWindow::resumeWork(const WorkbenchSession& s, const QString& path, bool modified)
{
    m_session->resume(s, path, modified);
}

}  // namespace xcomp::workbench
