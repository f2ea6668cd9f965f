// The training recipe's knobs on the tiny fixture model: loss normalisation, the length curriculum,
// random windows and mixed-in texts, wall-clock budgets, continuing the LM from committed weights,
// and QA documents made from texts.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <random>
#include <set>

#include "engine_test_util.h"
#include "train/windows.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/runtime.h"
#include "xcomp/train/trainer.h"

using namespace xcomp;

namespace {

const char* kLong =
    "Soft prompt compression writes a long text into a few memory tokens. A frozen decoder then reads "
    "their keys and values and regenerates the text, or answers questions about it, from them alone.";

ModelFolder tiny() {
    LlamaModel::LoadOptions o;
    o.device = test::device();
    return load_model_folder(test::fixture("tiny-model"), o);
}

std::vector<int64_t> ids_of(const Tokenizer& tok, const std::string& s) {
    std::vector<int> v = tok.encode(s);
    return std::vector<int64_t>(v.begin(), v.end());
}

MemoryBatch row_of(const MemoryBatch& m, int64_t b) {  // [L, B, Hkv, m, D] -> [L, 1, Hkv, m, D]
    MemoryBatch r;
    r.keys = m.keys.narrow(1, b, 1);
    r.values = m.values.narrow(1, b, 1);
    return r;
}

std::string write_jsonl(const QTemporaryDir& dir, const char* name, const std::vector<std::string>& texts) {
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    std::ofstream f(path);
    for (size_t i = 0; i < texts.size(); ++i) f << "{\"id\": \"" << i << "\", \"text\": \"" << texts[i] << "\"}\n";
    return path;
}

CompressorTrainOptions small_run(const std::string& data, const std::string& out) {
    CompressorTrainOptions o;
    o.compressor.method = Method::AOC;
    o.train_data = o.valid_data = data;
    o.min_tokens = 8;
    o.max_tokens = 64;
    o.batch_size = 1;
    o.optim.steps = 12;
    o.optim.warmup_steps = 1;
    o.valid_every = 0;
    o.bleu_examples = o.valid_examples = 1;
    o.checkpoint_every = 0;
    o.log_every = 1;
    o.out_dir = out;
    return o;
}

}  // namespace

class TestTrainingRecipe : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { init_runtime(2); }

    // "sample": the mean of each text's own mean loss; "token": the mean over all target tokens.
    void loss_normalisation() {
        at::NoGradGuard ng;
        ModelFolder f = tiny();
        auto c = Compressor::load(test::fixture("tiny-model/compressors/aoc-m4"), f.model);
        const std::vector<int64_t> a = ids_of(*f.tokenizer, kLong), b = ids_of(*f.tokenizer, "A short one.");
        QVERIFY(a.size() > 3 * b.size());
        const int64_t bos = f.model->config().bos_token_id(), eos = f.model->config().eos_token_ids.front();
        auto target = [&](std::vector<int64_t> t) { t.push_back(eos); return t; };
        const std::vector<std::vector<int64_t>> prompts{{bos}, {bos}}, targets{target(a), target(b)};
        MemoryBatch mem = c->encode({a, b});
        int64_t n = 0, n0 = 0, n1 = 0;
        const double token = decoder_loss(*f.model, mem, prompts, targets, &n, LossNormalization::Token).item<double>();
        const double sample = decoder_loss(*f.model, mem, prompts, targets, &n, LossNormalization::Sample).item<double>();
        const double l0 = decoder_loss(*f.model, row_of(mem, 0), {prompts[0]}, {targets[0]}, &n0).item<double>();
        const double l1 = decoder_loss(*f.model, row_of(mem, 1), {prompts[1]}, {targets[1]}, &n1).item<double>();
        QCOMPARE(n, n0 + n1);
        QVERIFY2(std::abs(sample - (l0 + l1) / 2) < 1e-4, qPrintable(QString::number(sample - (l0 + l1) / 2)));
        QVERIFY2(std::abs(token - (l0 * n0 + l1 * n1) / n) < 1e-4, qPrintable(QString::number(token)));
        QVERIFY(std::abs(token - sample) > 1e-3);  // the two differ when lengths do
        QCOMPARE(parse_loss_normalization("sample"), LossNormalization::Sample);
        QVERIFY_THROWS_EXCEPTION(Error, parse_loss_normalization("mean"));
    }

    // With a curriculum over the whole run the first batch has the shortest length; without, lengths
    // are drawn over the whole range from the first step.
    void length_curriculum_starts_short() {
        QTemporaryDir dir;
        const std::string data = write_jsonl(dir, "t.jsonl", {kLong});
        ModelFolder f = tiny();
        QVERIFY(ids_of(*f.tokenizer, kLong).size() >= 64);
        std::vector<int64_t> seen;
        RunControl cb;
        cb.on_progress = [&](const Progress& p) { seen.push_back(p.training->tokens_seen); };
        CompressorTrainOptions o = small_run(data, dir.filePath(QStringLiteral("c")).toStdString());
        o.length_curriculum = 1.0;
        train_compressor(f.model, *f.tokenizer, o, cb);
        QCOMPARE(seen.size(), size_t{12});
        QCOMPARE(seen[0], int64_t{o.min_tokens + 1});  // the text cut to 8 tokens, plus EOS
        std::vector<int64_t> per_step{seen[0]};
        for (size_t i = 1; i < seen.size(); ++i) per_step.push_back(seen[i] - seen[i - 1]);
        QVERIFY(*std::max_element(per_step.begin(), per_step.end()) <= o.max_tokens + 1);
        // By the second half the ramp allows up to ~60 tokens: some batch there is longer than the first.
        QVERIFY(*std::max_element(per_step.begin() + 6, per_step.end()) > per_step.front());
        // Without a curriculum, over several seeds some first step is longer than the minimum.
        bool longer = false;
        for (uint64_t seed = 1; seed <= 4 && !longer; ++seed) {
            seen.clear();
            o.length_curriculum = 0;
            o.seed = seed;
            o.optim.steps = 1;
            train_compressor(f.model, *f.tokenizer, o, cb);
            longer = seen[0] > o.min_tokens + 1;
        }
        QVERIFY(longer);
    }

    // A random window is a contiguous span of the text that opens on a word (or at the start), and
    // the draws cover many starts; a text no longer than the window is kept from its start.
    void random_windows_start_at_words() {
        ModelFolder f = tiny();
        const std::vector<uint8_t> ws = word_start_ids(*f.tokenizer);
        QCOMPARE(ws.size(), size_t(f.tokenizer->vocab_size()));
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kLong);
        QVERIFY(ids.size() > 30);
        QVERIFY(ws[size_t(ids[0])]);  // "Soft" opens the text
        std::mt19937_64 rng(7);
        std::set<size_t> starts;
        size_t not_at_word = 0;
        for (int i = 0; i < 500; ++i) {
            const size_t from = random_window_start(ids, 16, ws, rng);
            QVERIFY(from + 16 <= ids.size());
            QVERIFY(from == 0 || ws[size_t(ids[from])]);
            starts.insert(from);
        }
        for (size_t i = 1; i < ids.size(); ++i) not_at_word += !ws[size_t(ids[i])];
        QVERIFY2(not_at_word > 0, "the text should hold pieces inside words, or the test shows nothing");
        QVERIFY2(starts.size() >= 8, qPrintable(QString::number(starts.size())));
        QCOMPARE(random_window_start(ids, ids.size(), ws, rng), size_t{0});
        QCOMPARE(random_window_start(ids, ids.size() + 5, ws, rng), size_t{0});
        // No word start before the draw: the window begins at the text's start.
        const std::vector<uint8_t> none(ws.size(), 0);
        for (int i = 0; i < 20; ++i) QCOMPARE(random_window_start(ids, 16, none, rng), size_t{0});
    }

    void texts_join_into_whole_documents() {
        const auto docs = join_into_documents({{1, 2, 3}, {4, 5}, {6, 7, 8, 9, 10}}, 4);
        QCOMPARE(docs.size(), size_t{2});
        QCOMPARE(docs[0], (std::vector<int64_t>{1, 2, 3, 4}));
        QCOMPARE(docs[1], (std::vector<int64_t>{5, 6, 7, 8}));  // 9, 10 do not fill a document
        QVERIFY(join_into_documents({{1, 2}}, 3).empty());
        QCOMPARE(join_into_documents({{1, 2, 3, 4, 5, 6, 7}}, 3).size(), size_t{2});
    }

    // Rows drawn from mixed-in texts are longer than the training set's only text allows, the
    // options are recorded in compressor.json, and bad settings are refused before any work.
    void mixed_in_texts_feed_the_batches() {
        QTemporaryDir dir;
        ModelFolder f = tiny();
        const std::string shortText = "A short text of a few words.";
        const std::string data = write_jsonl(dir, "t.jsonl", {shortText});
        std::vector<std::string> paragraphs(8, kLong);
        const std::string mix = write_jsonl(dir, "books.jsonl", paragraphs);
        RunControl cb;
        std::vector<int64_t> seen;
        cb.on_progress = [&](const Progress& p) { seen.push_back(p.training->tokens_seen); };
        CompressorTrainOptions o = small_run(data, dir.filePath(QStringLiteral("c")).toStdString());
        o.min_tokens = static_cast<int>(ids_of(*f.tokenizer, shortText).size());
        o.max_tokens = 40;
        o.optim.steps = 8;
        auto longest_step = [&] {
            int64_t most = seen[0];
            for (size_t i = 1; i < seen.size(); ++i) most = std::max(most, seen[i] - seen[i - 1]);
            return most;
        };
        train_compressor(f.model, *f.tokenizer, o, cb);
        QCOMPARE(longest_step(), int64_t{o.min_tokens + 1});  // only the short text, plus EOS
        seen.clear();
        o.mix_data = mix;
        o.mix_share = 1.0;
        o.random_window = 0.5;
        train_compressor(f.model, *f.tokenizer, o, cb);
        QVERIFY2(longest_step() > o.min_tokens + 1, qPrintable(QString::number(longest_step())));
        QVERIFY(longest_step() <= o.max_tokens + 1);
        const auto run = nlohmann::json::parse(Compressor::load(o.out_dir, f.model)->config().training_json);
        QCOMPARE(run["mix_share"].get<double>(), 1.0);
        QCOMPARE(run["random_window"].get<double>(), 0.5);
        QCOMPARE(run["mix_data"].get<std::string>(), std::string("books.jsonl"));

        auto refused = [&](CompressorTrainOptions bad, const char* words) {
            try {
                train_compressor(f.model, *f.tokenizer, bad, cb);
            } catch (const Error& e) {
                return QString::fromStdString(e.what()).contains(QLatin1String(words));
            }
            return false;
        };
        CompressorTrainOptions bad = o;
        bad.mix_data.clear();
        QVERIFY(refused(bad, "needs mix data"));
        bad = o;
        bad.random_window = 1.5;
        QVERIFY(refused(bad, "[0, 1]"));
        bad = o;
        bad.max_tokens = 4000;  // documents of 8,000 tokens: more than the paragraphs hold
        QVERIFY(refused(bad, "too little text to mix in"));
    }

    // A wall-clock budget ends a run that would take a million steps, annealed, and the compressor
    // is written with the steps it ran.
    void time_budget_ends_the_run_annealed() {
        QTemporaryDir dir;
        const std::string data = write_jsonl(dir, "t.jsonl", {kLong});
        ModelFolder f = tiny();
        CompressorTrainOptions o = small_run(data, dir.filePath(QStringLiteral("c")).toStdString());
        o.optim.steps = 1000000;
        o.optim.max_seconds = 1.5;
        o.optim.lr = 1e-3;
        o.log_every = 1000000;
        TrainProgress last;
        RunControl cb;
        cb.on_progress = [&](const Progress& p) { last = *p.training; };
        train_compressor(f.model, *f.tokenizer, o, cb);
        QVERIFY(last.step > 1 && last.step < 1000000);
        QVERIFY2(last.lr < 0.2 * o.optim.lr, qPrintable(QString::number(last.lr)));  // near lr * min_lr_ratio
        QVERIFY(last.elapsed_s >= o.optim.max_seconds && last.elapsed_s < o.optim.max_seconds + 5);
        auto c = Compressor::load(o.out_dir, f.model);
        QVERIFY(c->config().training_json.find("\"steps\":" + std::to_string(last.step) + ",") != std::string::npos);
        QVERIFY(c->config().training_json.find("\"loss_normalization\":\"sample\"") != std::string::npos);
    }

    // A run continued with init_from keeps the earlier runs' records and the total of target
    // tokens, so a compressor trained over several sessions says what it saw in all.
    void continued_runs_keep_their_history() {
        QTemporaryDir dir;
        const std::string data = write_jsonl(dir, "t.jsonl", {kLong});
        ModelFolder f = tiny();
        RunControl quiet;
        quiet.on_progress = [](const Progress&) {};
        auto training = [&](const std::string& out) {
            return nlohmann::json::parse(Compressor::load(out, f.model)->config().training_json);
        };
        CompressorTrainOptions o = small_run(data, dir.filePath(QStringLiteral("c1")).toStdString());
        o.optim.steps = 3;
        train_compressor(f.model, *f.tokenizer, o, quiet);
        const nlohmann::json first = training(o.out_dir);
        QVERIFY(!first.contains("earlier_runs"));
        QCOMPARE(first["tokens_seen_total"].get<int64_t>(), first["tokens_seen"].get<int64_t>());

        o.init_from = o.out_dir;
        o.out_dir = dir.filePath(QStringLiteral("c2")).toStdString();
        o.optim.steps = 2;
        train_compressor(f.model, *f.tokenizer, o, quiet);
        o.init_from = o.out_dir;
        o.out_dir = dir.filePath(QStringLiteral("c3")).toStdString();
        train_compressor(f.model, *f.tokenizer, o, quiet);
        const nlohmann::json second = training(dir.filePath(QStringLiteral("c2")).toStdString());
        const nlohmann::json third = training(o.out_dir);
        QCOMPARE(third["init_from"].get<std::string>(), std::string("c2"));
        QCOMPARE(third["steps"].get<int>(), 2);
        QCOMPARE(third["earlier_runs"].size(), size_t{2});
        QCOMPARE(third["earlier_runs"][0]["steps"].get<int>(), 3);  // oldest first
        QVERIFY(!third["earlier_runs"][1].contains("earlier_runs"));  // flat, not nested
        QCOMPARE(third["tokens_seen_total"].get<int64_t>(), first["tokens_seen"].get<int64_t>() +
                                                               second["tokens_seen"].get<int64_t>() +
                                                               third["tokens_seen"].get<int64_t>());
    }

    // QA fine-tuning can draw on extractive pairs made from plain texts.
    void qa_training_with_synthetic_pairs() {
        QTemporaryDir dir;
        const std::string texts = write_jsonl(
            dir, "t.jsonl",
            {"We evaluate the method on 12 benchmarks and report large gains.",
             "Large Language Models (LLMs) are trained on web text. We propose PACT, a compact encoder."});
        const std::string squad = dir.filePath(QStringLiteral("q.jsonl")).toStdString();
        std::ofstream(squad) << "{\"id\": \"q1\", \"source\": \"a\", \"context\": \"The cat sat on the mat.\", "
                                "\"question\": \"Where did the cat sit?\", \"answers\": [\"on the mat\"]}\n";
        ModelFolder f = tiny();
        CompressorTrainOptions o = small_run(squad, dir.filePath(QStringLiteral("qa")).toStdString());
        o.task = "qa";
        o.qa_holdout = 0;
        o.valid_data = squad;
        o.synthetic_qa_data = texts;
        o.optim.steps = 2;
        RunControl quiet;
        quiet.on_progress = [](const Progress&) {};
        train_compressor(f.model, *f.tokenizer, o, quiet);
        QVERIFY(Compressor::load(o.out_dir, f.model)->config().qa);
    }

    // train-lm continues from a model folder's weights (the LM keeps improving across GPU sessions),
    // and refuses one of another architecture.
    void lm_continues_from_committed_weights() {
        QTemporaryDir dir;
        std::vector<std::string> docs;
        for (int i = 0; i < 40; ++i) docs.push_back(kLong);
        const std::string data = write_jsonl(dir, "lm.jsonl", docs);
        ModelFolder f = tiny();
        LMTrainOptions o;
        o.config = f.model->config();
        o.text_data = {data};
        o.valid_data = data;
        o.seq_len = 32;
        o.batch_size = 2;
        o.optim.steps = 1;
        o.optim.warmup_steps = 1;
        o.optim.lr = 1e-12;  // a step that changes (almost) nothing: the start is what is checked
        o.device = test::device();
        o.out_dir = dir.filePath(QStringLiteral("lm")).toStdString();
        o.init_from = test::fixture("tiny-model");
        RunControl quiet;
        quiet.on_progress = [](const Progress&) {};
        train_lm(*f.tokenizer, o, quiet);
        auto cont = LlamaModel::load(o.out_dir);
        const std::vector<at::Tensor> a = cont->weights().all(), b = f.model->weights().all();
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) XCOMP_COMPARE_TENSORS(a[i], b[i], 1e-5);
        // From scratch the weights differ.
        o.init_from.clear();
        train_lm(*f.tokenizer, o, quiet);
        QVERIFY(test::max_abs_diff(LlamaModel::load(o.out_dir)->weights().embed, f.model->weights().embed) > 1e-3);
        // Another architecture is refused by name.
        o.init_from = test::fixture("tiny-model");
        o.config.intermediate_size += 8;
        try {
            train_lm(*f.tokenizer, o, quiet);
            QFAIL("a model of another architecture was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("another architecture") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestTrainingRecipe)
#include "tst_training_recipe.moc"
