// xcomp/io/tensor_io.h — safetensors <-> at::Tensor.
#pragma once
#include <ATen/ATen.h>

#include <map>
#include <string>

#include "xcomp/io/safetensors.h"

namespace xcomp {

using TensorMap = std::map<std::string, at::Tensor>;

at::ScalarType to_scalar_type(DType dtype);
DType to_dtype(at::ScalarType type);  // throws xcomp::Error for unsupported types

// A CPU tensor viewing the mapped bytes (no copy); it keeps `file` alive. Shape/dtype from `info`.
at::Tensor tensor_view(const std::shared_ptr<SafeTensorsFile>& file, const TensorInfo& info);

// Throws xcomp::Error "<file>: tensor '<name>' holds NaN or Inf values; the file is damaged" when a
// floating-point `t` (any shape, any device) holds a non-finite value; other dtypes pass.
void check_finite(const at::Tensor& t, const std::string& file, const std::string& name);

// `t` (already checked finite) copied to device and dtype. Casting to float16 can overflow
// (|x| > 65504) where the file's own dtype did not: that is refused with the tensor's name and the
// advice to load in bfloat16 or float32; the check runs only for that narrowing cast.
at::Tensor cast_checked(const at::Tensor& t, at::Device device, at::ScalarType dtype, const std::string& file,
                        const std::string& name);

// Reads every tensor of one file (views, CPU).
TensorMap load_safetensors(const std::string& path, std::map<std::string, std::string>* metadata = nullptr);

// Writes tensors (moved to CPU, made contiguous) atomically with optional metadata.
void save_safetensors(const std::string& path, const TensorMap& tensors,
                      const std::map<std::string, std::string>& metadata = {});

// Writes a Hugging Face style checkpoint into `dir`: one `<stem>.safetensors` when the total is at
// most `max_shard_bytes`, otherwise `<stem>-0000k-of-0000n.safetensors` plus `<stem>.safetensors.index.json`.
void save_sharded(const std::string& dir, const TensorMap& tensors, size_t max_shard_bytes,
                  const std::string& stem = "model");

}  // namespace xcomp
