// LlamaConfig: transformers 4.x / 5.x spellings, validation errors, writing back, parameter count.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <nlohmann/json.hpp>

#include "core/core_test_util.h"
#include "xcomp/io/config.h"
#include "xcomp/error.h"

using namespace xcomp;
using nlohmann::json;

namespace {

// TinyLlama-1.1B's config.json as transformers 4.x writes it.
json tinyllama() {
    return json::parse(R"({
      "architectures": ["LlamaForCausalLM"], "attention_bias": false, "bos_token_id": 1, "eos_token_id": 2,
      "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 5632,
      "max_position_embeddings": 2048, "model_type": "llama", "num_attention_heads": 32,
      "num_hidden_layers": 22, "num_key_value_heads": 4, "pretraining_tp": 1, "rms_norm_eps": 1e-05,
      "rope_scaling": null, "rope_theta": 10000.0, "tie_word_embeddings": false, "torch_dtype": "bfloat16",
      "transformers_version": "4.35.0", "use_cache": true, "vocab_size": 32000})");
}

// A small model: 1000 x 64, 4 heads / 2 KV heads of 16, MLP 176, 2 layers.
json small() {
    return {{"vocab_size", 1000}, {"hidden_size", 64}, {"intermediate_size", 176}, {"num_hidden_layers", 2},
            {"num_attention_heads", 4}, {"num_key_value_heads", 2}};
}

LlamaConfig parse(const json& j) { return LlamaConfig::from_json_text(j.dump(), "test/config.json"); }

}  // namespace

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void transformers4() {
        const LlamaConfig c = parse(tinyllama());
        QCOMPARE(c.vocab_size, int64_t(32000));
        QCOMPARE(c.hidden_size, int64_t(2048));
        QCOMPARE(c.intermediate_size, int64_t(5632));
        QCOMPARE(c.num_hidden_layers, int64_t(22));
        QCOMPARE(c.num_attention_heads, int64_t(32));
        QCOMPARE(c.num_key_value_heads, int64_t(4));
        QCOMPARE(c.head_dim, int64_t(64));
        QCOMPARE(c.max_position_embeddings, int64_t(2048));
        QCOMPARE(c.rms_norm_eps, 1e-5);
        QCOMPARE(c.rope_theta, 10000.0);
        QCOMPARE(c.rope_scaling.type, std::string("default"));
        QCOMPARE(c.dtype, std::string("bfloat16"));
        QCOMPARE(c.bos_token_id(), int64_t(1));
        QVERIFY(c.is_eos(2));
        QVERIFY(!c.is_eos(1));
        QCOMPARE(c.pad_token_id, int64_t(-1));
        QVERIFY(!c.tie_word_embeddings);
    }

    void defaults() {
        const LlamaConfig c = parse(small());
        QCOMPARE(c.head_dim, int64_t(16));  // hidden_size / num_attention_heads
        QCOMPARE(c.rope_theta, 10000.0);
        QCOMPARE(c.rope_scaling.type, std::string("default"));
        QCOMPARE(c.dtype, std::string("float32"));
        json j = small();
        j.erase("num_key_value_heads");
        j["num_key_value_heads"] = nullptr;
        QCOMPARE(parse(j).num_key_value_heads, int64_t(4));
        j.erase("num_key_value_heads");
        QCOMPARE(parse(j).num_key_value_heads, int64_t(4));
    }

    void llama3ScalingWithEosList() {
        // Llama 3.2 1B, 4.x spelling.
        const json j = json::parse(R"({
          "architectures": ["LlamaForCausalLM"], "bos_token_id": 128000,
          "eos_token_id": [128001, 128008, 128009], "head_dim": 64, "hidden_act": "silu", "hidden_size": 2048,
          "intermediate_size": 8192, "max_position_embeddings": 131072, "mlp_bias": false,
          "model_type": "llama", "num_attention_heads": 32, "num_hidden_layers": 16, "num_key_value_heads": 8,
          "rms_norm_eps": 1e-05, "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0,
          "low_freq_factor": 1.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"},
          "rope_theta": 500000.0, "tie_word_embeddings": true, "torch_dtype": "bfloat16", "vocab_size": 128256})");
        const LlamaConfig c = parse(j);
        QCOMPARE(c.rope_scaling.type, std::string("llama3"));
        QCOMPARE(c.rope_scaling.factor, 32.0);
        QCOMPARE(c.rope_scaling.low_freq_factor, 1.0);
        QCOMPARE(c.rope_scaling.high_freq_factor, 4.0);
        QCOMPARE(c.rope_scaling.original_max_position_embeddings, int64_t(8192));
        QCOMPARE(c.rope_theta, 500000.0);
        QCOMPARE(c.eos_token_ids, (std::vector<int64_t>{128001, 128008, 128009}));
        QVERIFY(c.is_eos(128009));
        QVERIFY(!c.is_eos(128000));
        QCOMPARE(c.bos_token_id(), int64_t(128000));
        QVERIFY(c.tie_word_embeddings);
        // Llama 3.2 1B has 1,235,814,400 parameters (embeddings tied).
        QCOMPARE(c.parameter_count(), int64_t(1235814400));
    }

    void linearScalingOldSpelling() {
        json j = small();
        j["rope_scaling"] = {{"type", "linear"}, {"factor", 4.0}};
        const LlamaConfig c = parse(j);
        QCOMPARE(c.rope_scaling.type, std::string("linear"));
        QCOMPARE(c.rope_scaling.factor, 4.0);
        j["rope_scaling"] = {{"type", "default"}};
        QCOMPARE(parse(j).rope_scaling.type, std::string("default"));
    }

    void transformers5() {
        json j = small();
        j["architectures"] = {"LlamaForCausalLM"};
        j["model_type"] = "llama";
        j["dtype"] = "float16";
        j["rope_parameters"] = {{"rope_type", "llama3"}, {"rope_theta", 500000.0}, {"factor", 8.0},
                                {"low_freq_factor", 1.0}, {"high_freq_factor", 4.0},
                                {"original_max_position_embeddings", 8192}};
        const LlamaConfig c = parse(j);
        QCOMPARE(c.dtype, std::string("float16"));
        QCOMPARE(c.rope_theta, 500000.0);
        QCOMPARE(c.rope_scaling.type, std::string("llama3"));
        QCOMPARE(c.rope_scaling.factor, 8.0);

        j["rope_parameters"] = {{"rope_type", "default"}, {"rope_theta", 1e6}};
        const LlamaConfig d = parse(j);
        QCOMPARE(d.rope_scaling.type, std::string("default"));
        QCOMPARE(d.rope_theta, 1e6);

        j["rope_parameters"] = {{"rope_type", "linear"}, {"rope_theta", 10000.0}, {"factor", 2.0}};
        QCOMPARE(parse(j).rope_scaling.factor, 2.0);
    }

    void writtenByTransformers5() {
        // What transformers 5.17 save_pretrained() wrote after reading our to_json_text() output.
        const LlamaConfig c = LlamaConfig::from_json_text(R"({
          "architectures": ["LlamaForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
          "bos_token_id": 1, "dtype": "bfloat16", "eos_token_id": [2, 3], "head_dim": 24, "hidden_act": "silu",
          "hidden_size": 64, "initializer_range": 0.02, "intermediate_size": 176, "max_position_embeddings": 2048,
          "mlp_bias": false, "model_type": "llama", "num_attention_heads": 4, "num_hidden_layers": 2,
          "num_key_value_heads": 2, "pad_token_id": null, "pretraining_tp": 1, "rms_norm_eps": 1e-06,
          "rope_parameters": {"factor": 8.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
            "original_max_position_embeddings": 512, "rope_theta": 10000.0, "rope_type": "llama3"},
          "tie_word_embeddings": true, "transformers_version": "5.17.0", "use_cache": true, "vocab_size": 1000})",
                                                          "v5/config.json");
        QCOMPARE(c.dtype, std::string("bfloat16"));
        QCOMPARE(c.rope_scaling.type, std::string("llama3"));
        QCOMPARE(c.rope_scaling.original_max_position_embeddings, int64_t(512));
        QCOMPARE(c.eos_token_ids, (std::vector<int64_t>{2, 3}));
        QCOMPARE(c.head_dim, int64_t(24));
        // transformers counted 168768 parameters for LlamaForCausalLM(config).
        QCOMPARE(c.parameter_count(), int64_t(168768));
    }

    void headDimOverride() {
        json j = small();
        j["head_dim"] = 32;  // 4 heads x 32 = 128 != hidden 64: allowed when explicit
        const LlamaConfig c = parse(j);
        QCOMPARE(c.head_dim, int64_t(32));
        // q/o: 64 x 128 each; k/v: 64 x 64 each.
        const int64_t per_layer = 2 * 64 * 128 + 2 * 64 * 64 + 3 * 64 * 176 + 2 * 64;
        QCOMPARE(c.parameter_count(), int64_t(2 * 1000 * 64 + 2 * per_layer + 64));
    }

    void tiedEmbeddingsAndBiases() {
        json j = small();
        const int64_t untied = parse(j).parameter_count();
        j["tie_word_embeddings"] = true;
        QCOMPARE(parse(j).parameter_count(), untied - 1000 * 64);
        j["tie_word_embeddings"] = false;
        j["attention_bias"] = true;  // q 64 + k 32 + v 32 + o 64 per layer
        j["mlp_bias"] = true;        // gate 176 + up 176 + down 64 per layer
        QCOMPARE(parse(j).parameter_count(), untied + 2 * (64 + 32 + 32 + 64) + 2 * (176 + 176 + 64));
    }

    void parameterCountByHand() {
        // embeddings 1000*64 = 64000
        // per layer: q 64*64 = 4096, k 64*32 = 2048, v 2048, o 4096   -> 12288
        //            gate/up/down 3*64*176 = 33792, two norms 2*64 = 128 -> 46208, x2 layers = 92416
        // final norm 64, lm_head 64000: total 64000 + 92416 + 64 + 64000 = 220480
        QCOMPARE(parse(small()).parameter_count(), int64_t(220480));
        // TinyLlama-1.1B is published as 1,100,048,384 parameters.
        QCOMPARE(parse(tinyllama()).parameter_count(), int64_t(1100048384));
    }

    void tokenIdForms() {
        json j = small();
        j["bos_token_id"] = json::array({5});
        j["eos_token_id"] = 7;
        j["pad_token_id"] = 0;
        LlamaConfig c = parse(j);
        QCOMPARE(c.bos_token_id(), int64_t(5));
        QCOMPARE(c.eos_token_ids, std::vector<int64_t>{7});
        QCOMPARE(c.pad_token_id, int64_t(0));
        j["bos_token_id"] = nullptr;
        j["pad_token_id"] = nullptr;
        c = parse(j);
        QCOMPARE(c.bos_token_id(), int64_t(-1));
        QCOMPARE(c.pad_token_id, int64_t(-1));
    }

    void toJsonRoundTrip() {
        json j = small();
        j["head_dim"] = 24;
        j["tie_word_embeddings"] = true;
        j["attention_bias"] = true;
        j["rms_norm_eps"] = 1e-5;
        j["rope_theta"] = 500000.0;
        j["rope_scaling"] = {{"rope_type", "llama3"}, {"factor", 8.0}, {"low_freq_factor", 1.0},
                             {"high_freq_factor", 4.0}, {"original_max_position_embeddings", 4096}};
        j["torch_dtype"] = "bfloat16";
        j["eos_token_id"] = {2, 3};
        j["pad_token_id"] = 9;
        const LlamaConfig a = parse(j);
        const std::string text = a.to_json_text();
        const json written = json::parse(text);
        QCOMPARE(written["architectures"], json({"LlamaForCausalLM"}));
        QCOMPARE(written["model_type"], json("llama"));
        QCOMPARE(written["torch_dtype"], json("bfloat16"));
        QCOMPARE(written["rope_scaling"]["rope_type"], json("llama3"));
        QCOMPARE(written["eos_token_id"], json({2, 3}));
        QCOMPARE(written["bos_token_id"], json(1));

        const LlamaConfig b = LlamaConfig::from_json_text(text, "written");
        QCOMPARE(b.to_json_text(), text);
        QCOMPARE(b.head_dim, a.head_dim);
        QCOMPARE(b.rope_scaling.original_max_position_embeddings, int64_t(4096));
        QCOMPARE(b.eos_token_ids, a.eos_token_ids);
        QCOMPARE(b.pad_token_id, int64_t(9));
        QCOMPARE(b.rms_norm_eps, 1e-5);
        QCOMPARE(b.parameter_count(), a.parameter_count());

        // Default rope is written as an explicit null, which transformers reads as "no scaling".
        const json plain = json::parse(parse(small()).to_json_text());
        QVERIFY(plain.contains("rope_scaling"));
        QVERIFY(plain["rope_scaling"].is_null());
        QVERIFY(plain["pad_token_id"].is_null());
        QCOMPARE(plain["hidden_act"], json("silu"));
    }

    void fromFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString p = dir.filePath("config.json");
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(tinyllama().dump(2)));
        f.close();
        QCOMPARE(LlamaConfig::from_file(p.toStdString()).num_hidden_layers, int64_t(22));

        QFile g(dir.filePath("broken.json"));
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("{\"vocab_size\": 10,");
        g.close();
        EXPECT_ERROR(LlamaConfig::from_file(dir.filePath("broken.json").toStdString()), "broken.json", "JSON");
    }

    // ------------------------------------------------------------------------------- errors

    void missingFile() { EXPECT_ERROR(LlamaConfig::from_file("/nonexistent/dir/config.json"), "/nonexistent/dir/config.json"); }
    void notJson() { EXPECT_ERROR(LlamaConfig::from_json_text("hidden_size: 4", "cfg.json"), "cfg.json", "JSON"); }
    void notObject() { EXPECT_ERROR(LlamaConfig::from_json_text("[1]", "cfg.json"), "cfg.json", "object"); }

    void unknownArchitecture() {
        json j = small();
        j["architectures"] = {"MistralForCausalLM"};
        EXPECT_ERROR(parse(j), "test/config.json", "architectures", "unknown architecture MistralForCausalLM");
    }

    void wrongModelType() {
        json j = small();
        j["model_type"] = "gpt2";
        EXPECT_ERROR(parse(j), "test/config.json", "model_type", "gpt2");
    }

    void unknownRopeType() {
        json j = small();
        j["rope_scaling"] = {{"rope_type", "yarn"}, {"factor", 4.0}};
        EXPECT_ERROR(parse(j), "test/config.json", "rope_scaling.rope_type", "yarn");
        j.erase("rope_scaling");
        j["rope_parameters"] = {{"rope_type", "dynamic"}, {"rope_theta", 10000.0}, {"factor", 2.0}};
        EXPECT_ERROR(parse(j), "rope_parameters.rope_type", "dynamic");
    }

    void llama3MissingField() {
        json j = small();
        j["rope_scaling"] = {{"rope_type", "llama3"}, {"factor", 8.0}, {"low_freq_factor", 1.0}, {"high_freq_factor", 4.0}};
        EXPECT_ERROR(parse(j), "rope_scaling.original_max_position_embeddings", "missing");
        j["rope_scaling"] = {{"rope_type", "linear"}};
        EXPECT_ERROR(parse(j), "rope_scaling.factor", "missing");
    }

    void badHeadsRatio() {
        json j = small();
        j["num_key_value_heads"] = 3;
        EXPECT_ERROR(parse(j), "test/config.json", "num_key_value_heads", "multiple");
    }

    void hiddenNotDivisible() {
        json j = small();
        j["num_attention_heads"] = 6;
        j["num_key_value_heads"] = 6;
        EXPECT_ERROR(parse(j), "hidden_size", "divisible");
        j["head_dim"] = 16;  // explicit head_dim lifts the requirement
        QCOMPARE(parse(j).head_dim, int64_t(16));
    }

    void invalidSizes() {
        json j = small();
        j["hidden_size"] = 0;
        EXPECT_ERROR(parse(j), "'hidden_size'", "positive");
        j = small();
        j["num_hidden_layers"] = 2.5;
        EXPECT_ERROR(parse(j), "'num_hidden_layers'", "integer");
        j = small();
        j.erase("vocab_size");
        EXPECT_ERROR(parse(j), "'vocab_size'", "missing");
        j = small();
        j["rms_norm_eps"] = -1;
        EXPECT_ERROR(parse(j), "'rms_norm_eps'", "positive");
        j = small();
        j["tie_word_embeddings"] = "yes";
        EXPECT_ERROR(parse(j), "'tie_word_embeddings'");
    }

    void badActivationAndDtype() {
        json j = small();
        j["hidden_act"] = "gelu";
        EXPECT_ERROR(parse(j), "'hidden_act'", "gelu");
        j = small();
        j["torch_dtype"] = "int8";
        EXPECT_ERROR(parse(j), "'torch_dtype'", "int8");
    }

    void tokenIdOutsideVocab() {
        json j = small();
        j["eos_token_id"] = {2, 5000};
        EXPECT_ERROR(parse(j), "'eos_token_id'", "5000");
        j["eos_token_id"] = "2";
        EXPECT_ERROR(parse(j), "'eos_token_id'", "integer");
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
