// GPU section of `xcomp bench`: batched compress + regenerate (B in {1, 64, 256} at N = 96, B = 64
// at N = 480, B capped by --max-batch); on CUDA also the AOC rows with the grown cache (decode
// mode dynamic), to show what the CUDA graph and the preallocated cache buy.
#include <algorithm>
#include <cstdio>
#include <utility>

#include "bench.h"

namespace xcomp::cli::bench {

void batch_section(Bench& b, const Compressors& comps, const TextPool& pool) {
    const LlamaModel& dec = b.model();
    const at::Device dev = b.device();
    const int R = b.repeats();
    std::fprintf(stderr, "GPU section: batched compress + regenerate (decode mode %s)\n", decode_mode_name(b.decode_mode()));
    auto run = [&](const Compressor& c, int B, int n, DecodeMode mode, const std::string& suffix) {
        const auto texts = pool.take(n, B * (R + 1));
        json params = comp_params(c);
        params["B"] = B;
        params["N"] = n;
        params["decode_mode"] = decode_mode_name(mode);
        json row = b.measure("batch_regen",
                             "batch_regen/" + cid(c) + "/B=" + std::to_string(B) + "/N=" + std::to_string(n) + suffix, params,
                             [&](int rep) { return compress_regenerate(c, dec, pick(texts, rep_index(rep) * B, B), n, mode); });
        row["throughput"] = B / (row["median_ms"].get<double>() / 1000.0);
        row["throughput_unit"] = "texts/s";
        row["decode_ms_per_step"] = row["regenerate_median_ms"].get<double>() / n;
        b.add(std::move(row));
    };
    std::vector<std::pair<int, int>> shapes;  // (B, N), B capped by --max-batch
    for (auto [B, n] : std::vector<std::pair<int, int>>{{1, 96}, {64, 96}, {256, 96}, {64, 480}}) {
        const std::pair<int, int> s{std::min(B, b.max_batch()), n};
        if (std::find(shapes.begin(), shapes.end(), s) == shapes.end()) shapes.push_back(s);
    }
    for (const auto& cp : comps)
        for (auto [B, n] : shapes) run(*cp, B, n, b.decode_mode(), "");
    // What the CUDA graph and the preallocated cache buy: the same AOC rows with the grown cache.
    if (dev.is_cuda() && b.decode_mode() != DecodeMode::Dynamic) {
        for (const auto& cp : comps) {
            if (cp->config().method != Method::AOC) continue;
            for (auto [B, n] : shapes)
                if (n == 96) run(*cp, B, n, DecodeMode::Dynamic, "/dynamic");
        }
    }
}

}  // namespace xcomp::cli::bench
