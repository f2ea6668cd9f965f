// QA rows of `xcomp bench` (GPU section, or alone as the QA section): answering a question after
// a 480-token context, compressed at question time, compressed beforehand ("reused") and as the
// full text; time to the first answer token and in total.
#include <algorithm>
#include <cstdio>

#include "bench.h"
#include "xcomp/compress/decoding.h"

namespace xcomp::cli::bench {

void qa_section(Bench& b, const Compressor& c, const TextPool& pool) {
    const LlamaModel& dec = b.model();
    const at::Device dev = b.device();
    const int R = b.repeats();
    const int n = std::min(480, c.config().max_source_tokens);
    const std::string question = "What problem does this paper address?";
    std::fprintf(stderr, "GPU section: QA after a %d-token context, compressed (%s) vs full text\n", n, cid(c).c_str());
    const auto texts = pool.take(n, R + 1);
    const std::vector<int64_t> prompt = qa_prompt_ids(b.tok(), dec.config(), c.config().qa_template, question);
    std::string filled = c.config().qa_template;
    filled.replace(filled.find("{q}"), 3, question);
    std::vector<int64_t> tail;
    for (int id : b.tok().encode(filled)) tail.push_back(id);
    // "reused": the context was compressed beforehand (the workbench keeps a compressed prompt and
    // answers any number of questions from it), so only the question and the answer are timed.
    for (const std::string context : {"compressed", "reused", "full"}) {
        const bool compressed = context == "compressed", reused = context == "reused";
        json params = comp_params(c);
        params["N"] = n;
        params["answer_tokens"] = 48;
        params["context"] = context;
        json row = b.measure("qa", "qa/" + context + "/" + cid(c) + "/N=" + std::to_string(n), params, [&](int rep) {
            Timing t;
            const auto& ids = texts[rep_index(rep) % texts.size()];
            GenerationOptions go = exact(48, b.decode_mode());
            Clock::time_point first;
            bool seen = false;
            go.control.on_token = [&](int64_t, int64_t) {
                if (!seen) first = Clock::now(), seen = true;
                return true;
            };
            MemoryBatch ready;
            if (reused) {
                ready = c.encode({ids});
                sync(dev);
            }
            auto t0 = Clock::now();
            if (compressed) {
                MemoryBatch mem = c.encode({ids});
                continue_after(dec, &mem, prompt, go);
            } else if (reused) {
                continue_after(dec, &ready, prompt, go);
            } else {
                std::vector<int64_t> full = {dec.config().bos_token_id()};
                full.insert(full.end(), ids.begin(), ids.end());
                full.insert(full.end(), tail.begin(), tail.end());
                continue_after(dec, nullptr, full, go);
            }
            sync(dev);
            auto t1 = Clock::now();
            t.parts["ttft"] = ms_between(t0, first);
            t.parts["total"] = ms_between(t0, t1);
            return t;
        });
        // Two rows from the same runs, so that each pairs with the peer's on its own.
        json ttft = row;
        ttft["name"] = "qa_ttft";
        ttft["id"] = "qa_ttft/" + context + "/" + cid(c) + "/N=" + std::to_string(n);
        ttft["median_ms"] = row["ttft_median_ms"];
        ttft["p90_ms"] = row["ttft_p90_ms"];
        ttft["total_median_ms"] = row["median_ms"];
        ttft["total_p90_ms"] = row["p90_ms"];
        ttft.erase("ttft_median_ms");
        ttft.erase("ttft_p90_ms");
        row["name"] = "qa_total";
        row["id"] = "qa_total/" + context + "/" + cid(c) + "/N=" + std::to_string(n);
        row["throughput"] = 48 / (row["median_ms"].get<double>() / 1000.0);
        row["throughput_unit"] = "answer tokens/s";
        b.add(std::move(ttft));
        b.add(std::move(row));
    }
}

}  // namespace xcomp::cli::bench
