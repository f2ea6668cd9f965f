// PEFT LoRA adapters: loading, saving (PEFT's layout) and initialisation.
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "xcomp/io/atomic_file.h"
#include "xcomp/error.h"
#include "xcomp/model/model.h"
#include "xcomp/io/safetensors.h"
#include "xcomp/io/tensor_io.h"
#include "xcomp/io/weight_quantization.h"

namespace xcomp {
namespace fs = std::filesystem;

namespace {

std::string module_path(int layer, Proj p) {
    const bool mlp = p == Proj::Gate || p == Proj::Up || p == Proj::Down;
    return "base_model.model.model.layers." + std::to_string(layer) + (mlp ? ".mlp." : ".self_attn.") + proj_name(p);
}

// [out, in] of a projection under `config`.
std::pair<int64_t, int64_t> proj_shape(const LlamaConfig& c, Proj p) {
    const int64_t d = c.hidden_size, qd = c.num_attention_heads * c.head_dim, kvd = c.num_key_value_heads * c.head_dim;
    switch (p) {
    case Proj::Q: return {qd, d};
    case Proj::K: return {kvd, d};
    case Proj::V: return {kvd, d};
    case Proj::O: return {d, qd};
    case Proj::Gate: return {c.intermediate_size, d};
    case Proj::Up: return {c.intermediate_size, d};
    case Proj::Down: return {d, c.intermediate_size};
    }
    return {0, 0};
}

std::vector<Proj> parse_targets(const std::vector<std::string>& names, const std::string& origin) {
    std::vector<Proj> out;
    for (const auto& n : names) {
        Proj p;
        if (!parse_proj(n, &p))
            throw Error(origin + ": target module '" + n + "' is not one of q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj");
        out.push_back(p);
    }
    return out;
}

}  // namespace

const LoraWeights::Pair* LoraWeights::find(int layer, Proj p) const {
    auto it = pairs.find({layer, p});
    return it == pairs.end() ? nullptr : &it->second;
}

std::vector<at::Tensor> LoraWeights::all() const {
    std::vector<at::Tensor> out;
    for (const auto& [key, pair] : pairs) {
        out.push_back(pair.a);
        out.push_back(pair.b);
    }
    return out;
}

LoraWeights LoraWeights::load(const std::string& dir, const LlamaConfig& config, at::Device device, at::ScalarType dtype) {
    const std::string cfg_path = (fs::path(dir) / "adapter_config.json").string();
    std::ifstream f(cfg_path);
    if (!f) throw Error("LoRA adapter: cannot open " + cfg_path);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(f);
    } catch (const std::exception& e) {
        throw Error(cfg_path + ": not valid JSON (" + e.what() + ")");
    }
    LoraWeights lora;
    try {
        if (j.contains("peft_type") && j["peft_type"] != "LORA")
            throw Error(cfg_path + ": peft_type is " + j["peft_type"].dump() + ", only LORA is supported");
        // A float such as 1.7e73 would be cast out of range (undefined behaviour): whole numbers only.
        const auto& r = j.at("r");
        if (!r.is_number_integer() || r.get<int64_t>() < 1 || r.get<int64_t>() > 65536)
            throw Error(cfg_path + ": r must be a whole number between 1 and 65536, got " + r.dump());
        lora.r = r.get<int64_t>();
        lora.alpha = j.at("lora_alpha").get<double>();
        const auto& tm = j.at("target_modules");
        if (tm.is_string()) lora.target_modules = {tm.get<std::string>()};
        else lora.target_modules = tm.get<std::vector<std::string>>();
        // rsLoRA scales by alpha / sqrt(r); fold that into alpha so scale() stays alpha / r.
        if (j.value("use_rslora", false)) lora.alpha *= std::sqrt(static_cast<double>(lora.r));
        if (j.value("fan_in_fan_out", false)) throw Error(cfg_path + ": fan_in_fan_out adapters are not supported");
    } catch (const nlohmann::json::exception& e) {
        throw Error(cfg_path + ": bad field (" + e.what() + ")");
    }
    if (lora.r <= 0) throw Error(cfg_path + ": r must be positive");
    const std::vector<Proj> targets = parse_targets(lora.target_modules, cfg_path);

    Checkpoint ckpt = Checkpoint::open(dir, "adapter_model");
    for (int layer = 0; layer < config.num_hidden_layers; ++layer) {
        for (Proj p : targets) {
            const auto [out_dim, in_dim] = proj_shape(config, p);
            Pair pair;
            for (const char* which : {"lora_A", "lora_B"}) {
                const std::string name = module_path(layer, p) + "." + which + ".weight";
                const SafeTensorsFile* file = nullptr;
                const TensorInfo* info = ckpt.find(name, &file);
                if (!info) throw Error(dir + ": adapter is missing tensor '" + name + "'");
                const std::vector<int64_t> want = which[5] == 'A' ? std::vector<int64_t>{lora.r, in_dim}
                                                                  : std::vector<int64_t>{out_dim, lora.r};
                if (info->shape != want)
                    throw Error(file->path() + ": tensor '" + name + "' does not fit the base model (r=" +
                                std::to_string(lora.r) + ", projection " + std::to_string(out_dim) + "x" +
                                std::to_string(in_dim) + ")");
                std::shared_ptr<SafeTensorsFile> holder(const_cast<SafeTensorsFile*>(file), [](SafeTensorsFile*) {});
                // As stored, or dequantized from int8 rows (xcomp quantize-compressor).
                const at::Tensor view = read_weight(holder, *info, file->path());
                at::Tensor t = cast_checked(view, device, dtype, file->path(), name);
                (which[5] == 'A' ? pair.a : pair.b) = t;
            }
            lora.pairs[{layer, p}] = pair;
        }
    }
    return lora;
}

void LoraWeights::save(const std::string& dir, const std::string& base_model_name) const {
    fs::create_directories(dir);
    TensorMap tensors;
    for (const auto& [key, pair] : pairs) {
        tensors[module_path(key.first, key.second) + ".lora_A.weight"] = pair.a;
        tensors[module_path(key.first, key.second) + ".lora_B.weight"] = pair.b;
    }
    save_safetensors((fs::path(dir) / "adapter_model.safetensors").string(), tensors, {{"format", "pt"}});
    nlohmann::json j = {{"peft_type", "LORA"},       {"task_type", "CAUSAL_LM"},
                        {"r", r},                    {"lora_alpha", alpha},
                        {"lora_dropout", 0.0},       {"target_modules", target_modules},
                        {"bias", "none"},            {"fan_in_fan_out", false},
                        {"inference_mode", true},    {"use_rslora", false},
                        {"base_model_name_or_path", base_model_name}};
    write_file_atomically((fs::path(dir) / "adapter_config.json").string(), j.dump(2) + "\n");
}

LoraWeights LoraWeights::init(const LlamaConfig& config, int64_t r, double alpha, const std::vector<std::string>& targets,
                              at::Device device, at::ScalarType dtype, uint64_t seed) {
    if (r <= 0) throw Error("LoRA rank r must be positive");
    LoraWeights lora;
    lora.r = r;
    lora.alpha = alpha;
    lora.target_modules = targets;
    at::Generator gen = at::detail::createCPUGenerator(seed);
    for (int layer = 0; layer < config.num_hidden_layers; ++layer) {
        for (Proj p : parse_targets(targets, "LoRA targets")) {
            const auto [out_dim, in_dim] = proj_shape(config, p);
            // PEFT: A ~ kaiming_uniform(a=sqrt(5)) i.e. U(-1/sqrt(in), 1/sqrt(in)); B = 0 (delta starts at zero).
            const double bound = 1.0 / std::sqrt(static_cast<double>(in_dim));
            Pair pair;
            pair.a = at::empty({r, in_dim}, at::kFloat).uniform_(-bound, bound, gen).to(device, dtype);
            pair.b = at::zeros({out_dim, r}, at::TensorOptions().dtype(dtype).device(device));
            lora.pairs[{layer, p}] = pair;
        }
    }
    return lora;
}

}  // namespace xcomp
