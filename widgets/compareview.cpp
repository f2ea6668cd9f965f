#include "compareview.h"

#include <limits>

#include "diffview.h"
#include "errorlegend.h"
#include "errorstyle.h"
#include "metricsstrip.h"

#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace xcomp {

using view::ErrorType;

namespace {

const QString kHighlightStyle = QStringLiteral(
    "QLabel { background: #f3e5f5; border-bottom: 2px solid #6a1b9a; padding: 3px; }");
const QString kNormalStyle = QStringLiteral(
    "QLabel { border-bottom: 2px solid palette(mid); padding: 3px; }");

}  // namespace

CompareView::CompareView(QWidget* parent) : QWidget(parent)
{
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_canvas = new QWidget;
    m_grid = new QGridLayout(m_canvas);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(10);
    m_grid->setVerticalSpacing(6);
    m_scroll->setWidget(m_canvas);

    // The original, pinned left of the scrolling result columns.
    m_originalPane = new QWidget(this);
    m_originalPane->setObjectName(QStringLiteral("compareOriginalPane"));
    auto* originalLayout = new QVBoxLayout(m_originalPane);
    originalLayout->setContentsMargins(0, 0, 0, 0);
    originalLayout->setSpacing(6);
    m_originalHeader = new QLabel(m_originalPane);
    m_originalHeader->setTextFormat(Qt::RichText);
    m_originalHeader->setStyleSheet(kNormalStyle);
    m_originalNote = new QLabel(m_originalPane);
    m_originalNote->setWordWrap(true);
    m_originalNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPalette pal = m_originalNote->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    m_originalNote->setPalette(pal);
    m_originalEdit = new DiffTextEdit(m_originalPane);
    m_originalEdit->setObjectName(QStringLiteral("compareOriginal"));
    m_originalEdit->setUnmarkedText(QString(), DiffSide::Original);
    m_originalEdit->viewport()->installEventFilter(this);
    m_originalHeader->installEventFilter(this);

    originalLayout->addWidget(m_originalHeader);
    originalLayout->addWidget(m_originalNote);
    originalLayout->addWidget(m_originalEdit, 1);
    m_grid->setRowStretch(2, 1);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(m_originalPane);
    m_split->addWidget(m_scroll);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 3);
    m_originalPane->setMinimumWidth(160);
    connect(m_split, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });

    // The summary: one row per compressor, sortable; its check boxes choose the columns shown.
    m_summary = new QStandardItemModel(0, summaryGapColumn() + 1, this);
    m_summary->setSortRole(Qt::UserRole);
    m_summaryTable = new QTableView(this);
    m_summaryTable->setObjectName(QStringLiteral("compareSummary"));
    m_summaryTable->setModel(m_summary);
    m_summaryTable->setSortingEnabled(true);
    m_summaryTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summaryTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_summaryTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summaryTable->verticalHeader()->setVisible(false);
    m_summaryTable->verticalHeader()->setDefaultSectionSize(m_summaryTable->fontMetrics().height() + 6);
    m_summaryTable->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_summaryTable->horizontalHeader()->setSortIndicatorClearable(true);
    m_summaryTable->horizontalHeader()->setStretchLastSection(false);
    m_summaryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_summary, &QStandardItemModel::itemChanged, this, [this](QStandardItem* item) {
        if (m_fillingSummary || item->column() != SummaryCompressor)
            return;
        setColumnVisible(item->data(Qt::UserRole + 1).toInt(), item->checkState() == Qt::Checked);
    });
    // Choosing a row scrolls to its column and marks its errors in the original (hidden columns stay hidden).
    connect(m_summaryTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                if (m_fillingSummary || !index.isValid())
                    return;
                const int column = m_summary->item(index.row(), SummaryCompressor)->data(Qt::UserRole + 1).toInt();
                if (!isColumnVisible(column) || column == m_highlighted)
                    return;
                setHighlightedColumn(column);
                m_scroll->ensureWidgetVisible(m_columns.at(column).header, 0, 0);
                emit columnActivated(column);
            });

    connect(m_originalEdit->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { syncScroll(m_originalEdit); });

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setPalette(pal);

    m_legend = new ErrorLegend(this);
    m_legend->setCountsVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_summaryTable->setMinimumHeight(m_summaryTable->verticalHeader()->defaultSectionSize() * 2 + 8);
    layout->addWidget(m_summaryTable);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_emptyLabel, 1);
    layout->addWidget(m_legend);

    retranslate();
    rebuild();
}

void CompareView::setOriginal(const QString& original)
{
    m_original = original;
    m_originalSet = true;
    refreshOriginal();
    refreshHeaders();
}

QString CompareView::original() const
{
    if (m_originalSet)
        return m_original;
    return m_results.isEmpty() ? QString() : m_results.first().diff.original;
}

void CompareView::setResults(const QVector<view::RegenerationView>& results)
{
    // A column hidden before stays hidden when the same compressor comes back (results arrive one by one).
    QStringList hidden;
    for (int i = 0; i < m_results.size() && i < m_visible.size(); ++i)
        if (!m_visible.at(i))
            hidden << m_results.at(i).compressorLabel;
    m_results = results;
    m_visible.fill(true, m_results.size());
    for (int i = 0; i < m_results.size(); ++i)
        if (hidden.contains(m_results.at(i).compressorLabel))
            m_visible[i] = false;
    if (m_highlighted >= m_results.size())
        m_highlighted = -1;
    rebuild();
}

void CompareView::clear()
{
    m_original.clear();
    m_originalSet = false;
    m_results.clear();
    m_visible.clear();
    m_highlighted = -1;
    rebuild();
}

QString CompareView::columnLabel(int column) const
{
    return column >= 0 && column < m_results.size() ? m_results.at(column).compressorLabel : QString();
}

MetricsStrip* CompareView::metricsStrip(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column).metrics : nullptr;
}

DiffTextEdit* CompareView::regeneratedEdit(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column).text : nullptr;
}

QLabel* CompareView::headerLabel(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column).header : nullptr;
}

void CompareView::setHighlightedColumn(int column)
{
    if (column < -1 || column >= m_results.size())
        column = -1;
    m_highlighted = column;
    for (const Column& c : qAsConst(m_columns))
        c.text->clearMarkedRange();
    refreshOriginal();
    refreshHeaders();
}

void CompareView::setMinimumColumnWidth(int px)
{
    m_minColumnWidth = qMax(80, px);
    for (int c = 0; c < m_columns.size(); ++c)
        m_grid->setColumnMinimumWidth(c, isColumnVisible(c) ? m_minColumnWidth : 0);
    m_originalPane->setMinimumWidth(qMin(m_minColumnWidth, 220));
}

void CompareView::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= m_columns.size())
        return;
    m_visible[column] = visible;
    const Column& c = m_columns.at(column);
    c.header->setVisible(visible);
    c.metrics->setVisible(visible);
    c.text->setVisible(visible);
    m_grid->setColumnStretch(column, visible ? 1 : 0);
    m_grid->setColumnMinimumWidth(column, visible ? m_minColumnWidth : 0);
    if (!visible && m_highlighted == column)
        setHighlightedColumn(-1);
    for (int row = 0; row < m_summary->rowCount(); ++row) {
        QStandardItem* item = m_summary->item(row, SummaryCompressor);
        if (item->data(Qt::UserRole + 1).toInt() == column && (item->checkState() == Qt::Checked) != visible) {
            m_fillingSummary = true;
            item->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
            m_fillingSummary = false;
        }
    }
}

bool CompareView::isColumnVisible(int column) const
{
    return column >= 0 && column < m_visible.size() && m_visible.at(column);
}

void CompareView::rebuild()
{
    for (const Column& c : qAsConst(m_columns)) {
        delete c.header;
        delete c.metrics;
        delete c.text;
    }
    m_columns.clear();
    for (int c = 0; c < m_grid->columnCount(); ++c) {
        m_grid->setColumnStretch(c, 0);
        m_grid->setColumnMinimumWidth(c, 0);
    }

    for (int i = 0; i < m_results.size(); ++i) {
        const view::RegenerationView& r = m_results.at(i);
        Column col;
        col.header = new QLabel(m_canvas);
        col.header->setObjectName(QStringLiteral("compareHeader%1").arg(i));
        col.header->setTextFormat(Qt::RichText);
        col.header->installEventFilter(this);
        col.metrics = new MetricsStrip(m_canvas);
        col.metrics->setCompact(true);
        col.metrics->setMetrics(r.metrics);
        col.text = new DiffTextEdit(m_canvas);
        col.text->setObjectName(QStringLiteral("compareText%1").arg(i));
        col.text->setDiff(r.diff, DiffSide::Regenerated);
        col.text->viewport()->installEventFilter(this);
        DiffTextEdit* edit = col.text;
        connect(edit->verticalScrollBar(), &QScrollBar::valueChanged, this,
                [this, edit] { syncScroll(edit); });
        connect(edit, &DiffTextEdit::positionClicked, this, [this, i, edit](int pos) {
            const view::DiffData& d = m_results.at(i).diff;
            const int span = edit->spanIndexAt(pos);
            if (span >= 0) {
                const view::DiffSpan& s = d.spans.at(span);
                edit->setMarkedRange(ErrorStyle::spanBegin(d, s, DiffSide::Regenerated),
                                     ErrorStyle::spanEnd(d, s, DiffSide::Regenerated));
                if (m_highlighted == i && d.original == original())
                    m_originalEdit->setMarkedRange(ErrorStyle::spanBegin(d, s, DiffSide::Original),
                                                   ErrorStyle::spanEnd(d, s, DiffSide::Original));
            } else {
                edit->clearMarkedRange();
                m_originalEdit->clearMarkedRange();
            }
            emit regeneratedPositionClicked(i, pos);
        });
        m_grid->addWidget(col.header, 0, i);
        m_grid->addWidget(col.metrics, 1, i, Qt::AlignTop);
        m_grid->addWidget(col.text, 2, i);
        m_columns << col;
    }
    if (m_visible.size() != m_results.size())
        m_visible.fill(true, m_results.size());
    for (int c = 0; c < m_results.size(); ++c) {
        m_grid->setColumnStretch(c, 1);
        m_grid->setColumnMinimumWidth(c, m_minColumnWidth);
        if (!m_visible.at(c)) {
            m_visible[c] = true;
            setColumnVisible(c, false);
        }
    }
    const bool empty = m_results.isEmpty() && original().isEmpty();
    m_emptyLabel->setVisible(empty);
    m_split->setVisible(!empty);
    m_scroll->setVisible(!m_results.isEmpty());
    fitSplit();
    rebuildSummary();
    m_summaryTable->setVisible(!m_results.isEmpty());
    refreshOriginal();
    refreshHeaders();
}

int CompareView::summaryGapColumn()
{
    return SummaryFirstError + int(ErrorStyle::errorTypes().size());
}

int CompareView::boundFor(int column) const
{
    if (column < 0 || column >= m_results.size() || m_results.at(column).upperBound)
        return -1;
    const int m = m_results.at(column).metrics.memoryTokens;
    int best = -1;
    for (int i = 0; i < m_results.size(); ++i) {
        const view::RegenerationView& r = m_results.at(i);
        if (r.upperBound && r.metrics.memoryTokens == m && (best < 0 || r.metrics.bleu > m_results.at(best).metrics.bleu))
            best = i;
    }
    return best;
}

double CompareView::gapToBound(int column) const
{
    const int bound = boundFor(column);
    if (bound < 0)
        return std::numeric_limits<double>::quiet_NaN();
    return m_results.at(bound).metrics.bleu - m_results.at(column).metrics.bleu;
}

void CompareView::rebuildSummary()
{
    m_fillingSummary = true;
    const int sortColumn = m_summaryTable->horizontalHeader()->sortIndicatorSection();
    const Qt::SortOrder order = m_summaryTable->horizontalHeader()->sortIndicatorOrder();
    m_summary->removeRows(0, m_summary->rowCount());
    const QLocale loc;
    const auto number = [&loc](double value, int decimals) {
        auto* item = new QStandardItem(loc.toString(value, 'f', decimals));
        item->setData(value, Qt::UserRole);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (int i = 0; i < m_results.size(); ++i) {
        const view::RegenerationView& r = m_results.at(i);
        QList<QStandardItem*> row;
        const QString label = r.compressorLabel.isEmpty() ? tr("Result %1").arg(i + 1) : r.compressorLabel;
        auto* name = new QStandardItem(label);
        name->setData(label, Qt::UserRole);
        name->setData(i, Qt::UserRole + 1);  // the column it stands for, whatever the sort order
        name->setCheckable(true);
        name->setCheckState(isColumnVisible(i) ? Qt::Checked : Qt::Unchecked);
        name->setToolTip(tr("Uncheck to hide this column; click to scroll to it and mark its errors in the original."));
        row << name << number(r.metrics.bleu, 3) << number(r.metrics.rougeLF, 3) << number(r.metrics.exactMatch, 0);
        const QVector<int> counts = ErrorStyle::countSpans(r.diff);
        for (ErrorType t : ErrorStyle::errorTypes()) {
            QStandardItem* count = number(counts.at(int(t)), 0);
            count->setForeground(ErrorStyle::accent(t));
            row << count;
        }
        // The distance to what m memory tokens can hold for this text (issue 19, item 1).
        QStandardItem* gap = nullptr;
        const int bound = boundFor(i);
        if (r.upperBound) {
            gap = new QStandardItem(tr("bound"));
            gap->setData(0.0, Qt::UserRole);
            gap->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            gap->setToolTip(tr("Optimised memory: fitted to this text, the upper bound for %n memory token(s).", nullptr,
                               r.metrics.memoryTokens));
        } else if (bound >= 0) {
            gap = number(gapToBound(i), 3);
            gap->setToolTip(tr("BLEU of %1 (the upper bound for this text) minus the BLEU of %2.")
                                .arg(m_results.at(bound).compressorLabel, label));
        } else {
            gap = new QStandardItem(QString(QChar(0x2014)));
            gap->setData(-1.0, Qt::UserRole);
            gap->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            gap->setToolTip(tr("Add optimised memory with %n memory token(s) to the comparison to see this "
                               "compressor's distance to the upper bound.", nullptr, r.metrics.memoryTokens));
        }
        row << gap;
        m_summary->appendRow(row);
    }
    if (sortColumn >= 0)
        m_summary->sort(sortColumn, order);
    // Rows of equal height, at most five on screen before the table scrolls.
    const int rows = std::min<int>(5, std::max<int>(1, m_summary->rowCount()));
    m_summaryTable->setMaximumHeight(m_summaryTable->horizontalHeader()->sizeHint().height() +
                                     rows * m_summaryTable->verticalHeader()->defaultSectionSize() + 4);
    m_fillingSummary = false;
}

void CompareView::refreshOriginal()
{
    const QString text = original();
    m_originalEdit->clearMarkedRange();
    if (m_highlighted >= 0 && m_highlighted < m_results.size() &&
        m_results.at(m_highlighted).diff.original == text) {
        m_originalEdit->setDiff(m_results.at(m_highlighted).diff, DiffSide::Original);
    } else {
        m_originalEdit->setUnmarkedText(text, DiffSide::Original);
    }
    if (m_highlighted >= 0 && m_highlighted < m_results.size())
        m_originalNote->setText(tr("Marked with the errors of “%1”. Click another column to "
                                   "switch, or this header to clear.")
                                    .arg(m_results.at(m_highlighted).compressorLabel));
    else
        m_originalNote->setText(tr("Click a column to mark in the original what that compressor "
                                   "lost or got wrong."));
}

QString CompareView::headerHtml(int column) const
{
    const view::RegenerationView& r = m_results.at(column);
    const QVector<int> counts = ErrorStyle::countSpans(r.diff);
    QStringList parts;
    for (ErrorType t : ErrorStyle::errorTypes()) {
        parts << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                     .arg(ErrorStyle::accent(t).name())
                     .arg(counts.at(int(t)));
    }
    const QString label = r.compressorLabel.isEmpty() ? tr("Result %1").arg(column + 1)
                                                      : r.compressorLabel;
    return QStringLiteral("<b>%1</b>&nbsp;&nbsp;<span style=\"font-size:small\">%2</span>")
        .arg(label.toHtmlEscaped(), parts.join(QStringLiteral("&nbsp;&nbsp;")));
}

void CompareView::refreshHeaders()
{
    m_originalHeader->setStyleSheet(m_highlighted < 0 ? kHighlightStyle : kNormalStyle);
    for (int i = 0; i < m_columns.size(); ++i) {
        QLabel* h = m_columns.at(i).header;
        h->setText(headerHtml(i));
        h->setStyleSheet(i == m_highlighted ? kHighlightStyle : kNormalStyle);
        const QVector<int> counts = ErrorStyle::countSpans(m_results.at(i).diff);
        QStringList lines;
        lines << tr("Regeneration by %1.").arg(m_results.at(i).compressorLabel);
        for (ErrorType t : ErrorStyle::errorTypes())
            lines << tr("%1: %2").arg(ErrorStyle::name(t)).arg(counts.at(int(t)));
        lines << tr("Click to mark this column's errors in the original.");
        h->setToolTip(lines.join(QLatin1Char('\n')));
    }
}

void CompareView::syncScroll(DiffTextEdit* from)
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QScrollBar* f = from->verticalScrollBar();
    const int range = f->maximum() - f->minimum();
    const double frac = range > 0 ? double(f->value() - f->minimum()) / range : 0.0;
    QVector<DiffTextEdit*> edits{m_originalEdit};
    for (const Column& c : qAsConst(m_columns))
        edits << c.text;
    for (DiffTextEdit* e : qAsConst(edits)) {
        if (e == from)
            continue;
        QScrollBar* t = e->verticalScrollBar();
        t->setValue(t->minimum() + qRound(frac * (t->maximum() - t->minimum())));
    }
    m_syncing = false;
}

bool CompareView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        if (watched == m_originalHeader) {
            setHighlightedColumn(-1);
            return false;
        }
        for (int i = 0; i < m_columns.size(); ++i) {
            if (watched == m_columns.at(i).header || watched == m_columns.at(i).text->viewport()) {
                if (watched == m_columns.at(i).header && m_highlighted == i) {
                    setHighlightedColumn(-1);
                } else if (m_highlighted != i) {
                    setHighlightedColumn(i);
                    emit columnActivated(i);
                }
                return false;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

// The original gets a quarter of the width (at least its minimum), the result columns the rest,
// until the user moves the handle.
void CompareView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitSplit();
}

void CompareView::fitSplit()
{
    if (m_userSplit || !m_scroll->isVisibleTo(this))
        return;
    const int total = width();
    const int original = std::max(m_originalPane->minimumWidth(), total / 4);
    m_split->setSizes({original, std::max(0, total - original)});
}

void CompareView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CompareView::retranslate()
{
    m_originalHeader->setText(QStringLiteral("<b>%1</b>").arg(tr("Original").toHtmlEscaped()));
    m_originalHeader->setToolTip(tr("The text every compressor compressed. Each column to the right "
                                    "is what the frozen language model regenerated from that "
                                    "compressor's memory tokens."));
    m_originalEdit->setPlaceholderText(tr("The original text appears here."));
    m_emptyLabel->setText(tr("No regenerations to compare yet. Compress one text with several "
                             "compressors to see their regenerations side by side."));
    QStringList headers{tr("Compressor"), tr("BLEU"), tr("ROUGE-L F"), tr("EM")};
    for (ErrorType t : ErrorStyle::errorTypes())
        headers << ErrorStyle::name(t);
    headers << tr("Gap to bound");
    m_summary->setHorizontalHeaderLabels(headers);
    if (QStandardItem* h = m_summary->horizontalHeaderItem(summaryGapColumn()))
        h->setToolTip(tr("How much BLEU this compressor lies below the upper bound for this text: optimised memory "
                         "with as many memory tokens, fitted to the text by gradient descent."));
    m_summaryTable->setToolTip(tr("One row per compressor. Click a header to sort (again to reverse); "
                                  "uncheck a compressor to hide its column."));
    refreshOriginal();
    if (!m_columns.isEmpty())
        refreshHeaders();
}

}  // namespace xcomp
