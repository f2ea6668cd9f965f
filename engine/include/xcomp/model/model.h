// xcomp/model/model.h — a Llama-family decoder (LlamaForCausalLM) on LibTorch, computing what
// transformers computes: RMSNorm, RoPE (none/linear/llama3 scaling), GQA attention, SwiGLU.
//
// Weights are immutable once loaded and can be shared by any number of runs; per-run state
// (KV cache, captured attention) lives in the structs passed to forward().
//
// Shapes: B batch, T new tokens, P tokens already in the cache (prefix), S = P + T, d hidden size,
// H query heads, Hkv key/value heads, D head dim, V vocabulary, L layers.
#pragma once
#include <ATen/ATen.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "xcomp/io/config.h"

namespace xcomp {

enum class Proj { Q, K, V, O, Gate, Up, Down };
const char* proj_name(Proj p);  // "q_proj", ..., "down_proj"
bool parse_proj(const std::string& name, Proj* out);

struct LayerWeights {
    at::Tensor input_norm;      // [d]
    at::Tensor q, k, v, o;      // [H*D, d], [Hkv*D, d], [Hkv*D, d], [d, H*D]
    at::Tensor q_bias, k_bias, v_bias, o_bias;  // undefined unless attention_bias
    at::Tensor post_norm;       // [d]
    at::Tensor gate, up, down;  // [I, d], [I, d], [d, I]; undefined in the MLP-free variant
    at::Tensor gate_bias, up_bias, down_bias;   // undefined unless mlp_bias
};

// Every tensor of a decoder layer by role: its name in a Hugging Face checkpoint (after
// "model.layers.N."), where it sits in LayerWeights, and the part of the layer it belongs to.
// Loading, saving, casting, the AOC encoder's copy and the trainers iterate this one table.
struct LayerRole {
    enum Part { Norm, Attention, AttentionBias, Mlp, MlpBias };
    const char* name;                  // e.g. "self_attn.q_proj.weight"
    at::Tensor LayerWeights::*member;  // e.g. &LayerWeights::q
    Part part;
    bool in_attention_block() const { return part == Norm || part == Attention || part == AttentionBias; }
    bool is_bias() const { return part == AttentionBias || part == MlpBias; }
};
const std::vector<LayerRole>& layer_roles();  // the layer's order: attention block, then MLP
// The role's shape under `config` (d, H*D, Hkv*D, I as in LayerWeights' comments).
std::vector<int64_t> layer_role_shape(const LayerRole& role, const LlamaConfig& config);
// Whether `config` has this tensor (biases only with attention_bias / mlp_bias).
bool layer_role_present(const LayerRole& role, const LlamaConfig& config);

struct LlamaWeights {
    at::Tensor embed;       // [V, d]
    std::vector<LayerWeights> layers;
    at::Tensor final_norm;  // [d]
    at::Tensor lm_head;     // [V, d]; the same tensor as embed when tied
    at::Tensor& proj(int layer, Proj p);
    const at::Tensor& proj(int layer, Proj p) const;
    std::vector<at::Tensor> all() const;  // every defined tensor (lm_head once when tied)
    // A copy with every defined tensor cast to `dtype` (differentiable: trainers keep float32
    // masters and compute in bf16); a tied lm_head stays tied.
    LlamaWeights to(at::ScalarType dtype) const;
};

// PEFT LoRA: W x + (alpha / r) * B (A x) for each targeted projection.
struct LoraWeights {
    struct Pair {
        at::Tensor a;  // [r, in]
        at::Tensor b;  // [out, r]
    };
    int64_t r = 8;
    double alpha = 16;
    std::vector<std::string> target_modules;  // e.g. {"q_proj", "v_proj"}
    std::map<std::pair<int, Proj>, Pair> pairs;
    double scale() const { return alpha / static_cast<double>(r); }
    const Pair* find(int layer, Proj p) const;
    // Loads adapter_config.json + adapter_model.safetensors; checks shapes against `config`.
    static LoraWeights load(const std::string& dir, const LlamaConfig& config, at::Device device, at::ScalarType dtype);
    // Reads the text of an adapter_config.json (what load() reads first): r, lora_alpha (an rsLoRA
    // adapter's sqrt(r) folded in), target_modules (duplicates dropped); no tensors. Refuses, with
    // `origin` in the message, PEFT features this engine would otherwise ignore silently (DoRA,
    // biases, modules_to_save, rank/alpha patterns, a subset of layers, trainable tokens).
    static LoraWeights parse_config(const std::string& json_text, const std::string& origin);
    // adapter_config.json as save() writes it; parse_config() reads it back as the same r, alpha, targets.
    std::string config_json_text(const std::string& base_model_name) const;
    // Writes PEFT's layout (base_model.model.model.layers.N.self_attn.q_proj.lora_A.weight, ...).
    void save(const std::string& dir, const std::string& base_model_name) const;
    // Fresh adapter as PEFT initialises it: A Kaiming-uniform(a=sqrt(5)), B zero.
    static LoraWeights init(const LlamaConfig& config, int64_t r, double alpha,
                            const std::vector<std::string>& targets, at::Device device, at::ScalarType dtype,
                            uint64_t seed);
    std::vector<at::Tensor> all() const;
};

struct KVCache {
    std::vector<at::Tensor> keys;    // per layer [B, Hkv, S, D], after RoPE
    std::vector<at::Tensor> values;  // per layer [B, Hkv, S, D]
    at::Tensor mask;                 // [B, S] bool, true = attend; undefined = all true
    int64_t length() const { return keys.empty() ? 0 : keys[0].size(2); }
    bool empty() const { return keys.empty(); }
};

// Preallocated KV cache for decoding: each layer holds `capacity` positions and forward() writes new
// keys in place at `slot`, a counter kept on the device, so one decode step does no concatenation,
// no host sync, and can be captured once as a CUDA graph and replayed. The caller keeps slot + T within
// the capacity: the slot lives on the device, so forward() cannot check it without a sync.
struct StaticKVCache {
    std::vector<at::Tensor> keys;    // per layer [B, Hkv, C, D], after RoPE
    std::vector<at::Tensor> values;  // per layer [B, Hkv, C, D]
    at::Tensor mask;                 // [B, C] bool: true = written and not padding
    at::Tensor slot;                 // [1] int64 on the device: the next free position
    int64_t capacity() const { return mask.defined() ? mask.size(1) : 0; }
    // A cache of `capacity` positions for `batch` rows holding a copy of `prefix` (any dtype; its rows
    // must number `batch`, or 1 to be broadcast) at positions 0..P-1.
    static StaticKVCache from(const KVCache& prefix, int64_t batch, int64_t capacity, const LlamaConfig& config,
                              at::Device device, at::ScalarType dtype);
};

struct ForwardOptions {
    const LoraWeights* lora = nullptr;  // adapter applied over the base weights (none)
    bool skip_mlp = false;              // the AOC encoder: every layer.mlp replaced by identity (false)
    KVCache* cache = nullptr;           // read as prefix and appended to (no cache: plain forward)
    StaticKVCache* static_cache = nullptr;  // instead of cache: written at its slot (needs position_ids)
    at::Tensor rope_inv_freq;           // [D/2] float32 on the device, precomputed (derived per call)
    at::Tensor position_ids;            // [B, T] int64 (default: P .. P+T-1 for every row)
    at::Tensor attention_mask;          // [B, T] bool for the new tokens, false = padding (all true)
    bool compute_logits = true;         // false skips lm_head (hidden states only)
    bool capture_attention = false;     // record softmax weights per layer (false)
    std::vector<int64_t> capture_queries;  // query rows to keep when capturing (all rows)
};

struct ForwardOutput {
    at::Tensor hidden;  // [B, T, d] after the final norm
    at::Tensor logits;  // [B, T, V] (undefined when !compute_logits)
    std::vector<at::Tensor> attention;  // per layer [B, H, Q, S] float32 when captured
};

class LlamaModel {
public:
    struct LoadOptions {
        std::string device = "cpu";  // "cpu" or "cuda[:N]"
        std::string dtype = "auto";  // "auto" (config's dtype on CUDA, float32 on CPU), float32, bfloat16, float16
    };
    // Loads config.json + model.safetensors (or shards) from `dir`; validates every tensor.
    static std::shared_ptr<const LlamaModel> load(const std::string& dir, const LoadOptions& options);
    static std::shared_ptr<const LlamaModel> load(const std::string& dir) { return load(dir, LoadOptions()); }
    // Wraps weights made elsewhere (a trainer, a test).
    LlamaModel(LlamaConfig config, LlamaWeights weights, std::string dir = {});

    const LlamaConfig& config() const { return config_; }
    const LlamaWeights& weights() const { return weights_; }
    const std::string& dir() const { return dir_; }
    at::Device device() const { return weights_.embed.device(); }
    at::ScalarType dtype() const { return weights_.embed.scalar_type(); }
    int64_t parameter_count() const;
    // Stable short id of the weights (hash of config and a sample of every tensor).
    const std::string& fingerprint() const { return fingerprint_; }

    // Token ids [B, T] int64 -> output.
    ForwardOutput forward(const at::Tensor& input_ids, const ForwardOptions& options = {}) const;
    // Input embeddings [B, T, d] -> output (ICAE's decoder input, memory tokens).
    ForwardOutput forward_embeds(const at::Tensor& inputs_embeds, const ForwardOptions& options = {}) const;
    at::Tensor embed(const at::Tensor& input_ids) const;  // [B, T] -> [B, T, d]

    // Saves config.json + safetensors (sharded above max_shard_bytes) in HF layout.
    void save(const std::string& dir, size_t max_shard_bytes = 16u << 20) const;

private:
    LlamaConfig config_;
    LlamaWeights weights_;
    std::string dir_;
    std::string fingerprint_;
};

// The stack itself, for callers that hold trainable weights (AOC encoder, trainer).
// inputs_embeds [B, T, d] -> ForwardOutput.
ForwardOutput llama_forward(const LlamaConfig& config, const LlamaWeights& weights, const at::Tensor& inputs_embeds,
                            const ForwardOptions& options);

// Parses "cpu"/"cuda"/"cuda:1" and "float32"/"bfloat16"/"float16"/"auto"; throws xcomp::Error.
at::Device parse_device(const std::string& name);
at::ScalarType parse_dtype_name(const std::string& name, const LlamaConfig& config, at::Device device);
std::string dtype_to_name(at::ScalarType type);

}  // namespace xcomp
