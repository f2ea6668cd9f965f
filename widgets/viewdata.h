// widgets/viewdata.h — the plain value structs every view is fed with. They cross the thread
// boundary from the engine worker (queued signals), so they hold Qt containers and no tensors.
#pragma once
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace xcomp::view {

// The 500xCompressor paper's error categories (its Table 1).
enum class ErrorType { Equal = 0, Mistake, InformationLoss, Hallucination, Paraphrase };
constexpr int kErrorTypeCount = 5;

// One aligned span; offsets are QString (UTF-16) offsets. An information-loss span has an empty
// regenerated range, a hallucination an empty original range.
struct DiffSpan {
    ErrorType type = ErrorType::Equal;
    int originalBegin = 0, originalEnd = 0;
    int regeneratedBegin = 0, regeneratedEnd = 0;
};

struct DiffData {
    QString original;
    QString regenerated;
    QVector<DiffSpan> spans;  // in text order; Equal spans may be present or omitted
};

struct RegenerationMetrics {
    double bleu = 0;        // NLTK sentence_bleu, 4-gram, smoothing method1
    double rougeLF = 0;     // ROUGE-L F
    double exactMatch = 0;  // 1 when identical
    double prefixExactMatch = 0;  // share of the original matched before the first mismatch
    int sourceTokens = 0;
    int memoryTokens = 0;
    double compressionRatio = 0;   // sourceTokens / memoryTokens
    qint64 compressedBytes = 0;    // size of the compressed prompt
    qint64 fullKvBytes = 0;        // KV cache of the full text in the decoder
    double compressMs = 0;
    double regenerateMs = 0;
    // The compressor's training lengths and limit in tokens (0: unknown): a text outside them is flagged.
    int trainedShortest = 0, trainedLongest = 0, maxSourceTokens = 0;
    // Share of the original's tokens the decoder ranks first when fed the original prefix (teacher
    // forcing); unlike exact match, one early error does not spoil the rest. < 0: not measured.
    double teacherForcedAccuracy = -1;
};

// How the frozen decoder rates each original token under teacher forcing from the memory tokens
// (the engine's TokenEvidenceReport): one entry per token of the original, then one for the end.
struct TokenEvidence {
    QStringList tokens;          // the original's pieces as a reader sees them, then "" for the end
    QVector<float> probability;  // p(original token | memory tokens, original prefix)
    QVector<int> rank;           // 1: the decoder's first choice
    QVector<float> entropy;      // of the decoder's distribution there, in nats
    QVector<QPair<int, int>> originalRanges;  // UTF-16 range of each token in the original (empty at the end)
    double teacherForcedAccuracy = 0;  // share of rank-1 positions
    int firstDivergence = -1;    // first position where greedy decoding leaves the original; -1: exact
    int size() const { return int(probability.size()); }
    bool isEmpty() const { return probability.isEmpty(); }
};

// One compressor's result on one text: a column of the compare view.
struct RegenerationView {
    QString compressorLabel;  // e.g. "AOC m=4"
    DiffData diff;
    RegenerationMetrics metrics;
    TokenEvidence evidence;  // empty when not measured (a batch row, an old session)
    // Optimised memory (optimised-kv/-emb): fitted to this text, the upper bound for its m, not a compressor.
    bool upperBound = false;
};

// One chunk of a text too long for one window (the engine's chunked RegenerationReport): where it
// lies in the text and how well it came back from its own memory tokens.
struct ChunkSummary {
    int tokenBegin = 0, tokens = 0;   // its tokens within the whole text's (the chunks' tokens in a row)
    int textBegin = 0, textEnd = 0;   // UTF-16 range in the text that was compressed
    double bleu = 0, rougeLF = 0, exactMatch = 0;
    double teacherForcedAccuracy = -1;  // < 0: not measured (a cancelled run)
};

// All chunks of one text, the whole (the chunks' regenerations joined) and the multi-span reading
// (every chunk's memory tokens at once), which the decoder was not trained for.
struct ChunkOverview {
    int windowTokens = 0;        // the longest a chunk may be, in tokens
    int memoryTokens = 0;        // m per chunk
    QVector<ChunkSummary> chunks;
    RegenerationMetrics whole;
    bool hasTogether = false;
    RegenerationMetrics together;
    QString togetherNote;        // why there is no multi-span reading (the context is too short, ...)
    bool isEmpty() const { return chunks.isEmpty(); }
};

// Attention usage of one regeneration. L layers, H heads, G generated tokens, M memory tokens,
// N source tokens. Row-major flat arrays.
struct AttentionData {
    int layers = 0, heads = 0, memoryTokens = 0;
    QStringList generatedTokens;  // G pieces of the regeneration
    QStringList sourceTokens;     // N pieces of the source text
    QVector<float> memoryAttention;   // [L][H][G][M]: weight of each generated token on each memory token
    QVector<float> memoryTotal;       // [L][H][G]: total weight on the memory tokens (the rest is on the text)
    QVector<float> encoderAttention;  // [L][H][M][N]: each memory token's weight on each source token
};

// Memory-token ablation (the engine's AblationReport): what memory token k carries.
struct AblationData {
    QString compressorLabel;
    QString mode;              // "drop", "zero" or "replace"
    int memoryToken = -1;      // k, 0-based
    QString donorText;         // replace: the text whose memory token k was swapped in
    DiffData diff;             // the unablated regeneration (original side) against the ablated one
    RegenerationMetrics metrics;  // the ablated regeneration against the original text
    double loss = 0;           // teacher-forced loss with every memory token, nats per token
    QVector<double> importance;  // per memory token: the loss increase when it is dropped
    bool cancelled = false;
    bool isEmpty() const { return importance.isEmpty(); }
};

struct InterpolationPoint {
    double alpha = 0;
    double bleuToA = 0;
    double bleuToB = 0;
    QString regenerated;
};

// One example of a batch evaluation (a row of the dashboard).
struct EvalRow {
    QString id;
    QString method;      // "500x", "icae", "aoc", "lora-aoc"
    int memoryTokens = 0;
    QString compressor;  // compressor label, e.g. "AOC m=16 (96-token texts)"; empty: method and m name it
    int length = 0;      // source tokens
    RegenerationMetrics metrics;
    int errorCounts[kErrorTypeCount] = {0, 0, 0, 0, 0};  // spans per ErrorType
    DiffData diff;
    // The compressed prompt as one vector (keys and values of every layer, or embeddings), for the
    // latent map; empty when not taken (an upper bound, a restored session). Not saved.
    QVector<float> latent;
};

}  // namespace xcomp::view

Q_DECLARE_METATYPE(xcomp::view::DiffData)
Q_DECLARE_METATYPE(xcomp::view::TokenEvidence)
Q_DECLARE_METATYPE(xcomp::view::RegenerationView)
Q_DECLARE_METATYPE(xcomp::view::AttentionData)
Q_DECLARE_METATYPE(xcomp::view::ChunkOverview)
Q_DECLARE_METATYPE(xcomp::view::InterpolationPoint)
Q_DECLARE_METATYPE(xcomp::view::AblationData)
Q_DECLARE_METATYPE(xcomp::view::EvalRow)
