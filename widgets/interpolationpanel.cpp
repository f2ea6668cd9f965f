// qcustomplot.h still uses Qt's `foreach`, which QT_NO_FOREACH (set for xcomp_widgets) removes:
// include it first, before any other Qt header has seen that macro.
#undef QT_NO_FOREACH
#include <qcustomplot.h>

#include "interpolationpanel.h"
#include "flowlayout.h"

#include <QComboBox>
#include <QLocale>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "diffview.h"
#include "errorlegend.h"
#include "plotexport.h"
#include "teachingtext.h"

namespace xcomp {

namespace {

QLabel* endpointLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumHeight(label->fontMetrics().lineSpacing() * 2);
    label->setMaximumHeight(label->fontMetrics().lineSpacing() * 4 + 4);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QString elided(const QString& text, int maxChars)
{
    QString t = text.simplified();
    if (t.size() > maxChars)
        t = t.left(maxChars - 1) + QChar(0x2026);
    return t;
}

}  // namespace

InterpolationPanel::InterpolationPanel(QWidget* parent) : QWidget(parent)
{
    // Endpoints.
    auto* boxA = new QGroupBox(this);
    auto* boxB = new QGroupBox(this);
    m_titleA = new QLabel(boxA);
    m_titleB = new QLabel(boxB);
    m_labelA = endpointLabel(boxA);
    m_labelB = endpointLabel(boxB);
    m_labelA->setObjectName(QStringLiteral("endpointA"));
    m_labelB->setObjectName(QStringLiteral("endpointB"));
    for (auto [box, title, label] : {std::tuple{boxA, m_titleA, m_labelA}, std::tuple{boxB, m_titleB, m_labelB}}) {
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(6, 4, 6, 4);
        l->setSpacing(2);
        l->addWidget(title);
        l->addWidget(label);
    }
    m_titleA->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(PlotStyle::seriesColor(0).name()));
    m_titleB->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(PlotStyle::seriesColor(1).name()));
    auto* endpoints = new QHBoxLayout;
    endpoints->addWidget(boxA, 1);
    endpoints->addWidget(boxB, 1);

    // Controls.
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("alphaSlider"));
    m_slider->setRange(0, kSteps);
    m_slider->setSingleStep(1);
    m_slider->setPageStep(10);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(10);
    m_alphaLabel = new QLabel(this);
    m_alphaLabel->setObjectName(QStringLiteral("alphaLabel"));
    m_alphaLabel->setMinimumWidth(m_alphaLabel->fontMetrics().horizontalAdvance(QStringLiteral("α = 0.000  ")));
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("methodCombo"));
    m_method->addItem(QString(), false);
    m_method->addItem(QString(), true);
    m_playButton = new QPushButton(this);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_sweepButton = new QPushButton(this);
    m_sweepButton->setObjectName(QStringLiteral("sweepButton"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(90);
    m_busyBar->setMaximumHeight(14);
    m_busyBar->setTextVisible(false);
    m_busyBar->setVisible(false);
    m_timer = new QTimer(this);
    m_timer->setInterval(120);

    auto* controls = new QHBoxLayout;
    auto* aLabel = new QLabel(QStringLiteral("A"), this);
    auto* bLabel = new QLabel(QStringLiteral("B"), this);
    aLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(PlotStyle::seriesColor(0).name()));
    bLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(PlotStyle::seriesColor(1).name()));
    controls->addWidget(aLabel);
    controls->addWidget(m_slider, 1);
    controls->addWidget(bLabel);
    controls->addWidget(m_alphaLabel);
    // The mixing and the buttons below the slider, wrapping when narrow.
    auto* choices = new QWidget(this);
    auto* flow = new FlowLayout(choices, 8, 2);
    m_mixingLabel = new QLabel(choices);
    flow->addWidget(m_mixingLabel);
    flow->addWidget(m_method);
    flow->addWidget(m_playButton);
    flow->addWidget(m_sweepButton);
    flow->addWidget(m_busyBar);

    // Regeneration panes.
    m_paneTitleA = new QLabel(this);
    m_paneTitleB = new QLabel(this);
    m_paneTitleA->setWordWrap(true);
    m_paneTitleB->setWordWrap(true);
    m_paneA = new DiffTextEdit(this);
    m_paneB = new DiffTextEdit(this);
    m_paneA->setObjectName(QStringLiteral("regenerationVsA"));
    m_paneB->setObjectName(QStringLiteral("regenerationVsB"));
    for (DiffTextEdit* pane : {m_paneA, m_paneB}) {
        pane->setGapMarkersVisible(true);
        pane->setMinimumHeight(pane->fontMetrics().lineSpacing() * 2 + 12);
    }
    auto* panes = new QGridLayout;
    panes->addWidget(m_paneTitleA, 0, 0);
    panes->addWidget(m_paneTitleB, 0, 1);
    panes->addWidget(m_paneA, 1, 0);
    panes->addWidget(m_paneB, 1, 1);
    auto* legend = new ErrorLegend(this);
    legend->setCountsVisible(false);
    panes->addWidget(legend, 2, 0, 1, 2);
    auto* paneWidget = new QWidget(this);
    paneWidget->setLayout(panes);
    panes->setContentsMargins(0, 0, 0, 0);

    // Curve.
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("interpolationCurve"));
    m_plot->setMinimumHeight(120);
    PlotStyle::apply(m_plot);
    PlotStyle::setTitle(m_plot, QString());
    m_plot->xAxis->setRange(-0.02, 1.02);
    m_plot->yAxis->setRange(0, 1.05);
    m_graphA = m_plot->addGraph();
    m_graphA->setPen(QPen(PlotStyle::seriesColor(0), 2));
    m_graphA->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    m_graphB = m_plot->addGraph();
    m_graphB->setPen(QPen(PlotStyle::seriesColor(1), 2));
    m_graphB->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    m_marker = new QCPItemStraightLine(m_plot);
    m_marker->setPen(QPen(QColor(0x40, 0x40, 0x40), 1.5, Qt::DashLine));
    m_plot->legend->setVisible(true);
    // The legend in a row below the axes: inside them it covered the curves near α = 1.
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, legendRow);
    legendRow->addElement(0, 0, m_plot->legend);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->plotLayout()->setRowStretchFactor(m_plot->plotLayout()->rowCount() - 1, 0.001);
    m_plotHint = new QLabel(this);
    m_plotHint->setObjectName(QStringLiteral("plotHint"));
    m_plotHint->setWordWrap(true);
    m_plotHint->setStyleSheet(QStringLiteral("color: #666;"));

    auto* plotWidget = new QWidget(this);
    auto* plotLayout = new QVBoxLayout(plotWidget);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addWidget(m_plot, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(paneWidget);
    splitter->addWidget(plotWidget);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(endpoints);
    layout->addLayout(controls);
    layout->addWidget(choices);
    layout->addWidget(splitter, 1);
    // Outside the splitter, which ignores a wrapped label's height: inside it, the caption
    // was drawn over the curve's axis label in a small window.
    layout->addWidget(m_plotHint);

    connect(m_slider, &QSlider::valueChanged, this, &InterpolationPanel::onSliderValue);
    connect(m_slider, &QSlider::sliderPressed, this, &InterpolationPanel::stop);
    connect(m_method, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        // A curve of the other mixing no longer describes what the slider shows.
        clearCurve();
        emit alphaRequested(alpha(), spherical());
    });
    connect(m_playButton, &QPushButton::clicked, this, &InterpolationPanel::togglePlay);
    connect(m_sweepButton, &QPushButton::clicked, this, [this] { emit sweepRequested(spherical()); });
    connect(m_timer, &QTimer::timeout, this, &InterpolationPanel::onSweepTick);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton || !m_plot->axisRect()->rect().contains(event->pos()))
            return;
        stop();
        setAlpha(std::clamp(m_plot->xAxis->pixelToCoord(event->pos().x()), 0.0, 1.0));
    });

    retranslateUi();
    updateMarker();
}

InterpolationPanel::~InterpolationPanel() = default;

void InterpolationPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void InterpolationPanel::retranslateUi()
{
    const QString help = TeachingText::tooltip(TeachingText::Topic::Interpolation);
    m_slider->setToolTip(help);
    m_method->setItemText(0, tr("Linear"));
    m_method->setItemText(1, tr("Spherical (slerp)"));
    m_method->setToolTip(help);
    m_mixingLabel->setText(tr("Mixing:"));
    m_sweepButton->setText(tr("BLEU curve"));
    m_sweepButton->setToolTip(tr("Regenerate at evenly spaced α in the background and plot how close "
                                 "each regeneration is to A and to B."));
    PlotStyle::setTitle(m_plot, tr("How close the regeneration is to A and to B"));
    m_plot->xAxis->setLabel(tr("α (0 = A, 1 = B)"));
    m_plot->yAxis->setLabel(tr("BLEU"));
    m_graphA->setName(tr("BLEU to A"));
    m_graphB->setName(tr("BLEU to B"));
    m_plot->setToolTip(tr("Click the plot to move α there."));
    m_plot->setWhatsThis(TeachingText::tooltip(TeachingText::Topic::Metrics));
    setEndpoints(m_textA, m_textB);
    updateAlphaLabel();
    updatePlayButton();
    updatePaneTitles();
    setCurve(m_curve);
}

void InterpolationPanel::updateAlphaLabel()
{
    m_alphaLabel->setText(tr("α = %1").arg(QLocale().toString(alpha(), 'f', 2)));
}

void InterpolationPanel::setEndpoints(const QString& textA, const QString& textB)
{
    m_textA = textA;
    m_textB = textB;
    m_labelA->setText(textA.isEmpty() ? tr("(no text)") : elided(textA, 600));
    m_labelB->setText(textB.isEmpty() ? tr("(no text)") : elided(textB, 600));
    m_labelA->setToolTip(textA);
    m_labelB->setToolTip(textB);
    setEndpointNames(m_nameA, m_nameB);
}

void InterpolationPanel::setEndpointNames(const QString& nameA, const QString& nameB)
{
    m_nameA = nameA;
    m_nameB = nameB;
    m_titleA->setText(nameA.isEmpty() ? tr("A (α = 0)") : tr("A (α = 0): %1").arg(nameA));
    m_titleB->setText(nameB.isEmpty() ? tr("B (α = 1)") : tr("B (α = 1): %1").arg(nameB));
}

double InterpolationPanel::alpha() const
{
    return double(m_slider->value()) / kSteps;
}

bool InterpolationPanel::spherical() const
{
    return m_method->currentData().toBool();
}

bool InterpolationPanel::isPlaying() const
{
    return m_timer->isActive();
}

double InterpolationPanel::markerAlpha() const
{
    return m_marker->point1->coords().x();
}

void InterpolationPanel::setSweepInterval(int ms)
{
    m_timer->setInterval(std::max(1, ms));
}

int InterpolationPanel::sweepInterval() const
{
    return m_timer->interval();
}

void InterpolationPanel::setSweepStep(int steps)
{
    m_sweepStep = std::clamp(steps, 1, kSteps);
}

void InterpolationPanel::setAlpha(double alpha)
{
    m_slider->setValue(int(std::lround(std::clamp(alpha, 0.0, 1.0) * kSteps)));
}

void InterpolationPanel::setSpherical(bool spherical)
{
    m_method->setCurrentIndex(m_method->findData(spherical));
}

void InterpolationPanel::onSliderValue(int value)
{
    const double a = double(value) / kSteps;
    updateAlphaLabel();
    updateMarker();
    emit alphaRequested(a, spherical());
}

void InterpolationPanel::updateMarker()
{
    const double a = alpha();
    m_marker->point1->setCoords(a, 0);
    m_marker->point2->setCoords(a, 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void InterpolationPanel::showRegeneration(double alpha, const view::DiffData& vsA, const view::DiffData& vsB)
{
    m_shownAlpha = alpha;
    m_preview = false;
    m_shownVsA = vsA;
    m_shownVsB = vsB;
    m_paneA->setDiff(vsA, DiffSide::Regenerated);
    m_paneB->setDiff(vsB, DiffSide::Regenerated);
    updatePaneTitles();
}

void InterpolationPanel::showPreview(double alpha, const QString& textSoFar)
{
    m_shownAlpha = alpha;
    m_preview = true;
    m_shownVsA = view::DiffData{m_textA, textSoFar, {}};
    m_shownVsB = view::DiffData{m_textB, textSoFar, {}};
    m_paneA->setUnmarkedText(textSoFar, DiffSide::Regenerated);
    m_paneB->setUnmarkedText(textSoFar, DiffSide::Regenerated);
    updatePaneTitles();
}

void InterpolationPanel::updatePaneTitles()
{
    if (m_shownAlpha < 0) {
        m_paneTitleA->setText(tr("Regeneration, differences from A"));
        m_paneTitleB->setText(tr("Regeneration, differences from B"));
        return;
    }
    const QString at = QLocale().toString(m_shownAlpha, 'f', 2);
    if (m_preview) {
        const QString title = tr("α = %1: the first words (coloured when the slider stops)").arg(at);
        m_paneTitleA->setText(title);
        m_paneTitleB->setText(title);
        return;
    }
    m_paneTitleA->setText(tr("Regeneration at α = %1, differences from A").arg(at));
    m_paneTitleB->setText(tr("Regeneration at α = %1, differences from B").arg(at));
}

void InterpolationPanel::setCurve(const QVector<view::InterpolationPoint>& points)
{
    m_curve = points;
    std::stable_sort(m_curve.begin(), m_curve.end(),
                     [](const view::InterpolationPoint& a, const view::InterpolationPoint& b) { return a.alpha < b.alpha; });
    QVector<double> x, yA, yB;
    for (const view::InterpolationPoint& p : m_curve) {
        x.append(p.alpha);
        yA.append(p.bleuToA);
        yB.append(p.bleuToB);
    }
    m_graphA->setData(x, yA, true);
    m_graphB->setData(x, yB, true);
    if (m_curve.isEmpty()) {
        m_plotHint->setText(tr("Press “BLEU curve” to regenerate at evenly spaced α and plot "
                               "BLEU against A and B. A smooth crossing means the compressed space "
                               "blends the two texts; a sharp step means it snaps from one to the other."));
    } else {
        // Where the regeneration becomes closer to B than to A.
        QString crossing;
        for (int i = 0; i < m_curve.size(); ++i) {
            if (m_curve[i].bleuToB > m_curve[i].bleuToA) {
                crossing = tr("The regeneration is closer to B than to A from α = %1 on.").arg(QLocale().toString(m_curve[i].alpha, 'f', 2));
                break;
            }
        }
        m_plotHint->setText((spherical() ? tr("Spherical mixing, %1 points.") : tr("Linear mixing, %1 points."))
                                .arg(m_curve.size())
                            + (crossing.isEmpty() ? QString() : QStringLiteral(" ") + crossing));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void InterpolationPanel::clearCurve()
{
    setCurve({});
}

void InterpolationPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_sweepButton->setEnabled(!busy);
}

void InterpolationPanel::play()
{
    if (m_timer->isActive())
        return;
    if (m_slider->value() >= kSteps)
        m_slider->setValue(0);
    m_timer->start();
    updatePlayButton();
    emit playingChanged(true);
}

void InterpolationPanel::stop()
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    updatePlayButton();
    emit playingChanged(false);
}

void InterpolationPanel::togglePlay()
{
    if (isPlaying())
        stop();
    else
        play();
}

void InterpolationPanel::onSweepTick()
{
    const int next = std::min(kSteps, m_slider->value() + m_sweepStep);
    m_slider->setValue(next);
    if (next >= kSteps)
        stop();
}

void InterpolationPanel::updatePlayButton()
{
    const bool playing = isPlaying();
    m_playButton->setText(playing ? tr("Stop") : tr("Play"));
    m_playButton->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    m_playButton->setToolTip(playing ? tr("Stop the sweep") : tr("Sweep α from A to B"));
}

}  // namespace xcomp
