// Rotary position embeddings as transformers computes them (default, linear, llama3).
#pragma once
#include <ATen/ATen.h>

#include "xcomp/io/config.h"

namespace xcomp {

// inv_freq [D/2] float32, after the config's scaling.
at::Tensor rope_inv_freq(const LlamaConfig& config, at::Device device);

// position_ids [B, T] int64 -> cos, sin [B, T, D] in `dtype` (computed in float32, then cast).
void rope_cos_sin(const at::Tensor& inv_freq, const at::Tensor& position_ids, at::ScalarType dtype, at::Tensor* cos,
                  at::Tensor* sin);

// x [B, H, T, D], cos/sin [B, T, D] -> x rotated (rotate_half convention).
at::Tensor apply_rope(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin);

}  // namespace xcomp
