// app/workbench/attentionpage.h — where the decoder looks while regenerating (AttentionView), filled
// from each regeneration the Regenerate page shows when it was run with "Capture attention" on (the
// choice is kept in Preferences). Selections are linked with the Regenerate page's diff view
// through tokenRanges (the regenerated pieces' places in the regeneration).
#pragma once
#include <QPair>
#include <QVector>
#include <QWidget>

#include "viewdata.h"

class QCheckBox;
class QLabel;
class QStackedWidget;

namespace xcomp {
class AttentionView;
class ExportButton;
}

namespace xcomp::workbench {

class RegeneratePage;

class AttentionPage : public QWidget {
    Q_OBJECT
public:
    explicit AttentionPage(RegeneratePage* regeneration, QWidget* parent = nullptr);

    void setData(const view::AttentionData& data, const QVector<QPair<int, int>>& tokenRanges);
    void clear();
    bool hasData() const;
    bool captureAttention() const;
    void setCaptureAttention(bool capture);

    // Piece index <-> UTF-16 range in the regeneration.
    int tokenAt(int charPos) const;
    QPair<int, int> tokenRange(int token) const;
    // The first and last generated tokens overlapping the UTF-16 range [begin, end); (-1, -1): none.
    QPair<int, int> tokensIn(int begin, int end) const;

    AttentionView* attentionView() const { return m_view; }
    // The regenerated tokens whose most-read memory token is k (at the view's layer and head), with the
    // share of their memory attention on k: what the diff shades when memory token k is selected.
    QVector<int> tokensRelyingOn(int memoryToken, QVector<double>* shares = nullptr) const;
    QCheckBox* captureCheckBox() const { return m_capture; }
    ExportButton* exportButton() const { return m_export; }  // the plots as PNG and PDF

signals:
    void captureAttentionChanged(bool capture);

private:
    void linkSelection(RegeneratePage* regeneration);
    void addExports();

    AttentionView* m_view = nullptr;
    QCheckBox* m_capture = nullptr;
    ExportButton* m_export = nullptr;
    QLabel* m_placeholder = nullptr;
    QStackedWidget* m_stack = nullptr;
    QVector<QPair<int, int>> m_ranges;
};

}  // namespace xcomp::workbench
