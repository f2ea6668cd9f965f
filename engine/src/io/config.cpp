// LlamaConfig <-> config.json (transformers 4.x and 5.x spellings).
#include "xcomp/io/config.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "xcomp/error.h"

namespace xcomp {

using nlohmann::json;

namespace {

// Reads fields of one JSON object; every error names the origin and the dotted field path.
class Fields {
public:
    Fields(const json& obj, std::string origin, std::string prefix = "")
        : obj_(obj), origin_(std::move(origin)), prefix_(std::move(prefix)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& message) const {
        throw Error(origin_ + ": field '" + prefix_ + key + "': " + message);
    }

    // Present and not null.
    const json* get(const std::string& key) const {
        auto it = obj_.find(key);
        return it == obj_.end() || it->is_null() ? nullptr : &*it;
    }
    bool has(const std::string& key) const { return get(key) != nullptr; }

    int64_t integer(const std::string& key, int64_t fallback, bool required = false) const {
        const json* v = get(key);
        if (!v) {
            if (required) fail(key, "missing");
            return fallback;
        }
        return as_integer(key, *v);
    }
    int64_t as_integer(const std::string& key, const json& v) const {
        if (!v.is_number_integer()) fail(key, "must be an integer");
        if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
            fail(key, "integer too large");
        return v.get<int64_t>();
    }
    int64_t positive(const std::string& key, int64_t fallback, bool required = false) const {
        const int64_t v = integer(key, fallback, required);
        if (v <= 0) fail(key, "must be positive, got " + std::to_string(v));
        return v;
    }
    double number(const std::string& key, double fallback, bool required = false) const {
        const json* v = get(key);
        if (!v) {
            if (required) fail(key, "missing");
            return fallback;
        }
        if (!v->is_number()) fail(key, "must be a number");
        const double d = v->get<double>();
        if (!std::isfinite(d)) fail(key, "must be finite");
        return d;
    }
    double positive_number(const std::string& key, double fallback, bool required = false) const {
        const double v = number(key, fallback, required);
        if (!(v > 0)) fail(key, "must be positive");
        return v;
    }
    bool boolean(const std::string& key, bool fallback) const {
        const json* v = get(key);
        if (!v) return fallback;
        if (!v->is_boolean()) fail(key, "must be true or false");
        return v->get<bool>();
    }
    std::string string(const std::string& key, const std::string& fallback) const {
        const json* v = get(key);
        if (!v) return fallback;
        if (!v->is_string()) fail(key, "must be a string");
        return v->get<std::string>();
    }
    // An int or a list of ints (token ids); null or absent gives `fallback`.
    std::vector<int64_t> ids(const std::string& key, std::vector<int64_t> fallback) const {
        auto it = obj_.find(key);
        if (it == obj_.end()) return fallback;
        if (it->is_null()) return {};
        if (it->is_array()) {
            std::vector<int64_t> out;
            for (const json& e : *it) out.push_back(as_integer(key, e));
            return out;
        }
        return {as_integer(key, *it)};
    }

private:
    const json& obj_;
    std::string origin_;
    std::string prefix_;
};

// One of "rope_scaling" (4.x) or "rope_parameters" (5.x).
RopeScaling parse_rope(const json& obj, const std::string& origin, const std::string& name, double* theta) {
    if (!obj.is_object()) throw Error(origin + ": field '" + name + "': must be an object or null");
    const Fields f(obj, origin, name + ".");
    if (theta && f.has("rope_theta")) *theta = f.positive_number("rope_theta", *theta);

    RopeScaling rope;
    // "type" is the pre-4.43 spelling of "rope_type".
    const std::string type_key = f.has("rope_type") ? "rope_type" : "type";
    rope.type = f.string(type_key, "default");
    if (rope.type == "default") return rope;
    if (rope.type == "linear") {
        rope.factor = f.positive_number("factor", 1.0, true);
        return rope;
    }
    if (rope.type == "llama3") {
        rope.factor = f.positive_number("factor", 1.0, true);
        rope.low_freq_factor = f.positive_number("low_freq_factor", 1.0, true);
        rope.high_freq_factor = f.positive_number("high_freq_factor", 4.0, true);
        rope.original_max_position_embeddings = f.positive("original_max_position_embeddings", 8192, true);
        if (rope.high_freq_factor <= rope.low_freq_factor)
            f.fail("high_freq_factor", "must be greater than low_freq_factor");
        return rope;
    }
    f.fail(type_key, "unknown rope type '" + rope.type + "' (supported: default, linear, llama3)");
}

std::string normalize_dtype(const Fields& f, const std::string& key, std::string name) {
    if (name.rfind("torch.", 0) == 0) name = name.substr(6);
    if (name == "float32" || name == "float16" || name == "bfloat16") return name;
    if (name == "float") return "float32";
    if (name == "half") return "float16";
    f.fail(key, "unsupported dtype '" + name + "' (float32, float16 or bfloat16)");
}

json ids_json(const std::vector<int64_t>& ids) {
    if (ids.empty()) return nullptr;
    if (ids.size() == 1) return ids.front();
    return ids;
}

}  // namespace

bool LlamaConfig::is_eos(int64_t id) const {
    return std::find(eos_token_ids.begin(), eos_token_ids.end(), id) != eos_token_ids.end();
}

LlamaConfig LlamaConfig::from_json_text(const std::string& text, const std::string& origin) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for a number like 1e999
        throw Error(origin + ": not valid JSON (" + e.what() + ")");
    }
    if (!root.is_object()) throw Error(origin + ": not a JSON object");
    const Fields f(root, origin);

    if (const json* arch = f.get("architectures")) {
        if (!arch->is_array()) f.fail("architectures", "must be a list");
        bool llama = false;
        std::string first;
        for (const json& a : *arch) {
            if (!a.is_string()) f.fail("architectures", "entries must be strings");
            if (first.empty()) first = a.get<std::string>();
            llama = llama || a.get<std::string>() == "LlamaForCausalLM";
        }
        if (!llama) f.fail("architectures", "unknown architecture " + (first.empty() ? "(empty list)" : first) +
                                                 " (only LlamaForCausalLM is supported)");
    }
    const std::string model_type = f.string("model_type", "llama");
    if (model_type != "llama") f.fail("model_type", "unsupported model type '" + model_type + "' (expected llama)");

    LlamaConfig c;
    // The sizes have transformers defaults, but a config.json without them is surely not a real model.
    c.vocab_size = f.positive("vocab_size", c.vocab_size, true);
    c.hidden_size = f.positive("hidden_size", c.hidden_size, true);
    c.intermediate_size = f.positive("intermediate_size", c.intermediate_size, true);
    c.num_hidden_layers = f.positive("num_hidden_layers", c.num_hidden_layers, true);
    c.num_attention_heads = f.positive("num_attention_heads", c.num_attention_heads, true);
    c.num_key_value_heads = f.positive("num_key_value_heads", c.num_attention_heads);
    if (c.num_attention_heads % c.num_key_value_heads != 0)
        f.fail("num_key_value_heads", "num_attention_heads (" + std::to_string(c.num_attention_heads) +
                                          ") must be a multiple of num_key_value_heads (" +
                                          std::to_string(c.num_key_value_heads) + ")");
    if (f.has("head_dim")) {
        c.head_dim = f.positive("head_dim", 0);
    } else {
        if (c.hidden_size % c.num_attention_heads != 0)
            f.fail("hidden_size", "must be divisible by num_attention_heads when head_dim is not given");
        c.head_dim = c.hidden_size / c.num_attention_heads;
    }
    c.max_position_embeddings = f.positive("max_position_embeddings", c.max_position_embeddings);
    c.rms_norm_eps = f.positive_number("rms_norm_eps", c.rms_norm_eps);
    c.rope_theta = f.positive_number("rope_theta", c.rope_theta);
    // 5.x moved rope settings (theta included) into rope_parameters; prefer it when both are present.
    if (const json* p = f.get("rope_parameters"))
        c.rope_scaling = parse_rope(*p, origin, "rope_parameters", &c.rope_theta);
    else if (const json* s = f.get("rope_scaling"))
        c.rope_scaling = parse_rope(*s, origin, "rope_scaling", nullptr);

    c.tie_word_embeddings = f.boolean("tie_word_embeddings", c.tie_word_embeddings);
    c.attention_bias = f.boolean("attention_bias", c.attention_bias);
    c.mlp_bias = f.boolean("mlp_bias", c.mlp_bias);
    c.hidden_act = f.string("hidden_act", c.hidden_act);
    if (c.hidden_act != "silu") f.fail("hidden_act", "unsupported activation '" + c.hidden_act + "' (expected silu)");

    const std::string dtype_key = f.has("dtype") ? "dtype" : "torch_dtype";
    if (f.has(dtype_key)) c.dtype = normalize_dtype(f, dtype_key, f.string(dtype_key, c.dtype));

    c.bos_token_ids = f.ids("bos_token_id", c.bos_token_ids);
    c.eos_token_ids = f.ids("eos_token_id", c.eos_token_ids);
    const std::vector<int64_t> pad = f.ids("pad_token_id", {});
    if (pad.size() > 1) f.fail("pad_token_id", "must be a single id");
    c.pad_token_id = pad.empty() ? -1 : pad.front();
    auto check_ids = [&](const std::string& key, const std::vector<int64_t>& ids) {
        for (int64_t id : ids)
            if (id < 0 || id >= c.vocab_size)
                f.fail(key, "token id " + std::to_string(id) + " outside the vocabulary (size " +
                                std::to_string(c.vocab_size) + ")");
    };
    check_ids("bos_token_id", c.bos_token_ids);
    check_ids("eos_token_id", c.eos_token_ids);
    if (c.pad_token_id != -1) check_ids("pad_token_id", {c.pad_token_id});
    if (c.parameter_count() < 0)
        throw Error(origin + ": the sizes are too large: the model would hold more than 2^63 parameters");
    return c;
}

LlamaConfig LlamaConfig::from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open config file");
    std::stringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw Error(path + ": cannot read config file");
    return from_json_text(buf.str(), path);
}

std::string LlamaConfig::to_json_text() const {
    nlohmann::ordered_json j;
    j["architectures"] = {"LlamaForCausalLM"};
    j["model_type"] = "llama";
    j["vocab_size"] = vocab_size;
    j["hidden_size"] = hidden_size;
    j["intermediate_size"] = intermediate_size;
    j["num_hidden_layers"] = num_hidden_layers;
    j["num_attention_heads"] = num_attention_heads;
    j["num_key_value_heads"] = num_key_value_heads;
    j["head_dim"] = head_dim;
    j["max_position_embeddings"] = max_position_embeddings;
    j["rms_norm_eps"] = rms_norm_eps;
    j["rope_theta"] = rope_theta;
    if (rope_scaling.type == "default") {
        j["rope_scaling"] = nullptr;
    } else {
        nlohmann::ordered_json r;
        r["rope_type"] = rope_scaling.type;
        r["factor"] = rope_scaling.factor;
        if (rope_scaling.type == "llama3") {
            r["low_freq_factor"] = rope_scaling.low_freq_factor;
            r["high_freq_factor"] = rope_scaling.high_freq_factor;
            r["original_max_position_embeddings"] = rope_scaling.original_max_position_embeddings;
        }
        j["rope_scaling"] = r;
    }
    j["hidden_act"] = hidden_act;
    j["tie_word_embeddings"] = tie_word_embeddings;
    j["attention_bias"] = attention_bias;
    j["attention_dropout"] = 0.0;
    j["mlp_bias"] = mlp_bias;
    j["initializer_range"] = 0.02;
    j["pretraining_tp"] = 1;
    j["use_cache"] = true;
    j["torch_dtype"] = dtype;
    j["bos_token_id"] = ids_json(bos_token_ids);
    j["eos_token_id"] = ids_json(eos_token_ids);
    j["pad_token_id"] = pad_token_id < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(pad_token_id);
    return j.dump(2) + "\n";
}

int64_t LlamaConfig::parameter_count() const {
    // Checked arithmetic: sizes near INT64_MAX are each valid numbers, but their products are not.
    bool overflow = false;
    auto mul = [&](int64_t a, int64_t b) {
        int64_t r = 0;
        overflow |= __builtin_mul_overflow(a, b, &r);
        return r;
    };
    auto add = [&](int64_t a, int64_t b) {
        int64_t r = 0;
        overflow |= __builtin_add_overflow(a, b, &r);
        return r;
    };
    const int64_t h = hidden_size, q = mul(num_attention_heads, head_dim), kv = mul(num_key_value_heads, head_dim);
    int64_t attention = add(add(mul(h, q), mul(2, mul(h, kv))), mul(q, h));
    if (attention_bias) attention = add(attention, add(add(q, mul(2, kv)), h));
    int64_t mlp = mul(3, mul(h, intermediate_size));
    if (mlp_bias) mlp = add(mlp, add(mul(2, intermediate_size), h));
    const int64_t per_layer = add(add(attention, mlp), mul(2, h));  // + input and post-attention RMSNorm
    const int64_t embeddings = mul(vocab_size, h);
    const int64_t total =
        add(add(add(embeddings, mul(num_hidden_layers, per_layer)), h), tie_word_embeddings ? 0 : embeddings);
    return overflow ? -1 : total;
}

}  // namespace xcomp
