// Integrity refusals: non-finite weights (LM, compressor, LoRA) and damaged .xcp files
// (checksum, non-finite payload, unknown or missing format version).
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <limits>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/error.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/io/tensor_io.h"

using namespace xcomp;
namespace fs = std::filesystem;

namespace {

const char* kText = "A language model reads those vectors instead of the original text.";

std::string tiny_dir() { return test::fixture("tiny-model"); }

ModelFolder tiny(const std::string& dir = tiny_dir()) {
    LlamaModel::LoadOptions o;
    o.device = test::device();
    return load_model_folder(dir, o);
}

using test::error_of;

// A copy of the tiny model in `dir`, so tensors can be damaged without touching the fixture.
std::string copy_tiny(const QTemporaryDir& dir) {
    const std::string out = dir.filePath(QStringLiteral("tiny-model")).toStdString();
    fs::copy(tiny_dir(), out, fs::copy_options::recursive);
    return out;
}

// Rewrites safetensors `path` with element 0 of tensor `name` set to `value`; keeps the metadata.
void poison(const std::string& path, const std::string& name, float value) {
    std::map<std::string, std::string> meta;
    TensorMap t = load_safetensors(path, &meta);
    for (auto& [k, v] : t) v = v.clone();  // detach from the mapping before the file is replaced
    QVERIFY2(t.count(name), name.c_str());
    t[name].view({-1})[0] = value;
    save_safetensors(path, t, meta);
}

// Rewrites the metadata of safetensors `path`: `set` entries replace, empty values erase.
void set_metadata(const std::string& path, const std::map<std::string, std::string>& set) {
    std::map<std::string, std::string> meta;
    TensorMap t = load_safetensors(path, &meta);
    for (auto& [k, v] : t) v = v.clone();
    for (const auto& [k, v] : set) {
        if (v.empty()) meta.erase(k);
        else meta[k] = v;
    }
    save_safetensors(path, t, meta);
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

CompressedPrompt make_prompt(const ModelFolder& f, const Compressor& c) {
    at::NoGradGuard ng;
    std::vector<int> v = f.tokenizer->encode(kText);
    return to_prompt(c.encode({std::vector<int64_t>(v.begin(), v.end())}), 0, c, static_cast<int>(v.size()), kText);
}

}  // namespace

class TestIntegrity : public QObject {
    Q_OBJECT
private slots:
    void lm_weights_with_nan_are_refused() {
        QTemporaryDir dir;
        const std::string copy = copy_tiny(dir);
        QVERIFY(error_of([&] { tiny(copy); }).isEmpty());
        const std::string name = "model.layers.0.mlp.up_proj.weight";
        poison(copy + "/model.safetensors", name, std::numeric_limits<float>::quiet_NaN());
        const QString e = error_of([&] { tiny(copy); });
        QVERIFY2(e.contains(QStringLiteral("model.safetensors: tensor 'model.layers.0.mlp.up_proj.weight' holds NaN "
                                           "or Inf values; the file is damaged")),
                 qPrintable(e));
    }

    void lm_weights_with_inf_are_refused() {
        QTemporaryDir dir;
        const std::string copy = copy_tiny(dir);
        poison(copy + "/model.safetensors", "model.embed_tokens.weight", -std::numeric_limits<float>::infinity());
        const QString e = error_of([&] { tiny(copy); });
        QVERIFY2(e.contains(QStringLiteral("tensor 'model.embed_tokens.weight' holds NaN or Inf")), qPrintable(e));
    }

    // A finite float32 weight beyond float16's range: fine as float32, refused when loaded as float16.
    void weights_overflowing_float16_are_refused() {
        QTemporaryDir dir;
        const std::string copy = copy_tiny(dir);
        poison(copy + "/model.safetensors", "model.embed_tokens.weight", 1e6f);
        QVERIFY(error_of([&] { tiny(copy); }).isEmpty());
        LlamaModel::LoadOptions o;
        o.device = test::device();
        o.dtype = "float16";
        const QString e = error_of([&] { load_model_folder(copy, o); });
        QVERIFY2(e.contains(QStringLiteral("tensor 'model.embed_tokens.weight' holds values beyond float16's range")),
                 qPrintable(e));
    }

    void compressor_weights_with_nan_are_refused() {
        ModelFolder f = tiny();
        QTemporaryDir dir;
        const std::string copy = copy_tiny(dir);
        const std::string aoc = copy + "/compressors/aoc-m4";
        QVERIFY(error_of([&] { Compressor::load(aoc, f.model); }).isEmpty());
        poison(aoc + "/memory.safetensors", "memory_tokens", std::numeric_limits<float>::quiet_NaN());
        QString e = error_of([&] { Compressor::load(aoc, f.model); });
        QVERIFY2(e.contains(QStringLiteral("memory.safetensors: tensor 'memory_tokens' holds NaN or Inf values; the "
                                           "file is damaged")),
                 qPrintable(e));
        // The encoder of an AOC compressor.
        fs::copy_file(tiny_dir() + "/compressors/aoc-m4/memory.safetensors", aoc + "/memory.safetensors",
                      fs::copy_options::overwrite_existing);
        const std::string enc = "model.layers.0.self_attn.k_proj.weight";
        poison(aoc + "/encoder.safetensors", enc, std::numeric_limits<float>::infinity());
        e = error_of([&] { Compressor::load(aoc, f.model); });
        QVERIFY2(e.contains(QStringLiteral("encoder.safetensors: tensor 'model.layers.0.self_attn.k_proj.weight' "
                                           "holds NaN or Inf values")),
                 qPrintable(e));
    }

    void lora_adapter_with_nan_is_refused() {
        ModelFolder f = tiny();
        QTemporaryDir dir;
        const std::string copy = copy_tiny(dir);
        const std::string icae = copy + "/compressors/icae-m4";
        QVERIFY(error_of([&] { Compressor::load(icae, f.model); }).isEmpty());
        const std::string name = "base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight";
        poison(icae + "/adapter/adapter_model.safetensors", name, std::numeric_limits<float>::quiet_NaN());
        const QString e = error_of([&] { Compressor::load(icae, f.model); });
        QVERIFY2(e.contains(QStringLiteral("adapter_model.safetensors: tensor '") + QString::fromStdString(name) +
                            QStringLiteral("' holds NaN or Inf values; the file is damaged")),
                 qPrintable(e));
    }

    void good_xcp_loads() {
        ModelFolder f = tiny();
        auto aoc = Compressor::load(tiny_dir() + "/compressors/aoc-m4", f.model);
        auto icae = Compressor::load(tiny_dir() + "/compressors/icae-m4", f.model);
        QTemporaryDir dir;
        for (const auto* c : {aoc.get(), icae.get()}) {
            CompressedPrompt p = make_prompt(f, *c);
            const std::string path = dir.filePath(QStringLiteral("good.xcp")).toStdString();
            p.save(path);
            std::map<std::string, std::string> meta;
            load_safetensors(path, &meta);
            QCOMPARE(meta["version"], std::string("2"));
            QCOMPARE(meta["payload_fnv1a64"].size(), size_t(16));
            CompressedPrompt r = CompressedPrompt::load(path);
            r.check_fits(*c);
            if (p.keys.defined()) {
                XCOMP_COMPARE_TENSORS(r.keys, p.keys, 0.0);
                XCOMP_COMPARE_TENSORS(r.values, p.values, 0.0);
            } else {
                XCOMP_COMPARE_TENSORS(r.embeddings, p.embeddings, 0.0);
            }
        }
    }

    void damaged_xcp_is_refused() {
        ModelFolder f = tiny();
        auto aoc = Compressor::load(tiny_dir() + "/compressors/aoc-m4", f.model);
        CompressedPrompt p = make_prompt(f, *aoc);
        QTemporaryDir dir;
        const std::string good = dir.filePath(QStringLiteral("good.xcp")).toStdString();
        p.save(good);
        const std::string bytes = read_bytes(good);

        // One flipped bit in the payload (the data buffer ends the file).
        const std::string flipped = dir.filePath(QStringLiteral("flipped.xcp")).toStdString();
        std::string b = bytes;
        b[b.size() - 3] = static_cast<char>(b[b.size() - 3] ^ 0x10);
        write_bytes(flipped, b);
        QString e = error_of([&] { CompressedPrompt::load(flipped); });
        QVERIFY2(e.contains(QStringLiteral("flipped.xcp: checksum mismatch: the file is damaged")), qPrintable(e));

        // A checksum that was removed is refused, not skipped.
        const std::string stripped = dir.filePath(QStringLiteral("stripped.xcp")).toStdString();
        write_bytes(stripped, bytes);
        set_metadata(stripped, {{"payload_fnv1a64", ""}});
        e = error_of([&] { CompressedPrompt::load(stripped); });
        QVERIFY2(e.contains(QStringLiteral("payload_fnv1a64")), qPrintable(e));

        // NaN in the payload, written with a matching checksum.
        const std::string nan = dir.filePath(QStringLiteral("nan.xcp")).toStdString();
        CompressedPrompt q = p;
        q.values = p.values.clone();
        q.values.view({-1})[5] = std::numeric_limits<float>::quiet_NaN();
        q.save(nan);
        e = error_of([&] { CompressedPrompt::load(nan); });
        QVERIFY2(e.contains(QStringLiteral("nan.xcp: tensor 'values' holds NaN or Inf values; the file is damaged")),
                 qPrintable(e));

        // Unknown and missing format versions.
        const std::string v99 = dir.filePath(QStringLiteral("v99.xcp")).toStdString();
        write_bytes(v99, bytes);
        set_metadata(v99, {{"version", "99"}});
        e = error_of([&] { CompressedPrompt::load(v99); });
        QVERIFY2(e.contains(QStringLiteral("v99.xcp: .xcp format version '99' is not supported")), qPrintable(e));
        const std::string nov = dir.filePath(QStringLiteral("noversion.xcp")).toStdString();
        write_bytes(nov, bytes);
        set_metadata(nov, {{"version", ""}});
        e = error_of([&] { CompressedPrompt::load(nov); });
        QVERIFY2(e.contains(QStringLiteral("metadata 'version' missing")), qPrintable(e));

        // Version 1 files, written before the checksum existed, still load.
        const std::string v1 = dir.filePath(QStringLiteral("v1.xcp")).toStdString();
        write_bytes(v1, bytes);
        set_metadata(v1, {{"version", "1"}, {"payload_fnv1a64", ""}});
        CompressedPrompt r = CompressedPrompt::load(v1);
        XCOMP_COMPARE_TENSORS(r.keys, p.keys, 0.0);

        // The untouched file still loads.
        QVERIFY(error_of([&] { CompressedPrompt::load(good); }).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestIntegrity)
#include "tst_integrity.moc"
