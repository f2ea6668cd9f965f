// safetensors <-> at::Tensor bridge.
#include "xcomp/io/atomic_file.h"
#include "xcomp/io/tensor_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "xcomp/error.h"

namespace xcomp {

at::ScalarType to_scalar_type(DType dtype) {
    switch (dtype) {
    case DType::F32: return at::kFloat;
    case DType::F16: return at::kHalf;
    case DType::BF16: return at::kBFloat16;
    case DType::I64: return at::kLong;
    case DType::I32: return at::kInt;
    case DType::I8: return at::kChar;
    case DType::U8: return at::kByte;
    }
    throw Error("unsupported dtype");
}

DType to_dtype(at::ScalarType type) {
    switch (type) {
    case at::kFloat: return DType::F32;
    case at::kHalf: return DType::F16;
    case at::kBFloat16: return DType::BF16;
    case at::kLong: return DType::I64;
    case at::kInt: return DType::I32;
    case at::kChar: return DType::I8;
    case at::kByte: return DType::U8;
    case at::kBool: return DType::U8;
    default: throw Error(std::string("cannot store tensors of type ") + c10::toString(type) + " in safetensors");
    }
}

at::Tensor tensor_view(const std::shared_ptr<SafeTensorsFile>& file, const TensorInfo& info) {
    auto keep = file;  // the mapping lives as long as any view of it
    void* data = const_cast<uint8_t*>(file->data(info));
    auto options = at::TensorOptions().dtype(to_scalar_type(info.dtype));
    if (info.numel() == 0) return at::empty(info.shape, options);
    return at::from_blob(data, info.shape, [keep](void*) {}, options);
}

void check_finite(const at::Tensor& t, const std::string& file, const std::string& name) {
    if (!t.defined() || !at::isFloatingType(t.scalar_type()) || t.numel() == 0) return;
    // Chunks bound the temporary bool mask for large embedding matrices.
    const at::Tensor flat = t.reshape({-1});  // [numel]
    const int64_t n = flat.numel(), chunk = int64_t(1) << 24;
    for (int64_t begin = 0; begin < n; begin += chunk) {
        if (!at::isfinite(flat.slice(0, begin, std::min(n, begin + chunk))).all().item<bool>())
            throw Error(file + ": tensor '" + name + "' holds NaN or Inf values; the file is damaged");
    }
}

at::Tensor cast_checked(const at::Tensor& t, at::Device device, at::ScalarType dtype, const std::string& file,
                        const std::string& name) {
    at::Tensor out = t.to(device, dtype, /*non_blocking=*/false, /*copy=*/true);
    if (dtype == at::kHalf && t.scalar_type() != at::kHalf && at::isFloatingType(t.scalar_type()) && out.numel() > 0 &&
        !at::isfinite(out).all().item<bool>())
        throw Error(file + ": tensor '" + name + "' holds values beyond float16's range (65504); load the model as "
                    "bfloat16 or float32 (--dtype bfloat16)");
    return out;
}

TensorMap load_safetensors(const std::string& path, std::map<std::string, std::string>* metadata) {
    auto file = SafeTensorsFile::open(path);
    TensorMap out;
    for (const auto& info : file->tensors()) out[info.name] = tensor_view(file, info);
    if (metadata) *metadata = file->metadata();
    return out;
}

void save_safetensors(const std::string& path, const TensorMap& tensors,
                      const std::map<std::string, std::string>& metadata) {
    SafeTensorsWriter writer;
    for (const auto& [k, v] : metadata) writer.set_metadata(k, v);
    for (const auto& [name, tensor] : tensors) {
        at::Tensor t = tensor.detach().to(at::kCPU).contiguous();
        if (t.scalar_type() == at::kBool) t = t.to(at::kByte);
        writer.add(name, to_dtype(t.scalar_type()), t.sizes().vec(), t.data_ptr(),
                   static_cast<size_t>(t.numel()) * t.element_size());
    }
    writer.write(path);
}

void save_sharded(const std::string& dir, const TensorMap& tensors, size_t max_shard_bytes, const std::string& stem) {
    namespace fs = std::filesystem;
    fs::create_directories(dir);
    size_t total = 0;
    for (const auto& [name, t] : tensors) total += static_cast<size_t>(t.numel()) * t.element_size();
    // Remove any earlier layout so a reader never mixes old and new files.
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string n = entry.path().filename().string();
        if (n.rfind(stem + "-", 0) == 0 && n.size() > 12 && n.substr(n.size() - 12) == ".safetensors") fs::remove(entry);
    }
    fs::remove(fs::path(dir) / (stem + ".safetensors.index.json"));
    if (total <= max_shard_bytes) {
        save_safetensors((fs::path(dir) / (stem + ".safetensors")).string(), tensors, {{"format", "pt"}});
        return;
    }
    fs::remove(fs::path(dir) / (stem + ".safetensors"));
    std::vector<TensorMap> shards(1);
    size_t current = 0;
    for (const auto& [name, t] : tensors) {
        const size_t bytes = static_cast<size_t>(t.numel()) * t.element_size();
        if (current > 0 && current + bytes > max_shard_bytes) {
            shards.emplace_back();
            current = 0;
        }
        shards.back()[name] = t;
        current += bytes;
    }
    nlohmann::json index;
    index["metadata"] = {{"total_size", total}};
    index["weight_map"] = nlohmann::json::object();
    char buf[64];
    for (size_t i = 0; i < shards.size(); ++i) {
        std::snprintf(buf, sizeof buf, "-%05zu-of-%05zu.safetensors", i + 1, shards.size());
        const std::string file = stem + buf;
        save_safetensors((fs::path(dir) / file).string(), shards[i], {{"format", "pt"}});
        for (const auto& [name, t] : shards[i]) index["weight_map"][name] = file;
    }
    const fs::path index_path = fs::path(dir) / (stem + ".safetensors.index.json");
    write_file_atomically(index_path.string(), index.dump(2) + "\n");
}

}  // namespace xcomp
