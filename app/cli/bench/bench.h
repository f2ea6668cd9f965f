// app/cli/bench/bench.h — what the sections of `xcomp bench` share: the measuring loop
// (Bench: one warm-up run, the timed repeats, median and p90, peak memory, the report rewritten
// after every row), the texts cut to exactly N tokens (TextPool) and the compressors benchmarked.
//
// One file per section: bench_cpu.cpp (one text at a time, interpolation, workbench start-up),
// bench_step.cpp (one decode step, both sections), bench_gpu.cpp (batched), bench_qa.cpp,
// bench_train.cpp, and bench_report.cpp (the JSON report's header and samples, the Markdown table).
// cmd_bench.cpp parses the options and runs the chosen sections.
#pragma once
#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "xcomp/compress/compressor.h"
#include "xcomp/model/generation.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/io/tokenizer.h"

namespace xcomp::cli::bench {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using Compressors = std::vector<std::shared_ptr<Compressor>>;

// The options of `xcomp bench`; cmd_bench.cpp reads every one (and holds the defaults).
struct BenchOptions {
    std::string data;     // JSONL of texts
    int repeats = 0;
    std::string out;      // JSON report; empty: none
    std::string section;  // cpu, gpu, qa or all
    int train_steps = 0;
    int samples = 0;      // greedy regenerations per compressor for the peer
    int max_batch = 0;    // caps the GPU rows' batch (smoke runs)
    std::vector<std::string> compressors;  // empty: every regeneration compressor
    long long threads = 0;                 // --threads as given (0: LibTorch's default)
    DecodeMode decode_mode = DecodeMode::Auto;
    std::string workbench;  // xcomp-workbench for the start-up row; empty: skipped
};

double ms_between(Clock::time_point a, Clock::time_point b);

// Linear interpolation between closest ranks (numpy's default), the same in tools/bench_peer.py.
double quantile(std::vector<double> v, double q);

// Waits until the device has run what was queued (nothing to wait for on the CPU), so that a clock
// read afterwards counts the work.
void sync(at::Device device);

// Whether this build reads the CUDA caching allocator's peak (else peak_gpu_mb is null).
bool cuda_memory_stats();

// Peak memory of one row: host RSS high-water mark and the CUDA caching allocator's peak.
class Meter {
public:
    explicit Meter(at::Device device) : device_(device) {}
    void begin();
    double peak_rss_mb() const;
    double peak_gpu_mb() const;  // < 0 when not measured (CPU, or built without the allocator's header)
    bool rss_reset() const { return rss_reset_; }

private:
    at::Device device_;
    bool rss_reset_ = false;
};

// Texts cut to exactly N tokens: the records long enough (file order), then consecutive N-token
// chunks of all records' ids joined end to end. tools/bench_peer.py builds the same lists.
class TextPool {
public:
    explicit TextPool(std::vector<std::vector<int64_t>> records);
    // The texts of the first 4000 records of a JSONL file, tokenised; `records` gets how many.
    static TextPool read(const std::string& jsonl, const Tokenizer& tok, size_t* records);

    // `count` texts of exactly `n` tokens; `natural` gets how many are whole-record cuts.
    std::vector<std::vector<int64_t>> take(int n, int count, int* natural = nullptr) const;

private:
    std::vector<std::vector<int64_t>> records_;
    std::vector<int64_t> stream_;
};

struct Timing {
    std::map<std::string, double> parts;  // "total" and the stages, in ms
};

// Times consecutive stages of one run: lap("compress") when the compression is done, and so on;
// done() gives each stage and the total since the start.
class Laps {
public:
    Laps() : start_(Clock::now()) { laps_.reserve(4); }
    void lap(const char* stage) { laps_.emplace_back(stage, Clock::now()); }
    Timing done() const;

private:
    Clock::time_point start_;
    std::vector<std::pair<const char*, Clock::time_point>> laps_;
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
                 const std::string& main_part = "total");
    void finish_memory(json& row);
    // Prints the row and rewrites the report: a crash or a time limit keeps what was measured.
    void add(json row);
    void add_sample(json s) { samples_.push_back(std::move(s)); }

    // The report (bench_report.cpp): the JSON file at out_path, and the rows as a Markdown table.
    void write() const;
    std::string markdown() const;

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

// The model's compressors: the regeneration ones (by method, m, id; only those named when
// `wanted` is not empty), the QA-tuned ones, and for the GPU rows those at m = 4 (else the first
// regeneration one). Throws when there is no regeneration compressor.
struct BenchCompressors {
    Compressors regen, qa, m4;
};
BenchCompressors find_compressors(const ModelFolder& f, const std::vector<std::string>& wanted);

// Helpers of the sections.
std::string cid(const Compressor& c);
json comp_params(const Compressor& c);
GenerationOptions exact(int n, DecodeMode mode);  // exactly n tokens, no EOS stop
std::vector<std::vector<int64_t>> pick(const std::vector<std::vector<int64_t>>& pool, size_t first, size_t count);
size_t rep_index(int rep);  // the warm-up run (-1) uses the first texts, repeat r the (r+1)-th
// Compress `batch` and regenerate exactly n tokens per row; the stages and the total in ms.
Timing compress_regenerate(const Compressor& c, const LlamaModel& dec, const std::vector<std::vector<int64_t>>& batch, int n,
                           DecodeMode mode);

// The sections.
void cpu_section(Bench& b, const Compressors& comps, const TextPool& pool);
std::string find_workbench(const std::string& given);  // throws when `given` does not exist
void startup_row(Bench& b, const std::string& exe);
void step_probe(Bench& b, const Compressor& c, const TextPool& pool, int B);
void batch_section(Bench& b, const Compressors& comps, const TextPool& pool);
void qa_section(Bench& b, const Compressor& c, const TextPool& pool);
void train_section(Bench& b, const Compressors& comps, const std::string& data, int steps);

// The report's header: the options, the model, the machine and the compressors.
json report_header(const BenchOptions& o, const ModelFolder& f, size_t data_records, int natural480,
                   const BenchCompressors& comps);
// Greedy regenerations for the peer to compare against (exactly 96 tokens, no EOS stop).
void add_samples(Bench& b, const Compressors& comps, const TextPool& pool, int per_compressor);

}  // namespace xcomp::cli::bench
