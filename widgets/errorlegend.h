// widgets/errorlegend.h — a row of the four error categories: a swatch that shows the marking
// exactly as the text views draw it, the translated name and (optionally) a count. Each item's
// tooltip explains the category for students. Clicking an item emits typeClicked().
#pragma once

#include "errorstyle.h"
#include "viewdata.h"

#include <QVector>
#include <QWidget>

class QToolButton;

namespace xcomp {

class ErrorLegend : public QWidget {
    Q_OBJECT

public:
    explicit ErrorLegend(QWidget* parent = nullptr);

    // Counts indexed by int(ErrorType); missing entries count as 0. Equal is not shown.
    void setCounts(const QVector<int>& counts);
    void setCount(view::ErrorType type, int count);
    int count(view::ErrorType type) const;
    QVector<int> counts() const { return m_counts; }
    void clearCounts();

    // Without counts the legend is a plain colour key (e.g. under the compare view).
    void setCountsVisible(bool visible);
    bool countsVisible() const { return m_countsVisible; }

    // What an item shows and its tooltip (for tests and for embedding elsewhere).
    QString itemText(view::ErrorType type) const;
    QString itemToolTip(view::ErrorType type) const;
    QToolButton* itemButton(view::ErrorType type) const;

    // A swatch of `size` that renders "Ab" in the type's text format; shared with other widgets.
    static QPixmap swatch(view::ErrorType type, const QSize& size, const QFont& font);

signals:
    void typeClicked(xcomp::view::ErrorType type);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QVector<int> m_counts;
    QVector<QToolButton*> m_buttons;  // indexed by int(ErrorType); nullptr for Equal
    bool m_countsVisible = true;
};

}  // namespace xcomp
