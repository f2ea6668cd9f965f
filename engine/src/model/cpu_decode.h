// Greedy decoding on the CPU without ATen's per-operator cost (DecodeMode::CpuLoop).
#pragma once
#include <ATen/ATen.h>

#include "xcomp/model/generation.h"
#include "xcomp/model/model.h"

namespace xcomp {

// True when the CPU loop can run this request: a float32 model on the CPU, no LoRA while decoding,
// no left-padded prompts. Anything else decodes through the forward pass (Dynamic).
bool cpu_loop_supports(const LlamaModel& model, const GenerationOptions& options);

// prompt_ids [B, T] after `cache`; the same contract and, up to float rounding, the same tokens as
// the Dynamic loop, attention capture included (B = 1).
GenerationResult cpu_decode_loop(const LlamaModel& model, const at::Tensor& prompt_ids, KVCache cache,
                                 const GenerationOptions& options);

}  // namespace xcomp
