// app/workbench/compressorlengths.h — which text lengths a compressor knows: the lengths of its
// training texts (compressor.json's training.tokens, [shortest, longest] of the last run) and, for a
// family with length variants, which member runs a text (the engine's CompressorFamilies rule: the
// variant with the smallest serves_up_to that covers the text, else the general compressor). A text
// outside the trained lengths is accepted up to max_source_tokens, but regenerates much worse; the
// window says so instead of failing silently.
#pragma once
#include <QString>
#include <QVector>

#include "enginetypes.h"

namespace xcomp::workbench {

class CompressorLengths {
public:
    struct Range {
        int shortest = 0, longest = 0;  // 0, 0: unknown (no training record)
        bool known() const { return longest > 0; }
    };

    // The training record of `<compressorDir>/compressor.json`; unknown when there is none.
    static Range trained(const QString& compressorDir);

    // The member of `id`'s family that runs a text of `tokens` tokens (nullptr when `id` is unknown).
    static const CompressorEntry* routed(const QVector<CompressorEntry>& all, const QString& id, int tokens);

    // A sentence for people when `tokens` is outside what `c` was trained on or accepts; "" otherwise
    // (MetricsStrip::lengthWarning, the same words as under the numbers of a regeneration).
    static QString warning(const CompressorEntry& c, int tokens);

    // The fewest chunks a text of `tokens` tokens is cut into (the engine's split_into_chunks): with a
    // chosen window (> 0), 1 up to it, else ceil(tokens / window); without, 1 up to max_source_tokens,
    // else ceil(tokens / window) with the window the longest trained text (capped at
    // max_source_tokens). Sentence ends may make more.
    static int leastChunks(const CompressorEntry& c, int tokens, int chosenWindow = 0);
};

}  // namespace xcomp::workbench
