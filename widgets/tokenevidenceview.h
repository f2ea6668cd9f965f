// widgets/tokenevidenceview.h — per-token evidence of one regeneration: the original's tokens in
// reading order, each shaded by the probability the frozen decoder gives it under teacher forcing
// (green: sure of it, yellow: unsure, red: it expected something else), underlined when it is not
// the decoder's first choice, with probability, rank and entropy in its tooltip; the first token
// where greedy decoding leaves the original is outlined and marked. Lines wrap like text.
// Takes view::TokenEvidence (plain values); exports PNG, CSV and JSON.
#pragma once
#include <QColor>
#include <QVector>
#include <QWidget>

#include "viewdata.h"

namespace xcomp {

class TokenEvidenceView : public QWidget {
    Q_OBJECT
public:
    explicit TokenEvidenceView(QWidget* parent = nullptr);

    void setEvidence(const view::TokenEvidence& evidence);
    const view::TokenEvidence& evidence() const { return m_evidence; }
    void clear();
    bool isEmpty() const { return m_evidence.isEmpty(); }

    // Geometry and texts, for tests and for the page around it.
    int tokenAt(const QPoint& pos) const;  // -1 between tokens
    QRect tokenRect(int index) const;
    QString tokenText(int index) const;     // as drawn: the end of the text is "⟨end⟩", a line break "↵"
    QString tokenToolTip(int index) const;
    // "Teacher-forced accuracy 92% · greedy decoding leaves the original at token 17 (“word”)".
    QString summaryText() const;
    // Green (p = 1) through yellow (0.5) to red (0): light enough to read black text on.
    static QColor probabilityColor(double probability);

    int selectedToken() const { return m_selected; }
    void setSelectedToken(int index);  // -1: none

    // One row per position: index, token, probability, rank, entropy, first_divergence (0/1).
    QByteArray toCsv() const;
    QByteArray toJson() const;
    // By suffix: .png (the strip as drawn, whole), .csv or .json; atomic (writeFileAtomically).
    bool exportFile(const QString& path, QString* error = nullptr);
    static QString fileDialogFilter();  // "PNG image (*.png);;CSV table (*.csv);;JSON (*.json)"

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void tokenClicked(int index);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // Cell rectangles for a given width (lines wrap; a token starting with a space leaves a gap).
    QVector<QRect> layoutCells(int width) const;
    void relayout();
    bool isEnd(int index) const;  // the entry after the text's tokens: the end of text

    const QVector<QRect>& cells() const;

    view::TokenEvidence m_evidence;
    mutable QVector<QRect> m_cells;
    mutable int m_cellsWidth = -1;
    int m_selected = -1;
};

}  // namespace xcomp
