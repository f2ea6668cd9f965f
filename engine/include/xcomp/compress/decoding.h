// xcomp/compress/decoding.h — the decoder side shared by training, evaluation and the workbench:
// teacher-forced loss given a memory, batched regeneration, and question answering.
#pragma once
#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "xcomp/compress/compressor.h"
#include "xcomp/model/generation.h"
#include "xcomp/io/tokenizer.h"

namespace xcomp {

// [BOS] + the question template filled with `question`.
std::vector<int64_t> qa_prompt_ids(const Tokenizer& tok, const LlamaConfig& config, const std::string& qa_template,
                                   const std::string& question);

// [BOS] + the context, a space and the filled template: the papers' full-text QA baseline.
std::vector<int64_t> full_context_qa_prompt_ids(const Tokenizer& tok, const LlamaConfig& config,
                                                const std::string& qa_template, const std::string& context,
                                                const std::string& question);

// How a batch's token losses become one number when its targets differ in length.
enum class LossNormalization {
    Token,   // mean over every target token of the batch: a 480-token text weighs 5x a 96-token one
    Sample,  // mean over rows of each row's mean: every text weighs the same (the reference codebases
             // pad to a fixed length, so each sample counts once)
};
LossNormalization parse_loss_normalization(const std::string& name);  // "token" | "sample"; throws xcomp::Error
const char* loss_normalization_name(LossNormalization n);

// Teacher-forced decoder input for decoder_loss, built on the host (pinned for a GPU) with every
// id checked against the vocabulary there, so the loss never waits on the GPU to check them.
struct DecoderTargets {
    at::Tensor input;   // [B, T] int64: prompts[b] + targets[b] without its last token, right-padded
    at::Tensor labels;  // [B, T] int64: the next target token, -100 on prompt and padding
    int64_t count = 0;  // target tokens (labels other than -100)
    DecoderTargets to(at::Device device, bool non_blocking = false) const;
};
DecoderTargets decoder_targets(const LlamaConfig& config, const std::vector<std::vector<int64_t>>& prompts,
                               const std::vector<std::vector<int64_t>>& targets, bool pinned = false);

// Cross-entropy over `targets` (each ends with EOS) when the decoder reads the memory, then
// prompts[b] (e.g. [BOS]), then targets[b] teacher-forced, reduced as `norm` says. Rows are
// right-padded. Differentiable with respect to the memory. `n_tokens` gets the number of target
// tokens. Returns a float32 scalar.
at::Tensor decoder_loss(const LlamaModel& decoder, const MemoryBatch& memory,
                        const std::vector<std::vector<int64_t>>& prompts,
                        const std::vector<std::vector<int64_t>>& targets, int64_t* n_tokens = nullptr,
                        LossNormalization norm = LossNormalization::Token);
// The same from prepared targets (on the decoder's device).
at::Tensor decoder_loss(const LlamaModel& decoder, const MemoryBatch& memory, const DecoderTargets& targets,
                        LossNormalization norm = LossNormalization::Token);

// Each row's mean cross-entropy over its targets (no grad): [B] float32 on the decoder's device.
at::Tensor decoder_row_losses(const LlamaModel& decoder, const MemoryBatch& memory, const DecoderTargets& targets);

// Greedy regeneration of every row: memory, [BOS], then up to max_new_tokens (EOS stops a row).
GenerationResult regenerate(const LlamaModel& decoder, const MemoryBatch& memory, const GenerationOptions& options);

// Greedy continuation after the memory (undefined memory: none) and `prompt` (one row).
GenerationResult continue_after(const LlamaModel& decoder, const MemoryBatch* memory, const std::vector<int64_t>& prompt,
                                const GenerationOptions& options);

// Greedy continuation of several prompts of different lengths (left-padded), each after its row of
// `memory` (null: no memory, e.g. the full-context baseline).
GenerationResult continue_batch(const LlamaModel& decoder, const MemoryBatch* memory,
                                const std::vector<std::vector<int64_t>>& prompts, GenerationOptions options);

// Token ids of a text cut to its first `n` tokens (whole text when shorter), decoded back.
std::string cut_to_tokens(const Tokenizer& tok, const std::string& text, int n, std::vector<int64_t>* ids = nullptr);

}  // namespace xcomp
