// xcomp/eval/memory_ablation.h — what each memory token carries: regenerate with memory token k
// dropped (the decoder no longer attends to it), zeroed, or replaced by token k of another compressed
// prompt, and rank the tokens by how much the decoder's loss on the original rises when each is dropped.
#pragma once
#include <string>
#include <vector>

#include "xcomp/compress/compressor.h"

namespace xcomp {

enum class AblationMode {
    Drop,     // masked: the decoder does not attend to it (positions of the rest unchanged)
    Zero,     // its K and V (or its embedding) set to zero: still attended, carrying nothing
    Replace,  // token k of a donor prompt from the same compressor in its place
};
const char* ablation_mode_name(AblationMode mode);             // "drop", "zero", "replace"
AblationMode parse_ablation_mode(const std::string& name);     // throws xcomp::Error

// A copy of the one-row `memory` with memory token k ablated; `donor` (same compressor, one row) for
// Replace. Throws xcomp::Error for k outside 0..m-1 or a donor of other shape.
MemoryBatch ablate_memory(const MemoryBatch& memory, int k, AblationMode mode, const MemoryBatch* donor = nullptr);

struct MemoryImportance {
    double loss = 0;                  // teacher-forced loss of [BOS] text EOS with every memory token (nats/token)
    std::vector<double> dropped_loss;  // [m]: the same with memory token k dropped
    // [m]: dropped_loss - loss, the loss increase when token k is dropped (its importance)
    std::vector<double> importance() const;
};

// One teacher-forced pass over m + 1 rows (all kept, then each token dropped) of one text's memory.
MemoryImportance memory_importance(const LlamaModel& decoder, const MemoryBatch& memory, const std::vector<int64_t>& text);

}  // namespace xcomp
