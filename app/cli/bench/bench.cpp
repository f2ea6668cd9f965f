// The measuring loop of `xcomp bench` and what its sections share (bench.h).
#include "bench.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "xcomp/io/dataset.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"

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

namespace xcomp::cli::bench {
namespace fs = std::filesystem;

double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

void sync(at::Device device) {
    if (!device.is_cuda()) return;
#ifdef XCOMP_BENCH_CUDA_STATS
    c10::cuda::device_synchronize();
#else
    at::zeros({1}, at::TensorOptions().device(device)).sum().item<float>();
#endif
}

bool cuda_memory_stats() {
#ifdef XCOMP_BENCH_CUDA_STATS
    return true;
#else
    return false;
#endif
}

// ---- Meter ---------------------------------------------------------------------------------------

void Meter::begin() {
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

double Meter::peak_rss_mb() const {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

double Meter::peak_gpu_mb() const {
#ifdef XCOMP_BENCH_CUDA_STATS
    if (device_.is_cuda()) {
        auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device_.has_index() ? device_.index() : 0);
        return static_cast<double>(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0);  // [0]: aggregate
    }
#endif
    return -1;
}

// ---- TextPool ------------------------------------------------------------------------------------

TextPool::TextPool(std::vector<std::vector<int64_t>> records) : records_(std::move(records)) {
    for (const auto& r : records_) stream_.insert(stream_.end(), r.begin(), r.end());
    if (stream_.empty()) throw Error("the dataset has no text to benchmark with");
}

TextPool TextPool::read(const std::string& jsonl, const Tokenizer& tok, size_t* records) {
    DatasetReport rep;
    std::vector<TextRecord> recs = read_jsonl(jsonl, &rep, 4000);
    std::vector<std::vector<int64_t>> ids;
    for (const auto& r : recs) {
        std::vector<int> t = tok.encode(r.text);
        ids.emplace_back(t.begin(), t.end());
    }
    *records = recs.size();
    return TextPool(std::move(ids));
}

std::vector<std::vector<int64_t>> TextPool::take(int n, int count, int* natural) const {
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

// ---- Bench ---------------------------------------------------------------------------------------

Timing Laps::done() const {
    Timing t;
    Clock::time_point from = start_;
    for (const auto& [stage, at] : laps_) {
        t.parts[stage] = ms_between(from, at);
        from = at;
    }
    t.parts["total"] = ms_between(start_, from);
    return t;
}

json Bench::measure(const std::string& name, const std::string& id, json params, const std::function<Timing(int rep)>& fn,
                    const std::string& main_part) {
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

void Bench::finish_memory(json& row) {
    row["peak_rss_mb"] = meter_.peak_rss_mb();
    row["rss_peak_reset"] = meter_.rss_reset();
    const double gpu = meter_.peak_gpu_mb();
    row["peak_gpu_mb"] = gpu >= 0 ? json(gpu) : json(nullptr);
}

void Bench::add(json row) {
    std::fprintf(stderr, "  %-44s median %10.2f ms  p90 %10.2f ms", row["id"].get<std::string>().c_str(),
                 row["median_ms"].get<double>(), row["p90_ms"].get<double>());
    if (row.contains("throughput") && !row["throughput"].is_null())
        std::fprintf(stderr, "  %.1f %s", row["throughput"].get<double>(), row.value("throughput_unit", "").c_str());
    std::fprintf(stderr, "\n");
    rows_.push_back(std::move(row));
    write();  // after every row: a crash or a time limit keeps what was measured
}

// ---- Compressors and helpers ---------------------------------------------------------------------

BenchCompressors find_compressors(const ModelFolder& f, const std::vector<std::string>& wanted) {
    BenchCompressors out;
    Compressors& regen = out.regen;
    Compressors& qa = out.qa;
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
        Compressors kept;
        for (const auto& c : regen)
            if (std::find(wanted.begin(), wanted.end(), c->config().id) != wanted.end()) kept.push_back(c);
        regen = kept;
    }
    if (regen.empty()) throw Error("no regeneration compressors in " + root.string() + (wanted.empty() ? "" : " matching --compressors"));
    for (const auto& c : regen)
        if (c->config().memory_tokens == 4) out.m4.push_back(c);
    if (out.m4.empty()) out.m4.push_back(regen.front());
    return out;
}

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

Timing compress_regenerate(const Compressor& c, const LlamaModel& dec, const std::vector<std::vector<int64_t>>& batch, int n,
                           DecodeMode mode) {
    const at::Device dev = dec.device();
    Laps laps;
    MemoryBatch mem = c.encode(batch);
    sync(dev);
    laps.lap("compress");
    GenerationResult g = regenerate(dec, mem, exact(n, mode));
    sync(dev);
    laps.lap("regenerate");
    if (static_cast<int>(g.ids[0].size()) != n) throw Error("regeneration did not run N steps");
    return laps.done();
}

}  // namespace xcomp::cli::bench
