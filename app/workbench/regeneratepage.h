// app/workbench/regeneratepage.h — the result of "Compress & Regenerate": the original and the
// regeneration side by side with error-typed spans (DiffView) and the numbers (MetricsStrip). While
// a run is going, the regeneration side shows the text generated so far.
#pragma once
#include <QWidget>

#include "viewdata.h"

class QLabel;

namespace xcomp {
class DiffView;
class MetricsStrip;
}

namespace xcomp::workbench {

class RegeneratePage : public QWidget {
    Q_OBJECT
public:
    explicit RegeneratePage(QWidget* parent = nullptr);

    void showResult(const view::RegenerationView& result, const QString& note = QString());
    void showRunning(const QString& original, const QString& compressorLabel);
    void showPartial(const QString& textSoFar);
    void clear();

    bool hasResult() const { return m_hasResult; }
    const view::RegenerationView& result() const { return m_result; }

    DiffView* diffView() const { return m_diff; }
    MetricsStrip* metricsStrip() const { return m_metrics; }
    QLabel* titleLabel() const { return m_title; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // The strip's cards sit in one row when they fit, else in the compact two-column layout.
    void updateStripLayout(bool remeasure);

    int m_wideWidth = 0;
    DiffView* m_diff = nullptr;
    MetricsStrip* m_metrics = nullptr;
    QLabel* m_title = nullptr;
    QString m_runningOriginal;
    view::RegenerationView m_result;
    bool m_hasResult = false;
};

}  // namespace xcomp::workbench
