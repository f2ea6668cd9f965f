// xcomp/io/config.h — the LlamaForCausalLM config.json, in transformers 4.x and 5.x spellings.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace xcomp {

struct RopeScaling {
    std::string type = "default";  // "default" (none), "linear" or "llama3"
    double factor = 1.0;           // linear and llama3
    double low_freq_factor = 1.0;  // llama3
    double high_freq_factor = 4.0; // llama3
    int64_t original_max_position_embeddings = 8192;  // llama3
};

struct LlamaConfig {
    int64_t vocab_size = 32000;
    int64_t hidden_size = 4096;
    int64_t intermediate_size = 11008;
    int64_t num_hidden_layers = 32;
    int64_t num_attention_heads = 32;
    int64_t num_key_value_heads = 32;  // GQA when smaller than num_attention_heads
    int64_t head_dim = 128;            // hidden_size / num_attention_heads unless given
    int64_t max_position_embeddings = 2048;
    double rms_norm_eps = 1e-6;
    double rope_theta = 10000.0;
    RopeScaling rope_scaling;
    bool tie_word_embeddings = false;
    bool attention_bias = false;
    bool mlp_bias = false;
    std::string hidden_act = "silu";
    std::string dtype = "float32";  // torch_dtype (4.x) or dtype (5.x)
    std::vector<int64_t> bos_token_ids{1};
    std::vector<int64_t> eos_token_ids{2};
    int64_t pad_token_id = -1;  // -1: none

    int64_t bos_token_id() const { return bos_token_ids.empty() ? -1 : bos_token_ids.front(); }
    bool is_eos(int64_t id) const;

    // Parses and validates; throws xcomp::Error naming the file and the field.
    static LlamaConfig from_json_text(const std::string& text, const std::string& origin);
    static LlamaConfig from_file(const std::string& path);
    // transformers 4.x spelling (what `xcomp train-lm` writes; both 4.x and 5.x read it).
    std::string to_json_text() const;
    // What the weights of this config hold; -1 when that overflows int64 (from_json_text refuses those).
    int64_t parameter_count() const;
};

}  // namespace xcomp
