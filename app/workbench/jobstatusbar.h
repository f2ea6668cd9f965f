// app/workbench/jobstatusbar.h — the window's status bar: the open model on the left (the
// ModelController's label); on the right the running job's stage and progress, as EngineClient
// reports them, with a Cancel button.
#pragma once
#include <QStatusBar>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace xcomp::workbench {

class EngineClient;

class JobStatusBar : public QStatusBar {
    Q_OBJECT
public:
    JobStatusBar(EngineClient* engine, QLabel* modelLabel, QAction* cancelAction, QWidget* parent = nullptr);

    void setCancelVisible(bool visible);
    void showCancelling(bool longJobs);  // Cancel was pressed; long jobs answer later with cancelled()

    QProgressBar* progressBar() const { return m_progress; }
    QLabel* stageLabel() const { return m_stage; }
    QLabel* queueLabel() const { return m_queue; }

private:
    QLabel* m_stage = nullptr;
    QLabel* m_queue = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
};

}  // namespace xcomp::workbench
