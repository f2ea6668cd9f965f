#include "attentionstats.h"

#include <algorithm>
#include <numeric>

namespace xcomp {

namespace {

// Indices 0..count-1 when `which` is -1, {which} when in range, nothing otherwise.
QVector<int> selection(int which, int count)
{
    QVector<int> out;
    if (which < 0) {
        out.resize(count);
        std::iota(out.begin(), out.end(), 0);
    } else if (which < count) {
        out.append(which);
    }
    return out;
}

}  // namespace

AttentionStats::AttentionStats(const view::AttentionData& data) : m_data(data)
{
    const view::AttentionData& d = m_data;
    const qint64 lhm = qint64(d.layers) * d.heads * d.memoryTokens;
    if (d.layers <= 0 || d.heads <= 0 || d.memoryTokens <= 0)
        return;
    // G from the decoder's weights, else from the totals, else from the regenerated pieces.
    int generated = -1;
    if (!d.memoryAttention.isEmpty()) {
        if (d.memoryAttention.size() % lhm != 0)
            return;
        generated = int(d.memoryAttention.size() / lhm);
    } else if (!d.memoryTotal.isEmpty() && d.memoryTotal.size() % (qint64(d.layers) * d.heads) == 0) {
        generated = int(d.memoryTotal.size() / (qint64(d.layers) * d.heads));
    } else {
        generated = d.generatedTokens.size();
    }
    if (!d.memoryTotal.isEmpty() && d.memoryTotal.size() != qint64(d.layers) * d.heads * generated)
        return;
    m_layers = d.layers;
    m_heads = d.heads;
    m_memory = d.memoryTokens;
    m_generated = generated;
    m_valid = true;

    // Encoder: [Lenc][H][M][N]; N from the source pieces, else assume Lenc == L.
    const qint64 hm = qint64(d.heads) * d.memoryTokens;
    const int n = d.sourceTokens.size();
    if (!d.encoderAttention.isEmpty()) {
        if (n > 0 && d.encoderAttention.size() % (hm * n) == 0) {
            m_source = n;
            m_encoderLayers = int(d.encoderAttention.size() / (hm * n));
        } else if (n == 0 && d.encoderAttention.size() % lhm == 0) {
            m_source = int(d.encoderAttention.size() / lhm);
            m_encoderLayers = d.layers;
        }
    }
    if (m_encoderLayers == 0)
        m_source = n;
}

QVector<double> AttentionStats::meanOver(const QVector<float>& data, int layerCount, int layer, int head,
                                         qint64 block) const
{
    const QVector<int> layers = selection(layer, layerCount), heads = selection(head, m_heads);
    if (data.isEmpty() || layers.isEmpty() || heads.isEmpty())
        return {};
    QVector<double> out(int(block), 0.0);
    const float* base = data.constData();
    for (int l : layers) {
        for (int h : heads) {
            const float* p = base + (qint64(l) * m_heads + h) * block;
            for (qint64 i = 0; i < block; ++i)
                out[int(i)] += p[i];
        }
    }
    const double n = double(layers.size()) * heads.size();
    for (double& v : out)
        v /= n;
    return out;
}

QVector<double> AttentionStats::decoderMatrix(int layer, int head) const
{
    if (m_decoder.layer != layer || m_decoder.head != head)
        m_decoder = {layer, head, meanOver(m_data.memoryAttention, m_layers, layer, head, qint64(m_generated) * m_memory)};
    return m_decoder.matrix;
}

QVector<double> AttentionStats::encoderMatrix(int layer, int head) const
{
    if (m_encoder.layer != layer || m_encoder.head != head)
        m_encoder = {layer, head, meanOver(m_data.encoderAttention, m_encoderLayers, layer, head, qint64(m_memory) * m_source)};
    return m_encoder.matrix;
}

int AttentionStats::encoderLayerFor(int layer) const
{
    return m_encoderLayers > 0 && layer >= m_encoderLayers ? -1 : layer;
}

QVector<double> AttentionStats::memoryMass(int layer, int head) const
{
    const QVector<double> matrix = decoderMatrix(layer, head);
    if (matrix.isEmpty() || m_generated == 0)
        return {};
    QVector<double> out(m_memory, 0.0);
    for (int g = 0; g < m_generated; ++g)
        for (int m = 0; m < m_memory; ++m)
            out[m] += matrix[g * m_memory + m];
    for (double& v : out)
        v /= m_generated;
    return out;
}

QVector<double> AttentionStats::tokenMemoryUsage(int generatedToken, int layer, int head) const
{
    if (generatedToken < 0 || generatedToken >= m_generated)
        return {};
    return decoderMatrix(layer, head).mid(generatedToken * m_memory, m_memory);
}

QVector<double> AttentionStats::memoryTotalCurve(int layer, int head) const
{
    if (!m_valid)
        return {};
    if (m_data.memoryTotal.isEmpty()) {
        const QVector<double> matrix = decoderMatrix(layer, head);
        if (matrix.isEmpty())
            return {};
        QVector<double> out(m_generated, 0.0);
        for (int g = 0; g < m_generated; ++g)
            for (int m = 0; m < m_memory; ++m)
                out[g] += matrix[g * m_memory + m];
        return out;
    }
    return meanOver(m_data.memoryTotal, m_layers, layer, head, m_generated);
}

QVector<int> AttentionStats::topSourceTokens(int memoryToken, int k, int layer, int head) const
{
    if (memoryToken < 0 || memoryToken >= m_memory || k <= 0)
        return {};
    const QVector<double> matrix = encoderMatrix(layer, head);
    if (matrix.isEmpty())
        return {};
    QVector<int> order(m_source);
    std::iota(order.begin(), order.end(), 0);
    const double* row = matrix.constData() + qint64(memoryToken) * m_source;
    std::stable_sort(order.begin(), order.end(), [row](int a, int b) { return row[a] > row[b]; });
    order.resize(std::min(k, m_source));
    return order;
}

QVector<double> AttentionStats::spanMemoryUsage(int first, int last, int layer, int head) const
{
    if (first < 0 || last < first || last >= m_generated)
        return {};
    const QVector<double> matrix = decoderMatrix(layer, head);
    if (matrix.isEmpty())
        return {};
    QVector<double> out(m_memory, 0.0);
    for (int g = first; g <= last; ++g)
        for (int m = 0; m < m_memory; ++m)
            out[m] += matrix[qint64(g) * m_memory + m];
    for (double& v : out)
        v /= (last - first + 1);
    return out;
}

QVector<double> AttentionStats::spanHeadUsage(int first, int last) const
{
    if (!m_valid || first < 0 || last < first || last >= m_generated)
        return {};
    QVector<double> out(m_layers * m_heads, 0.0);
    for (int l = 0; l < m_layers; ++l)
        for (int h = 0; h < m_heads; ++h) {
            const QVector<double> curve = memoryTotalCurve(l, h);
            double sum = 0;
            for (int g = first; g <= last && g < curve.size(); ++g)
                sum += curve[g];
            out[l * m_heads + h] = sum / (last - first + 1);
        }
    return out;
}

QVector<double> AttentionStats::spanSourceReading(int first, int last, int layer, int head) const
{
    const QVector<double> usage = spanMemoryUsage(first, last, layer, head);
    const QVector<double> encoder = encoderMatrix(encoderLayerFor(layer), head);
    if (usage.isEmpty() || encoder.isEmpty() || m_source == 0)
        return {};
    QVector<double> out(m_source, 0.0);
    for (int m = 0; m < m_memory; ++m)
        for (int n = 0; n < m_source; ++n)
            out[n] += usage[m] * encoder[qint64(m) * m_source + n];
    return out;
}

QVector<int> AttentionStats::topIndices(const QVector<double>& values, int k)
{
    QVector<int> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&values](int a, int b) { return values[a] > values[b]; });
    order.resize(std::max(0, std::min(k, int(values.size()))));
    return order;
}

}  // namespace xcomp
