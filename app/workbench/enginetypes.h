// app/workbench/enginetypes.h — the value structs that cross from the engine worker's thread to
// the GUI thread (queued signals). Qt types only; registered with qRegisterMetaType in
// registerEngineTypes(). The widgets' own structs (viewdata.h) are nested where they fit.
#pragma once
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "viewdata.h"

namespace xcomp::workbench {

struct CompressorEntry {
    QString id;      // e.g. "aoc-m4"
    QString label;   // e.g. "AOC m=4"
    QString method;  // "500x", "icae", "aoc", "lora-aoc"
    QString dir;
    int memoryTokens = 0;
    int maxSourceTokens = 0;
    bool qa = false;
    QString routing;    // "aoc-m16-t96 (texts up to 128 tokens), else aoc-m16"; empty without length variants
    int servesUpTo = 0; // a length variant's longest text (0 for a general compressor)
    QString variantOf;  // a length variant's family id ("" for a general compressor)
    int trainedShortest = 0, trainedLongest = 0;  // lengths of its training texts in tokens (0: unknown)
    // Optimised memory (method optimised-kv / optimised-emb): no trained weights; the memory is fitted
    // to each text by gradient descent, the upper bound of what m memory tokens hold for it.
    bool upperBound = false;
};

struct ModelEntry {
    QString dir, name, device, dtype, fingerprint;
    qint64 parameters = 0;
    int layers = 0, heads = 0, kvHeads = 0, headDim = 0, hiddenSize = 0, vocabSize = 0;
    QVector<CompressorEntry> compressors;
    QVector<CompressorEntry> optimised;  // the upper bounds, optimised-{kv,emb}-m{1,4,16}: run by id, slow
    QStringList warnings;  // compressors that could not be loaded, and why
};

// What the views of one regeneration show: the whole text, the reading together, or one chunk.
struct RegenerationPart {
    enum class Kind { Whole, Together, Chunk };
    Kind kind = Kind::Whole;
    int chunk = -1;                        // Chunk: 0-based
    view::RegenerationView view;           // diff + metrics + evidence
    view::AttentionData attention;         // layers == 0 when not captured
    QVector<QPair<int, int>> tokenRanges;  // UTF-16 range of each regenerated piece in its regeneration
};

// One compress-and-regenerate run.
struct RegenerationResult {
    quint64 job = 0;
    QString requestedId;                 // the id asked for
    CompressorEntry compressor;          // the one that ran (a length variant for a short text)
    view::RegenerationView view;         // diff + metrics
    view::AttentionData attention;       // layers == 0 when not captured
    QVector<QPair<int, int>> tokenRanges;  // UTF-16 range of each regenerated piece in the regeneration
    int errorCounts[view::kErrorTypeCount] = {0, 0, 0, 0, 0};
    bool cancelled = false;
    // A text too long for one window: view/attention/tokenRanges above are the whole text (the chunks'
    // regenerations joined); `parts` holds the whole, the reading together (when it ran) and every
    // chunk, in that order; `chunks` their numbers. Both empty for a text of one window.
    QVector<RegenerationPart> parts;
    view::ChunkOverview chunks;
};

struct QaResult {
    quint64 job = 0;
    QString compressorLabel;
    QString context, question;
    QStringList goldAnswers;
    QString answerCompressed, answerFull;
    bool hasGold = false;
    double f1Compressed = 0, emCompressed = 0, f1Full = 0, emFull = 0;
    double msCompressed = 0, msFull = 0;
};

// A compressed prompt held by the worker's session (slot A or B of the interpolation tab).
struct SlotEntry {
    int slot = -1;
    QString sourceText;
    QString compressorId;
    QString path;  // the .xcp it came from, if any
};

struct InterpolationResult {
    quint64 id = 0;
    double alpha = 0;
    bool spherical = false;
    bool sweep = false;  // a point of the background curve, not a slider request
    bool preview = false;  // only the first words (a drag of the slider); vsA/vsB are left empty
    view::DiffData vsA, vsB;
    view::InterpolationPoint point;
};

// One example of a batch dataset (a JSONL line).
struct BatchExample {
    QString id;
    QString text;          // "abstract", "text" or "context"
    QString question;      // empty for regeneration-only examples
    QStringList answers;
};

struct BatchRowResult {
    view::EvalRow row;
    bool hasQa = false;
    QaResult qa;
};

// A memory-token ablation: drop, zero or replace memory token k, regenerate, and each memory token's
// importance (issue 19, item 3).
struct AblationResult {
    quint64 job = 0;
    QString compressorId;  // the one that ran (a length variant for a short text)
    view::AblationData data;
};

void registerEngineTypes();

}  // namespace xcomp::workbench

Q_DECLARE_METATYPE(xcomp::workbench::CompressorEntry)
Q_DECLARE_METATYPE(xcomp::workbench::ModelEntry)
Q_DECLARE_METATYPE(xcomp::workbench::RegenerationResult)
Q_DECLARE_METATYPE(xcomp::workbench::QaResult)
Q_DECLARE_METATYPE(xcomp::workbench::SlotEntry)
Q_DECLARE_METATYPE(xcomp::workbench::InterpolationResult)
Q_DECLARE_METATYPE(xcomp::workbench::BatchExample)
Q_DECLARE_METATYPE(xcomp::workbench::BatchRowResult)
Q_DECLARE_METATYPE(xcomp::workbench::AblationResult)
