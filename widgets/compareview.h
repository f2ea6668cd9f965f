// widgets/compareview.h — several regenerations of one text side by side, like the 500xCompressor
// paper's Table 1 but live: the original once on the left, then one column per compressor with a
// header (label and error counts), a compact MetricsStrip and the regenerated text coloured by
// error type. All texts scroll together (proportionally). Clicking a column (or calling
// setHighlightedColumn) marks in the original what that column lost or got wrong.
//
// With 9-11 compressors only a few columns fit: the original is pinned on the left (only the result
// columns scroll sideways), and a summary table above them lists every compressor's BLEU, ROUGE-L F,
// EM and error counts, sortable by any of them. Its check boxes choose the columns shown; clicking a
// row scrolls to that column and marks its errors in the original.
#pragma once

#include "viewdata.h"

#include <QString>
#include <QVector>
#include <QWidget>

class QGridLayout;
class QLabel;
class QScrollArea;
class QSplitter;
class QStandardItemModel;
class QTableView;

namespace xcomp {

class DiffTextEdit;
class ErrorLegend;
class MetricsStrip;

class CompareView : public QWidget {
    Q_OBJECT

public:
    explicit CompareView(QWidget* parent = nullptr);

    // The original shown on the left. When never set, the first result's diff.original is shown.
    void setOriginal(const QString& original);
    QString original() const;
    void setResults(const QVector<view::RegenerationView>& results);
    const QVector<view::RegenerationView>& results() const { return m_results; }
    void clear();

    int columnCount() const { return int(m_results.size()); }
    QString columnLabel(int column) const;
    MetricsStrip* metricsStrip(int column) const;
    DiffTextEdit* regeneratedEdit(int column) const;
    DiffTextEdit* originalEdit() const { return m_originalEdit; }
    QLabel* headerLabel(int column) const;
    ErrorLegend* legend() const { return m_legend; }

    // Colours the original with the chosen column's original-side spans (-1: plain original).
    void setHighlightedColumn(int column);
    int highlightedColumn() const { return m_highlighted; }

    // Minimum width of a result column in pixels (default 260); more columns scroll sideways.
    void setMinimumColumnWidth(int px);

    // The summary table's columns; its rows are the results (sort role: Qt::UserRole, the raw value).
    enum SummaryColumn { SummaryCompressor = 0, SummaryBleu, SummaryRougeL, SummaryExactMatch, SummaryFirstError };
    // After the error counts: how far a compressor's BLEU lies below the upper bound (optimised memory)
    // of the same m for this text; "—" without such a bound among the results.
    static int summaryGapColumn();
    // The gap of result `column` (bound BLEU - its BLEU), or NaN when no bound of its m is among the results.
    double gapToBound(int column) const;
    int boundFor(int column) const;  // the result column of its upper bound (best BLEU at its m), or -1
    QTableView* summaryTable() const { return m_summaryTable; }
    QStandardItemModel* summaryModel() const { return m_summary; }
    // Which result columns are shown (the summary's check boxes); all are, after setResults().
    void setColumnVisible(int column, bool visible);
    bool isColumnVisible(int column) const;
    QWidget* originalPane() const { return m_originalPane; }  // pinned: outside the sideways scroll

signals:
    void columnActivated(int column);
    void regeneratedPositionClicked(int column, int charPos);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void rebuildSummary();
    void fitSplit();
    void refreshOriginal();
    void refreshHeaders();
    void retranslate();
    void syncScroll(DiffTextEdit* from);
    QString headerHtml(int column) const;

    QString m_original;
    bool m_originalSet = false;
    QVector<view::RegenerationView> m_results;
    int m_highlighted = -1;
    int m_minColumnWidth = 260;
    bool m_syncing = false;

    QScrollArea* m_scroll = nullptr;
    QSplitter* m_split = nullptr;
    QWidget* m_originalPane = nullptr;
    QTableView* m_summaryTable = nullptr;
    QStandardItemModel* m_summary = nullptr;
    QVector<bool> m_visible;
    bool m_fillingSummary = false;
    bool m_userSplit = false;  // the user moved the original/results handle
    QWidget* m_canvas = nullptr;
    QGridLayout* m_grid = nullptr;
    QLabel* m_originalHeader = nullptr;
    QLabel* m_originalNote = nullptr;
    DiffTextEdit* m_originalEdit = nullptr;
    QLabel* m_emptyLabel = nullptr;
    ErrorLegend* m_legend = nullptr;

    struct Column {
        QLabel* header = nullptr;
        MetricsStrip* metrics = nullptr;
        DiffTextEdit* text = nullptr;
    };
    QVector<Column> m_columns;
};

}  // namespace xcomp
