// Memory-token ablation (xcomp/eval/memory_ablation.h) on the tiny fixture model: a dropped token is
// truly unread (its values no longer matter), zero and replace change what they say, the importance
// is the loss each drop costs, and the Session's ablate() reports both regenerations.
#include <ATen/ATen.h>

#include <QtTest>

#include <cmath>

#include "engine_test_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/eval/memory_ablation.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/runtime.h"
#include "xcomp/session.h"

using namespace xcomp;

namespace {

const char* kText = "A language model reads those vectors instead of the original text.";
const char* kOther = "Memory tokens hold the text.";

ModelFolder tiny() {
    LlamaModel::LoadOptions o;
    o.device = test::device();
    return load_model_folder(test::fixture("tiny-model"), o);
}

std::vector<int64_t> ids_of(const Tokenizer& tok, const std::string& s) {
    std::vector<int> v = tok.encode(s);
    return std::vector<int64_t>(v.begin(), v.end());
}

double loss_of(const ModelFolder& f, const MemoryBatch& mem, const std::vector<int64_t>& text) {
    std::vector<int64_t> target = text;
    target.push_back(f.model->config().eos_token_ids.front());
    at::NoGradGuard ng;
    return decoder_loss(*f.model, mem, {{f.model->config().bos_token_id()}}, {target}, nullptr, LossNormalization::Sample)
        .item<double>();
}

using test::error_of;

}  // namespace

class TestMemoryAblation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { init_runtime(2); }

    // After a drop, whatever token k holds changes nothing: the decoder no longer reads it.
    void dropped_token_is_unread_data() {
        QTest::addColumn<QString>("compressor");
        QTest::newRow("aoc (KV)") << QStringLiteral("aoc-m4");
        QTest::newRow("icae (embeddings)") << QStringLiteral("icae-m4");
    }
    void dropped_token_is_unread() {
        QFETCH(QString, compressor);
        ModelFolder f = tiny();
        auto c = Compressor::load(test::fixture("tiny-model/compressors/") + compressor.toStdString(), f.model);
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        at::NoGradGuard ng;
        MemoryBatch mem = c->encode({ids});
        MemoryBatch dropped = ablate_memory(mem, 2, AblationMode::Drop);
        QCOMPARE(dropped.mask.sizes().vec(), (std::vector<int64_t>{1, 4}));
        QVERIFY(!dropped.mask[0][2].item<bool>() && dropped.mask[0][1].item<bool>());
        MemoryBatch scrambled = dropped;
        at::Tensor& t = scrambled.keys.defined() ? scrambled.values : scrambled.embeddings;
        t = t.clone();
        (scrambled.keys.defined() ? t.select(3, 2) : t.select(1, 2)).normal_(0, 5);
        const double a = loss_of(f, dropped, ids), b = loss_of(f, scrambled, ids);
        QVERIFY2(std::abs(a - b) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(a).arg(b)));
        QVERIFY(std::abs(a - loss_of(f, mem, ids)) > 1e-6);  // and dropping it did change something
        // The static cache of regeneration honours the mask too: scrambling changes no token.
        GenerationOptions go;
        go.max_new_tokens = 20;
        QCOMPARE(regenerate(*f.model, scrambled, go).ids, regenerate(*f.model, dropped, go).ids);
    }

    void zero_and_replace() {
        ModelFolder f = tiny();
        auto c = Compressor::load(test::fixture("tiny-model/compressors/aoc-m4"), f.model);
        at::NoGradGuard ng;
        MemoryBatch a = c->encode({ids_of(*f.tokenizer, kText)}), b = c->encode({ids_of(*f.tokenizer, kOther)});
        const at::Tensor before = a.keys.clone();
        MemoryBatch z = ablate_memory(a, 1, AblationMode::Zero);
        QCOMPARE(z.keys.select(3, 1).abs().sum().item<double>(), 0.0);
        XCOMP_COMPARE_TENSORS(z.keys.select(3, 0), a.keys.select(3, 0), 0.0);
        MemoryBatch r = ablate_memory(a, 3, AblationMode::Replace, &b);
        XCOMP_COMPARE_TENSORS(r.values.select(3, 3), b.values.select(3, 3), 0.0);
        XCOMP_COMPARE_TENSORS(r.values.select(3, 2), a.values.select(3, 2), 0.0);
        XCOMP_COMPARE_TENSORS(a.keys, before, 0.0);  // the input is left alone
        QVERIFY(!a.mask.defined());
        QVERIFY(error_of([&] { ablate_memory(a, 4, AblationMode::Drop); }).contains(QStringLiteral("0 to 3")));
        QVERIFY(error_of([&] { ablate_memory(a, 0, AblationMode::Replace); }).contains(QStringLiteral("second")));
        auto icae = Compressor::load(test::fixture("tiny-model/compressors/icae-m4"), f.model);
        MemoryBatch e = icae->encode({ids_of(*f.tokenizer, kOther)});
        QVERIFY(error_of([&] { ablate_memory(a, 0, AblationMode::Replace, &e); }).contains(QStringLiteral("another kind")));
        QVERIFY(error_of([] { parse_ablation_mode("cut"); }).contains(QStringLiteral("drop, zero or replace")));
    }

    // One batched pass gives the same numbers as ablating one token at a time.
    void importance_is_the_loss_each_drop_costs() {
        ModelFolder f = tiny();
        auto c = Compressor::load(test::fixture("tiny-model/compressors/aoc-m4"), f.model);
        const std::vector<int64_t> ids = ids_of(*f.tokenizer, kText);
        at::NoGradGuard ng;
        MemoryBatch mem = c->encode({ids});
        const MemoryImportance imp = memory_importance(*f.model, mem, ids);
        QVERIFY(std::abs(imp.loss - loss_of(f, mem, ids)) < 1e-5);
        QCOMPARE(imp.dropped_loss.size(), size_t(4));
        for (int k = 0; k < 4; ++k) {
            const double alone = loss_of(f, ablate_memory(mem, k, AblationMode::Drop), ids);
            QVERIFY2(std::abs(imp.dropped_loss[k] - alone) < 1e-5, qPrintable(QString::number(k)));
            QCOMPARE(imp.importance()[k], imp.dropped_loss[k] - imp.loss);
        }
    }

    void session_ablate() {
        SessionOptions so;
        so.model_dir = test::fixture("tiny-model");
        so.device = test::device();
        auto s = Session::open(so);
        const RegenerationReport plain = s->regenerate("aoc-m4", kText, {});
        AblationRequest q;
        q.memory_token = 1;
        AblationReport r = s->ablate("aoc-m4", kText, q);
        QCOMPARE(r.compressor_id, std::string("aoc-m4"));
        QCOMPARE(r.unablated, plain.regenerated);
        QCOMPARE(r.importance.size(), size_t(4));
        QCOMPARE(r.vs_unablated.spans.empty(), false);
        QVERIFY(!r.cancelled);
        const int donor = s->compress_to_slot("aoc-m4", kOther);
        q.mode = "replace";
        q.donor_slot = donor;
        AblationReport rr = s->ablate("aoc-m4", kText, q);
        QCOMPARE(rr.unablated, plain.regenerated);
        const int other = s->compress_to_slot("500x-m4", kOther);
        q.donor_slot = other;
        QVERIFY(error_of([&] { s->ablate("aoc-m4", kText, q); }).contains(QStringLiteral("only means something")));
        q.mode = "drop";
        q.memory_token = 4;
        QVERIFY(error_of([&] { s->ablate("aoc-m4", kText, q); }).contains(QStringLiteral("does not exist")));
    }
};

QTEST_APPLESS_MAIN(TestMemoryAblation)
#include "tst_memory_ablation.moc"
