// widgets/chunkstrip.h — a text too long for one window, as the chunks it was cut into: one bar, a
// segment per chunk as wide as its share of the tokens, shaded by how well that chunk came back from
// its own memory tokens (ROUGE-L F: green all of it, red none), numbered, the selected one outlined.
// Clicking a segment selects that chunk; clicking the selected one again goes back to the whole text.
// Takes view::ChunkOverview (plain values); exports PNG, CSV and JSON.
#pragma once
#include <QVector>
#include <QWidget>

#include "viewdata.h"

namespace xcomp {

class ChunkStrip : public QWidget {
    Q_OBJECT
public:
    explicit ChunkStrip(QWidget* parent = nullptr);

    void setOverview(const view::ChunkOverview& overview);
    const view::ChunkOverview& overview() const { return m_overview; }
    void clear();
    bool isEmpty() const { return m_overview.isEmpty(); }

    int selectedChunk() const { return m_selected; }  // -1: the whole text
    void setSelectedChunk(int chunk);                 // -1: none (the whole text); no signal

    int chunkAt(const QPoint& pos) const;  // -1 outside the bar
    QRect chunkRect(int chunk) const;
    QString chunkToolTip(int chunk) const;

    // One row per chunk, then the whole (chunks joined) and, when it ran, the reading together:
    // part, tokens, characters, BLEU, ROUGE-L F, EM, teacher-forced accuracy.
    QByteArray toCsv() const;
    QByteArray toJson() const;
    // By suffix: .png (the strip as drawn), .csv or .json; atomic (writeFileAtomically).
    bool exportFile(const QString& path, QString* error = nullptr);
    static QString fileDialogFilter();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void chunkClicked(int chunk);  // -1: back to the whole text

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QVector<QRect> segments() const;

    view::ChunkOverview m_overview;
    int m_selected = -1;
};

}  // namespace xcomp
