#include "batchpage.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "dashboardview.h"
#include "latentmappanel.h"
#include "flowlayout.h"
#include "preferences.h"
#include "datasetreader.h"
#include "engineclient.h"
#include "messagebar.h"
#include "metricsstrip.h"
#include "modelcontroller.h"
#include "teachingtext.h"
#include "viewexports.h"

namespace xcomp::workbench {

BatchPage::BatchPage(const PageContext& context, QWidget* parent) : WorkbenchPage(context, parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    m_open = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open dataset\u2026"), this);
    m_open->setToolTip(tr("A JSON Lines file: one example per line with an \"abstract\", \"text\" or \"context\" "
                          "field, optionally \"question\" and \"answers\"."));
    m_info = new QLabel(this);
    m_info->setTextFormat(Qt::PlainText);
    m_limit = new QSpinBox(this);
    m_limit->setRange(0, 1000000);
    m_limit->setSpecialValueText(tr("all"));
    m_limit->setToolTip(tr("Evaluate only the first examples (0: all)."));
    m_which = new QComboBox(this);
    m_which->addItem(tr("Chosen compressor"));
    m_which->addItem(tr("All compressors"));
    m_run = new QPushButton(QIcon(QStringLiteral(":/icons/batch.svg")), tr("Run batch"), this);
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setToolTip(tr("Run the rest of the cancelled batch; the rows it finished stay."));
    // The dataset and its description on one row, the run's choices below, wrapping when narrow.
    m_info->setWordWrap(true);
    row->addWidget(m_open, 0, Qt::AlignTop);
    row->addWidget(m_info, 1);
    layout->addLayout(row);
    auto* choices = new QWidget(this);
    auto* flow = new FlowLayout(choices);
    flow->addWidget(new QLabel(tr("Examples:"), choices));
    flow->addWidget(m_limit);
    flow->addWidget(m_which);
    flow->addWidget(m_run);
    flow->addWidget(m_resume);
    m_eta = new QLabel(choices);
    m_eta->setObjectName(QStringLiteral("batchEta"));
    flow->addWidget(m_eta);
    layout->addWidget(choices);
    m_qaSummary = new QLabel(this);
    m_qaSummary->setWordWrap(true);
    m_qaSummary->hide();
    layout->addWidget(m_qaSummary);
    m_dashboard = new DashboardView(this);
    m_dashboard->setToolTip(TeachingText::tooltip(TeachingText::Topic::Metrics));
    // The scores, and beside them the latent map of the texts' compressed prompts (issue 19, item 6).
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("batchViews"));
    m_views->setDocumentMode(true);
    m_latent = new LatentMapPanel(m_context.messages, m_views);
    m_views->addTab(m_dashboard, tr("Scores"));
    m_views->addTab(m_latent, tr("Latent map"));
    m_views->setTabToolTip(1, TeachingText::tooltip(TeachingText::Topic::LatentMap));
    layout->addWidget(m_views, 1);
    connect(m_latent, &LatentMapPanel::reviewRequested, this, &BatchPage::reviewRequested);

    connect(m_open, &QPushButton::clicked, this, &BatchPage::openDatasetRequested);
    connect(m_run, &QPushButton::clicked, this, &BatchPage::run);
    connect(m_resume, &QPushButton::clicked, this, &BatchPage::resume);
    connect(m_dashboard, &DashboardView::cancelRequested, this, &BatchPage::cancelRequested);
    connect(m_dashboard, &DashboardView::rowActivated, this, &BatchPage::reviewRequested);
    // An export says where it wrote; the next export dialog opens in that folder (kept across starts).
    m_dashboard->setExportFolder(Preferences::lastExportDirectory());
    connect(m_dashboard, &DashboardView::exported, this, [this](const QStringList& paths) {
        Preferences::setLastExportDirectory(m_dashboard->exportFolder());
        m_context.messages->showInformation(ViewExports::exportedMessage(paths));
    });
    connect(m_limit, &QSpinBox::valueChanged, this, &BatchPage::updateInfo);
    connect(m_which, &QComboBox::currentIndexChanged, this, &BatchPage::updateEta);
    connect(m_context.model, &ModelController::modelOpened, this, &BatchPage::updateEta);
    updateInfo();
    updateButtons();
    connectEngine();
}

void BatchPage::showEvent(QShowEvent* event)
{
    m_dashboard->setExportFolder(Preferences::lastExportDirectory());
    WorkbenchPage::showEvent(event);
}

void BatchPage::connectEngine()
{
    EngineClient* engine = m_context.engine;
    connect(engine, &EngineClient::batchRow, this, &BatchPage::addRow);
    // Every regeneration on this machine teaches the estimate how long a job takes.
    connect(engine, &EngineClient::regenerated, this,
            [this](const RegenerationResult& r) { learnJobTime(r.view.metrics); });
    connect(engine, &EngineClient::compareResult, this,
            [this](int, int, const RegenerationResult& r) { learnJobTime(r.view.metrics); });
    connect(engine, &EngineClient::batchWarning, this, [this](const QString& message, int done, int total) {
        ++m_warnings;
        setProgress(done, total);
        m_context.messages->showWarning(m_warnings == 1 ? message
                                                        : tr("%1 (and %n more skipped example(s))", nullptr, m_warnings - 1)
                                                              .arg(message));
    });
    connect(engine, &EngineClient::batchFinished, this, [this](bool cancelled) {
        finish(cancelled);
        if (cancelled)
            m_context.messages->showInformation(
                tr("Batch evaluation cancelled after %n example(s).", nullptr, int(m_dashboard->rows().size())));
        emit finished();
    });
}

void BatchPage::run()
{
    const CompressorEntry* c = m_context.compressorOrWarn();
    if (!c)
        return;
    const QVector<BatchExample> examples = examplesToRun();
    if (examples.isEmpty()) {
        m_context.messages->showWarning(tr("Open a dataset first (File \u25b8 Open Dataset\u2026)."));
        return;
    }
    QStringList ids;
    if (allCompressors()) {
        for (const CompressorEntry& e : m_context.engine->model().compressors)
            ids << e.id;
    } else {
        ids << c->id;
    }
    m_warnings = 0;
    m_runExamples = examples;
    m_runIds = ids;
    start(0, false);
}

void BatchPage::resume()
{
    const int from = resumableFrom();
    if (from < 0 || !m_context.engine->hasModel() || m_runExamples.isEmpty()) {
        m_context.messages->showWarning(tr("There is no cancelled batch to resume."));
        return;
    }
    for (const QString& id : m_runIds)
        if (!m_context.engine->compressor(id)) {  // the model changed since
            m_context.messages->showWarning(
                tr("The cancelled batch used %1, which this model does not have; run it again.").arg(id));
            return;
        }
    start(from, true);
}

void BatchPage::start(int skip, bool resume)
{
    begin(int(m_runExamples.size() * m_runIds.size()), resume);
    m_context.engine->runBatch(m_runExamples, m_runIds, skip);
    emit showRequested();
    emit runStarted();
}

bool BatchPage::openDataset(const QString& path)
{
    QString error;
    QStringList warnings;
    if (!loadDataset(path, &error, &warnings)) {
        m_context.messages->showError(error);
        return false;
    }
    if (!warnings.isEmpty())
        m_context.messages->showWarning(
            tr("%n line(s) skipped. First: %1", nullptr, int(warnings.size())).arg(warnings.first()));
    return true;
}

bool BatchPage::loadDataset(const QString& path, QString* error, QStringList* warnings)
{
    const DatasetReader::Result r = DatasetReader::readFile(path);
    if (!r.ok() || r.examples.isEmpty()) {
        if (error)
            *error = r.ok() ? tr("%1 holds no usable example.").arg(QFileInfo(path).fileName()) : r.error;
        if (warnings)
            *warnings = r.warnings;
        return false;
    }
    if (path != m_path && !isRunning()) {
        m_dashboard->clear();  // another dataset: the old rows would read as its results
        m_latent->clear();
    }
    m_path = path;
    m_examples = r.examples;
    m_resumable = false;  // another dataset: the cancelled run's rows are of the old one
    if (warnings)
        *warnings = r.warnings;
    updateInfo();
    updateButtons();
    return true;
}

QVector<BatchExample> BatchPage::examplesToRun() const
{
    const int limit = m_limit->value();
    if (limit <= 0 || limit >= m_examples.size())
        return m_examples;
    return m_examples.mid(0, limit);
}

bool BatchPage::allCompressors() const { return m_which->currentIndex() == 1; }
void BatchPage::setAllCompressors(bool all) { m_which->setCurrentIndex(all ? 1 : 0); }
void BatchPage::setLimit(int limit) { m_limit->setValue(limit); }

void BatchPage::begin(int total, bool resume)
{
    m_running = true;
    m_resumable = false;
    m_total = total;
    if (!resume) {
        m_done = 0;
        m_qa.clear();
        m_dashboard->clear();
        m_latent->clear();
    }
    m_dashboard->setProgress(m_done, total);
    m_clock.start();
    m_doneAtStart = m_done;
    updateQaSummary();
    updateButtons();
    updateEta();
}

void BatchPage::addRow(const BatchRowResult& row, int done, int total)
{
    m_dashboard->appendRow(row.row);
    m_latent->addRow(row.row);
    learnJobTime(row.row.metrics);
    m_done = done;
    m_dashboard->setProgress(done, total);
    updateEta();
    if (row.hasQa) {
        m_qa << row.qa;
        updateQaSummary();
    }
}

void BatchPage::setProgress(int done, int total)
{
    m_done = done;
    m_dashboard->setProgress(done, total);
}

void BatchPage::finish(bool cancelled)
{
    m_running = false;
    m_resumable = cancelled && m_done < m_total;
    if (cancelled)
        m_dashboard->setProgress(0, 0);
    updateButtons();
    updateEta();
}

int BatchPage::plannedJobs() const
{
    const int compressors = allCompressors() ? int(m_context.engine->model().compressors.size()) : 1;
    return int(examplesToRun().size()) * std::max(1, compressors);
}

void BatchPage::learnJobTime(const view::RegenerationMetrics& metrics)
{
    const double ms = metrics.compressMs + metrics.regenerateMs;
    if (ms <= 0)
        return;
    ++m_timedJobs;
    m_msPerJob += (ms - m_msPerJob) / m_timedJobs;
    if (!m_running)
        updateEta();
}

QString BatchPage::roughDuration(double ms)
{
    const double minutes = ms / 60000.0;
    if (minutes < 1)
        return tr("under a minute");
    if (minutes < 90)
        return tr("%n min", nullptr, int(std::lround(minutes)));
    const int total = int(std::lround(minutes));
    return tr("%1 h %2 min").arg(total / 60).arg(total % 60);
}

// Before a run: how many jobs and how long, from the times measured so far (a run of all compressors
// on a large dataset is tens of thousands of jobs). During it: what is left, from its own pace.
void BatchPage::updateEta()
{
    if (m_running) {
        const int done = m_done - m_doneAtStart, left = m_total - m_done;
        if (done <= 0 || left <= 0) {
            m_eta->setText(left > 0 && m_msPerJob > 0
                               ? tr("about %1 left").arg(roughDuration(left * m_msPerJob))
                               : QString());
            return;
        }
        const double perJob = double(m_clock.elapsed()) / done;
        m_eta->setText(tr("about %1 left").arg(roughDuration(left * perJob)));
        return;
    }
    const int jobs = plannedJobs();
    if (m_examples.isEmpty() || jobs <= 0) {
        m_eta->clear();
        return;
    }
    const QString count = tr("%n job(s)", nullptr, jobs);
    m_eta->setText(m_msPerJob > 0 ? tr("%1, about %2").arg(count, roughDuration(jobs * m_msPerJob))
                                  : tr("%1 (time known after the first regeneration)").arg(count));
}

void BatchPage::setRows(const QVector<view::EvalRow>& rows)
{
    m_resumable = false;
    m_qa.clear();
    updateQaSummary();
    m_dashboard->setRows(rows);
    m_latent->setRows(rows);
}

void BatchPage::clearResults()
{
    m_resumable = false;
    m_qa.clear();
    updateQaSummary();
    m_dashboard->clear();
    m_latent->clear();
}

void BatchPage::setRunEnabled(bool enabled)
{
    m_runEnabled = enabled;
    updateButtons();
}

void BatchPage::updateInfo()
{
    if (m_examples.isEmpty()) {
        m_info->setText(tr("No dataset open."));
        return;
    }
    int questions = 0;
    for (const BatchExample& e : m_examples)
        if (!e.question.isEmpty())
            ++questions;
    const QString name = m_path.startsWith(QLatin1Char(':')) ? tr("built-in sample") : QFileInfo(m_path).fileName();
    m_info->setText(tr("%1: %n example(s)", nullptr, int(m_examples.size())).arg(name) +
                    (questions > 0 ? tr(", %n with a question", nullptr, questions) : QString()));
    updateEta();
}

void BatchPage::updateQaSummary()
{
    int n = 0;
    double f1c = 0, emc = 0, f1f = 0, emf = 0;
    for (const QaResult& q : m_qa) {
        if (!q.hasGold)
            continue;
        ++n;
        f1c += q.f1Compressed;
        emc += q.emCompressed;
        f1f += q.f1Full;
        emf += q.emFull;
    }
    if (n == 0) {
        m_qaSummary->hide();
        return;
    }
    m_qaSummary->setText(tr("Question answering over %n example(s): compressed prompt F1 %1 / EM %2 \u2014 full text "
                            "F1 %3 / EM %4",
                            nullptr, n)
                             .arg(MetricsStrip::formatScore(f1c / n), MetricsStrip::formatScore(emc / n),
                                  MetricsStrip::formatScore(f1f / n), MetricsStrip::formatScore(emf / n)));
    m_qaSummary->show();
}

void BatchPage::updateButtons()
{
    m_run->setEnabled(m_runEnabled && !m_running && !m_examples.isEmpty());
    m_resume->setVisible(m_resumable);
    m_resume->setEnabled(m_runEnabled && !m_running && m_resumable);
    m_open->setEnabled(!m_running);
}

}  // namespace xcomp::workbench
