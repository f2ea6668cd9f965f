// qcustomplot.h still uses Qt's `foreach`, which QT_NO_FOREACH (set for xcomp_widgets) removes:
// include it first, before any other Qt header has seen that macro.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "attentionview.h"

#include "flowlayout.h"

#include <QComboBox>
#include <QLocale>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

#include "headgrid.h"
#include "plotexport.h"
#include "teachingtext.h"

namespace xcomp {

namespace {

// Ticks for an axis of tokens at integer coordinates 0..count-1. When every token gets enough
// room (one line height per label), each shows its piece (or prefix + number, e.g. "m3");
// otherwise 1-based positions at a round step that leaves room for the labels. Decided at every
// layout from the axis' current pixels per token, so zooming in brings the pieces back.
class TokenTicker : public QCPAxisTicker {
public:
    TokenTicker(QCPAxis* axis, const QStringList& labels, int count, const QString& prefix)
        : m_axis(axis), m_labels(labels), m_count(count), m_prefix(prefix)
    {
    }

    void generate(const QCPRange& range, const QLocale&, QChar, int, QVector<double>& ticks, QVector<double>* subTicks,
                  QVector<QString>* tickLabels) override
    {
        ticks.clear();
        if (subTicks)
            subTicks->clear();
        if (tickLabels)
            tickLabels->clear();
        const int lo = std::max(0, int(std::ceil(range.lower - 1e-9)));
        const int hi = std::min(m_count - 1, int(std::floor(range.upper + 1e-9)));
        if (m_count <= 0 || hi < lo)
            return;
        const bool horizontal = m_axis->orientation() == Qt::Horizontal;
        const double pixels = currentPixels();
        m_generatedAt = pixels;
        const QFontMetrics fm(m_axis->tickLabelFont());
        const bool named = !m_labels.isEmpty();
        // Pieces stand rotated on a horizontal axis, so each needs a line height; "m12" on a
        // horizontal axis needs its width.
        const double need = (horizontal && !named) ? fm.horizontalAdvance(m_prefix + QString::number(m_count)) + 6
                                                    : fm.height() + 1;
        const bool all = pixels >= need && (hi - lo) <= 400;
        const double rotation = all && horizontal && named ? 60 : 0;
        if (m_axis->tickLabelRotation() != rotation)
            m_axis->setTickLabelRotation(rotation);
        if (all) {
            for (int i = lo; i <= hi; ++i) {
                ticks.append(i);
                if (tickLabels)
                    tickLabels->append(named ? PlotStyle::displayPiece(m_labels.value(i), 10) : m_prefix + QString::number(i + 1));
            }
            return;
        }
        const double spacing = horizontal ? fm.horizontalAdvance(m_prefix + QString::number(m_count)) + 16 : fm.height() * 1.6;
        int step = 1;
        for (int s : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000}) {
            step = s;
            if (s * std::max(pixels, 1e-6) >= spacing)
                break;
        }
        auto add = [&](int position) {
            ticks.append(position - 1);
            if (tickLabels)
                tickLabels->append(m_prefix + QString::number(position));
        };
        if (lo == 0 && (step - 1) * pixels >= spacing)
            add(1);
        for (int p = ((lo + 1 + step - 1) / step) * step; p <= hi + 1; p += step)
            add(p);
    }

    // QCustomPlot makes the ticks before it lays out the axis rect, so after a resize (the first
    // show above all) they were decided for the old size: replot once more when that happened.
    bool isStale() const { return std::abs(currentPixels() - m_generatedAt) > 0.5; }

private:
    double currentPixels() const { return std::abs(m_axis->coordToPixel(1) - m_axis->coordToPixel(0)); }

    double m_generatedAt = -1;
    QCPAxis* m_axis;
    QStringList m_labels;
    int m_count;
    QString m_prefix;
};

void setTokenTicker(QCPAxis* axis, const QStringList& labels, int count, const QString& prefix)
{
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new TokenTicker(axis, labels, count, prefix)));
}

void setRect(QCPItemRect* rect, double x0, double y0, double x1, double y1)
{
    rect->topLeft->setCoords(x0, y0);
    rect->bottomRight->setCoords(x1, y1);
}

// A heatmap of `tokens` tokens (x, labelled with `pieces` when given) against `memory` memory
// tokens (y, m1, m2, ...) from a row-major matrix: [tokens][memory], or [memory][tokens] when
// memoryMajor. The colours run from 0 to the largest weight. False (map hidden) when empty.
bool plotHeatmap(QCustomPlot* plot, QCPColorMap* map, const QVector<double>& matrix, int tokens, int memory,
                 const QStringList& pieces, bool memoryMajor)
{
    QCPColorMapData* d = map->data();
    const bool shown = !matrix.isEmpty() && tokens > 0 && memory > 0;
    if (!shown) {
        d->setSize(0, 0);
    } else {
        d->setSize(tokens, memory);
        // Cells centred on 0..n-1. QCustomPlot draws a dimension of one cell across its range, so
        // that range must be the cell itself, not the empty [0, 0] (m = 1 drew nothing).
        const auto cells = [](int n) { return n > 1 ? QCPRange(0, n - 1) : QCPRange(-0.5, 0.5); };
        d->setRange(cells(tokens), cells(memory));
        double maxValue = 0;
        for (int t = 0; t < tokens; ++t)
            for (int m = 0; m < memory; ++m) {
                const double v = matrix[memoryMajor ? m * tokens + t : t * memory + m];
                d->setCell(t, m, v);
                maxValue = std::max(maxValue, v);
            }
        map->setDataRange(QCPRange(0, maxValue > 0 ? maxValue : 1));
    }
    map->setVisible(shown);
    setTokenTicker(plot->xAxis, pieces, tokens, QString());
    setTokenTicker(plot->yAxis, QStringList(), memory, QStringLiteral("m"));
    plot->xAxis->setRange(-0.5, std::max(1, tokens) - 0.5);
    plot->yAxis->setRange(-0.5, std::max(1, memory) - 0.5);
    return shown;
}

// Moves a choice (a layer, a head, a selected token) to `value`, or to -1 (none, or the mean)
// when `value` is not in [-1, count); false when it was there already.
bool moveChoice(int& choice, int value, int count)
{
    if (value < -1 || value >= count)
        value = -1;
    if (value == choice)
        return false;
    choice = value;
    return true;
}

double niceUpper(double maxValue)
{
    if (!(maxValue > 0))
        return 1.0;
    const double padded = maxValue * 1.12;
    for (double step : {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0}) {
        if (padded <= step * 5 || step == 1.0)
            return std::min(1.0, std::ceil(padded / step) * step);
    }
    return 1.0;
}

}  // namespace

AttentionView::AttentionView(QWidget* parent) : QWidget(parent)
{
    buildUi();
    setupPlots();
    retranslateUi();
}

AttentionView::~AttentionView() = default;

void AttentionView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

// Every fixed text; the texts that depend on the data are set by refreshAll().
void AttentionView::retranslateUi()
{
    m_layerLabel->setText(tr("Layer:"));
    m_headLabel->setText(tr("Head:"));
    m_layerCombo->setToolTip(TeachingText::tooltip(TeachingText::Topic::KvValues));
    m_helpButton->setText(tr("What am I looking at?"));
    m_help->setText(TeachingText::tooltip(TeachingText::Topic::MemoryTokens)
                    + TeachingText::tooltip(TeachingText::Topic::AttentionUsage)
                    + TeachingText::tooltip(TeachingText::Topic::EncoderAttention));
    m_massPlot->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::MemoryTokens));
    m_decoderPlot->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::AttentionUsage));
    m_encoderPlot->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::EncoderAttention));

    PlotStyle::setTitle(m_massPlot, tr("Attention each memory token receives"));
    m_massPlot->xAxis->setLabel(tr("memory token"));
    m_massPlot->yAxis->setLabel(tr("attention weight"));
    PlotStyle::setTitle(m_decoderPlot, tr("Attention of each regenerated token on the memory tokens"));
    m_decoderPlot->yAxis->setLabel(tr("memory token"));
    m_curveRect->axis(QCPAxis::atBottom)->setLabel(tr("regenerated token (position in the regeneration)"));
    m_curveRect->axis(QCPAxis::atLeft)->setLabel(tr("attention on memory"));
    m_encoderPlot->xAxis->setLabel(tr("source token"));
    m_encoderPlot->yAxis->setLabel(tr("memory token"));
    m_decoderScale->axis()->setLabel(tr("weight"));
    m_encoderScale->axis()->setLabel(tr("weight"));
    rebuildSelectors();
    refreshAll();
}

void AttentionView::buildUi()
{
    m_layerCombo = new QComboBox(this);
    m_layerCombo->setObjectName(QStringLiteral("layerCombo"));
    m_headCombo = new QComboBox(this);
    m_headCombo->setObjectName(QStringLiteral("headCombo"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);  // a long summary takes a second line, not a wider window
    m_summary->setMinimumWidth(120);
    m_helpButton = new QToolButton(this);
    m_helpButton->setCheckable(true);
    m_helpButton->setAutoRaise(true);

    // The choices wrap when narrow; the summary has a row of its own (a long one wraps too).
    auto* controlsWidget = new QWidget(this);
    auto* controls = new FlowLayout(controlsWidget, 8, 2);
    m_layerLabel = new QLabel(this);
    m_headLabel = new QLabel(this);
    controls->addWidget(m_layerLabel);
    controls->addWidget(m_layerCombo);
    controls->addWidget(m_headLabel);
    controls->addWidget(m_headCombo);
    controls->addWidget(m_helpButton);

    m_help = new QLabel(this);
    m_help->setWordWrap(true);
    m_help->setTextFormat(Qt::RichText);
    m_help->setVisible(false);
    m_help->setStyleSheet(QStringLiteral("QLabel { background: #f6f8fa; border: 1px solid #d0d7de; padding: 6px; }"));
    connect(m_helpButton, &QToolButton::toggled, m_help, &QLabel::setVisible);

    m_massPlot = new QCustomPlot(this);
    m_massPlot->setObjectName(QStringLiteral("massPlot"));
    m_decoderPlot = new QCustomPlot(this);
    m_decoderPlot->setObjectName(QStringLiteral("decoderHeatmap"));
    m_encoderPlot = new QCustomPlot(this);
    m_encoderPlot->setObjectName(QStringLiteral("encoderHeatmap"));
    for (QCustomPlot* plot : plots()) {
        plot->setMinimumSize(240, 170);
        connect(plot, &QCustomPlot::mousePress, this, [this, plot](QMouseEvent* e) { onPlotPress(plot, e); });
        connect(plot, &QCustomPlot::mouseRelease, this, [this, plot](QMouseEvent* e) { onPlotRelease(plot, e); });
        connect(plot, &QCustomPlot::mouseMove, this, [this, plot](QMouseEvent* e) { onPlotMove(plot, e); });
        plot->setMouseTracking(true);
        connect(plot, &QCustomPlot::afterReplot, plot, [plot] {
            for (QCPAxisRect* rect : plot->axisRects())
                for (QCPAxis* axis : rect->axes())
                    if (auto* t = dynamic_cast<TokenTicker*>(axis->ticker().data()); t && t->isStale()) {
                        plot->replot(QCustomPlot::rpQueuedReplot);
                        return;
                    }
        });
    }

    // Left: the decoder side (heatmap above the curve, sharing the regenerated-token axis).
    // Right: the memory side (bars above the encoder heatmap).
    QWidget* left = m_decoderPlot;
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_massPlot);
    right->addWidget(m_encoderPlot);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    auto* columns = new QSplitter(Qt::Horizontal, this);
    columns->addWidget(left);
    columns->addWidget(right);
    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 2);
    columns->setChildrenCollapsible(false);

    m_selectionInfo = new QLabel(this);
    m_selectionInfo->setObjectName(QStringLiteral("selectionInfo"));
    m_selectionInfo->setWordWrap(true);
    m_headGrid = new HeadGrid(this);
    m_headGrid->setObjectName(QStringLiteral("headGrid"));
    m_headGrid->hide();
    connect(m_headGrid, &HeadGrid::headClicked, this, [this](int layer, int head) {
        setLayer(layer);
        setHead(head);
    });
    m_sourceText = new QTextBrowser(this);
    m_sourceText->setObjectName(QStringLiteral("sourceText"));
    m_sourceText->setOpenLinks(false);
    m_sourceText->setFrameShape(QFrame::StyledPanel);
    {
        const int lines = 4;
        const int height = m_sourceText->fontMetrics().lineSpacing() * lines + 2 * int(m_sourceText->document()->documentMargin()) + 4;
        m_sourceText->setFixedHeight(height);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(controlsWidget);
    layout->addWidget(m_summary);
    layout->addWidget(m_help);
    layout->addWidget(columns, 1);
    auto* selectionRow = new QHBoxLayout;
    selectionRow->addWidget(m_selectionInfo, 1);
    selectionRow->addWidget(m_headGrid, 0, Qt::AlignTop);
    layout->addLayout(selectionRow);
    layout->addWidget(m_sourceText);

    connect(m_layerCombo, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { setLayer(m_layerCombo->itemData(index).toInt()); });
    connect(m_headCombo, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { setHead(m_headCombo->itemData(index).toInt()); });
}

void AttentionView::setupPlots()
{
    const QColor highlight = PlotStyle::highlightColor();

    // Bars: mean mass per memory token, and the selected regenerated token's usage beside it.
    PlotStyle::apply(m_massPlot);
    PlotStyle::setTitle(m_massPlot, QString());
    m_massPlot->xAxis->grid()->setVisible(false);
    m_massBand = new QCPItemRect(m_massPlot);
    m_massBand->setLayer(QStringLiteral("grid"));
    m_massBand->setPen(Qt::NoPen);
    m_massBand->setBrush(QColor(0xff, 0xe0, 0x8a, 170));
    m_massBand->setClipToAxisRect(true);
    m_barsGroup = new QCPBarsGroup(m_massPlot);
    m_barsGroup->setSpacingType(QCPBarsGroup::stPlotCoords);
    m_barsGroup->setSpacing(0.02);
    m_massBars = new QCPBars(m_massPlot->xAxis, m_massPlot->yAxis);
    m_massBars->setPen(QPen(QColor(0x2f, 0x5d, 0x8a)));
    m_massBars->setBrush(QColor(0x4e, 0x79, 0xa7));
    m_massBars->setWidthType(QCPBars::wtPlotCoords);
    m_tokenBars = new QCPBars(m_massPlot->xAxis, m_massPlot->yAxis);
    m_tokenBars->setPen(QPen(highlight.darker(130)));
    m_tokenBars->setBrush(highlight);
    m_tokenBars->setWidthType(QCPBars::wtPlotCoords);
    m_massPlot->legend->setVisible(false);
    m_massPlot->legend->setBrush(QColor(255, 255, 255, 220));
    m_massPlot->legend->setBorderPen(QPen(QColor(0xc0, 0xc0, 0xc0)));
    QFont legendFont = m_massPlot->font();
    legendFont.setPointSizeF(qMax(7.0, legendFont.pointSizeF() - 1));
    m_massPlot->legend->setFont(legendFont);
    // Below the bars, not over them: the plot is narrow beside the decoder heatmap.
    auto* legendRow = new QCPLayoutGrid;
    m_massPlot->plotLayout()->addElement(m_massPlot->plotLayout()->rowCount(), 0, legendRow);
    legendRow->addElement(0, 0, m_massPlot->legend);
    m_massPlot->legend->setBorderPen(Qt::NoPen);
    m_massPlot->plotLayout()->setRowStretchFactor(m_massPlot->plotLayout()->rowCount() - 1, 0.001);

    auto setupHeatmap = [&](QCustomPlot* plot, QCPColorMap*& map, QCPColorScale*& scale) {
        PlotStyle::apply(plot);
        plot->xAxis->grid()->setVisible(false);
        plot->yAxis->grid()->setVisible(false);
        plot->yAxis->setRangeReversed(true);  // first memory token on top
        plot->axisRect()->setupFullAxesBox(false);
        plot->xAxis2->setTicks(false);
        plot->yAxis2->setTicks(false);
        plot->xAxis2->setTickLabels(false);
        plot->yAxis2->setTickLabels(false);
        map = new QCPColorMap(plot->xAxis, plot->yAxis);
        map->setInterpolate(false);
        map->setTightBoundary(false);
        map->setGradient(PlotStyle::attentionGradient());
        scale = new QCPColorScale(plot);
        scale->setType(QCPAxis::atRight);
        scale->setBarWidth(10);
        scale->setGradient(PlotStyle::attentionGradient());
        map->setColorScale(scale);
        plot->plotLayout()->addElement(plot->plotLayout()->rowCount() - 1, 1, scale);
        auto* group = new QCPMarginGroup(plot);
        plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
        scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    };

    // Decoder heatmap: regenerated tokens along x, memory tokens along y.
    PlotStyle::setTitle(m_decoderPlot, QString());
    setupHeatmap(m_decoderPlot, m_decoderMap, m_decoderScale);
    // The curve below shares this x axis and carries its labels.
    m_decoderPlot->xAxis->setTickLabels(false);
    m_decoderColumn = new QCPItemRect(m_decoderPlot);
    m_decoderColumn->setPen(QPen(highlight, 2));
    m_decoderColumn->setBrush(Qt::NoBrush);
    m_decoderRow = new QCPItemRect(m_decoderPlot);
    m_decoderRow->setPen(QPen(highlight, 2, Qt::DashLine));
    m_decoderRow->setBrush(Qt::NoBrush);
    m_decoderPlot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_decoderPlot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_decoderPlot->axisRect()->setRangeZoom(Qt::Horizontal);

    // Curve: share of attention on the memory per position, in its own axis rect under the
    // heatmap; the layout column and the margin group keep both x axes on the same pixels.
    m_curveRect = new QCPAxisRect(m_decoderPlot);
    m_decoderPlot->plotLayout()->addElement(2, 0, m_curveRect);
    m_decoderPlot->plotLayout()->setRowStretchFactor(1, 3);
    m_decoderPlot->plotLayout()->setRowStretchFactor(2, 2);
    auto* columns = new QCPMarginGroup(m_decoderPlot);
    m_decoderPlot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    m_curveRect->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    PlotStyle::apply(m_decoderPlot);
    QCPAxis* curveX = m_curveRect->axis(QCPAxis::atBottom);
    QCPAxis* curveY = m_curveRect->axis(QCPAxis::atLeft);
    m_curveGraph = m_decoderPlot->addGraph(curveX, curveY);
    m_curveGraph->setPen(QPen(QColor(0x4e, 0x79, 0xa7), 2));
    m_curveGraph->setBrush(QColor(0x4e, 0x79, 0xa7, 40));
    m_curveGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    m_curveMarker = new QCPItemStraightLine(m_decoderPlot);
    m_curveMarker->setClipAxisRect(m_curveRect);
    m_curveMarker->point1->setAxes(curveX, curveY);
    m_curveMarker->point2->setAxes(curveX, curveY);
    m_curveMarker->point1->setAxisRect(m_curveRect);
    m_curveMarker->point2->setAxisRect(m_curveRect);
    m_curveMarker->setPen(QPen(highlight, 2));
    m_curveRect->setRangeDrag(Qt::Horizontal);
    m_curveRect->setRangeZoom(Qt::Horizontal);
    // Dragging or zooming either x axis moves the other.
    QCPAxis* heatX = m_decoderPlot->xAxis;
    connect(heatX, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), curveX, [curveX](const QCPRange& r) {
        if (curveX->range() != r)
            curveX->setRange(r);
    });
    connect(curveX, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), heatX, [heatX](const QCPRange& r) {
        if (heatX->range() != r)
            heatX->setRange(r);
    });

    // Encoder heatmap: source tokens along x, memory tokens along y.
    PlotStyle::setTitle(m_encoderPlot, QString());
    setupHeatmap(m_encoderPlot, m_encoderMap, m_encoderScale);
    m_encoderRow = new QCPItemRect(m_encoderPlot);
    m_encoderRow->setPen(QPen(highlight, 2));
    m_encoderRow->setBrush(Qt::NoBrush);
    m_encoderTop = m_encoderPlot->addGraph();
    m_encoderTop->setLineStyle(QCPGraph::lsNone);
    m_encoderTop->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(highlight, 2), Qt::NoBrush, 9));
}

QList<QCustomPlot*> AttentionView::plots() const
{
    return {m_decoderPlot, m_massPlot, m_encoderPlot};
}

// ---------------------------------------------------------------------------------------------
// Data

void AttentionView::setData(const view::AttentionData& data)
{
    m_stats = AttentionStats(data);
    m_selectedGenerated = -1;
    m_selectedMemory = -1;
    m_spanLast = -1;
    if (m_layer >= layerCount())
        m_layer = -1;
    if (m_head >= headCount())
        m_head = -1;
    rebuildSelectors();
    refreshAll();
}

void AttentionView::clear()
{
    setData(view::AttentionData());
}

void AttentionView::rebuildSelectors()
{
    const QSignalBlocker b1(m_layerCombo), b2(m_headCombo);
    m_layerCombo->clear();
    m_layerCombo->addItem(tr("Mean of all layers"), -1);
    for (int l = 0; l < std::max(layerCount(), encoderLayerCount()); ++l)
        m_layerCombo->addItem(tr("Layer %1").arg(l + 1), l);
    m_layerCombo->setCurrentIndex(m_layerCombo->findData(m_layer));
    m_headCombo->clear();
    m_headCombo->addItem(tr("Mean of all heads"), -1);
    for (int h = 0; h < headCount(); ++h)
        m_headCombo->addItem(tr("Head %1").arg(h + 1), h);
    m_headCombo->setCurrentIndex(m_headCombo->findData(m_head));
    m_layerCombo->setEnabled(hasData());
    m_headCombo->setEnabled(hasData());
}

// ---------------------------------------------------------------------------------------------
// Selection

void AttentionView::setLayer(int layer)
{
    if (!moveChoice(m_layer, layer, std::max(layerCount(), encoderLayerCount())))
        return;
    const QSignalBlocker blocker(m_layerCombo);
    m_layerCombo->setCurrentIndex(m_layerCombo->findData(m_layer));
    refreshAll();
}

void AttentionView::setHead(int head)
{
    if (!moveChoice(m_head, head, headCount()))
        return;
    const QSignalBlocker blocker(m_headCombo);
    m_headCombo->setCurrentIndex(m_headCombo->findData(m_head));
    refreshAll();
}

void AttentionView::setTopK(int k)
{
    m_topK = std::max(1, k);
    refreshSelection();
}

void AttentionView::selectGeneratedToken(int generatedToken)
{
    const bool hadSpan = m_spanLast >= 0;
    m_spanLast = -1;
    if (!moveChoice(m_selectedGenerated, generatedToken, generatedCount())) {
        if (hadSpan) {
            refreshSelection();
            emit generatedSpanSelected(-1, -1);
        }
        return;
    }
    refreshSelection();
    emit generatedTokenSelected(m_selectedGenerated);
    if (hadSpan)
        emit generatedSpanSelected(-1, -1);
}

void AttentionView::selectGeneratedSpan(int first, int last)
{
    const int n = generatedCount();
    if (first < 0 || first >= n || last < first) {
        first = -1;
        last = -1;
    }
    last = std::min(last, n - 1);
    if (first == (m_spanLast >= 0 ? m_selectedGenerated : -1) && last == m_spanLast)
        return;
    const bool tokenChanged = m_selectedGenerated != first;
    m_selectedGenerated = first;
    m_spanLast = last;
    refreshSelection();
    if (tokenChanged)
        emit generatedTokenSelected(m_selectedGenerated);
    emit generatedSpanSelected(first, last);
}

QVector<QPair<int, int>> AttentionView::spanTopHeads(int k) const
{
    QVector<QPair<int, int>> out;
    if (m_spanLast < 0)
        return out;
    const QVector<double> heads = m_stats.spanHeadUsage(m_selectedGenerated, m_spanLast);
    for (int i : AttentionStats::topIndices(heads, k))
        out.append({i / std::max(1, headCount()), i % std::max(1, headCount())});
    return out;
}

void AttentionView::selectMemoryToken(int memoryToken)
{
    if (!moveChoice(m_selectedMemory, memoryToken, memoryCount()))
        return;
    refreshSelection();
    emit memoryTokenSelected(m_selectedMemory);
}

void AttentionView::onPlotPress(QCustomPlot*, QMouseEvent* event)
{
    m_pressPos = event->pos();
}

void AttentionView::onPlotRelease(QCustomPlot* plot, QMouseEvent* event)
{
    // A click, not the end of a drag.
    if ((event->pos() - m_pressPos).manhattanLength() > 4 || event->button() != Qt::LeftButton)
        return;
    handleClick(plot, event->pos());
}

QString AttentionView::hoverText(QCustomPlot* plot, const QPoint& pos) const
{
    if (!hasData())
        return QString();
    auto tokenName = [this](int g) {
        const QString piece = generatedLabel(g);
        return piece.isEmpty() ? tr("regenerated token %1").arg(g + 1)
                               : tr("regenerated token %1 \u201c%2\u201d").arg(g + 1).arg(piece);
    };
    if (plot == m_decoderPlot && m_curveRect->rect().contains(pos)) {
        const int g = int(std::lround(m_curveRect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
        if (g < 0 || g >= m_curve.size())
            return QString();
        return tokenName(g) + QStringLiteral("\n") + tr("attention on memory: %1").arg(QLocale().toString(m_curve[g], 'f', 3));
    }
    if (!plot->axisRect()->rect().contains(pos))
        return QString();
    const int x = int(std::lround(plot->xAxis->pixelToCoord(pos.x())));
    const int y = int(std::lround(plot->yAxis->pixelToCoord(pos.y())));
    if (plot == m_massPlot) {
        if (x < 0 || x >= m_mass.size())
            return QString();
        QString text = tr("memory token m%1: mean weight %2").arg(x + 1).arg(QLocale().toString(m_mass[x], 'f', 3));
        if (x < m_tokenUsage.size())
            text += QStringLiteral("\n") + tr("%1: %2").arg(tokenName(m_selectedGenerated)).arg(QLocale().toString(m_tokenUsage[x], 'f', 3));
        return text;
    }
    if (plot == m_decoderPlot) {
        if (x < 0 || x >= generatedCount() || y < 0 || y >= memoryCount() || m_decoder.isEmpty())
            return QString();
        return tokenName(x) + QStringLiteral("\n")
            + tr("on memory token m%1: %2").arg(y + 1).arg(QLocale().toString(m_decoder[x * memoryCount() + y], 'f', 3));
    }
    if (plot == m_encoderPlot) {
        if (x < 0 || x >= sourceCount() || y < 0 || y >= memoryCount() || m_encoder.isEmpty())
            return QString();
        const QString piece = sourceLabel(x);
        return tr("memory token m%1 reads source token %2 \u201c%3\u201d: %4")
            .arg(y + 1)
            .arg(x + 1)
            .arg(piece)
            .arg(QLocale().toString(m_encoder[y * sourceCount() + x], 'f', 3));
    }
    return QString();
}

void AttentionView::onPlotMove(QCustomPlot* plot, QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton)
        return;
    const QString text = hoverText(plot, event->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(plot->mapToGlobal(event->pos()), text, plot);
}

void AttentionView::handleClick(QCustomPlot* plot, const QPoint& pos)
{
    if (!hasData())
        return;
    if (plot == m_decoderPlot && m_curveRect->rect().contains(pos)) {
        const int x = int(std::lround(m_curveRect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x())));
        if (x >= 0 && x < generatedCount())
            selectGeneratedToken(x);
        return;
    }
    if (!plot->axisRect()->rect().contains(pos))
        return;
    const int x = int(std::lround(plot->xAxis->pixelToCoord(pos.x())));
    const int y = int(std::lround(plot->yAxis->pixelToCoord(pos.y())));
    if (plot == m_massPlot) {
        if (x >= 0 && x < memoryCount())
            selectMemoryToken(x == m_selectedMemory ? -1 : x);
    } else if (plot == m_decoderPlot) {
        if (x >= 0 && x < generatedCount())
            selectGeneratedToken(x);
        if (y >= 0 && y < memoryCount())
            selectMemoryToken(y);
    } else if (plot == m_encoderPlot) {
        if (y >= 0 && y < memoryCount())
            selectMemoryToken(y);
    }
}

// ---------------------------------------------------------------------------------------------
// Display

QString AttentionView::generatedLabel(int g) const
{
    if (g >= 0 && g < data().generatedTokens.size() && data().generatedTokens.size() == generatedCount())
        return PlotStyle::displayPiece(data().generatedTokens.at(g), 20);
    return QString();
}

QString AttentionView::sourceLabel(int n) const
{
    if (n >= 0 && n < data().sourceTokens.size())
        return PlotStyle::displayPiece(data().sourceTokens.at(n), 20);
    return QString();
}

void AttentionView::refreshAll()
{
    m_decoder = decoderMatrix(m_layer, m_head);
    m_encoder = encoderMatrix(m_stats.encoderLayerFor(m_layer), m_head);
    if (hasData()) {
        QString summary = tr("layers: %1").arg(layerCount()) + QStringLiteral(" \u00b7 ")
            + tr("heads: %1").arg(headCount()) + QStringLiteral(" \u00b7 ")
            + tr("regenerated tokens: %1").arg(generatedCount()) + QStringLiteral(" \u00b7 ")
            + tr("memory tokens: %1").arg(memoryCount());
        if (sourceCount() > 0)
            summary += QStringLiteral(" \u00b7 ") + tr("source tokens: %1").arg(sourceCount());
        m_summary->setText(summary);
    } else {
        m_summary->setText(data().layers > 0 ? tr("The attention data is inconsistent (array sizes do not match).")
                                             : tr("No attention captured yet."));
    }
    refreshMass();
    refreshDecoder();
    refreshCurve();
    refreshEncoder();
    refreshSelection();
}

void AttentionView::refreshMass()
{
    m_mass = memoryMass(m_layer, m_head);
    QVector<double> keys(m_mass.size());
    std::iota(keys.begin(), keys.end(), 0.0);
    m_massBars->setData(keys, m_mass, true);
    setTokenTicker(m_massPlot->xAxis, QStringList(), memoryCount(), QStringLiteral("m"));
    m_massPlot->xAxis->setRange(-0.6, std::max(1, memoryCount()) - 0.4);
    const QString scope = m_layer < 0 ? tr("mean of all layers") : tr("layer %1").arg(m_layer + 1);
    m_massBars->setName(tr("mean over regenerated tokens (%1)").arg(scope));
}

void AttentionView::refreshDecoder()
{
    const int g = hasData() ? generatedCount() : 0;
    plotHeatmap(m_decoderPlot, m_decoderMap, m_decoder, g, hasData() ? memoryCount() : 0,
                data().generatedTokens.size() == g ? data().generatedTokens : QStringList(), false);
}

void AttentionView::refreshCurve()
{
    m_curve = memoryTotalCurve(m_layer, m_head);
    QVector<double> keys(m_curve.size());
    std::iota(keys.begin(), keys.end(), 0.0);
    m_curveGraph->setData(keys, m_curve, true);
    const double maxValue = m_curve.isEmpty() ? 1.0 : *std::max_element(m_curve.begin(), m_curve.end());
    QCPAxis* curveX = m_curveRect->axis(QCPAxis::atBottom);
    m_curveRect->axis(QCPAxis::atLeft)->setRange(0, niceUpper(maxValue));
    m_curveGraph->setScatterStyle(QCPScatterStyle(m_curve.size() <= 80 ? QCPScatterStyle::ssDisc : QCPScatterStyle::ssNone, 4));
    const int g = hasData() ? generatedCount() : 0;
    setTokenTicker(curveX, data().generatedTokens.size() == g ? data().generatedTokens : QStringList(), g, QString());
    curveX->setRange(m_decoderPlot->xAxis->range());
}

void AttentionView::refreshEncoder()
{
    const int n = m_encoder.isEmpty() ? 0 : sourceCount();
    if (plotHeatmap(m_encoderPlot, m_encoderMap, m_encoder, n, hasData() ? memoryCount() : 0, data().sourceTokens, true))
        PlotStyle::setTitle(m_encoderPlot, tr("What each memory token reads (compression)"));
    else
        PlotStyle::setTitle(m_encoderPlot, tr("What each memory token reads (not captured)"));
}

void AttentionView::refreshSelection()
{
    const int g = m_selectedGenerated, m = m_selectedMemory;

    const bool span = m_spanLast >= 0 && g >= 0;
    HeadUsage heads;
    if (span) {
        heads.layers = layerCount();
        heads.heads = headCount();
        heads.values = m_stats.spanHeadUsage(g, m_spanLast);
        heads.first = g;
        heads.last = m_spanLast;
    }
    m_headGrid->setUsage(heads);
    m_headGrid->setCurrent(m_layer, m_head);
    m_headGrid->setVisible(!heads.isEmpty());
    // Bars of the selected regenerated token (or span) beside the mean bars.
    m_tokenUsage = span ? m_stats.spanMemoryUsage(g, m_spanLast, m_layer, m_head)
                 : g >= 0 ? tokenMemoryUsage(g, m_layer, m_head)
                          : QVector<double>();
    if (m_tokenUsage.isEmpty()) {
        m_tokenBars->data()->clear();
        m_tokenBars->setBarsGroup(nullptr);
        m_massBars->setBarsGroup(nullptr);
        m_massBars->setWidth(0.7);
        m_tokenBars->setVisible(false);
        m_tokenBars->removeFromLegend();
        m_massPlot->legend->setVisible(false);
    } else {
        QVector<double> keys(m_tokenUsage.size());
        std::iota(keys.begin(), keys.end(), 0.0);
        m_tokenBars->setData(keys, m_tokenUsage, true);
        m_massBars->setWidth(0.4);
        m_tokenBars->setWidth(0.4);
        m_massBars->setBarsGroup(m_barsGroup);
        m_tokenBars->setBarsGroup(m_barsGroup);
        m_tokenBars->setVisible(true);
        const QString piece = generatedLabel(g);
        if (span)
            m_tokenBars->setName(tr("regenerated tokens %1\u2013%2").arg(g + 1).arg(m_spanLast + 1));
        else
            m_tokenBars->setName(piece.isEmpty() ? tr("regenerated token %1").arg(g + 1)
                                                 : tr("regenerated token %1 \u201c%2\u201d").arg(g + 1).arg(piece));
        m_tokenBars->addToLegend();
        m_massPlot->legend->setVisible(true);
    }
    double massMax = 0;
    for (double v : m_mass)
        massMax = std::max(massMax, v);
    for (double v : m_tokenUsage)
        massMax = std::max(massMax, v);
    const double massTop = niceUpper(massMax) * (m_tokenUsage.isEmpty() ? 1.0 : 1.25);
    m_massPlot->yAxis->setRange(0, std::min(1.0, massTop));

    // Memory token highlights.
    const bool hasMemory = m >= 0 && m < memoryCount();
    m_massBand->setVisible(hasMemory);
    m_decoderRow->setVisible(hasMemory && m_decoderMap->visible());
    m_encoderRow->setVisible(hasMemory && m_encoderMap->visible());
    if (hasMemory) {
        setRect(m_massBand, m - 0.5, 10.0, m + 0.5, -1.0);
        setRect(m_decoderRow, -0.5, m - 0.5, generatedCount() - 0.5, m + 0.5);
        setRect(m_encoderRow, -0.5, m - 0.5, sourceCount() - 0.5, m + 0.5);
    }

    // Regenerated token highlights.
    const bool hasGenerated = g >= 0 && g < generatedCount();
    m_decoderColumn->setVisible(hasGenerated && m_decoderMap->visible());
    m_curveMarker->setVisible(hasGenerated);
    if (hasGenerated) {
        setRect(m_decoderColumn, g - 0.5, -0.5, (span ? m_spanLast : g) + 0.5, memoryCount() - 0.5);
        m_curveMarker->point1->setCoords(g, 0);
        m_curveMarker->point2->setCoords(g, 1);
    }

    // Top source tokens of the selected memory token, else what the selected span drew on.
    m_highlighted = hasMemory ? topSourceTokens(m, m_topK)
                  : span      ? AttentionStats::topIndices(m_stats.spanSourceReading(g, m_spanLast, m_layer, m_head), m_topK)
                              : QVector<int>();
    QVector<double> tx, ty;
    for (int n : m_highlighted) {
        tx.append(n);
        // The span's words sit on the row of the memory token it used most.
        int row = m;
        if (!hasMemory && !m_tokenUsage.isEmpty())
            row = int(std::max_element(m_tokenUsage.begin(), m_tokenUsage.end()) - m_tokenUsage.begin());
        ty.append(row);
    }
    m_encoderTop->setData(tx, ty);

    refreshTexts();
    for (QCustomPlot* plot : plots())
        plot->replot(QCustomPlot::rpQueuedReplot);
}

void AttentionView::refreshTexts()
{
    const int g = m_selectedGenerated, m = m_selectedMemory;
    QStringList info;
    if (m_spanLast >= 0 && g >= 0 && g < generatedCount()) {
        QString line = tr("Regenerated tokens %1\u2013%2").arg(g + 1).arg(m_spanLast + 1);
        if (!m_tokenUsage.isEmpty()) {
            const int best = int(std::max_element(m_tokenUsage.begin(), m_tokenUsage.end()) - m_tokenUsage.begin());
            line += QStringLiteral(": ") + tr("they read memory token m%1 most (%2)").arg(best + 1).arg(QLocale().toString(m_tokenUsage[best], 'f', 3));
        }
        QStringList heads;
        const QVector<double> usage = m_stats.spanHeadUsage(g, m_spanLast);
        for (const auto& [l, h] : spanTopHeads(3))
            heads << tr("layer %1 head %2 (%3)").arg(l + 1).arg(h + 1).arg(QLocale().toString(usage.value(l * headCount() + h), 'f', 2));
        if (!heads.isEmpty())
            line += QStringLiteral("; ") + tr("the heads that drew most on the memory: %1").arg(heads.join(QStringLiteral(", ")));
        info << line + QLatin1Char('.');
    } else if (g >= 0 && g < generatedCount()) {
        const QString piece = generatedLabel(g);
        QString line = piece.isEmpty() ? tr("Regenerated token %1").arg(g + 1)
                                       : tr("Regenerated token %1 \u201c%2\u201d").arg(g + 1).arg(piece);
        if (g < m_curve.size())
            line += QStringLiteral(": ") + tr("%1% of its attention is on the memory").arg(QLocale().toString(m_curve[g] * 100.0, 'f', 1));
        if (!m_tokenUsage.isEmpty()) {
            const int best = int(std::max_element(m_tokenUsage.begin(), m_tokenUsage.end()) - m_tokenUsage.begin());
            line += QStringLiteral("; ") + tr("it reads memory token m%1 most (%2)").arg(best + 1).arg(QLocale().toString(m_tokenUsage[best], 'f', 3));
        }
        info << line + QLatin1Char('.');
    }
    if (m >= 0 && m < memoryCount()) {
        QString line = tr("Memory token m%1").arg(m + 1);
        if (m < m_mass.size())
            line += QStringLiteral(": ") + tr("receives %1 of a regenerated token's attention on average").arg(QLocale().toString(m_mass[m], 'f', 3));
        info << line + QLatin1Char('.');
    }
    if (info.isEmpty() && hasData())
        info << tr("Click a regenerated token in the heatmap or the curve, or a memory token's bar, to follow it across the views.");
    m_selectionInfo->setText(info.join(QLatin1Char(' ')));

    // Source text with the selected memory token's most-read words highlighted.
    if (data().sourceTokens.isEmpty()) {
        m_sourceHtml = QStringLiteral("<i>") + tr("No source tokens.").toHtmlEscaped() + QStringLiteral("</i>");
        m_sourceText->setHtml(m_sourceHtml);
        return;
    }
    QHash<int, int> rank;
    for (int i = 0; i < m_highlighted.size(); ++i)
        rank.insert(m_highlighted[i], i);
    QString html;
    if (m >= 0 && !m_highlighted.isEmpty())
        html += QStringLiteral("<b>") + tr("Source words memory token m%1 reads most:").arg(m + 1).toHtmlEscaped() + QStringLiteral("</b> ");
    else if (m_spanLast >= 0 && !m_highlighted.isEmpty())
        html += QStringLiteral("<b>") + tr("Source words the selected regenerated tokens drew on through the memory:").toHtmlEscaped() +
                QStringLiteral("</b> ");
    else
        html += QStringLiteral("<b>") + tr("Source:").toHtmlEscaped() + QStringLiteral("</b> ");
    const QColor hl = PlotStyle::highlightColor();
    for (int n = 0; n < data().sourceTokens.size(); ++n) {
        QString piece = data().sourceTokens.at(n);
        piece.replace(QChar(0x2581), QLatin1Char(' '));
        piece.replace(QStringLiteral("<0x0A>"), QStringLiteral("\n"));
        QString escaped = piece.toHtmlEscaped();
        escaped.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        const auto it = rank.constFind(n);
        if (it == rank.constEnd()) {
            html += escaped;
            continue;
        }
        // Strongest first: the best word gets the strongest background.
        const int alpha = 230 - (180 * it.value()) / std::max(1, int(m_highlighted.size()));
        const QColor bg(hl.red(), hl.green(), hl.blue(), alpha);
        const QString lead = escaped.startsWith(QLatin1Char(' ')) ? QStringLiteral(" ") : QString();
        const QString word = lead.isEmpty() ? escaped : escaped.mid(1);
        // QTextDocument ignores rgba(): blend with white by hand.
        const double a = bg.alphaF();
        const QColor blended(int(255 * (1 - a) + bg.red() * a), int(255 * (1 - a) + bg.green() * a),
                             int(255 * (1 - a) + bg.blue() * a));
        html += lead + QStringLiteral("<a name=\"top%1\"></a><span style=\"background-color: %2; font-weight: bold;\">")
                           .arg(it.value() + 1)
                           .arg(blended.name())
            + word + QStringLiteral("<sup>%1</sup></span>").arg(it.value() + 1);
    }
    m_sourceHtml = html;
    m_sourceText->setHtml(html);
    if (!m_highlighted.isEmpty())
        m_sourceText->scrollToAnchor(QStringLiteral("top1"));
}

// ---------------------------------------------------------------------------------------------
// Accessors of what is displayed

int AttentionView::heatmapRows() const
{
    return m_decoderMap->visible() ? m_decoderMap->data()->keySize() : 0;
}

int AttentionView::heatmapColumns() const
{
    return m_decoderMap->visible() ? m_decoderMap->data()->valueSize() : 0;
}

double AttentionView::heatmapValue(int generatedToken, int memoryToken) const
{
    if (generatedToken < 0 || generatedToken >= heatmapRows() || memoryToken < 0 || memoryToken >= heatmapColumns())
        return 0.0;
    return m_decoderMap->data()->cell(generatedToken, memoryToken);
}

int AttentionView::encoderHeatmapRows() const
{
    return m_encoderMap->visible() ? m_encoderMap->data()->valueSize() : 0;
}

int AttentionView::encoderHeatmapColumns() const
{
    return m_encoderMap->visible() ? m_encoderMap->data()->keySize() : 0;
}

QVector<double> AttentionView::displayedMass() const
{
    QVector<double> out;
    for (auto it = m_massBars->data()->constBegin(); it != m_massBars->data()->constEnd(); ++it)
        out.append(it->value);
    return out;
}

QVector<double> AttentionView::displayedTokenUsage() const
{
    QVector<double> out;
    if (!m_tokenBars->visible())
        return out;
    for (auto it = m_tokenBars->data()->constBegin(); it != m_tokenBars->data()->constEnd(); ++it)
        out.append(it->value);
    return out;
}

QVector<double> AttentionView::displayedCurve() const
{
    QVector<double> out;
    for (auto it = m_curveGraph->data()->constBegin(); it != m_curveGraph->data()->constEnd(); ++it)
        out.append(it->value);
    return out;
}

double AttentionView::curveMarkerPosition() const
{
    return m_curveMarker->visible() ? m_curveMarker->point1->coords().x() : -1.0;
}

QVector<int> AttentionView::highlightedSourceTokens() const
{
    return m_highlighted;
}

QString AttentionView::sourceTextHtml() const
{
    return m_sourceHtml;
}

}  // namespace xcomp
