// Per-row int8 storage of compressor projection matrices (see weight_quantization.h).
#include "xcomp/weight_quantization.h"

#include <filesystem>

#include "xcomp/compressor.h"
#include "xcomp/error.h"
#include "xcomp/tensor_io.h"

namespace xcomp {
namespace fs = std::filesystem;

Int8Rows quantize_rows_int8(const at::Tensor& w) {
    if (w.dim() != 2 || !at::isFloatingType(w.scalar_type())) throw Error("int8 rows need a 2-D floating matrix");
    const at::Tensor x = w.detach().to(at::kCPU, at::kFloat);                   // [out, in]
    const at::Tensor scale = std::get<0>(x.abs().max(1)) / 127.0;             // [out]
    const at::Tensor safe = at::where(scale > 0, scale, at::ones_like(scale));  // an all-zero row divides by 1
    const at::Tensor q = at::round(x / safe.unsqueeze(1)).clamp(-127, 127).to(at::kChar);  // [out, in]
    return {q, scale};
}

at::Tensor dequantize_rows_int8(const at::Tensor& values, const at::Tensor& scale) {
    return values.to(at::kFloat) * scale.to(values.device(), at::kFloat).unsqueeze(1);  // [out, in]
}

std::string int8_scale_name(const std::string& name) { return name + "_scale"; }

QuantizeReport quantize_compressor_int8(const std::string& dir) {
    const fs::path cfg = fs::path(dir) / "compressor.json";
    if (!fs::exists(cfg)) throw Error(dir + ": not a compressor folder (no compressor.json)");
    if (CompressorConfig::from_file(cfg.string()).method != Method::AOC)
        throw Error(dir + ": only AOC compressors hold weight matrices of their own; LoRA adapters stay as they are");
    const std::string path = (fs::path(dir) / "encoder.safetensors").string();
    std::map<std::string, std::string> meta;
    TensorMap in = load_safetensors(path, &meta);
    QuantizeReport r;
    r.bytes_before = fs::file_size(path);
    TensorMap out;
    for (const auto& [name, t] : in) {
        if (t.scalar_type() == at::kChar) {
            ++r.already;
            out[name] = t.clone();
            continue;
        }
        if (name.size() > 6 && name.substr(name.size() - 6) == "_scale" && in.count(name.substr(0, name.size() - 6))) {
            out[name] = t.clone();
            continue;
        }
        check_finite(t, path, name);
        if (t.dim() == 2 && at::isFloatingType(t.scalar_type())) {
            Int8Rows q = quantize_rows_int8(t);
            out[name] = q.values;
            out[int8_scale_name(name)] = q.scale;
            ++r.matrices;
        } else {
            out[name] = t.clone();  // detached from the mapping before the file is replaced
        }
    }
    in.clear();
    meta["xcomp_weight_storage"] = "int8 rows";
    save_safetensors(path, out, meta);
    r.bytes_after = fs::file_size(path);
    return r;
}

}  // namespace xcomp
