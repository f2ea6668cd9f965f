// Compressors: creation, loading/saving and the encoder pass of every method.
#include "xcomp/io/atomic_file.h"
#include "xcomp/compress/compressor.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "xcomp/error.h"
#include "model/token_ids.h"
#include "xcomp/io/tensor_io.h"
#include "xcomp/io/weight_quantization.h"
#include "xcomp/compress/memory_optimisation.h"

namespace xcomp {
namespace fs = std::filesystem;

const char* method_name(Method m) {
    switch (m) {
    case Method::X500: return "500x";
    case Method::ICAE: return "icae";
    case Method::AOC: return "aoc";
    case Method::LoraAOC: return "lora-aoc";
    case Method::OptimisedKV: return "optimised-kv";
    case Method::OptimisedEmbeddings: return "optimised-emb";
    }
    return "?";
}

Method parse_method(const std::string& name) {
    for (Method m : {Method::X500, Method::ICAE, Method::AOC, Method::LoraAOC, Method::OptimisedKV,
                     Method::OptimisedEmbeddings})
        if (name == method_name(m)) return m;
    throw Error("unknown method '" + name + "' (use 500x, icae, aoc, lora-aoc, optimised-kv or optimised-emb)");
}

bool method_outputs_kv(Method m) { return m != Method::ICAE && m != Method::OptimisedEmbeddings; }
bool method_uses_lora(Method m) { return m == Method::X500 || m == Method::ICAE || m == Method::LoraAOC; }
bool method_drops_mlp(Method m) { return m == Method::AOC || m == Method::LoraAOC; }
bool method_is_optimised(Method m) { return m == Method::OptimisedKV || m == Method::OptimisedEmbeddings; }

static std::string default_label(Method m, int memory_tokens) {
    const char* names[] = {"500x", "ICAE", "AOC", "LoRA-AOC", "Optimised KV", "Optimised emb."};
    return std::string(names[static_cast<int>(m)]) + " m=" + std::to_string(memory_tokens);
}

// ---- config ------------------------------------------------------------------------------------

namespace {

// An integer field in [lo, hi], or `fallback` when absent. nlohmann's get<int>() would cast a float
// (undefined behaviour out of range, 1e300) and silently wrap a large integer (4294967300 -> 4).
int64_t integer_field(const nlohmann::json& j, const char* key, int64_t fallback, int64_t lo, int64_t hi,
                      const std::string& path) {
    auto it = j.find(key);
    if (it == j.end()) return fallback;
    const std::string range = " between " + std::to_string(lo) + " and " + std::to_string(hi);
    if (!it->is_number_integer()) throw Error(path + ": field '" + key + "': must be an integer" + range);
    // nlohmann stores every non-negative integer as unsigned: both bounds apply to it too (0 < lo).
    if (it->is_number_unsigned() ? it->get<uint64_t>() > static_cast<uint64_t>(hi) ||
                                       static_cast<int64_t>(it->get<uint64_t>()) < lo
                                 : it->get<int64_t>() < lo || it->get<int64_t>() > hi)
        throw Error(path + ": field '" + key + "': must be" + range + ", got " + it->dump());
    return it->get<int64_t>();
}

}  // namespace

CompressorConfig CompressorConfig::from_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw Error("cannot open " + path);
    std::stringstream buf;
    buf << f.rdbuf();
    if (f.bad()) throw Error("cannot read " + path);
    return from_json_text(buf.str(), path);
}

CompressorConfig CompressorConfig::from_json_text(const std::string& text, const std::string& path) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        throw Error(path + ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object()) throw Error(path + ": not a JSON object");
    CompressorConfig c;
    try {
        c.method = parse_method(j.at("method").get<std::string>());
        if (!j.contains("memory_tokens")) throw Error(path + ": field 'memory_tokens': missing");
        c.memory_tokens = static_cast<int>(integer_field(j, "memory_tokens", 0, 1, kMaxMemoryTokens, path));
        c.max_source_tokens = static_cast<int>(integer_field(j, "max_source_tokens", 512, 1, 1 << 30, path));
        c.lora_r = integer_field(j, "lora_r", 16, 1, 1 << 20, path);
        c.lora_alpha = j.value("lora_alpha", 32.0);
        if (j.contains("lora_targets")) c.lora_targets = j["lora_targets"].get<std::vector<std::string>>();
        c.qa_template = j.value("qa_template", c.qa_template);
        c.qa = j.value("qa", false);
        c.base_fingerprint = j.value("base_fingerprint", "");
        c.id = j.value("id", std::string(method_name(c.method)) + "-m" + std::to_string(c.memory_tokens));
        c.label = j.value("label", default_label(c.method, c.memory_tokens));
        c.variant_of = j.value("variant_of", "");
        c.serves_up_to = static_cast<int>(integer_field(j, "serves_up_to", 0, 0, 1 << 30, path));
        if (j.contains("training")) c.training_json = j["training"].dump();
        if (method_is_optimised(c.method) && j.contains("optimisation")) {
            const nlohmann::json& o = j["optimisation"];
            if (!o.is_object()) throw Error(path + ": field 'optimisation': must be an object");
            const std::string where = path + " (optimisation)";
            c.optimisation.max_steps = static_cast<int>(integer_field(o, "max_steps", c.optimisation.max_steps, 1, 1000000, where));
            c.optimisation.check_every =
                static_cast<int>(integer_field(o, "check_every", c.optimisation.check_every, 1, 1000000, where));
            c.optimisation.lr = o.value("lr", c.optimisation.lr);
            if (!(c.optimisation.lr > 0 && c.optimisation.lr <= 10))
                throw Error(path + ": field 'optimisation.lr': must be a number in (0, 10]");
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": bad or missing field (" + e.what() + ")");
    }
    if (c.memory_tokens < 1 || c.memory_tokens > kMaxMemoryTokens)
        throw Error(path + ": memory_tokens must be between 1 and " + std::to_string(kMaxMemoryTokens));
    if (c.max_source_tokens < 1) throw Error(path + ": max_source_tokens must be positive");
    if (c.qa_template.find("{q}") == std::string::npos) throw Error(path + ": qa_template must contain {q}");
    // A misspelt "variant_of" would otherwise turn a length variant into a general compressor.
    if (c.variant_of.empty() && j.contains("serves_up_to"))
        throw Error(path + ": serves_up_to is given without variant_of (a length variant needs both)");
    if (!c.variant_of.empty() && (c.serves_up_to < 1 || c.serves_up_to > c.max_source_tokens))
        throw Error(path + ": a variant of '" + c.variant_of + "' needs serves_up_to between 1 and max_source_tokens");
    if (c.variant_of == c.id && !c.id.empty()) throw Error(path + ": a compressor cannot be a variant of itself");
    return c;
}

std::string CompressorConfig::to_json_text() const {
    nlohmann::json j = {{"method", method_name(method)},
                        {"memory_tokens", memory_tokens},
                        {"max_source_tokens", max_source_tokens},
                        {"qa_template", qa_template},
                        {"qa", qa},
                        {"base_fingerprint", base_fingerprint},
                        {"id", id},
                        {"label", label},
                        {"training", nlohmann::json::parse(training_json.empty() ? "{}" : training_json)}};
    if (!variant_of.empty()) {
        j["variant_of"] = variant_of;
        j["serves_up_to"] = serves_up_to;
    }
    if (method_is_optimised(method))
        j["optimisation"] = {{"max_steps", optimisation.max_steps}, {"lr", optimisation.lr}, {"check_every", optimisation.check_every}};
    if (method_uses_lora(method)) {
        j["lora_r"] = lora_r;
        j["lora_alpha"] = lora_alpha;
        j["lora_targets"] = lora_targets;
    }
    return j.dump(2) + "\n";
}

std::vector<at::Tensor> CompressorWeights::trainable() const {
    std::vector<at::Tensor> out{memory};
    for (const at::Tensor& t : lora.all()) out.push_back(t);
    for (const LayerWeights& l : encoder.layers)
        for (const LayerRole& r : layer_roles())
            if (r.in_attention_block() && (l.*r.member).defined()) out.push_back(l.*r.member);
    return out;
}

// ---- construction ------------------------------------------------------------------------------

Compressor::Compressor(CompressorConfig config, std::shared_ptr<const LlamaModel> base)
    : config_(std::move(config)), base_(std::move(base)) {
    if (config_.memory_tokens < 1 || config_.memory_tokens > kMaxMemoryTokens)
        throw Error("memory tokens must be between 1 and " + std::to_string(kMaxMemoryTokens) + ", got " +
                    std::to_string(config_.memory_tokens));
    if (config_.id.empty()) config_.id = std::string(method_name(config_.method)) + "-m" + std::to_string(config_.memory_tokens);
    if (config_.label.empty()) config_.label = default_label(config_.method, config_.memory_tokens);
    config_.base_fingerprint = base_->fingerprint();
}

std::shared_ptr<Compressor> Compressor::create(const CompressorConfig& config, std::shared_ptr<const LlamaModel> base,
                                               uint64_t seed) {
    std::shared_ptr<Compressor> c(new Compressor(config, std::move(base)));
    if (method_is_optimised(config.method)) return c;  // nothing trained: the memory is fitted per text
    const LlamaModel& b = *c->base_;
    const at::Device device = b.device();
    at::Generator gen = at::detail::createCPUGenerator(seed);
    // Memory tokens start near real token embeddings: same mean and spread.
    at::Tensor emb = b.weights().embed.detach().to(at::kFloat);
    const double mean = emb.mean().item<double>(), stdev = emb.std().item<double>();
    c->weights_.memory =
        at::empty({config.memory_tokens, b.config().hidden_size}, at::kFloat).normal_(mean, stdev, gen).to(device);
    if (method_uses_lora(config.method)) {
        c->weights_.lora = LoraWeights::init(b.config(), config.lora_r, config.lora_alpha, config.lora_targets, device,
                                             at::kFloat, seed + 1);
    }
    if (config.method == Method::AOC) {
        // A copy of the base's attention layers; the MLPs are gone, the embeddings stay shared.
        LlamaWeights& e = c->weights_.encoder;
        e.embed = b.weights().embed;
        for (const LayerWeights& l : b.weights().layers) {
            LayerWeights n;
            for (const LayerRole& r : layer_roles())
                if (r.in_attention_block() && (l.*r.member).defined())
                    n.*r.member = (l.*r.member).detach().to(at::kFloat).clone();
            e.layers.push_back(n);
        }
        e.final_norm = b.weights().final_norm;
        e.lm_head = b.weights().lm_head;
    }
    return c;
}

namespace {

LoraWeights cast_lora(const LoraWeights& w, at::ScalarType dtype) {
    LoraWeights out = w;
    for (auto& [key, pair] : out.pairs) {
        pair.a = pair.a.to(dtype);
        pair.b = pair.b.to(dtype);
    }
    return out;
}

// The AOC encoder's tensors: the roles of the attention block that the base model has.
std::vector<LayerRole> encoder_roles(const LlamaConfig& config) {
    std::vector<LayerRole> out;
    for (const LayerRole& r : layer_roles())
        if (r.in_attention_block() && layer_role_present(r, config)) out.push_back(r);
    return out;
}

}  // namespace

EncoderInput EncoderInput::to(at::Device device, bool non_blocking) const {
    EncoderInput r;
    r.ids = ids.to(device, non_blocking);
    if (mask.defined()) r.mask = mask.to(device, non_blocking);
    if (positions.defined()) r.positions = positions.to(device, non_blocking);
    return r;
}

EncoderInput Compressor::encoder_input(const std::vector<std::vector<int64_t>>& ids, bool pinned) const {
    const int64_t B = static_cast<int64_t>(ids.size());
    if (B == 0) throw Error("nothing to compress");
    const int64_t m = config_.memory_tokens, V = base_->config().vocab_size;
    int64_t T = 0;
    for (const auto& row : ids) {
        if (row.empty()) throw Error("cannot compress an empty text");
        if (static_cast<int64_t>(row.size()) > config_.max_source_tokens)
            throw Error("the text has " + std::to_string(row.size()) + " tokens; " + config_.label + " compresses at most " +
                        std::to_string(config_.max_source_tokens) + " (split it or use a shorter text)");
        check_token_ids(row, V);
        T = std::max<int64_t>(T, static_cast<int64_t>(row.size()));
    }
    const bool padded = std::any_of(ids.begin(), ids.end(), [&](const auto& r) { return static_cast<int64_t>(r.size()) != T; });
    const auto opts = at::TensorOptions().dtype(at::kLong);
    EncoderInput in;
    in.ids = at::zeros({B, T}, opts);  // [B, T]
    int64_t* id = in.ids.data_ptr<int64_t>();
    bool* mask = nullptr;
    int64_t* pos = nullptr;
    if (padded) {
        in.mask = at::zeros({B, T + m}, at::TensorOptions().dtype(at::kBool));  // [B, T+m]
        in.positions = at::zeros({B, T + m}, opts);                               // [B, T+m]
        mask = in.mask.data_ptr<bool>();
        pos = in.positions.data_ptr<int64_t>();
    }
    // Left padding: every row ends with its memory tokens.
    for (int64_t r = 0; r < B; ++r) {
        const int64_t n = static_cast<int64_t>(ids[r].size()), pad = T - n;
        std::copy(ids[r].begin(), ids[r].end(), id + r * T + pad);
        if (!padded) continue;
        for (int64_t i = 0; i < T + m; ++i) {
            mask[r * (T + m) + i] = i >= pad;
            pos[r * (T + m) + i] = std::max<int64_t>(0, i - pad);
        }
    }
    if (pinned) {
        in.ids = in.ids.pin_memory();
        if (padded) {
            in.mask = in.mask.pin_memory();
            in.positions = in.positions.pin_memory();
        }
    }
    return in;
}

MemoryBatch Compressor::encode(const std::vector<std::vector<int64_t>>& ids, bool capture_attention,
                               const RunControl* control) const {
    if (method_is_optimised(config_.method)) {
        encoder_input(ids);  // the same checks: empty, too long, ids out of range
        return optimise_memory(*base_, ids, config_.method == Method::OptimisedKV, config_.memory_tokens,
                               config_.optimisation, control);
    }
    return encode(encoder_input(ids).to(base_->device()), capture_attention);
}

MemoryBatch Compressor::encode(const EncoderInput& input, bool capture_attention, const RunControl* control) const {
    if (method_is_optimised(config_.method)) {
        // Back to the rows' ids: every row is left-padded to end at T.
        const at::Tensor ids = input.ids.to(at::kCPU).contiguous();  // [B, T]
        const at::Tensor mask = input.mask.defined() ? input.mask.to(at::kCPU).contiguous() : at::Tensor();  // [B, T+m]
        const int64_t B = ids.size(0), T = ids.size(1);
        std::vector<std::vector<int64_t>> rows(B);
        for (int64_t r = 0; r < B; ++r)
            for (int64_t i = 0; i < T; ++i)
                if (!mask.defined() || mask[r][i].item<bool>()) rows[r].push_back(ids[r][i].item<int64_t>());
        return encode(rows, capture_attention, control);
    }
    const LlamaModel& b = *base_;
    const int64_t B = input.ids.size(0), T = input.ids.size(1);
    const int64_t m = config_.memory_tokens;
    const at::ScalarType dtype = b.dtype();
    at::Tensor text = b.embed(input.ids);                                                  // [B, T, d]
    at::Tensor mem = weights_.memory.to(dtype).unsqueeze(0).expand({B, m, weights_.memory.size(1)});  // [B, m, d]
    at::Tensor embeds = at::cat({text, mem}, 1);                                           // [B, T+m, d]
    ForwardOptions fo;
    fo.attention_mask = input.mask;
    fo.position_ids = input.positions;
    fo.compute_logits = false;
    fo.capture_attention = capture_attention;
    if (capture_attention)
        for (int64_t i = 0; i < m; ++i) fo.capture_queries.push_back(T + i);
    KVCache cache;
    const bool kv = method_outputs_kv(config_.method);
    if (kv) fo.cache = &cache;
    fo.skip_mlp = method_drops_mlp(config_.method);
    LoraWeights lora;
    if (method_uses_lora(config_.method)) {
        lora = cast_lora(weights_.lora, dtype);
        fo.lora = &lora;
    }
    ForwardOutput out = config_.method == Method::AOC
                            ? llama_forward(b.config(), weights_.encoder.to(dtype), embeds, fo)
                            : llama_forward(b.config(), b.weights(), embeds, fo);
    MemoryBatch r;
    if (kv) {
        std::vector<at::Tensor> ks, vs;
        for (size_t l = 0; l < cache.keys.size(); ++l) {
            ks.push_back(cache.keys[l].narrow(2, T, m));  // [B, Hkv, m, D]
            vs.push_back(cache.values[l].narrow(2, T, m));
        }
        r.keys = at::stack(ks);  // [L, B, Hkv, m, D]
        r.values = at::stack(vs);
    } else {
        r.embeddings = out.hidden.narrow(1, T, m);  // [B, m, d]
    }
    if (capture_attention) {
        r.encoder_attention = out.attention;  // per layer [B, H, m, T+m]
    }
    return r;
}

// ---- save / load -------------------------------------------------------------------------------

void Compressor::save(const std::string& dir) const {
    fs::create_directories(dir);
    if (method_is_optimised(config_.method)) {
        write_file_atomically((fs::path(dir) / "compressor.json").string(), config_.to_json_text());
        return;
    }
    const at::ScalarType dtype = base_->dtype() == at::kFloat ? at::kFloat : base_->dtype();
    save_safetensors((fs::path(dir) / "memory.safetensors").string(),
                     {{"memory_tokens", weights_.memory.detach().to(dtype)}}, {{"format", "pt"}});
    if (method_uses_lora(config_.method)) cast_lora(weights_.lora, dtype).save((fs::path(dir) / "adapter").string(), base_->dir());
    if (config_.method == Method::AOC) {
        TensorMap t;
        for (size_t i = 0; i < weights_.encoder.layers.size(); ++i) {
            const LayerWeights& l = weights_.encoder.layers[i];
            for (const LayerRole& r : encoder_roles(base_->config()))
                t["model.layers." + std::to_string(i) + "." + r.name] = (l.*r.member).detach().to(dtype);
        }
        save_safetensors((fs::path(dir) / "encoder.safetensors").string(), t, {{"format", "pt"}});
    }
    write_file_atomically((fs::path(dir) / "compressor.json").string(), config_.to_json_text());
}

namespace {

}  // namespace

std::shared_ptr<Compressor> Compressor::load(const std::string& dir, std::shared_ptr<const LlamaModel> base) {
    const std::string cfg_path = (fs::path(dir) / "compressor.json").string();
    if (!fs::exists(cfg_path)) throw Error(dir + ": not a compressor folder (no compressor.json)");
    CompressorConfig config = CompressorConfig::from_file(cfg_path);
    if (!config.base_fingerprint.empty() && config.base_fingerprint != base->fingerprint())
        throw Error(dir + ": this compressor was trained for another base model (fingerprint " + config.base_fingerprint +
                    ", loaded model " + base->fingerprint() + ")");
    std::shared_ptr<Compressor> c(new Compressor(config, base));
    if (method_is_optimised(config.method)) return c;  // compressor.json is all there is
    const at::Device device = base->device();
    const at::ScalarType dtype = base->dtype();
    const LlamaConfig& lc = base->config();
    const std::string mem_path = (fs::path(dir) / "memory.safetensors").string();
    TensorMap mem = load_safetensors(mem_path);
    if (!mem.count("memory_tokens")) throw Error(mem_path + ": no tensor 'memory_tokens'");
    at::Tensor m = mem["memory_tokens"];
    if (m.dim() != 2 || m.size(0) != config.memory_tokens || m.size(1) != lc.hidden_size)
        throw Error(mem_path + ": 'memory_tokens' must be [" + std::to_string(config.memory_tokens) + ", " +
                    std::to_string(lc.hidden_size) + "] for this model");
    check_finite(m, mem_path, "memory_tokens");
    c->weights_.memory = m.to(device, dtype, false, true);
    if (method_uses_lora(config.method)) {
        c->weights_.lora = LoraWeights::load((fs::path(dir) / "adapter").string(), lc, device, dtype);
        c->config_.lora_r = c->weights_.lora.r;
        c->config_.lora_alpha = c->weights_.lora.alpha;
        c->config_.lora_targets = c->weights_.lora.target_modules;
    }
    if (config.method == Method::AOC) {
        const std::string enc_path = (fs::path(dir) / "encoder.safetensors").string();
        auto file = SafeTensorsFile::open(enc_path);
        LlamaWeights& e = c->weights_.encoder;
        e.embed = base->weights().embed;
        e.final_norm = base->weights().final_norm;
        e.lm_head = base->weights().lm_head;
        for (int64_t i = 0; i < lc.num_hidden_layers; ++i) {
            LayerWeights l;
            for (const LayerRole& r : encoder_roles(lc)) {
                const std::string name = "model.layers." + std::to_string(i) + "." + r.name;
                const TensorInfo* info = file->find(name);
                if (!info) throw Error(enc_path + ": missing tensor '" + name + "'");
                if (info->shape != layer_role_shape(r, lc))
                    throw Error(enc_path + ": tensor '" + name + "' does not fit the base model's shape");
                l.*r.member = read_weight(file, *info, enc_path).to(device, dtype, false, true);
            }
            e.layers.push_back(l);
        }
    }
    return c;
}

}  // namespace xcomp
