// widgets/interpolationpanel.h — walking between two compressed prompts A and B: a slider for the
// mixing weight alpha (0 = A, 1 = B), linear or spherical mixing, a play button that sweeps alpha,
// the regeneration at the current alpha coloured against A and against B, and a plot of
// BLEU-to-A and BLEU-to-B over alpha with a line at the current alpha.
//
// The panel does no work and keeps no queue: every slider move emits alphaRequested() and the
// application decides what to compute (latest wins); results come back through
// showRegeneration() and setCurve().
#pragma once
#include <QVector>
#include <QWidget>

#include "viewdata.h"

class QCPGraph;
class QCPItemStraightLine;
class QComboBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTimer;

namespace xcomp {

class DiffTextEdit;

class InterpolationPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSteps = 100;  // slider positions: alpha = value / kSteps

    explicit InterpolationPanel(QWidget* parent = nullptr);
    ~InterpolationPanel() override;

    // The two endpoint texts, and optional short names (e.g. file names) for their boxes.
    void setEndpoints(const QString& textA, const QString& textB);
    void setEndpointNames(const QString& nameA, const QString& nameB);
    QString textA() const { return m_textA; }
    QString textB() const { return m_textB; }

    double alpha() const;  // the slider's alpha in [0, 1]
    bool spherical() const;
    bool isBusy() const { return m_busy; }
    bool isPlaying() const;

    // The curve as last given (sorted by alpha) and the alpha of the plot's vertical line.
    QVector<view::InterpolationPoint> curve() const { return m_curve; }
    double markerAlpha() const;
    // The regeneration now shown (alpha < 0 before the first showRegeneration() or showPreview()).
    double shownAlpha() const { return m_shownAlpha; }
    // What is shown is a preview (the first words while the slider is dragged), not coloured yet.
    bool isPreviewShown() const { return m_preview; }
    QString shownRegeneration() const { return m_shownVsA.regenerated; }
    view::DiffData shownVsA() const { return m_shownVsA; }
    view::DiffData shownVsB() const { return m_shownVsB; }

    // Sweep speed of the play button: `steps` slider positions every `ms` milliseconds.
    void setSweepInterval(int ms);
    int sweepInterval() const;
    void setSweepStep(int steps);
    int sweepStep() const { return m_sweepStep; }

    QSlider* slider() const { return m_slider; }
    QComboBox* methodCombo() const { return m_method; }
    QPushButton* playButton() const { return m_playButton; }
    QPushButton* sweepButton() const { return m_sweepButton; }
    QCustomPlot* curvePlot() const { return m_plot; }
    DiffTextEdit* paneA() const { return m_paneA; }
    DiffTextEdit* paneB() const { return m_paneB; }

public slots:
    void setAlpha(double alpha);  // moves the slider (which emits alphaRequested when it moves)
    void setSpherical(bool spherical);
    void showRegeneration(double alpha, const xcomp::view::DiffData& vsA, const xcomp::view::DiffData& vsB);
    // The words generated so far at `alpha`, uncoloured in both panes (a drag, or a run under way).
    void showPreview(double alpha, const QString& textSoFar);
    void setCurve(const QVector<xcomp::view::InterpolationPoint>& points);
    void clearCurve();
    void setBusy(bool busy);
    void play();  // sweeps alpha from where it is (from 0 when at the end) to 1
    void stop();
    void togglePlay();

signals:
    void alphaRequested(double alpha, bool spherical);
    void sweepRequested(bool spherical);
    void playingChanged(bool playing);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateAlphaLabel();
    void onSliderValue(int value);
    void onSweepTick();
    void updateMarker();
    void updatePaneTitles();
    void updatePlayButton();

    QString m_textA, m_textB, m_nameA, m_nameB;
    QVector<view::InterpolationPoint> m_curve;
    view::DiffData m_shownVsA, m_shownVsB;
    double m_shownAlpha = -1;
    bool m_preview = false;
    bool m_busy = false;
    int m_sweepStep = 2;

    QLabel* m_titleA = nullptr;
    QLabel* m_titleB = nullptr;
    QLabel* m_labelA = nullptr;
    QLabel* m_labelB = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_alphaLabel = nullptr;
    QComboBox* m_method = nullptr;
    QLabel* m_mixingLabel = nullptr;
    QPushButton* m_playButton = nullptr;
    QPushButton* m_sweepButton = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QTimer* m_timer = nullptr;
    QLabel* m_paneTitleA = nullptr;
    QLabel* m_paneTitleB = nullptr;
    DiffTextEdit* m_paneA = nullptr;
    DiffTextEdit* m_paneB = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_graphA = nullptr;
    QCPGraph* m_graphB = nullptr;
    QCPItemStraightLine* m_marker = nullptr;
    QLabel* m_plotHint = nullptr;
};

}  // namespace xcomp
