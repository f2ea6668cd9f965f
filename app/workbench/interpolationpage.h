// app/workbench/interpolationpage.h — walking between two compressed prompts: endpoints A and B
// (typed texts or .xcp files, compressed with the same compressor), then the InterpolationPanel
// (slider, play, curve). The page itself computes nothing: MainWindow hands its requests to
// EngineClient (latest wins for the slider, a background sweep for the curve).
#pragma once
#include <QWidget>

#include "enginetypes.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace xcomp {
class InterpolationPanel;
}

namespace xcomp::workbench {

class InterpolationPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSweepPoints = 21;

    explicit InterpolationPage(QWidget* parent = nullptr);

    QString textA() const;
    QString textB() const;
    void setTextA(const QString& text);
    void setTextB(const QString& text);
    QString pathA() const { return m_pathA; }
    QString pathB() const { return m_pathB; }
    void setPathA(const QString& path);  // a .xcp; "" clears
    void setPathB(const QString& path);

    void setPrepared(const SlotEntry& a, const SlotEntry& b, const QString& compressorLabel);
    void resetPrepared();  // endpoints changed or model changed
    bool isPrepared() const { return m_prepared; }
    void setStatus(const QString& text);
    void setRunEnabled(bool enabled);

    InterpolationPanel* panel() const { return m_panel; }
    QPushButton* prepareButton() const { return m_prepare; }

signals:
    void prepareRequested(const QString& textA, const QString& pathA, const QString& textB, const QString& pathB);
    void useMainTextRequested(int which);  // 0: A, 1: B
    void loadFileRequested(int which);

private:
    void updateButtons();
    QWidget* endpointBox(int which);

    QPlainTextEdit* m_textA = nullptr;
    QPlainTextEdit* m_textB = nullptr;
    QLabel* m_fileA = nullptr;
    QLabel* m_fileB = nullptr;
    QString m_pathA, m_pathB;
    QPushButton* m_prepare = nullptr;
    QLabel* m_status = nullptr;
    InterpolationPanel* m_panel = nullptr;
    bool m_prepared = false;
    bool m_runEnabled = true;
};

}  // namespace xcomp::workbench
