#include "comparepage.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QFont>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "atomicwrite.h"
#include "compareview.h"
#include "diffexport.h"
#include "exportbutton.h"
#include "engineclient.h"
#include "messagebar.h"
#include "modelcontroller.h"
#include "teachingtext.h"
#include "textpanel.h"
#include "viewexports.h"

namespace xcomp::workbench {

ComparePage::ComparePage(const PageContext& context, QWidget* parent) : WorkbenchPage(context, parent)
{
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);

    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Compressors to compare:"), side);
    m_list = new QListWidget(side);
    m_list->setToolTip(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    auto* buttons = new QHBoxLayout;
    auto* all = new QPushButton(tr("All"), side);
    auto* none = new QPushButton(tr("None"), side);
    buttons->addWidget(all);
    buttons->addWidget(none);
    m_run = new QPushButton(QIcon(QStringLiteral(":/icons/compare.svg")), tr("Run comparison"), side);
    m_run->setToolTip(tr("Compress the text on the left with every checked compressor and regenerate it."));
    m_hint = new QLabel(tr("Each column shows one compressor's regeneration, coloured by error type. Click a "
                           "column to mark what it lost in the original."),
                        side);
    m_hint->setWordWrap(true);
    sideLayout->addWidget(title);
    sideLayout->addWidget(m_list, 1);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(m_run);
    m_export = new ExportButton(side);
    sideLayout->addWidget(m_export, 0, Qt::AlignLeft);
    sideLayout->addWidget(m_hint);

    auto* results = new QWidget(splitter);
    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    m_staleNote = new QLabel(tr("Stale: the text on the left has changed since these columns were made. Run the "
                                "comparison again."),
                             results);
    m_staleNote->setObjectName(QStringLiteral("compareStaleNote"));
    m_staleNote->setWordWrap(true);
    m_staleNote->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_staleNote->hide();
    m_view = new CompareView(results);
    resultsLayout->addWidget(m_staleNote);
    resultsLayout->addWidget(m_view, 1);
    splitter->addWidget(side);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 950});
    layout->addWidget(splitter);

    all->setToolTip(tr("Check every trained compressor (the slow upper bounds stay as they are)"));
    connect(all, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_list->count(); ++i)
            if ((m_list->item(i)->flags() & Qt::ItemIsUserCheckable) && !m_list->item(i)->data(Qt::UserRole + 1).toBool())
                m_list->item(i)->setCheckState(Qt::Checked);
    });
    connect(none, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_list->count(); ++i)
            if (m_list->item(i)->flags() & Qt::ItemIsUserCheckable)
                m_list->item(i)->setCheckState(Qt::Unchecked);
    });
    connect(m_list, &QListWidget::itemChanged, this, &ComparePage::updateRunButton);
    connect(m_run, &QPushButton::clicked, this, [this] { run(checkedCompressors()); });
    connect(m_view, &CompareView::columnActivated, m_view, &CompareView::setHighlightedColumn);
    updateRunButton();
    addExports();

    connect(m_context.source, &TextPanel::edited, this, &ComparePage::updateStale);
    connect(m_context.model, &ModelController::modelOpened, this,
            [this](const ModelEntry& model) {
                setCompressors(model.compressors, ModelController::upperBoundsFor(model.compressors, model.optimised));
            });
    connect(m_context.engine, &EngineClient::compareResult, this, [this](int, int, const RegenerationResult& result) {
        if (result.job != m_job)
            return;
        addResult(result.view);
        emit resultsChanged();
    });
    connect(m_context.engine, &EngineClient::compareFinished, this, [this] {
        m_job = 0;
        updateStale();
        emit finished();
    });
}

// The summary (CSV), everything (JSON: the original, each column's numbers, error counts and spans),
// the columns coloured (HTML, PDF).
void ComparePage::addExports()
{
    m_export->setAvailability([this] { return !m_view->results().isEmpty() && m_job == 0; });
    const QString caption = tr("Export the comparison");
    m_export->addFileExport(QStringLiteral("summary-csv"), tr("Summary as CSV\u2026"), caption,
                            QStringLiteral("compare.csv"), tr("CSV file (*.csv)"), [this](const QString& path, QString* error) {
                                return writeFileAtomically(path, ViewExports::compareCsv(m_view->results()), error);
                            });
    m_export->addFileExport(QStringLiteral("all-json"), tr("Summary and columns as JSON\u2026"), caption,
                            QStringLiteral("compare.json"), tr("JSON file (*.json)"), [this](const QString& path, QString* error) {
                                return writeFileAtomically(path, ViewExports::compareJson(m_view->original(), m_view->results()),
                                                           error);
                            });
    const auto html = [this] { return DiffExport::columnsHtml(tr("Comparison"), m_view->original(), m_view->results()); };
    m_export->addSeparator();
    m_export->addFileExport(QStringLiteral("columns-html"), tr("Columns coloured as HTML\u2026"), caption,
                            QStringLiteral("compare.html"), tr("HTML page (*.html)"),
                            [html](const QString& path, QString* error) { return DiffExport::saveHtml(html(), path, error); });
    m_export->addFileExport(QStringLiteral("columns-pdf"), tr("Columns coloured as PDF\u2026"), caption,
                            QStringLiteral("compare.pdf"), tr("PDF document (*.pdf)"),
                            [html](const QString& path, QString* error) { return DiffExport::savePdf(html(), path, error); });
}

void ComparePage::run(const QStringList& compressorIds)
{
    const QStringList ids = compressorIds.isEmpty() ? checkedCompressors() : compressorIds;
    if (!m_context.engine->hasModel() || ids.isEmpty()) {
        m_context.messages->showWarning(tr("Open a model and check at least one compressor in the Compare tab."));
        return;
    }
    const QString t = m_context.textOrWarn();
    if (t.isEmpty() || m_job != 0)
        return;
    begin(t);
    m_job = m_context.engine->compare(ids, t);
    emit showRequested();
    emit runStarted();
}

void ComparePage::setCompressors(const QVector<CompressorEntry>& compressors, const QVector<CompressorEntry>& upperBounds)
{
    const QStringList previously = m_pendingSelection.isEmpty() ? checkedCompressors() : m_pendingSelection;
    m_pendingSelection.clear();
    m_list->clear();
    for (const CompressorEntry& c : compressors) {
        auto* item = new QListWidgetItem(c.label, m_list);
        item->setData(Qt::UserRole, c.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(previously.isEmpty() || previously.contains(c.id) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(tr("%1: %2 memory tokens, up to %3 source tokens%4")
                             .arg(c.id)
                             .arg(c.memoryTokens)
                             .arg(c.maxSourceTokens)
                             .arg(c.qa ? tr(", fine-tuned for question answering") : QString()));
    }
    if (!upperBounds.isEmpty()) {
        // A heading, not a compressor: the methods below fit memory to the text itself.
        auto* heading = new QListWidgetItem(tr("Upper bounds (slow):"), m_list);
        heading->setFlags(Qt::NoItemFlags);
        QFont f = heading->font();
        f.setItalic(true);
        heading->setFont(f);
        heading->setToolTip(TeachingText::tooltip(TeachingText::Topic::OptimisedMemory));
    }
    for (const CompressorEntry& c : upperBounds) {
        auto* item = new QListWidgetItem(c.label, m_list);
        item->setData(Qt::UserRole, c.id);
        item->setData(Qt::UserRole + 1, true);  // an upper bound
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(previously.contains(c.id) ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(tr("%1: %2 memory tokens fitted to this text by gradient descent (hundreds of steps). The "
                            "summary then shows each compressor's gap to this upper bound.")
                             .arg(c.id)
                             .arg(c.memoryTokens));
    }
    updateRunButton();
}

QStringList ComparePage::checkedCompressors() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

void ComparePage::setChecked(const QStringList& ids)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->flags() & Qt::ItemIsUserCheckable)
            m_list->item(i)->setCheckState(ids.contains(m_list->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                                          : Qt::Unchecked);
}

void ComparePage::restoreSelection(const QStringList& ids)
{
    if (m_list->count() == 0 || m_context.model->isLoading())
        m_pendingSelection = ids;
    else
        setChecked(ids);
}

void ComparePage::begin(const QString& original)
{
    m_results.clear();
    m_view->clear();
    m_view->setOriginal(original);
    m_original = original;
    updateStale();
}

bool ComparePage::isStale() const
{
    return !m_results.isEmpty() && m_job == 0 && m_context.source->text().trimmed() != m_original.trimmed();
}

void ComparePage::updateStale()
{
    const bool stale = isStale();
    m_staleNote->setVisible(stale);
    m_view->setEnabled(!stale);
}

void ComparePage::addResult(const view::RegenerationView& result)
{
    m_results << result;
    m_view->setResults(m_results);
}

void ComparePage::setResults(const QString& original, const QVector<view::RegenerationView>& results)
{
    m_results = results;
    m_original = original;
    m_view->clear();
    if (!original.isEmpty())
        m_view->setOriginal(original);
    m_view->setResults(results);
    updateStale();
}

void ComparePage::clear()
{
    m_results.clear();
    m_original.clear();
    m_view->clear();
    updateStale();
}

void ComparePage::setRunEnabled(bool enabled)
{
    m_runEnabled = enabled;
    updateRunButton();
}

void ComparePage::updateRunButton()
{
    m_run->setEnabled(m_runEnabled && !checkedCompressors().isEmpty());
}

}  // namespace xcomp::workbench
