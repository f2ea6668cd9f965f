// Per-token evidence (xcomp/eval/token_evidence.h) on the tiny fixture model: the first divergence,
// probabilities that agree with the decoder's loss, ranks that agree with greedy decoding, and the
// evidence in the Session's report and in the evaluation's examples.
#include <ATen/ATen.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/compress/memory_optimisation.h"
#include "xcomp/eval/evaluation.h"
#include "xcomp/eval/token_evidence.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/runtime.h"
#include "xcomp/session.h"

using namespace xcomp;

namespace {

const char* kText = "A language model reads those vectors instead of the original text.";

ModelFolder tiny() {
    LlamaModel::LoadOptions o;
    o.device = test::device();
    return load_model_folder(test::fixture("tiny-model"), o);
}

std::vector<int64_t> ids_of(const Tokenizer& tok, const std::string& s) {
    std::vector<int> v = tok.encode(s);
    return std::vector<int64_t>(v.begin(), v.end());
}

}  // namespace

class TestTokenEvidence : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { init_runtime(2); }

    void first_divergence_cases() {
        const std::vector<int64_t> t{5, 6, 7};
        QCOMPARE(first_divergence(t, {5, 6, 7}, true), -1);   // the original, then EOS
        QCOMPARE(first_divergence(t, {5, 6, 7}, false), 3);   // EOS missing: it left at the end
        QCOMPARE(first_divergence(t, {5, 9, 7}, true), 1);
        QCOMPARE(first_divergence(t, {5, 6}, true), 2);       // stopped early
        QCOMPARE(first_divergence(t, {5, 6, 7, 8}, false), 3);  // went on past the end
        QCOMPARE(first_divergence(t, {}, true), 0);
    }

    // The probabilities are the decoder's: their mean log equals minus its teacher-forced loss.
    void agrees_with_the_loss() {
        ModelFolder f = tiny();
        auto c = Compressor::load(test::fixture("tiny-model/compressors/aoc-m4"), f.model);
        const std::vector<int64_t> a = ids_of(*f.tokenizer, kText), b = ids_of(*f.tokenizer, "Short one.");
        MemoryBatch mem = c->encode({a, b});
        GenerationOptions go;
        go.max_new_tokens = static_cast<int>(a.size()) + 4;
        GenerationResult g = regenerate(*f.model, mem, go);
        const std::vector<TokenEvidence> ev = token_evidence(*f.model, mem, {a, b}, g.ids, g.hit_eos);
        QCOMPARE(ev.size(), size_t(2));
        QCOMPARE(ev[0].probability.size(), a.size() + 1);
        QCOMPARE(ev[1].rank.size(), b.size() + 1);
        for (const TokenEvidence& e : ev) {
            int top = 0;
            for (size_t i = 0; i < e.rank.size(); ++i) {
                QVERIFY(e.probability[i] > 0 && e.probability[i] <= 1);
                QVERIFY(e.rank[i] >= 1);
                QVERIFY(e.entropy[i] >= -1e-5);
                top += e.rank[i] == 1;
            }
            QCOMPARE(e.teacher_forced_accuracy, double(top) / double(e.rank.size()));
        }
        // Row a alone: mean log p = -loss (per-sample mean over the text and EOS).
        MemoryBatch row;
        row.keys = mem.keys.narrow(1, 0, 1);
        row.values = mem.values.narrow(1, 0, 1);
        std::vector<int64_t> target = a;
        target.push_back(f.model->config().eos_token_ids.front());
        const double loss =
            decoder_loss(*f.model, row, {{f.model->config().bos_token_id()}}, {target}, nullptr, LossNormalization::Sample)
                .item<double>();
        QVERIFY2(std::abs(ev[0].mean_log_probability + loss) < 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(ev[0].mean_log_probability).arg(-loss)));
        // Greedy decoding follows rank 1 until it leaves the original.
        const int d = ev[0].first_divergence;
        for (int i = 0; i < (d < 0 ? static_cast<int>(a.size()) : d); ++i) QCOMPARE(ev[0].rank[i], 1);
        if (d >= 0 && d <= static_cast<int>(a.size())) QVERIFY(ev[0].rank[d] > 1);
    }

    // An exact regeneration (optimised memory cracks the text) is rank 1 everywhere.
    void exact_regeneration_is_rank_one_everywhere() {
        ModelFolder f = tiny();
        const std::vector<int64_t> a = ids_of(*f.tokenizer, kText);
        MemoryOptimisationOptions o;
        o.max_steps = 600;
        o.check_every = 10;
        MemoryBatch mem = optimise_memory(*f.model, {a}, true, 4, o);
        QVERIFY(mem.optimisation_steps[0] >= 0);
        GenerationOptions go;
        go.max_new_tokens = static_cast<int>(a.size()) + 4;
        GenerationResult g = regenerate(*f.model, mem, go);
        const TokenEvidence e = token_evidence(*f.model, mem, {a}, g.ids, g.hit_eos).front();
        QCOMPARE(e.first_divergence, -1);
        QCOMPARE(e.teacher_forced_accuracy, 1.0);
    }

    void in_the_session_and_the_evaluation() {
        SessionOptions so;
        so.model_dir = test::fixture("tiny-model");
        so.device = test::device();
        auto s = Session::open(so);
        RegenerationReport r = s->regenerate("aoc-m4", kText, {});
        QCOMPARE(r.evidence.probability.size(), size_t(r.source_tokens + 1));
        QCOMPARE(r.evidence.entropy.size(), size_t(r.source_tokens + 1));
        QVERIFY(r.evidence.first_divergence >= -1 && r.evidence.first_divergence <= r.source_tokens + 1);
        QCOMPARE(r.evidence.first_divergence == -1, r.scores.exact_match == 1.0);

        ModelFolder f = tiny();
        auto c = Compressor::load(test::fixture("tiny-model/compressors/aoc-m4"), f.model);
        TextRecord rec;
        rec.id = "t1";
        rec.text = kText;
        EvalOptions eo;
        eo.lengths = {8};
        EvalResult er = evaluate({c}, *f.tokenizer, {rec}, eo);
        QCOMPARE(er.examples.size(), size_t(1));
        QVERIFY(er.examples[0].teacher_forced_accuracy >= 0 && er.examples[0].teacher_forced_accuracy <= 1);
        QCOMPARE(er.cells[0].teacher_forced_accuracy, er.examples[0].teacher_forced_accuracy);
        QTemporaryDir dir;
        write_eval_outputs(er, dir.path().toStdString(), eo);
        std::ifstream in(dir.filePath(QStringLiteral("examples.jsonl")).toStdString());
        std::string line;
        std::getline(in, line);
        const nlohmann::json j = nlohmann::json::parse(line);
        QCOMPARE(j.at("teacher_forced_accuracy").get<double>(), er.examples[0].teacher_forced_accuracy);
        QCOMPARE(j.at("first_divergence").get<int>(), er.examples[0].first_divergence);
        const std::vector<EvalExample> back = read_eval_examples(dir.path().toStdString(), false);
        QCOMPARE(back[0].first_divergence, er.examples[0].first_divergence);
    }
};

QTEST_APPLESS_MAIN(TestTokenEvidence)
#include "tst_token_evidence.moc"
