// Fuzzes a LoRA compressor's `adapter/adapter_config.json` (PEFT's config; LoraWeights::parse_config,
// what LoraWeights::load reads first). Invariants on an accepted config: r within 1..65536, a finite
// alpha and scale, target modules non-empty, distinct and known; config_json_text() reads back as the
// same r, alpha and targets. When r is small, the config is also loaded as a whole adapter
// (LoraWeights::load on a scratch folder whose adapter_model.safetensors holds every projection of a
// 2-layer model at that rank): one A/B pair per layer and target, of the shapes the model implies,
// and save() + load() gives the same adapter.
#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "fuzz_util.h"
#include "xcomp/error.h"
#include "xcomp/io/safetensors.h"
#include "xcomp/model/model.h"

using namespace xcomp;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kMaxLoadedRank = 64;  // ranks above this are parsed only (the adapter files grow as r)

const LlamaConfig& model_config() {
    static const LlamaConfig config = [] {
        LlamaConfig c;
        c.vocab_size = 16;
        c.hidden_size = 8;
        c.intermediate_size = 12;
        c.num_hidden_layers = 2;
        c.num_attention_heads = 2;
        c.num_key_value_heads = 1;
        c.head_dim = 4;
        return c;
    }();
    return config;
}

const Proj kAllProj[] = {Proj::Q, Proj::K, Proj::V, Proj::O, Proj::Gate, Proj::Up, Proj::Down};

std::pair<int64_t, int64_t> shape_of(Proj p) {  // [out, in], as the engine's proj_shape
    const LlamaConfig& c = model_config();
    const int64_t d = c.hidden_size, qd = c.num_attention_heads * c.head_dim, kvd = c.num_key_value_heads * c.head_dim;
    switch (p) {
    case Proj::Q: return {qd, d};
    case Proj::K:
    case Proj::V: return {kvd, d};
    case Proj::O: return {d, qd};
    case Proj::Gate:
    case Proj::Up: return {c.intermediate_size, d};
    case Proj::Down: return {d, c.intermediate_size};
    }
    return {0, 0};
}

// A scratch adapter folder for rank r: adapter_model.safetensors with every projection of every layer.
const fs::path& adapter_dir(int64_t r) {
    static std::map<int64_t, fs::path> dirs;
    auto it = dirs.find(r);
    if (it != dirs.end()) return it->second;
    const fs::path d = fuzz::scratch_dir() / ("adapter-r" + std::to_string(r));
    fs::create_directories(d);
    SafeTensorsWriter w;
    for (int layer = 0; layer < model_config().num_hidden_layers; ++layer) {
        for (Proj p : kAllProj) {
            const bool mlp = p == Proj::Gate || p == Proj::Up || p == Proj::Down;
            const std::string base = "base_model.model.model.layers." + std::to_string(layer) +
                                     (mlp ? ".mlp." : ".self_attn.") + proj_name(p);
            const auto [out, in] = shape_of(p);
            for (const auto& [which, shape] : {std::pair<const char*, std::vector<int64_t>>{"lora_A", {r, in}},
                                               std::pair<const char*, std::vector<int64_t>>{"lora_B", {out, r}}}) {
                std::vector<float> v(static_cast<size_t>(shape[0] * shape[1]));
                for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>((i * 7 + layer * 3) % 11) / 16.0f - 0.3f;
                w.add(base + "." + which + ".weight", DType::F32, shape, v.data(), v.size() * sizeof(float));
            }
        }
    }
    w.write((d / "adapter_model.safetensors").string());
    return dirs.emplace(r, d).first->second;
}

bool same_config(const LoraWeights& a, const LoraWeights& b) {
    return a.r == b.r && a.alpha == b.alpha && a.target_modules == b.target_modules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    LoraWeights parsed;
    try {
        parsed = LoraWeights::parse_config(text, "adapter_config.json");
    } catch (const Error&) {
        return 0;
    }
    FUZZ_CHECK(parsed.r >= 1 && parsed.r <= 65536);
    FUZZ_CHECK(std::isfinite(parsed.alpha) && std::isfinite(parsed.scale()));
    FUZZ_CHECK(!parsed.target_modules.empty());
    FUZZ_CHECK(std::set<std::string>(parsed.target_modules.begin(), parsed.target_modules.end()).size() ==
               parsed.target_modules.size());
    for (const std::string& t : parsed.target_modules) {
        Proj p;
        FUZZ_CHECK(parse_proj(t, &p));
    }
    FUZZ_CHECK(parsed.pairs.empty());
    LoraWeights again;
    try {
        again = LoraWeights::parse_config(parsed.config_json_text("base"), "adapter_config.json (written back)");
    } catch (const Error& e) {
        std::fprintf(stderr, "written config refused: %s\n", e.what());
        std::abort();
    }
    FUZZ_CHECK(same_config(parsed, again));

    if (parsed.r > kMaxLoadedRank) return 0;
    const fs::path& dir = adapter_dir(parsed.r);
    fuzz::write_file(dir / "adapter_config.json", data, size);
    LoraWeights lora;
    try {
        lora = LoraWeights::load(dir.string(), model_config(), at::kCPU, at::kFloat);
    } catch (const Error& e) {
        std::fprintf(stderr, "accepted config, matching tensors, but load refused: %s\n", e.what());
        std::abort();
    }
    FUZZ_CHECK(same_config(parsed, lora));
    FUZZ_CHECK(lora.pairs.size() == static_cast<size_t>(model_config().num_hidden_layers) * lora.target_modules.size());
    for (const auto& [key, pair] : lora.pairs) {
        const auto [out, in] = shape_of(key.second);
        FUZZ_CHECK(pair.a.sizes() == at::IntArrayRef({lora.r, in}));
        FUZZ_CHECK(pair.b.sizes() == at::IntArrayRef({out, lora.r}));
    }
    const fs::path saved = fuzz::scratch_dir() / "saved";
    lora.save(saved.string(), "base");
    const LoraWeights reloaded = LoraWeights::load(saved.string(), model_config(), at::kCPU, at::kFloat);
    FUZZ_CHECK(same_config(lora, reloaded) && reloaded.pairs.size() == lora.pairs.size());
    for (const auto& [key, pair] : lora.pairs) {
        const LoraWeights::Pair* other = reloaded.find(key.first, key.second);
        FUZZ_CHECK(other && at::equal(other->a, pair.a) && at::equal(other->b, pair.b));
    }
    fs::remove_all(saved);
    return 0;
}
