#include "xcomp/generation.h"

#include <ATen/core/grad_mode.h>

#include "xcomp/error.h"

namespace xcomp {

GenerationResult generate_greedy(const LlamaModel& model, const at::Tensor& prompt_ids, KVCache cache,
                                 const GenerationOptions& o) {
    if (prompt_ids.dim() != 2 || prompt_ids.size(1) == 0) throw Error("generation needs a prompt of shape [B, T] with T > 0");
    if (o.max_new_tokens < 0) throw Error("max_new_tokens must be >= 0");
    if (o.capture_attention && prompt_ids.size(0) != 1) throw Error("attention capture needs batch size 1");
    at::NoGradGuard no_grad;
    const int64_t B = prompt_ids.size(0);
    const LlamaConfig& config = model.config();
    GenerationResult r;
    r.ids.assign(B, {});
    r.hit_eos.assign(B, false);
    std::vector<bool> done(B, false);
    int64_t alive = B;

    ForwardOptions fo;
    fo.cache = &cache;
    fo.lora = o.lora;
    fo.capture_attention = o.capture_attention;
    at::Tensor input = prompt_ids.to(model.device(), at::kLong);
    // Left-padded prompts: positions count real tokens only and continue after the cache.
    at::Tensor next_pos;
    if (o.prompt_mask.defined()) {
        at::Tensor mask = o.prompt_mask.to(model.device(), at::kBool);
        at::Tensor pos = mask.to(at::kLong).cumsum(1) - 1 + cache.length();
        fo.attention_mask = mask;
        fo.position_ids = pos.clamp_min(cache.length());
        next_pos = pos.select(1, pos.size(1) - 1) + 1;  // [B]
    }
    for (int step = 0; step < o.max_new_tokens && alive > 0; ++step) {
        if (o.cancel && o.cancel->load()) {
            r.cancelled = true;
            break;
        }
        if (o.capture_attention) fo.capture_queries = {input.size(1) - 1};
        ForwardOutput out = model.forward(input, fo);
        if (o.capture_attention) {
            std::vector<at::Tensor> rows;  // per layer [H, S]
            for (const at::Tensor& a : out.attention) rows.push_back(a[0].select(1, 0));
            r.attention.push_back(at::stack(rows).to(at::kCPU));
        }
        at::Tensor next = out.logits.select(1, out.logits.size(1) - 1).argmax(-1).to(at::kCPU);  // [B]
        const int64_t* ids = next.data_ptr<int64_t>();
        bool stop = false;
        for (int64_t b = 0; b < B; ++b) {
            if (done[b]) continue;
            if (o.stop_at_eos && config.is_eos(ids[b])) {
                done[b] = true;
                r.hit_eos[b] = true;
                --alive;
                continue;
            }
            r.ids[b].push_back(ids[b]);
            if (o.on_token && !o.on_token(b, ids[b])) stop = true;
        }
        if (stop) {
            r.cancelled = true;
            break;
        }
        input = next.view({B, 1}).to(model.device());
        if (next_pos.defined()) {
            fo.attention_mask = at::ones({B, 1}, at::TensorOptions().dtype(at::kBool).device(model.device()));
            fo.position_ids = next_pos.view({B, 1});
            next_pos = next_pos + 1;
        }
    }
    return r;
}

}  // namespace xcomp
