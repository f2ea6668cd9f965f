#include "chunkstrip.h"

#include <QEvent>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "widgetexport.h"
#include "tokenevidenceview.h"

namespace xcomp {

namespace {

constexpr int kHeight = 22;  // the bar
constexpr int kMargin = 2;
constexpr int kGap = 2;      // between segments

QString percent(double v)
{
    return QString::number(std::lround(100 * v)) + QLatin1Char('%');
}

QJsonObject metricsJson(const view::RegenerationMetrics& m)
{
    QJsonObject o;
    o.insert(QStringLiteral("bleu"), m.bleu);
    o.insert(QStringLiteral("rouge_l_f"), m.rougeLF);
    o.insert(QStringLiteral("exact_match"), m.exactMatch);
    o.insert(QStringLiteral("source_tokens"), m.sourceTokens);
    if (m.teacherForcedAccuracy >= 0)
        o.insert(QStringLiteral("teacher_forced_accuracy"), m.teacherForcedAccuracy);
    return o;
}

}  // namespace

ChunkStrip::ChunkStrip(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ChunkStrip::setOverview(const view::ChunkOverview& overview)
{
    m_overview = overview;
    m_selected = -1;
    updateGeometry();
    update();
}

void ChunkStrip::clear()
{
    setOverview({});
}

void ChunkStrip::setSelectedChunk(int chunk)
{
    m_selected = chunk >= 0 && chunk < m_overview.chunks.size() ? chunk : -1;
    update();
}

QVector<QRect> ChunkStrip::segments() const
{
    QVector<QRect> out;
    const int n = int(m_overview.chunks.size());
    if (n == 0)
        return out;
    int total = 0;
    for (const view::ChunkSummary& c : m_overview.chunks)
        total += std::max(1, c.tokens);
    const int width = std::max(n, this->width() - 2 * kMargin - (n - 1) * kGap);
    int x = kMargin, used = 0;
    for (int i = 0; i < n; ++i) {
        used += std::max(1, m_overview.chunks.at(i).tokens);
        // Each segment ends where its share of the tokens ends, so the widths add up to the bar.
        const int end = kMargin + int(std::lround(double(width) * used / total)) + i * kGap;
        out << QRect(x, kMargin, std::max(1, end - x), kHeight);
        x = end + kGap;
    }
    return out;
}

int ChunkStrip::chunkAt(const QPoint& pos) const
{
    const QVector<QRect> s = segments();
    for (int i = 0; i < s.size(); ++i)
        if (s.at(i).contains(pos))
            return i;
    return -1;
}

QRect ChunkStrip::chunkRect(int chunk) const
{
    return segments().value(chunk);
}

QString ChunkStrip::chunkToolTip(int chunk) const
{
    if (chunk < 0 || chunk >= m_overview.chunks.size())
        return QString();
    const view::ChunkSummary& c = m_overview.chunks.at(chunk);
    return tr("Chunk %1 of %2: tokens %3\u2013%4 (%5 tokens). From its own %6 memory tokens: ROUGE-L F %7, BLEU %8, exact match %9")
        .arg(chunk + 1)
        .arg(m_overview.chunks.size())
        .arg(c.tokenBegin)
        .arg(c.tokenBegin + c.tokens - 1)
        .arg(c.tokens)
        .arg(m_overview.memoryTokens)
        .arg(percent(c.rougeLF), percent(c.bleu), c.exactMatch >= 1 ? tr("yes") : tr("no"));
}

QSize ChunkStrip::sizeHint() const
{
    return QSize(320, kHeight + 2 * kMargin);
}

QSize ChunkStrip::minimumSizeHint() const
{
    return QSize(60, kHeight + 2 * kMargin);
}

bool ChunkStrip::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = chunkAt(help->pos());
        if (i >= 0)
            QToolTip::showText(help->globalPos(), chunkToolTip(i), this, chunkRect(i));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void ChunkStrip::mousePressEvent(QMouseEvent* event)
{
    const int i = chunkAt(event->position().toPoint());
    if (i < 0 || event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int chunk = i == m_selected ? -1 : i;  // the selected one again: back to the whole text
    setSelectedChunk(chunk);
    emit chunkClicked(chunk);
}

void ChunkStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QVector<QRect> s = segments();
    for (int i = 0; i < s.size(); ++i) {
        const QRect r = s.at(i);
        painter.fillRect(r, TokenEvidenceView::probabilityColor(m_overview.chunks.at(i).rougeLF));
        painter.setPen(QColor(0, 0, 0));  // the segments are light whatever the palette
        const QString label = QString::number(i + 1);
        if (painter.fontMetrics().horizontalAdvance(label) + 4 <= r.width())
            painter.drawText(r, Qt::AlignCenter, label);
        if (i == m_selected) {
            painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
            painter.drawRect(r.adjusted(1, 1, -1, -1));
        }
    }
}

QByteArray ChunkStrip::toCsv() const
{
    QString out = QStringLiteral("part,first_token,tokens,first_char,end_char,bleu,rouge_l_f,exact_match,teacher_forced_accuracy\n");
    const auto row = [](const QString& part, int firstToken, int tokens, int begin, int end, double bleu, double rouge,
                        double em, double tf) {
        return QStringList{part, QString::number(firstToken), QString::number(tokens), QString::number(begin),
                           QString::number(end), QString::number(bleu, 'g', 9), QString::number(rouge, 'g', 9),
                           QString::number(em, 'g', 9), tf >= 0 ? QString::number(tf, 'g', 9) : QString()}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    };
    int chars = 0, tokens = 0;
    for (int i = 0; i < m_overview.chunks.size(); ++i) {
        const view::ChunkSummary& c = m_overview.chunks.at(i);
        out += row(QString::number(i + 1), c.tokenBegin, c.tokens, c.textBegin, c.textEnd, c.bleu, c.rougeLF, c.exactMatch,
                   c.teacherForcedAccuracy);
        chars = std::max(chars, c.textEnd);
        tokens += c.tokens;
    }
    const view::RegenerationMetrics& w = m_overview.whole;
    out += row(QStringLiteral("whole"), 0, tokens, 0, chars, w.bleu, w.rougeLF, w.exactMatch, w.teacherForcedAccuracy);
    if (m_overview.hasTogether) {
        const view::RegenerationMetrics& t = m_overview.together;
        out += row(QStringLiteral("together"), 0, tokens, 0, chars, t.bleu, t.rougeLF, t.exactMatch, t.teacherForcedAccuracy);
    }
    return out.toUtf8();
}

QByteArray ChunkStrip::toJson() const
{
    QJsonArray chunks;
    for (const view::ChunkSummary& c : m_overview.chunks) {
        QJsonObject o;
        o.insert(QStringLiteral("first_token"), c.tokenBegin);
        o.insert(QStringLiteral("tokens"), c.tokens);
        o.insert(QStringLiteral("chars"), QJsonArray{c.textBegin, c.textEnd});
        o.insert(QStringLiteral("bleu"), c.bleu);
        o.insert(QStringLiteral("rouge_l_f"), c.rougeLF);
        o.insert(QStringLiteral("exact_match"), c.exactMatch);
        if (c.teacherForcedAccuracy >= 0)
            o.insert(QStringLiteral("teacher_forced_accuracy"), c.teacherForcedAccuracy);
        chunks.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("xcomp-chunks"));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("window_tokens"), m_overview.windowTokens);
    root.insert(QStringLiteral("memory_tokens_per_chunk"), m_overview.memoryTokens);
    root.insert(QStringLiteral("chunks"), chunks);
    root.insert(QStringLiteral("whole"), metricsJson(m_overview.whole));
    if (m_overview.hasTogether)
        root.insert(QStringLiteral("together"), metricsJson(m_overview.together));
    else
        root.insert(QStringLiteral("together_note"), m_overview.togetherNote);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString ChunkStrip::fileDialogFilter()
{
    return WidgetExport::fileDialogFilter();
}

bool ChunkStrip::exportFile(const QString& path, QString* error)
{
    return WidgetExport::save(this, QSize(std::max(width(), 480), sizeHint().height()), [this] { return toCsv(); },
                              [this] { return toJson(); }, path, error);
}

}  // namespace xcomp
