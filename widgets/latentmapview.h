// widgets/latentmapview.h — the latent map: every text of a batch as a point, placed by the first two
// principal components of its compressed prompt (latentprojection.h) and coloured by its BLEU, so
// texts the compressor handles alike (and badly) can be seen to lie together or not. Clicking a point
// emits pointClicked (the workbench opens that text's regeneration). Plain values in, PNG/PDF/CSV out.
#pragma once
#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace xcomp {

struct LatentMapPoint {
    QPointF pos;      // principal component scores
    double bleu = 0;  // of the text's regeneration
    QString id;       // the example's id
};

class LatentMapView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kBins = 5;  // BLEU 0-0.2, ..., 0.8-1, one colour each

    explicit LatentMapView(QWidget* parent = nullptr);

    // `explained`: the share of variance of the two components (for the axis titles).
    void setPoints(const QVector<LatentMapPoint>& points, const QString& compressor, double explained1, double explained2);
    const QVector<LatentMapPoint>& points() const { return m_points; }
    void clear();

    int pointAt(const QPoint& plotPos) const;  // the nearest point within a few pixels, or -1
    QPoint pointPosition(int index) const;     // in the plot widget's coordinates
    QString pointToolTip(int index) const;
    void setSelected(int index);               // outlined; -1: none
    int selected() const { return m_selected; }
    static QColor bleuColor(double bleu);
    static int bin(double bleu);

    QCustomPlot* plot() const { return m_plot; }
    QByteArray toCsv() const;  // id,bleu,pc1,pc2
    bool exportFile(const QString& path, QString* error = nullptr);  // .png, .pdf or .csv
    static QString fileDialogFilter();

signals:
    void pointClicked(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QCustomPlot* m_plot = nullptr;
    QVector<QCPGraph*> m_bins;
    QCPGraph* m_selectedGraph = nullptr;
    QVector<LatentMapPoint> m_points;
    QString m_compressor;
    double m_explained[2] = {0, 0};
    int m_selected = -1;
    QPoint m_pressPos;
};

}  // namespace xcomp
