#include "diffview.h"

#include <algorithm>

#include "errorlegend.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolTip>
#include <QVBoxLayout>

namespace xcomp {

using view::DiffData;
using view::DiffSpan;
using view::ErrorType;

namespace {

DiffSide otherSide(DiffSide side)
{
    return side == DiffSide::Original ? DiffSide::Regenerated : DiffSide::Original;
}

// Purple: distinct from the four error colours.
QColor defaultMarkColor() { return QColor(0x6a, 0x1b, 0x9a); }

// Maps a character position of one side to the corresponding range on the other side. Text between
// the listed spans is equal by definition (Equal spans may be omitted), so positions there map 1:1
// from the end of the previous span. A position inside a non-Equal span maps to the whole
// counterpart range. Returns false when the data cannot be followed.
bool mapToOtherSide(const DiffData& diff, DiffSide from, int begin, int end, int* otherBegin,
                    int* otherEnd)
{
    const DiffSide to = otherSide(from);
    int lastFrom = 0, lastTo = 0;
    int ob = -1, oe = -1;
    auto extend = [&](int b, int e) {
        ob = ob < 0 ? b : qMin(ob, b);
        oe = qMax(oe, e);
    };
    auto mapEqual = [&](int fromBase, int toBase, int b, int e) {
        extend(toBase + (b - fromBase), toBase + (e - fromBase));
    };
    for (const DiffSpan& s : diff.spans) {
        const int fb = ErrorStyle::spanBegin(diff, s, from), fe = ErrorStyle::spanEnd(diff, s, from);
        const int tb = ErrorStyle::spanBegin(diff, s, to), te = ErrorStyle::spanEnd(diff, s, to);
        // Implicit equal text before this span.
        if (fb > lastFrom) {
            const int b = qMax(begin, lastFrom), e = qMin(end, fb);
            if (b < e)
                mapEqual(lastFrom, lastTo, b, e);
        }
        const int b = qMax(begin, fb), e = qMin(end, fe);
        if (b < e) {
            if (s.type == ErrorType::Equal && fe - fb == te - tb)
                mapEqual(fb, tb, b, e);
            else
                extend(tb, te);
        }
        lastFrom = qMax(lastFrom, fe);
        lastTo = qMax(lastTo, te);
    }
    const int fromLen = int((from == DiffSide::Original ? diff.original : diff.regenerated).size());
    if (end > lastFrom && lastFrom < fromLen) {
        const int b = qMax(begin, lastFrom), e = qMin(end, fromLen);
        if (b < e)
            mapEqual(lastFrom, lastTo, b, e);
    }
    const int toLen = int((to == DiffSide::Original ? diff.original : diff.regenerated).size());
    if (ob < 0)
        return false;
    *otherBegin = qBound(0, ob, toLen);
    *otherEnd = qBound(*otherBegin, oe, toLen);
    return true;
}

}  // namespace

// ---- DiffTextEdit -----------------------------------------------------------------------------

DiffTextEdit::DiffTextEdit(QWidget* parent) : QTextEdit(parent), m_markColor(defaultMarkColor())
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setAcceptRichText(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    // Selectable by mouse only: read-only text needs no blinking text cursor.
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    viewport()->setCursor(Qt::ArrowCursor);
}

void DiffTextEdit::setDiff(const DiffData& diff, DiffSide side)
{
    m_diff = diff;
    m_side = side;
    m_markBegin = m_markEnd = 0;
    m_reliance.clear();  // ranges of the old text
    m_relianceStrength.clear();
    setPlainText(side == DiffSide::Original ? diff.original : diff.regenerated);
    ErrorStyle::applyFormats(document(), m_diff, side);
    viewport()->update();
}

void DiffTextEdit::setUnmarkedText(const QString& text, DiffSide side)
{
    DiffData d;
    (side == DiffSide::Original ? d.original : d.regenerated) = text;
    setDiff(d, side);
}

void DiffTextEdit::clearDiff()
{
    setDiff(DiffData(), m_side);
}

int DiffTextEdit::spanIndexAt(int pos) const
{
    return ErrorStyle::spanIndexAt(m_diff, m_side, pos);
}

ErrorType DiffTextEdit::typeAt(int pos) const
{
    return ErrorStyle::typeAt(m_diff, m_side, pos);
}

QTextCharFormat DiffTextEdit::formatAt(int pos) const
{
    const QTextBlock block = document()->findBlock(pos);
    if (!block.isValid())
        return {};
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        if (f.isValid() && f.contains(pos))
            return f.charFormat();
    }
    return block.charFormat();
}

QString DiffTextEdit::toolTipAt(int pos) const
{
    const int i = spanIndexAt(pos);
    return i < 0 ? QString() : ErrorStyle::toolTip(m_diff, m_diff.spans.at(i), m_side);
}

QVector<QRectF> DiffTextEdit::rangeRects(int begin, int end) const
{
    QVector<QRectF> out;
    const QTextDocument* doc = document();
    const int last = doc->characterCount() - 1;
    begin = qBound(0, begin, last);
    end = qBound(begin, end, last);
    const QPointF offset(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    for (QTextBlock b = doc->findBlock(begin); b.isValid() && b.position() <= end; b = b.next()) {
        const QTextLayout* tl = b.layout();
        if (!tl)
            continue;
        const QPointF blockTopLeft = layout->blockBoundingRect(b).topLeft();
        const int bpos = b.position();
        for (int i = 0; i < tl->lineCount(); ++i) {
            const QTextLine line = tl->lineAt(i);
            const int ls = bpos + line.textStart(), le = ls + line.textLength();
            const int s = qMax(begin, ls), e = qMin(end, le);
            if (s > e || (s == e && begin != end))
                continue;
            const qreal x1 = line.cursorToX(s - bpos), x2 = line.cursorToX(e - bpos);
            QRectF r(QPointF(qMin(x1, x2), line.y()), QPointF(qMax(x1, x2), line.y() + line.height()));
            out << r.translated(blockTopLeft + offset);
            if (begin == end)
                return out;  // a gap: its first place only
        }
    }
    return out;
}

int DiffTextEdit::charAtPoint(const QPoint& viewportPos) const
{
    const int last = document()->characterCount() - 1;
    const int pos = cursorForPosition(viewportPos).position();
    for (int cand : {pos - 1, pos}) {
        if (cand < 0 || cand >= last)
            continue;
        for (const QRectF& r : rangeRects(cand, cand + 1)) {
            if (r.adjusted(-0.5, 0, 0.5, 0).contains(viewportPos))
                return cand;
        }
    }
    return -1;
}

QRect DiffTextEdit::charRect(int pos) const
{
    const QVector<QRectF> rects = rangeRects(pos, pos + 1);
    return rects.isEmpty() ? QRect() : rects.first().toAlignedRect();
}

int DiffTextEdit::gapSpanNear(const QPoint& viewportPos) const
{
    if (!m_gapMarkers)
        return -1;
    const DiffSide other = otherSide(m_side);
    for (int i = 0; i < m_diff.spans.size(); ++i) {
        const DiffSpan& s = m_diff.spans.at(i);
        if (s.type == ErrorType::Equal)
            continue;
        const int b = ErrorStyle::spanBegin(m_diff, s, m_side);
        if (b != ErrorStyle::spanEnd(m_diff, s, m_side))
            continue;
        if (ErrorStyle::spanBegin(m_diff, s, other) == ErrorStyle::spanEnd(m_diff, s, other))
            continue;
        for (const QRectF& r : rangeRects(b, b)) {
            if (qAbs(viewportPos.x() - r.x()) <= 5 && viewportPos.y() >= r.top() - 2 &&
                viewportPos.y() <= r.bottom())
                return i;
        }
    }
    return -1;
}

QString DiffTextEdit::toolTipAtPoint(const QPoint& viewportPos) const
{
    const int c = charAtPoint(viewportPos);
    if (c >= 0 && spanIndexAt(c) >= 0)
        return toolTipAt(c);
    const int gap = gapSpanNear(viewportPos);
    if (gap >= 0)
        return ErrorStyle::toolTip(m_diff, m_diff.spans.at(gap), m_side);
    return {};
}

void DiffTextEdit::setMarkedRange(int begin, int end, const QColor& color)
{
    m_markBegin = begin;
    m_markEnd = qMax(begin, end);
    m_markColor = color.isValid() ? color : defaultMarkColor();
    viewport()->update();
}

void DiffTextEdit::setRelianceRanges(const QVector<QPair<int, int>>& ranges, const QVector<double>& strengths)
{
    m_reliance = ranges;
    m_relianceStrength = strengths;
    viewport()->update();
}

void DiffTextEdit::scrollToPosition(int pos)
{
    QTextCursor c(document());
    c.setPosition(qBound(0, pos, document()->characterCount() - 1));
    const QRect r = cursorRect(c);
    QScrollBar* vsb = verticalScrollBar();
    if (r.top() < 0 || r.bottom() > viewport()->height())
        vsb->setValue(vsb->value() + r.center().y() - viewport()->height() / 2);
}

void DiffTextEdit::setGapMarkersVisible(bool visible)
{
    m_gapMarkers = visible;
    viewport()->update();
}

bool DiffTextEdit::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        const QString tip = toolTipAtPoint(he->pos());
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            const int c = charAtPoint(he->pos());
            const QRect area = c >= 0 ? charRect(c).adjusted(-2, -2, 2, 2)
                                      : QRect(he->pos() - QPoint(5, 5), QSize(11, 11));
            QToolTip::showText(he->globalPos(), tip, viewport(), area);
        }
        return true;
    }
    return QTextEdit::viewportEvent(event);
}

void DiffTextEdit::paintEvent(QPaintEvent* event)
{
    QTextEdit::paintEvent(event);
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing);

    if (m_gapMarkers) {
        const DiffSide other = otherSide(m_side);
        for (const DiffSpan& s : m_diff.spans) {
            if (s.type == ErrorType::Equal)
                continue;
            const int b = ErrorStyle::spanBegin(m_diff, s, m_side);
            if (b != ErrorStyle::spanEnd(m_diff, s, m_side) ||
                ErrorStyle::spanBegin(m_diff, s, other) == ErrorStyle::spanEnd(m_diff, s, other))
                continue;
            for (const QRectF& r : rangeRects(b, b)) {
                const QColor c = ErrorStyle::accent(s.type);
                const qreal x = r.x();
                p.setPen(QPen(c, 1.5));
                p.drawLine(QPointF(x, r.top() + 2), QPointF(x, r.bottom() - 1));
                QPainterPath tri;
                tri.moveTo(x - 4, r.top());
                tri.lineTo(x + 4, r.top());
                tri.lineTo(x, r.top() + 5);
                tri.closeSubpath();
                p.fillPath(tri, c);
            }
        }
    }

    // Under the outline: the ranges that relied on the selected memory token, shaded by how much.
    for (int i = 0; i < m_reliance.size(); ++i) {
        const double strength = i < m_relianceStrength.size() ? std::clamp(m_relianceStrength.at(i), 0.0, 1.0) : 1.0;
        QColor c = defaultMarkColor();
        c.setAlpha(int(40 + 90 * strength));  // at most half: the text stays readable
        for (const QRectF& r : rangeRects(m_reliance.at(i).first, m_reliance.at(i).second))
            p.fillRect(r, c);
    }

    if (m_markEnd > m_markBegin) {
        p.setPen(QPen(m_markColor, 2));
        p.setBrush(Qt::NoBrush);
        for (const QRectF& r : rangeRects(m_markBegin, m_markEnd))
            p.drawRoundedRect(r.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3);
    }
}

void DiffTextEdit::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    QTextEdit::mousePressEvent(event);
}

void DiffTextEdit::mouseReleaseEvent(QMouseEvent* event)
{
    QTextEdit::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && (pos - m_pressPos).manhattanLength() <= 3) {
        const int c = charAtPoint(pos);
        if (c >= 0)
            emit positionClicked(c);
    } else if (event->button() == Qt::LeftButton && textCursor().hasSelection()) {
        emit rangeSelected(textCursor().selectionStart(), textCursor().selectionEnd());
    }
}

// ---- DiffView ---------------------------------------------------------------------------------

DiffView::DiffView(QWidget* parent) : QWidget(parent), m_counts(view::kErrorTypeCount, 0)
{
    m_original = new DiffTextEdit(this);
    m_original->setObjectName(QStringLiteral("originalEdit"));
    m_regenerated = new DiffTextEdit(this);
    m_regenerated->setObjectName(QStringLiteral("regeneratedEdit"));
    m_original->setDiff(DiffData(), DiffSide::Original);
    m_regenerated->setDiff(DiffData(), DiffSide::Regenerated);

    auto makePane = [this](QLabel*& title, DiffTextEdit* edit) {
        auto* pane = new QWidget(this);
        auto* l = new QVBoxLayout(pane);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(4);
        title = new QLabel(pane);
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
        l->addWidget(title);
        l->addWidget(edit, 1);
        return pane;
    };
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(makePane(m_originalTitle, m_original));
    m_splitter->addWidget(makePane(m_regeneratedTitle, m_regenerated));

    m_legend = new ErrorLegend(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_legend);

    connect(m_original->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { syncScroll(m_original, m_regenerated); });
    connect(m_regenerated->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { syncScroll(m_regenerated, m_original); });

    connect(m_regenerated, &DiffTextEdit::positionClicked, this, [this](int pos) {
        const int span = m_regenerated->spanIndexAt(pos);
        if (span >= 0)
            markSpan(span);
        else
            setSelectedRegeneratedToken(pos);
        emit regeneratedPositionClicked(pos);
        if (span >= 0 && span < m_diff.spans.size()) {
            const view::DiffSpan& s = m_diff.spans.at(span);
            if (s.regeneratedEnd > s.regeneratedBegin)
                emit regeneratedRangeSelected(s.regeneratedBegin, s.regeneratedEnd);
        }
    });
    connect(m_regenerated, &DiffTextEdit::rangeSelected, this, &DiffView::regeneratedRangeSelected);
    connect(m_original, &DiffTextEdit::positionClicked, this, [this](int pos) {
        const int span = m_original->spanIndexAt(pos);
        if (span >= 0) {
            markSpan(span);
        } else {
            m_selectedSpan = -1;
            m_original->setMarkedRange(pos, pos + 1);
            int b = 0, e = 0;
            if (mapToOtherSide(m_diff, DiffSide::Original, pos, pos + 1, &b, &e))
                m_regenerated->setMarkedRange(b, e);
            else
                m_regenerated->clearMarkedRange();
        }
        emit originalPositionClicked(pos);
    });
    connect(m_legend, &ErrorLegend::typeClicked, this, &DiffView::selectNextSpan);

    retranslate();
}

void DiffView::setDiff(const DiffData& diff)
{
    m_diff = diff;
    m_selectedSpan = -1;
    m_original->setDiff(diff, DiffSide::Original);
    m_regenerated->setDiff(diff, DiffSide::Regenerated);
    m_counts = ErrorStyle::countSpans(diff);
    m_legend->setCounts(m_counts);
    emit countsChanged(m_counts);
}

void DiffView::clear()
{
    setDiff(DiffData());
}

bool DiffView::isEmpty() const
{
    return m_diff.original.isEmpty() && m_diff.regenerated.isEmpty();
}

int DiffView::count(ErrorType type) const
{
    const int i = int(type);
    return i >= 0 && i < m_counts.size() ? m_counts.at(i) : 0;
}

QTextCharFormat DiffView::originalFormatAt(int pos) const { return m_original->formatAt(pos); }
QTextCharFormat DiffView::regeneratedFormatAt(int pos) const { return m_regenerated->formatAt(pos); }
ErrorType DiffView::originalTypeAt(int pos) const { return m_original->typeAt(pos); }
ErrorType DiffView::regeneratedTypeAt(int pos) const { return m_regenerated->typeAt(pos); }
QString DiffView::originalToolTipAt(int pos) const { return m_original->toolTipAt(pos); }
QString DiffView::regeneratedToolTipAt(int pos) const { return m_regenerated->toolTipAt(pos); }

void DiffView::setLegendVisible(bool visible) { m_legend->setVisible(visible); }

void DiffView::setTextFont(const QFont& font)
{
    m_original->setFont(font);
    m_regenerated->setFont(font);
}

int DiffView::selectedRegeneratedBegin() const { return m_regenerated->markedBegin(); }
int DiffView::selectedRegeneratedEnd() const { return m_regenerated->markedEnd(); }

void DiffView::setSelectedRegeneratedToken(int charPos)
{
    const QString& text = m_diff.regenerated;
    if (charPos < 0 || charPos >= text.size()) {
        setSelectedRegeneratedRange(0, 0);
        return;
    }
    // A word: letters and digits, with inner apostrophes and hyphens ("World's", "co-winner").
    // On punctuation or space only that character.
    auto inWord = [&text](int i) {
        const QChar c = text.at(i);
        if (c.isLetterOrNumber() || c.isMark())
            return true;
        const bool joiner = c == QLatin1Char('\'') || c == QLatin1Char('-') || c == QChar(0x2019);
        return joiner && i > 0 && i + 1 < text.size() && text.at(i - 1).isLetterOrNumber() &&
               text.at(i + 1).isLetterOrNumber();
    };
    int b = charPos, e = charPos + 1;
    if (inWord(charPos)) {
        while (b > 0 && inWord(b - 1))
            --b;
        while (e < text.size() && inWord(e))
            ++e;
    }
    setSelectedRegeneratedRange(b, e);
}

void DiffView::setSelectedRegeneratedRange(int begin, int end)
{
    m_selectedSpan = -1;
    if (end <= begin) {
        m_regenerated->clearMarkedRange();
        m_original->clearMarkedRange();
        return;
    }
    m_regenerated->setMarkedRange(begin, end);
    m_regenerated->scrollToPosition(begin);
    int ob = 0, oe = 0;
    if (mapToOtherSide(m_diff, DiffSide::Regenerated, begin, end, &ob, &oe))
        m_original->setMarkedRange(ob, oe);
    else
        m_original->clearMarkedRange();
}

void DiffView::selectNextSpan(ErrorType type)
{
    const int n = m_diff.spans.size();
    for (int k = 1; k <= n; ++k) {
        const int i = (qMax(m_selectedSpan, -1) + k + n) % n;
        if (m_diff.spans.at(i).type == type) {
            markSpan(i);
            return;
        }
    }
}

void DiffView::markSpan(int spanIndex)
{
    if (spanIndex < 0 || spanIndex >= m_diff.spans.size())
        return;
    m_selectedSpan = spanIndex;
    const DiffSpan& s = m_diff.spans.at(spanIndex);
    const int ob = ErrorStyle::spanBegin(m_diff, s, DiffSide::Original);
    const int oe = ErrorStyle::spanEnd(m_diff, s, DiffSide::Original);
    const int rb = ErrorStyle::spanBegin(m_diff, s, DiffSide::Regenerated);
    const int re = ErrorStyle::spanEnd(m_diff, s, DiffSide::Regenerated);
    m_original->setMarkedRange(ob, oe);
    m_regenerated->setMarkedRange(rb, re);
    m_syncing = true;  // each side scrolls to its own part of the span
    m_original->scrollToPosition(ob);
    m_regenerated->scrollToPosition(rb);
    m_syncing = false;
}

void DiffView::syncScroll(DiffTextEdit* from, DiffTextEdit* to)
{
    if (m_syncing)
        return;
    m_syncing = true;
    const QScrollBar* f = from->verticalScrollBar();
    QScrollBar* t = to->verticalScrollBar();
    const int range = f->maximum() - f->minimum();
    const double frac = range > 0 ? double(f->value() - f->minimum()) / range : 0.0;
    t->setValue(t->minimum() + qRound(frac * (t->maximum() - t->minimum())));
    m_syncing = false;
}

void DiffView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DiffView::setSideTitles(const QString& left, const QString& right)
{
    m_sideTitles[0] = left;
    m_sideTitles[1] = right;
    retranslate();
}

QString DiffView::sideTitle(int side) const
{
    return side == 0 ? m_originalTitle->text() : m_regeneratedTitle->text();
}

void DiffView::retranslate()
{
    m_originalTitle->setText(m_sideTitles[0].isEmpty() ? tr("Original text") : m_sideTitles[0]);
    m_originalTitle->setToolTip(m_sideTitles[0].isEmpty()
                                    ? tr("The text that was compressed into memory tokens. Words the "
                                         "regeneration lost are marked here in yellow italics.")
                                    : QString());
    m_regeneratedTitle->setText(m_sideTitles[1].isEmpty() ? tr("Regenerated from the memory tokens") : m_sideTitles[1]);
    m_regeneratedTitle->setToolTip(m_sideTitles[1].isEmpty()
                                       ? tr("What the frozen language model wrote back when it saw only "
                                            "the memory tokens. Hover a coloured span to see what the "
                                            "original had there; click a word to link it.")
                                       : QString());
    m_original->setPlaceholderText(
        tr("No text yet. The original appears here once a text has been compressed."));
    m_regenerated->setPlaceholderText(
        tr("The regeneration appears here, every error coloured by its type."));
}

}  // namespace xcomp
