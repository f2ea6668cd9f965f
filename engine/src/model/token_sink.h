// Per-row bookkeeping shared by every greedy decode loop: EOS, the token callback, the result.
#pragma once
#include <ATen/ATen.h>

#include <vector>

#include "xcomp/model/generation.h"

namespace xcomp {

struct TokenSink {
    const GenerationOptions& o;
    const LlamaConfig& config;
    GenerationResult& r;
    std::vector<bool> done;
    int64_t alive;

    TokenSink(const GenerationOptions& options, const LlamaConfig& c, GenerationResult& result, int64_t B)
        : o(options), config(c), r(result), done(B, false), alive(B) {
        r.ids.assign(B, {});
        r.hit_eos.assign(B, false);
    }
    // next [B] int64 on the CPU. Returns false when the run must stop (callback or every row done).
    bool take(const at::Tensor& next) {
        const int64_t* ids = next.data_ptr<int64_t>();
        bool stop = false;
        for (size_t b = 0; b < done.size(); ++b) {
            if (done[b]) continue;
            if (o.stop_at_eos && config.is_eos(ids[b])) {
                done[b] = true;
                r.hit_eos[b] = true;
                --alive;
                continue;
            }
            r.ids[b].push_back(ids[b]);
            if (o.control.on_token && !o.control.on_token(static_cast<int64_t>(b), ids[b])) stop = true;
        }
        if (stop) r.cancelled = true;
        return !stop && alive > 0;
    }
    bool cancelled() {
        if (o.control.cancel_requested()) r.cancelled = true;
        return r.cancelled;
    }
};

}  // namespace xcomp
