// int8 storage of compressors (xcomp/io/weight_quantization.h): the per-row round trip is within half
// a step, a quantized AOC or LoRA compressor encodes like the original, damaged scales are refused,
// and a compressor continued from int8 is saved at full precision again.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <limits>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/io/tensor_io.h"
#include "xcomp/io/weight_quantization.h"

using namespace xcomp;
using test::error_of;
namespace fs = std::filesystem;

namespace {

const char* kText = "A language model reads those vectors instead of the original text.";

ModelFolder tiny() {
    LlamaModel::LoadOptions o;
    o.device = test::device();
    return load_model_folder(test::fixture("tiny-model"), o);
}

// A copy of the tiny model's compressor `id` in `dir`.
std::string copy_compressor(const QTemporaryDir& dir, const std::string& id) {
    const std::string out = dir.filePath(QString::fromStdString(id)).toStdString();
    fs::copy(test::fixture("tiny-model/compressors/" + id), out, fs::copy_options::recursive);
    return out;
}

at::Tensor memory_keys(const ModelFolder& f, const Compressor& c) {
    at::NoGradGuard ng;
    std::vector<int> v = f.tokenizer->encode(kText);
    return c.encode({std::vector<int64_t>(v.begin(), v.end())}).keys.to(at::kCPU, at::kFloat);  // [L, 1, Hkv, m, D]
}

// Rewrites safetensors `path` through `edit` (tensors detached from the mapping first).
template <typename F>
void rewrite(const std::string& path, F&& edit) {
    std::map<std::string, std::string> meta;
    TensorMap t = load_safetensors(path, &meta);
    for (auto& [k, v] : t) v = v.clone();
    edit(t);
    save_safetensors(path, t, meta);
}

const std::string kQ = "model.layers.0.self_attn.q_proj.weight";

}  // namespace

class TestWeightQuantization : public QObject {
    Q_OBJECT
private slots:
    void rows_round_trip_within_half_a_step() {
        at::manual_seed(3);
        at::Tensor w = at::randn({48, 32}) * at::linspace(1e-3, 10.0, 48).unsqueeze(1);  // [48, 32], rows of every scale
        w[7].zero_();
        const Int8Rows q = quantize_rows_int8(w.to(at::kBFloat16));
        QCOMPARE(q.values.scalar_type(), at::kChar);
        QCOMPARE(q.values.sizes().vec(), (std::vector<int64_t>{48, 32}));
        QCOMPARE(q.scale.sizes().vec(), std::vector<int64_t>{48});
        QVERIFY(q.values.abs().max().item<int>() <= 127);
        QCOMPARE(q.scale[7].item<float>(), 0.0f);
        const at::Tensor back = dequantize_rows_int8(q.values, q.scale);  // [48, 32]
        const at::Tensor err = (back - w.to(at::kBFloat16).to(at::kFloat)).abs();
        const at::Tensor bound = q.scale.unsqueeze(1) * 0.5 + 1e-7;
        QVERIFY((err <= bound).all().item<bool>());
        QCOMPARE(back[7].abs().max().item<float>(), 0.0f);
        // The largest entry of each row is exact up to float rounding.
        const at::Tensor row_max = std::get<0>(w.to(at::kBFloat16).to(at::kFloat).abs().max(1));
        QVERIFY(((std::get<0>(back.abs().max(1)) - row_max).abs() <= row_max * 1e-6 + 1e-9).all().item<bool>());
        QVERIFY(!error_of([] { quantize_rows_int8(at::ones({4})); }).isEmpty());
    }

    void quantized_compressor_encodes_like_the_original() {
        ModelFolder f = tiny();
        QTemporaryDir dir;
        const std::string aoc = copy_compressor(dir, "aoc-m4");
        const at::Tensor before = memory_keys(f, *Compressor::load(aoc, f.model));
        const QuantizeReport r = quantize_compressor_int8(aoc);
        QCOMPARE(r.matrices, 4 * f.model->config().num_hidden_layers);
        QCOMPARE(r.already, 0);
        QVERIFY2(r.bytes_after < r.bytes_before * 0.6, qPrintable(QString::number(r.bytes_after)));
        const auto file = SafeTensorsFile::open(aoc + "/encoder.safetensors");
        QVERIFY(file->find(kQ)->dtype == DType::I8);
        QVERIFY(file->find(int8_scale_name(kQ)) != nullptr);
        const at::Tensor after = memory_keys(f, *Compressor::load(aoc, f.model));
        const double rel = test::max_abs_diff(after, before) / before.abs().max().item<double>();
        QVERIFY2(rel < 0.03, qPrintable(QString::number(rel)));
        QVERIFY(rel > 0);  // the stored weights did change
        // A second run leaves the file as it is.
        const QuantizeReport again = quantize_compressor_int8(aoc);
        QCOMPARE(again.matrices, 0);
        QCOMPARE(again.already, r.matrices);
        XCOMP_COMPARE_TENSORS(memory_keys(f, *Compressor::load(aoc, f.model)), after, 0.0);
    }

    void continued_from_int8_saves_full_precision() {
        ModelFolder f = tiny();
        QTemporaryDir dir;
        const std::string aoc = copy_compressor(dir, "aoc-m4");
        quantize_compressor_int8(aoc);
        auto c = Compressor::load(aoc, f.model);
        const std::string out = dir.filePath(QStringLiteral("saved")).toStdString();
        c->save(out);
        QVERIFY(SafeTensorsFile::open(out + "/encoder.safetensors")->find(kQ)->dtype != DType::I8);
        XCOMP_COMPARE_TENSORS(memory_keys(f, *Compressor::load(out, f.model)), memory_keys(f, *c), 1e-6);
    }

    void damaged_scales_are_refused() {
        ModelFolder f = tiny();
        QTemporaryDir dir;
        const std::string aoc = copy_compressor(dir, "aoc-m4");
        quantize_compressor_int8(aoc);
        const std::string enc = aoc + "/encoder.safetensors", scale = int8_scale_name(kQ);
        const fs::path good = fs::path(dir.path().toStdString()) / "good.safetensors";
        fs::copy_file(enc, good);
        auto restore = [&] { fs::copy_file(good, enc, fs::copy_options::overwrite_existing); };

        rewrite(enc, [&](TensorMap& t) { t.erase(scale); });
        QString e = error_of([&] { Compressor::load(aoc, f.model); });
        QVERIFY2(e.contains(QStringLiteral("int8 tensor 'model.layers.0.self_attn.q_proj.weight' has no scale")), qPrintable(e));

        restore();
        rewrite(enc, [&](TensorMap& t) { t[scale] = t[scale].narrow(0, 0, 3).clone(); });
        e = error_of([&] { Compressor::load(aoc, f.model); });
        QVERIFY2(e.contains(QStringLiteral("must be a floating vector of")), qPrintable(e));

        restore();
        rewrite(enc, [&](TensorMap& t) { t[scale][0] = std::numeric_limits<float>::quiet_NaN(); });
        e = error_of([&] { Compressor::load(aoc, f.model); });
        QVERIFY2(e.contains(QStringLiteral("holds NaN or Inf values")), qPrintable(e));

        restore();
        rewrite(enc, [&](TensorMap& t) { t[scale][1] = -1.0f; });
        e = error_of([&] { Compressor::load(aoc, f.model); });
        QVERIFY2(e.contains(QStringLiteral("holds negative values")), qPrintable(e));

        restore();
        QVERIFY(error_of([&] { Compressor::load(aoc, f.model); }).isEmpty());
    }

    // A LoRA compressor's adapter factors as int8 rows: the memory it writes stays close (500x: KV,
    // ICAE: embeddings), damaged scales are refused as for AOC.
    void lora_adapters_are_quantized_too() {
        ModelFolder f = tiny();
        QTemporaryDir dir;
        for (const std::string id : {"500x-m4", "icae-m4"}) {
            const std::string c = copy_compressor(dir, id);
            auto before_c = Compressor::load(c, f.model);
            at::NoGradGuard ng;
            std::vector<int> v = f.tokenizer->encode(kText);
            auto memory = [&](const Compressor& comp) {
                MemoryBatch m = comp.encode({std::vector<int64_t>(v.begin(), v.end())});
                return (m.keys.defined() ? m.keys : m.embeddings).to(at::kCPU, at::kFloat);
            };
            const at::Tensor before = memory(*before_c);
            const QuantizeReport r = quantize_compressor_int8(c);
            QVERIFY2(r.matrices > 0 && r.bytes_after < r.bytes_before * 0.6, qPrintable(QString::number(r.bytes_after)));
            const at::Tensor after = memory(*Compressor::load(c, f.model));
            const double rel = test::max_abs_diff(after, before) / before.abs().max().item<double>();
            QVERIFY2(rel < 0.05, qPrintable(QString::fromStdString(id) + QStringLiteral(": ") + QString::number(rel)));
            const std::string adapter = c + "/adapter/adapter_model.safetensors";
            const std::string a0 = "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight";
            QVERIFY(SafeTensorsFile::open(adapter)->find(a0)->dtype == DType::I8);
            rewrite(adapter, [&](TensorMap& t) { t[int8_scale_name(a0)][0] = -2.0f; });
            const QString e = error_of([&] { Compressor::load(c, f.model); });
            QVERIFY2(e.contains(QStringLiteral("holds negative values")), qPrintable(e));
        }
        QVERIFY(error_of([&] { quantize_compressor_int8(dir.path().toStdString()); }).contains(QStringLiteral("not a compressor folder")));
    }
};

QTEST_APPLESS_MAIN(TestWeightQuantization)
#include "tst_weight_quantization.moc"
