// The evaluation harness on the tiny model: cutting, aggregation, outputs and bad input.
#include <ATen/ATen.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine_test_util.h"
#include "xcomp/error.h"
#include "xcomp/eval/evaluation.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/runtime.h"
#include "xcomp/io/tensor_io.h"

using namespace xcomp;

class TestEvaluation : public QObject {
    Q_OBJECT
    ModelFolder f_;
    std::vector<std::shared_ptr<Compressor>> comps_;

private slots:
    void initTestCase() {
        init_runtime(2);
        LlamaModel::LoadOptions o;
        o.device = test::device();
        f_ = load_model_folder(test::fixture("tiny-model"), o);
        for (const char* id : {"aoc-m4", "icae-m4"})
            comps_.push_back(Compressor::load(test::fixture("tiny-model/compressors/") + id, f_.model));
    }

    void bad_lines_are_reported_and_skipped() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("d.jsonl")).toStdString();
        std::ofstream(path) << "{\"id\": \"a\", \"text\": \"The small workbench compresses long prompts into a handful of "
                               "learned vectors.\"}\n"
                            << "this is not json\n\n"
                            << "{\"title\": \"no text field\"}\n"
                            << "[1, 2]\n"
                            << "{\"id\": \"b\", \"abstract\": \"We measure how much is lost by asking the model.\"}\n";
        DatasetReport rep;
        std::vector<TextRecord> recs = read_jsonl(path, &rep);
        QCOMPARE(recs.size(), size_t{2});
        QCOMPARE(rep.skipped, int64_t{3});
        QCOMPARE(rep.lines, int64_t{5});
        QVERIFY(QString::fromStdString(rep.problems[0]).endsWith(QStringLiteral(":2: not valid JSON")));
        QVERIFY(QString::fromStdString(rep.problems[1]).contains(QStringLiteral(":4: no non-empty")));
        QVERIFY(QString::fromStdString(rep.problems[2]).contains(QStringLiteral(":5: not a JSON object")));
        bool threw = false;
        try {
            read_jsonl(dir.filePath(QStringLiteral("missing.jsonl")).toStdString());
        } catch (const Error& e) {
            threw = QString::fromStdString(e.what()).contains(QStringLiteral("cannot open"));
        }
        QVERIFY(threw);
    }

    void cuts_to_exact_lengths_and_averages() {
        std::vector<TextRecord> recs(3);
        recs[0].id = "long";
        recs[0].text = "A language model reads those vectors instead of the original text and should answer as if it had seen every word.";
        recs[1].id = "short";
        recs[1].text = "Tiny.";
        recs[2].id = "mid";
        recs[2].text = "We measure how much is lost by asking the model to reconstruct the prompt from its compressed form.";
        EvalOptions o;
        o.lengths = {8, 20};
        o.batch_size = 2;
        int64_t last_total = 0;
        o.control.on_progress = [&](const Progress& p) { last_total = p.total; };
        EvalResult r = evaluate(comps_, *f_.tokenizer, recs, o);
        QCOMPARE(r.cells.size(), size_t{4});
        for (const EvalExample& e : r.examples) {
            QVERIFY(e.id != "short");  // too short for either length
            QCOMPARE(static_cast<int>(f_.tokenizer->encode(e.original).size()), e.length);
        }
        for (const EvalCell& c : r.cells) {
            double bleu = 0;
            int64_t n = 0;
            for (const EvalExample& e : r.examples)
                if (e.compressor_id == c.compressor_id && e.length == c.length) {
                    bleu += e.scores.bleu;
                    ++n;
                }
            QCOMPARE(c.n, n);
            QVERIFY(std::abs(c.bleu - bleu / n) < 1e-12);
        }
        QCOMPARE(last_total, static_cast<int64_t>(r.examples.size()));
        QTemporaryDir dir;
        write_eval_outputs(r, dir.path().toStdString(), o);
        std::ifstream table(dir.filePath(QStringLiteral("table.json")).toStdString());
        nlohmann::json j = nlohmann::json::parse(table);
        QCOMPARE(j["cells"].size(), size_t{4});
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("table.md"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("table.csv"))));
        std::ifstream ex(dir.filePath(QStringLiteral("examples.jsonl")).toStdString());
        int lines = 0;
        for (std::string l; std::getline(ex, l);) ++lines;
        QCOMPARE(lines, static_cast<int>(r.examples.size()));
    }

    // Two folders of one id (a compressor and its int8 copy, say) each run their own weights: the
    // harness once looked compressors up by id and ran the second for both.
    void same_id_in_two_folders_runs_each() {
        QTemporaryDir dir;
        const std::string copy = dir.filePath(QStringLiteral("aoc-m4")).toStdString();
        std::filesystem::copy(test::fixture("tiny-model/compressors/aoc-m4"), copy, std::filesystem::copy_options::recursive);
        const std::string mem = copy + "/memory.safetensors";
        TensorMap t = load_safetensors(mem);
        t["memory_tokens"] = t["memory_tokens"].flip(0).clone();  // the same tokens, in reverse order
        save_safetensors(mem, t, {{"format", "pt"}});
        std::vector<TextRecord> recs(1);
        recs[0].id = "a";
        recs[0].text = "A language model reads those vectors instead of the original text and should answer as if it had seen every word.";
        EvalOptions o;
        o.lengths = {20};
        EvalResult r = evaluate({comps_[0], Compressor::load(copy, f_.model)}, *f_.tokenizer, recs, o);
        QCOMPARE(r.examples.size(), size_t{2});
        QCOMPARE(r.examples[0].compressor_id, r.examples[1].compressor_id);
        QVERIFY2(r.examples[0].regenerated != r.examples[1].regenerated, r.examples[0].regenerated.c_str());
    }

    void qa_mode_scores_both_ways() {
        std::vector<TextRecord> recs(2);
        for (auto& r : recs) {
            r.text = "The small workbench compresses long prompts into a handful of learned vectors.";
            r.question = "What does the workbench compress?";
            r.answers = {"long prompts"};
        }
        recs[1].id = "2";
        EvalOptions o;
        o.qa = true;
        EvalResult r = evaluate({comps_[0]}, *f_.tokenizer, recs, o);
        QCOMPARE(r.examples.size(), size_t{2});
        // Identical inputs give identical answers (batching with padding changes nothing).
        QCOMPARE(r.examples[0].answer_full, r.examples[1].answer_full);
        QCOMPARE(r.examples[0].answer_compressed, r.examples[1].answer_compressed);
    }

    void empty_data_and_unwritable_output() {
        EvalOptions o;
        bool threw = false;
        try {
            evaluate(comps_, *f_.tokenizer, {}, o);
        } catch (const Error&) {
            threw = true;
        }
        QVERIFY(threw);
        threw = false;
        try {
            write_eval_outputs(EvalResult(), "/proc/xcomp-cannot-write-here", o);
        } catch (const Error& e) {
            threw = QString::fromStdString(e.what()).contains(QStringLiteral("output folder"));
        }
        QVERIFY(threw);
    }
};

QTEST_APPLESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
