// qcustomplot.h still uses Qt's `foreach`, which QT_NO_FOREACH (set for xcomp_widgets) removes:
// include it first, before any other Qt header has seen that macro.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "memoryimportanceplot.h"

#include <QEvent>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "atomicwrite.h"
#include "plotexport.h"
#include "teachingtext.h"

namespace xcomp {

MemoryImportancePlot::MemoryImportancePlot(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("memoryImportancePlot"));
    PlotStyle::apply(m_plot);
    m_plot->setMinimumHeight(160);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(QPen(QColor(0x2f, 0x5d, 0x8a)));
    m_bars->setBrush(QColor(0x4e, 0x79, 0xa7));
    m_bars->setWidth(0.7);
    m_selectedBar = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_selectedBar->setPen(QPen(PlotStyle::highlightColor().darker(150)));
    m_selectedBar->setBrush(PlotStyle::highlightColor());
    m_selectedBar->setWidth(0.7);
    layout->addWidget(m_plot);
    setToolTip(TeachingText::tooltip(TeachingText::Topic::MemoryAblation));
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { m_pressPos = e->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if ((e->pos() - m_pressPos).manhattanLength() > 4 || e->button() != Qt::LeftButton)
            return;
        const int k = memoryTokenAt(e->pos());
        if (k < 0)
            return;
        setSelectedMemoryToken(k);
        emit memoryTokenClicked(k);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const int k = memoryTokenAt(e->pos());
        m_plot->setToolTip(k >= 0 ? barToolTip(k) : QString());
    });
    refresh();
}

void MemoryImportancePlot::setImportance(const QVector<double>& importance, double loss)
{
    m_importance = importance;
    m_loss = loss;
    if (m_selected >= m_importance.size())
        m_selected = -1;
    refresh();
}

void MemoryImportancePlot::clear()
{
    m_selected = -1;
    setImportance({}, 0);
}

void MemoryImportancePlot::setSelectedMemoryToken(int k)
{
    m_selected = k >= 0 && k < m_importance.size() ? k : -1;
    refresh();
}

int MemoryImportancePlot::mostImportant() const
{
    if (m_importance.isEmpty())
        return -1;
    return int(std::max_element(m_importance.begin(), m_importance.end()) - m_importance.begin());
}

int MemoryImportancePlot::memoryTokenAt(const QPoint& pos) const
{
    if (m_importance.isEmpty() || !m_plot->axisRect()->rect().contains(pos))
        return -1;
    const double x = m_plot->xAxis->pixelToCoord(pos.x());
    const int k = int(std::lround(x)) - 1;  // bars stand at 1 .. m
    if (k < 0 || k >= m_importance.size() || std::abs(x - (k + 1)) > 0.4)
        return -1;
    return k;
}

QPoint MemoryImportancePlot::barCenter(int k) const
{
    if (k < 0 || k >= m_importance.size())
        return QPoint();
    const double top = std::max(0.0, m_importance.at(k));
    const double y = (top + std::min(0.0, m_importance.at(k))) / 2.0;
    return QPoint(int(std::lround(m_plot->xAxis->coordToPixel(k + 1))), int(std::lround(m_plot->yAxis->coordToPixel(y))));
}

QString MemoryImportancePlot::barToolTip(int k) const
{
    if (k < 0 || k >= m_importance.size())
        return QString();
    const QLocale loc;
    return tr("Memory token m%1: dropping it raises the loss from %2 to %3 nats per token (%4). Click to select it "
              "in the attention view.")
        .arg(k + 1)
        .arg(loc.toString(m_loss, 'f', 3), loc.toString(m_loss + m_importance.at(k), 'f', 3),
             (m_importance.at(k) >= 0 ? QStringLiteral("+") : QString()) + loc.toString(m_importance.at(k), 'f', 3));
}

void MemoryImportancePlot::refresh()
{
    QVector<double> keys, values, selKeys, selValues;
    for (int k = 0; k < m_importance.size(); ++k) {
        (k == m_selected ? selKeys : keys) << double(k + 1);
        (k == m_selected ? selValues : values) << m_importance.at(k);
    }
    m_bars->setData(keys, values, true);
    m_selectedBar->setData(selKeys, selValues, true);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int k = 0; k < m_importance.size(); ++k)
        ticker->addTick(k + 1, QStringLiteral("m%1").arg(k + 1));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setLabel(tr("memory token"));
    m_plot->yAxis->setLabel(tr("\u0394 loss (nats/token)"));
    m_plot->xAxis->setRange(0.4, std::max<double>(1, m_importance.size()) + 0.6);
    double lo = 0, hi = 0;
    for (double v : m_importance) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (hi - lo < 1e-9)
        hi = lo + 1;
    m_plot->yAxis->setRange(lo - 0.05 * (hi - lo), hi + 0.1 * (hi - lo));
    PlotStyle::setTitle(m_plot, m_importance.isEmpty() ? tr("Memory-token importance (run an ablation)")
                                                       : tr("Memory-token importance (loss %1 nats/token with all)")
                                                             .arg(QLocale().toString(m_loss, 'f', 3)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MemoryImportancePlot::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

QByteArray MemoryImportancePlot::toCsv() const
{
    QString out = QStringLiteral("memory_token,importance,loss_when_dropped\n");
    for (int k = 0; k < m_importance.size(); ++k)
        out += QStringLiteral("%1,%2,%3\n")
                   .arg(k + 1)
                   .arg(QString::number(m_importance.at(k), 'g', 12), QString::number(m_loss + m_importance.at(k), 'g', 12));
    return out.toUtf8();
}

QByteArray MemoryImportancePlot::toJson() const
{
    QJsonArray importance;
    for (double v : m_importance)
        importance.append(v);
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("xcomp-memory-importance"));
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("loss"), m_loss);
    root.insert(QStringLiteral("importance"), importance);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString MemoryImportancePlot::fileDialogFilter()
{
    return PlotExport::fileDialogFilter() + tr(";;CSV table (*.csv);;JSON (*.json)");
}

bool MemoryImportancePlot::exportFile(const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return writeFileAtomically(path, toCsv(), error);
    if (suffix == QLatin1String("json"))
        return writeFileAtomically(path, toJson(), error);
    return PlotExport::save(m_plot, path, error);
}

}  // namespace xcomp
