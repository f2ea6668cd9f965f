// qcustomplot.h still uses Qt's `foreach`, which QT_NO_FOREACH (set for xcomp_widgets) removes:
// include it first, before any other Qt header has seen that macro.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "latentmapview.h"

#include <QEvent>
#include <QFileInfo>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "atomicwrite.h"
#include "plotexport.h"

namespace xcomp {

LatentMapView::LatentMapView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("latentMapPlot"));
    PlotStyle::apply(m_plot);
    m_plot->setMinimumSize(240, 200);
    for (int b = 0; b < kBins; ++b) {
        auto* g = m_plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = bleuColor((b + 0.5) / kBins);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c.darker(130), c, 9));
        m_bins << g;
    }
    m_selectedGraph = m_plot->addGraph();
    m_selectedGraph->setLineStyle(QCPGraph::lsNone);
    m_selectedGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(PlotStyle::highlightColor(), 3),
                                                     Qt::NoBrush, 16));
    m_selectedGraph->removeFromLegend();
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    layout->addWidget(m_plot);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { m_pressPos = e->pos(); });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if ((e->pos() - m_pressPos).manhattanLength() > 4 || e->button() != Qt::LeftButton)
            return;
        const int i = pointAt(e->pos());
        if (i < 0)
            return;
        setSelected(i);
        emit pointClicked(i);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const int i = pointAt(e->pos());
        m_plot->setToolTip(i >= 0 ? pointToolTip(i) : QString());
    });
    refresh();
}

int LatentMapView::bin(double bleu)
{
    return std::clamp(int(std::floor(bleu * kBins)), 0, kBins - 1);
}

QColor LatentMapView::bleuColor(double bleu)
{
    // Red (nothing kept) through amber to green (kept): the colours of the evidence strip, darker.
    const QColor red(0xd6, 0x27, 0x28), amber(0xf2, 0xa9, 0x00), green(0x2c, 0xa0, 0x2c);
    const double t = std::clamp(bleu, 0.0, 1.0);
    const auto mix = [](const QColor& a, const QColor& b, double u) {
        return QColor(int(std::lround(a.red() + (b.red() - a.red()) * u)), int(std::lround(a.green() + (b.green() - a.green()) * u)),
                      int(std::lround(a.blue() + (b.blue() - a.blue()) * u)));
    };
    return t < 0.5 ? mix(red, amber, t / 0.5) : mix(amber, green, (t - 0.5) / 0.5);
}

void LatentMapView::setPoints(const QVector<LatentMapPoint>& points, const QString& compressor, double explained1,
                              double explained2)
{
    m_points = points;
    m_compressor = compressor;
    m_explained[0] = explained1;
    m_explained[1] = explained2;
    if (m_selected >= m_points.size())
        m_selected = -1;
    refresh();
}

void LatentMapView::clear()
{
    m_selected = -1;
    setPoints({}, QString(), 0, 0);
}

void LatentMapView::setSelected(int index)
{
    m_selected = index >= 0 && index < m_points.size() ? index : -1;
    refresh();
}

int LatentMapView::pointAt(const QPoint& pos) const
{
    int best = -1;
    double bestDistance = 8.0 * 8.0;  // pixels, squared
    for (int i = 0; i < m_points.size(); ++i) {
        const QPoint p = pointPosition(i);
        const double dx = p.x() - pos.x(), dy = p.y() - pos.y();
        if (dx * dx + dy * dy <= bestDistance) {
            bestDistance = dx * dx + dy * dy;
            best = i;
        }
    }
    return best;
}

QPoint LatentMapView::pointPosition(int index) const
{
    if (index < 0 || index >= m_points.size())
        return QPoint();
    const QPointF p = m_points.at(index).pos;
    return QPoint(int(std::lround(m_plot->xAxis->coordToPixel(p.x()))), int(std::lround(m_plot->yAxis->coordToPixel(p.y()))));
}

QString LatentMapView::pointToolTip(int index) const
{
    if (index < 0 || index >= m_points.size())
        return QString();
    return tr("%1: BLEU %2. Click to open its regeneration.")
        .arg(m_points.at(index).id, QLocale().toString(m_points.at(index).bleu, 'f', 3));
}

void LatentMapView::refresh()
{
    QVector<QVector<double>> xs(kBins), ys(kBins);
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    for (int i = 0; i < m_points.size(); ++i) {
        const LatentMapPoint& p = m_points.at(i);
        xs[bin(p.bleu)] << p.pos.x();
        ys[bin(p.bleu)] << p.pos.y();
        x0 = i == 0 ? p.pos.x() : std::min(x0, p.pos.x());
        x1 = i == 0 ? p.pos.x() : std::max(x1, p.pos.x());
        y0 = i == 0 ? p.pos.y() : std::min(y0, p.pos.y());
        y1 = i == 0 ? p.pos.y() : std::max(y1, p.pos.y());
    }
    const QLocale loc;
    for (int b = 0; b < kBins; ++b) {
        m_bins[b]->setData(xs[b], ys[b]);
        m_bins[b]->setName(tr("BLEU %1\u2013%2").arg(loc.toString(double(b) / kBins, 'f', 1), loc.toString(double(b + 1) / kBins, 'f', 1)));
    }
    if (m_selected >= 0)
        m_selectedGraph->setData({m_points.at(m_selected).pos.x()}, {m_points.at(m_selected).pos.y()});
    else
        m_selectedGraph->data()->clear();
    const double padX = std::max(1e-6, (x1 - x0) * 0.08), padY = std::max(1e-6, (y1 - y0) * 0.08);
    m_plot->xAxis->setRange(x0 - padX, x1 + padX);
    m_plot->yAxis->setRange(y0 - padY, y1 + padY);
    m_plot->xAxis->setLabel(tr("principal component 1 (%1% of the variance)").arg(loc.toString(m_explained[0] * 100, 'f', 0)));
    m_plot->yAxis->setLabel(tr("component 2 (%1%)").arg(loc.toString(m_explained[1] * 100, 'f', 0)));
    PlotStyle::setTitle(m_plot, m_points.isEmpty() ? tr("Latent map (run a batch evaluation)")
                                                   : tr("Latent map of %1: %n text(s)", nullptr, int(m_points.size())).arg(m_compressor));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LatentMapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

QByteArray LatentMapView::toCsv() const
{
    QString out = QStringLiteral("id,bleu,pc1,pc2\n");
    for (const LatentMapPoint& p : m_points) {
        QString id = p.id;
        if (id.contains(QLatin1Char(',')) || id.contains(QLatin1Char('"')) || id.contains(QLatin1Char('\n')))
            id = QLatin1Char('"') + id.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
        out += QStringList{id, QString::number(p.bleu, 'g', 12), QString::number(p.pos.x(), 'g', 12),
                           QString::number(p.pos.y(), 'g', 12)}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    }
    return out.toUtf8();
}

QString LatentMapView::fileDialogFilter()
{
    return PlotExport::fileDialogFilter() + tr(";;CSV table (*.csv)");
}

bool LatentMapView::exportFile(const QString& path, QString* error)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        return writeFileAtomically(path, toCsv(), error);
    return PlotExport::save(m_plot, path, error);
}

}  // namespace xcomp
