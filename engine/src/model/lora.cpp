// PEFT LoRA adapters: loading, saving (PEFT's layout) and initialisation.
#include <nlohmann/json.hpp>

#include <algorithm>
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

namespace {

// Whether a PEFT option is switched on: present and not null, false, "" or an empty list or map.
bool option_set(const nlohmann::json& j, const char* key) {
    if (!j.contains(key)) return false;
    const nlohmann::json& v = j[key];
    if (v.is_null()) return false;
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_array() || v.is_object() || v.is_string()) return !v.empty() && v != "";
    return true;
}

}  // namespace

LoraWeights LoraWeights::parse_config(const std::string& json_text, const std::string& origin) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const std::exception& e) {
        throw Error(origin + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object()) throw Error(origin + ": not a JSON object");
    LoraWeights lora;
    try {
        if (j.contains("peft_type") && j["peft_type"] != "LORA")
            throw Error(origin + ": peft_type is " + j["peft_type"].dump() + ", only LORA is supported");
        // A float such as 1.7e73 would be cast out of range (undefined behaviour): whole numbers only.
        const auto& r = j.at("r");
        if (!r.is_number_integer() || r.get<int64_t>() < 1 || r.get<int64_t>() > 65536)
            throw Error(origin + ": r must be a whole number between 1 and 65536, got " + r.dump());
        lora.r = r.get<int64_t>();
        const auto& alpha = j.at("lora_alpha");
        if (!alpha.is_number()) throw Error(origin + ": lora_alpha must be a number, got " + alpha.dump());
        lora.alpha = alpha.get<double>();
        const auto& tm = j.at("target_modules");
        std::vector<std::string> targets;
        if (tm.is_string()) targets = {tm.get<std::string>()};
        else targets = tm.get<std::vector<std::string>>();
        // PEFT takes the list as a set: a module named twice is adapted once.
        for (const std::string& t : targets)
            if (std::find(lora.target_modules.begin(), lora.target_modules.end(), t) == lora.target_modules.end())
                lora.target_modules.push_back(t);
        // rsLoRA scales by alpha / sqrt(r); fold that into alpha so scale() stays alpha / r.
        if (j.value("use_rslora", false)) lora.alpha *= std::sqrt(static_cast<double>(lora.r));
        if (!std::isfinite(lora.alpha))
            throw Error(origin + ": lora_alpha " + alpha.dump() + " with use_rslora overflows (the scale would be infinite)");
        if (j.value("fan_in_fan_out", false)) throw Error(origin + ": fan_in_fan_out adapters are not supported");
        // What PEFT would apply but this engine does not: refused, not ignored (the output would be wrong).
        if (j.contains("bias") && !j["bias"].is_null() && j["bias"] != "none")
            throw Error(origin + ": bias is " + j["bias"].dump() + ", but this engine does not support trained biases (only \"none\")");
        static const std::pair<const char*, const char*> unsupported[] = {
            {"use_dora", "DoRA"},
            {"lora_bias", "trained LoRA biases"},
            {"modules_to_save", "fully trained modules"},
            {"rank_pattern", "per-module ranks"},
            {"alpha_pattern", "per-module alphas"},
            {"layers_to_transform", "adapting only some layers"},
            {"layer_replication", "replicated layers"},
            {"exclude_modules", "excluded modules"},
            {"target_parameters", "targeting parameters"},
            {"trainable_token_indices", "trained token embeddings"},
        };
        for (const auto& [key, what] : unsupported)
            if (option_set(j, key))
                throw Error(origin + ": " + key + " is set, but this engine does not support " + what + " (" +
                            j[key].dump() + ")");
    } catch (const nlohmann::json::exception& e) {
        throw Error(origin + ": bad field (" + e.what() + ")");
    }
    if (lora.target_modules.empty()) throw Error(origin + ": target_modules is empty");
    parse_targets(lora.target_modules, origin);
    return lora;
}

std::string LoraWeights::config_json_text(const std::string& base_model_name) const {
    const nlohmann::json j = {{"peft_type", "LORA"},       {"task_type", "CAUSAL_LM"},
                              {"r", r},                    {"lora_alpha", alpha},
                              {"lora_dropout", 0.0},       {"target_modules", target_modules},
                              {"bias", "none"},            {"fan_in_fan_out", false},
                              {"inference_mode", true},    {"use_rslora", false},
                              {"base_model_name_or_path", base_model_name}};
    return j.dump(2) + "\n";
}

LoraWeights LoraWeights::load(const std::string& dir, const LlamaConfig& config, at::Device device, at::ScalarType dtype) {
    const std::string cfg_path = (fs::path(dir) / "adapter_config.json").string();
    std::ifstream f(cfg_path, std::ios::binary);
    if (!f) throw Error("LoRA adapter: cannot open " + cfg_path);
    const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (f.bad()) throw Error("LoRA adapter: cannot read " + cfg_path);
    LoraWeights lora = parse_config(text, cfg_path);
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
    write_file_atomically((fs::path(dir) / "adapter_config.json").string(), config_json_text(base_model_name));
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
