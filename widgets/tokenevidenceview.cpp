#include "tokenevidenceview.h"

#include <QEvent>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "widgetexport.h"

namespace xcomp {

namespace {

constexpr int kPadX = 3;     // inside a cell, left and right of the text
constexpr int kPadY = 3;     // above and below the text
constexpr int kGap = 2;      // between cells
constexpr int kSpace = 5;    // extra gap before a token that starts a word
constexpr int kMarker = 7;   // room above a line for the first-divergence marker
constexpr int kMargin = 4;

QColor mix(const QColor& a, const QColor& b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor(int(std::lround(a.red() + (b.red() - a.red()) * t)), int(std::lround(a.green() + (b.green() - a.green()) * t)),
                  int(std::lround(a.blue() + (b.blue() - a.blue()) * t)));
}

QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

TokenEvidenceView::TokenEvidenceView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tokenEvidence"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setAccessibleName(tr("Per-token evidence"));
}

bool TokenEvidenceView::isEnd(int index) const
{
    return index == m_evidence.size() - 1 && (index >= m_evidence.tokens.size() || m_evidence.tokens.at(index).isEmpty());
}

void TokenEvidenceView::setEvidence(const view::TokenEvidence& evidence)
{
    m_evidence = evidence;
    m_selected = -1;
    relayout();
}

void TokenEvidenceView::clear()
{
    setEvidence(view::TokenEvidence());
}

QColor TokenEvidenceView::probabilityColor(double p)
{
    const QColor red(0xf4, 0xa3, 0xa3), yellow(0xff, 0xe8, 0x99), green(0xc6, 0xec, 0xc6);
    if (!std::isfinite(p))
        p = 0;
    return p < 0.5 ? mix(red, yellow, p / 0.5) : mix(yellow, green, (p - 0.5) / 0.5);
}

QString TokenEvidenceView::tokenText(int index) const
{
    if (index < 0 || index >= m_evidence.size())
        return QString();
    // The entry after the text's tokens is the end of text (the decoder must also stop there).
    if (isEnd(index))
        return tr("⟨end⟩");
    QString t = index < m_evidence.tokens.size() ? m_evidence.tokens.at(index) : QString();
    t.replace(QChar(0x2581), QLatin1Char(' '));
    t.replace(QLatin1Char('\n'), QChar(0x21b5));
    t.replace(QLatin1Char('\t'), QChar(0x21e5));
    t = t.trimmed();
    return t.isEmpty() ? QString(QChar(0x2423)) : t;  // a blank piece shows an open box
}

QVector<QRect> TokenEvidenceView::layoutCells(int width) const
{
    QVector<QRect> cells;
    const QFontMetrics fm(font());
    const int h = fm.height() + 2 * kPadY;
    const int right = std::max(width - kMargin, kMargin + 20);
    int x = kMargin, y = kMargin + kMarker;
    for (int i = 0; i < m_evidence.size(); ++i) {
        const QString raw = i < m_evidence.tokens.size() ? m_evidence.tokens.at(i) : QString();
        const bool wordStart = raw.startsWith(QLatin1Char(' ')) || raw.startsWith(QChar(0x2581));
        const int w = fm.horizontalAdvance(tokenText(i)) + 2 * kPadX;
        if (i > 0 && wordStart)
            x += kSpace;
        if (x + w > right && x > kMargin) {
            x = kMargin;
            y += h + kGap + kMarker;
        }
        cells << QRect(x, y, w, h);
        x += w + kGap;
    }
    return cells;
}

void TokenEvidenceView::relayout()
{
    m_cellsWidth = -1;
    updateGeometry();
    update();
}

// The cells for the current width; a hidden widget gets no resize events, so this checks the width.
const QVector<QRect>& TokenEvidenceView::cells() const
{
    if (m_cellsWidth != width()) {
        m_cells = layoutCells(width());
        m_cellsWidth = width();
    }
    return m_cells;
}

int TokenEvidenceView::heightForWidth(int width) const
{
    const QVector<QRect> cells = layoutCells(width);
    const QFontMetrics fm(font());
    if (cells.isEmpty())
        return fm.height() + 2 * kPadY + 2 * kMargin + kMarker;
    return cells.last().bottom() + 1 + kMargin;
}

QSize TokenEvidenceView::sizeHint() const
{
    return QSize(480, heightForWidth(480));
}

QSize TokenEvidenceView::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return QSize(120, fm.height() + 2 * kPadY + 2 * kMargin + kMarker);
}

void TokenEvidenceView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_cellsWidth = -1;
}

int TokenEvidenceView::tokenAt(const QPoint& pos) const
{
    const QVector<QRect>& c = cells();
    for (int i = 0; i < c.size(); ++i)
        if (c.at(i).contains(pos))
            return i;
    return -1;
}

QRect TokenEvidenceView::tokenRect(int index) const
{
    const QVector<QRect>& c = cells();
    return index >= 0 && index < c.size() ? c.at(index) : QRect();
}

QString TokenEvidenceView::tokenToolTip(int index) const
{
    if (index < 0 || index >= m_evidence.size())
        return QString();
    const QLocale loc;
    const int rank = index < m_evidence.rank.size() ? m_evidence.rank.at(index) : 0;
    const double p = m_evidence.probability.at(index);
    const double entropy = index < m_evidence.entropy.size() ? m_evidence.entropy.at(index) : 0.0;
    QString tip = tr("Token %1: \u201c%2\u201d").arg(index + 1).arg(tokenText(index));
    tip += QLatin1Char('\n') + tr("Probability %1 \u00b7 rank %2 \u00b7 entropy %3 nats")
                                   .arg(loc.toString(p, 'f', 3), loc.toString(rank), loc.toString(entropy, 'f', 2));
    if (rank == 1)
        tip += QLatin1Char('\n') + tr("The decoder's first choice here, given the original text before it.");
    else
        tip += QLatin1Char('\n') + tr("The decoder preferred %n other token(s) here, given the original text before it.",
                                      nullptr, rank - 1);
    if (index == m_evidence.firstDivergence)
        tip += QLatin1Char('\n') + tr("Greedy decoding first leaves the original here; every later word is "
                                      "generated from that mistake.");
    return tip;
}

QString TokenEvidenceView::summaryText() const
{
    if (isEmpty())
        return tr("No per-token evidence for this result.");
    const QLocale loc;
    const QString acc = tr("Teacher-forced accuracy %1%").arg(loc.toString(m_evidence.teacherForcedAccuracy * 100, 'f', 0));
    if (m_evidence.firstDivergence < 0)
        return tr("%1 \u00b7 greedy decoding reproduces the original exactly").arg(acc);
    return tr("%1 \u00b7 greedy decoding leaves the original at token %2 (\u201c%3\u201d)")
        .arg(acc)
        .arg(m_evidence.firstDivergence + 1)
        .arg(tokenText(m_evidence.firstDivergence));
}

void TokenEvidenceView::setSelectedToken(int index)
{
    m_selected = index >= 0 && index < m_evidence.size() ? index : -1;
    update();
}

bool TokenEvidenceView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = tokenAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), tokenToolTip(i), this, tokenRect(i));
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        relayout();
    return QWidget::event(event);
}

void TokenEvidenceView::mousePressEvent(QMouseEvent* event)
{
    const int i = tokenAt(event->position().toPoint());
    if (i >= 0 && event->button() == Qt::LeftButton) {
        setSelectedToken(i);
        emit tokenClicked(i);
    }
    QWidget::mousePressEvent(event);
}

void TokenEvidenceView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QColor text = palette().color(QPalette::Text);
    const QColor divergence(0xb0, 0x00, 0x20);
    const QVector<QRect>& cellRects = cells();
    for (int i = 0; i < cellRects.size(); ++i) {
        const QRect r = cellRects.at(i);
        const int rank = i < m_evidence.rank.size() ? m_evidence.rank.at(i) : 1;
        painter.fillRect(r, probabilityColor(m_evidence.probability.at(i)));
        painter.setPen(QColor(0, 0, 0));  // the cells are light whatever the palette
        painter.drawText(r, Qt::AlignCenter, tokenText(i));
        if (rank > 1) {
            // Not the decoder's first choice: underlined.
            painter.fillRect(QRect(r.left() + 1, r.bottom() - 1, r.width() - 2, 2), QColor(0x80, 0x20, 0x20));
        }
        if (i == m_evidence.firstDivergence) {
            painter.setPen(QPen(divergence, 2));
            painter.drawRect(r.adjusted(1, 1, -1, -1));
            // A small triangle above the cell points at it.
            const QPoint tip(r.center().x(), r.top() - 1);
            const QPolygon triangle({tip, QPoint(tip.x() - 4, tip.y() - kMarker + 1), QPoint(tip.x() + 4, tip.y() - kMarker + 1)});
            painter.setBrush(divergence);
            painter.setPen(Qt::NoPen);
            painter.drawPolygon(triangle);
            painter.setBrush(Qt::NoBrush);
        }
        if (i == m_selected) {
            painter.setPen(QPen(text, 1, Qt::DashLine));
            painter.drawRect(r.adjusted(0, 0, -1, -1));
        }
    }
    if (cellRects.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(kMargin, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, summaryText());
    }
}

QByteArray TokenEvidenceView::toCsv() const
{
    QString out = QStringLiteral("index,token,probability,rank,entropy,first_divergence\n");
    for (int i = 0; i < m_evidence.size(); ++i) {
        const QString token = isEnd(i) ? QStringLiteral("</s>") : (i < m_evidence.tokens.size() ? m_evidence.tokens.at(i) : QString());
        // Joined, not chained arg(): a token may itself contain "%1".
        out += QStringList{QString::number(i), csvField(token), QString::number(m_evidence.probability.at(i), 'g', 9),
                           QString::number(i < m_evidence.rank.size() ? m_evidence.rank.at(i) : 0),
                           QString::number(i < m_evidence.entropy.size() ? m_evidence.entropy.at(i) : 0.0f, 'g', 9),
                           QString::number(i == m_evidence.firstDivergence ? 1 : 0)}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray TokenEvidenceView::toJson() const
{
    QJsonArray tokens;
    for (int i = 0; i < m_evidence.size(); ++i) {
        QJsonObject o;
        o.insert(QStringLiteral("token"), i < m_evidence.tokens.size() ? m_evidence.tokens.at(i) : QString());
        o.insert(QStringLiteral("probability"), double(m_evidence.probability.at(i)));
        o.insert(QStringLiteral("rank"), i < m_evidence.rank.size() ? m_evidence.rank.at(i) : 0);
        o.insert(QStringLiteral("entropy"), double(i < m_evidence.entropy.size() ? m_evidence.entropy.at(i) : 0.0f));
        tokens.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("xcomp-token-evidence"));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("teacher_forced_accuracy"), m_evidence.teacherForcedAccuracy);
    root.insert(QStringLiteral("first_divergence"), m_evidence.firstDivergence);
    root.insert(QStringLiteral("tokens"), tokens);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString TokenEvidenceView::fileDialogFilter()
{
    return WidgetExport::fileDialogFilter();
}

bool TokenEvidenceView::exportFile(const QString& path, QString* error)
{
    // The whole strip at its current width, also the part scrolled out of sight.
    const int w = std::max(width(), 480);
    return WidgetExport::save(this, QSize(w, heightForWidth(w)), [this] { return toCsv(); }, [this] { return toJson(); },
                              path, error);
}

}  // namespace xcomp
