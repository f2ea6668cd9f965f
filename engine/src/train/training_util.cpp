#include "training_util.h"

#include <algorithm>
#include <thread>

#include "xcomp/io/dataset.h"
#include "xcomp/error.h"
#include "xcomp/train/synthetic_qa.h"

namespace xcomp {

std::vector<std::vector<int64_t>> tokenize_all(const Tokenizer& tok, const std::vector<std::string>& texts, int threads) {
    if (threads <= 0) threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::vector<int64_t>> out(texts.size());
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (size_t i = t; i < texts.size(); i += threads) {
                const std::vector<int> ids = tok.encode(texts[i]);
                out[i].assign(ids.begin(), ids.end());
            }
        });
    }
    for (auto& th : pool) th.join();
    return out;
}

double schedule_progress(const OptimizerOptions& o, int64_t steps_done, double elapsed_s) {
    if (o.max_seconds <= 0) return -1;
    const double by_steps = static_cast<double>(steps_done - o.warmup_steps) / std::max<int64_t>(1, o.steps - o.warmup_steps);
    return std::min(1.0, std::max(by_steps, elapsed_s / o.max_seconds));
}

bool spend_time_budget(const OptimizerOptions& o, TrainProgress* p) {
    if (o.max_seconds <= 0) return false;
    p->eta_s = std::min(p->eta_s, std::max(0.0, o.max_seconds - p->elapsed_s));
    return p->elapsed_s >= o.max_seconds;
}

int64_t for_each_synthetic_qa(const std::string& path, int per_text, uint64_t seed, int64_t limit_records,
                              const std::function<void(const std::string&, const std::string&, const std::string&)>& fn) {
    SyntheticQAOptions so;
    so.max_pairs = per_text;
    int64_t made = 0, i = 0;
    for (const TextRecord& r : read_jsonl(path, nullptr, limit_records)) {
        so.seed = seed * 1000003u + static_cast<uint64_t>(i++);
        for (const SyntheticQA& q : synthetic_qa(r.text, so)) {
            fn(r.text, q.question, q.answer);
            ++made;
        }
    }
    return made;
}

void record_step(TrainProgress* p, const OptimizerOptions& o, double lr, int64_t step, int64_t first_step,
                 int64_t tokens, double elapsed_s) {
    p->step = step + 1;
    p->steps = o.steps;
    p->lr = lr;
    p->tokens_seen = tokens;
    p->elapsed_s = elapsed_s;
    p->tokens_per_second = static_cast<double>(tokens) / std::max(1e-9, elapsed_s);
    p->eta_s = elapsed_s / static_cast<double>(std::max<int64_t>(1, p->step - first_step)) * static_cast<double>(o.steps - p->step);
}

void report_step(const RunControl& control, const TrainProgress& p) {
    if (control.on_progress)
        control.progress(Progress{static_cast<double>(p.step) / static_cast<double>(std::max<int64_t>(1, p.steps)), p.step,
                                  p.steps, "train", &p});
    else
        std::fprintf(stderr, "%s\n", progress_line(p).c_str());
}

static std::string duration(double s) {
    char buf[32];
    const long v = static_cast<long>(s);
    if (v >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", v / 3600, (v % 3600) / 60);
    else std::snprintf(buf, sizeof buf, "%ldm%02lds", v / 60, v % 60);
    return buf;
}

std::string progress_line(const TrainProgress& p) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "step %lld/%lld  loss %.4f  lr %.2e  |g| %.2f  %.1fk tok/s  elapsed %s  ETA %s",
                  static_cast<long long>(p.step), static_cast<long long>(p.steps), p.loss, p.lr, p.grad_norm,
                  p.tokens_per_second / 1000.0, duration(p.elapsed_s).c_str(), duration(p.eta_s).c_str());
    std::string s = buf;
    if (p.valid_loss >= 0) s += "  valid_loss " + std::to_string(p.valid_loss);
    if (p.valid_bleu >= 0) s += "  valid_bleu " + std::to_string(p.valid_bleu);
    if (p.valid_f1 >= 0) s += "  valid_f1 " + std::to_string(p.valid_f1);
    return s;
}

JsonlLog::JsonlLog(const std::string& path, bool append) : out_(path, append ? std::ios::app : std::ios::trunc) {
    if (!out_) throw Error("cannot write training log " + path);
}

void JsonlLog::write(const TrainProgress& p, const std::string& extra) {
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "{\"step\":%lld,\"loss\":%.6f,\"lr\":%.6e,\"grad_norm\":%.4f,\"tokens_seen\":%lld,\"tokens_per_s\":%.1f,"
                  "\"elapsed_s\":%.2f",
                  static_cast<long long>(p.step), p.loss, p.lr, p.grad_norm, static_cast<long long>(p.tokens_seen),
                  p.tokens_per_second, p.elapsed_s);
    out_ << buf;
    if (p.valid_loss >= 0) out_ << ",\"valid_loss\":" << p.valid_loss;
    if (p.valid_bleu >= 0) out_ << ",\"valid_bleu\":" << p.valid_bleu;
    if (p.valid_f1 >= 0) out_ << ",\"valid_f1\":" << p.valid_f1;
    if (p.allreduce_wait_s >= 0) out_ << ",\"allreduce_wait_s\":" << p.allreduce_wait_s;
    out_ << extra << "}\n";
    out_.flush();
}

}  // namespace xcomp
