// app/workbench/latentmappanel.h — the Batch tab's latent map (issue 19, item 6): the compressed
// prompts of the batch's texts, one compressor at a time (each has a latent space of its own),
// projected on their first two principal components (widgets/latentprojection) and coloured by BLEU
// (widgets/latentmapview). Clicking a point opens that text's regeneration for review.
#pragma once
#include <QVector>
#include <QWidget>

#include "viewdata.h"

class QComboBox;
class QLabel;
class QTimer;
class QToolButton;

namespace xcomp {
class LatentMapView;
}

namespace xcomp::workbench {

class MessageBar;

class LatentMapPanel : public QWidget {
    Q_OBJECT
public:
    explicit LatentMapPanel(MessageBar* messages, QWidget* parent = nullptr);

    void setRows(const QVector<view::EvalRow>& rows);
    void addRow(const view::EvalRow& row);  // the map follows within a moment (debounced)
    void clear();
    void updateNow();  // recomputes the projection at once

    QStringList compressors() const;  // the compressors with at least one compressed prompt
    void setCompressor(const QString& label);
    QString compressor() const;
    // The batch row (index into the rows given) of each point on the map, in the view's order.
    const QVector<int>& shownRows() const { return m_shown; }

    LatentMapView* view() const { return m_view; }
    QComboBox* compressorBox() const { return m_which; }
    static QString groupOf(const view::EvalRow& row);  // the compressor's label ("AOC m=4")

signals:
    void reviewRequested(const xcomp::view::EvalRow& row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refillCompressors();
    void askExport();

    MessageBar* m_messages = nullptr;
    QComboBox* m_which = nullptr;
    QLabel* m_note = nullptr;
    QToolButton* m_export = nullptr;
    LatentMapView* m_view = nullptr;
    QTimer* m_timer = nullptr;
    QVector<view::EvalRow> m_rows;
    QVector<int> m_shown;
    bool m_dirty = false;  // rows arrived while the map was hidden
};

}  // namespace xcomp::workbench
