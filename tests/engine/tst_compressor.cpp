// Compressors on the tiny fixture model: overfitting, .xcp round trips, interpolation, attention,
// and every refusal (mismatched model, bad text, bad m, corrupt files).
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"
#include "xcomp/eval/metrics.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/runtime.h"
#include "xcomp/session.h"
#include "xcomp/train/trainer.h"

using namespace xcomp;

namespace {

const char* kText = "A language model reads those vectors instead of the original text.";

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

std::string regenerate_text(const ModelFolder& f, const MemoryBatch& mem, int max_new) {
    GenerationOptions go;
    go.max_new_tokens = max_new;
    GenerationResult g = regenerate(*f.model, mem, go);
    return f.tokenizer->decode(std::vector<int>(g.ids[0].begin(), g.ids[0].end()));
}

using test::error_of;

}  // namespace

class TestCompressor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { init_runtime(2); }

    // Each method learns to regenerate one short text exactly within a bounded number of steps.
    void overfits_one_text_data() {
        QTest::addColumn<QString>("method");
        for (const char* m : {"500x", "icae", "aoc", "lora-aoc"}) QTest::newRow(m) << QString::fromLatin1(m);
    }
    void overfits_one_text() {
        QFETCH(QString, method);
        // Not a sentence of the fixture LM's training text, whose memorised continuation would compete.
        const char* kText = "every small model reads the vectors and answers the prompt.";
        QTemporaryDir dir;
        const std::string data = dir.filePath(QStringLiteral("one.jsonl")).toStdString();
        std::ofstream(data) << "{\"id\": \"1\", \"text\": \"" << kText << "\"}\n";
        ModelFolder f = tiny();
        CompressorTrainOptions o;
        o.compressor.method = parse_method(method.toStdString());
        o.compressor.memory_tokens = method == QLatin1String("icae") ? 16 : 4;
        o.train_data = o.valid_data = data;
        o.min_tokens = 8;
        o.max_tokens = 64;  // longer than the text: it is always whole
        o.batch_size = 2;
        // ICAE hands over only final embeddings through a small LoRA: it needs the longest run.
        o.optim.steps = method == QLatin1String("icae") ? 1000 : 300;
        o.optim.lr = 1e-2;
        o.optim.warmup_steps = 10;
        o.valid_every = 0;
        o.bleu_examples = 1;
        o.valid_examples = 1;
        o.checkpoint_every = 0;
        o.log_every = 1000;
        o.out_dir = dir.filePath(QStringLiteral("out")).toStdString();
        RunControl quiet;
        quiet.on_progress = [](const Progress&) {};
        train_compressor(f.model, *f.tokenizer, o, quiet);
        auto c = Compressor::load(o.out_dir, f.model);
        at::NoGradGuard ng;
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        const std::string out = regenerate_text(f, c->encode({ids}), static_cast<int>(ids.size()) + 8);
        QCOMPARE(QString::fromStdString(out), QString::fromLatin1(kText));
    }

    // A run stopped after a checkpoint continues from it with --resume.
    void resumes_from_checkpoint() {
        QTemporaryDir dir;
        const std::string data = dir.filePath(QStringLiteral("one.jsonl")).toStdString();
        std::ofstream(data) << "{\"id\": \"1\", \"text\": \"" << kText << "\"}\n";
        ModelFolder f = tiny();
        CompressorTrainOptions o;
        o.compressor.method = Method::AOC;
        o.train_data = o.valid_data = data;
        o.min_tokens = 8;
        o.max_tokens = 64;
        o.batch_size = 2;
        o.optim.steps = 4;
        o.optim.warmup_steps = 1;
        o.valid_every = 0;
        o.bleu_examples = o.valid_examples = 1;
        o.checkpoint_every = 2;
        o.log_every = 1;
        o.out_dir = dir.filePath(QStringLiteral("out")).toStdString();
        std::vector<int64_t> steps;
        RunControl cb;
        cb.on_progress = [&](const Progress& p) { steps.push_back(p.training->step); };
        train_compressor(f.model, *f.tokenizer, o, cb);
        QCOMPARE(steps.front(), int64_t{1});
        QVERIFY(QFile::exists(QString::fromStdString(o.out_dir + "/checkpoint.safetensors")));
        steps.clear();
        o.resume = true;
        o.optim.steps = 6;
        train_compressor(f.model, *f.tokenizer, o, cb);
        QCOMPARE(steps.front(), int64_t{5});
        QCOMPARE(steps.back(), int64_t{6});
        // Cancelling saves a checkpoint and returns cancelled.
        std::atomic<bool> stop{true};
        cb.cancel = &stop;
        o.optim.steps = 10;
        const bool cancelled = train_compressor(f.model, *f.tokenizer, o, cb).cancelled;
        QVERIFY(cancelled);
    }

    void xcp_round_trip_regenerates_identically() {
        at::NoGradGuard ng;
        ModelFolder f = tiny();
        auto c = Compressor::load(tiny_dir() + "/compressors/aoc-m4", f.model);
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        CompressedPrompt p = to_prompt(c->encode({ids}), 0, *c, static_cast<int>(ids.size()), kText);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("a.xcp")).toStdString();
        p.save(path);
        CompressedPrompt q = CompressedPrompt::load(path);
        q.check_fits(*c);
        QCOMPARE(q.source_text, std::string(kText));
        QCOMPARE(q.memory_tokens, 4);
        XCOMP_COMPARE_TENSORS(q.keys, p.keys, 0.0);
        QCOMPARE(regenerate_text(f, to_batch({&q}, *f.model), 40), regenerate_text(f, to_batch({&p}, *f.model), 40));
    }

    void interpolation_endpoints() {
        at::NoGradGuard ng;
        ModelFolder f = tiny();
        for (const char* id : {"aoc-m4", "icae-m4"}) {
            auto c = Compressor::load(tiny_dir() + "/compressors/" + id, f.model);
            auto ia = ids_of(*f.tokenizer, kText), ib = ids_of(*f.tokenizer, "We measure how much is lost.");
            CompressedPrompt a = to_prompt(c->encode({ia}), 0, *c, 1, "a"), b = to_prompt(c->encode({ib}), 0, *c, 1, "b");
            for (bool spherical : {false, true}) {
                CompressedPrompt at0 = interpolate(a, b, 0.0, spherical), at1 = interpolate(a, b, 1.0, spherical);
                CompressedPrompt mid = interpolate(a, b, 0.5, spherical);
                const at::Tensor& ta = a.keys.defined() ? a.keys : a.embeddings;
                const at::Tensor& tb = b.keys.defined() ? b.keys : b.embeddings;
                XCOMP_COMPARE_TENSORS(at0.keys.defined() ? at0.keys : at0.embeddings, ta, 0.0);
                XCOMP_COMPARE_TENSORS(at1.keys.defined() ? at1.keys : at1.embeddings, tb, 0.0);
                // Near the ends, a slerp of unit-free vectors equals a lerp up to rounding.
                CompressedPrompt e1 = interpolate(a, b, 1e-7, spherical);
                XCOMP_COMPARE_TENSORS(e1.keys.defined() ? e1.keys : e1.embeddings, ta, 1e-4);
                const at::Tensor tm = mid.keys.defined() ? mid.keys : mid.embeddings;
                QVERIFY(test::max_abs_diff(tm, ta) > 0 && test::max_abs_diff(tm, tb) > 0);
                // One prompt computed on the model's device, one as read from a file (CPU): still mixes.
                CompressedPrompt b_cpu = b;
                for (at::Tensor* t : {&b_cpu.keys, &b_cpu.values, &b_cpu.embeddings})
                    if (t->defined()) *t = t->to(at::kCPU);
                const CompressedPrompt mixed = interpolate(a, b_cpu, 0.5, spherical);
                const at::Tensor tx = mixed.keys.defined() ? mixed.keys : mixed.embeddings;
                QCOMPARE(tx.device(), ta.device());
            }
            QCOMPARE(regenerate_text(f, to_batch({&a}, *f.model), 30),
                     regenerate_text(f, to_batch({&a}, *f.model), 30));
        }
    }

    void captured_attention_rows_sum_to_one() {
        at::NoGradGuard ng;
        ModelFolder f = tiny();
        auto c = Compressor::load(tiny_dir() + "/compressors/500x-m4", f.model);
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        MemoryBatch mem = c->encode({ids}, /*capture_attention=*/true);
        QCOMPARE(static_cast<int64_t>(mem.encoder_attention.size()), f.model->config().num_hidden_layers);
        for (const at::Tensor& a : mem.encoder_attention) {
            QCOMPARE(a.size(2), int64_t{4});  // one row per memory token
            XCOMP_COMPARE_TENSORS(a.sum(-1), at::ones_like(a.sum(-1)), 1e-5);
        }
        GenerationOptions go;
        go.max_new_tokens = 10;
        go.capture_attention = true;
        GenerationResult g = regenerate(*f.model, mem, go);
        QVERIFY(!g.attention.empty());
        for (size_t i = 0; i < g.attention.size(); ++i) {
            const at::Tensor& a = g.attention[i];  // [L, H, S]
            QCOMPARE(a.size(2), static_cast<int64_t>(4 + 1 + i));  // memory, BOS, tokens so far
            XCOMP_COMPARE_TENSORS(a.sum(-1), at::ones_like(a.sum(-1)), 1e-5);
        }
    }

    void session_reports_everything() {
        SessionOptions so;
        so.model_dir = tiny_dir();
        so.device = test::device();
        auto s = Session::open(so);
        QCOMPARE(static_cast<int>(s->compressors().size()), 3);
        QVERIFY(s->model().warnings.empty());
        RegenerateOptions ro;
        ro.capture_attention = true;
        RegenerationReport r = s->regenerate("aoc-m4", kText, ro);
        QCOMPARE(r.source_tokens, static_cast<int>(s->count_tokens(kText)));
        QVERIFY(r.compressed_bytes > 0 && r.full_kv_bytes > 0);
        const AttentionUsage& A = r.attention;
        QCOMPARE(static_cast<int>(A.memory_attention.size()), A.layers * A.heads * A.generated * A.memory_tokens);
        QCOMPARE(static_cast<int>(A.encoder_attention.size()), A.layers * A.heads * A.memory_tokens * A.source_tokens);
        for (float t : A.memory_total) QVERIFY(t >= 0.f && t <= 1.0001f);
        // Cancelling stops the run early.
        std::atomic<bool> cancel{true};
        RunControl cb;
        cb.cancel = &cancel;
        QVERIFY(s->regenerate("aoc-m4", kText, {}, cb).cancelled);
        // Slots: compress, save, load, interpolate.
        QTemporaryDir dir;
        const int a = s->compress_to_slot("aoc-m4", kText);
        const std::string path = dir.filePath(QStringLiteral("a.xcp")).toStdString();
        s->save_slot(a, path);
        const int b = s->load_slot(path);
        QCOMPARE(s->slot_source_text(b), s->slot_source_text(a));
        InterpolationPoint p = s->interpolate(a, b, 0.5, true);
        QCOMPARE(p.bleu_to_a, p.bleu_to_b);
        QAReport q = s->answer("aoc-m4", kText, "What does the model read?", {"those vectors"});
        QVERIFY(q.has_gold);
    }

    void refuses_mismatched_model() {
        ModelFolder f = tiny();
        LlamaModel::LoadOptions o;
        auto other = LlamaModel::load(test::fixture("conformance/mha_tied"), o);
        const QString e = error_of([&] { Compressor::load(tiny_dir() + "/compressors/aoc-m4", other); });
        QVERIFY2(e.contains(QStringLiteral("another base model")), qPrintable(e));
        // A prompt from one compressor does not fit another.
        at::NoGradGuard ng;
        auto aoc = Compressor::load(tiny_dir() + "/compressors/aoc-m4", f.model);
        auto x500 = Compressor::load(tiny_dir() + "/compressors/500x-m4", f.model);
        CompressedPrompt p = to_prompt(aoc->encode({ids_of(*f.tokenizer, kText)}), 0, *aoc, 1, "");
        QVERIFY(error_of([&] { p.check_fits(*x500); }).contains(QStringLiteral("not by 500x-m4")));
        CompressedPrompt q = to_prompt(x500->encode({ids_of(*f.tokenizer, kText)}), 0, *x500, 1, "");
        QVERIFY(error_of([&] { interpolate(p, q, 0.5, false); }).contains(QStringLiteral("same compressor")));
    }

    void refuses_bad_input() {
        SessionOptions so;
        so.model_dir = tiny_dir();
        auto s = Session::open(so);
        QVERIFY(error_of([&] { s->regenerate("aoc-m4", "   ", {}); }).contains(QStringLiteral("empty")));
        QVERIFY(error_of([&] { s->regenerate("aoc-m4", std::string("ab\xff\xfe"), {}); }).contains(QStringLiteral("UTF-8")));
        std::string huge;
        for (int i = 0; i < 400; ++i) huge += "The small workbench compresses long prompts. ";
        // Too long even for 64 chunks of the trained window (40 tokens); one piece with chunking off.
        const QString e = error_of([&] { s->regenerate("aoc-m4", huge, {}); });
        QVERIFY2(e.contains(QStringLiteral("more than 64 chunks of at most 40 tokens")), qPrintable(e));
        RegenerateOptions whole;
        whole.chunking = false;
        const QString e2 = error_of([&] { s->regenerate("aoc-m4", huge, whole); });
        QVERIFY2(e2.contains(QStringLiteral("compresses at most")), qPrintable(e2));
        QVERIFY(error_of([&] { s->regenerate("nope", kText, {}); }).contains(QStringLiteral("no compressor")));
        // Generation lengths are bounded by the context (1024 positions; aoc-m4's memory and BOS take 5).
        RegenerateOptions too_long;
        too_long.max_new_tokens = 1020;
        QString g = error_of([&] { s->regenerate("aoc-m4", kText, too_long); });
        QVERIFY2(g.contains(QStringLiteral("1020 new tokens do not fit the model's context")) &&
                     g.contains(QStringLiteral("aoc-m4's memory and BOS take 5 positions, so at most 1019 new tokens")),
                 qPrintable(g));
        std::string long_question;
        for (int i = 0; i < 300; ++i) long_question += "Which vectors does the model read? ";
        g = error_of([&] { s->answer("aoc-m4", kText, long_question, {}); });
        QVERIFY2(g.contains(QStringLiteral("do not fit the model's context")), qPrintable(g));
        ModelFolder f = tiny();
        CompressorConfig c;
        c.memory_tokens = 0;
        QVERIFY(error_of([&] { Compressor::create(c, f.model, 1); }).contains(QStringLiteral("memory tokens")));
        c.memory_tokens = kMaxMemoryTokens + 1;
        QVERIFY(error_of([&] { Compressor::create(c, f.model, 1); }).contains(QStringLiteral("memory tokens")));
        // Corrupt and foreign .xcp files.
        QTemporaryDir dir;
        const std::string good = dir.filePath(QStringLiteral("g.xcp")).toStdString();
        s->save_slot(s->compress_to_slot("aoc-m4", kText), good);
        std::string bytes;
        {
            std::ifstream in(good, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), {});
        }
        const std::string cut = dir.filePath(QStringLiteral("cut.xcp")).toStdString();
        std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
        QVERIFY(!error_of([&] { s->load_slot(cut); }).isEmpty());
        const std::string foreign = dir.filePath(QStringLiteral("model.xcp")).toStdString();
        std::ifstream src(tiny_dir() + "/compressors/aoc-m4/memory.safetensors", std::ios::binary);
        std::ofstream(foreign, std::ios::binary) << src.rdbuf();
        QVERIFY(error_of([&] { s->load_slot(foreign); }).contains(QStringLiteral("not a compressed prompt")));
    }

    void peft_layout_round_trip() {
        ModelFolder f = tiny();
        LoraWeights l = LoraWeights::init(f.model->config(), 4, 8, {"q_proj", "v_proj", "down_proj"}, f.model->device(),
                                          at::kFloat, 5);
        for (auto& [k, p] : l.pairs) p.b.normal_();
        QTemporaryDir dir;
        l.save(dir.path().toStdString(), "tiny-model");
        LoraWeights r = LoraWeights::load(dir.path().toStdString(), f.model->config(), f.model->device(), at::kFloat);
        QCOMPARE(r.pairs.size(), l.pairs.size());
        for (auto& [k, p] : l.pairs) XCOMP_COMPARE_TENSORS(r.find(k.first, k.second)->b, p.b, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestCompressor)
#include "tst_compressor.moc"
