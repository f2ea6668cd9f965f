// Optimised memory (the per-text upper bound) on the tiny fixture model: it fits a text exactly,
// batched rows get the gradient they would get alone, cancel keeps the best so far, the result is an
// ordinary .xcp, the Session runs the optimised ids, and the gradient through the decoder matches
// transformers (tools/make_memory_gradient_fixture.py).
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <filesystem>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/compress/memory_optimisation.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/io/tensor_io.h"
#include "xcomp/runtime.h"
#include "xcomp/session.h"
#include "xcomp/train/trainer.h"

using namespace xcomp;

namespace {

const char* kText = "A language model reads those vectors instead of the original text.";
const char* kOther = "Memory tokens hold the text.";

std::string tiny_dir() { return test::fixture("tiny-model"); }

ModelFolder tiny() {
    LlamaModel::LoadOptions o;
    o.device = test::device();
    return load_model_folder(tiny_dir(), o);
}

std::vector<int64_t> ids_of(const Tokenizer& tok, const std::string& s) {
    std::vector<int> v = tok.encode(s);
    return std::vector<int64_t>(v.begin(), v.end());
}

std::vector<int64_t> regenerate_ids(const ModelFolder& f, const MemoryBatch& mem, int max_new) {
    at::NoGradGuard ng;
    GenerationOptions go;
    go.max_new_tokens = max_new;
    return regenerate(*f.model, mem, go).ids[0];
}

std::shared_ptr<Compressor> optimised(const ModelFolder& f, const std::string& id, int steps) {
    CompressorConfig c = *optimised_compressor_config(id);
    c.optimisation.max_steps = steps;
    return Compressor::create(c, f.model, 0);
}

using test::error_of;

}  // namespace

class TestMemoryOptimisation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { init_runtime(2); }

    // Both targets crack one text within the budget; the regeneration then is the text, then EOS.
    void fits_one_text_exactly_data() {
        QTest::addColumn<QString>("id");
        QTest::newRow("kv m=4") << QStringLiteral("optimised-kv-m4");
        QTest::newRow("embeddings m=4") << QStringLiteral("optimised-emb-m4");
    }
    void fits_one_text_exactly() {
        QFETCH(QString, id);
        ModelFolder f = tiny();
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        const bool kv = id.contains(QStringLiteral("-kv-"));
        MemoryOptimisationOptions o;
        o.max_steps = 600;
        o.check_every = 10;
        MemoryOptimisationStats stats;
        MemoryBatch mem = optimise_memory(*f.model, {ids}, kv, 4, o, nullptr, &stats);
        QCOMPARE(stats.rows.size(), size_t(1));
        QVERIFY2(stats.rows[0].exact, qPrintable(QStringLiteral("not exact after %1 steps, loss %2")
                                                     .arg(stats.steps).arg(stats.rows[0].loss)));
        QCOMPARE(mem.optimisation_steps, std::vector<int>{stats.rows[0].steps});
        QVERIFY(stats.rows[0].steps % 10 == 0 && stats.rows[0].steps <= 600);
        QCOMPARE(stats.steps, stats.rows[0].steps);  // the batch stops once every row is exact
        QVERIFY(stats.rows[0].loss < 0.5);
        if (kv) {
            QCOMPARE(mem.keys.sizes().vec(), (std::vector<int64_t>{2, 1, 2, 4, 16}));  // [L, B, Hkv, m, D]
            QVERIFY(!mem.embeddings.defined());
        } else {
            QCOMPARE(mem.embeddings.sizes().vec(), (std::vector<int64_t>{1, 4, 64}));  // [B, m, d]
        }
        QCOMPARE(regenerate_ids(f, mem, static_cast<int>(ids.size()) + 8), ids);
    }

    // The loss is summed over rows, so a row in a batch moves as it would alone.
    void rows_get_their_own_gradient() {
        ModelFolder f = tiny();
        const std::vector<int64_t> a = ids_of(*f.tokenizer, kText), b = ids_of(*f.tokenizer, kOther);
        MemoryOptimisationOptions o;
        o.max_steps = 15;
        o.check_every = 1000;
        MemoryBatch both = optimise_memory(*f.model, {a, b}, true, 4, o);
        MemoryBatch alone = optimise_memory(*f.model, {b}, true, 4, o);
        XCOMP_COMPARE_TENSORS(both.keys.narrow(1, 1, 1), alone.keys, 1e-4);
        XCOMP_COMPARE_TENSORS(both.values.narrow(1, 1, 1), alone.values, 1e-4);
        // ... and did move: the start is the decoder's own K/V of the text.
        MemoryOptimisationOptions none = o;
        none.max_steps = 1;
        none.lr = 1e-6;
        MemoryBatch start = optimise_memory(*f.model, {b}, true, 4, none);
        QVERIFY(test::max_abs_diff(alone.values, start.values) > 1e-3);
    }

    void cancel_keeps_the_best_so_far() {
        ModelFolder f = tiny();
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        std::atomic<bool> cancel{false};
        RunControl c;
        c.cancel = &cancel;
        int64_t last = 0;
        c.on_progress = [&](const Progress& p) {
            QCOMPARE(p.stage, std::string("optimise memory"));
            QCOMPARE(p.total, int64_t(1000));
            last = p.done;
            if (p.done == 5) cancel = true;
        };
        MemoryOptimisationOptions o;
        o.max_steps = 1000;
        MemoryOptimisationStats stats;
        MemoryBatch mem = optimise_memory(*f.model, {ids}, true, 4, o, &c, &stats);
        QVERIFY(mem.cancelled && stats.cancelled);
        QCOMPARE(stats.steps, 5);
        QCOMPARE(last, int64_t(5));
        QVERIFY(mem.keys.defined() && at::isfinite(mem.keys).all().item<bool>());
    }

    // The result is an ordinary compressed prompt: saved, loaded, checked and regenerated the same.
    void xcp_round_trip() {
        ModelFolder f = tiny();
        auto c = optimised(f, "optimised-kv-m4", 60);
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        MemoryBatch mem = c->encode({ids});
        CompressedPrompt p = to_prompt(mem, 0, *c, static_cast<int>(ids.size()), kText);
        QCOMPARE(p.method, Method::OptimisedKV);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("a.xcp")).toStdString();
        p.save(path);
        CompressedPrompt q = CompressedPrompt::load(path);
        q.check_fits(*c);
        QCOMPARE(q.compressor_id, std::string("optimised-kv-m4"));
        XCOMP_COMPARE_TENSORS(q.values, p.values, 0.0);
        QCOMPARE(regenerate_ids(f, to_batch({&q}, *f.model), 30), regenerate_ids(f, mem, 30));
    }

    // compressor.json carries the options; the ids parse strictly.
    void config_and_ids() {
        QVERIFY(!optimised_compressor_config("optimised-kv-m0"));
        QVERIFY(!optimised_compressor_config("optimised-kv-m65"));
        QVERIFY(!optimised_compressor_config("optimised-xx-m4"));
        QVERIFY(!optimised_compressor_config("optimised-kv-m4-t96"));
        CompressorConfig c = *optimised_compressor_config("optimised-emb-m16");
        QCOMPARE(c.method, Method::OptimisedEmbeddings);
        QCOMPARE(c.memory_tokens, 16);
        c.optimisation.max_steps = 123;
        c.optimisation.lr = 0.05;
        const CompressorConfig back = CompressorConfig::from_json_text(c.to_json_text(), "compressor.json");
        QCOMPARE(back.method, Method::OptimisedEmbeddings);
        QCOMPARE(back.optimisation.max_steps, 123);
        QCOMPARE(back.optimisation.lr, 0.05);
        QVERIFY(error_of([] {
                    CompressorConfig::from_json_text(
                        R"({"method": "optimised-kv", "memory_tokens": 4, "optimisation": {"max_steps": 0}})", "c.json");
                }).contains(QStringLiteral("max_steps")));
        // Found here: a zero (stored by nlohmann as unsigned) slipped past every integer field's lower bound.
        QVERIFY(error_of([] {
                    CompressorConfig::from_json_text(R"({"method": "500x", "memory_tokens": 4, "lora_r": 0})", "c.json");
                }).contains(QStringLiteral("lora_r")));
        // A folder holding only compressor.json loads and saves.
        ModelFolder f = tiny();
        QTemporaryDir dir;
        auto comp = optimised(f, "optimised-kv-m1", 7);
        comp->save(dir.path().toStdString());
        QVERIFY(!std::filesystem::exists(dir.filePath(QStringLiteral("memory.safetensors")).toStdString()));
        auto loaded = Compressor::load(dir.path().toStdString(), f.model);
        QCOMPARE(loaded->config().optimisation.max_steps, 7);
    }

    void refusals() {
        ModelFolder f = tiny();
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        MemoryOptimisationOptions o;
        o.max_steps = 0;
        QVERIFY(error_of([&] { optimise_memory(*f.model, {ids}, true, 4, o); }).contains(QStringLiteral("step budget")));
        o = {};
        o.lr = -1;
        QVERIFY(error_of([&] { optimise_memory(*f.model, {ids}, true, 4, o); }).contains(QStringLiteral("learning rate")));
        QVERIFY(error_of([&] { optimise_memory(*f.model, {{}}, true, 4, {}); }).contains(QStringLiteral("empty")));
        auto c = optimised(f, "optimised-kv-m4", 5);
        QVERIFY(error_of([&] { c->encode({std::vector<int64_t>{5, 99999}}); }).contains(QStringLiteral("vocabulary")));
        // Nothing to train.
        CompressorTrainOptions t;
        t.compressor.method = Method::OptimisedKV;
        QVERIFY(error_of([&] { train_compressor(f.model, *f.tokenizer, t, {}); }).contains(QStringLiteral("not trained")));
    }

    // The Session offers the optimised ids beside the loaded compressors and runs them.
    void session_runs_optimised_ids() {
        SessionOptions so;
        so.model_dir = tiny_dir();
        so.device = test::device();
        so.optimisation.max_steps = 40;
        auto s = Session::open(so);
        QCOMPARE(s->optimised().size(), size_t(6));
        for (const CompressorInfo& i : s->compressors()) QVERIFY(i.method.rfind("optimised", 0) != 0);
        QCOMPARE(s->compressor("optimised-emb-m16").method, std::string("optimised-emb"));
        int steps = 0;
        RunControl cb;
        cb.on_progress = [&](const Progress& p) {
            if (p.stage == "optimise memory") {
                steps = static_cast<int>(p.done);
                QVERIFY(p.fraction <= 0.2 + 1e-9);  // the compress stage's share of the call
            }
        };
        RegenerationReport r = s->regenerate("optimised-kv-m4", kText, {}, cb);
        QCOMPARE(r.compressor.id, std::string("optimised-kv-m4"));
        QVERIFY(!r.cancelled);
        QVERIFY(steps > 0 && steps <= 40);
        QVERIFY(!r.regenerated.empty());
    }

    // d loss / d memory KV through the frozen decoder, against transformers (eager, float32).
    void gradient_matches_transformers() {
        const std::string dir = test::fixture("conformance/mha_tied");
        const std::string ref_path = dir + "/memory_gradient.safetensors";
        if (!std::filesystem::exists(ref_path)) QFAIL("missing fixture: run tools/make_memory_gradient_fixture.py");
        LlamaModel::LoadOptions lo;
        lo.device = "cpu";
        lo.dtype = "float32";
        auto model = LlamaModel::load(dir, lo);
        TensorMap expected = load_safetensors(dir + "/expected.safetensors");
        TensorMap ref = load_safetensors(ref_path);
        const at::Tensor ids = expected.at("input_ids");  // [B, T]
        const int64_t B = ids.size(0), T = ids.size(1);
        MemoryBatch mem;
        mem.keys = expected.at("prefix_keys").clone().requires_grad_(true);  // [L, B, Hkv, P, D]
        mem.values = expected.at("prefix_values").clone().requires_grad_(true);
        const int64_t P = mem.keys.size(3);
        std::vector<std::vector<int64_t>> prompts, targets;
        for (int64_t b = 0; b < B; ++b) {
            prompts.push_back({ids[b][P].item<int64_t>()});
            std::vector<int64_t> t;
            for (int64_t i = P + 1; i < T; ++i) t.push_back(ids[b][i].item<int64_t>());
            targets.push_back(t);
        }
        at::Tensor loss = decoder_loss(*model, mem, prompts, targets, nullptr, LossNormalization::Sample);
        loss.backward();
        XCOMP_COMPARE_TENSORS(loss.detach(), ref.at("loss"), 1e-5);
        XCOMP_COMPARE_TENSORS(mem.keys.grad(), ref.at("grad_keys"), 1e-5);
        XCOMP_COMPARE_TENSORS(mem.values.grad(), ref.at("grad_values"), 1e-5);
    }
};

QTEST_APPLESS_MAIN(TestMemoryOptimisation)
#include "tst_memory_optimisation.moc"
