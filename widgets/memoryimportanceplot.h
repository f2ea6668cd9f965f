// widgets/memoryimportanceplot.h — a bar chart of each memory token's importance: how much the
// frozen decoder's loss on the original rises (nats per token) when that memory token is dropped.
// The ablated memory token's bar is drawn in the selection colour; clicking a bar selects that memory
// token (memoryTokenClicked), which the workbench links to the attention view. Numbers, not tensors:
// it takes the importance vector of view::AblationData. Exports PNG/PDF (PlotExport), CSV and JSON.
#pragma once
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace xcomp {

class MemoryImportancePlot : public QWidget {
    Q_OBJECT
public:
    explicit MemoryImportancePlot(QWidget* parent = nullptr);

    // importance[k]: loss increase when memory token k is dropped; loss: with every memory token.
    void setImportance(const QVector<double>& importance, double loss);
    const QVector<double>& importance() const { return m_importance; }
    double loss() const { return m_loss; }
    void clear();
    bool isEmpty() const { return m_importance.isEmpty(); }

    void setSelectedMemoryToken(int k);  // -1: none
    int selectedMemoryToken() const { return m_selected; }
    // The memory token whose bar lies under a widget point of the plot, or -1.
    int memoryTokenAt(const QPoint& plotPos) const;
    QPoint barCenter(int k) const;  // in the plot widget's coordinates
    QString barToolTip(int k) const;
    int mostImportant() const;      // -1 when empty

    QCustomPlot* plot() const { return m_plot; }
    // .png / .pdf (the chart), .csv / .json (the numbers); atomic.
    bool exportFile(const QString& path, QString* error = nullptr);
    static QString fileDialogFilter();
    QByteArray toCsv() const;
    QByteArray toJson() const;

signals:
    void memoryTokenClicked(int k);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QCustomPlot* m_plot = nullptr;
    QCPBars* m_bars = nullptr;
    QCPBars* m_selectedBar = nullptr;
    QVector<double> m_importance;
    double m_loss = 0;
    int m_selected = -1;
    QPoint m_pressPos;
};

}  // namespace xcomp
