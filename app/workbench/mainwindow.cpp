#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <algorithm>

#include "attentionpage.h"
#include "attentionview.h"
#include "batchpage.h"
#include "comparepage.h"
#include "dashboardview.h"
#include "diffview.h"
#include "engineclient.h"
#include "helppane.h"
#include "interpolationpage.h"
#include "interpolationpanel.h"
#include "messagebar.h"
#include "metricsstrip.h"
#include "preferences.h"
#include "preferencesdialog.h"
#include "qapage.h"
#include "regeneratepage.h"
#include "reportconvert.h"
#include "sessionfile.h"
#include "teachingtext.h"
#include "xcomp/runtime.h"

namespace xcomp::workbench {

namespace {

QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

constexpr int kCountDelayMs = 300;

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowIcon(icon("xcomp"));
    m_engine = new EngineClient(this);
    buildActions();
    buildCentral();
    buildMenus();
    buildToolBar();
    buildStatusBar();
    connectEngine();
    connectPages();

    setAcceptDrops(true);  // files dropped on the window are opened like File > Open
    resize(1400, 900);
    const QByteArray geometry = Preferences::windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = Preferences::windowState();
    if (!state.isEmpty())
        restoreState(state);
    m_attention->setCaptureAttention(Preferences::captureAttention());
    updateRecentMenu();
    updateActions();
    updateTokenLabel();
    updateModelLabel();
    updateWindowTitle();
    refreshHelp();
}

MainWindow::~MainWindow() = default;

// ---- construction ------------------------------------------------------------------------------

void MainWindow::buildActions()
{
    m_openAction = new QAction(icon("open"), tr("&Open\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(tr("Open a text, a session, a compressed prompt (.xcp) or a dataset (.jsonl)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openFileDialog);

    m_saveAction = new QAction(icon("save"), tr("&Save Session"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(tr("Save the texts, settings and results of this session"));
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveSessionTriggered);

    m_saveAsAction = new QAction(tr("Save Session &As\u2026"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveSessionAsTriggered);

    m_saveCompressedAction = new QAction(icon("compress"), tr("Save &Compressed Prompt\u2026"), this);
    m_saveCompressedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_saveCompressedAction->setToolTip(tr("Compress the text with the chosen compressor and save the memory tokens' "
                                          "KV values as a .xcp file"));
    connect(m_saveCompressedAction, &QAction::triggered, this, &MainWindow::saveCompressedTriggered);

    m_openModelAction = new QAction(icon("model"), tr("Open &Model Folder\u2026"), this);
    m_openModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openModelAction->setToolTip(tr("A folder with config.json, the weights, tokenizer.model and compressors/"));
    connect(m_openModelAction, &QAction::triggered, this, &MainWindow::openModelTriggered);

    m_openDatasetAction = new QAction(icon("batch"), tr("Open &Dataset\u2026"), this);
    connect(m_openDatasetAction, &QAction::triggered, this, &MainWindow::openDatasetTriggered);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_runAction = new QAction(icon("play"), tr("Compress && &Regenerate"), this);
    m_runAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setToolTip(tr("Compress the text into memory tokens and let the frozen decoder regenerate it "
                               "(Ctrl+Return)"));
    m_runAction->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runRegeneration);

    m_compareAction = new QAction(icon("compare"), tr("&Compare Compressors"), this);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_compareAction->setToolTip(tr("Run the compressors checked in the Compare tab on the text"));
    connect(m_compareAction, &QAction::triggered, this, [this] { runComparison(); });

    m_askAction = new QAction(icon("qa"), tr("&Ask Question"), this);
    connect(m_askAction, &QAction::triggered, this, [this] {
        showTab(QaTab);
        askQuestion(m_qa->question(), m_qa->goldAnswers());
    });

    m_cancelAction = new QAction(icon("cancel"), tr("C&ancel"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setToolTip(tr("Stop the running job (Esc)"));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancel);

    m_preferencesAction = new QAction(tr("&Preferences\u2026"), this);
    QList<QKeySequence> prefKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (prefKeys.isEmpty())
        prefKeys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    m_preferencesAction->setShortcuts(prefKeys);
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::showPreferences);

    m_helpAction = new QAction(icon("help"), tr("Help for &Students"), this);
    m_helpAction->setShortcut(QKeySequence::HelpContents);
    m_helpAction->setCheckable(true);

    m_aboutAction = new QAction(tr("&About xcomp Workbench"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_openModelAction);
    file->addAction(m_openDatasetAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addAction(m_saveCompressedAction);
    file->addSeparator();
    file->addAction(m_preferencesAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_compareAction);
    run->addAction(m_askAction);
    run->addSeparator();
    run->addAction(m_cancelAction);

    m_examplesMenu = menuBar()->addMenu(tr("&Examples"));
    for (const QString& path : exampleFiles()) {
        QAction* a = m_examplesMenu->addAction(exampleTitle(path));
        connect(a, &QAction::triggered, this, [this, path] { loadExample(path); });
    }
    m_examplesMenu->addSeparator();
    QAction* pair = m_examplesMenu->addAction(tr("Interpolation Pair (Two Abstracts)"));
    connect(pair, &QAction::triggered, this, [this] {
        m_interpolation->setPathA(QString());
        m_interpolation->setPathB(QString());
        m_interpolation->setTextA(readExample(QStringLiteral(":/examples/abstract-sparse-routing.txt")));
        m_interpolation->setTextB(readExample(QStringLiteral(":/examples/abstract-glacier-sensing.txt")));
        showTab(InterpolationTab);
    });
    QAction* dataset = m_examplesMenu->addAction(tr("Sample Dataset (Batch Tab)"));
    connect(dataset, &QAction::triggered, this, [this] {
        if (openDataset(QStringLiteral(":/examples/sample-dataset.jsonl")))
            showTab(BatchTab);
    });

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_helpAction);
    viewMenu->addSeparator();
    const QList<QPair<Tab, QString>> tabs = {
        {RegenerateTab, tr("&Regenerate")}, {CompareTab, tr("&Compare")},      {AttentionTab, tr("&Attention")},
        {InterpolationTab, tr("&Interpolation")}, {QaTab, tr("&Question Answering")}, {BatchTab, tr("&Batch")},
    };
    for (const auto& [tab, name] : tabs) {
        QAction* a = viewMenu->addAction(name);
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + int(tab))));
        connect(a, &QAction::triggered, this, [this, tab = tab] { showTab(tab); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_helpAction);
    QAction* whatsThis = QWhatsThis::createAction(this);
    whatsThis->setText(tr("What's &This?"));
    help->addAction(whatsThis);
    help->addSeparator();
    help->addAction(m_aboutAction);
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_openModelAction);
    auto* compressorLabel = new QLabel(tr(" Compressor: "), bar);
    bar->addWidget(compressorLabel);
    m_compressor = new QComboBox(bar);
    m_compressor->setMinimumContentsLength(14);
    m_compressor->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_compressor->setToolTip(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    compressorLabel->setBuddy(m_compressor);
    bar->addWidget(m_compressor);
    bar->addWidget(new QLabel(tr(" Device: "), bar));
    m_device = new QComboBox(bar);
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA"), QStringLiteral("cuda"));
    if (!xcomp::cuda_available()) {
        if (auto* model = qobject_cast<QStandardItemModel*>(m_device->model()))
            model->item(1)->setEnabled(false);
        m_device->setItemData(1, tr("No CUDA device is available."), Qt::ToolTipRole);
    }
    {
        int index = m_device->findData(Preferences::device());
        if (index == 1 && !xcomp::cuda_available())
            index = 0;
        m_device->setCurrentIndex(std::max(0, index));
    }
    bar->addWidget(m_device);
    bar->addSeparator();
    bar->addAction(m_runAction);
    bar->addAction(m_cancelAction);

    connect(m_compressor, &QComboBox::currentIndexChanged, this, [this] {
        if (!currentCompressorId().isEmpty())
            Preferences::setLastCompressor(currentCompressorId());
        const CompressorEntry* c = currentCompressor();
        m_qa->setCompressorNote(c ? c->label : QString(), c && c->qa);
        updateTokenLabel();
        updateActions();
    });
    connect(m_device, &QComboBox::activated, this, [this] {
        Preferences::setDevice(device());
        if (!m_modelDir.isEmpty())
            openModelFolder(m_modelDir);
    });
}

void MainWindow::buildCentral()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_messages = new MessageBar(central);
    layout->addWidget(m_messages);

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* textTitle = new QLabel(tr("Text to compress"), left);
    QFont bold = textTitle->font();
    bold.setBold(true);
    textTitle->setFont(bold);
    m_text = new QPlainTextEdit(left);
    m_text->setPlaceholderText(tr("Paste or type a text here, or pick one from the Examples menu."));
    m_text->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    m_tokenLabel = new QLabel(left);
    m_tokenLabel->setWordWrap(true);
    m_tokenLabel->setToolTip(TeachingText::tooltip(TeachingText::Topic::CompressionRatio));
    auto* runButton = new QToolButton(left);
    runButton->setDefaultAction(m_runAction);
    runButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    runButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    left->setMinimumWidth(260);
    leftLayout->addWidget(textTitle);
    leftLayout->addWidget(m_text, 1);
    leftLayout->addWidget(m_tokenLabel);
    leftLayout->addWidget(runButton);

    m_tabs = new QTabWidget(splitter);
    m_tabs->setDocumentMode(true);
    m_regenerate = new RegeneratePage(m_tabs);
    m_compare = new ComparePage(m_tabs);
    m_attention = new AttentionPage(m_tabs);
    m_interpolation = new InterpolationPage(m_tabs);
    m_qa = new QaPage(m_tabs);
    m_batch = new BatchPage(m_tabs);
    m_tabs->addTab(m_regenerate, icon("play"), tr("Regenerate"));
    m_tabs->addTab(m_compare, icon("compare"), tr("Compare"));
    m_tabs->addTab(m_attention, icon("attention"), tr("Attention"));
    m_tabs->addTab(m_interpolation, icon("interpolate"), tr("Interpolation"));
    m_tabs->addTab(m_qa, icon("qa"), tr("Question Answering"));
    m_tabs->addTab(m_batch, icon("batch"), tr("Batch"));
    m_tabs->setTabToolTip(RegenerateTab, tr("The original and its regeneration, differences coloured by error type"));
    m_tabs->setTabToolTip(CompareTab, tr("Several compressors on the same text, side by side"));
    m_tabs->setTabToolTip(AttentionTab, TeachingText::tooltip(TeachingText::Topic::AttentionUsage));
    m_tabs->setTabToolTip(InterpolationTab, TeachingText::tooltip(TeachingText::Topic::Interpolation));
    m_tabs->setTabToolTip(QaTab, tr("Answers from the compressed prompt and from the full text"));
    m_tabs->setTabToolTip(BatchTab, tr("A whole dataset: mean scores against text length"));

    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 1040});
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_help = new HelpPane(this);
    m_helpDock = new QDockWidget(tr("Help for Students"), this);
    m_helpDock->setObjectName(QStringLiteral("helpDock"));
    m_helpDock->setWidget(m_help);
    addDockWidget(Qt::RightDockWidgetArea, m_helpDock);
    m_helpDock->hide();
    m_help->setMinimumWidth(240);
    connect(m_helpAction, &QAction::toggled, this, [this](bool on) {
        m_helpDock->setVisible(on);
        if (on && m_helpDock->width() < 340)
            resizeDocks({m_helpDock}, {360}, Qt::Horizontal);
    });
    connect(m_helpDock, &QDockWidget::visibilityChanged, m_helpAction, [this](bool visible) {
        if (!isMinimized())
            m_helpAction->setChecked(visible);
    });

    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(kCountDelayMs);
    connect(m_countTimer, &QTimer::timeout, this, [this] {
        if (m_engine->hasModel())
            m_engine->requestTokenCount(m_text->toPlainText());
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        setWindowModified(true);
        scheduleTokenCount();
        updateActions();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::refreshHelp);
}

void MainWindow::buildStatusBar()
{
    m_modelLabel = new QLabel(this);
    m_stageLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->hide();
    statusBar()->addWidget(m_modelLabel, 1);
    statusBar()->addPermanentWidget(m_stageLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
}

void MainWindow::connectEngine()
{
    connect(m_engine, &EngineClient::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_cancelButton->setVisible(busy);
        if (busy) {
            m_progress->setValue(0);
        } else {
            m_stageLabel->clear();
        }
        updateActions();
    });
    connect(m_engine, &EngineClient::progress, this, [this](double fraction, const QString& stage) {
        m_progress->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
        if (!stage.isEmpty())
            m_stageLabel->setText(stage);
    });
    connect(m_engine, &EngineClient::modelOpened, this, &MainWindow::onModelOpened);
    connect(m_engine, &EngineClient::modelFailed, this, [this](const QString&) {
        m_modelLoading = false;
        m_pendingModelDir.clear();
        // The session keeps the previous model, if any: show its device again.
        if (m_engine->hasModel())
            m_device->setCurrentIndex(std::max(0, m_device->findData(m_engine->model().device.startsWith(
                                                      QLatin1String("cuda")) ? QStringLiteral("cuda")
                                                                             : QStringLiteral("cpu"))));
        updateModelLabel();
        updateActions();
    });
    connect(m_engine, &EngineClient::tokenCount, this, [this](int tokens) {
        m_tokens = tokens;
        updateTokenLabel();
    });
    connect(m_engine, &EngineClient::partialText, this, [this](quint64 job, const QString& text) {
        if (job == m_regenJob)
            m_regenerate->showPartial(text);
    });
    connect(m_engine, &EngineClient::regenerated, this, &MainWindow::onRegenerated);
    connect(m_engine, &EngineClient::compareResult, this, &MainWindow::onCompareResult);
    connect(m_engine, &EngineClient::compareFinished, this, [this] {
        m_compareJob = 0;
        emit comparisonFinished();
    });
    connect(m_engine, &EngineClient::answered, this, &MainWindow::onAnswered);
    connect(m_engine, &EngineClient::saved, this, [this](const QString& path) {
        m_messages->showInformation(tr("Saved the compressed prompt to %1.").arg(QDir::toNativeSeparators(path)));
        Preferences::addRecentFile(path);
        updateRecentMenu();
    });
    connect(m_engine, &EngineClient::interpolationPrepared, this, &MainWindow::onInterpolationPrepared);
    connect(m_engine, &EngineClient::interpolated, this, &MainWindow::onInterpolated);
    connect(m_engine, &EngineClient::curveChanged, this, &MainWindow::onCurveChanged);
    connect(m_engine, &EngineClient::interpolationStateChanged, this, &MainWindow::updateInterpolationBusy);
    connect(m_engine, &EngineClient::sweepFinished, this, [this] {
        updateInterpolationBusy();
        updateActions();
    });
    connect(m_engine, &EngineClient::batchRow, this, [this](const BatchRowResult& row, int done, int total) {
        m_batch->addRow(row, done, total);
    });
    connect(m_engine, &EngineClient::batchWarning, this, [this](const QString& message, int done, int total) {
        ++m_batchWarnings;
        m_batch->setProgress(done, total);
        m_messages->showWarning(m_batchWarnings == 1 ? message
                                                     : tr("%1 (and %n more skipped example(s))", nullptr,
                                                          m_batchWarnings - 1)
                                                           .arg(message));
    });
    connect(m_engine, &EngineClient::batchFinished, this, [this](bool cancelled) {
        m_batch->finish(cancelled);
        if (cancelled)
            m_messages->showInformation(tr("Batch evaluation cancelled after %n example(s).", nullptr,
                                           int(m_batch->dashboard()->rows().size())));
        emit batchFinished();
    });
    connect(m_engine, &EngineClient::error, this, &MainWindow::reportError);
    connect(m_engine, &EngineClient::cancelled, this, [this] { m_stageLabel->setText(tr("Cancelled")); });
    connect(m_engine, &EngineClient::jobFinished, this, [this](quint64 job) {
        if (job == m_regenJob) {
            m_regenJob = 0;
            if (!m_hasRegeneration || m_lastRegeneration.job != job)
                m_regenerate->clear();  // failed or cancelled before any text
        }
        if (job == m_qaJob) {
            m_qaJob = 0;
            if (!m_qa->hasResult() || m_qa->result().job != job)
                m_qa->clear();
        }
        if (job == m_prepareJob) {
            m_prepareJob = 0;
            if (!m_engine->interpolationReady())
                m_interpolation->setStatus(tr("Not prepared."));
        }
        updateActions();
    });
}

void MainWindow::connectPages()
{
    m_attention->setCaptureAttention(true);
    connect(m_attention, &AttentionPage::captureAttentionChanged, this,
            [](bool capture) { Preferences::setCaptureAttention(capture); });
    // Linked selection: a word of the regeneration <-> a generated token of the attention view.
    connect(m_regenerate->diffView(), &DiffView::regeneratedPositionClicked, this, [this](int pos) {
        const int token = m_attention->tokenAt(pos);
        if (token >= 0 && m_attention->hasData())
            m_attention->attentionView()->selectGeneratedToken(token);
    });
    connect(m_attention->attentionView(), &AttentionView::generatedTokenSelected, this, [this](int token) {
        if (token < 0) {
            m_regenerate->diffView()->setSelectedRegeneratedRange(0, 0);
            return;
        }
        const QPair<int, int> r = m_attention->tokenRange(token);
        m_regenerate->diffView()->setSelectedRegeneratedRange(r.first, r.second);
    });

    connect(m_compare, &ComparePage::runRequested, this, [this](const QStringList& ids) { runComparison(ids); });
    connect(m_qa, &QaPage::askRequested, this, &MainWindow::askQuestion);

    connect(m_interpolation, &InterpolationPage::prepareRequested, this, [this] { prepareInterpolation(); });
    connect(m_interpolation, &InterpolationPage::useMainTextRequested, this, [this](int which) {
        if (which == 0) {
            m_interpolation->setPathA(QString());
            m_interpolation->setTextA(text());
        } else {
            m_interpolation->setPathB(QString());
            m_interpolation->setTextB(text());
        }
    });
    connect(m_interpolation, &InterpolationPage::loadFileRequested, this, &MainWindow::loadEndpointFile);
    InterpolationPanel* panel = m_interpolation->panel();
    connect(panel, &InterpolationPanel::alphaRequested, this, [this](double alpha, bool spherical) {
        if (!m_engine->interpolationReady())
            return;
        if (spherical != m_curveSpherical) {
            m_curveSpherical = spherical;
            m_engine->startSweep(InterpolationPage::kSweepPoints, spherical);
        }
        m_engine->requestInterpolation(alpha, spherical);
        updateInterpolationBusy();
    });
    connect(panel, &InterpolationPanel::sweepRequested, this, [this](bool spherical) {
        if (!m_engine->interpolationReady())
            return;
        m_curveSpherical = spherical;
        m_engine->startSweep(InterpolationPage::kSweepPoints, spherical);
        updateInterpolationBusy();
    });

    connect(m_batch, &BatchPage::openDatasetRequested, this, &MainWindow::openDatasetTriggered);
    connect(m_batch, &BatchPage::runRequested, this, &MainWindow::runBatch);
    connect(m_batch, &BatchPage::resumeRequested, this, &MainWindow::resumeBatch);
    connect(m_batch, &BatchPage::cancelRequested, this, &MainWindow::cancel);
    connect(m_batch, &BatchPage::reviewRequested, this, [this](const view::EvalRow& row) {
        view::RegenerationView v;
        v.compressorLabel = QStringLiteral("%1 m=%2").arg(row.method).arg(row.memoryTokens);
        v.diff = row.diff;
        v.metrics = row.metrics;
        m_regenerate->showResult(v, tr("batch example %1").arg(row.id));
        m_attention->clear();
        showTab(RegenerateTab);
    });
}

// ---- model -------------------------------------------------------------------------------------

QString MainWindow::initialModelDir()
{
    const QString last = Preferences::lastModelDir();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    return fromStd(xcomp::default_model_dir());
}

void MainWindow::openModelFolder(const QString& dir)
{
    if (dir.isEmpty())
        return;
    if (!QFileInfo(dir).isDir()) {
        m_messages->showWarning(tr("No model folder at %1. Use File \u25b8 Open Model Folder\u2026 to choose one.")
                                    .arg(QDir::toNativeSeparators(dir)));
        return;
    }
    m_modelLoading = true;
    m_pendingModelDir = dir;
    m_modelLabel->setText(tr("Loading model from %1\u2026").arg(QDir::toNativeSeparators(dir)));
    m_engine->openModel(dir, device(), Preferences::threads());
    updateActions();
}

bool MainWindow::isModelLoaded() const
{
    return m_engine->hasModel();
}

QString MainWindow::device() const
{
    return m_device->currentData().toString();
}

QString MainWindow::currentCompressorId() const
{
    return m_compressor->currentData().toString();
}

const CompressorEntry* MainWindow::currentCompressor() const
{
    return m_engine->compressor(currentCompressorId());
}

bool MainWindow::setCurrentCompressor(const QString& id)
{
    const int index = m_compressor->findData(id);
    if (index < 0)
        return false;
    m_compressor->setCurrentIndex(index);
    return true;
}

void MainWindow::onModelOpened(const ModelEntry& model)
{
    m_modelLoading = false;
    m_modelDir = m_pendingModelDir.isEmpty() ? model.dir : m_pendingModelDir;
    m_pendingModelDir.clear();
    Preferences::setLastModelDir(m_modelDir);

    const QVector<CompressorEntry>& compressors = model.compressors;  // in the papers' order (the engine's)
    const QString previous = !m_pendingCompressor.isEmpty() ? m_pendingCompressor
                             : !currentCompressorId().isEmpty() ? currentCompressorId()
                                                                : Preferences::lastCompressor();
    m_pendingCompressor.clear();
    {
        const QSignalBlocker block(m_compressor);
        m_compressor->clear();
        for (const CompressorEntry& c : compressors) {
            m_compressor->addItem(c.label, c.id);
            m_compressor->setItemData(m_compressor->count() - 1,
                                      QString(tr("%1 \u2014 method %2, %3 memory tokens, up to %4 source tokens%5")
                                          .arg(c.id, c.method)
                                          .arg(c.memoryTokens)
                                          .arg(c.maxSourceTokens)
                                          .arg(c.qa ? tr(", QA fine-tuned") : QString())
                                          + (c.routing.isEmpty() ? QString()
                                                                 : QString(QLatin1Char('\n') + tr("Runs %1.").arg(c.routing)))),
                                      Qt::ToolTipRole);
        }
        const int index = m_compressor->findData(previous);
        m_compressor->setCurrentIndex(index >= 0 ? index : 0);
    }
    const CompressorEntry* c = currentCompressor();
    m_qa->setCompressorNote(c ? c->label : QString(), c && c->qa);
    m_compare->setCompressors(compressors);
    m_interpolation->resetPrepared();
    if (!model.warnings.isEmpty())
        m_messages->showWarning(tr("%n compressor(s) could not be loaded: %1", nullptr, int(model.warnings.size()))
                                    .arg(model.warnings.join(QStringLiteral("; "))));
    else if (compressors.isEmpty())
        m_messages->showWarning(tr("The model folder %1 has no compressors (compressors/*). Train one with the "
                                   "xcomp command-line tool first.")
                                    .arg(QDir::toNativeSeparators(m_modelDir)));
    updateModelLabel();
    updateTokenLabel();
    updateActions();
    scheduleTokenCount();
    emit modelReady();
}

void MainWindow::updateModelLabel()
{
    if (m_modelLoading)
        return;
    if (!m_engine->hasModel()) {
        m_modelLabel->setText(tr("No model open"));
        return;
    }
    const ModelEntry& m = m_engine->model();
    const double millions = double(m.parameters) / 1e6;
    m_modelLabel->setText(tr("Model %1 \u2014 %2M parameters, %3 layers \u2014 %4, %5 \u2014 %n compressor(s)",
                             nullptr, int(m.compressors.size()))
                              .arg(m.name)
                              .arg(millions, 0, 'f', millions < 10 ? 1 : 0)
                              .arg(m.layers)
                              .arg(m.device, m.dtype));
    m_modelLabel->setToolTip(QDir::toNativeSeparators(m.dir));
}

// ---- text and runs ----------------------------------------------------------------------------

QString MainWindow::text() const
{
    return m_text->toPlainText();
}

void MainWindow::setText(const QString& text)
{
    m_text->setPlainText(text);
}

void MainWindow::scheduleTokenCount()
{
    if (m_text->toPlainText().isEmpty()) {
        m_countTimer->stop();
        m_tokens = 0;
        updateTokenLabel();
        return;
    }
    m_countTimer->start();
}

void MainWindow::updateTokenLabel()
{
    const CompressorEntry* c = currentCompressor();
    if (!m_engine->hasModel()) {
        m_tokenLabel->setText(tr("Open a model to count tokens."));
        return;
    }
    if (m_tokens < 0) {
        m_tokenLabel->setText(tr("Counting tokens\u2026"));
        return;
    }
    QString s = tr("%n token(s)", nullptr, m_tokens);
    if (c && c->memoryTokens > 0 && m_tokens > 0) {
        s += QStringLiteral(" \u2192 ") + tr("%n memory token(s)", nullptr, c->memoryTokens) +
             QStringLiteral(": ") + tr("%1\u00d7 compression").arg(QLocale().toString(double(m_tokens) / c->memoryTokens, 'f', 1));
        if (c->maxSourceTokens > 0 && m_tokens > c->maxSourceTokens)
            s += QStringLiteral("<br><span style=\"color:#b00020\">") +
                 tr("Longer than the %1 tokens this compressor was trained on.").arg(c->maxSourceTokens).toHtmlEscaped() +
                 QStringLiteral("</span>");
    }
    m_tokenLabel->setText(s);
}

bool MainWindow::isBusy() const
{
    return m_engine->isBusy();
}

void MainWindow::runRegeneration()
{
    const CompressorEntry* c = currentCompressor();
    if (!m_engine->hasModel() || !c) {
        m_messages->showWarning(tr("Open a model folder with at least one compressor first."));
        return;
    }
    const QString t = text();
    if (t.trimmed().isEmpty()) {
        m_messages->showWarning(tr("There is no text to compress. Paste one on the left or pick an example."));
        return;
    }
    if (m_regenJob != 0)
        return;
    m_messages->dismiss();
    m_regenJob = m_engine->regenerate(c->id, t, m_attention->captureAttention());
    m_regenerate->showRunning(t, c->label);
    if (m_tabs->currentIndex() != AttentionTab)
        showTab(RegenerateTab);
    updateActions();
}

void MainWindow::onRegenerated(const RegenerationResult& result)
{
    if (result.job != m_regenJob)
        return;
    m_lastRegeneration = result;
    m_hasRegeneration = true;
    QStringList notes;
    if (!result.requestedId.isEmpty() && result.requestedId != result.compressor.id)
        notes << tr("%1 ran this %2-token text with its length variant %3")
                     .arg(result.requestedId)
                     .arg(result.view.metrics.sourceTokens)
                     .arg(result.compressor.id);
    if (result.cancelled)
        notes << tr("cancelled, partial regeneration");
    m_regenerate->showResult(result.view, notes.join(QStringLiteral("; ")));
    m_attention->setData(result.attention, result.tokenRanges);
    setWindowModified(true);
    emit regenerationShown();
}

void MainWindow::runComparison(const QStringList& compressorIds)
{
    QStringList ids = compressorIds.isEmpty() ? m_compare->checkedCompressors() : compressorIds;
    if (!m_engine->hasModel() || ids.isEmpty()) {
        m_messages->showWarning(tr("Open a model and check at least one compressor in the Compare tab."));
        return;
    }
    const QString t = text();
    if (t.trimmed().isEmpty()) {
        m_messages->showWarning(tr("There is no text to compress. Paste one on the left or pick an example."));
        return;
    }
    if (m_compareJob != 0)
        return;
    m_compareOriginal = t;
    m_compare->begin(t);
    m_compareJob = m_engine->compare(ids, t);
    showTab(CompareTab);
    updateActions();
}

void MainWindow::onCompareResult(int, int, const RegenerationResult& result)
{
    if (result.job != m_compareJob)
        return;
    m_compare->addResult(result.view);
    setWindowModified(true);
}

void MainWindow::askQuestion(const QString& question, const QStringList& goldAnswers)
{
    const CompressorEntry* c = currentCompressor();
    if (!m_engine->hasModel() || !c) {
        m_messages->showWarning(tr("Open a model folder with at least one compressor first."));
        return;
    }
    if (question.trimmed().isEmpty()) {
        m_messages->showWarning(tr("Type a question first."));
        return;
    }
    if (text().trimmed().isEmpty()) {
        m_messages->showWarning(tr("The question needs a text to be answered from: paste one on the left."));
        return;
    }
    if (m_qaJob != 0)
        return;
    m_qa->showRunning();
    m_qaJob = m_engine->answer(c->id, text(), question.trimmed(), goldAnswers);
    updateActions();
}

void MainWindow::onAnswered(const QaResult& result)
{
    if (result.job != m_qaJob)
        return;
    m_qa->showResult(result);
    setWindowModified(true);
    emit answerShown();
}

void MainWindow::prepareInterpolation()
{
    const CompressorEntry* c = currentCompressor();
    if (!m_engine->hasModel() || !c) {
        m_messages->showWarning(tr("Open a model folder with at least one compressor first."));
        return;
    }
    m_interpolation->resetPrepared();
    m_interpolation->setStatus(tr("Compressing A and B\u2026"));
    m_prepareJob = m_engine->prepareInterpolation(c->id, m_interpolation->textA(), m_interpolation->pathA(),
                                                  m_interpolation->textB(), m_interpolation->pathB());
    updateActions();
}

void MainWindow::onInterpolationPrepared(const SlotEntry& a, const SlotEntry& b)
{
    const CompressorEntry* c = m_engine->compressor(a.compressorId);
    m_interpolation->setPrepared(a, b, c ? c->label : a.compressorId);
    InterpolationPanel* panel = m_interpolation->panel();
    m_curveSpherical = panel->spherical();
    m_engine->startSweep(InterpolationPage::kSweepPoints, m_curveSpherical);
    m_engine->requestInterpolation(panel->alpha(), m_curveSpherical);
    updateInterpolationBusy();
}

void MainWindow::onInterpolated(const InterpolationResult& result)
{
    m_interpolation->panel()->showRegeneration(result.alpha, result.vsA, result.vsB);
    updateInterpolationBusy();
    emit interpolationShown();
}

void MainWindow::onCurveChanged(const QVector<view::InterpolationPoint>& curve, int done, int total)
{
    m_interpolation->panel()->setCurve(curve);
    if (total > 0 && done < total)
        m_interpolation->setStatus(tr("Computing the BLEU curve: %1 of %2 points\u2026").arg(done).arg(total));
    else if (total > 0)
        m_interpolation->setStatus(tr("BLEU curve done (%n point(s)).", nullptr, total));
    updateInterpolationBusy();
    updateActions();
}

void MainWindow::updateInterpolationBusy()
{
    const auto& tracker = m_engine->sliderTracker();
    m_interpolation->panel()->setBusy(m_engine->isSweeping() || tracker.isRunning() || tracker.hasPending());
}

void MainWindow::runBatch()
{
    const CompressorEntry* c = currentCompressor();
    if (!m_engine->hasModel() || !c) {
        m_messages->showWarning(tr("Open a model folder with at least one compressor first."));
        return;
    }
    const QVector<BatchExample> examples = m_batch->examplesToRun();
    if (examples.isEmpty()) {
        m_messages->showWarning(tr("Open a dataset first (File \u25b8 Open Dataset\u2026)."));
        return;
    }
    QStringList ids;
    if (m_batch->allCompressors()) {
        for (const CompressorEntry& e : m_engine->model().compressors)
            ids << e.id;
    } else {
        ids << c->id;
    }
    m_batchWarnings = 0;
    m_batchExamples = examples;
    m_batchIds = ids;
    m_batch->begin(int(examples.size() * ids.size()));
    m_engine->runBatch(examples, ids);
    showTab(BatchTab);
    updateActions();
}

void MainWindow::resumeBatch()
{
    const int from = m_batch->resumableFrom();
    if (from < 0 || !m_engine->hasModel() || m_batchExamples.isEmpty()) {
        m_messages->showWarning(tr("There is no cancelled batch to resume."));
        return;
    }
    for (const QString& id : m_batchIds)
        if (!m_engine->compressor(id)) {  // the model changed since
            m_messages->showWarning(tr("The cancelled batch used %1, which this model does not have; run it again.").arg(id));
            return;
        }
    m_batch->begin(int(m_batchExamples.size() * m_batchIds.size()), true);
    m_engine->runBatch(m_batchExamples, m_batchIds, from);
    showTab(BatchTab);
    updateActions();
}

void MainWindow::cancel()
{
    if (!m_engine->isBusy() && !m_engine->isSweeping())
        return;
    const bool longJobs = m_engine->isBusy();
    m_engine->cancel();
    // A long job answers with cancelled(); the curve has stopped here and now (EngineClient::stopSweep).
    m_stageLabel->setText(longJobs ? tr("Cancelling\u2026") : tr("Cancelled"));
    updateInterpolationBusy();
    updateActions();
}

void MainWindow::reportError(const QString& operation, const QString& message)
{
    m_messages->showError(tr("%1 failed: %2").arg(operation, message));
}

void MainWindow::updateActions()
{
    const bool model = m_engine->hasModel() && currentCompressor() != nullptr;
    const bool hasText = !m_text->toPlainText().trimmed().isEmpty();
    const bool busy = m_engine->isBusy();
    m_runAction->setEnabled(model && hasText && m_regenJob == 0);
    m_compareAction->setEnabled(model && hasText && m_compareJob == 0);
    m_askAction->setEnabled(model && hasText && m_qaJob == 0);
    m_saveCompressedAction->setEnabled(model && hasText);
    m_cancelAction->setEnabled(busy || m_engine->isSweeping());
    m_cancelButton->setVisible(busy || m_engine->isSweeping());
    m_openModelAction->setEnabled(!m_modelLoading);
    m_device->setEnabled(!m_modelLoading && !busy);
    m_compressor->setEnabled(m_compressor->count() > 0);
    m_compare->setRunEnabled(model && hasText && m_compareJob == 0);
    m_qa->setRunEnabled(model && hasText && m_qaJob == 0);
    m_interpolation->setRunEnabled(model && m_prepareJob == 0);
    m_batch->setRunEnabled(model && !m_batch->isRunning());
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void MainWindow::refreshHelp()
{
    static const HelpPane::Page pages[] = {HelpPane::Page::Regenerate, HelpPane::Page::Compare,
                                           HelpPane::Page::Attention,  HelpPane::Page::Interpolation,
                                           HelpPane::Page::QuestionAnswering, HelpPane::Page::Batch};
    const int index = std::clamp(m_tabs->currentIndex(), 0, int(TabCount) - 1);
    m_help->showPage(pages[index]);
}

// ---- files ------------------------------------------------------------------------------------

QString MainWindow::dialogDir() const
{
    return Preferences::lastDirectory();
}

void MainWindow::rememberDir(const QString& path)
{
    Preferences::setLastDirectory(QFileInfo(path).absolutePath());
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open"), dialogDir(),
        tr("All supported files (*.txt *.md *.xcs *.json *.xcp *.jsonl);;Texts (*.txt *.md);;Sessions (*.xcs *.json);;"
           "Compressed prompts (*.xcp);;Datasets (*.jsonl);;All files (*)"));
    if (!path.isEmpty()) {
        rememberDir(path);
        openFile(path);
    }
}

bool MainWindow::openFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (!QFileInfo::exists(path)) {
        m_messages->showError(tr("%1 does not exist.").arg(QDir::toNativeSeparators(path)));
        Preferences::removeRecentFile(path);
        updateRecentMenu();
        return false;
    }
    if (suffix == SessionFile::suffix()) {
        ok = loadSession(path);
    } else if (suffix == QLatin1String("json")) {
        // A session if it says so, else not something we read.
        ok = loadSession(path);
    } else if (suffix == QLatin1String("xcp")) {
        if (m_interpolation->pathA().isEmpty() && m_interpolation->textA().trimmed().isEmpty())
            m_interpolation->setPathA(path);
        else
            m_interpolation->setPathB(path);
        showTab(InterpolationTab);
        m_messages->showInformation(tr("Loaded %1 as an interpolation endpoint. Press Compress A and B.")
                                        .arg(QFileInfo(path).fileName()));
        ok = true;
    } else if (suffix == QLatin1String("jsonl")) {
        ok = openDataset(path);
        if (ok)
            showTab(BatchTab);
    } else {
        ok = loadTextFile(path);
    }
    if (ok) {
        Preferences::addRecentFile(path);
        updateRecentMenu();
    }
    return ok;
}

bool MainWindow::loadTextFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_messages->showError(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    const QString t = QString::fromUtf8(bytes);
    if (t.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD"))
        m_messages->showWarning(tr("%1 is not valid UTF-8; unreadable bytes were replaced.").arg(QFileInfo(path).fileName()));
    setText(t);
    return true;
}

QStringList MainWindow::exampleFiles()
{
    QStringList files;
    QDirIterator it(QStringLiteral(":/examples"), {QStringLiteral("*.txt")}, QDir::Files);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QString MainWindow::exampleTitle(const QString& resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return QFileInfo(resourcePath).baseName();
    return QString::fromUtf8(file.readLine()).trimmed();
}

QString MainWindow::readExample(const QString& resourcePath)
{
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    file.readLine();  // the title
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool MainWindow::loadExample(const QString& resourcePath)
{
    const QString t = readExample(resourcePath);
    if (t.isEmpty())
        return false;
    setText(t);
    return true;
}

bool MainWindow::openDataset(const QString& path)
{
    QString error;
    QStringList warnings;
    if (!m_batch->loadDataset(path, &error, &warnings)) {
        m_messages->showError(error);
        return false;
    }
    if (!warnings.isEmpty())
        m_messages->showWarning(tr("%n line(s) skipped. First: %1", nullptr, int(warnings.size())).arg(warnings.first()));
    updateActions();
    return true;
}

void MainWindow::openDatasetTriggered()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Dataset"), dialogDir(),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberDir(path);
    if (openDataset(path)) {
        Preferences::addRecentFile(path);
        updateRecentMenu();
        showTab(BatchTab);
    }
}

void MainWindow::loadEndpointFile(int which)
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Compressed Prompt"), dialogDir(),
                                                      tr("Compressed prompts (*.xcp);;All files (*)"));
    if (path.isEmpty())
        return;
    rememberDir(path);
    if (which == 0)
        m_interpolation->setPathA(path);
    else
        m_interpolation->setPathB(path);
    Preferences::addRecentFile(path);
    updateRecentMenu();
}

void MainWindow::openModelTriggered()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Model Folder"),
                                                          m_modelDir.isEmpty() ? dialogDir() : m_modelDir);
    if (!dir.isEmpty())
        openModelFolder(dir);
}

void MainWindow::saveCompressedTriggered()
{
    const CompressorEntry* c = currentCompressor();
    if (!c || text().trimmed().isEmpty())
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Compressed Prompt"),
                                                QDir(dialogDir()).filePath(QStringLiteral("prompt-%1.xcp").arg(c->id)),
                                                tr("Compressed prompts (*.xcp)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".xcp");
    rememberDir(path);
    saveCompressedPrompt(path);
}

void MainWindow::saveCompressedPrompt(const QString& path)
{
    const CompressorEntry* c = currentCompressor();
    if (!c)
        return;
    m_saveJob = m_engine->compressAndSave(c->id, text(), path);
}

void MainWindow::saveSessionTriggered()
{
    if (m_sessionPath.isEmpty())
        saveSessionAsTriggered();
    else
        saveSession(m_sessionPath);
}

void MainWindow::saveSessionAsTriggered()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Session"),
        m_sessionPath.isEmpty() ? QDir(dialogDir()).filePath(QStringLiteral("session.xcs")) : m_sessionPath,
        tr("Workbench sessions (*.xcs)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".xcs");
    rememberDir(path);
    saveSession(path);
}

WorkbenchSession MainWindow::currentSession() const
{
    WorkbenchSession s;
    s.modelDir = m_modelDir;
    s.device = device();
    s.compressorId = currentCompressorId();
    s.text = text();
    s.hasRegeneration = m_regenerate->hasResult();
    if (s.hasRegeneration)
        s.regeneration = m_regenerate->result();
    s.compare = m_compare->results();
    s.question = m_qa->question();
    s.goldAnswers = m_qa->goldText();
    s.hasQa = m_qa->hasResult();
    if (s.hasQa)
        s.qa = m_qa->result();
    s.textA = m_interpolation->textA();
    s.textB = m_interpolation->textB();
    s.pathA = m_interpolation->pathA();
    s.pathB = m_interpolation->pathB();
    s.spherical = m_interpolation->panel()->spherical();
    s.alpha = m_interpolation->panel()->alpha();
    s.curve = m_interpolation->panel()->curve();
    s.datasetPath = m_batch->datasetPath();
    s.batchRows = m_batch->dashboard()->rows();
    return s;
}

bool MainWindow::saveSession(const QString& path)
{
    QString error;
    if (!SessionFile::save(path, currentSession(), &error)) {
        m_messages->showError(error);
        return false;
    }
    m_sessionPath = path;
    setWindowModified(false);
    updateWindowTitle();
    Preferences::addRecentFile(path);
    updateRecentMenu();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void MainWindow::resumeWork(const WorkbenchSession& session, const QString& sessionPath, bool modified)
{
    applySession(session, tr("kept from before the language change"));
    m_sessionPath = sessionPath;
    setWindowModified(modified);
    updateWindowTitle();
}

bool MainWindow::loadSession(const QString& path)
{
    WorkbenchSession s;
    QString error;
    if (!SessionFile::load(path, &s, &error)) {
        m_messages->showError(error);
        return false;
    }
    applySession(s);
    m_sessionPath = path;
    setWindowModified(false);
    updateWindowTitle();
    return true;
}

void MainWindow::applySession(const WorkbenchSession& s, const QString& origin)
{
    {
        const QSignalBlocker block(m_text);
        m_text->setPlainText(s.text);
    }
    scheduleTokenCount();
    if (s.hasRegeneration)
        m_regenerate->showResult(s.regeneration, origin.isEmpty() ? tr("from the session file") : origin);
    else
        m_regenerate->clear();
    m_attention->clear();
    m_compare->setResults(s.compare.isEmpty() ? QString() : s.compare.first().diff.original, s.compare);
    m_qa->setQuestion(s.question);
    m_qa->setGoldText(s.goldAnswers);
    if (s.hasQa)
        m_qa->showResult(s.qa);
    else
        m_qa->clear();
    m_interpolation->setPathA(s.pathA);
    m_interpolation->setPathB(s.pathB);
    m_interpolation->setTextA(s.textA);
    m_interpolation->setTextB(s.textB);
    m_interpolation->panel()->setSpherical(s.spherical);
    m_interpolation->panel()->setCurve(s.curve);
    if (!s.datasetPath.isEmpty() && QFileInfo::exists(s.datasetPath)) {
        QString error;
        m_batch->loadDataset(s.datasetPath, &error);
    }
    m_batch->setRows(s.batchRows);

    // Model and compressor: reopen the session's model folder when it differs and still exists.
    if (!s.modelDir.isEmpty() && s.modelDir != m_modelDir && QFileInfo(s.modelDir).isDir()) {
        m_pendingCompressor = s.compressorId;
        openModelFolder(s.modelDir);
    } else if (!s.compressorId.isEmpty() && !setCurrentCompressor(s.compressorId)) {
        m_pendingCompressor = s.compressorId;
    }
    updateActions();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = Preferences::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QAction* a = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (files.isEmpty()) {
        QAction* none = m_recentMenu->addAction(tr("No recent files"));
        none->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        QAction* clear = m_recentMenu->addAction(tr("&Clear List"));
        connect(clear, &QAction::triggered, this, [this] {
            Preferences::clearRecentFiles();
            updateRecentMenu();
        });
    }
}

void MainWindow::updateWindowTitle()
{
    const QString name = m_sessionPath.isEmpty() ? tr("Untitled session") : QFileInfo(m_sessionPath).fileName();
    setWindowTitle(tr("%1[*] \u2014 xcomp Workbench").arg(name));
}

// ---- dialogs ----------------------------------------------------------------------------------

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const PreferencesDialog::Changes changes = dialog.apply();
    m_attention->setCaptureAttention(dialog.captureAttention());
    {
        const QSignalBlocker block(m_device);
        m_device->setCurrentIndex(std::max(0, m_device->findData(dialog.device())));
    }
    if (changes.engine)
        openModelFolder(dialog.modelDir().isEmpty() ? m_modelDir : dialog.modelDir());
    if (changes.language)
        emit languageChangeRequested(Preferences::language());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About xcomp Workbench"),
        tr("<h3>xcomp Workbench %1</h3>"
           "<p>A workbench for soft prompt compression: a text is compressed into a few memory tokens whose "
           "per-layer key/value vectors a frozen language model uses to regenerate the text or answer "
           "questions about it.</p>"
           "<p>Methods: 500xCompressor (arXiv 2408.03094) and the Attention-Only Compressor "
           "(arXiv 2501.06730), with ICAE as a baseline.</p>"
           "<p>LibTorch %2, Qt %3.</p>")
            .arg(QStringLiteral(XCOMP_VERSION), fromStd(xcomp::torch_version()), QLatin1String(qVersion())));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls()) {
        for (const QUrl& url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
    }
    QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent* event)
{
    bool any = false;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) {
            openFile(url.toLocalFile());
            any = true;
        }
    if (any)
        event->acceptProposedAction();
    else
        QMainWindow::dropEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    Preferences::setWindowGeometry(saveGeometry(), saveState());
    m_engine->cancel();
    event->accept();
}

}  // namespace xcomp::workbench
