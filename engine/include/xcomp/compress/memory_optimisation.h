// xcomp/compress/memory_optimisation.h — "optimised memory": the upper bound of what m memory tokens
// can hold for one text. No encoder: the m memory tokens' KV values (like 500x/AOC) or m input
// embeddings (like ICAE) are fitted to the text by gradient descent on the frozen decoder's
// regeneration loss, as the cramming papers do (Kuratov et al. 2025, "Cramming 1568 tokens into a
// single vector"). A trained compressor's distance to this bound is what its encoder loses.
//
// It runs as the methods `optimised-kv` and `optimised-emb` of xcomp/compress/compressor.h:
// Compressor::encode optimises, so evaluation, .xcp files and regeneration take it as they take
// any compressor; ids such as "optimised-kv-m16" need no folder (optimised_compressor_config).
#pragma once
#include <ATen/ATen.h>

#include <optional>
#include <string>
#include <vector>

#include "xcomp/compress/compressor.h"
#include "xcomp/run_control.h"

namespace xcomp {

// What one optimisation ended with, per text.
struct MemoryOptimisationRow {
    int steps = 0;            // steps until the greedy regeneration was exact, else the budget
    bool exact = false;       // greedy regeneration from the memory is the text, then EOS
    double loss = 0;          // regeneration loss (mean over the text's tokens and EOS) at the end
};

struct MemoryOptimisationStats {
    std::vector<MemoryOptimisationRow> rows;
    int steps = 0;            // steps run (the batch stops when every row is exact)
    bool cancelled = false;   // control.cancel stopped it; the memory is the best so far
};

// Fits memory for each row of `ids` (text token ids, no BOS) to the frozen `decoder`:
// AdamW at a constant options.lr on the summed per-text loss of [BOS] text [EOS] given the memory,
// so every text gets the gradient it would get alone. Every options.check_every steps the batch is
// regenerated greedily; a row whose regeneration is exact keeps the memory of that moment. The
// memory starts from the decoder's own K/V (or embeddings) at m evenly spaced tokens of the text.
// Returns keys/values [L, B, Hkv, m, D] (`kv`) or embeddings [B, m, d], in the decoder's dtype.
// Progress: one unit per step, stage "optimise memory"; cancel read before every step.
MemoryBatch optimise_memory(const LlamaModel& decoder, const std::vector<std::vector<int64_t>>& ids, bool kv,
                            int memory_tokens, const MemoryOptimisationOptions& options, const RunControl* control = nullptr,
                            MemoryOptimisationStats* stats = nullptr);

// "optimised-kv-m16" or "optimised-emb-m4" (m in 1 .. kMaxMemoryTokens) as a compressor config with
// the default options; nullopt for any other id.
std::optional<CompressorConfig> optimised_compressor_config(const std::string& id);

}  // namespace xcomp
