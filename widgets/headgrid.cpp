#include "headgrid.h"

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
#include <numeric>

#include "widgetexport.h"

namespace xcomp {

namespace {

constexpr int kLabelWidth = 30;  // "L8" beside each row
constexpr int kHeaderHeight = 16;  // "h1" above each column
constexpr int kCellWidth = 24, kCellHeight = 15, kGap = 1;

}  // namespace

HeadGrid::HeadGrid(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setToolTip(tr("Which heads the selected words drew on the memory with: one row per layer, one column "
                  "per head, darker = more of the words' attention went to the memory tokens. Click a "
                  "cell to show that layer and head above."));
}

void HeadGrid::setUsage(const HeadUsage& usage)
{
    m_usage = usage;
    updateGeometry();
    update();
}

void HeadGrid::clear()
{
    setUsage(HeadUsage());
}

void HeadGrid::setTopCount(int count)
{
    m_topCount = std::max(0, count);
    update();
}

QVector<QPair<int, int>> HeadGrid::topHeads() const
{
    QVector<QPair<int, int>> out;
    if (isEmpty())
        return out;
    QVector<int> order(m_usage.values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) { return m_usage.values[a] > m_usage.values[b]; });
    for (int i = 0; i < std::min<int>(m_topCount, order.size()); ++i)
        out.append({order[i] / m_usage.heads, order[i] % m_usage.heads});
    return out;
}

void HeadGrid::setCurrent(int layer, int head)
{
    m_layer = layer;
    m_head = head;
    update();
}

QRect HeadGrid::cellRect(int layer, int head) const
{
    if (isEmpty() || layer < 0 || head < 0 || layer >= m_usage.layers || head >= m_usage.heads)
        return QRect();
    return QRect(kLabelWidth + head * (kCellWidth + kGap), kHeaderHeight + layer * (kCellHeight + kGap), kCellWidth,
                 kCellHeight);
}

QPair<int, int> HeadGrid::cellAt(const QPoint& pos) const
{
    for (int l = 0; l < m_usage.layers && !isEmpty(); ++l)
        for (int h = 0; h < m_usage.heads; ++h)
            if (cellRect(l, h).contains(pos))
                return {l, h};
    return {-1, -1};
}

QString HeadGrid::cellToolTip(int layer, int head) const
{
    if (cellRect(layer, head).isNull())
        return QString();
    return tr("Layer %1, head %2: %3% of the selected words' attention went to the memory tokens")
        .arg(layer + 1)
        .arg(head + 1)
        .arg(QLocale().toString(100.0 * m_usage.at(layer, head), 'f', 1));
}

QSize HeadGrid::sizeHint() const
{
    const int layers = std::max(1, m_usage.layers), heads = std::max(1, m_usage.heads);
    return QSize(kLabelWidth + heads * (kCellWidth + kGap) + 2, kHeaderHeight + layers * (kCellHeight + kGap) + 2);
}

QSize HeadGrid::minimumSizeHint() const
{
    return sizeHint();
}

bool HeadGrid::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [l, h] = cellAt(help->pos());
        if (l >= 0) {
            QToolTip::showText(help->globalPos(), cellToolTip(l, h), this, cellRect(l, h));
            return true;
        }
    }
    return QWidget::event(event);
}

void HeadGrid::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (isEmpty())
        return;
    const double most = std::max(1e-12, *std::max_element(m_usage.values.begin(), m_usage.values.end()));
    QFont f = font();
    f.setPointSizeF(std::max(6.0, f.pointSizeF() * 0.8));
    p.setFont(f);
    p.setPen(palette().color(QPalette::WindowText));
    for (int h = 0; h < m_usage.heads; ++h) {
        const QRect c = cellRect(0, h);
        p.drawText(QRect(c.left(), 0, c.width(), kHeaderHeight), Qt::AlignCenter, QStringLiteral("h%1").arg(h + 1));
    }
    for (int l = 0; l < m_usage.layers; ++l) {
        const QRect c = cellRect(l, 0);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, c.top(), kLabelWidth - 4, c.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("L%1").arg(l + 1));
        for (int h = 0; h < m_usage.heads; ++h) {
            const double t = std::clamp(m_usage.at(l, h) / most, 0.0, 1.0);
            // White to the attention view's dark blue.
            const QColor shade(int(255 - t * (255 - 31)), int(255 - t * (255 - 78)), int(255 - t * (255 - 121)));
            p.fillRect(cellRect(l, h), shade);
        }
    }
    p.setBrush(Qt::NoBrush);
    for (const auto& [l, h] : topHeads()) {
        p.setPen(QPen(QColor(0xe6, 0x7e, 0x22), 2));
        p.drawRect(cellRect(l, h).adjusted(1, 1, -1, -1));
    }
    if (m_layer >= 0 && m_head >= 0 && !cellRect(m_layer, m_head).isNull()) {
        p.setPen(QPen(palette().color(QPalette::WindowText), 1));
        p.drawRect(cellRect(m_layer, m_head).adjusted(0, 0, -1, -1));
    }
}

void HeadGrid::mousePressEvent(QMouseEvent* event)
{
    const auto [l, h] = cellAt(event->pos());
    if (event->button() == Qt::LeftButton && l >= 0)
        emit headClicked(l, h);
    QWidget::mousePressEvent(event);
}

QByteArray HeadGrid::toCsv() const
{
    QByteArray out = "layer,head,memory_share\n";
    for (int l = 0; l < m_usage.layers && !isEmpty(); ++l)
        for (int h = 0; h < m_usage.heads; ++h)
            out += QByteArray::number(l + 1) + ',' + QByteArray::number(h + 1) + ',' +
                   QByteArray::number(m_usage.at(l, h), 'f', 6) + '\n';
    return out;
}

QByteArray HeadGrid::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("first_token"), m_usage.first);
    o.insert(QStringLiteral("last_token"), m_usage.last);
    o.insert(QStringLiteral("layers"), m_usage.layers);
    o.insert(QStringLiteral("heads"), m_usage.heads);
    QJsonArray rows;
    for (int l = 0; l < m_usage.layers && !isEmpty(); ++l) {
        QJsonArray row;
        for (int h = 0; h < m_usage.heads; ++h)
            row.append(m_usage.at(l, h));
        rows.append(row);
    }
    o.insert(QStringLiteral("memory_share"), rows);  // [layer][head]
    QJsonArray top;
    for (const auto& [l, h] : topHeads())
        top.append(QJsonArray{l + 1, h + 1});
    o.insert(QStringLiteral("top_heads"), top);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString HeadGrid::fileDialogFilter()
{
    return WidgetExport::fileDialogFilter();
}

bool HeadGrid::exportFile(const QString& path, QString* error)
{
    if (isEmpty()) {
        if (error)
            *error = tr("Select words of the regeneration first: the grid shows the heads they drew on.");
        return false;
    }
    return WidgetExport::save(this, sizeHint(), [this] { return toCsv(); }, [this] { return toJson(); }, path, error);
}

}  // namespace xcomp
