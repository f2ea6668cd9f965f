// qcustomplot.h still uses Qt's `foreach`, which QT_NO_FOREACH (set for xcomp_widgets) removes:
// include it first, before any other Qt header has seen that macro.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "plotexport.h"

#include <QLocale>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QTemporaryDir>

#include "atomicwrite.h"

#include <algorithm>

namespace xcomp {

namespace {

// A title longer than its plot is wide is broken into lines at spaces, so it is never clipped
// ("What each memory token reads (compression)" on a narrow heatmap). Re-fitted on every resize.
QString wrapTitle(const QString& title, const QFont& font, int width)
{
    const QFontMetrics fm(font);
    if (width <= 0 || fm.horizontalAdvance(title) <= width)
        return title;
    QStringList lines;
    QString line;
    for (const QString& word : title.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && fm.horizontalAdvance(candidate) > width) {
            lines << line;
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

class TitleFitter : public QObject {
public:
    TitleFitter(QCustomPlot* plot, QCPTextElement* title) : QObject(plot), m_plot(plot), m_title(title)
    {
        // The title's own width must not set the plot's minimum width: it wraps instead.
        title->setMinimumSize(QSize(60, 0));
        plot->installEventFilter(this);
        // The title's cell can be narrower than the plot (a colour scale beside the axes): once laid
        // out, wrap to the cell.
        QObject::connect(plot, &QCustomPlot::afterReplot, this, [this] {
            if (m_title && m_title->text() != fitted())
                m_plot->replot(QCustomPlot::rpQueuedReplot);
            if (m_title)
                m_title->setText(fitted());
        });
    }
    void setTitle(const QString& title)
    {
        m_full = title;
        fit();
    }
    void fit()
    {
        if (m_title)
            m_title->setText(fitted());
    }
    QString fitted() const
    {
        const QMargins m = m_title->margins();
        const int cell = m_title->outerRect().width() > 0 ? m_title->outerRect().width() : m_plot->width();
        return wrapTitle(m_full, m_title->font(), std::min(cell, m_plot->width()) - m.left() - m.right() - 8);
    }
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_plot && event->type() == QEvent::Resize) {
            const QString before = m_title ? m_title->text() : QString();
            fit();
            if (m_title && m_title->text() != before)
                m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }

private:
    QCustomPlot* m_plot;
    QPointer<QCPTextElement> m_title;
    QString m_full;
};

void setError(QString* error, const QString& message)
{
    if (error)
        *error = message;
}

QSize exportSize(const QCustomPlot* plot, int width, int height)
{
    // A widget that was never shown or laid out reports a tiny size: use the defaults then.
    const int w = width > 0 ? width : (plot->width() >= 200 ? plot->width() : PlotExport::kDefaultWidth);
    const int h = height > 0 ? height : (plot->height() >= 150 ? plot->height() : PlotExport::kDefaultHeight);
    return QSize(w, h);
}

// Renders with `render` into a file inside a temporary directory, then copies the bytes into
// `path` atomically.
template <typename Render>
bool renderAtomically(const QString& path, QString* error, const QString& suffix, Render render)
{
    if (path.isEmpty()) {
        setError(error, PlotExport::tr("No file name given."));
        return false;
    }
    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        setError(error, PlotExport::tr("Cannot create a temporary directory: %1").arg(tmp.errorString()));
        return false;
    }
    const QString tmpPath = tmp.filePath(QStringLiteral("plot.") + suffix);
    if (!render(tmpPath)) {
        setError(error, PlotExport::tr("Rendering the plot to %1 failed.").arg(QFileInfo(path).fileName()));
        return false;
    }
    QFile in(tmpPath);
    if (!in.open(QIODevice::ReadOnly) || in.size() == 0) {
        setError(error, PlotExport::tr("Rendering the plot to %1 produced no data.").arg(QFileInfo(path).fileName()));
        return false;
    }
    return writeFileAtomically(path, in.readAll(), error);
}

}  // namespace

bool PlotExport::savePng(QCustomPlot* plot, const QString& path, QString* error, int width, int height, double scale)
{
    if (!plot) {
        setError(error, tr("There is no plot to export."));
        return false;
    }
    const QSize size = exportSize(plot, width, height);
    return renderAtomically(path, error, QStringLiteral("png"), [&](const QString& tmpPath) {
        return plot->savePng(tmpPath, size.width(), size.height(), scale);
    });
}

bool PlotExport::savePdf(QCustomPlot* plot, const QString& path, QString* error, int width, int height)
{
    if (!plot) {
        setError(error, tr("There is no plot to export."));
        return false;
    }
    const QSize size = exportSize(plot, width, height);
    QString title = plot->objectName();
    if (plot->plotLayout()->rowCount() > 0 && plot->plotLayout()->columnCount() > 0)
        if (auto* element = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
            title = element->text();
    return renderAtomically(path, error, QStringLiteral("pdf"), [&](const QString& tmpPath) {
        return plot->savePdf(tmpPath, size.width(), size.height(), QCP::epNoCosmetic,
                             QCoreApplication::applicationName(), title);
    });
}

bool PlotExport::save(QCustomPlot* plot, const QString& path, QString* error, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return savePng(plot, path, error, width, height);
    if (suffix == QLatin1String("pdf"))
        return savePdf(plot, path, error, width, height);
    setError(error, tr("Unknown image format \"%1\": use .png or .pdf.").arg(suffix));
    return false;
}

QStringList PlotExport::saveAll(const QList<QCustomPlot*>& plots, const QStringList& names, const QString& dir,
                                const QString& base, QString* error)
{
    if (!QDir().mkpath(dir)) {
        setError(error, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir)));
        return {};
    }
    QStringList written;
    for (int i = 0; i < plots.size(); ++i) {
        for (const QString& suffix : {QStringLiteral("png"), QStringLiteral("pdf")}) {
            const QString name = base + QLatin1Char('-') + names.value(i, QString::number(i + 1)) + QLatin1Char('.') + suffix;
            const QString path = QDir(dir).filePath(name);
            if (!save(plots.at(i), path, error))
                return {};
            written << path;
        }
    }
    return written;
}

QString PlotExport::fileDialogFilter()
{
    return tr("PNG image (*.png)") + QStringLiteral(";;") + tr("PDF document (*.pdf)");
}

void PlotStyle::apply(QCustomPlot* plot)
{
    plot->setBackground(Qt::white);
    // Tick labels in the interface's language ("0,5" in German), like every other number shown.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    plot->setLocale(locale);
    plot->setAntialiasedElements(QCP::aeAll);
    plot->setNotAntialiasedElements(QCP::aeGrid | QCP::aeAxes);
    QList<QCPAxis*> axes;
    for (QCPAxisRect* rect : plot->axisRects())
        axes += rect->axes();
    QFont tickFont = plot->font();
    tickFont.setPointSizeF(qMax(7.0, tickFont.pointSizeF() - 1));
    for (QCPAxis* axis : axes) {
        axis->setBasePen(QPen(QColor(0x70, 0x70, 0x70)));
        axis->setTickPen(QPen(QColor(0x70, 0x70, 0x70)));
        axis->setSubTickPen(QPen(QColor(0x90, 0x90, 0x90)));
        axis->setTickLabelFont(tickFont);
        axis->setTickLabelColor(QColor(0x30, 0x30, 0x30));
        axis->setLabelColor(QColor(0x20, 0x20, 0x20));
        axis->grid()->setPen(QPen(QColor(0xe3, 0xe3, 0xe3), 0, Qt::SolidLine));
        axis->grid()->setSubGridVisible(false);
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
}

QCPTextElement* PlotStyle::setTitle(QCustomPlot* plot, const QString& title)
{
    QCPLayoutGrid* layout = plot->plotLayout();
    if (auto* existing = qobject_cast<QCPTextElement*>(layout->element(0, 0))) {
        for (QObject* child : plot->children()) {
            if (auto* fitter = dynamic_cast<TitleFitter*>(child)) {
                fitter->setTitle(title);
                return existing;
            }
        }
        existing->setText(title);
        return existing;
    }
    layout->insertRow(0);
    QFont font = plot->font();
    font.setBold(true);
    auto* element = new QCPTextElement(plot, title, font);
    element->setMargins(QMargins(6, 6, 6, 0));
    layout->addElement(0, 0, element);
    layout->setRowStretchFactor(0, 0.01);
    (new TitleFitter(plot, element))->setTitle(title);
    return element;
}

QColor PlotStyle::seriesColor(int index)
{
    static const QRgb palette[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2,
                                   0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    const int n = int(sizeof(palette) / sizeof(palette[0]));
    return QColor(palette[((index % n) + n) % n]);
}

QCPColorGradient PlotStyle::attentionGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0xf7, 0xfb, 0xff));
    gradient.setColorStopAt(0.25, QColor(0xc6, 0xdb, 0xef));
    gradient.setColorStopAt(0.5, QColor(0x6b, 0xae, 0xd6));
    gradient.setColorStopAt(0.75, QColor(0x21, 0x71, 0xb5));
    gradient.setColorStopAt(1.0, QColor(0x08, 0x30, 0x6b));
    gradient.setLevelCount(256);
    return gradient;
}

QColor PlotStyle::highlightColor()
{
    return QColor(0xe6, 0x55, 0x0d);
}

QString PlotStyle::displayPiece(const QString& piece, int maxChars)
{
    QString text = piece;
    text.replace(QChar(0x2581), QLatin1Char(' '));
    text.replace(QStringLiteral("<0x0A>"), QString(QChar(0x21b5)));
    text.replace(QLatin1Char('\n'), QChar(0x21b5));
    text = text.trimmed();
    if (text.isEmpty())
        return QString(QChar(0x2423));
    if (maxChars > 1 && text.size() > maxChars)
        text = text.left(maxChars - 1) + QChar(0x2026);
    return text;
}

}  // namespace xcomp
