// Optimised memory: m memory tokens fitted to one text against the frozen decoder.
#include "xcomp/compress/memory_optimisation.h"

#include <ATen/core/grad_mode.h>
#include <algorithm>
#include <regex>

#include "train/optimizer.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"

namespace xcomp {


MemoryBatch optimise_memory(const LlamaModel& decoder, const std::vector<std::vector<int64_t>>& ids, bool kv,
                            int memory_tokens, const MemoryOptimisationOptions& o, const RunControl* control,
                            MemoryOptimisationStats* stats) {
    if (o.max_steps < 1) throw Error("optimised memory: the step budget must be at least 1, got " + std::to_string(o.max_steps));
    if (o.check_every < 1) throw Error("optimised memory: check_every must be at least 1, got " + std::to_string(o.check_every));
    if (!(o.lr > 0 && o.lr <= 10)) throw Error("optimised memory: the learning rate must be in (0, 10]");
    if (memory_tokens < 1 || memory_tokens > kMaxMemoryTokens)
        throw Error("memory tokens must be between 1 and " + std::to_string(kMaxMemoryTokens) + ", got " +
                    std::to_string(memory_tokens));
    const int64_t B = static_cast<int64_t>(ids.size()), m = memory_tokens;
    if (B == 0) throw Error("nothing to compress");
    // The Session and the evaluation run under NoGradGuard; this is a small training run.
    at::AutoGradMode grad_mode(true);
    const LlamaConfig& c = decoder.config();
    const at::Device device = decoder.device();
    const at::ScalarType dtype = decoder.dtype();
    const int64_t bos = c.bos_token_id(), eos = c.eos_token_ids.front();
    if (bos < 0) throw Error("the decoder's config has no bos_token_id; regeneration starts from [BOS]");

    int64_t T = 0;
    for (const auto& row : ids) {
        if (row.empty()) throw Error("cannot compress an empty text");
        T = std::max<int64_t>(T, static_cast<int64_t>(row.size()));
    }
    std::vector<std::vector<int64_t>> prompts(B, std::vector<int64_t>{bos}), targets(B);
    for (int64_t b = 0; b < B; ++b) {
        targets[b] = ids[b];
        targets[b].push_back(eos);
    }
    const DecoderTargets d = decoder_targets(c, prompts, targets).to(device);

    // The start: what the decoder itself makes of m evenly spaced tokens of the text.
    std::vector<int64_t> flat(B * T, eos), pick(B * m);
    for (int64_t b = 0; b < B; ++b) {
        const int64_t n = static_cast<int64_t>(ids[b].size());
        std::copy(ids[b].begin(), ids[b].end(), flat.begin() + b * T);
        for (int64_t k = 0; k < m; ++k) pick[b * m + k] = std::min(n - 1, (2 * k + 1) * n / (2 * m));
    }
    const at::Tensor text = at::tensor(flat, at::kLong).view({B, T}).to(device);   // [B, T], right-padded
    const at::Tensor where = at::tensor(pick, at::kLong).view({B, m}).to(device);  // [B, m]
    std::vector<at::Tensor> params;  // float32 leaves: keys, values [L, B, Hkv, m, D] or embeddings [B, m, d]
    {
        at::NoGradGuard ng;
        if (kv) {
            KVCache cache;
            ForwardOptions fo;
            fo.cache = &cache;
            fo.compute_logits = false;
            llama_forward(c, decoder.weights(), decoder.embed(text), fo);  // right padding cannot reach earlier positions
            const int64_t H = c.num_key_value_heads, D = c.head_dim;
            const at::Tensor index = where.view({B, 1, m, 1}).expand({B, H, m, D});  // [B, Hkv, m, D]
            std::vector<at::Tensor> ks, vs;
            for (size_t l = 0; l < cache.keys.size(); ++l) {
                ks.push_back(cache.keys[l].gather(2, index));  // [B, Hkv, m, D]
                vs.push_back(cache.values[l].gather(2, index));
            }
            params.push_back(at::stack(ks).to(at::kFloat).contiguous());  // [L, B, Hkv, m, D]
            params.push_back(at::stack(vs).to(at::kFloat).contiguous());
        } else {
            params.push_back(decoder.embed(text.gather(1, where)).to(at::kFloat).contiguous());  // [B, m, d]
        }
    }
    for (at::Tensor& p : params) p.requires_grad_(true);
    auto as_memory = [&](bool detach) {  // the memory in the decoder's dtype
        MemoryBatch mb;
        const auto cast = [&](const at::Tensor& t) { return (detach ? t.detach() : t).to(dtype); };
        if (kv) {
            mb.keys = cast(params[0]);
            mb.values = cast(params[1]);
        } else {
            mb.embeddings = cast(params[0]);
        }
        return mb;
    };
    OptimizerOptions oo;
    oo.lr = o.lr;
    oo.weight_decay = 0;
    oo.warmup_steps = 0;
    oo.schedule = "constant";
    oo.clip_norm = 0;
    oo.steps = o.max_steps;
    AdamW adam(params, oo);

    MemoryBatch best = as_memory(true);  // a row's memory at the step its regeneration became exact
    best.keys = best.keys.defined() ? best.keys.clone() : best.keys;
    best.values = best.values.defined() ? best.values.clone() : best.values;
    best.embeddings = best.embeddings.defined() ? best.embeddings.clone() : best.embeddings;
    std::vector<int> exact_at(B, -1);
    int64_t left = B;
    int step = 0;
    bool cancelled = false;
    auto check = [&] {
        at::NoGradGuard ng;
        const MemoryBatch now = as_memory(true);
        GenerationOptions go;
        go.max_new_tokens = static_cast<int>(T) + 1;
        GenerationResult g = regenerate(decoder, now, go);
        for (int64_t b = 0; b < B; ++b) {
            if (exact_at[b] >= 0 || !g.hit_eos[b] || g.ids[b] != ids[b]) continue;
            exact_at[b] = step;
            --left;
            if (kv) {
                best.keys.select(1, b).copy_(now.keys.select(1, b));
                best.values.select(1, b).copy_(now.values.select(1, b));
            } else {
                best.embeddings.select(0, b).copy_(now.embeddings.select(0, b));
            }
        }
    };
    while (step < o.max_steps && left > 0) {
        if (control && control->cancel_requested()) {
            cancelled = true;
            break;
        }
        // Summed over rows: each text gets the gradient it would get alone.
        at::Tensor loss = decoder_loss(decoder, as_memory(false), d, LossNormalization::Sample) * static_cast<double>(B);
        loss.backward();
        adam.step(step);
        ++step;
        if (control)
            control->progress(Progress{static_cast<double>(step) / o.max_steps, step, o.max_steps, "optimise memory"});
        if (step % o.check_every == 0 || step == o.max_steps) check();
    }
    {
        at::NoGradGuard ng;
        const MemoryBatch last = as_memory(true);
        for (int64_t b = 0; b < B; ++b) {
            if (exact_at[b] >= 0) continue;
            if (kv) {
                best.keys.select(1, b).copy_(last.keys.select(1, b));
                best.values.select(1, b).copy_(last.values.select(1, b));
            } else {
                best.embeddings.select(0, b).copy_(last.embeddings.select(0, b));
            }
        }
    }
    if (stats) {
        const at::Tensor losses = decoder_row_losses(decoder, best, d).to(at::kCPU);  // [B]
        stats->rows.assign(B, {});
        for (int64_t b = 0; b < B; ++b) {
            MemoryOptimisationRow& r = stats->rows[b];
            r.exact = exact_at[b] >= 0;
            r.steps = r.exact ? exact_at[b] : step;
            r.loss = losses[b].item<double>();
        }
        stats->steps = step;
        stats->cancelled = cancelled;
    }
    best.optimisation_steps = exact_at;
    best.cancelled = cancelled;
    return best;
}

std::optional<CompressorConfig> optimised_compressor_config(const std::string& id) {
    static const std::regex pattern("optimised-(kv|emb)-m([0-9]{1,2})");
    std::smatch match;
    if (!std::regex_match(id, match, pattern)) return std::nullopt;
    const int m = std::stoi(match[2].str());
    if (m < 1 || m > kMaxMemoryTokens) return std::nullopt;
    CompressorConfig c;
    c.method = match[1].str() == "kv" ? Method::OptimisedKV : Method::OptimisedEmbeddings;
    c.memory_tokens = m;
    c.id = id;
    c.label = std::string(match[1].str() == "kv" ? "Optimised KV" : "Optimised emb.") + " m=" + std::to_string(m);
    c.training_json = R"({"note": "no training: the memory is fitted to each text against the frozen decoder"})";
    return c;
}

}  // namespace xcomp
