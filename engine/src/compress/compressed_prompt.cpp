// Compressed prompts as values: .xcp files, fit checks, interpolation and the decoder prefix.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include "xcomp/compress/compressor.h"
#include "xcomp/error.h"
#include "xcomp/io/tensor_io.h"

namespace xcomp {

int64_t CompressedPrompt::bytes() const {
    int64_t n = 0;
    for (const at::Tensor* t : {&keys, &values, &embeddings})
        if (t->defined()) n += t->numel() * t->element_size();
    return n;
}

CompressedPrompt to_prompt(const MemoryBatch& batch, int64_t b, const Compressor& compressor, int source_tokens,
                           const std::string& source_text) {
    CompressedPrompt p;
    const CompressorConfig& c = compressor.config();
    p.method = c.method;
    p.memory_tokens = c.memory_tokens;
    p.compressor_id = c.id;
    p.base_fingerprint = compressor.base().fingerprint();
    p.source_tokens = source_tokens;
    p.source_text = source_text;
    if (batch.keys.defined()) {
        p.keys = batch.keys.select(1, b).detach().contiguous();  // [L, Hkv, m, D]
        p.values = batch.values.select(1, b).detach().contiguous();
    }
    if (batch.embeddings.defined()) p.embeddings = batch.embeddings.select(0, b).detach().contiguous();  // [m, d]
    return p;
}

namespace {

// Version 2 added `payload_fnv1a64`; version 1 files (no checksum) are still read.
constexpr const char* kXcpVersion = "2";
constexpr const char* kXcpLegacyVersion = "1";

// FNV-1a 64 over the raw bytes of every tensor, in name order, as 16 hex digits. The tensors
// must be CPU and contiguous, as written to / mapped from the file.
std::string payload_checksum(const TensorMap& tensors) {
    uint64_t h = 1469598103934665603ull;
    for (const auto& [name, t] : tensors) {
        const auto* p = static_cast<const uint8_t*>(t.data_ptr());
        const size_t n = static_cast<size_t>(t.numel()) * t.element_size();
        for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// A count in the metadata: plain decimal digits, as save() writes them, in [lo, hi]. std::stoi took
// "4abc" as 4, and " 4" too.
int count_field(const std::string& path, const char* key, const std::string& text, int lo, int hi) {
    const bool digits = !text.empty() && text.size() <= 10 && (text.size() == 1 || text[0] != '0') &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    const long long v = digits ? std::stoll(text) : -1;
    if (!digits || v < lo || v > hi)
        throw Error(path + ": metadata '" + key + "' must be a whole number between " + std::to_string(lo) + " and " +
                    std::to_string(hi) + ", got '" + text + "'");
    return static_cast<int>(v);
}

}  // namespace

void CompressedPrompt::save(const std::string& path) const {
    TensorMap t;
    // The same CPU contiguous copies are hashed and written, so the checksum sees the file's bytes.
    auto host = [](const at::Tensor& x) { return x.detach().to(at::kCPU).contiguous(); };
    if (keys.defined()) {
        t["keys"] = host(keys);      // [L, Hkv, m, D]
        t["values"] = host(values);  // [L, Hkv, m, D]
    }
    if (embeddings.defined()) t["embeddings"] = host(embeddings);  // [m, d]
    save_safetensors(path, t,
                     {{"format", "xcomp-compressed-prompt"},
                      {"version", kXcpVersion},
                      {"payload_fnv1a64", payload_checksum(t)},
                      {"method", method_name(method)},
                      {"memory_tokens", std::to_string(memory_tokens)},
                      {"compressor_id", compressor_id},
                      {"base_fingerprint", base_fingerprint},
                      {"source_tokens", std::to_string(source_tokens)},
                      {"source_text", source_text}});
}

CompressedPrompt CompressedPrompt::load(const std::string& path) {
    std::map<std::string, std::string> meta;
    TensorMap t = load_safetensors(path, &meta);
    auto field = [&](const char* key) -> const std::string& {
        auto it = meta.find(key);
        if (it == meta.end()) throw Error(path + ": not a compressed prompt (metadata '" + key + "' missing)");
        return it->second;
    };
    if (field("format") != "xcomp-compressed-prompt") throw Error(path + ": not a compressed prompt (.xcp) file");
    const std::string& version = field("version");
    if (version != kXcpVersion && version != kXcpLegacyVersion)
        throw Error(path + ": .xcp format version '" + version + "' is not supported (this build reads versions " +
                    kXcpLegacyVersion + " and " + kXcpVersion + ")");
    if (version == kXcpVersion) {
        const std::string& want = field("payload_fnv1a64");
        if (payload_checksum(t) != want) throw Error(path + ": checksum mismatch: the file is damaged");
    }
    for (const auto& [name, tensor] : t) {
        // Integer "keys" would be cast to the decoder's dtype without a word.
        if (!at::isFloatingType(tensor.scalar_type()))
            throw Error(path + ": tensor '" + name + "' must be floating-point, not " + c10::toString(tensor.scalar_type()));
        check_finite(tensor, path, name);
    }
    CompressedPrompt p;
    try {
        p.method = parse_method(field("method"));
    } catch (const Error& e) {
        throw Error(path + ": metadata 'method': " + e.what());
    }
    p.memory_tokens = count_field(path, "memory_tokens", field("memory_tokens"), 1, kMaxMemoryTokens);
    p.source_tokens = count_field(path, "source_tokens", field("source_tokens"), 0, 1 << 30);
    p.compressor_id = field("compressor_id");
    p.base_fingerprint = field("base_fingerprint");
    p.source_text = meta.count("source_text") ? meta["source_text"] : "";
    if (method_outputs_kv(p.method)) {
        if (!t.count("keys") || !t.count("values")) throw Error(path + ": tensors 'keys' and 'values' missing");
        p.keys = t["keys"].clone();
        p.values = t["values"].clone();
        if (p.keys.dim() != 4 || p.keys.sizes() != p.values.sizes() || p.keys.size(2) != p.memory_tokens)
            throw Error(path + ": 'keys'/'values' must be [L, Hkv, m, D] with m = " + std::to_string(p.memory_tokens));
    } else {
        if (!t.count("embeddings")) throw Error(path + ": tensor 'embeddings' missing");
        p.embeddings = t["embeddings"].clone();
        if (p.embeddings.dim() != 2 || p.embeddings.size(0) != p.memory_tokens)
            throw Error(path + ": 'embeddings' must be [m, d] with m = " + std::to_string(p.memory_tokens));
    }
    return p;
}

void CompressedPrompt::check_fits(const Compressor& compressor) const {
    const CompressorConfig& c = compressor.config();
    if (base_fingerprint != compressor.base().fingerprint())
        throw Error("this compressed prompt was made for another base model (fingerprint " + base_fingerprint +
                    ", loaded " + compressor.base().fingerprint() + ")");
    if (method != c.method || memory_tokens != c.memory_tokens || compressor_id != c.id)
        throw Error("this compressed prompt was made by " + compressor_id + " (" + method_name(method) + ", m=" +
                    std::to_string(memory_tokens) + "), not by " + c.id);
    const LlamaConfig& lc = compressor.base().config();
    if (keys.defined() && (keys.size(0) != lc.num_hidden_layers || keys.size(1) != lc.num_key_value_heads ||
                           keys.size(3) != lc.head_dim))
        throw Error("this compressed prompt's KV shape does not fit the loaded model");
    if (embeddings.defined() && embeddings.size(1) != lc.hidden_size)
        throw Error("this compressed prompt's embedding size does not fit the loaded model");
}

namespace {

// Per-vector slerp over the last dimension; norms interpolated linearly.
at::Tensor slerp(const at::Tensor& a, const at::Tensor& b, double t) {
    at::Tensor af = a.to(at::kFloat), bf = b.to(at::kFloat);
    at::Tensor na = af.norm(2, -1, true), nb = bf.norm(2, -1, true);
    at::Tensor ua = af / na.clamp_min(1e-12), ub = bf / nb.clamp_min(1e-12);
    at::Tensor cos = (ua * ub).sum(-1, true).clamp(-1.0, 1.0);
    at::Tensor omega = at::acos(cos);
    at::Tensor so = at::sin(omega);
    // Nearly parallel vectors: fall back to linear interpolation of the directions.
    at::Tensor near = so.abs() < 1e-6;
    at::Tensor wa = at::where(near, at::full_like(so, 1.0 - t), at::sin((1.0 - t) * omega) / so);
    at::Tensor wb = at::where(near, at::full_like(so, t), at::sin(t * omega) / so);
    at::Tensor dir = wa * ua + wb * ub;
    dir = dir / dir.norm(2, -1, true).clamp_min(1e-12);
    return (dir * ((1.0 - t) * na + t * nb)).to(a.scalar_type());
}

// a and b may live on different devices (a prompt computed on the GPU, another read from a file).
at::Tensor mix(const at::Tensor& a, const at::Tensor& b_any, double t, bool spherical) {
    if (!a.defined()) return a;
    const at::Tensor b = b_any.to(a.device());
    if (spherical) return slerp(a, b, t);
    return (a.to(at::kFloat) * (1.0 - t) + b.to(at::kFloat) * t).to(a.scalar_type());
}

}  // namespace

CompressedPrompt interpolate(const CompressedPrompt& a, const CompressedPrompt& b, double alpha, bool spherical) {
    if (!(alpha >= 0.0 && alpha <= 1.0)) throw Error("alpha must be between 0 and 1");
    if (a.compressor_id != b.compressor_id || a.base_fingerprint != b.base_fingerprint || a.method != b.method ||
        a.memory_tokens != b.memory_tokens)
        throw Error("interpolation needs two prompts from the same compressor (" + a.compressor_id + " vs " +
                    b.compressor_id + ")");
    CompressedPrompt r = a;
    r.source_text.clear();
    r.source_tokens = static_cast<int>(std::lround((1.0 - alpha) * a.source_tokens + alpha * b.source_tokens));
    if (alpha == 0.0) return a;
    if (alpha == 1.0) return b;
    r.keys = mix(a.keys, b.keys, alpha, spherical);
    r.values = mix(a.values, b.values, alpha, spherical);
    r.embeddings = mix(a.embeddings, b.embeddings, alpha, spherical);
    return r;
}

MemoryBatch to_batch(const std::vector<const CompressedPrompt*>& prompts, const LlamaModel& decoder) {
    MemoryBatch m;
    std::vector<at::Tensor> k, v, e;
    for (const CompressedPrompt* p : prompts) {
        if (p->keys.defined()) {
            k.push_back(p->keys.to(decoder.device(), decoder.dtype()));
            v.push_back(p->values.to(decoder.device(), decoder.dtype()));
        }
        if (p->embeddings.defined()) e.push_back(p->embeddings.to(decoder.device(), decoder.dtype()));
    }
    if (!k.empty()) {
        m.keys = at::stack(k, 1);  // [L, B, Hkv, m, D]
        m.values = at::stack(v, 1);
    }
    if (!e.empty()) m.embeddings = at::stack(e, 0);  // [B, m, d]
    return m;
}

KVCache decoder_prefix(const LlamaModel& decoder, const MemoryBatch& memory) {
    KVCache cache;
    if (memory.keys.defined()) {
        for (int64_t l = 0; l < memory.keys.size(0); ++l) {
            cache.keys.push_back(memory.keys[l].to(decoder.dtype()));    // [B, Hkv, m, D]
            cache.values.push_back(memory.values[l].to(decoder.dtype()));
        }
        if (memory.mask.defined()) cache.mask = memory.mask.to(decoder.device(), at::kBool);  // [B, m]
    } else {
        ForwardOptions fo;
        fo.cache = &cache;
        fo.compute_logits = false;
        // A masked memory embedding is hidden from the other memory positions and from the decoder.
        if (memory.mask.defined()) fo.attention_mask = memory.mask;
        decoder.forward_embeds(memory.embeddings, fo);  // ICAE: memory as input embeddings at 0..m-1
    }
    return cache;
}

}  // namespace xcomp
