// app/workbench/workbenchpage.h — the base of the tabs that run engine jobs (Regenerate, Compare,
// Question Answering, Interpolation, Batch): each page owns its widgets, starts its own jobs through
// the PageContext's EngineClient and shows their results. MainWindow assembles the pages by the
// signals below.
#pragma once
#include <QWidget>

#include "pagecontext.h"

namespace xcomp::workbench {

class WorkbenchPage : public QWidget {
    Q_OBJECT
public:
    WorkbenchPage(const PageContext& context, QWidget* parent) : QWidget(parent), m_context(context) {}

signals:
    void showRequested();   // a run of this page started: bring its tab to the front
    void runStarted();      // the actions' states change (a job's end is EngineClient::jobFinished)
    void resultsChanged();  // results that a session keeps arrived: the session has unsaved changes

protected:
    PageContext m_context;
};

}  // namespace xcomp::workbench
