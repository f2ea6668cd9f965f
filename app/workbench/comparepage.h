// app/workbench/comparepage.h — the same text through several compressors, side by side
// (CompareView, like the 500xCompressor paper's Table 1): a checklist of the model folder's
// compressors and a button that runs the checked ones on the text on the left.
#pragma once
#include <QStringList>
#include <QVector>

#include "enginetypes.h"
#include "workbenchpage.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace xcomp {
class CompareView;
class ExportButton;
}

namespace xcomp::workbench {

class ComparePage : public WorkbenchPage {
    Q_OBJECT
public:
    explicit ComparePage(const PageContext& context, QWidget* parent = nullptr);

    // Runs the given compressors (none given: the checked ones) on the text on the left.
    void run(const QStringList& compressorIds = {});
    bool isRunning() const { return m_job != 0; }

    // The trained compressors (checked unless a selection says otherwise), then the upper bounds
    // (optimised memory at their m; unchecked: they take hundreds of optimiser steps each).
    void setCompressors(const QVector<CompressorEntry>& compressors, const QVector<CompressorEntry>& upperBounds = {});
    QStringList checkedCompressors() const;
    void setChecked(const QStringList& ids);
    // A session's choice: checked now, or once the model's compressors are listed.
    void restoreSelection(const QStringList& ids);

    // A run starts: results arrive one by one.
    void begin(const QString& original);
    void addResult(const view::RegenerationView& result);
    void setResults(const QString& original, const QVector<view::RegenerationView>& results);
    void clear();
    QVector<view::RegenerationView> results() const { return m_results; }
    void setRunEnabled(bool enabled);
    // The columns are of another text than the one on the left now (edited since): a note says so.
    bool isStale() const;

    CompareView* compareView() const { return m_view; }
    QListWidget* compressorList() const { return m_list; }
    QPushButton* runButton() const { return m_run; }
    ExportButton* exportButton() const { return m_export; }  // summary (CSV), all (JSON), columns (HTML, PDF)

signals:
    void finished();  // the last result of a run arrived (or the run failed or was cancelled)

private:
    void updateRunButton();
    void updateStale();
    void addExports();

    QListWidget* m_list = nullptr;
    QPushButton* m_run = nullptr;
    ExportButton* m_export = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_staleNote = nullptr;
    QString m_original;  // the text the columns were made of
    CompareView* m_view = nullptr;
    QVector<view::RegenerationView> m_results;
    QStringList m_pendingSelection;  // restoreSelection() before the list was filled
    bool m_runEnabled = true;
    quint64 m_job = 0;  // the running comparison
};

}  // namespace xcomp::workbench
