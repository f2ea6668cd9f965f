// Training rows of `xcomp bench` (GPU section): compressor training throughput, train_compressor
// with batch 32 and texts of 96-480 tokens, the first steps left out as warm-up.
#include <ftw.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>

#include "bench.h"
#include "xcomp/error.h"
#include "xcomp/train/trainer.h"

namespace xcomp::cli::bench {

namespace {

// POSIX instead of std::filesystem::remove_all: against PyTorch's pip LibTorch that call binds to a
// libtorch.so entry that jumps to address 0 (the H200 machine's segfault after each training row).
void remove_tree(const std::string& dir) {
    nftw(dir.c_str(), [](const char* path, const struct stat*, int, struct FTW*) { return ::remove(path); }, 16,
         FTW_DEPTH | FTW_PHYS);
}

}  // namespace

void train_section(Bench& b, const Compressors& comps, const std::string& data, int steps) {
    std::fprintf(stderr, "GPU section: compressor training throughput (%d steps, batch 32, lengths 96-480)\n", steps);
    const int skip = std::min(3, steps - 1);  // warm-up steps left out of the statistics
    for (const auto& cp : comps) {
        const Compressor& c = *cp;
        char tmpl[] = "/tmp/xcomp-bench-train-XXXXXX";
        if (!mkdtemp(tmpl)) throw Error("cannot make a temporary folder for the training benchmark");
        const std::string out = tmpl;
        CompressorTrainOptions o;
        o.compressor = c.config();
        o.compressor.id = "bench-" + c.config().id;
        o.compressor.qa = false;
        o.train_data = data;
        o.batch_size = 32;
        o.min_tokens = 96;
        o.max_tokens = 480;
        o.optim.steps = steps;
        o.optim.warmup_steps = std::max(1, steps / 10);
        o.optim.lr = 1e-4;
        o.valid_every = 0;   // validation only after the last step (outside the measured steps)
        o.valid_examples = 4;
        o.bleu_examples = 0;
        o.checkpoint_every = 0;
        o.log_every = 1;
        o.out_dir = out;
        o.seed = 7;
        std::vector<double> elapsed;
        std::vector<int64_t> tokens;
        RunControl cb;
        cb.on_progress = [&](const Progress& p) {
            elapsed.push_back(p.training->elapsed_s);
            tokens.push_back(p.training->tokens_seen);
        };
        b.meter().begin();
        try {
            train_compressor(c.base_ptr(), b.tok(), o, cb);
        } catch (...) {
            remove_tree(out);
            throw;
        }
        remove_tree(out);
        std::vector<double> step_ms;
        for (size_t i = skip; i < elapsed.size(); ++i) step_ms.push_back(1000.0 * (elapsed[i] - (i ? elapsed[i - 1] : 0.0)));
        const double secs = elapsed.size() > static_cast<size_t>(skip) ? elapsed.back() - (skip ? elapsed[skip - 1] : 0.0) : 0;
        const int64_t toks = tokens.empty() ? 0 : tokens.back() - (skip ? tokens[skip - 1] : 0);
        json row = {{"name", "train_compressor"},
                    {"id", "train_compressor/" + cid(c) + "/batch=32"},
                    {"device", b.device_name()}};
        const json cparams = comp_params(c);
        for (auto it = cparams.begin(); it != cparams.end(); ++it) row[it.key()] = it.value();
        row["batch"] = 32;
        row["lengths"] = "96-480";
        row["steps"] = steps;
        row["measured_steps"] = static_cast<int>(step_ms.size());
        row["median_ms"] = quantile(step_ms, 0.5);
        row["p90_ms"] = quantile(step_ms, 0.9);
        row["repeats"] = static_cast<int>(step_ms.size());
        row["throughput"] = secs > 0 ? toks / secs : 0.0;
        row["throughput_unit"] = "tokens/s";
        row["tokens"] = toks;
        b.finish_memory(row);
        b.add(std::move(row));
    }
}

}  // namespace xcomp::cli::bench
