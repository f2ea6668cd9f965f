// Decode-step rows of `xcomp bench` (decode_step/..., in the CPU and the GPU section).
#include <cstdio>

#include "bench.h"

namespace xcomp::cli::bench {

// Where a decode step's time goes: one step of the decoder with a cache of m + 97 positions (as in
// the middle of a 96-token regeneration), through LlamaModel::forward (token ids, which range-checks
// the ids on the host) and through forward_embeds (no check), with the host's enqueue time (before
// the device finishes) and the argmax's copy to the host.
void step_probe(Bench& b, const Compressor& c, const TextPool& pool, int B) {
    const LlamaModel& dec = b.model();
    const at::Device dev = b.device();
    const auto texts = pool.take(96, B);
    MemoryBatch mem = c.encode(texts);
    KVCache prefix = decoder_prefix(dec, mem);
    std::vector<int64_t> flat;
    for (const auto& t : texts) {
        flat.push_back(dec.config().bos_token_id());
        flat.insert(flat.end(), t.begin(), t.end() - 1);
    }
    {
        ForwardOptions fo;
        fo.cache = &prefix;
        fo.compute_logits = false;
        dec.forward(at::tensor(flat, at::kLong).view({B, 96}).to(dev), fo);
    }
    const at::Tensor next = at::tensor(std::vector<int64_t>(B, texts[0][0]), at::kLong).view({B, 1}).to(dev);
    json params = comp_params(c);
    params["B"] = B;
    params["cache"] = prefix.length();
    json row = b.measure("decode_step", "decode_step/" + cid(c) + "/B=" + std::to_string(B), params, [&](int) {
        Timing t;
        KVCache c1 = prefix;  // shallow: forward() replaces the tensors, the prefix stays as it is
        ForwardOptions fo;
        fo.cache = &c1;
        sync(dev);
        auto t0 = Clock::now();
        ForwardOutput out = dec.forward(next, fo);
        sync(dev);
        auto t1 = Clock::now();
        KVCache c2 = prefix;
        ForwardOptions fo2;
        fo2.cache = &c2;
        auto t2 = Clock::now();
        ForwardOutput out2 = dec.forward_embeds(dec.embed(next), fo2);
        auto t3 = Clock::now();
        sync(dev);
        auto t4 = Clock::now();
        at::Tensor ids = out2.logits.select(1, 0).argmax(-1).to(at::kCPU);
        auto t5 = Clock::now();
        at::Tensor head = at::linear(out2.hidden, dec.weights().lm_head);  // the vocabulary projection alone
        sync(dev);
        auto t6 = Clock::now();
        t.parts["forward"] = ms_between(t0, t1);
        t.parts["forward_embeds"] = ms_between(t2, t4);
        t.parts["forward_embeds_enqueue"] = ms_between(t2, t3);
        t.parts["argmax_to_host"] = ms_between(t4, t5);
        t.parts["lm_head"] = ms_between(t5, t6);
        t.parts["total"] = ms_between(t0, t1) + ms_between(t4, t5);
        return t;
    });
    row["id_check_ms"] = row["forward_median_ms"].get<double>() - row["forward_embeds_median_ms"].get<double>();
    b.add(std::move(row));
}

}  // namespace xcomp::cli::bench
