// Pieces shared by the compressor and LM trainers: parallel tokenisation, progress lines, logs.
#pragma once
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "xcomp/io/tokenizer.h"
#include "xcomp/train/trainer.h"

namespace xcomp {

// Tokenises texts on `threads` threads (0: hardware concurrency).
std::vector<std::vector<int64_t>> tokenize_all(const Tokenizer& tok, const std::vector<std::string>& texts, int threads = 0);

// "step 120/2000 loss 2.345 lr 1.0e-04 | 35.2k tok/s | ETA 5m10s"
std::string progress_line(const TrainProgress& p);

// Appends one JSON object per call to a .jsonl file.
class JsonlLog {
public:
    explicit JsonlLog(const std::string& path, bool append);
    void write(const TrainProgress& p, const std::string& extra_json_fields = "");

private:
    std::ofstream out_;
};

// Where a run stands in [0, 1]: the step fraction, or the time fraction when a budget is set and
// further along (OptimizerOptions::max_seconds). Reaching 1 ends the run. -1 without a budget.
double schedule_progress(const OptimizerOptions& o, int64_t steps_done, double elapsed_s);

// After a step: true when the time budget is spent; clamps p->eta_s to the budget left.
bool spend_time_budget(const OptimizerOptions& o, TrainProgress* p);

// The numbers both trainers log after optimizer step `step` (counted from 0) of a run that began
// at `first_step` (a resumed run) and has seen `tokens` target tokens in `elapsed_s` seconds.
void record_step(TrainProgress* p, const OptimizerOptions& o, double lr, int64_t step, int64_t first_step,
                 int64_t tokens, double elapsed_s);

// A logged step: to control.on_progress (Progress::training = p), or a line on stderr without one.
void report_step(const RunControl& control, const TrainProgress& p);

// Calls fn(text, pair) for each extractive pair synthetic_qa makes from the texts of a JSONL file
// (at most per_text each, seeded per text from `seed`); returns the number of pairs.
int64_t for_each_synthetic_qa(const std::string& path, int per_text, uint64_t seed, int64_t limit_records,
                              const std::function<void(const std::string& text, const std::string& question,
                                                       const std::string& answer)>& fn);

class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    std::chrono::steady_clock::time_point start_;
};

}  // namespace xcomp
