// bench: latency, throughput and peak memory of the engine's hot paths (issue 8).
//
//   CPU section: compress + regenerate exactly N tokens for each compressor and N in {96, 192, 480};
//                one interpolation step (two texts, alpha 0.5, 96 tokens); start-up of the workbench to a
//                usable window with the model loaded (xcomp-workbench --startup-probe).
//   GPU section: batched compress + regenerate (B in {1, 64, 256} at N = 96, B = 64 at N = 480);
//                compressor training throughput (train_compressor, batch 32, lengths 96-480);
//                QA after a 480-token context: compressed at question time, compressed beforehand
//                ("reused") and full text (time to first token, total); alone as the QA section.
//
// Every row: median and p90 over the repeats (after one untimed warm-up run), peak host RSS
// (getrusage, after resetting the kernel's high-water mark through /proc/self/clear_refs where
// allowed) and, on CUDA, peak GPU memory allocated (the caching allocator's statistics, reset per
// row). Rows keep a stable `id` so tools/bench_peer.py (the same work with transformers + peft)
// and tools/make_performance_report.py can pair them up.
#include <ftw.h>
#include <sys/resource.h>
#include <unistd.h>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>

#include "commands.h"
#include "xcomp/atomic_file.h"
#include "xcomp/compressor.h"
#include "xcomp/dataset.h"
#include "xcomp/decoding.h"
#include "xcomp/error.h"
#include "xcomp/runtime.h"
#include "xcomp/trainer.h"

// A build that cannot compile the allocator's API (it moves between LibTorch versions) drops in an
// empty bench_no_cuda_stats.h beside this file: the rows then carry no peak GPU memory.
#if defined(__has_include)
#if __has_include("bench_no_cuda_stats.h")
#define XCOMP_BENCH_NO_CUDA_STATS 1
#endif
#endif
#if defined(XCOMP_HAVE_CUDA) && !defined(XCOMP_BENCH_NO_CUDA_STATS) && defined(__has_include)
#if __has_include(<c10/cuda/CUDACachingAllocator.h>) && __has_include(<c10/cuda/CUDAFunctions.h>)
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#define XCOMP_BENCH_CUDA_STATS 1
#endif
#endif

namespace xcomp::cli {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Linear interpolation between closest ranks (numpy's default), the same in tools/bench_peer.py.
// POSIX instead of std::filesystem::remove_all: against PyTorch's pip LibTorch that call binds to a
// libtorch.so entry that jumps to address 0 (the H200 machine's segfault after each training row).
void remove_tree(const std::string& dir) {
    nftw(dir.c_str(), [](const char* path, const struct stat*, int, struct FTW*) { return ::remove(path); }, 16,
         FTW_DEPTH | FTW_PHYS);
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

std::string read_first_line_matching(const std::string& path, const std::string& prefix) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0) {
            const size_t colon = line.find(':');
            if (colon == std::string::npos) return line;
            size_t a = line.find_first_not_of(" \t", colon + 1);
            return a == std::string::npos ? std::string() : line.substr(a);
        }
    return {};
}

std::string command_output(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// Peak memory of one row: host RSS high-water mark and the CUDA caching allocator's peak.
class Meter {
public:
    explicit Meter(at::Device device) : device_(device) {}

    void begin() {
        // Writing 5 to clear_refs resets the RSS high-water mark that getrusage reports (Linux >= 4.0).
        std::ofstream f("/proc/self/clear_refs");
        if (f) {
            f << "5";
            f.flush();
            rss_reset_ = static_cast<bool>(f);
        } else {
            rss_reset_ = false;
        }
#ifdef XCOMP_BENCH_CUDA_STATS
        if (device_.is_cuda()) {
            c10::cuda::device_synchronize();
            c10::cuda::CUDACachingAllocator::resetPeakStats(device_.has_index() ? device_.index() : 0);
        }
#endif
    }

    double peak_rss_mb() const {
        struct rusage ru {};
        getrusage(RUSAGE_SELF, &ru);
        return static_cast<double>(ru.ru_maxrss) / 1024.0;  // kilobytes on Linux
    }

    // < 0 when not measured (CPU, or built without the CUDA allocator's header).
    double peak_gpu_mb() const {
#ifdef XCOMP_BENCH_CUDA_STATS
        if (device_.is_cuda()) {
            auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device_.has_index() ? device_.index() : 0);
            return static_cast<double>(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0);  // [0]: aggregate
        }
#endif
        return -1;
    }

    bool rss_reset() const { return rss_reset_; }

private:
    at::Device device_;
    bool rss_reset_ = false;
};

void sync(at::Device device) {
    if (!device.is_cuda()) return;
#ifdef XCOMP_BENCH_CUDA_STATS
    c10::cuda::device_synchronize();
#else
    at::zeros({1}, at::TensorOptions().device(device)).sum().item<float>();
#endif
}

// Texts cut to exactly N tokens: the records long enough (file order), then consecutive N-token
// chunks of all records' ids joined end to end. tools/bench_peer.py builds the same lists.
class TextPool {
public:
    explicit TextPool(std::vector<std::vector<int64_t>> records) : records_(std::move(records)) {
        for (const auto& r : records_) stream_.insert(stream_.end(), r.begin(), r.end());
        if (stream_.empty()) throw Error("the dataset has no text to benchmark with");
    }

    // `count` texts of exactly `n` tokens; `natural` gets how many are whole-record cuts.
    std::vector<std::vector<int64_t>> take(int n, int count, int* natural = nullptr) const {
        std::vector<std::vector<int64_t>> out;
        for (const auto& r : records_) {
            if (static_cast<int>(out.size()) >= count) break;
            if (static_cast<int>(r.size()) >= n) out.emplace_back(r.begin(), r.begin() + n);
        }
        if (natural) *natural = static_cast<int>(out.size());
        size_t at = 0;
        while (static_cast<int>(out.size()) < count) {
            std::vector<int64_t> chunk;
            for (int i = 0; i < n; ++i) chunk.push_back(stream_[(at + i) % stream_.size()]);
            at += n;
            out.push_back(std::move(chunk));
        }
        return out;
    }

private:
    std::vector<std::vector<int64_t>> records_;
    std::vector<int64_t> stream_;
};

struct Timing {
    std::map<std::string, double> parts;  // "total" and the stages, in ms
};

class Bench {
public:
    Bench(ModelFolder folder, int repeats, std::string out_path, json meta)
        : f_(std::move(folder)), repeats_(repeats), out_path_(std::move(out_path)), meter_(f_.model->device()),
          meta_(std::move(meta)) {}

    at::Device device() const { return f_.model->device(); }
    std::string device_name() const { return device().is_cuda() ? "cuda" : "cpu"; }
    const LlamaModel& model() const { return *f_.model; }
    const Tokenizer& tok() const { return *f_.tokenizer; }
    int repeats() const { return repeats_; }
    DecodeMode decode_mode() const { return decode_mode_; }
    int max_batch() const { return max_batch_; }
    void set_max_batch(int n) { max_batch_ = n; }
    void set_decode_mode(DecodeMode m) { decode_mode_ = m; }
    Meter& meter() { return meter_; }

    // One warm-up call (rep = -1), then `repeats` timed ones; returns the rows' common fields.
    json measure(const std::string& name, const std::string& id, json params, const std::function<Timing(int rep)>& fn,
                 const std::string& main_part = "total") {
        fn(-1);
        sync(device());
        meter_.begin();
        std::map<std::string, std::vector<double>> samples;
        for (int r = 0; r < repeats_; ++r) {
            Timing t = fn(r);
            for (const auto& [k, v] : t.parts) samples[k].push_back(v);
        }
        json row = {{"name", name}, {"id", id}, {"device", device_name()}};
        for (auto it = params.begin(); it != params.end(); ++it) row[it.key()] = it.value();
        const std::vector<double>& main = samples[main_part];
        row["median_ms"] = quantile(main, 0.5);
        row["p90_ms"] = quantile(main, 0.9);
        row["repeats"] = repeats_;
        for (const auto& [k, v] : samples) {
            if (k == main_part) continue;
            row[k + "_median_ms"] = quantile(v, 0.5);
            row[k + "_p90_ms"] = quantile(v, 0.9);
        }
        finish_memory(row);
        return row;
    }

    void finish_memory(json& row) {
        row["peak_rss_mb"] = meter_.peak_rss_mb();
        row["rss_peak_reset"] = meter_.rss_reset();
        const double gpu = meter_.peak_gpu_mb();
        row["peak_gpu_mb"] = gpu >= 0 ? json(gpu) : json(nullptr);
    }

    void add(json row) {
        std::fprintf(stderr, "  %-44s median %10.2f ms  p90 %10.2f ms", row["id"].get<std::string>().c_str(),
                     row["median_ms"].get<double>(), row["p90_ms"].get<double>());
        if (row.contains("throughput") && !row["throughput"].is_null())
            std::fprintf(stderr, "  %.1f %s", row["throughput"].get<double>(), row.value("throughput_unit", "").c_str());
        std::fprintf(stderr, "\n");
        rows_.push_back(std::move(row));
        write();  // after every row: a crash or a time limit keeps what was measured
    }

    void add_sample(json s) { samples_.push_back(std::move(s)); }

    void write() const {
        if (out_path_.empty()) return;
        json j = meta_;
        j["rows"] = rows_;
        j["samples"] = samples_;
        write_file_atomically(out_path_, j.dump(1) + "\n");
    }

    std::string markdown() const {
        std::string s = "| row | device | median ms | p90 ms | throughput | stages (median ms) | peak RSS MB | peak GPU MB |\n"
                        "|---|---|---:|---:|---:|---|---:|---:|\n";
        char buf[512];
        for (const json& r : rows_) {
            std::string stages;
            for (auto it = r.begin(); it != r.end(); ++it) {
                const std::string& k = it.key();
                if (k.size() > 10 && k.compare(k.size() - 10, 10, "_median_ms") == 0) {
                    std::snprintf(buf, sizeof buf, "%s%s %.1f", stages.empty() ? "" : ", ", k.substr(0, k.size() - 10).c_str(),
                                  it.value().get<double>());
                    stages += buf;
                }
            }
            std::string thr = "";
            if (r.contains("throughput") && !r["throughput"].is_null()) {
                std::snprintf(buf, sizeof buf, "%.1f %s", r["throughput"].get<double>(), r.value("throughput_unit", "").c_str());
                thr = buf;
            }
            std::string gpu = r["peak_gpu_mb"].is_null() ? "-" : std::to_string(static_cast<long long>(r["peak_gpu_mb"].get<double>()));
            std::snprintf(buf, sizeof buf, "| %s | %s | %.2f | %.2f | %s | %s | %.0f | %s |\n", r["id"].get<std::string>().c_str(),
                          r["device"].get<std::string>().c_str(), r["median_ms"].get<double>(), r["p90_ms"].get<double>(),
                          thr.c_str(), stages.c_str(), r["peak_rss_mb"].get<double>(), gpu.c_str());
            s += buf;
        }
        return s;
    }

private:
    ModelFolder f_;
    int repeats_;
    DecodeMode decode_mode_ = DecodeMode::Auto;
    int max_batch_ = 256;
    std::string out_path_;
    Meter meter_;
    json meta_;
    json rows_ = json::array();
    json samples_ = json::array();
};

std::string cid(const Compressor& c) { return c.config().id; }

json comp_params(const Compressor& c) {
    return {{"compressor", c.config().id}, {"method", method_name(c.config().method)}, {"m", c.config().memory_tokens}};
}

GenerationOptions exact(int n, DecodeMode mode) {
    GenerationOptions go;
    go.decode_mode = mode;
    go.max_new_tokens = n;
    go.stop_at_eos = false;  // exactly n tokens: the same work on every run and in the peer
    return go;
}

std::vector<std::vector<int64_t>> pick(const std::vector<std::vector<int64_t>>& pool, size_t first, size_t count) {
    std::vector<std::vector<int64_t>> out;
    for (size_t i = 0; i < count; ++i) out.push_back(pool[(first + i) % pool.size()]);
    return out;
}

size_t rep_index(int rep) { return rep < 0 ? 0 : static_cast<size_t>(rep) + 1; }

// Compress `batch` and regenerate exactly n tokens per row; the stages and the total in ms.
Timing compress_regenerate(const Compressor& c, const LlamaModel& dec, const std::vector<std::vector<int64_t>>& batch, int n,
                           DecodeMode mode) {
    Timing t;
    const at::Device dev = dec.device();
    auto t0 = Clock::now();
    MemoryBatch mem = c.encode(batch);
    sync(dev);
    auto t1 = Clock::now();
    GenerationResult g = regenerate(dec, mem, exact(n, mode));
    sync(dev);
    auto t2 = Clock::now();
    if (static_cast<int>(g.ids[0].size()) != n) throw Error("regeneration did not run N steps");
    t.parts["compress"] = ms_between(t0, t1);
    t.parts["regenerate"] = ms_between(t1, t2);
    t.parts["total"] = ms_between(t0, t2);
    return t;
}

// ---- CPU section ---------------------------------------------------------------------------------

void cpu_section(Bench& b, const std::vector<std::shared_ptr<Compressor>>& comps, const TextPool& pool) {
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
            Timing t;
            const size_t i = 2 * rep_index(rep);
            auto t0 = Clock::now();
            MemoryBatch ma = c.encode({texts[i % texts.size()]});
            MemoryBatch mb = c.encode({texts[(i + 1) % texts.size()]});
            CompressedPrompt pa = to_prompt(ma, 0, c, 96, "");
            CompressedPrompt pb = to_prompt(mb, 0, c, 96, "");
            sync(dev);
            auto t1 = Clock::now();
            CompressedPrompt mixed = interpolate(pa, pb, 0.5, false);
            MemoryBatch mem = to_batch({&mixed}, dec);
            sync(dev);
            auto t2 = Clock::now();
            regenerate(dec, mem, exact(96, b.decode_mode()));
            sync(dev);
            auto t3 = Clock::now();
            t.parts["compress"] = ms_between(t0, t1);
            t.parts["interpolate"] = ms_between(t1, t2);
            t.parts["regenerate"] = ms_between(t2, t3);
            t.parts["total"] = ms_between(t0, t3);
            return t;
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

std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

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

// ---- GPU section ---------------------------------------------------------------------------------

void batch_section(Bench& b, const std::vector<std::shared_ptr<Compressor>>& comps, const TextPool& pool) {
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

void train_section(Bench& b, const std::vector<std::shared_ptr<Compressor>>& comps, const std::string& data, int steps) {
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
        TrainCallbacks cb;
        cb.on_progress = [&](const TrainProgress& p) {
            elapsed.push_back(p.elapsed_s);
            tokens.push_back(p.tokens_seen);
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
            go.on_token = [&](int64_t, int64_t) {
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

// Greedy regenerations for the peer to compare against (exactly 96 tokens, no EOS stop).
void add_samples(Bench& b, const std::vector<std::shared_ptr<Compressor>>& comps, const TextPool& pool, int per_compressor) {
    const auto texts = pool.take(96, per_compressor);
    for (const auto& cp : comps) {
        for (int i = 0; i < per_compressor; ++i) {
            MemoryBatch mem = cp->encode({texts[i]});
            GenerationResult g = regenerate(b.model(), mem, exact(96, b.decode_mode()));
            b.add_sample({{"compressor", cid(*cp)}, {"N", 96}, {"source_ids", texts[i]}, {"output_ids", g.ids[0]},
                          {"device", b.device_name()}});
        }
    }
}

std::string iso_now() {
    std::time_t t = std::time(nullptr);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

}  // namespace

int cmd_bench(Args& a) {
    const std::string data = a.str("data", "");
    const int repeats = static_cast<int>(a.integer("repeats", 7, 1, 1000));
    const std::string out = a.str("out", "");
    const std::string device_arg = a.str("device", "cpu");
    const std::string section = a.str("section", device_arg.rfind("cuda", 0) == 0 ? "gpu" : "cpu");
    const int train_steps = static_cast<int>(a.integer("train-steps", 30, 2, 100000));
    const int samples = static_cast<int>(a.integer("samples", 2, 0, 64));
    const int max_batch = static_cast<int>(a.integer("max-batch", 256, 1, 4096));  // caps the GPU rows' batch (smoke runs)
    std::vector<std::string> wanted = a.list("compressors");  // default: every regeneration compressor
    const long long threads = a.integer("threads", 0, 0, 1024);
    const DecodeMode decode_mode = parse_decode_mode(a.str("decode-mode", "auto"));
    const std::string workbench = find_workbench(a.str("workbench", ""));
    if (section != "cpu" && section != "gpu" && section != "qa" && section != "all")
        throw Error("--section must be cpu, gpu, qa or all");
    if (data.empty()) throw Error("--data is required: a JSONL file of texts, e.g. ../shared/data/arxiv/valid.jsonl");
    ModelFolder f = open_model(a, true);
    a.finish();
    at::NoGradGuard no_grad;

    // Compressors: regeneration ones for the latency/throughput rows, a QA one (if any) for the QA rows.
    std::vector<std::shared_ptr<Compressor>> regen, qa;
    const fs::path root = fs::path(f.model->dir()) / "compressors";
    std::vector<std::string> dirs;
    if (fs::is_directory(root))
        for (const auto& e : fs::directory_iterator(root))
            if (e.is_directory() && fs::exists(e.path() / "compressor.json")) dirs.push_back(e.path().string());
    for (const std::string& d : dirs) {
        auto c = Compressor::load(d, f.model);
        (c->config().qa ? qa : regen).push_back(c);
    }
    auto rank = [](const std::shared_ptr<Compressor>& c) {
        const std::vector<Method> order = {Method::X500, Method::ICAE, Method::AOC, Method::LoraAOC};
        return std::make_tuple(std::find(order.begin(), order.end(), c->config().method) - order.begin(),
                               c->config().memory_tokens, c->config().id);
    };
    std::sort(regen.begin(), regen.end(), [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
    std::sort(qa.begin(), qa.end(), [](const auto& x, const auto& y) { return x->config().id < y->config().id; });
    if (!wanted.empty()) {
        std::vector<std::shared_ptr<Compressor>> kept;
        for (const auto& c : regen)
            if (std::find(wanted.begin(), wanted.end(), c->config().id) != wanted.end()) kept.push_back(c);
        regen = kept;
    }
    if (regen.empty()) throw Error("no regeneration compressors in " + root.string() + (wanted.empty() ? "" : " matching --compressors"));
    std::vector<std::shared_ptr<Compressor>> m4;  // one per method at m = 4 (the GPU rows)
    for (const auto& c : regen)
        if (c->config().memory_tokens == 4) m4.push_back(c);
    if (m4.empty()) m4.push_back(regen.front());

    // Texts: the first records of the data file, tokenised once.
    DatasetReport rep;
    std::vector<TextRecord> recs = read_jsonl(data, &rep, 4000);
    std::vector<std::vector<int64_t>> ids;
    for (const auto& r : recs) {
        std::vector<int> t = f.tokenizer->encode(r.text);
        ids.emplace_back(t.begin(), t.end());
    }
    TextPool pool(std::move(ids));
    int natural480 = 0;
    pool.take(480, 64, &natural480);

    json meta = {{"tool", "xcomp bench"},
                 {"implementation", "xcomp"},
                 {"date", iso_now()},
                 {"section", section},
                 {"decode_mode", decode_mode_name(decode_mode)},
                 {"max_batch", max_batch},
                 {"repeats", repeats},
                 {"data", data},
                 {"data_records", recs.size()},
                 {"texts_480_natural_of_64", natural480},
                 {"model",
                  {{"dir", f.model->dir()},
                   {"parameters", f.model->parameter_count()},
                   {"dtype", dtype_to_name(f.model->dtype())},
                   {"device", f.model->device().str()},
                   {"layers", f.model->config().num_hidden_layers},
                   {"hidden_size", f.model->config().hidden_size},
                   {"vocab_size", f.model->config().vocab_size},
                   {"fingerprint", f.model->fingerprint()}}},
                 {"machine",
                  {{"cpu", read_first_line_matching("/proc/cpuinfo", "model name")},
                   {"cores", static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN))},
                   {"threads", at::get_num_threads()},
                   {"threads_option", threads},
                   {"gpu", f.model->device().is_cuda()
                               ? command_output("nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1")
                               : ""},
                   {"torch", torch_version()},
                   {"cuda_memory_stats",
#ifdef XCOMP_BENCH_CUDA_STATS
                    true
#else
                    false
#endif
                   }}},
                 {"compressors", [&] {
                      json j = json::array();
                      for (const auto& c : regen) j.push_back(c->config().id);
                      for (const auto& c : qa) j.push_back(c->config().id);
                      return j;
                  }()}};
    Bench b(f, repeats, out, meta);
    b.set_decode_mode(decode_mode);
    b.set_max_batch(max_batch);
    std::fprintf(stderr, "bench: %s on %s (%s, %d threads), %zu compressors, %d repeats\n", f.model->dir().c_str(),
                 f.model->device().str().c_str(), dtype_to_name(f.model->dtype()).c_str(), at::get_num_threads(),
                 regen.size() + qa.size(), repeats);
    if (samples > 0) add_samples(b, regen, pool, samples);
    std::shared_ptr<Compressor> probe_c = m4.front();
    for (const auto& c : m4)
        if (c->config().method == Method::AOC) probe_c = c;
    if (section == "cpu" || section == "all") {
        cpu_section(b, regen, pool);
        step_probe(b, *probe_c, pool, 1);
        step_probe(b, *probe_c, pool, 16);
        if (!workbench.empty()) {
            startup_row(b, workbench);
        } else {
            std::fprintf(stderr, "no xcomp-workbench beside xcomp (an engine-only build?): start-up row skipped; pass --workbench\n");
        }
    }
    if (section == "gpu" || section == "all") {
        batch_section(b, m4, pool);
        if (section == "gpu") step_probe(b, *probe_c, pool, 1);
        step_probe(b, *probe_c, pool, std::min(256, b.max_batch()));
    }
    if (section == "gpu" || section == "qa" || section == "all") {
        std::shared_ptr<Compressor> qc = !qa.empty() ? qa.front() : nullptr;
        if (!qc)
            for (const auto& c : m4)
                if (c->config().method == Method::AOC) qc = c;
        if (!qc) qc = m4.front();
        qa_section(b, *qc, pool);
    }
    if (section == "gpu" || section == "all") {
        at::AutoGradMode grad(true);  // the trainer needs autograd on
        train_section(b, m4, data, train_steps);
    }
    b.write();
    std::printf("%s", b.markdown().c_str());
    if (!out.empty()) std::printf("\nwrote %s\n", out.c_str());
    return 0;
}

}  // namespace xcomp::cli
