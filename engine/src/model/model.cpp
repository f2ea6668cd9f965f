// The Llama decoder stack: loading, validation and the forward pass.
#include "xcomp/io/atomic_file.h"
#include "xcomp/model/model.h"

#include <ATen/core/grad_mode.h>
#include <torch/version.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "rope.h"
#include "token_ids.h"
#include "xcomp/error.h"
#include "xcomp/io/safetensors.h"
#include "xcomp/io/tensor_io.h"

namespace xcomp {
namespace fs = std::filesystem;

const char* proj_name(Proj p) {
    switch (p) {
    case Proj::Q: return "q_proj";
    case Proj::K: return "k_proj";
    case Proj::V: return "v_proj";
    case Proj::O: return "o_proj";
    case Proj::Gate: return "gate_proj";
    case Proj::Up: return "up_proj";
    case Proj::Down: return "down_proj";
    }
    return "?";
}

bool parse_proj(const std::string& name, Proj* out) {
    for (Proj p : {Proj::Q, Proj::K, Proj::V, Proj::O, Proj::Gate, Proj::Up, Proj::Down}) {
        if (name == proj_name(p)) {
            *out = p;
            return true;
        }
    }
    return false;
}

at::Tensor& LlamaWeights::proj(int layer, Proj p) {
    LayerWeights& l = layers.at(layer);
    switch (p) {
    case Proj::Q: return l.q;
    case Proj::K: return l.k;
    case Proj::V: return l.v;
    case Proj::O: return l.o;
    case Proj::Gate: return l.gate;
    case Proj::Up: return l.up;
    case Proj::Down: return l.down;
    }
    throw Error("bad projection");
}

const at::Tensor& LlamaWeights::proj(int layer, Proj p) const { return const_cast<LlamaWeights*>(this)->proj(layer, p); }

const std::vector<LayerRole>& layer_roles() {
    // This order is the order of LlamaWeights::all(), which the model's fingerprint hashes: keep it.
    static const std::vector<LayerRole> roles = {
        {"input_layernorm.weight", &LayerWeights::input_norm, LayerRole::Norm},
        {"self_attn.q_proj.weight", &LayerWeights::q, LayerRole::Attention},
        {"self_attn.k_proj.weight", &LayerWeights::k, LayerRole::Attention},
        {"self_attn.v_proj.weight", &LayerWeights::v, LayerRole::Attention},
        {"self_attn.o_proj.weight", &LayerWeights::o, LayerRole::Attention},
        {"self_attn.q_proj.bias", &LayerWeights::q_bias, LayerRole::AttentionBias},
        {"self_attn.k_proj.bias", &LayerWeights::k_bias, LayerRole::AttentionBias},
        {"self_attn.v_proj.bias", &LayerWeights::v_bias, LayerRole::AttentionBias},
        {"self_attn.o_proj.bias", &LayerWeights::o_bias, LayerRole::AttentionBias},
        {"post_attention_layernorm.weight", &LayerWeights::post_norm, LayerRole::Norm},
        {"mlp.gate_proj.weight", &LayerWeights::gate, LayerRole::Mlp},
        {"mlp.up_proj.weight", &LayerWeights::up, LayerRole::Mlp},
        {"mlp.down_proj.weight", &LayerWeights::down, LayerRole::Mlp},
        {"mlp.gate_proj.bias", &LayerWeights::gate_bias, LayerRole::MlpBias},
        {"mlp.up_proj.bias", &LayerWeights::up_bias, LayerRole::MlpBias},
        {"mlp.down_proj.bias", &LayerWeights::down_bias, LayerRole::MlpBias},
    };
    return roles;
}

std::vector<int64_t> layer_role_shape(const LayerRole& role, const LlamaConfig& c) {
    const int64_t d = c.hidden_size, I = c.intermediate_size;
    const int64_t qd = c.num_attention_heads * c.head_dim, kvd = c.num_key_value_heads * c.head_dim;
    const at::Tensor LayerWeights::*m = role.member;
    if (m == &LayerWeights::input_norm || m == &LayerWeights::post_norm) return {d};
    if (m == &LayerWeights::q) return {qd, d};
    if (m == &LayerWeights::k || m == &LayerWeights::v) return {kvd, d};
    if (m == &LayerWeights::o) return {d, qd};
    if (m == &LayerWeights::q_bias) return {qd};
    if (m == &LayerWeights::k_bias || m == &LayerWeights::v_bias) return {kvd};
    if (m == &LayerWeights::o_bias || m == &LayerWeights::down_bias) return {d};
    if (m == &LayerWeights::gate || m == &LayerWeights::up) return {I, d};
    if (m == &LayerWeights::down) return {d, I};
    if (m == &LayerWeights::gate_bias || m == &LayerWeights::up_bias) return {I};
    throw Error(std::string("no shape for layer tensor ") + role.name);
}

bool layer_role_present(const LayerRole& role, const LlamaConfig& c) {
    if (role.part == LayerRole::AttentionBias) return c.attention_bias;
    if (role.part == LayerRole::MlpBias) return c.mlp_bias;
    return true;
}

std::vector<at::Tensor> LlamaWeights::all() const {
    std::vector<at::Tensor> out;
    auto push = [&](const at::Tensor& t) {
        if (t.defined()) out.push_back(t);
    };
    push(embed);
    for (const auto& l : layers)
        for (const LayerRole& r : layer_roles()) push(l.*r.member);
    push(final_norm);
    if (lm_head.defined() && !lm_head.is_same(embed)) push(lm_head);
    return out;
}

LlamaWeights LlamaWeights::to(at::ScalarType dtype) const {
    auto cast = [dtype](const at::Tensor& t) { return t.defined() ? t.to(dtype) : t; };
    LlamaWeights out;
    out.embed = cast(embed);
    for (const LayerWeights& l : layers) {
        LayerWeights n;
        for (const LayerRole& r : layer_roles()) n.*r.member = cast(l.*r.member);
        out.layers.push_back(n);
    }
    out.final_norm = cast(final_norm);
    out.lm_head = lm_head.defined() && lm_head.is_same(embed) ? out.embed : cast(lm_head);
    return out;
}

// ---- device / dtype names ---------------------------------------------------------------------

at::Device parse_device(const std::string& name) {
    if (name == "cpu") return at::Device(at::kCPU);
    if (name.rfind("cuda", 0) == 0) {
        if (!at::hasCUDA()) throw Error("--device " + name + ": this build or machine has no CUDA GPU (use --device cpu)");
        int index = 0;
        if (name.size() > 4) {
            if (name[4] != ':') throw Error("unknown device '" + name + "' (use cpu, cuda or cuda:N)");
            index = std::atoi(name.c_str() + 5);
        }
        return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    throw Error("unknown device '" + name + "' (use cpu, cuda or cuda:N)");
}

at::ScalarType parse_dtype_name(const std::string& name, const LlamaConfig& config, at::Device device) {
    if (name == "auto") {
        if (device.is_cpu()) return at::kFloat;
        return parse_dtype_name(config.dtype == "float32" ? "float32" : config.dtype, config, device);
    }
    if (name == "float32" || name == "fp32") return at::kFloat;
    if (name == "bfloat16" || name == "bf16") return at::kBFloat16;
    if (name == "float16" || name == "fp16") return at::kHalf;
    throw Error("unknown dtype '" + name + "' (use auto, float32, bfloat16 or float16)");
}

std::string dtype_to_name(at::ScalarType type) {
    switch (type) {
    case at::kFloat: return "float32";
    case at::kBFloat16: return "bfloat16";
    case at::kHalf: return "float16";
    default: return c10::toString(type);
    }
}

// ---- loading -----------------------------------------------------------------------------------

namespace {

struct Loader {
    const Checkpoint& ckpt;
    const std::string& dir;
    at::Device device;
    at::ScalarType dtype;

    at::Tensor get(const std::string& name, const std::vector<int64_t>& shape, bool required = true) const {
        const SafeTensorsFile* file = nullptr;
        const TensorInfo* info = ckpt.find(name, &file);
        if (!info) {
            if (!required) return {};
            throw Error(dir + ": missing tensor '" + name + "'");
        }
        if (info->dtype != DType::F32 && info->dtype != DType::F16 && info->dtype != DType::BF16)
            throw Error(file->path() + ": tensor '" + name + "' has dtype " + dtype_name(info->dtype) +
                        ", expected a floating-point type");
        if (info->shape != shape) {
            auto fmt = [](const std::vector<int64_t>& s) {
                std::string out = "[";
                for (size_t i = 0; i < s.size(); ++i) out += (i ? "," : "") + std::to_string(s[i]);
                return out + "]";
            };
            throw Error(file->path() + ": tensor '" + name + "' has shape " + fmt(info->shape) + " but config.json implies " +
                        fmt(shape));
        }
        // Copy out of the mapping: weights must not alias read-only pages.
        std::shared_ptr<SafeTensorsFile> holder(const_cast<SafeTensorsFile*>(file), [](SafeTensorsFile*) {});
        const at::Tensor view = tensor_view(holder, *info);
        check_finite(view, file->path(), name);  // on the file's values: a later cast may not be the culprit
        return cast_checked(view, device, dtype, file->path(), name);
    }
};

uint64_t fnv1a(const void* data, size_t n, uint64_t h = 1469598103934665603ull) {
    const auto* p = static_cast<const uint8_t*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

std::string compute_fingerprint(const LlamaConfig& config, const LlamaWeights& w) {
    const std::string cfg = config.to_json_text();
    uint64_t h = fnv1a(cfg.data(), cfg.size());
    for (const at::Tensor& t : w.all()) {
        // A strided sample keeps this cheap for large models and still sees every tensor.
        at::Tensor flat = t.detach().reshape({-1});
        const int64_t n = flat.numel();
        const int64_t step = std::max<int64_t>(1, n / 64);
        at::Tensor sample = flat.slice(0, 0, n, step).to(at::kCPU, at::kFloat).contiguous();
        h = fnv1a(sample.data_ptr(), static_cast<size_t>(sample.numel()) * sizeof(float), h);
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace

LlamaModel::LlamaModel(LlamaConfig config, LlamaWeights weights, std::string dir)
    : config_(std::move(config)), weights_(std::move(weights)), dir_(std::move(dir)) {
    fingerprint_ = compute_fingerprint(config_, weights_);
}

std::shared_ptr<const LlamaModel> LlamaModel::load(const std::string& dir, const LoadOptions& options) {
    if (!fs::is_directory(dir)) throw Error("model folder '" + dir + "' does not exist");
    LlamaConfig config = LlamaConfig::from_file((fs::path(dir) / "config.json").string());
    const at::Device device = parse_device(options.device);
    const at::ScalarType dtype = parse_dtype_name(options.dtype, config, device);
    Checkpoint ckpt = Checkpoint::open(dir, "model");
    Loader L{ckpt, dir, device, dtype};

    const int64_t d = config.hidden_size, V = config.vocab_size;
    LlamaWeights w;
    w.embed = L.get("model.embed_tokens.weight", {V, d});
    for (int64_t i = 0; i < config.num_hidden_layers; ++i) {
        const std::string p = "model.layers." + std::to_string(i) + ".";
        LayerWeights l;
        for (const LayerRole& r : layer_roles())
            if (layer_role_present(r, config)) l.*r.member = L.get(p + r.name, layer_role_shape(r, config));
        w.layers.push_back(std::move(l));
    }
    w.final_norm = L.get("model.norm.weight", {d});
    if (config.tie_word_embeddings) {
        w.lm_head = w.embed;
    } else {
        w.lm_head = L.get("lm_head.weight", {V, d});
    }
    return std::make_shared<const LlamaModel>(std::move(config), std::move(w), dir);
}

int64_t LlamaModel::parameter_count() const {
    int64_t n = 0;
    for (const at::Tensor& t : weights_.all()) n += t.numel();
    return n;
}

void LlamaModel::save(const std::string& dir, size_t max_shard_bytes) const {
    fs::create_directories(dir);
    TensorMap tensors;
    tensors["model.embed_tokens.weight"] = weights_.embed;
    for (size_t i = 0; i < weights_.layers.size(); ++i) {
        const std::string p = "model.layers." + std::to_string(i) + ".";
        const LayerWeights& l = weights_.layers[i];
        for (const LayerRole& r : layer_roles())
            if ((l.*r.member).defined()) tensors[p + r.name] = l.*r.member;
    }
    tensors["model.norm.weight"] = weights_.final_norm;
    if (!config_.tie_word_embeddings) tensors["lm_head.weight"] = weights_.lm_head;
    save_sharded(dir, tensors, max_shard_bytes, "model");
    LlamaConfig c = config_;
    c.dtype = dtype_to_name(dtype());
    write_file_atomically((fs::path(dir) / "config.json").string(), c.to_json_text());
}

// ---- forward -----------------------------------------------------------------------------------

namespace {

// x [.., d] -> RMSNorm(x) * w, in float32 then back to x's dtype (transformers' LlamaRMSNorm).
at::Tensor rms_norm(const at::Tensor& x, const at::Tensor& w, double eps) {
    at::Tensor h = x.to(at::kFloat);
    h = h * at::rsqrt(h.pow(2).mean(-1, /*keepdim=*/true) + eps);
    return w * h.to(x.scalar_type());
}

// x [.., in] -> [.., out] = x W^T + bias; W [out, in]. One row on the CPU (a decode step at batch
// 1) goes through at::mv: BLAS's gemv streams W once, where sgemm with M = 1 runs far slower
// (docs/PERFORMANCE.md, "CPU"). Autograd and every other shape keep at::linear.
at::Tensor apply_linear(const at::Tensor& x, const at::Tensor& w, const at::Tensor& bias = {}) {
    if (x.is_cpu() && x.numel() == x.size(-1) && !at::GradMode::is_enabled() && x.scalar_type() == w.scalar_type()) {
        std::vector<int64_t> shape = x.sizes().vec();
        shape.back() = w.size(0);
        at::Tensor y = at::mv(w, x.reshape({-1}));  // [out]
        if (bias.defined()) y.add_(bias);
        return y.view(shape);
    }
    return at::linear(x, w, bias);
}

// x [.., in] -> [.., out]; W [out, in]; plus the LoRA delta scale * B (A x) when present.
at::Tensor project(const at::Tensor& x, const at::Tensor& w, const at::Tensor& bias, const LoraWeights* lora, int layer,
                   Proj p) {
    at::Tensor y = apply_linear(x, w, bias);
    if (lora) {
        if (const LoraWeights::Pair* pair = lora->find(layer, p)) {
            y = y + apply_linear(apply_linear(x, pair->a), pair->b) * lora->scale();
        }
    }
    return y;
}

// k [B, Hkv, S, D] -> [B, Hkv * n_rep, S, D] (transformers' repeat_kv).
at::Tensor repeat_kv(const at::Tensor& k, int64_t n_rep) {
    if (n_rep == 1) return k;
    const auto B = k.size(0), Hkv = k.size(1), S = k.size(2), D = k.size(3);
    return k.unsqueeze(2).expand({B, Hkv, n_rep, S, D}).reshape({B, Hkv * n_rep, S, D});
}

}  // namespace

ForwardOutput llama_forward(const LlamaConfig& c, const LlamaWeights& w, const at::Tensor& inputs_embeds,
                            const ForwardOptions& o) {
    TORCH_CHECK(inputs_embeds.dim() == 3, "inputs_embeds must be [B, T, d]");
    const int64_t B = inputs_embeds.size(0), T = inputs_embeds.size(1);
    const int64_t H = c.num_attention_heads, Hkv = c.num_key_value_heads, D = c.head_dim;
    const at::Device device = inputs_embeds.device();
    const at::ScalarType dtype = inputs_embeds.scalar_type();
    KVCache* cache = o.cache;
    StaticKVCache* sc = o.static_cache;
    if (cache && sc) throw Error("forward: pass a KV cache or a static KV cache, not both");
    if (sc && !o.position_ids.defined()) throw Error("forward: a static KV cache needs explicit position_ids");
    const int64_t P = cache ? cache->length() : 0;
    const int64_t S = P + T;
    if (cache && !cache->empty() && cache->keys.size() != w.layers.size())
        throw Error("KV cache has " + std::to_string(cache->keys.size()) + " layers, the model " +
                    std::to_string(w.layers.size()));
    if (sc && (sc->keys.size() != w.layers.size() || sc->mask.size(0) != B))
        throw Error("static KV cache does not match the model's layers or the batch");
    const auto long_opts = at::TensorOptions().dtype(at::kLong).device(device);
    const auto bool_opts = at::TensorOptions().dtype(at::kBool).device(device);

    at::Tensor positions = o.position_ids.defined() ? o.position_ids.to(device, at::kLong)
                                                    : at::arange(P, S, long_opts).unsqueeze(0).expand({B, T});
    at::Tensor cos, sin;
    rope_cos_sin(o.rope_inv_freq.defined() ? o.rope_inv_freq : rope_inv_freq(c, device), positions, dtype, &cos, &sin);

    at::Tensor new_mask = o.attention_mask.defined() ? o.attention_mask.to(device, at::kBool) : at::Tensor();
    // Key mask [B, K] over the K attended positions, and the query positions [T, 1] among them.
    at::Tensor key_mask, q_pos, slots;
    int64_t K = S;
    if (sc) {
        // Static cache: the new tokens go to slots slot..slot+T-1; every query sees all C positions,
        // the unwritten ones masked off.
        K = sc->capacity();
        slots = sc->slot + at::arange(T, long_opts);  // [T]
        sc->mask.index_copy_(1, slots, new_mask.defined() ? new_mask : at::ones({B, T}, bool_opts));
        key_mask = sc->mask;
        q_pos = slots.view({T, 1});
    } else {
        const bool prefix_masked = cache && cache->mask.defined();
        if (prefix_masked || new_mask.defined()) {
            at::Tensor pm = prefix_masked ? cache->mask.to(device, at::kBool) : at::ones({B, P}, bool_opts);
            at::Tensor nm = new_mask.defined() ? new_mask : at::ones({B, T}, bool_opts);
            key_mask = at::cat({pm, nm}, 1);
        }
        q_pos = at::arange(P, S, long_opts).view({T, 1});
    }
    // Additive mask [B or 1, 1, T, K]: causal over the new tokens, all of the prefix visible.
    at::Tensor add_mask;
    if (T > 1 || key_mask.defined()) {
        at::Tensor k_pos = at::arange(0, K, long_opts).view({1, K});
        at::Tensor allowed = (k_pos <= q_pos).view({1, 1, T, K});
        if (key_mask.defined()) allowed = at::logical_and(allowed, key_mask.view({B, 1, 1, K}));
        const double neg = dtype == at::kFloat ? -3.4028234663852886e38 : (dtype == at::kHalf ? -65504.0 : -3.3895313892515355e38);
        add_mask = at::zeros(allowed.sizes(), at::TensorOptions().dtype(dtype).device(device)).masked_fill(allowed.logical_not(), neg);
    }

    const double scaling = 1.0 / std::sqrt(static_cast<double>(D));
    ForwardOutput out;
    at::Tensor h = inputs_embeds;
    std::vector<at::Tensor> new_keys, new_values;
    for (size_t li = 0; li < w.layers.size(); ++li) {
        const LayerWeights& L = w.layers[li];
        const int layer = static_cast<int>(li);
        at::Tensor x = rms_norm(h, L.input_norm, c.rms_norm_eps);
        // q [B, H, T, D], k/v [B, Hkv, T, D]
        at::Tensor q = project(x, L.q, L.q_bias, o.lora, layer, Proj::Q).view({B, T, H, D}).transpose(1, 2);
        at::Tensor k = project(x, L.k, L.k_bias, o.lora, layer, Proj::K).view({B, T, Hkv, D}).transpose(1, 2);
        at::Tensor v = project(x, L.v, L.v_bias, o.lora, layer, Proj::V).view({B, T, Hkv, D}).transpose(1, 2);
        q = apply_rope(q, cos, sin);
        k = apply_rope(k, cos, sin);
        if (sc) {
            sc->keys[li].index_copy_(2, slots, k);  // [B, Hkv, C, D]
            sc->values[li].index_copy_(2, slots, v);
            k = sc->keys[li];
            v = sc->values[li];
        } else if (cache && !cache->empty()) {
            k = at::cat({cache->keys[li].to(dtype), k}, 2);  // [B, Hkv, S, D]
            v = at::cat({cache->values[li].to(dtype), v}, 2);
        }
        if (cache) {
            new_keys.push_back(k);
            new_values.push_back(v);
        }
        at::Tensor kr = repeat_kv(k, H / Hkv), vr = repeat_kv(v, H / Hkv);  // [B, H, S, D]
        at::Tensor attn;  // [B, H, T, D]
#if TORCH_VERSION_MAJOR >= 2
        if (!o.capture_attention) {
            attn = at::scaled_dot_product_attention(q, kr, vr, add_mask.defined() ? c10::optional<at::Tensor>(add_mask) : c10::nullopt);
        } else
#endif
        {
            at::Tensor scores = at::matmul(q, kr.transpose(2, 3)) * scaling;  // [B, H, T, S]
            if (add_mask.defined()) scores = scores + add_mask;
            at::Tensor probs = at::softmax(scores, -1, at::kFloat);  // float32 like transformers' eager path
            if (o.capture_attention) {
                at::Tensor kept = probs.detach();
                if (!o.capture_queries.empty()) {
                    kept = kept.index_select(2, at::tensor(o.capture_queries, at::TensorOptions().dtype(at::kLong)).to(device));
                }
                out.attention.push_back(kept);
            }
            attn = at::matmul(probs.to(dtype), vr);
        }
        attn = attn.transpose(1, 2).reshape({B, T, H * D});
        h = h + project(attn, L.o, L.o_bias, o.lora, layer, Proj::O);
        at::Tensor y = rms_norm(h, L.post_norm, c.rms_norm_eps);
        if (o.skip_mlp || !L.gate.defined()) {
            h = h + y;  // AOC: mlp = identity, the residual still adds the normalised state
        } else {
            at::Tensor g = project(y, L.gate, L.gate_bias, o.lora, layer, Proj::Gate);
            at::Tensor u = project(y, L.up, L.up_bias, o.lora, layer, Proj::Up);
            h = h + project(at::silu(g) * u, L.down, L.down_bias, o.lora, layer, Proj::Down);
        }
    }
    if (cache) {
        cache->keys = std::move(new_keys);
        cache->values = std::move(new_values);
        if (key_mask.defined()) cache->mask = key_mask;
    }
    if (sc) sc->slot.add_(T);
    out.hidden = rms_norm(h, w.final_norm, c.rms_norm_eps);
    if (o.compute_logits) out.logits = apply_linear(out.hidden, w.lm_head);  // [B, T, V]
    return out;
}

StaticKVCache StaticKVCache::from(const KVCache& prefix, int64_t batch, int64_t capacity, const LlamaConfig& c,
                                  at::Device device, at::ScalarType dtype) {
    const int64_t P = prefix.length();
    if (capacity < P) throw Error("static KV cache: capacity " + std::to_string(capacity) + " < prefix length " + std::to_string(P));
    if (!prefix.empty() && prefix.keys.size() != static_cast<size_t>(c.num_hidden_layers))
        throw Error("static KV cache: the prefix has " + std::to_string(prefix.keys.size()) + " layers, the model " +
                    std::to_string(c.num_hidden_layers));
    const auto opts = at::TensorOptions().dtype(dtype).device(device);
    StaticKVCache sc;
    for (int64_t li = 0; li < c.num_hidden_layers; ++li) {
        at::Tensor k = at::zeros({batch, c.num_key_value_heads, capacity, c.head_dim}, opts);
        at::Tensor v = at::zeros({batch, c.num_key_value_heads, capacity, c.head_dim}, opts);
        if (P > 0) {
            k.narrow(2, 0, P).copy_(prefix.keys[li].expand({batch, -1, -1, -1}));
            v.narrow(2, 0, P).copy_(prefix.values[li].expand({batch, -1, -1, -1}));
        }
        sc.keys.push_back(k);
        sc.values.push_back(v);
    }
    sc.mask = at::zeros({batch, capacity}, at::TensorOptions().dtype(at::kBool).device(device));
    if (P > 0) {
        sc.mask.narrow(1, 0, P).copy_(prefix.mask.defined() ? prefix.mask.to(device, at::kBool).expand({batch, P})
                                                            : at::ones({batch, P}, sc.mask.options()));
    }
    sc.slot = at::full({1}, P, at::TensorOptions().dtype(at::kLong).device(device));
    return sc;
}

at::Tensor LlamaModel::embed(const at::Tensor& input_ids) const {
    return at::embedding(weights_.embed, input_ids.to(device(), at::kLong));
}

ForwardOutput LlamaModel::forward(const at::Tensor& input_ids, const ForwardOptions& options) const {
    TORCH_CHECK(input_ids.dim() == 2, "input_ids must be [B, T]");
    const int64_t V = config_.vocab_size;
    if (input_ids.numel() > 0) {
        const int64_t lo = input_ids.min().item<int64_t>(), hi = input_ids.max().item<int64_t>();
        check_token_ids({lo, hi}, V);
    }
    return llama_forward(config_, weights_, embed(input_ids), options);
}

ForwardOutput LlamaModel::forward_embeds(const at::Tensor& inputs_embeds, const ForwardOptions& options) const {
    return llama_forward(config_, weights_, inputs_embeds.to(device(), dtype()), options);
}

}  // namespace xcomp
