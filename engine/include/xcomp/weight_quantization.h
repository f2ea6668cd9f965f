// xcomp/weight_quantization.h — int8 storage of an AOC compressor's projection matrices.
//
// Weight-only, per output row, symmetric: row i of W [out, in] is stored as int8 values q[i, :]
// and one float32 scale s[i] = max|W[i, :]| / 127, and read back as q * s. A matrix named
// "<name>.weight" keeps its name (dtype I8) and gains "<name>.weight_scale" [out] (the
// compressed-tensors convention). It halves an AOC compressor's file against bf16; compute
// stays in the model's dtype (the matrix is dequantized at load).
#pragma once
#include <ATen/ATen.h>

#include <string>

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

struct QuantizeReport {
    int matrices = 0;          // matrices written as int8 by this call
    int already = 0;           // matrices that were int8 already (left as they are)
    uint64_t bytes_before = 0;  // size of the file before and after
    uint64_t bytes_after = 0;
};

// Rewrites an AOC compressor's encoder.safetensors in `compressor_dir` (atomically) with every
// two-dimensional floating tensor stored as int8 rows; 1-D tensors (norms) stay as they are.
// Throws xcomp::Error when the folder is not an AOC compressor or a tensor is not finite.
QuantizeReport quantize_compressor_int8(const std::string& compressor_dir);

}  // namespace xcomp
