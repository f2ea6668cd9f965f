// app/workbench/ablationpage.h — "Ablation" (issue 19, item 3): what one memory token carries. The
// text on the left is compressed by the chosen compressor; memory token k is dropped (hidden from the
// decoder), zeroed, or replaced by memory token k of a second text's compressed prompt; the decoder
// regenerates with and without it. Shown: a bar chart of every memory token's importance (the loss
// increase when it is dropped; clicking a bar chooses k and selects that memory token in the attention
// view) and the diff of the unablated regeneration against the ablated one.
#pragma once
#include "enginetypes.h"
#include "viewdata.h"
#include "workbenchpage.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace xcomp {
class DiffView;
class MemoryImportancePlot;
}

namespace xcomp::workbench {

class AblationPage : public WorkbenchPage {
    Q_OBJECT
public:
    explicit AblationPage(const PageContext& context, QWidget* parent = nullptr);

    // Runs the ablation chosen on the page for the text on the left (warns when it cannot).
    void run();
    bool isRunning() const { return m_job != 0; }
    void setRunEnabled(bool enabled);

    // k is 0-based; the page shows it as m1 ... mM.
    void setMemoryToken(int k);
    int memoryToken() const;
    void setMode(const QString& mode);  // "drop", "zero" or "replace"
    QString mode() const;
    void setDonorText(const QString& text);

    bool hasResult() const { return !m_result.isEmpty(); }
    const view::AblationData& result() const { return m_result; }
    void showResult(const view::AblationData& result);
    void clear();

    // .png/.pdf: the bar chart; .csv/.json: the importance numbers, with the regenerations in JSON.
    bool exportResult(const QString& path, QString* error = nullptr);

    MemoryImportancePlot* importancePlot() const { return m_plot; }
    DiffView* diffView() const { return m_diff; }
    QPushButton* runButton() const { return m_run; }
    QLabel* summaryLabel() const { return m_summary; }
    QSpinBox* memoryTokenBox() const { return m_token; }

signals:
    void memoryTokenSelected(int k);  // a bar was clicked: the attention view follows
    void finished();                  // an ablation ended (result, failure or cancel)

private:
    void onAblated(const AblationResult& result);
    void updateMemoryTokenRange();
    void updateControls();
    void askExport();

    QComboBox* m_mode = nullptr;
    QSpinBox* m_token = nullptr;
    QPlainTextEdit* m_donor = nullptr;
    QLabel* m_donorLabel = nullptr;
    QPushButton* m_run = nullptr;
    QToolButton* m_export = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_sides = nullptr;
    MemoryImportancePlot* m_plot = nullptr;
    DiffView* m_diff = nullptr;
    view::AblationData m_result;
    quint64 m_job = 0;
    bool m_runEnabled = false;
};

}  // namespace xcomp::workbench
