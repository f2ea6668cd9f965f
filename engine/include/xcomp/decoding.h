// xcomp/decoding.h — the decoder side shared by training, evaluation and the workbench:
// teacher-forced loss given a memory, batched regeneration, and question answering.
#pragma once
#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "xcomp/compressor.h"
#include "xcomp/generation.h"
#include "xcomp/tokenizer.h"

namespace xcomp {

// [BOS] + the question template filled with `question`.
std::vector<int64_t> qa_prompt_ids(const Tokenizer& tok, const LlamaConfig& config, const std::string& qa_template,
                                   const std::string& question);

// [BOS] + the context, a space and the filled template: the papers' full-text QA baseline.
std::vector<int64_t> full_context_qa_prompt_ids(const Tokenizer& tok, const LlamaConfig& config,
                                                const std::string& qa_template, const std::string& context,
                                                const std::string& question);

// Mean cross-entropy over `targets` (each ends with EOS) when the decoder reads the memory, then
// prompts[b] (e.g. [BOS]), then targets[b] teacher-forced. Rows are right-padded. Differentiable
// with respect to the memory. `n_tokens` gets the number of target tokens.
at::Tensor decoder_loss(const LlamaModel& decoder, const MemoryBatch& memory,
                        const std::vector<std::vector<int64_t>>& prompts,
                        const std::vector<std::vector<int64_t>>& targets, int64_t* n_tokens = nullptr);

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
