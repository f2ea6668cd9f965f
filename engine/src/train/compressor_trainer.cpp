// Compressor training: regeneration pretraining and QA fine-tuning with a frozen decoder.
#include <ATen/core/grad_mode.h>

#include <filesystem>
#include <future>
#include <numeric>
#include <random>

#include <nlohmann/json.hpp>

#include "optimizer.h"
#include "training_util.h"
#include "windows.h"
#include "xcomp/io/dataset.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"
#include "xcomp/eval/metrics.h"
#include "xcomp/train/trainer.h"

namespace xcomp {
namespace fs = std::filesystem;

namespace {

struct Example {
    std::vector<int64_t> source;  // text ids (cut per batch for regeneration)
    std::vector<int64_t> prompt;  // decoder prompt: [BOS] or [BOS] + question template
    std::vector<int64_t> target;  // teacher-forced target incl. EOS (QA: the answer)
    std::vector<std::string> answers;
};

// float32 leaves that require grad, replacing the tensors in `w` (so the compressor computes with them).
std::vector<at::Tensor> make_trainable(CompressorWeights& w) {
    std::vector<at::Tensor> params;
    auto lift = [&](at::Tensor& t) {
        if (!t.defined()) return;
        t = t.detach().to(at::kFloat).clone().set_requires_grad(true);
        params.push_back(t);
    };
    lift(w.memory);
    for (auto& [key, pair] : w.lora.pairs) {
        lift(pair.a);
        lift(pair.b);
    }
    for (LayerWeights& l : w.encoder.layers)
        for (const LayerRole& r : layer_roles())
            if (r.in_attention_block()) lift(l.*r.member);
    return params;
}

struct HostBatch {
    EncoderInput source;     // the texts, for the compressor
    DecoderTargets targets;  // prompt + text, for the frozen decoder
};

class Trainer {
public:
    Trainer(std::shared_ptr<const LlamaModel> base, const Tokenizer& tok, const CompressorTrainOptions& o,
            const RunControl& cb)
        : base_(std::move(base)), tok_(tok), o_(o), cb_(cb), rng_(o.seed) {}

    TrainResult run() {
        if (o_.out_dir.empty()) throw Error("train-compressor needs an output folder");
        if (o_.min_tokens < 1 || o_.max_tokens < o_.min_tokens) throw Error("token range must satisfy 1 <= min <= max");
        if (o_.batch_size < 1 || o_.optim.grad_accum < 1 || o_.optim.steps < 1) throw Error("batch size, grad_accum and steps must be positive");
        if (!(o_.random_window >= 0 && o_.random_window <= 1) || !(o_.mix_share >= 0 && o_.mix_share <= 1))
            throw Error("random_window and mix_share are shares: each must lie in [0, 1]");
        if (o_.mix_share > 0 && o_.mix_data.empty()) throw Error("a mix share needs mix data (--mix-data)");
        if (!o_.mix_data.empty() && o_.task != "regeneration") throw Error("mix data is for regeneration training only");
        if (!o_.compressor.variant_of.empty() && o_.compressor.variant_of == o_.compressor.id)
            throw Error("a compressor cannot be a variant of itself ('" + o_.compressor.id + "')");
        // Data parallelism: every rank draws the same global batch and computes its slice of it, so
        // any world size takes the same steps as one process with that batch.
        const std::unique_ptr<DataParallel> dp = join_for_training(o_.distributed, o_.batch_size);
        double reduce_wait_s = 0;  // data parallel: waited for the gradients' mean after backward
        const int world = dp ? dp->world_size() : 1, rank = dp ? dp->rank() : 0;
        const bool main = rank == 0;
        fs::create_directories(o_.out_dir);
        load_data();
        CompressorConfig cc = o_.compressor;
        cc.max_source_tokens = std::max(cc.max_source_tokens, o_.max_tokens);
        if (o_.task == "qa") cc.qa = true;
        compressor_ = o_.init_from.empty() ? Compressor::create(cc, base_, o_.seed) : Compressor::load(o_.init_from, base_);
        if (!o_.init_from.empty()) {
            compressor_->mutable_config().qa = cc.qa;
            compressor_->mutable_config().id = cc.id.empty() ? compressor_->config().id : cc.id;
            compressor_->mutable_config().label = cc.label.empty() ? compressor_->config().label : cc.label;
            if (!cc.variant_of.empty()) {
                compressor_->mutable_config().variant_of = cc.variant_of;
                compressor_->mutable_config().serves_up_to = cc.serves_up_to;
            }
        }
        params_ = make_trainable(compressor_->weights());
        AdamW opt(params_, o_.optim);
        int64_t start = 0;
        const std::string ckpt = (fs::path(o_.out_dir) / "checkpoint.safetensors").string();
        if (o_.resume && fs::exists(ckpt)) start = load_checkpoint(ckpt, opt);
        if (dp) dp->broadcast(params_);  // one start for every rank, whatever each read
        std::optional<JsonlLog> log;
        if (main) log.emplace((fs::path(o_.out_dir) / "train_log.jsonl").string(), o_.resume);
        double agreed_s = 0;  // data parallel: the ranks' mean elapsed time, the one clock they all follow
        Stopwatch clock;
        int64_t local_tokens = 0;
        TrainProgress p;
        p.steps = o_.optim.steps;
        const at::Device device = base_->device();
        const bool gpu = device.is_cuda();
        // The next micro-batch is sampled, padded and pinned on a worker thread while the GPU runs
        // this one; losses and norms stay on the device until a step is logged, so the host never
        // waits for the GPU inside a step.
        auto build_next = [this, gpu, world, rank](double progress) {
            return std::async(std::launch::async, [this, gpu, world, rank, progress] {
                std::vector<Example> global = sample_batch(train_, o_.batch_size, progress);
                const int b = o_.batch_size / world;
                return host_batch(std::vector<Example>(global.begin() + rank * b, global.begin() + (rank + 1) * b), gpu);
            });
        };
        auto now = [&] { return dp ? agreed_s : clock.seconds(); };
        std::future<HostBatch> next = build_next(run_fraction(start, 0.0));
        for (int64_t step = start; step < o_.optim.steps; ++step) {
            at::Tensor loss_sum;  // 0-dim float32 on the device
            // Data parallel: the gradients' mean, all-reduced during the last backward pass.
            reduce_wait_s += accumulate_and_average(dp.get(), params_, o_.optim.grad_accum, [&](int a) {
                HostBatch host = next.get();
                const bool more = a + 1 < o_.optim.grad_accum || step + 1 < o_.optim.steps;
                if (more) next = build_next(run_fraction(step + (a + 1 == o_.optim.grad_accum), now()));
                at::Tensor loss = batch_loss(host, device, o_.loss_normalization);
                (loss / o_.optim.grad_accum).backward();
                loss_sum = a == 0 ? loss.detach() : loss_sum + loss.detach();
                local_tokens += host.targets.count;
            });
            int64_t tokens = local_tokens;  // target tokens of every rank since the start
            bool stop_requested = cb_.cancel_requested();
            if (dp) {  // one view of the loss, the clock and a stop request
                const std::vector<double> agreed =
                    dp->sum({loss_sum.item<double>(), clock.seconds(), stop_requested ? 1.0 : 0.0, static_cast<double>(local_tokens)});
                loss_sum = at::full({}, agreed[0] / world, at::kFloat);
                agreed_s = agreed[1] / world;
                stop_requested = agreed[2] > 0;
                tokens = static_cast<int64_t>(agreed[3]);
            }
            const double progress = schedule_progress(o_.optim, step, now());
            const at::Tensor grad_norm = opt.step(step, progress);
            record_step(&p, o_.optim, opt.lr_at(step, progress), step, start, tokens, now());
            if (dp) p.allreduce_wait_s = reduce_wait_s;
            const bool out_of_time = spend_time_budget(o_.optim, &p);
            p.valid_loss = p.valid_bleu = p.valid_f1 = -1;
            const bool last = p.step == o_.optim.steps || out_of_time;
            const bool cancelled = stop_requested;
            const bool validating = main && ((o_.valid_every > 0 && p.step % o_.valid_every == 0) || last);
            if (p.step % o_.log_every == 0 || last || validating || cancelled) {
                p.loss = loss_sum.item<double>() / o_.optim.grad_accum;  // the one wait for the GPU
                p.grad_norm = grad_norm.item<double>();
            }
            if (validating) validate(&p);
            if (main && (p.step % o_.log_every == 0 || last || p.valid_loss >= 0)) {
                log->write(p);
                report_step(cb_, p);
            }
            if (main && ((o_.checkpoint_every > 0 && p.step % o_.checkpoint_every == 0) || cancelled))
                save_checkpoint(ckpt, opt, p.step);
            if (cancelled) return TrainResult{true, p.step, 0, ckpt};
            if (last) break;
        }
        if (main) finish(p, now());
        if (dp) dp->barrier();  // the other ranks end once rank 0 has written the compressor
        return TrainResult{false, p.step, 0, ""};
    }

private:
    void load_data() {
        DatasetReport rep;
        const bool qa = o_.task == "qa";
        if (!qa && o_.task != "regeneration") throw Error("task must be 'regeneration' or 'qa', got '" + o_.task + "'");
        std::vector<TextRecord> recs = read_jsonl(o_.train_data, &rep, o_.limit_records, qa);
        for (const auto& pr : rep.problems) std::fprintf(stderr, "warning: %s\n", pr.c_str());
        if (rep.skipped) std::fprintf(stderr, "skipped %lld bad lines of %s\n", (long long)rep.skipped, o_.train_data.c_str());
        std::vector<TextRecord> valid;
        if (!o_.valid_data.empty()) {
            valid = read_jsonl(o_.valid_data, nullptr, std::max(o_.valid_examples, o_.bleu_examples) * 4, qa);
        }
        std::vector<TextRecord> train;
        for (auto& r : recs) {
            if (qa && in_holdout(r, o_.qa_holdout)) {
                if (o_.valid_data.empty()) valid.push_back(std::move(r));
            } else {
                train.push_back(std::move(r));
            }
        }
        if (qa && !o_.synthetic_qa_data.empty()) append_synthetic_qa(&train);  // training only, never validation
        if (!qa && o_.valid_data.empty()) {  // hold out the last records
            const size_t n = std::min<size_t>(train.size() / 10, static_cast<size_t>(o_.valid_examples));
            valid.assign(train.end() - n, train.end());
            train.resize(train.size() - n);
        }
        train_ = build(train);
        valid_ = build(valid);
        if (train_.empty()) throw Error(o_.train_data + ": no usable training examples (texts need at least " +
                                        std::to_string(o_.min_tokens) + " tokens)");
        std::fprintf(stderr, "train-compressor: %zu training and %zu validation examples\n", train_.size(), valid_.size());
        if (o_.random_window > 0 || !o_.mix_data.empty()) word_start_ = word_start_ids(tok_);
        if (!o_.mix_data.empty()) load_mix_data();
    }

    // mix_data's texts (book paragraphs are short) joined into documents of 2 * max_tokens ids, so
    // every length up to max_tokens has many windows.
    void load_mix_data() {
        DatasetReport rep;
        std::vector<TextRecord> recs = read_jsonl(o_.mix_data, &rep, o_.limit_records, false);
        if (rep.skipped) std::fprintf(stderr, "skipped %lld bad lines of %s\n", (long long)rep.skipped, o_.mix_data.c_str());
        std::vector<std::string> texts;
        texts.reserve(recs.size());
        for (auto& r : recs) texts.push_back(std::move(r.text));
        recs.clear();
        const size_t doc = static_cast<size_t>(2 * o_.max_tokens);
        for (auto& ids : join_into_documents(tokenize_all(tok_, texts), doc)) {
            Example e;
            e.source = std::move(ids);
            e.prompt = {base_->config().bos_token_id()};
            mix_.push_back(std::move(e));
        }
        if (mix_.empty())
            throw Error(o_.mix_data + ": too little text to mix in (needs at least " + std::to_string(doc) + " tokens)");
        std::fprintf(stderr, "train-compressor: %zu mixed-in documents of %zu tokens from %s\n", mix_.size(), doc,
                     o_.mix_data.c_str());
    }

    // Extractive pairs made from plain texts (abstracts), for training only.
    void append_synthetic_qa(std::vector<TextRecord>* recs) const {
        const int64_t made = for_each_synthetic_qa(
            o_.synthetic_qa_data, o_.synthetic_qa_per_text, o_.seed, o_.limit_records,
            [&](const std::string& text, const std::string& question, const std::string& answer) {
                TextRecord t;
                t.text = text;
                t.question = question;
                t.answers = {answer};
                recs->push_back(std::move(t));
            });
        std::fprintf(stderr, "train-compressor: %lld synthetic QA pairs from %s\n", (long long)made, o_.synthetic_qa_data.c_str());
    }

    std::vector<Example> build(const std::vector<TextRecord>& recs) {
        const bool qa = o_.task == "qa";
        std::vector<std::string> texts;
        for (const auto& r : recs) texts.push_back(r.text);
        std::vector<std::vector<int64_t>> ids = tokenize_all(tok_, texts);
        const int64_t eos = base_->config().eos_token_ids.front();
        std::vector<Example> out;
        for (size_t i = 0; i < recs.size(); ++i) {
            Example e;
            e.source = std::move(ids[i]);
            if (qa) {
                if (static_cast<int>(e.source.size()) > o_.max_tokens || e.source.empty()) continue;
                e.prompt = qa_prompt_ids(tok_, base_->config(), o_.compressor.qa_template, recs[i].question);
                for (int id : tok_.encode(recs[i].answers.front())) e.target.push_back(id);
                e.target.push_back(eos);
                e.answers = recs[i].answers;
            } else {
                if (static_cast<int>(e.source.size()) < o_.min_tokens) continue;
                e.prompt = {base_->config().bos_token_id()};
            }
            out.push_back(std::move(e));
        }
        return out;
    }

    // The longest length sampled at `progress` (the run's fraction done): max_tokens, or a linear
    // ramp up to it (length curriculum).
    int longest_at(double progress) const {
        if (o_.length_curriculum <= 0 || progress >= o_.length_curriculum) return o_.max_tokens;
        const double f = std::max(0.0, progress) / o_.length_curriculum;
        return o_.min_tokens + static_cast<int>(f * (o_.max_tokens - o_.min_tokens));
    }

    double run_fraction(int64_t step, double elapsed_s) const {
        const double by_steps = static_cast<double>(step) / static_cast<double>(o_.optim.steps);
        return o_.optim.max_seconds > 0 ? std::max(by_steps, elapsed_s / o_.optim.max_seconds) : by_steps;
    }

    std::vector<Example> sample_batch(const std::vector<Example>& pool, int n, double progress) {
        std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
        std::uniform_int_distribution<int> len(o_.min_tokens, longest_at(progress));
        // One length per batch: rows are cut to the same length (or kept whole when shorter), so a
        // batch pads little; over many steps the lengths still cover [min, longest] uniformly.
        const int length = len(rng_);
        std::uniform_real_distribution<double> share(0.0, 1.0);
        std::vector<Example> batch;
        for (int i = 0; i < n; ++i) {
            // A share test is drawn only when its share is set, so runs without them sample as before.
            if (o_.mix_share > 0 && share(rng_) < o_.mix_share) {
                std::uniform_int_distribution<size_t> doc(0, mix_.size() - 1);
                batch.push_back(cut(mix_[doc(rng_)], length, true));
            } else {
                const Example& e = pool[pick(rng_)];
                batch.push_back(cut(e, length, o_.random_window > 0 && share(rng_) < o_.random_window));
            }
        }
        return batch;
    }

    // Regeneration examples are cut to `length` tokens, from the text's start or from a random word
    // start that leaves `length` tokens (the start when none does); the target is that text plus EOS.
    Example cut(const Example& e, int length, bool random_start) {
        if (o_.task == "qa") return e;
        Example c;  // the window only: a mixed-in document is 2 * max_tokens long, not worth copying whole
        c.prompt = e.prompt;
        c.answers = e.answers;
        const size_t n = e.source.size(), len = static_cast<size_t>(length);
        const size_t from = random_start ? random_window_start(e.source, len, word_start_, rng_) : 0;
        c.source.assign(e.source.begin() + static_cast<std::ptrdiff_t>(from),
                        e.source.begin() + static_cast<std::ptrdiff_t>(std::min(n, from + len)));
        c.target = c.source;
        c.target.push_back(base_->config().eos_token_ids.front());
        return c;
    }

    // One micro-batch's tensors on the host: the encoder's input and the decoder's teacher-forced
    // targets (pinned when they go to a GPU, so the copies do not wait for queued work).
    HostBatch host_batch(const std::vector<Example>& batch, bool pinned) const {
        std::vector<std::vector<int64_t>> src, prompts, targets;
        for (const auto& e : batch) {
            src.push_back(e.source);
            prompts.push_back(e.prompt);
            targets.push_back(e.target);
        }
        return HostBatch{compressor_->encoder_input(src, pinned), decoder_targets(base_->config(), prompts, targets, pinned)};
    }

    at::Tensor batch_loss(const HostBatch& host, at::Device device, LossNormalization norm) const {
        MemoryBatch mem = compressor_->encode(host.source.to(device, /*non_blocking=*/true));
        return decoder_loss(*base_, mem, host.targets.to(device, /*non_blocking=*/true), norm);
    }

    at::Tensor batch_loss(const std::vector<Example>& batch, int64_t* n, LossNormalization norm) const {
        const HostBatch host = host_batch(batch, false);
        *n = host.targets.count;
        return batch_loss(host, base_->device(), norm);
    }

    void validate(TrainProgress* p) {
        if (valid_.empty()) return;
        at::NoGradGuard ng;
        // Token-mean loss at a fixed length grid, so numbers compare across steps and recipes.
        double sum = 0;
        int64_t count = 0;
        const int span = o_.max_tokens - o_.min_tokens;
        const size_t n = std::min<size_t>(valid_.size(), o_.valid_examples);
        for (size_t i = 0; i < n; i += o_.batch_size) {
            std::vector<Example> batch;
            for (size_t j = i; j < std::min(n, i + o_.batch_size); ++j)
                batch.push_back(cut(valid_[j], o_.min_tokens + static_cast<int>(j * 37 % (span + 1)), false));
            int64_t k = 0;
            sum += batch_loss(batch, &k, LossNormalization::Token).item<double>() * k;
            count += k;
        }
        p->valid_loss = sum / std::max<int64_t>(1, count);
        // A few greedy decodes: BLEU (regeneration) or SQuAD F1 (QA).
        const size_t m = std::min<size_t>(valid_.size(), o_.bleu_examples);
        double score = 0;
        for (size_t j = 0; j < m; ++j) {
            Example e = cut(valid_[j], o_.min_tokens + static_cast<int>(j * 53 % (span + 1)), false);
            MemoryBatch mem = compressor_->encode({e.source});
            GenerationOptions go;
            go.max_new_tokens = o_.task == "qa" ? 48 : static_cast<int>(e.source.size()) + 16;
            GenerationResult g = o_.task == "qa" ? continue_after(*base_, &mem, e.prompt, go) : regenerate(*base_, mem, go);
            const std::string out = tok_.decode(std::vector<int>(g.ids[0].begin(), g.ids[0].end()));
            if (o_.task == "qa") {
                score += squad_f1(out, e.answers);
            } else {
                score += bleu(tok_.decode(std::vector<int>(e.source.begin(), e.source.end())), out);
            }
        }
        (o_.task == "qa" ? p->valid_f1 : p->valid_bleu) = m ? score / m : 0;
    }

    void save_checkpoint(const std::string& path, const AdamW& opt, int64_t step) {
        TensorMap t = opt.state();
        for (size_t i = 0; i < params_.size(); ++i) t["param." + std::to_string(i)] = params_[i];
        save_safetensors(path, t, {{"step", std::to_string(step)}, {"compressor", compressor_->config().to_json_text()}});
    }

    int64_t load_checkpoint(const std::string& path, AdamW& opt) {
        std::map<std::string, std::string> meta;
        TensorMap t = load_safetensors(path, &meta);
        at::NoGradGuard ng;
        for (size_t i = 0; i < params_.size(); ++i) {
            auto it = t.find("param." + std::to_string(i));
            if (it == t.end() || it->second.sizes() != params_[i].sizes())
                throw Error(path + ": checkpoint does not match this compressor (method, m or LoRA settings changed?)");
            params_[i].copy_(it->second);
        }
        opt.load_state(t);
        const int64_t step = std::stoll(meta["step"]);
        std::fprintf(stderr, "resumed from %s at step %lld\n", path.c_str(), static_cast<long long>(step));
        return step;
    }

    // A run continued with --init-from keeps the record of the runs before it ("earlier_runs",
    // oldest first) and the target tokens of all of them ("tokens_seen_total"), so a compressor
    // trained over several sessions says what it saw in all.
    nlohmann::json with_earlier_runs(nlohmann::json run) const {
        nlohmann::json earlier = nlohmann::json::array();
        if (!o_.init_from.empty()) {
            nlohmann::json prior = nlohmann::json::parse(compressor_->config().training_json, nullptr, false);
            if (prior.is_object() && !prior.empty()) {
                if (prior.contains("earlier_runs") && prior["earlier_runs"].is_array()) earlier = prior["earlier_runs"];
                prior.erase("earlier_runs");
                prior.erase("tokens_seen_total");
                earlier.push_back(prior);
            }
            run["init_from"] = fs::path(o_.init_from).lexically_normal().filename().string();
        }
        int64_t total = run.value("tokens_seen", int64_t{0});
        for (const auto& r : earlier) total += r.value("tokens_seen", int64_t{0});
        if (!earlier.empty()) run["earlier_runs"] = earlier;
        run["tokens_seen_total"] = total;
        return run;
    }

    void finish(const TrainProgress& p, double seconds) {
        char extra[768];
        std::snprintf(extra, sizeof extra,
                      "{\"task\":\"%s\",\"steps\":%lld,\"batch_size\":%d,\"grad_accum\":%d,\"lr\":%g,\"tokens\":[%d,%d],"
                      "\"loss_normalization\":\"%s\",\"length_curriculum\":%g,\"random_window\":%g,\"mix_share\":%g,"
                      "\"tokens_seen\":%lld,\"seconds\":%.1f,\"final_loss\":%.4f,\"valid_loss\":%.4f,\"valid_%s\":%.4f,"
                      "\"device\":\"%s\"}",
                      o_.task.c_str(), static_cast<long long>(p.step), o_.batch_size, o_.optim.grad_accum,
                      o_.optim.lr, o_.min_tokens, o_.max_tokens, loss_normalization_name(o_.loss_normalization),
                      o_.length_curriculum, o_.random_window, o_.mix_share, static_cast<long long>(p.tokens_seen), seconds, p.loss,
                      p.valid_loss, o_.task == "qa" ? "f1" : "bleu", o_.task == "qa" ? p.valid_f1 : p.valid_bleu,
                      base_->device().str().c_str());
        nlohmann::json run = nlohmann::json::parse(extra);
        if (!o_.mix_data.empty()) run["mix_data"] = fs::path(o_.mix_data).filename().string();
        compressor_->mutable_config().training_json = with_earlier_runs(run).dump();
        compressor_->save(o_.out_dir);
        std::fprintf(stderr, "wrote compressor %s to %s\n", compressor_->config().id.c_str(), o_.out_dir.c_str());
    }

    std::shared_ptr<const LlamaModel> base_;
    const Tokenizer& tok_;
    CompressorTrainOptions o_;
    RunControl cb_;
    std::mt19937_64 rng_;
    std::vector<Example> train_, valid_;
    std::vector<Example> mix_;          // mix_data's documents (regeneration)
    std::vector<uint8_t> word_start_;   // per token id: begins a word
    std::shared_ptr<Compressor> compressor_;
    std::vector<at::Tensor> params_;
};

}  // namespace

TrainResult train_compressor(std::shared_ptr<const LlamaModel> base, const Tokenizer& tokenizer,
                             const CompressorTrainOptions& options, const RunControl& control) {
    if (method_is_optimised(options.compressor.method))
        throw Error(std::string("the method '") + method_name(options.compressor.method) +
                    "' is not trained: it fits the memory to each text when it compresses (use it with compress, "
                    "regenerate or eval)");
    return Trainer(std::move(base), tokenizer, options, control).run();
}

}  // namespace xcomp
