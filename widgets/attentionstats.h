// widgets/attentionstats.h — the numbers AttentionView plots, computed from view::AttentionData
// alone: the dimensions its arrays imply, the decoder and encoder attention matrices of one layer
// and head (or their mean), the attention each memory token receives, one regenerated token's
// usage of the memory, the total attention on the memory per regenerated position and the source
// tokens a memory token reads most. QtCore only, so the arithmetic is tested without widgets
// (tests/widgets/tst_attentionstats.cpp).
//
// L layers, H heads, G regenerated tokens, M memory tokens, N source tokens; the encoder may have
// its own layer count Lenc. Layer and head arguments: -1 is the mean over all of them, an index
// out of range gives an empty result. The last matrix of each kind is kept (see below), so one
// object is not for concurrent use.
#pragma once
#include <QVector>

#include "viewdata.h"

namespace xcomp {

class AttentionStats {
public:
    AttentionStats() = default;
    // Derives the dimensions from the arrays; isValid() is false for empty or inconsistent data.
    explicit AttentionStats(const view::AttentionData& data);

    const view::AttentionData& data() const { return m_data; }
    bool isValid() const { return m_valid; }
    // 0 without valid data; encoderLayers() and sourceTokens() are 0 / the source pieces when the
    // encoder attention was not captured or does not match.
    int layers() const { return m_layers; }
    int heads() const { return m_heads; }
    int generatedTokens() const { return m_generated; }
    int memoryTokens() const { return m_memory; }
    int sourceTokens() const { return m_source; }
    int encoderLayers() const { return m_encoderLayers; }

    // [G][M] row-major: each regenerated token's attention on each memory token.
    QVector<double> decoderMatrix(int layer, int head) const;
    // [M][N] row-major: each memory token's attention on each source token (compression).
    QVector<double> encoderMatrix(int layer, int head) const;
    // The encoder layer that goes with a decoder layer choice: the mean (-1) where the encoder has
    // no such layer.
    int encoderLayerFor(int layer) const;

    // [M] attention each memory token receives, averaged over the regenerated tokens.
    QVector<double> memoryMass(int layer, int head) const;
    // [M] one regenerated token's attention on each memory token.
    QVector<double> tokenMemoryUsage(int generatedToken, int layer, int head) const;
    // [G] total attention on the memory per regenerated position: memoryTotal when it was
    // captured, else the sum over the memory tokens of the decoder matrix.
    QVector<double> memoryTotalCurve(int layer, int head) const;
    // Indices of the k source tokens memory token m weights most in encoderMatrix(layer, head),
    // highest first (ties: lower index first); k is clipped to N.
    QVector<int> topSourceTokens(int memoryToken, int k, int layer, int head) const;

    // A span of regenerated tokens [first, last] (issue 19, item 4: a span selected in the diff).
    // [M] its mean attention on each memory token.
    QVector<double> spanMemoryUsage(int first, int last, int layer, int head) const;
    // [L][H] row-major: its mean total attention on the memory under each layer and head: the heads
    // it drew on the memory with.
    QVector<double> spanHeadUsage(int first, int last) const;
    // [N] what it drew on each source token through the memory: sum over m of its usage of memory
    // token m times m's attention on that source token (encoder layer encoderLayerFor(layer)).
    QVector<double> spanSourceReading(int first, int last, int layer, int head) const;
    // Indices of the k largest values, largest first (ties: lower index first); k clipped to the size.
    static QVector<int> topIndices(const QVector<double>& values, int k);

private:
    // Mean over the chosen (layer, head) blocks of a [layers][H][block] array.
    QVector<double> meanOver(const QVector<float>& data, int layerCount, int layer, int head, qint64 block) const;

    view::AttentionData m_data;
    bool m_valid = false;
    int m_layers = 0, m_heads = 0, m_generated = 0, m_memory = 0, m_source = 0, m_encoderLayers = 0;

    // The matrix of the last choice asked for: the view asks for the matrix, the mass, a token's
    // usage and the curve of its current choice in turn, and each matrix is L*H*G*M sums.
    struct Cached {
        int layer = -2, head = -2;  // -2: nothing yet
        QVector<double> matrix;
    };
    mutable Cached m_decoder, m_encoder;
};

}  // namespace xcomp
