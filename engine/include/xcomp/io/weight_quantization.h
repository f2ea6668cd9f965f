// xcomp/io/weight_quantization.h — int8 storage of a compressor's matrices: an AOC compressor's
// projections, a LoRA compressor's adapter factors.
//
// Weight-only, per output row, symmetric: row i of W [out, in] is stored as int8 values q[i, :]
// and one float32 scale s[i] = max|W[i, :]| / 127, and read back as q * s. A matrix named
// "<name>.weight" keeps its name (dtype I8) and gains "<name>.weight_scale" [out] (the
// compressed-tensors convention). It halves an AOC compressor's file against bf16; compute
// stays in the model's dtype (the matrix is dequantized at load).
#pragma once
#include <ATen/ATen.h>

#include <memory>
#include <string>

#include "xcomp/io/safetensors.h"

namespace xcomp {

struct Int8Rows {
    at::Tensor values;  // [out, in] int8, in [-127, 127]
    at::Tensor scale;   // [out] float32, >= 0 (0 for an all-zero row)
};

// w: [out, in], floating, finite. Round to nearest.
Int8Rows quantize_rows_int8(const at::Tensor& w);

// values: [out, in] int8; scale: [out] floating -> [out, in] float32.
at::Tensor dequantize_rows_int8(const at::Tensor& values, const at::Tensor& scale);

// The name of the scale that goes with quantized matrix `name`.
std::string int8_scale_name(const std::string& name);

// Tensor `info` of `file` as float (CPU): as stored (checked finite), or, when int8, dequantized with
// its scale from the same file ([out, in]). A missing, misshaped, non-finite or negative scale is an
// xcomp::Error naming `path`.
at::Tensor read_weight(const std::shared_ptr<SafeTensorsFile>& file, const TensorInfo& info, const std::string& path);

struct QuantizeReport {
    int matrices = 0;          // matrices written as int8 by this call
    int already = 0;           // matrices that were int8 already (left as they are)
    uint64_t bytes_before = 0;  // size of the file before and after
    uint64_t bytes_after = 0;
};

// Rewrites a compressor's own weights in `compressor_dir` (atomically) with every two-dimensional
// floating tensor stored as int8 rows; 1-D tensors (norms) stay as they are. AOC: encoder.safetensors;
// 500x/ICAE/LoRA-AOC: adapter/adapter_model.safetensors (then no longer loadable by PEFT as it is;
// tools/bench_peer.py dequantizes a copy). Throws xcomp::Error when the folder is not a compressor
// or a tensor is not finite.
QuantizeReport quantize_compressor_int8(const std::string& compressor_dir);

}  // namespace xcomp
