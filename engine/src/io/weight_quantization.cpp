// Per-row int8 storage of compressor projection matrices (see weight_quantization.h).
#include "xcomp/io/weight_quantization.h"

#include <filesystem>

#include "xcomp/compress/compressor.h"
#include "xcomp/error.h"
#include "xcomp/io/tensor_io.h"

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

at::Tensor read_weight(const std::shared_ptr<SafeTensorsFile>& file, const TensorInfo& info, const std::string& path) {
    const at::Tensor view = tensor_view(file, info);
    if (info.dtype != DType::I8) {
        check_finite(view, path, info.name);
        return view;
    }
    const std::string sname = int8_scale_name(info.name);
    const TensorInfo* s = file->find(sname);
    if (!s) throw Error(path + ": int8 tensor '" + info.name + "' has no scale '" + sname + "'");
    if (info.shape.size() != 2 || s->shape != std::vector<int64_t>{info.shape[0]} ||
        !at::isFloatingType(to_scalar_type(s->dtype)))
        throw Error(path + ": scale '" + sname + "' must be a floating vector of " + std::to_string(info.shape.at(0)) +
                    " (one per row of '" + info.name + "')");
    const at::Tensor scale = tensor_view(file, *s);  // [out]
    check_finite(scale, path, sname);
    if ((scale < 0).any().item<bool>()) throw Error(path + ": scale '" + sname + "' holds negative values");
    return dequantize_rows_int8(view, scale);  // [out, in]
}


QuantizeReport quantize_compressor_int8(const std::string& dir) {
    const fs::path cfg = fs::path(dir) / "compressor.json";
    if (!fs::exists(cfg)) throw Error(dir + ": not a compressor folder (no compressor.json)");
    // An AOC compressor's own attention stack, or a LoRA compressor's adapter (A [r, in], B [out, r]).
    const bool aoc = CompressorConfig::from_file(cfg.string()).method == Method::AOC;
    const std::string path = (aoc ? fs::path(dir) / "encoder.safetensors" : fs::path(dir) / "adapter" / "adapter_model.safetensors").string();
    if (!fs::exists(path)) throw Error(path + ": not found");
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
