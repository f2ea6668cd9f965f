// app/workbench/interpolationpage.h — walking between two compressed prompts: endpoints A and B
// (typed texts or .xcp files, compressed with the same compressor), then the InterpolationPanel
// (slider, play, curve). The page hands the panel's requests to EngineClient: latest wins for the
// slider, a background sweep for the curve.
#pragma once
#include "enginetypes.h"
#include "workbenchpage.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace xcomp {
class ExportButton;
class InterpolationPanel;
}

namespace xcomp::workbench {

class InterpolationPage : public WorkbenchPage {
    Q_OBJECT
public:
    static constexpr int kSweepPoints = 21;
    // New tokens of a preview while the slider is dragged (the full regeneration follows on release).
    static constexpr int kPreviewTokens = 8;

    explicit InterpolationPage(const PageContext& context, QWidget* parent = nullptr);

    // Compresses (or loads) A and B with the chosen compressor; the curve and the slider follow.
    void prepare();
    bool isPreparing() const { return m_prepareJob != 0; }
    // Shows the panel busy while a slider request or the sweep runs.
    void updateBusy();

    QString textA() const;
    QString textB() const;
    void setTextA(const QString& text);
    void setTextB(const QString& text);
    QString pathA() const { return m_pathA; }
    QString pathB() const { return m_pathB; }
    void setPathA(const QString& path);  // a .xcp; "" clears
    void setPathB(const QString& path);
    void useTexts(const QString& textA, const QString& textB);  // endpoints from texts (any .xcp dropped)

    void setPrepared(const SlotEntry& a, const SlotEntry& b, const QString& compressorLabel);
    void resetPrepared();  // endpoints changed or model changed
    // A session's curve (a session file, a language change): shown, and kept through the opening of
    // the session's model that follows.
    void restoreCurve(const QVector<view::InterpolationPoint>& curve);
    bool isPrepared() const { return m_prepared; }
    void setStatus(const QString& text);
    void setRunEnabled(bool enabled);

    InterpolationPanel* panel() const { return m_panel; }
    QPushButton* prepareButton() const { return m_prepare; }
    ExportButton* exportButton() const { return m_export; }  // the curve: PNG, PDF, CSV, JSON

signals:
    void loadFileRequested(int which);  // 0: A, 1: B
    void interpolationShown();

private:
    void updateButtons();
    QWidget* endpointBox(int which);
    void setPath(int which, const QString& path);  // 0: A, 1: B
    void useMainText(int which);
    void connectEngine();
    void onPrepared(const SlotEntry& a, const SlotEntry& b);
    void onCurveChanged(const QVector<view::InterpolationPoint>& curve, int done, int total);
    void startSweep(bool spherical);
    void addExports();

    QPlainTextEdit* m_textA = nullptr;
    QPlainTextEdit* m_textB = nullptr;
    QLabel* m_fileA = nullptr;
    QLabel* m_fileB = nullptr;
    QString m_pathA, m_pathB;
    QPushButton* m_prepare = nullptr;
    QLabel* m_status = nullptr;
    ExportButton* m_export = nullptr;
    InterpolationPanel* m_panel = nullptr;
    bool m_prepared = false;
    bool m_runEnabled = true;
    quint64 m_prepareJob = 0;
    bool m_curveSpherical = false;  // the kind of curve the sweep computes
    QVector<view::InterpolationPoint> m_restoredCurve;
};

}  // namespace xcomp::workbench
