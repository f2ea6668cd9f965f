// The decode loops (grown cache, preallocated cache, CUDA graph, the CPU loop) produce the same tokens
// (and the CPU loop the same attention), and every loop honours EOS, cancellation, the token
// callback and bad options.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <QtTest>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"
#include "xcomp/model/generation.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/runtime.h"

using namespace xcomp;

namespace {

// The modes this build and device can run; the first is the reference. The CPU loop takes float32
// on the CPU without a decoder adapter or left-padded prompts.
std::vector<DecodeMode> modes(const LlamaModel& m, bool lora_or_padding = false) {
    std::vector<DecodeMode> v = {DecodeMode::Dynamic, DecodeMode::Static};
    if (m.device().is_cuda() && cuda_graphs_available()) v.push_back(DecodeMode::CudaGraph);
    if (m.device().is_cpu() && m.dtype() == at::kFloat && !lora_or_padding) v.push_back(DecodeMode::CpuLoop);
    return v;
}

ModelFolder tiny() {
    LlamaModel::LoadOptions o;
    o.device = test::device();
    o.dtype = "float32";  // exact agreement between loops is a float32 property
    return load_model_folder(test::fixture("tiny-model"), o);
}

std::vector<int64_t> ids_of(const Tokenizer& tok, const std::string& s) {
    std::vector<int> v = tok.encode(s);
    return std::vector<int64_t>(v.begin(), v.end());
}

}  // namespace

class TestDecodingModes : public QObject {
    Q_OBJECT

    ModelFolder f_;

private slots:
    void initTestCase() {
        init_runtime(2);
        f_ = tiny();
    }

    // A plain prompt, no cache, with and without a LoRA adapter on the decoder.
    void plain_prompt_agrees() {
        for (bool with_lora : {false, true}) {
            LoraWeights lora = LoraWeights::init(f_.model->config(), 4, 8, {"q_proj", "v_proj", "down_proj"}, f_.model->device(),
                                                 f_.model->dtype(), 3);
            at::NoGradGuard ng;
            if (with_lora)  // a non-zero B so the adapter changes the logits
                for (auto& [key, pair] : lora.pairs) pair.b.normal_(0, 0.05);
            GenerationOptions go;
            go.max_new_tokens = 40;
            go.stop_at_eos = false;
            go.lora = with_lora ? &lora : nullptr;
            const at::Tensor prompt = at::tensor(ids_of(*f_.tokenizer, "The compressor writes the text into"), at::kLong).view({1, -1});
            std::vector<std::vector<int64_t>> ref;
            for (DecodeMode m : modes(*f_.model, with_lora)) {
                go.decode_mode = m;
                GenerationResult r = generate_greedy(*f_.model, prompt, KVCache(), go);
                QCOMPARE(static_cast<int>(r.ids[0].size()), 40);
                if (ref.empty()) ref = r.ids;
                QVERIFY2(r.ids == ref, decode_mode_name(m));
            }
        }
    }

    // Compressed memory as the prefix, then a left-padded batch of prompts of different lengths.
    void memory_prefix_and_padded_batch_agree_data() {
        QTest::addColumn<QString>("compressor");
        for (const char* c : {"aoc-m4", "500x-m4", "icae-m4"}) QTest::newRow(c) << QString::fromLatin1(c);
    }

    void memory_prefix_and_padded_batch_agree() {
        QFETCH(QString, compressor);
        at::NoGradGuard ng;
        auto comp = Compressor::load(test::fixture("tiny-model/compressors/" + compressor.toStdString()), f_.model);
        const std::vector<std::vector<int64_t>> texts = {
            ids_of(*f_.tokenizer, "Memory tokens carry the text to a frozen decoder."),
            ids_of(*f_.tokenizer, "Attention-only encoders drop every MLP of the language model and still compress well.")};
        MemoryBatch mem = comp->encode(texts);
        const std::vector<std::vector<int64_t>> prompts = {ids_of(*f_.tokenizer, "Question: what is it? Answer:"),
                                                           ids_of(*f_.tokenizer, "Answer:")};
        GenerationOptions go;
        go.max_new_tokens = 24;
        go.stop_at_eos = false;
        std::vector<std::vector<int64_t>> ref_batch, ref_regen;
        for (DecodeMode m : modes(*f_.model)) {
            go.decode_mode = m;
            GenerationResult g = regenerate(*f_.model, mem, go);
            if (ref_regen.empty()) ref_regen = g.ids;
            QVERIFY2(g.ids == ref_regen, decode_mode_name(m));
        }
        for (DecodeMode m : modes(*f_.model, /*padded prompts*/ true)) {
            go.decode_mode = m;
            GenerationResult b = continue_batch(*f_.model, &mem, prompts, go);
            if (ref_batch.empty()) ref_batch = b.ids;
            QVERIFY2(b.ids == ref_batch, decode_mode_name(m));
        }
        // Left padding must not leak: row 1 alone gives what it gave in the batch.
        go.decode_mode = DecodeMode::Static;
        MemoryBatch one = comp->encode({texts[1]});
        GenerationResult alone = continue_batch(*f_.model, &one, {prompts[1]}, go);
        QVERIFY(alone.ids[0] == ref_batch[1]);
    }

    // The CPU loop against the forward pass: the same tokens and attention rows, with a memory token
    // masked off (ablation) and without.
    void cpu_loop_matches_the_forward_pass() {
        if (!f_.model->device().is_cpu()) QSKIP("the CPU loop runs on the CPU");
        at::NoGradGuard ng;
        auto comp = Compressor::load(test::fixture("tiny-model/compressors/aoc-m4"), f_.model);
        MemoryBatch mem = comp->encode({ids_of(*f_.tokenizer, "Memory tokens carry the text to a frozen decoder.")});
        for (bool masked : {false, true}) {
            if (masked) {
                mem.mask = at::ones({1, 4}, at::kBool);
                mem.mask[0][1] = false;
            }
            GenerationOptions go;
            go.max_new_tokens = 20;
            go.stop_at_eos = false;
            go.capture_attention = true;
            go.decode_mode = DecodeMode::Dynamic;
            const GenerationResult ref = regenerate(*f_.model, mem, go);
            go.decode_mode = DecodeMode::CpuLoop;
            const GenerationResult got = regenerate(*f_.model, mem, go);
            QVERIFY(got.ids == ref.ids);
            QCOMPARE(got.attention.size(), ref.attention.size());
            for (size_t t = 0; t < ref.attention.size(); ++t) {
                QCOMPARE(got.attention[t].sizes(), ref.attention[t].sizes());
                QVERIFY2(test::max_abs_diff(got.attention[t], ref.attention[t]) < 1e-5, qPrintable(QString::number(t)));
            }
            if (masked)  // the masked memory token gets no attention at any step
                for (const at::Tensor& a : got.attention) QCOMPARE(a.select(2, 1).abs().max().item<float>(), 0.0f);
        }
    }

    // EOS ends a row, the callback and the cancel flag end the run, in every loop.
    void stops_are_honoured() {
        const at::Tensor prompt = at::tensor(ids_of(*f_.tokenizer, "A short text"), at::kLong).view({1, -1});
        for (DecodeMode m : modes(*f_.model)) {
            GenerationOptions go;
            go.decode_mode = m;
            go.max_new_tokens = 30;
            go.stop_at_eos = false;
            int seen = 0;
            go.control.on_token = [&](int64_t, int64_t) { return ++seen < 5; };
            GenerationResult r = generate_greedy(*f_.model, prompt, KVCache(), go);
            QVERIFY2(r.cancelled, decode_mode_name(m));
            QCOMPARE(static_cast<int>(r.ids[0].size()), 5);

            std::atomic<bool> cancel{true};
            go.control.on_token = nullptr;
            go.control.cancel = &cancel;
            r = generate_greedy(*f_.model, prompt, KVCache(), go);
            QVERIFY(r.cancelled);
            QVERIFY(r.ids[0].empty());

            go.control.cancel = nullptr;
            go.max_new_tokens = 0;
            r = generate_greedy(*f_.model, prompt, KVCache(), go);
            QVERIFY(!r.cancelled && r.ids[0].empty());
        }
        // An EOS id the model certainly emits: its first greedy token, declared as EOS.
        GenerationOptions first;
        first.max_new_tokens = 1;
        first.stop_at_eos = false;
        const int64_t tok = generate_greedy(*f_.model, prompt, KVCache(), first).ids[0][0];
        LlamaConfig cfg = f_.model->config();
        cfg.eos_token_ids = {tok};
        LlamaModel eos_model(cfg, f_.model->weights());
        for (DecodeMode m : modes(*f_.model)) {
            GenerationOptions go;
            go.decode_mode = m;
            go.max_new_tokens = 10;
            GenerationResult r = generate_greedy(eos_model, prompt, KVCache(), go);
            QVERIFY2(r.hit_eos[0] && r.ids[0].empty(), decode_mode_name(m));
        }
    }

    void bad_options_are_refused() {
        QCOMPARE(parse_decode_mode("cuda-graph"), DecodeMode::CudaGraph);
        QVERIFY_THROWS_EXCEPTION(Error, parse_decode_mode("fast"));
        const at::Tensor prompt = at::tensor(std::vector<int64_t>{5, 6, 7}, at::kLong).view({1, -1});
        GenerationOptions go;
        go.capture_attention = true;
        go.decode_mode = DecodeMode::Static;
        QVERIFY_THROWS_EXCEPTION(Error, generate_greedy(*f_.model, prompt, KVCache(), go));
        go.capture_attention = false;
        go.decode_mode = DecodeMode::CudaGraph;
        if (!f_.model->device().is_cuda() || !cuda_graphs_available())
            QVERIFY_THROWS_EXCEPTION(Error, generate_greedy(*f_.model, prompt, KVCache(), go));
        go.decode_mode = DecodeMode::Static;
        go.prompt_mask = at::ones({1, 2}, at::kBool);
        QVERIFY_THROWS_EXCEPTION(Error, generate_greedy(*f_.model, prompt, KVCache(), go));
        // The CPU loop refuses what it does not do: a decoder adapter, left-padded prompts.
        QCOMPARE(parse_decode_mode("cpu-loop"), DecodeMode::CpuLoop);
        go.decode_mode = DecodeMode::CpuLoop;
        go.prompt_mask = at::ones({1, 3}, at::kBool);
        QVERIFY_THROWS_EXCEPTION(Error, generate_greedy(*f_.model, prompt, KVCache(), go));
        go.prompt_mask = at::Tensor();
        LoraWeights lora = LoraWeights::init(f_.model->config(), 2, 4, {"q_proj"}, f_.model->device(), f_.model->dtype(), 1);
        go.lora = &lora;
        QVERIFY_THROWS_EXCEPTION(Error, generate_greedy(*f_.model, prompt, KVCache(), go));
        go.lora = nullptr;
        // Past the context (1024 positions; the prompt takes 3), in every mode.
        for (DecodeMode mode : {DecodeMode::Dynamic, DecodeMode::Static, DecodeMode::CpuLoop}) {
            if (mode == DecodeMode::CpuLoop && !f_.model->device().is_cpu()) continue;
            GenerationOptions far;
            far.decode_mode = mode;
            far.max_new_tokens = 1022;
            const QString e = test::error_of([&] { generate_greedy(*f_.model, prompt, KVCache(), far); });
            QVERIFY2(e.contains(QStringLiteral("the cache and prompt take 3 positions, so at most 1021 new tokens")),
                     qPrintable(e));
        }
        // A static cache smaller than its prefix, or a forward without positions.
        KVCache prefix;
        ForwardOptions fo;
        fo.cache = &prefix;
        f_.model->forward(prompt, fo);
        QVERIFY_THROWS_EXCEPTION(Error, StaticKVCache::from(prefix, 1, 2, f_.model->config(), f_.model->device(), f_.model->dtype()));
        StaticKVCache sc = StaticKVCache::from(prefix, 1, 8, f_.model->config(), f_.model->device(), f_.model->dtype());
        ForwardOptions so;
        so.static_cache = &sc;
        QVERIFY_THROWS_EXCEPTION(Error, f_.model->forward(prompt, so));
    }
};

QTEST_APPLESS_MAIN(TestDecodingModes)
#include "tst_decoding_modes.moc"
