#include "reportconvert.h"

#include <QByteArray>

#include <algorithm>

#include "xcomp/io/utf8.h"

namespace xcomp::workbench {

Utf8Text::Utf8Text(const std::string& utf8)
{
    const std::size_t n = utf8.size();
    m_units.assign(n + 1, 0);
    m_charStart.assign(n + 1, 0);
    m_text.reserve(int(n));
    std::size_t i = 0;
    while (i < n) {
        std::size_t len = 1;
        char32_t cp = xcomp::utf8_decode_at(utf8, i, &len);
        if (cp == xcomp::kInvalidCodePoint)
            cp = 0xFFFD;  // one replacement character per invalid byte
        const int unit = int(m_text.size());
        for (std::size_t k = 0; k < len; ++k)
            m_units[i + k] = unit;
        m_charStart[i] = 1;
        if (cp >= 0x10000) {
            m_text.append(QChar(QChar::highSurrogate(cp)));
            m_text.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            m_text.append(QChar(char16_t(cp)));
        }
        i += len;
    }
    m_units[n] = int(m_text.size());
    m_charStart[n] = 1;
}

int Utf8Text::toUtf16(std::size_t byteOffset) const
{
    if (m_units.empty())
        return 0;
    return m_units[std::min(byteOffset, m_units.size() - 1)];
}

int Utf8Text::toUtf16End(std::size_t byteOffset) const
{
    if (m_units.empty())
        return 0;
    std::size_t b = std::min(byteOffset, m_units.size() - 1);
    while (!m_charStart[b])
        ++b;  // the end always is a character start
    return m_units[b];
}

std::size_t Utf8Text::toUtf8(int utf16Offset) const
{
    if (m_units.empty() || utf16Offset <= 0)
        return 0;
    // First byte whose character starts at or after the offset.
    const auto it = std::lower_bound(m_units.begin(), m_units.end(), utf16Offset);
    std::size_t b = std::size_t(it - m_units.begin());
    if (b >= m_units.size())
        return byteSize();
    while (b > 0 && !m_charStart[b])
        --b;
    // A low surrogate offset lies inside the 4-byte character that starts before it.
    if (m_units[b] > utf16Offset && b > 0) {
        std::size_t s = b - 1;
        while (s > 0 && !m_charStart[s])
            --s;
        return s;
    }
    return b;
}

QString fromStd(const std::string& utf8)
{
    return Utf8Text(utf8).text();
}

std::string toStd(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

QStringList fromStd(const std::vector<std::string>& list)
{
    QStringList out;
    out.reserve(qsizetype(list.size()));
    for (const std::string& s : list)
        out << fromStd(s);
    return out;
}

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    out.reserve(std::size_t(list.size()));
    for (const QString& s : list)
        out.push_back(toStd(s));
    return out;
}

view::ErrorType toViewType(xcomp::ErrorType type)
{
    switch (type) {
    case xcomp::ErrorType::Equal: return view::ErrorType::Equal;
    case xcomp::ErrorType::Mistake: return view::ErrorType::Mistake;
    case xcomp::ErrorType::InformationLoss: return view::ErrorType::InformationLoss;
    case xcomp::ErrorType::Hallucination: return view::ErrorType::Hallucination;
    case xcomp::ErrorType::Paraphrase: return view::ErrorType::Paraphrase;
    }
    return view::ErrorType::Equal;
}

view::DiffData toDiffData(const std::string& original, const std::string& regenerated,
                          const xcomp::Alignment& alignment)
{
    const Utf8Text ref(original);
    const Utf8Text hyp(regenerated);
    view::DiffData d;
    d.original = ref.text();
    d.regenerated = hyp.text();
    d.spans.reserve(qsizetype(alignment.spans.size()));
    for (const xcomp::AlignedSpan& s : alignment.spans) {
        view::DiffSpan v;
        v.type = toViewType(s.type);
        v.originalBegin = ref.toUtf16(s.ref_begin);
        v.originalEnd = std::max(v.originalBegin, ref.toUtf16End(s.ref_end));
        v.regeneratedBegin = hyp.toUtf16(s.hyp_begin);
        v.regeneratedEnd = std::max(v.regeneratedBegin, hyp.toUtf16End(s.hyp_end));
        d.spans << v;
    }
    return d;
}

view::RegenerationMetrics toMetrics(const xcomp::RegenerationReport& r)
{
    view::RegenerationMetrics m;
    m.bleu = r.scores.bleu;
    m.rougeLF = r.scores.rouge_l_f;
    m.exactMatch = r.scores.exact_match;
    m.prefixExactMatch = r.scores.prefix_exact_match;
    m.sourceTokens = r.source_tokens;
    // A chunked text takes m memory tokens per chunk.
    m.memoryTokens = r.compressor.memory_tokens * std::max<int>(1, int(r.chunks.size()));
    m.compressionRatio = m.memoryTokens > 0 ? double(r.source_tokens) / m.memoryTokens : 0.0;
    m.compressedBytes = r.compressed_bytes;
    m.fullKvBytes = r.full_kv_bytes;
    m.compressMs = r.compress_ms;
    m.regenerateMs = r.regenerate_ms;
    if (!r.evidence.probability.empty())
        m.teacherForcedAccuracy = r.evidence.teacher_forced_accuracy;
    return m;
}

view::TokenEvidence toTokenEvidence(const xcomp::RegenerationReport& r)
{
    view::TokenEvidence e;
    const xcomp::TokenEvidenceReport& t = r.evidence;
    const int n = int(t.probability.size());
    if (n == 0 || int(t.rank.size()) != n || int(t.entropy.size()) != n)
        return e;
    e.tokens = displayPieces(r.source_pieces);
    // One entry per target position: the text's tokens, then the end of text.
    while (e.tokens.size() < n)
        e.tokens << QString();
    e.tokens = e.tokens.mid(0, n);
    e.probability = QVector<float>(t.probability.begin(), t.probability.end());
    e.rank = QVector<int>(t.rank.begin(), t.rank.end());
    e.entropy = QVector<float>(t.entropy.begin(), t.entropy.end());
    e.originalRanges = pieceRanges(r.source_pieces, r.original);
    const int end = int(fromStd(r.original).size());
    while (e.originalRanges.size() < n)
        e.originalRanges << qMakePair(end, end);  // the end of text has no characters
    e.originalRanges = e.originalRanges.mid(0, n);
    e.teacherForcedAccuracy = t.teacher_forced_accuracy;
    e.firstDivergence = t.first_divergence < n ? t.first_divergence : n - 1;
    return e;
}

QString compressorLabel(const xcomp::CompressorInfo& info)
{
    if (!info.label.empty())
        return fromStd(info.label);
    if (!info.method.empty())
        return QStringLiteral("%1 m=%2").arg(fromStd(info.method)).arg(info.memory_tokens);
    return fromStd(info.id);
}

view::RegenerationView toRegenerationView(const xcomp::RegenerationReport& r)
{
    view::RegenerationView v;
    v.compressorLabel = compressorLabel(r.compressor);
    v.diff = toDiffData(r.original, r.regenerated, r.alignment);
    v.metrics = toMetrics(r);
    v.evidence = toTokenEvidence(r);
    v.upperBound = r.compressor.method.rfind("optimised", 0) == 0;
    return v;
}

view::AttentionData toAttentionData(const xcomp::RegenerationReport& r)
{
    view::AttentionData a;
    const xcomp::AttentionUsage& u = r.attention;
    if (u.layers <= 0 || u.heads <= 0)
        return a;
    a.layers = u.layers;
    a.heads = u.heads;
    a.memoryTokens = u.memory_tokens;
    a.generatedTokens = displayPieces(r.regenerated_pieces);
    a.sourceTokens = displayPieces(r.source_pieces);
    // Pad or cut the piece lists to the captured dimensions so the view's checks hold.
    while (a.generatedTokens.size() < u.generated)
        a.generatedTokens << QString();
    if (u.generated >= 0 && a.generatedTokens.size() > u.generated)
        a.generatedTokens = a.generatedTokens.mid(0, u.generated);
    while (a.sourceTokens.size() < u.source_tokens)
        a.sourceTokens << QString();
    if (u.source_tokens >= 0 && a.sourceTokens.size() > u.source_tokens)
        a.sourceTokens = a.sourceTokens.mid(0, u.source_tokens);
    a.memoryAttention = QVector<float>(u.memory_attention.begin(), u.memory_attention.end());
    a.memoryTotal = QVector<float>(u.memory_total.begin(), u.memory_total.end());
    a.encoderAttention = QVector<float>(u.encoder_attention.begin(), u.encoder_attention.end());
    return a;
}

view::ChunkOverview toChunkOverview(const xcomp::RegenerationReport& r, const std::string& text)
{
    view::ChunkOverview o;
    if (r.chunks.empty())
        return o;
    const Utf8Text t(text);
    o.windowTokens = r.window_tokens;
    o.memoryTokens = r.compressor.memory_tokens;
    for (const xcomp::RegenerationReport& c : r.chunks) {
        view::ChunkSummary s;
        s.tokenBegin = c.token_begin;
        s.tokens = c.source_tokens;
        s.textBegin = t.toUtf16(c.text_begin);
        s.textEnd = t.toUtf16End(c.text_end);
        s.bleu = c.scores.bleu;
        s.rougeLF = c.scores.rouge_l_f;
        s.exactMatch = c.scores.exact_match;
        s.teacherForcedAccuracy = c.evidence.probability.empty() ? -1 : c.evidence.teacher_forced_accuracy;
        o.chunks << s;
    }
    o.whole = toMetrics(r);
    o.hasTogether = !r.together.empty();
    if (o.hasTogether) {
        o.together = toMetrics(r.together.front());
        o.together.memoryTokens = o.whole.memoryTokens;  // every chunk's memory tokens, read at once
        o.together.compressionRatio = o.whole.compressionRatio;
    }
    o.togetherNote = fromStd(r.together_note);
    return o;
}

view::InterpolationPoint toInterpolationPoint(const xcomp::InterpolationPoint& p)
{
    view::InterpolationPoint v;
    v.alpha = p.alpha;
    v.bleuToA = p.bleu_to_a;
    v.bleuToB = p.bleu_to_b;
    v.regenerated = fromStd(p.regenerated);
    return v;
}

view::EvalRow toEvalRow(const QString& id, const xcomp::RegenerationReport& r)
{
    view::EvalRow row;
    row.id = id;
    row.method = fromStd(r.compressor.method);
    row.memoryTokens = r.compressor.memory_tokens;
    row.compressor = fromStd(r.compressor.label);
    row.length = r.source_tokens;
    row.metrics = toMetrics(r);
    for (std::size_t t = 0; t < xcomp::kErrorTypeCount && t < std::size_t(view::kErrorTypeCount); ++t)
        row.errorCounts[t] = r.alignment.counts[t];
    row.diff = toDiffData(r.original, r.regenerated, r.alignment);
    return row;
}

view::AblationData toAblationData(const xcomp::AblationReport& r, const xcomp::AblationRequest& q,
                                  const QString& compressorLabel, const QString& donorText)
{
    view::AblationData a;
    a.compressorLabel = compressorLabel;
    a.mode = fromStd(q.mode);
    a.memoryToken = q.memory_token;
    a.donorText = q.mode == "replace" ? donorText : QString();
    a.diff = toDiffData(r.unablated, r.ablated, r.vs_unablated);
    a.metrics.bleu = r.scores.bleu;
    a.metrics.rougeLF = r.scores.rouge_l_f;
    a.metrics.exactMatch = r.scores.exact_match;
    a.metrics.prefixExactMatch = r.scores.prefix_exact_match;
    a.metrics.memoryTokens = int(r.importance.size());
    a.loss = r.loss;
    a.importance = QVector<double>(r.importance.begin(), r.importance.end());
    a.cancelled = r.cancelled;
    return a;
}

namespace {

// The byte a byte-fallback piece "<0xHH>" stands for, or -1 for any other piece.
int fallbackByte(const std::string& piece)
{
    if (piece.size() != 6 || piece.compare(0, 3, "<0x") != 0 || piece[5] != '>')
        return -1;
    bool ok = false;
    const int v = QByteArray::fromStdString(piece.substr(3, 2)).toInt(&ok, 16);
    return ok ? v : -1;
}

// A piece as the bytes it stands for: U+2581 -> space, "<0xHH>" -> that byte.
std::string pieceBytes(const std::string& piece)
{
    if (const int b = fallbackByte(piece); b >= 0)
        return std::string(1, char(b));
    static const std::string kSpace = "\xE2\x96\x81";
    std::string out;
    out.reserve(piece.size());
    for (std::size_t i = 0; i < piece.size();) {
        if (piece.compare(i, kSpace.size(), kSpace) == 0) {
            out.push_back(' ');
            i += kSpace.size();
        } else {
            out.push_back(piece[i++]);
        }
    }
    return out;
}

bool isAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

QVector<QPair<int, int>> pieceRanges(const std::vector<std::string>& pieces, const std::string& text)
{
    const Utf8Text decoded(text);
    QVector<QPair<int, int>> out;
    out.reserve(qsizetype(pieces.size()));
    std::size_t cursor = 0;
    constexpr std::size_t kWindow = 24;  // how far ahead a piece may be found (skipped spaces etc.)
    for (const std::string& raw : pieces) {
        std::string p = pieceBytes(raw);
        std::size_t begin = cursor, end = cursor;
        if (!p.empty() && text.compare(cursor, p.size(), p) == 0) {
            end = cursor + p.size();
        } else {
            // Drop leading spaces the decoder removed (start of text) or that the text lacks.
            std::size_t lead = 0;
            while (lead < p.size() && isAsciiSpace(p[lead]))
                ++lead;
            const std::string core = p.substr(lead);
            if (!core.empty()) {
                const std::size_t found = text.find(core, cursor);
                if (found != std::string::npos && found - cursor <= kWindow) {
                    begin = found;
                    end = found + core.size();
                }
            } else if (cursor < text.size() && isAsciiSpace(text[cursor])) {
                end = cursor + 1;  // a whitespace-only piece
            }
        }
        out << qMakePair(decoded.toUtf16(begin), decoded.toUtf16End(end));
        cursor = end;
    }
    return out;
}

QStringList displayPieces(const std::vector<std::string>& pieces)
{
    QStringList out = fromStd(pieces);
    auto byteOf = [&](std::size_t i) { return fallbackByte(pieces[i]); };
    for (std::size_t i = 0; i < pieces.size();) {
        // Up to four consecutive byte pieces, shown as the character they spell when they spell one.
        std::string bytes;
        for (std::size_t k = i; k < pieces.size() && k < i + 4 && byteOf(k) >= 0; ++k)
            bytes += char(byteOf(k));
        std::size_t n = 1;
        if (bytes.empty() || xcomp::utf8_decode_at(bytes, 0, &n) == xcomp::kInvalidCodePoint) {
            ++i;
            continue;
        }
        const QString ch = QString::fromUtf8(bytes.data(), qsizetype(n));
        for (std::size_t k = 0; k < n; ++k)
            out[qsizetype(i + k)] = ch;
        i += n;
    }
    return out;
}

int pieceAt(const QVector<QPair<int, int>>& ranges, int position)
{
    if (position < 0)
        return -1;
    int best = -1;
    for (int i = 0; i < ranges.size(); ++i) {
        const auto& r = ranges.at(i);
        if (r.first <= position && position < r.second)
            return i;
        if (r.first <= position && r.second > r.first)
            best = i;
    }
    return best;
}

}  // namespace xcomp::workbench
