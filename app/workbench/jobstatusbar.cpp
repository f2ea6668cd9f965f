#include "jobstatusbar.h"

#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>
#include <cmath>

#include "engineclient.h"

namespace xcomp::workbench {

JobStatusBar::JobStatusBar(EngineClient* engine, QLabel* modelLabel, QAction* cancelAction, QWidget* parent)
    : QStatusBar(parent)
{
    m_stage = new QLabel(this);
    m_stage->setMaximumWidth(320);  // a long stage text must not widen the window
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel = new QToolButton(this);
    m_cancel->setDefaultAction(cancelAction);
    m_cancel->setAutoRaise(true);
    m_cancel->hide();
    // Work that waits behind the running job (a batch evaluation above all) says so.
    m_queue = new QLabel(this);
    m_queue->setObjectName(QStringLiteral("queueLabel"));
    m_queue->hide();
    addWidget(modelLabel, 1);
    addPermanentWidget(m_queue);
    addPermanentWidget(m_stage);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_cancel);

    connect(engine, &EngineClient::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        m_cancel->setVisible(busy);
        if (busy)
            m_progress->setValue(0);
        else
            m_stage->clear();
    });
    connect(engine, &EngineClient::progress, this, [this](double fraction, const QString& stage) {
        m_progress->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
        if (!stage.isEmpty())
            m_stage->setText(stage);
    });
    connect(engine, &EngineClient::cancelled, this, [this] { m_stage->setText(tr("Cancelled")); });
    connect(engine, &EngineClient::queueChanged, this, [this, engine] {
        const int waiting = engine->queuedJobs();
        m_queue->setText(waiting <= 0 ? QString()
                         : engine->isBatchRunning()
                             ? tr("%n job(s) waiting for the batch evaluation", nullptr, waiting)
                             : tr("%n job(s) waiting", nullptr, waiting));
        m_queue->setVisible(waiting > 0);
    });
}

void JobStatusBar::setCancelVisible(bool visible)
{
    m_cancel->setVisible(visible);
}

void JobStatusBar::showCancelling(bool longJobs)
{
    m_stage->setText(longJobs ? tr("Cancelling\u2026") : tr("Cancelled"));
}

}  // namespace xcomp::workbench
