// widgets/flowlayout.h — a layout that places its items left to right and starts a new row when
// the next one does not fit (after Qt's Flow Layout example). Rows of buttons and legends use it so
// that a narrow window (1024 px with the help pane open) wraps them instead of growing.
#pragma once
#include <QLayout>
#include <QList>

namespace xcomp {

class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int hSpacing = 6, int vSpacing = 4);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return doLayout(QRect(0, 0, width, 0), true); }
    QSize minimumSize() const override;  // the widest item: everything else can wrap
    QSize sizeHint() const override;     // all items in one row
    void setGeometry(const QRect& rect) override;

private:
    int doLayout(const QRect& rect, bool testOnly) const;

    QList<QLayoutItem*> m_items;
    int m_hSpacing, m_vSpacing;
};

}  // namespace xcomp
