// A small Llama-style LM from scratch: the project's own default base model.
#include <ATen/core/grad_mode.h>

#include <cmath>
#include <filesystem>
#include <random>

#include "optimizer.h"
#include "training_util.h"
#include "xcomp/io/dataset.h"
#include "xcomp/error.h"
#include "xcomp/model/model.h"
#include "xcomp/train/distributed.h"
#include "xcomp/train/trainer.h"

namespace xcomp {
namespace fs = std::filesystem;

namespace {

LlamaWeights init_weights(const LlamaConfig& c, at::Device device, uint64_t seed) {
    at::Generator gen = at::detail::createCPUGenerator(seed);
    auto normal = [&](std::vector<int64_t> shape) {
        return at::empty(shape, at::kFloat).normal_(0.0, 0.02, gen).to(device).set_requires_grad(true);
    };
    auto ones = [&](int64_t n) { return at::ones({n}, at::TensorOptions().dtype(at::kFloat).device(device)).set_requires_grad(true); };
    const int64_t d = c.hidden_size;
    LlamaWeights w;
    w.embed = normal({c.vocab_size, d});
    for (int64_t i = 0; i < c.num_hidden_layers; ++i) {
        LayerWeights l;
        // Norms start at one, matrices N(0, 0.02), biases (when the config has them) at zero.
        for (const LayerRole& r : layer_roles()) {
            if (!layer_role_present(r, c)) continue;
            const std::vector<int64_t> shape = layer_role_shape(r, c);
            l.*r.member = r.part == LayerRole::Norm ? ones(shape[0])
                          : r.is_bias()            ? at::zeros(shape, at::TensorOptions().dtype(at::kFloat).device(device)).set_requires_grad(true)
                                                   : normal(shape);
        }
        w.layers.push_back(l);
    }
    w.final_norm = ones(d);
    w.lm_head = c.tie_word_embeddings ? w.embed : normal({c.vocab_size, d});
    return w;
}

// BOS text EOS for every document, concatenated.
std::vector<int32_t> build_stream(const std::vector<std::vector<int64_t>>& docs, int64_t bos, int64_t eos) {
    std::vector<int32_t> s;
    for (const auto& d : docs) {
        if (d.empty()) continue;
        s.push_back(static_cast<int32_t>(bos));
        for (int64_t id : d) s.push_back(static_cast<int32_t>(id));
        s.push_back(static_cast<int32_t>(eos));
    }
    return s;
}

at::Tensor windows(const std::vector<int32_t>& stream, const std::vector<int64_t>& starts, int len, at::Device device) {
    std::vector<int64_t> flat;
    flat.reserve(starts.size() * (len + 1));
    for (int64_t s : starts)
        for (int i = 0; i <= len; ++i) flat.push_back(stream[s + i]);
    at::Tensor host = at::tensor(flat, at::kLong).view({static_cast<int64_t>(starts.size()), len + 1});  // [B, len+1]
    // Pinned and copied without waiting, so the host does not wait for the GPU's queue.
    return device.is_cuda() ? host.pin_memory().to(device, /*non_blocking=*/true) : host;
}

at::Tensor lm_loss(const LlamaConfig& c, const LlamaWeights& w, const at::Tensor& batch) {
    const int64_t T = batch.size(1) - 1;
    at::Tensor x = batch.narrow(1, 0, T), y = batch.narrow(1, 1, T);
    ForwardOutput out = llama_forward(c, w, at::embedding(w.embed, x), ForwardOptions());
    return at::cross_entropy_loss(out.logits.reshape({-1, c.vocab_size}).to(at::kFloat), y.reshape({-1}));
}

// Copies the weights of the model in `dir` into `params` (same architecture, same order).
void continue_from(const std::string& dir, at::Device device, std::vector<at::Tensor>* params) {
    LlamaModel::LoadOptions lo;
    lo.device = device.str();
    lo.dtype = "float32";
    auto model = LlamaModel::load(dir, lo);
    const std::vector<at::Tensor> from = model->weights().all();
    if (from.size() != params->size()) throw Error(dir + ": --init-from model has another architecture (tensor count differs)");
    at::NoGradGuard ng;
    for (size_t i = 0; i < from.size(); ++i) {
        if (from[i].sizes() != (*params)[i].sizes())
            throw Error(dir + ": --init-from model has another architecture (tensor " + std::to_string(i) + " differs in shape)");
        (*params)[i].copy_(from[i]);
    }
    std::fprintf(stderr, "train-lm: continuing from the weights in %s\n", dir.c_str());
}

}  // namespace

TrainResult train_lm(const Tokenizer& tok, const LMTrainOptions& o, const RunControl& cb) {
    if (o.out_dir.empty()) throw Error("train-lm needs an output folder");
    if (tok.vocab_size() > o.config.vocab_size)
        throw Error("the tokenizer has " + std::to_string(tok.vocab_size()) + " pieces, more than vocab_size " +
                    std::to_string(o.config.vocab_size));
    const at::Device device = parse_device(o.device);
    const at::ScalarType dtype = device.is_cuda() ? at::kBFloat16 : at::kFloat;
    const LlamaConfig& c = o.config;
    Stopwatch clock;
    // Data parallelism: every rank draws the same global batch of windows and runs its slice.
    const std::unique_ptr<DataParallel> dp = join_for_training(o.distributed, o.batch_size);
    double reduce_wait_s = 0;  // data parallel: waited for the gradients' mean after backward
    const int world = dp ? dp->world_size() : 1, rank = dp ? dp->rank() : 0;
    const bool main = rank == 0;

    // Documents: every text file, plus SQuAD-style QA text with its held-out articles removed.
    std::vector<std::string> texts;
    for (const std::string& path : o.text_data) {
        DatasetReport rep;
        for (auto& r : read_jsonl(path, &rep)) texts.push_back(std::move(r.text));
        std::fprintf(stderr, "train-lm: %s: %lld documents (%lld skipped)\n", path.c_str(), (long long)rep.records,
                     (long long)rep.skipped);
    }
    // QA documents in the decoder's QA layout, so that the LM learns to answer from a context.
    auto qa_document = [](const std::string& context, const std::string& q, const std::string& a) {
        return context + " Question: " + q + " Answer: " + a;
    };
    if (!o.qa_data.empty()) {
        int64_t n = 0;
        for (auto& r : read_jsonl(o.qa_data, nullptr, -1, true)) {
            if (in_holdout(r, o.qa_holdout)) continue;
            for (int k = 0; k < o.qa_repeat; ++k) texts.push_back(qa_document(r.text, r.question, r.answers.front()));
            ++n;
        }
        std::fprintf(stderr, "train-lm: %lld QA documents (x%d)\n", (long long)n, o.qa_repeat);
    }
    if (!o.synthetic_qa_data.empty()) {
        const int64_t n = for_each_synthetic_qa(
            o.synthetic_qa_data, o.synthetic_qa_per_text, o.seed, -1,
            [&](const std::string& text, const std::string& q, const std::string& a) { texts.push_back(qa_document(text, q, a)); });
        std::fprintf(stderr, "train-lm: %lld synthetic QA documents from %s\n", (long long)n, o.synthetic_qa_data.c_str());
    }
    std::mt19937_64 rng(o.seed);
    std::shuffle(texts.begin(), texts.end(), rng);
    const int64_t bos = c.bos_token_id(), eos = c.eos_token_ids.front();
    std::vector<int32_t> stream = build_stream(tokenize_all(tok, texts, o.threads), bos, eos);
    texts.clear();
    std::vector<std::string> valid_texts;
    for (auto& r : read_jsonl(o.valid_data, nullptr, 400)) valid_texts.push_back(std::move(r.text));
    std::vector<int32_t> valid = build_stream(tokenize_all(tok, valid_texts, o.threads), bos, eos);
    if (static_cast<int64_t>(stream.size()) < o.seq_len + 2 || static_cast<int64_t>(valid.size()) < o.seq_len + 2)
        throw Error("train-lm: not enough text for one sequence of " + std::to_string(o.seq_len) + " tokens");
    std::fprintf(stderr, "train-lm: %zu training tokens, %zu validation tokens (tokenised in %.1f s)\n", stream.size(),
                 valid.size(), clock.seconds());

    LlamaWeights master = init_weights(c, device, o.seed);
    std::vector<at::Tensor> params;
    for (const at::Tensor& t : master.all()) params.push_back(t);
    if (!o.init_from.empty()) continue_from(o.init_from, device, &params);
    AdamW opt(params, o.optim);
    if (dp) dp->broadcast(params);  // one start for every rank
    std::optional<JsonlLog> log;
    if (main) {
        fs::create_directories(o.out_dir);
        log.emplace((fs::path(o.out_dir) / "train_log.jsonl").string(), false);
    }

    auto evaluate = [&]() {
        at::NoGradGuard ng;
        LlamaWeights w = master.to(dtype);
        double sum = 0;
        int n = 0;
        for (int64_t s = 0; s + o.seq_len + 1 < static_cast<int64_t>(valid.size()) && n < 64; s += o.seq_len, ++n)
            sum += lm_loss(c, w, windows(valid, {s}, o.seq_len, device)).item<double>();
        return sum / std::max(1, n);
    };

    std::uniform_int_distribution<int64_t> start(0, static_cast<int64_t>(stream.size()) - o.seq_len - 2);
    Stopwatch train_clock;
    double agreed_s = 0;  // data parallel: the ranks' mean elapsed time, the one clock they all follow
    auto now = [&] { return dp ? agreed_s : train_clock.seconds(); };
    TrainProgress p;
    p.steps = o.optim.steps;
    int64_t tokens = 0, local_tokens = 0;
    double valid_loss = 0;
    bool cancelled = false;
    for (int64_t step = 0; step < o.optim.steps; ++step) {
        at::Tensor loss_sum;  // 0-dim on the device, read only when logged
        reduce_wait_s += accumulate_and_average(dp.get(), params, o.optim.grad_accum, [&](int a) {
            std::vector<int64_t> starts(o.batch_size);
            for (auto& s : starts) s = start(rng);
            const int b = o.batch_size / world;
            starts = std::vector<int64_t>(starts.begin() + rank * b, starts.begin() + (rank + 1) * b);
            at::Tensor loss = lm_loss(c, master.to(dtype), windows(stream, starts, o.seq_len, device));
            (loss / o.optim.grad_accum).backward();
            loss_sum = a == 0 ? loss.detach() : loss_sum + loss.detach();
            local_tokens += static_cast<int64_t>(starts.size()) * o.seq_len;
        });
        tokens = local_tokens;  // every rank's, since the start
        bool stop_requested = cb.cancel_requested();
        if (dp) {  // one view of the loss, the clock and a stop request
            const std::vector<double> agreed = dp->sum(
                {loss_sum.item<double>(), train_clock.seconds(), stop_requested ? 1.0 : 0.0, static_cast<double>(local_tokens)});
            tokens = static_cast<int64_t>(agreed[3]);
            loss_sum = at::full({}, agreed[0] / world, at::kFloat);
            agreed_s = agreed[1] / world;
            stop_requested = agreed[2] > 0;
        }
        const double progress = schedule_progress(o.optim, step, now());
        const at::Tensor grad_norm = opt.step(step, progress);
        record_step(&p, o.optim, opt.lr_at(step, progress), step, 0, tokens, now());
        if (dp) p.allreduce_wait_s = reduce_wait_s;
        const bool out_of_time = spend_time_budget(o.optim, &p);
        p.valid_loss = -1;
        const bool last = p.step == o.optim.steps || out_of_time;
        const bool validating = main && ((o.valid_every > 0 && p.step % o.valid_every == 0) || last);
        if (p.step % o.log_every == 0 || validating) {
            p.loss = loss_sum.item<double>() / o.optim.grad_accum;
            p.grad_norm = grad_norm.item<double>();
        }
        if (validating) p.valid_loss = valid_loss = evaluate();
        if (main && (p.step % o.log_every == 0 || last || p.valid_loss >= 0)) {
            log->write(p);
            report_step(cb, p);
        }
        if (stop_requested) {
            cancelled = true;  // the weights so far are saved below, so --init-from can continue
            break;
        }
        if (last) break;
    }
    if (main) {
        LlamaConfig out_config = c;
        out_config.dtype = dtype_to_name(dtype);
        at::NoGradGuard ng;
        LlamaWeights final_w = master.to(dtype);
        for (at::Tensor* t : {&final_w.embed, &final_w.final_norm}) *t = t->detach();
        LlamaModel(out_config, final_w, o.out_dir).save(o.out_dir, 12u << 20);
        if (!o.tokenizer_path.empty())
            fs::copy_file(o.tokenizer_path, fs::path(o.out_dir) / "tokenizer.model", fs::copy_options::overwrite_existing);
    }
    if (dp) dp->barrier();  // the other ranks end once rank 0 has written the model
    if (cancelled) return TrainResult{true, p.step, 0, ""};
    const double ppl = std::exp(valid_loss);
    if (main)
        std::fprintf(stderr, "train-lm: %lld tokens in %.1f s; validation loss %.4f, perplexity %.2f\n", (long long)tokens,
                     now(), valid_loss, ppl);
    return TrainResult{false, p.step, ppl, ""};
}

}  // namespace xcomp
