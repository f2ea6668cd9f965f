// CPU section of `xcomp bench`: compress + regenerate exactly N tokens for each compressor and N in
// {96, 192, 480}; one interpolation step (two texts, alpha 0.5, 96 tokens); start-up of the
// workbench to a usable window with the model loaded (xcomp-workbench --startup-probe).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "bench.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"

namespace xcomp::cli::bench {
namespace fs = std::filesystem;

void cpu_section(Bench& b, const Compressors& comps, const TextPool& pool) {
    const LlamaModel& dec = b.model();
    const at::Device dev = b.device();
    const int R = b.repeats();
    std::fprintf(stderr, "CPU section: compress + regenerate exactly N tokens, %d repeats\n", R);
    for (const auto& cp : comps) {
        const Compressor& c = *cp;
        for (int n : {96, 192, 480}) {
            if (n > c.config().max_source_tokens) continue;
            const auto texts = pool.take(n, R + 1);
            json params = comp_params(c);
            params["N"] = n;
            json row = b.measure("compress_regenerate", "compress_regenerate/" + cid(c) + "/N=" + std::to_string(n), params,
                                 [&](int rep) {
                                     return compress_regenerate(c, dec, {texts[rep_index(rep) % texts.size()]}, n,
                                                                b.decode_mode());
                                 });
            row["throughput"] = n / (row["regenerate_median_ms"].get<double>() / 1000.0);
            row["throughput_unit"] = "tokens/s (decode)";
            row["decode_ms_per_token"] = row["regenerate_median_ms"].get<double>() / n;
            b.add(std::move(row));
        }
    }
    // One interpolation step: two texts compressed, mixed at alpha 0.5, 96 tokens regenerated.
    std::shared_ptr<Compressor> ic;
    for (const auto& c : comps)
        if (c->config().id == "aoc-m4") ic = c;
    if (!ic && !comps.empty()) ic = comps.front();
    if (ic) {
        const Compressor& c = *ic;
        const auto texts = pool.take(96, 2 * (R + 1));
        json params = comp_params(c);
        params["N"] = 96;
        params["alpha"] = 0.5;
        json row = b.measure("interpolate", "interpolate/" + cid(c) + "/N=96", params, [&](int rep) {
            const size_t i = 2 * rep_index(rep);
            Laps laps;
            MemoryBatch ma = c.encode({texts[i % texts.size()]});
            MemoryBatch mb = c.encode({texts[(i + 1) % texts.size()]});
            CompressedPrompt pa = to_prompt(ma, 0, c, 96, "");
            CompressedPrompt pb = to_prompt(mb, 0, c, 96, "");
            sync(dev);
            laps.lap("compress");
            CompressedPrompt mixed = interpolate(pa, pb, 0.5, false);
            MemoryBatch mem = to_batch({&mixed}, dec);
            sync(dev);
            laps.lap("interpolate");
            regenerate(dec, mem, exact(96, b.decode_mode()));
            sync(dev);
            laps.lap("regenerate");
            return laps.done();
        });
        b.add(std::move(row));
    }
}

// Start-up of the workbench to a usable window (shown, model loaded): wall time from spawning
// `xcomp-workbench --startup-probe` to its "ready" line, so loading Qt and LibTorch counts too.
std::string find_workbench(const std::string& given) {
    if (!given.empty()) {
        if (!fs::exists(given)) throw Error("--workbench: " + given + " does not exist");
        return given;
    }
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    for (const fs::path& p : {self.parent_path() / "workbench" / "xcomp-workbench", self.parent_path() / "xcomp-workbench"})
        if (fs::exists(p)) return p.string();
    return {};
}

namespace {

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

}  // namespace

void startup_row(Bench& b, const std::string& exe) {
    const bool display = std::getenv("DISPLAY") && *std::getenv("DISPLAY");
    std::fprintf(stderr, "CPU section: workbench start-up (%s, %s)\n", exe.c_str(), display ? "display" : "offscreen");
    const std::string cmd = std::string(display ? "" : "QT_QPA_PLATFORM=offscreen ") + shell_quote(exe) +
                            " --startup-probe --device cpu --model " + shell_quote(b.model().dir()) + " 2>/dev/null";
    json row = b.measure("startup", "startup/workbench", {{"window", display ? "display" : "offscreen"}}, [&](int) {
        Timing t;
        const auto t0 = Clock::now();
        FILE* p = popen(cmd.c_str(), "r");
        if (!p) throw Error("cannot start " + exe);
        char line[128];
        long long main_ms = -1;
        while (std::fgets(line, sizeof line, p))
            if (std::sscanf(line, "ready %lld", &main_ms) == 1) break;
        const auto t1 = Clock::now();
        const int status = pclose(p);
        if (main_ms < 0 || status != 0)
            throw Error(exe + " --startup-probe reported no usable window (exit status " + std::to_string(status) + ")");
        t.parts["total"] = ms_between(t0, t1);
        t.parts["main_to_ready"] = static_cast<double>(main_ms);
        return t;
    });
    struct rusage ru {};
    getrusage(RUSAGE_CHILDREN, &ru);  // the largest child so far: a workbench process
    row["peak_rss_mb"] = static_cast<double>(ru.ru_maxrss) / 1024.0;
    b.add(std::move(row));
}

}  // namespace xcomp::cli::bench
