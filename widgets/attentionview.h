// widgets/attentionview.h — where the decoder looks while it regenerates a text from its memory
// tokens, fed with view::AttentionData only.
//
//  * bars: the attention mass each memory token receives, averaged over the regenerated tokens
//    (and over layers and heads unless one is chosen); with a generated token selected, a second
//    bar set shows that token's own usage of each memory token;
//  * heatmap: regenerated tokens (x) x memory tokens (y), for the chosen layer and head or their mean;
//  * curve (under the heatmap, in the same figure, sharing its x axis): the total attention on
//    the memory at each position of the regeneration;
//  * encoder heatmap: memory tokens (y) x source tokens (x): what each memory token reads;
//  * the source text, with the words the selected memory token reads most highlighted.
//
// Linked selection: clicking a regenerated token in the heatmap or curve selects it
// (generatedTokenSelected), clicking a bar or a heatmap row selects a memory token
// (memoryTokenSelected). The signals fire only when the selection changes, so two views can be
// wired both ways without a loop.
//
// The numbers come from AttentionStats (attentionstats.h); this class plots them.
#pragma once
#include <QPair>
#include <QVector>
#include <QWidget>

#include "attentionstats.h"
#include "viewdata.h"

class QCustomPlot;
class QCPBars;
class QCPAxisRect;
class QCPBarsGroup;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPTextElement;
class QComboBox;
class QLabel;
class QMouseEvent;
class QTextBrowser;
class QToolButton;

namespace xcomp {

class HeadGrid;

class AttentionView : public QWidget {
    Q_OBJECT
public:
    explicit AttentionView(QWidget* parent = nullptr);
    ~AttentionView() override;

    // Replaces the data; keeps the layer/head choice where it still exists, clears the selection.
    void setData(const view::AttentionData& data);
    const view::AttentionData& data() const { return m_stats.data(); }
    void clear();
    // False for empty or inconsistent data (array sizes not matching the dimensions).
    bool hasData() const { return m_stats.isValid(); }

    // Dimensions as derived from the arrays (0 without data). The encoder may have its own layer
    // count: encoderAttention.size() / (heads * memoryTokens * sourceTokens).
    int layerCount() const { return m_stats.layers(); }
    int headCount() const { return m_stats.heads(); }
    int generatedCount() const { return m_stats.generatedTokens(); }
    int memoryCount() const { return m_stats.memoryTokens(); }
    int sourceCount() const { return m_stats.sourceTokens(); }
    int encoderLayerCount() const { return m_stats.encoderLayers(); }

    // Current layer / head choice; -1 is the mean over all of them.
    int layer() const { return m_layer; }
    int head() const { return m_head; }
    int selectedGeneratedToken() const { return m_selectedGenerated; }
    int selectedMemoryToken() const { return m_selectedMemory; }
    // The selected span [first, last]; (-1, -1) without one (a single token selected by a click is no span).
    int spanFirst() const { return m_spanLast >= 0 ? m_selectedGenerated : -1; }
    int spanLast() const { return m_spanLast; }
    // The span's heads, most drawn on the memory first: (layer, head) pairs, at most `k`.
    QVector<QPair<int, int>> spanTopHeads(int k) const;
    // The span's heads as a layer x head grid beside the selection line (hidden without a span);
    // a click on a cell shows that layer and head (issue 19, item 4).
    HeadGrid* headGrid() const { return m_headGrid; }

    // --- Computations (what the plots show; AttentionStats). layer/head: -1 = mean; out of range: empty. ---
    // [M] attention each memory token receives, averaged over regenerated tokens, heads, layers.
    QVector<double> memoryMass(int layer, int head = -1) const { return m_stats.memoryMass(layer, head); }
    // [M] one regenerated token's attention on each memory token.
    QVector<double> tokenMemoryUsage(int generatedToken, int layer, int head = -1) const
    {
        return m_stats.tokenMemoryUsage(generatedToken, layer, head);
    }
    // [G] total attention on the memory per regenerated position (memoryTotal, or the sum over
    // the memory tokens when memoryTotal was not captured).
    QVector<double> memoryTotalCurve(int layer, int head = -1) const { return m_stats.memoryTotalCurve(layer, head); }
    // [G][M] row-major decoder matrix, and [M][N] encoder matrix.
    QVector<double> decoderMatrix(int layer, int head) const { return m_stats.decoderMatrix(layer, head); }
    QVector<double> encoderMatrix(int layer, int head) const { return m_stats.encoderMatrix(layer, head); }
    // Indices of the k source tokens memory token m weights most under the current layer/head
    // choice of the encoder heatmap, highest first (ties: lower index first).
    QVector<int> topSourceTokens(int m, int k) const
    {
        return m_stats.topSourceTokens(m, k, m_stats.encoderLayerFor(m_layer), m_head);
    }

    // --- What is displayed now (for tests and exports). ---
    int heatmapRows() const;     // regenerated tokens in the decoder heatmap (G)
    int heatmapColumns() const;  // memory tokens in the decoder heatmap (M)
    double heatmapValue(int generatedToken, int memoryToken) const;
    int encoderHeatmapRows() const;     // memory tokens (M)
    int encoderHeatmapColumns() const;  // source tokens (N)
    QVector<double> displayedMass() const;
    QVector<double> displayedTokenUsage() const;  // empty unless a regenerated token is selected
    QVector<double> displayedCurve() const;
    double curveMarkerPosition() const;           // x of the curve's line; -1 when hidden
    QVector<int> highlightedSourceTokens() const; // highlighted in the source text
    QString sourceTextHtml() const;
    int topK() const { return m_topK; }
    void setTopK(int k);

    QCustomPlot* massPlot() const { return m_massPlot; }
    QCustomPlot* decoderPlot() const { return m_decoderPlot; }
    QCustomPlot* curvePlot() const { return m_decoderPlot; }  // the curve sits under the heatmap
    QCustomPlot* encoderPlot() const { return m_encoderPlot; }
    QList<QCustomPlot*> plots() const;

public slots:
    void setLayer(int layer);  // -1 = mean
    void setHead(int head);    // -1 = mean
    void selectGeneratedToken(int generatedToken);  // -1 clears
    void selectMemoryToken(int memoryToken);        // -1 clears
    // A span of regenerated tokens [first, last], e.g. words selected in the diff (issue 19, item 4):
    // the bars show its mean usage of each memory token, the heatmap outlines its columns, the
    // source text highlights the source tokens it drew on through the memory (unless a memory
    // token is selected), and the line above names the heads it drew on the memory with.
    // first = -1 clears; a span of one token is that token's selection plus its source reading.
    void selectGeneratedSpan(int first, int last);

signals:
    void generatedTokenSelected(int generatedToken);
    void memoryTokenSelected(int memoryToken);
    void generatedSpanSelected(int first, int last);  // (-1, -1): cleared

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void setupPlots();
    void rebuildSelectors();
    void refreshAll();
    void refreshMass();
    void refreshDecoder();
    void refreshCurve();
    void refreshEncoder();
    void refreshSelection();
    void refreshTexts();
    void onPlotPress(QCustomPlot* plot, QMouseEvent* event);
    void onPlotRelease(QCustomPlot* plot, QMouseEvent* event);
    void onPlotMove(QCustomPlot* plot, QMouseEvent* event);
    QString hoverText(QCustomPlot* plot, const QPoint& pos) const;
    void handleClick(QCustomPlot* plot, const QPoint& pos);
    QString generatedLabel(int g) const;
    QString sourceLabel(int n) const;

    AttentionStats m_stats;
    int m_layer = -1, m_head = -1;
    int m_selectedGenerated = -1, m_selectedMemory = -1;
    int m_spanLast = -1;  // >= 0: a span [m_selectedGenerated, m_spanLast] is selected
    int m_topK = 5;
    QVector<double> m_decoder;  // [G][M] for the current choice
    QVector<double> m_encoder;  // [M][N] for the current choice
    QVector<double> m_mass, m_tokenUsage, m_curve;
    QVector<int> m_highlighted;
    QPoint m_pressPos;

    QLabel* m_layerLabel = nullptr;
    QLabel* m_headLabel = nullptr;
    QComboBox* m_layerCombo = nullptr;
    QComboBox* m_headCombo = nullptr;
    QLabel* m_summary = nullptr;
    QToolButton* m_helpButton = nullptr;
    QLabel* m_help = nullptr;
    QLabel* m_selectionInfo = nullptr;
    HeadGrid* m_headGrid = nullptr;
    QTextBrowser* m_sourceText = nullptr;
    QString m_sourceHtml;

    QCustomPlot* m_massPlot = nullptr;
    QCPBars* m_massBars = nullptr;
    QCPBars* m_tokenBars = nullptr;
    QCPBarsGroup* m_barsGroup = nullptr;
    QCPItemRect* m_massBand = nullptr;

    QCustomPlot* m_decoderPlot = nullptr;
    QCPColorMap* m_decoderMap = nullptr;
    QCPColorScale* m_decoderScale = nullptr;
    QCPItemRect* m_decoderColumn = nullptr;  // selected regenerated token
    QCPItemRect* m_decoderRow = nullptr;     // selected memory token

    QCPAxisRect* m_curveRect = nullptr;
    QCPGraph* m_curveGraph = nullptr;
    QCPItemStraightLine* m_curveMarker = nullptr;

    QCustomPlot* m_encoderPlot = nullptr;
    QCPColorMap* m_encoderMap = nullptr;
    QCPColorScale* m_encoderScale = nullptr;
    QCPItemRect* m_encoderRow = nullptr;
    QCPGraph* m_encoderTop = nullptr;  // markers on the top-k source tokens
};

}  // namespace xcomp
