// xcomp/eval/token_evidence.h — per-token evidence of a regeneration: how the frozen decoder rates each
// original token under teacher forcing from the memory (its probability, its rank, the entropy of the
// distribution), where greedy decoding first leaves the original, and teacher-forced accuracy, which
// users confuse with greedy exact match: one wrong greedy token derails everything after it, while
// teacher forcing gives the decoder the original prefix at every position.
#pragma once
#include <cstdint>
#include <vector>

#include "xcomp/compress/compressor.h"

namespace xcomp {

struct TokenEvidence {
    // Per target position: the text's tokens, then EOS (n + 1 entries for a text of n tokens).
    std::vector<float> probability;  // p(original token | memory, [BOS], original prefix)
    std::vector<int> rank;           // 1: the decoder's first choice (ties count against the token)
    std::vector<float> entropy;      // of the decoder's distribution there, in nats
    double teacher_forced_accuracy = 0;  // share of positions with rank 1
    double mean_log_probability = 0;     // mean of log p over the positions (minus the loss)
    // First position where the greedy regeneration differs from the original (a missing token or
    // a missing EOS counts); -1 when the regeneration is the original exactly.
    int first_divergence = -1;
};

// Row b: memory row b, the original `texts[b]` (no BOS, no EOS) and the greedy regeneration
// `greedy[b]` (EOS excluded, as GenerationResult gives it; `hit_eos[b]` whether it ended with EOS).
// One teacher-forced pass of the decoder over the batch.
std::vector<TokenEvidence> token_evidence(const LlamaModel& decoder, const MemoryBatch& memory,
                                          const std::vector<std::vector<int64_t>>& texts,
                                          const std::vector<std::vector<int64_t>>& greedy, const std::vector<bool>& hit_eos);

// The first index where `greedy` (then EOS when `hit_eos`) leaves `text` (then EOS); -1 when equal.
int first_divergence(const std::vector<int64_t>& text, const std::vector<int64_t>& greedy, bool hit_eos);

}  // namespace xcomp
