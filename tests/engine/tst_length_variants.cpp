// Length variants: an id such as aoc-m16 runs its variant aoc-m16-t96 on short texts. The routing
// rule (CompressorFamilies), the compressor.json fields, and the Session, evaluation and refusal
// paths, on a copy of the tiny fixture model whose aoc-m4 gets a variant.
#include <ATen/ATen.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/compressor_family.h"
#include "xcomp/io/dataset.h"
#include "xcomp/error.h"
#include "xcomp/eval/evaluation.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/session.h"

using namespace xcomp;
namespace fs = std::filesystem;

namespace {

const char* kShort = "A language model reads those vectors.";
const char* kLong =
    "A language model reads those vectors instead of the original text, and the workbench shows what "
    "survives: the regeneration beside the source, with every mistake, loss and hallucination coloured.";

CompressorConfig config(const std::string& id, const std::string& variant_of = "", int serves_up_to = 0) {
    CompressorConfig c;
    c.id = id;
    c.variant_of = variant_of;
    c.serves_up_to = serves_up_to;
    return c;
}

// Rewrites fields of a compressor.json.
void patch(const fs::path& dir, const nlohmann::json& fields) {
    const fs::path p = dir / "compressor.json";
    nlohmann::json j = nlohmann::json::parse(std::ifstream(p));
    j.update(fields);
    std::ofstream(p) << j.dump(2);
}

using test::error_of;

}  // namespace

class TestLengthVariants : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    fs::path model_;
    int short_tokens_ = 0, long_tokens_ = 0;

    // The tiny model with aoc-m4 and aoc-m4-short, a variant for texts up to `serves_up_to` tokens.
    void make_model(int serves_up_to) {
        model_ = fs::path(dir_.path().toStdString()) / "model";
        fs::remove_all(model_);
        fs::create_directories(model_ / "compressors");
        const fs::path tiny = test::fixture("tiny-model");
        for (const char* f : {"config.json", "model.safetensors", "tokenizer.model"}) fs::copy_file(tiny / f, model_ / f);
        fs::copy(tiny / "compressors/aoc-m4", model_ / "compressors/aoc-m4", fs::copy_options::recursive);
        fs::copy(tiny / "compressors/aoc-m4", model_ / "compressors/aoc-m4-short", fs::copy_options::recursive);
        patch(model_ / "compressors/aoc-m4-short",
              {{"id", "aoc-m4-short"}, {"label", "AOC m=4 (short)"}, {"variant_of", "aoc-m4"}, {"serves_up_to", serves_up_to}});
    }

    std::unique_ptr<Session> open() {
        SessionOptions o;
        o.model_dir = model_.string();
        o.device = test::device();
        return Session::open(o);
    }

private slots:
    void initTestCase() {
        LlamaModel::LoadOptions o;
        ModelFolder f = load_model_folder(test::fixture("tiny-model"), o);
        short_tokens_ = static_cast<int>(f.tokenizer->encode(kShort).size());
        long_tokens_ = static_cast<int>(f.tokenizer->encode(kLong).size());
        QVERIFY(short_tokens_ < long_tokens_);
        make_model(short_tokens_);
    }

    void routes_to_the_smallest_covering_variant() {
        CompressorFamilies f;
        f.add(config("aoc-m16"));
        f.add(config("aoc-m16-t192", "aoc-m16", 224));
        f.add(config("aoc-m16-t96", "aoc-m16", 128));
        f.add(config("500x-m16"));
        QCOMPARE(f.route("aoc-m16", 1), std::string("aoc-m16-t96"));
        QCOMPARE(f.route("aoc-m16", 128), std::string("aoc-m16-t96"));
        QCOMPARE(f.route("aoc-m16", 129), std::string("aoc-m16-t192"));
        QCOMPARE(f.route("aoc-m16", 224), std::string("aoc-m16-t192"));
        QCOMPARE(f.route("aoc-m16", 225), std::string("aoc-m16"));
        QCOMPARE(f.route("500x-m16", 50), std::string("500x-m16"));       // no variants
        QCOMPARE(f.route("aoc-m16-t96", 400), std::string("aoc-m16-t96"));  // a variant by its own id
        QCOMPARE(f.variants_of("aoc-m16").front().id, std::string("aoc-m16-t96"));
        QVERIFY(f.is_variant("aoc-m16-t192") && !f.is_variant("aoc-m16"));
        QCOMPARE(f.family_of("aoc-m16-t192"), std::string("aoc-m16"));
        QCOMPARE(f.describe("aoc-m16"),
                 std::string("aoc-m16-t96 (texts up to 128 tokens), else aoc-m16-t192 (texts up to 224 tokens), else aoc-m16"));
        QVERIFY(f.describe("500x-m16").empty());
    }

    void config_round_trips_and_refuses_bad_fields() {
        const fs::path d = model_ / "compressors/aoc-m4-short";
        const CompressorConfig c = CompressorConfig::from_file((d / "compressor.json").string());
        QCOMPARE(c.variant_of, std::string("aoc-m4"));
        QCOMPARE(c.serves_up_to, short_tokens_);
        const QString text = QString::fromStdString(c.to_json_text());
        QVERIFY(text.contains(QStringLiteral("\"serves_up_to\"")));
        QVERIFY(!QString::fromStdString(config("plain").to_json_text()).contains(QStringLiteral("variant_of")));
        QTemporaryDir bad;
        const fs::path b = fs::path(bad.path().toStdString()) / "v";
        fs::copy(d, b, fs::copy_options::recursive);
        patch(b, {{"serves_up_to", 0}});
        QVERIFY(error_of([&] { CompressorConfig::from_file((b / "compressor.json").string()); }).contains(QStringLiteral("serves_up_to")));
        patch(b, {{"serves_up_to", 100000}});
        QVERIFY(error_of([&] { CompressorConfig::from_file((b / "compressor.json").string()); }).contains(QStringLiteral("serves_up_to")));
        patch(b, {{"serves_up_to", 10}, {"variant_of", "aoc-m4-short"}});
        QVERIFY(error_of([&] { CompressorConfig::from_file((b / "compressor.json").string()); }).contains(QStringLiteral("itself")));
    }

    void session_runs_the_variant_on_short_texts_only() {
        auto s = open();
        QVERIFY(s->model().warnings.empty());
        QStringList listed;
        for (const auto& c : s->compressors()) listed << QString::fromStdString(c.id);
        QCOMPARE(listed, QStringList{QStringLiteral("aoc-m4")});  // the variant is reached through its family
        QCOMPARE(static_cast<int>(s->variants().size()), 1);
        QCOMPARE(s->compressor("aoc-m4-short").variant_of, std::string("aoc-m4"));
        QVERIFY(QString::fromStdString(s->compressor("aoc-m4").routing).startsWith(QStringLiteral("aoc-m4-short (texts up to")));
        QCOMPARE(s->route("aoc-m4", short_tokens_), std::string("aoc-m4-short"));

        RegenerationReport r = s->regenerate("aoc-m4", kShort, {});
        QCOMPARE(r.requested_id, std::string("aoc-m4"));
        QCOMPARE(r.compressor.id, std::string("aoc-m4-short"));
        r = s->regenerate("aoc-m4", kLong, {});
        QCOMPARE(r.compressor.id, std::string("aoc-m4"));
        RegenerateOptions own;
        own.use_length_variants = false;
        QCOMPARE(s->regenerate("aoc-m4", kShort, own).compressor.id, std::string("aoc-m4"));
        QCOMPARE(s->regenerate("aoc-m4-short", kLong, {}).compressor.id, std::string("aoc-m4-short"));
        QCOMPARE(s->answer("aoc-m4", kShort, "What does it read?", {}).compressor_id, std::string("aoc-m4-short"));
        QCOMPARE(s->slot_compressor(s->compress_to_slot("aoc-m4", kShort)), std::string("aoc-m4-short"));
    }

    // A short and a long text land in two latent spaces; interpolation compresses both again with
    // the member that covers the longer one.
    void interpolation_shares_one_latent_space() {
        auto s = open();
        const int a = s->compress_to_slot("aoc-m4", kShort);
        const int b = s->compress_to_slot("aoc-m4", kLong);
        QCOMPARE(s->slot_compressor(a), std::string("aoc-m4-short"));
        QCOMPARE(s->slot_compressor(b), std::string("aoc-m4"));
        s->interpolate(a, b, 0.5, false);
        QCOMPARE(s->slot_compressor(a), std::string("aoc-m4"));
        QCOMPARE(s->slot_compressor(b), std::string("aoc-m4"));
        QCOMPARE(s->slot_source_text(a), s->regenerate("aoc-m4", kShort, {}).original);
    }

    void evaluation_routes_each_length_cell() {
        LlamaModel::LoadOptions lo;
        lo.device = test::device();
        ModelFolder f = load_model_folder(model_.string(), lo);
        auto general = Compressor::load((model_ / "compressors/aoc-m4").string(), f.model);
        auto variant = Compressor::load((model_ / "compressors/aoc-m4-short").string(), f.model);
        std::vector<TextRecord> recs(1);
        recs[0].id = "t";
        recs[0].text = kLong;
        EvalOptions o;
        o.lengths = {short_tokens_, short_tokens_ + 1};
        o.variants = {variant};
        EvalResult r = evaluate({general}, *f.tokenizer, recs, o);
        QCOMPARE(static_cast<int>(r.cells.size()), 2);
        QCOMPARE(r.cells[0].compressor_id, std::string("aoc-m4"));
        QCOMPARE(r.cells[0].ran_id, std::string("aoc-m4-short"));
        QCOMPARE(r.cells[1].ran_id, std::string("aoc-m4"));
        QCOMPARE(r.examples[0].ran_id, std::string("aoc-m4-short"));
        QVERIFY(QString::fromStdString(eval_table_markdown(r, false)).contains(QStringLiteral("aoc-m4 → aoc-m4-short")));
        o.variants.clear();  // without them every cell runs the id itself
        QCOMPARE(evaluate({general}, *f.tokenizer, recs, o).cells[0].ran_id, std::string("aoc-m4"));
    }

    void an_orphan_variant_is_reported() {
        fs::remove_all(model_ / "compressors/aoc-m4");
        auto s = open();
        QCOMPARE(static_cast<int>(s->model().warnings.size()), 1);
        QVERIFY(QString::fromStdString(s->model().warnings[0]).contains(QStringLiteral("not loaded")));
        QCOMPARE(s->regenerate("aoc-m4-short", kShort, {}).compressor.id, std::string("aoc-m4-short"));
        QVERIFY(error_of([&] { s->regenerate("aoc-m4", kShort, {}); }).contains(QStringLiteral("no compressor")));
        make_model(short_tokens_);
    }
};

QTEST_APPLESS_MAIN(TestLengthVariants)
#include "tst_length_variants.moc"
