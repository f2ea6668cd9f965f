#include "regeneratepage.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "atomicwrite.h"
#include "chunkstrip.h"
#include "diffexport.h"
#include "diffview.h"
#include "engineclient.h"
#include "exportbutton.h"
#include "filedialogs.h"
#include "messagebar.h"
#include "metricsstrip.h"
#include "teachingtext.h"
#include "textpanel.h"
#include "viewexports.h"
#include "tokenevidenceview.h"

namespace xcomp::workbench {

RegeneratePage::RegeneratePage(const PageContext& context, QWidget* parent) : WorkbenchPage(context, parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);  // a long note ("… ran this text with its length variant …") must not widen the window
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_metrics = new MetricsStrip(this);
    m_diff = new DiffView(this);
    m_diff->setToolTip(TeachingText::tooltip(TeachingText::Topic::ErrorTypes));
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    // The chunk window: 0 shows as the compressor's trained length (the engine's default).
    auto* windowLabel = new QLabel(tr("Chunks of at most"), this);
    m_windowBox = new QSpinBox(this);
    m_windowBox->setObjectName(QStringLiteral("chunkWindow"));
    m_windowBox->setRange(0, kMaxChunkWindow);
    m_windowBox->setSingleStep(16);
    m_windowBox->setKeyboardTracking(false);  // typing "128" must not pass through 1 and 12
    m_windowBox->setSpecialValueText(tr("trained length"));
    m_windowBox->setSuffix(tr(" tokens"));
    m_windowBox->setToolTip(tr("A text longer than this is cut at sentence ends into chunks, each compressed into its own "
                               "memory tokens: shorter chunks come back more faithfully, at less compression. "
                               "\u201ctrained length\u201d cuts only texts over the compressor's limit, into chunks "
                               "as long as its longest training texts."));
    windowLabel->setBuddy(m_windowBox);
    titleRow->addWidget(windowLabel, 0, Qt::AlignTop);
    titleRow->addWidget(m_windowBox, 0, Qt::AlignTop);
    connect(m_windowBox, &QSpinBox::valueChanged, this, [this](int v) {
        if (v > 0 && v < 16) {  // a typed 1..15 means "trained length": shorter chunks hold a few words
            setChunkWindow(0);
            return;
        }
        m_context.source->setChunkWindow(v);
    });
    m_export = new ExportButton(this);
    titleRow->addWidget(m_export, 0, Qt::AlignTop);
    layout->addLayout(titleRow);

    // A text cut into chunks: which part the views below show, and each chunk at a glance.
    m_chunkRow = new QWidget(this);
    m_chunkRow->setObjectName(QStringLiteral("chunkRow"));
    auto* chunks = new QHBoxLayout(m_chunkRow);
    chunks->setContentsMargins(0, 0, 0, 0);
    auto* showLabel = new QLabel(tr("Show:"), m_chunkRow);
    m_partBox = new QComboBox(m_chunkRow);
    m_partBox->setObjectName(QStringLiteral("chunkSelector"));
    m_partBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    showLabel->setBuddy(m_partBox);
    m_chunkStrip = new ChunkStrip(m_chunkRow);
    m_chunkStrip->setToolTip(TeachingText::tooltip(TeachingText::Topic::Chunks));
    m_chunkExport = new QToolButton(m_chunkRow);
    m_chunkExport->setText(tr("Export\u2026"));
    m_chunkExport->setToolTip(tr("Save the chunks' numbers as a PNG image, a CSV table or JSON"));
    m_chunkExport->setAutoRaise(true);
    chunks->addWidget(showLabel);
    chunks->addWidget(m_partBox);
    chunks->addWidget(m_chunkStrip, 1);
    chunks->addWidget(m_chunkExport);
    layout->addWidget(m_chunkRow);
    m_chunkRow->hide();
    connect(m_partBox, &QComboBox::activated, this, &RegeneratePage::showPart);
    connect(m_chunkStrip, &ChunkStrip::chunkClicked, this, &RegeneratePage::selectChunk);
    connect(m_chunkExport, &QToolButton::clicked, this, &RegeneratePage::askExportChunks);

    layout->addWidget(m_metrics);
    layout->addWidget(m_diff, 1);

    // Per-token evidence: a strip under the diff, scrolled when the text is long.
    m_evidenceBox = new QGroupBox(tr("Per-token evidence (teacher forcing)"), this);
    m_evidenceBox->setObjectName(QStringLiteral("evidenceBox"));
    auto* ev = new QVBoxLayout(m_evidenceBox);
    ev->setContentsMargins(6, 4, 6, 4);
    ev->setSpacing(2);
    auto* head = new QHBoxLayout;
    m_evidenceSummary = new QLabel(m_evidenceBox);
    m_evidenceSummary->setWordWrap(true);
    m_evidenceSummary->setTextFormat(Qt::PlainText);
    m_evidenceExport = new QToolButton(m_evidenceBox);
    m_evidenceExport->setText(tr("Export\u2026"));
    m_evidenceExport->setToolTip(tr("Save the per-token evidence as a PNG image, a CSV table or JSON"));
    m_evidenceExport->setAutoRaise(true);
    head->addWidget(m_evidenceSummary, 1);
    head->addWidget(m_evidenceExport, 0, Qt::AlignTop);
    ev->addLayout(head);
    m_evidence = new TokenEvidenceView(m_evidenceBox);
    m_evidenceScroll = new QScrollArea(m_evidenceBox);
    m_evidenceScroll->setWidget(m_evidence);
    m_evidenceScroll->setWidgetResizable(true);
    m_evidenceScroll->setFrameShape(QFrame::NoFrame);
    m_evidenceScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_evidenceScroll->setMinimumHeight(40);
    m_evidenceScroll->setMaximumHeight(120);
    ev->addWidget(m_evidenceScroll);
    m_evidenceBox->setToolTip(TeachingText::tooltip(TeachingText::Topic::TokenEvidence));
    layout->addWidget(m_evidenceBox);
    connect(m_evidence, &TokenEvidenceView::tokenClicked, this, &RegeneratePage::onEvidenceTokenClicked);
    connect(m_evidenceExport, &QToolButton::clicked, this, &RegeneratePage::askExportEvidence);
    clear();
    addExports();

    EngineClient* engine = m_context.engine;
    connect(engine, &EngineClient::partialText, this, [this](quint64 job, const QString& text) {
        if (job == m_job)
            showPartial(text);
    });
    connect(engine, &EngineClient::regenerated, this, &RegeneratePage::onRegenerated);
    connect(m_context.source, &TextPanel::edited, this, &RegeneratePage::updateStale);
    connect(engine, &EngineClient::queueChanged, this, [this] {
        if (m_job != 0 && !m_runningLabel.isEmpty())
            updateRunningTitle();
    });
    connect(engine, &EngineClient::jobFinished, this, [this](quint64 job) {
        if (job != m_job)
            return;
        m_job = 0;
        m_runningLabel.clear();
        if (!m_hasRegeneration || m_lastRegeneration.job != job)
            clear();  // failed or cancelled before any text
        else
            updateStale();  // the text may have been edited during the run
    });
}

// The result on screen: the coloured diff as HTML, PDF or PNG, the numbers as JSON (viewexports.h).
void RegeneratePage::addExports()
{
    m_export->setAvailability([this] { return m_hasResult && m_job == 0; });
    const auto html = [this] {
        return DiffExport::html(m_title->text(), m_result.diff, ViewExports::regenerationNumbers(m_result.metrics));
    };
    const QString caption = tr("Export the regeneration");
    m_export->addFileExport(QStringLiteral("diff-html"), tr("Coloured diff as HTML\u2026"), caption,
                            QStringLiteral("regeneration.html"), tr("HTML page (*.html)"),
                            [html](const QString& path, QString* error) { return DiffExport::saveHtml(html(), path, error); });
    m_export->addFileExport(QStringLiteral("diff-pdf"), tr("Coloured diff as PDF\u2026"), caption,
                            QStringLiteral("regeneration.pdf"), tr("PDF document (*.pdf)"),
                            [html](const QString& path, QString* error) { return DiffExport::savePdf(html(), path, error); });
    m_export->addFileExport(QStringLiteral("diff-png"), tr("Coloured diff as PNG\u2026"), caption,
                            QStringLiteral("regeneration.png"), tr("PNG image (*.png)"),
                            [html](const QString& path, QString* error) { return DiffExport::savePng(html(), path, error); });
    m_export->addSeparator();
    m_export->addFileExport(QStringLiteral("numbers-json"), tr("Numbers as JSON\u2026"), caption,
                            QStringLiteral("regeneration.json"), tr("JSON file (*.json)"),
                            [this](const QString& path, QString* error) {
                                return writeFileAtomically(path, ViewExports::regenerationJson(m_result), error);
                            });
}

void RegeneratePage::run(bool captureAttention)
{
    const CompressorEntry* c = m_context.compressorOrWarn();
    if (!c)
        return;
    const QString t = m_context.textOrWarn();
    if (t.isEmpty() || m_job != 0)
        return;
    m_context.messages->dismiss();
    m_job = m_context.engine->regenerate(c->id, t, captureAttention, chunkWindow());
    showRunning(t, c->label);
    emit showRequested();
    emit runStarted();
}

int RegeneratePage::chunkWindow() const
{
    return m_windowBox->value() >= 16 ? m_windowBox->value() : 0;
}

void RegeneratePage::setChunkWindow(int tokens)
{
    m_windowBox->setValue(tokens >= 16 ? qMin(tokens, kMaxChunkWindow) : 0);
}

void RegeneratePage::onRegenerated(const RegenerationResult& result)
{
    if (result.job != m_job)
        return;
    m_lastRegeneration = result;
    m_hasRegeneration = true;
    QStringList notes;
    if (!result.requestedId.isEmpty() && result.requestedId != result.compressor.id) {
        // A chunked text is routed by its longest chunk.
        int tokens = result.view.metrics.sourceTokens;
        if (!result.chunks.isEmpty()) {
            tokens = 0;
            for (const view::ChunkSummary& c : result.chunks.chunks)
                tokens = std::max(tokens, c.tokens);
        }
        notes << (result.chunks.isEmpty() ? tr("%1 ran this %2-token text with its length variant %3")
                                          : tr("%1 ran the chunks (the longest has %2 tokens) with its length variant %3"))
                     .arg(result.requestedId)
                     .arg(tokens)
                     .arg(result.compressor.id);
    }
    if (result.compressor.upperBound)
        notes << tr("the upper bound: no compressor, the memory tokens were fitted to this text");
    if (result.cancelled)
        notes << (result.compressor.upperBound ? tr("cancelled, the best memory found so far")
                                               : tr("cancelled, partial regeneration"));
    if (!result.parts.isEmpty()) {
        notes << tr("cut into %n chunk(s) of at most %1 tokens at sentence ends", nullptr, int(result.chunks.chunks.size()))
                     .arg(result.chunks.windowTokens);
        if (!result.chunks.hasTogether && !result.chunks.togetherNote.isEmpty() && !result.cancelled)
            notes << tr("not read together: %1").arg(result.chunks.togetherNote);
    }
    m_partsNote = notes.join(QStringLiteral("; "));
    display(result.view, m_partsNote);
    setParts(result);
    m_ranText = result.parts.isEmpty() ? QString() : m_runningOriginal;
    updateStale();
    emit resultsChanged();
    emit regenerationShown(result);
    if (!m_parts.isEmpty())
        emit partShown(m_parts.front());
}

// The chunked regeneration's parts in the selector and the strip; the whole text first.
void RegeneratePage::setParts(const RegenerationResult& result)
{
    m_parts = result.parts;
    m_chunkStrip->setOverview(result.chunks);  // first: the labels read the chunks' token ranges
    m_partBox->clear();
    for (const RegenerationPart& p : m_parts)
        m_partBox->addItem(partLabel(p));
    m_currentPart = m_parts.isEmpty() ? -1 : 0;
    m_partBox->setCurrentIndex(m_currentPart);
    m_chunkExport->setEnabled(!m_parts.isEmpty());
    m_chunkRow->setVisible(!m_parts.isEmpty());
}

QString RegeneratePage::partLabel(const RegenerationPart& p) const
{
    switch (p.kind) {
    case RegenerationPart::Kind::Whole:
        return tr("Whole text (chunks joined)");
    case RegenerationPart::Kind::Together:
        return tr("Whole text, all memory tokens read together");
    case RegenerationPart::Kind::Chunk:
        break;
    }
    const view::ChunkSummary c = m_chunkStrip->overview().chunks.value(p.chunk);
    return tr("Chunk %1 of %2 (tokens %3\u2013%4)")
        .arg(p.chunk + 1)
        .arg(m_chunkStrip->overview().chunks.size())
        .arg(c.tokenBegin)
        .arg(c.tokenBegin + c.tokens - 1);
}

void RegeneratePage::selectPart(int index)
{
    if (index < 0 || index >= m_parts.size())
        return;
    m_partBox->setCurrentIndex(index);
    showPart(index);
}

void RegeneratePage::selectChunk(int chunk)
{
    for (int i = 0; i < m_parts.size(); ++i)
        if ((chunk < 0 && m_parts.at(i).kind == RegenerationPart::Kind::Whole) ||
            (chunk >= 0 && m_parts.at(i).kind == RegenerationPart::Kind::Chunk && m_parts.at(i).chunk == chunk)) {
            selectPart(i);
            return;
        }
}

void RegeneratePage::showPart(int index)
{
    if (index < 0 || index >= m_parts.size())
        return;
    m_currentPart = index;
    const RegenerationPart& p = m_parts.at(index);
    const bool stale = m_stale;
    QString note = m_partsNote;
    if (p.kind != RegenerationPart::Kind::Whole)
        note += QStringLiteral("; ") + tr("showing %1").arg(partLabel(p));
    display(p.view, note);
    m_stale = stale;
    updateStale();
    m_chunkStrip->setSelectedChunk(p.kind == RegenerationPart::Kind::Chunk ? p.chunk : -1);
    emit partShown(p);
}

bool RegeneratePage::exportChunks(const QString& path, QString* error)
{
    if (m_chunkStrip->isEmpty()) {
        if (error)
            *error = tr("There are no chunks to export: the text fitted one window.");
        return false;
    }
    return m_chunkStrip->exportFile(path, error);
}

void RegeneratePage::askExportChunks()
{
    const QString path = FileDialogs::askSavePath(this, tr("Export the chunks"),
                                                  FileDialogs::inLastFolder(QStringLiteral("chunks.csv")),
                                                  ChunkStrip::fileDialogFilter(), QStringLiteral(".csv"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportChunks(path, &error))
        m_context.messages->showInformation(tr("Chunks written to %1").arg(path));
    else
        m_context.messages->showError(error);
}

void RegeneratePage::showReview(const view::EvalRow& row)
{
    view::RegenerationView v;
    v.compressorLabel =
        row.compressor.isEmpty() ? QStringLiteral("%1 m=%2").arg(row.method).arg(row.memoryTokens) : row.compressor;
    v.diff = row.diff;
    v.metrics = row.metrics;
    showResult(v, tr("batch example %1").arg(row.id));
    m_ofSourceText = false;  // a dataset's example, not the text on the left: never stale by its edits
    m_stale = false;
    updateStale();
}

void RegeneratePage::showResult(const view::RegenerationView& result, const QString& note)
{
    setParts({});  // a restored or reviewed result is one part
    m_ranText.clear();
    display(result, note);
}

void RegeneratePage::display(const view::RegenerationView& result, const QString& note)
{
    m_result = result;
    m_hasResult = true;
    m_diff->setDiff(result.diff);
    m_metrics->setMetrics(result.metrics);
    showEvidence(result.evidence);
    updateStripLayout(true);
    m_resultTitle = tr("Regenerated with %1").arg(result.compressorLabel);
    if (!note.isEmpty())
        m_resultTitle += QStringLiteral(" \u2014 ") + note;
    m_stale = false;
    m_ofSourceText = true;
    updateStale();
}

// An edited text leaves the old regeneration on screen, but says so (and greys it) until it is run again.
void RegeneratePage::updateStale()
{
    if (!m_hasResult)
        return;
    // While a run goes on, the page shows that run, not an old result.
    // A chunked result's original is the chunks' texts as the tokenizer reads them back: compare the
    // text that was run instead.
    const QString ran = m_ranText.isEmpty() ? m_result.diff.original : m_ranText;
    m_stale = m_job == 0 && m_ofSourceText && m_context.source->text().trimmed() != ran.trimmed();
    m_diff->setEnabled(!m_stale);
    m_metrics->setEnabled(!m_stale);
    m_evidenceBox->setEnabled(!m_stale);
    updateTitle();
}

void RegeneratePage::updateTitle()
{
    m_title->setText(m_stale ? tr("Stale: the text on the left has changed since. %1").arg(m_resultTitle)
                             : m_resultTitle);
}

void RegeneratePage::showRunning(const QString& original, const QString& compressorLabel)
{
    setParts({});
    m_ranText.clear();
    m_runningOriginal = original;
    m_runningLabel = compressorLabel;
    m_stale = false;
    m_diff->setEnabled(true);
    m_metrics->setEnabled(true);
    m_evidenceBox->setEnabled(true);
    updateRunningTitle();
    m_metrics->clear();
    showEvidence({});
    view::DiffData d;
    d.original = original;
    m_diff->setDiff(d);
}

// Queued behind a batch evaluation, a regeneration says so until it runs.
void RegeneratePage::updateRunningTitle()
{
    const QString waiting = m_job != 0 ? m_context.engine->queueText(m_job) : QString();
    const QString running = tr("Compressing and regenerating with %1\u2026").arg(m_runningLabel);
    m_title->setText(waiting.isEmpty() ? running : QStringLiteral("%1 (%2)").arg(running, waiting));
}

void RegeneratePage::showPartial(const QString& textSoFar)
{
    view::DiffData d;
    d.original = m_runningOriginal;
    d.regenerated = textSoFar;
    m_diff->setDiff(d);
}

void RegeneratePage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateStripLayout(false);
}

void RegeneratePage::updateStripLayout(bool remeasure)
{
    if (remeasure || m_wideWidth == 0) {
        m_metrics->setCompact(false);
        m_metrics->ensurePolished();
        // The cards' layouts update their size hints lazily; settle them before measuring.
        for (QWidget* card : m_metrics->findChildren<QWidget*>())
            if (card->layout())
                card->layout()->activate();
        if (QLayout* l = m_metrics->layout()) {
            l->invalidate();
            l->activate();
        }
        m_wideWidth = std::max(m_metrics->sizeHint().width(), m_metrics->minimumSizeHint().width());
    }
    const int available = contentsRect().width() - layout()->contentsMargins().left() - layout()->contentsMargins().right();
    m_metrics->setCompact(available < m_wideWidth);
}

void RegeneratePage::clear()
{
    setParts({});
    m_ranText.clear();
    m_hasResult = false;
    m_stale = false;
    m_diff->setEnabled(true);
    m_metrics->setEnabled(true);
    m_result = view::RegenerationView();
    m_diff->clear();
    m_metrics->clear();
    showEvidence({});
    m_evidenceBox->setEnabled(true);
    updateStripLayout(true);
    m_title->setText(tr("Paste a text on the left and press Compress & Regenerate (Ctrl+Return)."));
}

void RegeneratePage::showEvidence(const view::TokenEvidence& evidence)
{
    m_evidence->setEvidence(evidence);
    m_evidenceSummary->setText(evidence.isEmpty() ? tr("Each token's probability appears here after a regeneration.")
                                                  : m_evidence->summaryText());
    m_evidenceExport->setEnabled(!evidence.isEmpty());
    m_diff->originalEdit()->clearMarkedRange();
}

// A token of the strip marks its characters in the original, so the number and the word meet.
void RegeneratePage::onEvidenceTokenClicked(int index)
{
    const view::TokenEvidence& e = m_evidence->evidence();
    if (index < 0 || index >= e.originalRanges.size())
        return;
    const auto [begin, end] = e.originalRanges.at(index);
    m_diff->originalEdit()->setMarkedRange(begin, end);
    m_diff->originalEdit()->scrollToPosition(begin);
}

bool RegeneratePage::exportEvidence(const QString& path, QString* error)
{
    if (m_evidence->isEmpty()) {
        if (error)
            *error = tr("There is no per-token evidence to export.");
        return false;
    }
    return m_evidence->exportFile(path, error);
}

void RegeneratePage::askExportEvidence()
{
    const QString path = FileDialogs::askSavePath(this, tr("Export per-token evidence"),
                                                  FileDialogs::inLastFolder(QStringLiteral("token-evidence.csv")),
                                                  TokenEvidenceView::fileDialogFilter(), QStringLiteral(".csv"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportEvidence(path, &error))
        m_context.messages->showInformation(tr("Per-token evidence written to %1").arg(path));
    else
        m_context.messages->showError(error);
}

}  // namespace xcomp::workbench
