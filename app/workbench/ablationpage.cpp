#include "ablationpage.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "atomicwrite.h"
#include "diffview.h"
#include "engineclient.h"
#include "filedialogs.h"
#include "memoryimportanceplot.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "teachingtext.h"
#include "textpanel.h"

namespace xcomp::workbench {

AblationPage::AblationPage(const PageContext& context, QWidget* parent) : WorkbenchPage(context, parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    auto* form = new QFormLayout;
    m_mode = new QComboBox(this);
    // Short names keep the page narrow (small screens with the help pane); the tooltips say more.
    m_mode->addItem(tr("Drop"), QStringLiteral("drop"));
    m_mode->setItemData(0, tr("Drop (hide it from the decoder)"), Qt::ToolTipRole);
    m_mode->addItem(tr("Zero"), QStringLiteral("zero"));
    m_mode->setItemData(1, tr("Zero (keys and values set to 0)"), Qt::ToolTipRole);
    m_mode->addItem(tr("Replace"), QStringLiteral("replace"));
    m_mode->setItemData(2, tr("Replace (take it from another text)"), Qt::ToolTipRole);
    m_token = new QSpinBox(this);
    m_token->setPrefix(QStringLiteral("m"));
    m_token->setRange(1, 1);
    m_token->setToolTip(tr("The memory token to ablate (m1 is the first)."));
    form->addRow(tr("&Memory token:"), m_token);
    form->addRow(tr("M&ode:"), m_mode);
    controls->addLayout(form);
    auto* donorBox = new QVBoxLayout;
    m_donorLabel = new QLabel(tr("&Second text (replace takes memory token k of its compressed prompt):"), this);
    m_donorLabel->setWordWrap(true);
    m_donor = new QPlainTextEdit(this);
    m_donor->setPlaceholderText(tr("Type or paste a second text for Replace"));
    m_donor->setMaximumHeight(60);
    m_donorLabel->setBuddy(m_donor);
    donorBox->addWidget(m_donorLabel);
    donorBox->addWidget(m_donor);
    controls->addLayout(donorBox, 1);
    auto* buttons = new QVBoxLayout;
    m_run = new QPushButton(tr("Run ablation"), this);
    m_run->setToolTip(tr("Compress the text on the left, regenerate it with and without the chosen memory token, "
                         "and measure every memory token's importance."));
    m_export = new QToolButton(this);
    m_export->setText(tr("Export\u2026"));
    m_export->setToolTip(tr("Save the importance chart (PNG, PDF) or its numbers (CSV, JSON)"));
    buttons->addWidget(m_run);
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    controls->addLayout(buttons);
    layout->addLayout(controls);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_plot = new MemoryImportancePlot(split);
    auto* diffPane = new QWidget(split);
    auto* diffLayout = new QVBoxLayout(diffPane);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    m_sides = new QLabel(diffPane);
    m_sides->setWordWrap(true);
    m_diff = new DiffView(diffPane);
    diffLayout->addWidget(m_sides);
    diffLayout->addWidget(m_diff, 1);
    split->addWidget(m_plot);
    split->addWidget(diffPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({280, 320});
    layout->addWidget(split, 1);
    setToolTip(QString());
    m_plot->setToolTip(TeachingText::tooltip(TeachingText::Topic::MemoryAblation));

    connect(m_run, &QPushButton::clicked, this, &AblationPage::run);
    connect(m_export, &QToolButton::clicked, this, &AblationPage::askExport);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &AblationPage::updateControls);
    connect(m_plot, &MemoryImportancePlot::memoryTokenClicked, this, [this](int k) {
        m_token->setValue(k + 1);
        emit memoryTokenSelected(k);
    });
    connect(m_context.model, &ModelController::compressorChanged, this, &AblationPage::updateMemoryTokenRange);
    connect(m_context.engine, &EngineClient::ablated, this, &AblationPage::onAblated);
    connect(m_context.engine, &EngineClient::jobFinished, this, [this](quint64 job) {
        if (job != m_job)
            return;
        m_job = 0;
        updateControls();
        emit finished();
    });
    clear();
}

void AblationPage::setRunEnabled(bool enabled)
{
    m_runEnabled = enabled;
    updateControls();
}

void AblationPage::updateControls()
{
    const bool replace = mode() == QLatin1String("replace");
    m_donor->setEnabled(replace);
    m_donorLabel->setEnabled(replace);
    m_run->setEnabled(m_runEnabled && m_job == 0);
    m_export->setEnabled(hasResult());
}

void AblationPage::updateMemoryTokenRange()
{
    const CompressorEntry* c = m_context.model->currentCompressor();
    m_token->setRange(1, std::max(1, c ? c->memoryTokens : 1));
}

void AblationPage::setMemoryToken(int k)
{
    m_token->setValue(k + 1);
}

int AblationPage::memoryToken() const
{
    return m_token->value() - 1;
}

void AblationPage::setMode(const QString& mode)
{
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(mode)));
}

QString AblationPage::mode() const
{
    return m_mode->currentData().toString();
}

void AblationPage::setDonorText(const QString& text)
{
    m_donor->setPlainText(text);
}

void AblationPage::run()
{
    const CompressorEntry* c = m_context.compressorOrWarn();
    if (!c)
        return;
    const QString t = m_context.textOrWarn();
    if (t.isEmpty() || m_job != 0)
        return;
    if (mode() == QLatin1String("replace") && m_donor->toPlainText().trimmed().isEmpty()) {
        m_context.messages->showWarning(tr("Replace needs a second text: its compressed prompt lends memory token m%1.")
                                            .arg(memoryToken() + 1));
        return;
    }
    m_context.messages->dismiss();
    m_job = m_context.engine->ablate(c->id, t, mode(), memoryToken(), m_donor->toPlainText());
    m_summary->setText(tr("Ablating memory token m%1 of %2\u2026").arg(memoryToken() + 1).arg(c->label));
    updateControls();
    emit showRequested();
    emit runStarted();
}

void AblationPage::onAblated(const AblationResult& result)
{
    if (result.job != m_job)
        return;
    showResult(result.data);
    emit resultsChanged();
}

void AblationPage::showResult(const view::AblationData& r)
{
    m_result = r;
    m_plot->setImportance(r.importance, r.loss);
    m_plot->setSelectedMemoryToken(r.memoryToken);
    m_diff->setDiff(r.diff);
    const QLocale loc;
    const QString k = QStringLiteral("m%1").arg(r.memoryToken + 1);
    const QString what = r.mode == QLatin1String("zero")      ? tr("%1 zeroed").arg(k)
                         : r.mode == QLatin1String("replace") ? tr("%1 replaced by the second text's").arg(k)
                                                              : tr("%1 dropped").arg(k);
    QString summary = tr("%1, %2: BLEU against the original %3. With every memory token the decoder's loss is %4 "
                         "nats per token; dropping %5 adds %6.")
                          .arg(r.compressorLabel, what, loc.toString(r.metrics.bleu, 'f', 3), loc.toString(r.loss, 'f', 3), k,
                               r.memoryToken >= 0 && r.memoryToken < r.importance.size()
                                   ? loc.toString(r.importance.at(r.memoryToken), 'f', 3)
                                   : QStringLiteral("?"));
    const int top = m_plot->mostImportant();
    if (top >= 0)
        summary += QLatin1Char(' ') + tr("The most important memory token is m%1.").arg(top + 1);
    if (r.cancelled)
        summary += QLatin1Char(' ') + tr("(cancelled: partial)");
    m_summary->setText(summary);
    m_sides->setText(tr("Left: the regeneration from every memory token. Right: with %1. Coloured: what changed.").arg(what));
    // Short titles: a long one would widen the page (the line above says it in full).
    m_diff->setSideTitles(tr("All memory tokens"), tr("With %1").arg(what));
    updateControls();
}

void AblationPage::clear()
{
    m_result = view::AblationData();
    m_plot->clear();
    m_diff->clear();
    m_summary->setText(tr("Choose a memory token and a way to ablate it, then Run ablation. The chart shows how much "
                          "every memory token matters for the text on the left."));
    m_sides->setText(QString());
    m_diff->setSideTitles(tr("All memory tokens"), tr("One memory token ablated"));
    updateMemoryTokenRange();
    updateControls();
}

bool AblationPage::exportResult(const QString& path, QString* error)
{
    if (!hasResult()) {
        if (error)
            *error = tr("There is no ablation to export.");
        return false;
    }
    if (QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0) {
        QJsonObject o = QJsonDocument::fromJson(m_plot->toJson()).object();
        o.insert(QStringLiteral("compressor"), m_result.compressorLabel);
        o.insert(QStringLiteral("mode"), m_result.mode);
        o.insert(QStringLiteral("memory_token"), m_result.memoryToken + 1);
        o.insert(QStringLiteral("unablated"), m_result.diff.original);
        o.insert(QStringLiteral("ablated"), m_result.diff.regenerated);
        o.insert(QStringLiteral("bleu_ablated_vs_original"), m_result.metrics.bleu);
        if (!m_result.donorText.isEmpty())
            o.insert(QStringLiteral("donor_text"), m_result.donorText);
        return writeFileAtomically(path, QJsonDocument(o).toJson(QJsonDocument::Indented), error);
    }
    return m_plot->exportFile(path, error);
}

void AblationPage::askExport()
{
    const QString path = FileDialogs::askSavePath(this, tr("Export the ablation"),
                                                  FileDialogs::inLastFolder(QStringLiteral("memory-importance.png")),
                                                  MemoryImportancePlot::fileDialogFilter(), QStringLiteral(".png"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportResult(path, &error))
        m_context.messages->showInformation(tr("Ablation written to %1").arg(path));
    else
        m_context.messages->showError(error);
}

}  // namespace xcomp::workbench
