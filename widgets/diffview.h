// widgets/diffview.h — original | regenerated side by side, every differing span coloured by the
// 500xCompressor paper's scheme (see errorstyle.h).
//
//   DiffTextEdit  one read-only text of a DiffData (either side) with its spans coloured, hover
//                 tooltips naming the error type and the counterpart text, small markers where text
//                 is missing (a gap), an outlined "marked" range and a positionClicked() signal.
//                 Reusable on its own (the compare view uses it for its columns).
//   DiffView      two DiffTextEdits with proportional synchronised scrolling and an ErrorLegend with
//                 per-type counts. Clicking a span outlines it and its counterpart on the other side;
//                 setSelectedRegeneratedToken() links a token of the regeneration (attention plots).
#pragma once

#include "errorstyle.h"
#include "viewdata.h"

#include <QTextEdit>
#include <QWidget>

class QLabel;
class QSplitter;

namespace xcomp {

class ErrorLegend;

class DiffTextEdit : public QTextEdit {
    Q_OBJECT

public:
    explicit DiffTextEdit(QWidget* parent = nullptr);

    // Shows `side` of the diff, coloured. Offsets of the diff are QString offsets of that text.
    void setDiff(const view::DiffData& diff, DiffSide side);
    // Shows plain text without any span (e.g. the original in the compare view).
    void setUnmarkedText(const QString& text, DiffSide side);
    void clearDiff();
    const view::DiffData& diff() const { return m_diff; }
    DiffSide side() const { return m_side; }

    // Character-position queries on the shown text (positions are QString offsets).
    int spanIndexAt(int pos) const;
    view::ErrorType typeAt(int pos) const;
    QTextCharFormat formatAt(int pos) const;  // the format actually in the document
    QString toolTipAt(int pos) const;         // empty when the position is unmarked

    // Viewport geometry, e.g. for tests that hover or click: the character under a viewport point
    // (-1 when none) and the viewport rectangle of a character.
    int charAtPoint(const QPoint& viewportPos) const;
    QRect charRect(int pos) const;
    QString toolTipAtPoint(const QPoint& viewportPos) const;

    // An outlined range (e.g. the selected token); begin == end clears it.
    void setMarkedRange(int begin, int end, const QColor& color = QColor());
    void clearMarkedRange() { setMarkedRange(0, 0); }
    int markedBegin() const { return m_markBegin; }
    int markedEnd() const { return m_markEnd; }
    // Ranges shaded in the selection colour, stronger for a larger strength in [0, 1] (missing: 1);
    // e.g. the regenerated tokens that relied on the memory token selected in the attention view.
    // An empty list clears them.
    void setRelianceRanges(const QVector<QPair<int, int>>& ranges, const QVector<double>& strengths = {});
    const QVector<QPair<int, int>>& relianceRanges() const { return m_reliance; }
    void scrollToPosition(int pos);

    // Small triangles at the places where the other side has text this side lacks.
    void setGapMarkersVisible(bool visible);
    bool gapMarkersVisible() const { return m_gapMarkers; }

signals:
    void positionClicked(int charPos);
    // Characters [begin, end) selected by dragging the mouse over them.
    void rangeSelected(int begin, int end);

protected:
    bool viewportEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QVector<QRectF> rangeRects(int begin, int end) const;  // viewport coordinates, one per line
    int gapSpanNear(const QPoint& viewportPos) const;

    view::DiffData m_diff;
    DiffSide m_side = DiffSide::Original;
    int m_markBegin = 0, m_markEnd = 0;
    QVector<QPair<int, int>> m_reliance;
    QVector<double> m_relianceStrength;
    QColor m_markColor;
    bool m_gapMarkers = true;
    QPoint m_pressPos;
};

class DiffView : public QWidget {
    Q_OBJECT

public:
    explicit DiffView(QWidget* parent = nullptr);

    void setDiff(const view::DiffData& diff);
    const view::DiffData& diff() const { return m_diff; }
    void clear();
    bool isEmpty() const;

    // Spans per type (Equal counts the Equal spans present in the data).
    int count(view::ErrorType type) const;
    QVector<int> counts() const { return m_counts; }

    // Formats actually painted at a character position of either text, and the error type there.
    QTextCharFormat originalFormatAt(int pos) const;
    QTextCharFormat regeneratedFormatAt(int pos) const;
    view::ErrorType originalTypeAt(int pos) const;
    view::ErrorType regeneratedTypeAt(int pos) const;
    QString originalToolTipAt(int pos) const;
    QString regeneratedToolTipAt(int pos) const;

    DiffTextEdit* originalEdit() const { return m_original; }
    DiffTextEdit* regeneratedEdit() const { return m_regenerated; }
    ErrorLegend* legend() const { return m_legend; }
    void setLegendVisible(bool visible);
    void setTextFont(const QFont& font);
    // Titles above the two sides when they are not the original and its regeneration (the ablation
    // view compares two regenerations); empty strings bring back the defaults.
    void setSideTitles(const QString& left, const QString& right);
    QString sideTitle(int side) const;  // 0: left, 1: right, as shown

    // The outlined token in the regeneration (begin == end when none).
    int selectedRegeneratedBegin() const;
    int selectedRegeneratedEnd() const;

public slots:
    // Outlines the word of the regeneration containing charPos (and the counterpart of its span in
    // the original) and scrolls to it; a negative charPos clears the selection.
    void setSelectedRegeneratedToken(int charPos);
    // Same with an explicit range, e.g. one token piece; begin == end clears.
    void setSelectedRegeneratedRange(int begin, int end);
    // Outlines the next span of `type` after the current selection (wraps around) on both sides.
    void selectNextSpan(xcomp::view::ErrorType type);

signals:
    void regeneratedPositionClicked(int charPos);
    void originalPositionClicked(int charPos);
    // A stretch of the regeneration chosen: words dragged over, or a coloured span clicked (after
    // regeneratedPositionClicked); the attention view follows it (issue 19, item 4).
    void regeneratedRangeSelected(int begin, int end);
    void countsChanged(const QVector<int>& counts);

protected:
    void changeEvent(QEvent* event) override;

private:
    void syncScroll(DiffTextEdit* from, DiffTextEdit* to);
    void markSpan(int spanIndex);
    void retranslate();

    view::DiffData m_diff;
    QVector<int> m_counts;
    DiffTextEdit* m_original = nullptr;
    DiffTextEdit* m_regenerated = nullptr;
    QLabel* m_originalTitle = nullptr;
    QLabel* m_regeneratedTitle = nullptr;
    QString m_sideTitles[2];
    QSplitter* m_splitter = nullptr;
    ErrorLegend* m_legend = nullptr;
    int m_selectedSpan = -1;
    bool m_syncing = false;
};

}  // namespace xcomp
