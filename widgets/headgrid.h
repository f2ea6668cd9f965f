// widgets/headgrid.h — which attention heads a span of the regeneration drew on the memory with: a
// grid of L layers (rows, layer 1 at the top) x H heads (columns), each cell shaded by that head's
// share of the span's attention that went to the memory tokens (white none, dark blue the most of
// any head), the strongest few outlined in orange, the layer/head the attention view shows framed
// in black. Clicking a cell asks the view for that layer and head. Takes plain values (HeadUsage);
// exports PNG, CSV and JSON.
#pragma once
#include <QPair>
#include <QVector>
#include <QWidget>

namespace xcomp {

struct HeadUsage {
    int layers = 0, heads = 0;
    QVector<double> values;  // [layers * heads], layer-major: the span's mean attention on the memory
    int first = -1, last = -1;  // the span, regenerated tokens (0-based, inclusive)
    bool isEmpty() const { return layers <= 0 || heads <= 0 || values.size() != layers * heads; }
    double at(int layer, int head) const { return values.value(layer * heads + head); }
};

class HeadGrid : public QWidget {
    Q_OBJECT
public:
    explicit HeadGrid(QWidget* parent = nullptr);

    void setUsage(const HeadUsage& usage);  // keeps the current layer/head
    const HeadUsage& usage() const { return m_usage; }
    void clear();
    bool isEmpty() const { return m_usage.isEmpty(); }

    // The heads outlined: the `count` largest values, highest first (ties: lower layer, then head).
    void setTopCount(int count);
    QVector<QPair<int, int>> topHeads() const;

    // The layer and head the attention view shows (-1: the mean over them, no frame); no signal.
    void setCurrent(int layer, int head);

    QPair<int, int> cellAt(const QPoint& pos) const;  // (-1, -1) outside the grid
    QRect cellRect(int layer, int head) const;
    QString cellToolTip(int layer, int head) const;

    // layer,head,memory_share (1-based layer and head), one row per head; JSON the same with the span.
    QByteArray toCsv() const;
    QByteArray toJson() const;
    // By suffix: .png (the grid as drawn), .csv or .json; atomic. Fails with a sentence when empty.
    bool exportFile(const QString& path, QString* error = nullptr);
    static QString fileDialogFilter();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void headClicked(int layer, int head);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    HeadUsage m_usage;
    int m_topCount = 3;
    int m_layer = -1, m_head = -1;
};

}  // namespace xcomp
