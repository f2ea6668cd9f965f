// The engine against transformers/peft: fixtures from tools/make_conformance_fixtures.py.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <QtTest>

#include "engine_test_util.h"
#include "xcomp/model/generation.h"
#include "xcomp/model/model.h"
#include "xcomp/runtime.h"
#include "xcomp/io/tensor_io.h"

using namespace xcomp;

class TestConformance : public QObject {
    Q_OBJECT

    struct Case {
        std::shared_ptr<const LlamaModel> model;
        TensorMap expected;
        std::map<std::string, std::string> meta;
        LoraWeights lora;
        ForwardOptions options;
    };

    Case load(const QString& name) {
        Case c;
        const std::string dir = test::fixture("conformance/" + name.toStdString());
        LlamaModel::LoadOptions lo;
        lo.device = test::device();
        lo.dtype = "float32";
        c.model = LlamaModel::load(dir, lo);
        c.expected = load_safetensors(dir + "/expected.safetensors", &c.meta);
        if (!c.meta["adapter"].empty()) {
            c.lora = LoraWeights::load(dir + "/" + c.meta["adapter"], c.model->config(), c.model->device(), c.model->dtype());
        }
        return c;
    }

    ForwardOptions options(const Case& c) {
        ForwardOptions o;
        if (!c.lora.pairs.empty()) o.lora = &c.lora;
        o.skip_mlp = c.meta.at("no_mlp") == "True";
        return o;
    }

private slots:
    void initTestCase() { init_runtime(2); }

    void cases_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"mha_tied", "gqa_untied_llama3", "linear_rope_v4_spelling", "bf16_weights", "lora", "no_mlp"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }

    void cases() {
        QFETCH(QString, name);
        at::NoGradGuard ng;
        Case c = load(name);
        ForwardOptions o = options(c);
        const at::Tensor ids = c.expected["input_ids"];

        // Full forward: logits and captured attention.
        o.capture_attention = true;
        ForwardOutput full = c.model->forward(ids, o);
        XCOMP_COMPARE_TENSORS(full.logits, c.expected["logits"], 1e-4);
        XCOMP_COMPARE_TENSORS(at::stack(full.attention), c.expected["attentions"], 1e-5);
        o.capture_attention = false;

        // Prefix KV, then the rest on top of it.
        const int64_t P = std::stoll(c.meta.at("prefix_len"));
        KVCache cache;
        ForwardOptions po = o;
        po.cache = &cache;
        c.model->forward(ids.narrow(1, 0, P), po);
        XCOMP_COMPARE_TENSORS(at::stack(cache.keys), c.expected["prefix_keys"], 1e-4);
        XCOMP_COMPARE_TENSORS(at::stack(cache.values), c.expected["prefix_values"], 1e-4);
        ForwardOutput rest = c.model->forward(ids.narrow(1, P, ids.size(1) - P), po);
        XCOMP_COMPARE_TENSORS(rest.logits, c.expected["rest_logits"], 1e-4);

        // Greedy continuation of row 0 (no EOS stop, as in the script).
        GenerationOptions go;
        go.max_new_tokens = static_cast<int>(c.expected["greedy_ids"].size(1));
        go.stop_at_eos = false;
        go.lora = o.lora;
        if (o.skip_mlp) return;  // generation always runs the full decoder
        // Auto is the CUDA-graph loop on a CUDA build's GPU, the grown cache elsewhere.
        for (DecodeMode mode : {DecodeMode::Auto, DecodeMode::Static}) {
            go.decode_mode = mode;
            GenerationResult g = generate_greedy(*c.model, ids.narrow(0, 0, 1), KVCache(), go);
            const at::Tensor want = c.expected["greedy_ids"][0];
            QCOMPARE(static_cast<int64_t>(g.ids[0].size()), want.size(0));
            for (int64_t i = 0; i < want.size(0); ++i) QCOMPARE(g.ids[0][i], want[i].item<int64_t>());
        }
    }

    // bf16 weights computed in bf16 stay close to the float32 reference (a loose, dtype-level check).
    void bf16_compute() {
        at::NoGradGuard ng;
        const std::string dir = test::fixture("conformance/bf16_weights");
        LlamaModel::LoadOptions lo;
        lo.device = test::device();
        lo.dtype = "bfloat16";
        auto model = LlamaModel::load(dir, lo);
        QCOMPARE(model->dtype(), at::kBFloat16);
        TensorMap e = load_safetensors(dir + "/expected.safetensors");
        at::Tensor logits = model->forward(e["input_ids"]).logits.to(at::kFloat);
        const double rel = ((logits.cpu() - e["logits"]).norm() / e["logits"].norm()).item<double>();
        QVERIFY2(rel < 2e-2, qPrintable(QString::number(rel)));
    }

    // A LoRA adapter whose B is zero leaves the base model unchanged.
    void lora_zero_b_is_identity() {
        at::NoGradGuard ng;
        Case c = load(QStringLiteral("mha_tied"));
        LoraWeights zero = LoraWeights::init(c.model->config(), 4, 8, {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"},
                                             c.model->device(), c.model->dtype(), 7);
        ForwardOptions o;
        o.lora = &zero;
        XCOMP_COMPARE_TENSORS(c.model->forward(c.expected["input_ids"], o).logits, c.expected["logits"], 1e-4);
    }
};

QTEST_APPLESS_MAIN(TestConformance)
#include "tst_conformance.moc"
