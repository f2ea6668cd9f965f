// tst_metrics — BLEU against NLTK 3.8 golden values, hand-worked ROUGE-L, exact match, prefix exact
// match and SQuAD v1.1 F1/EM cases.
#include "xcomp/error.h"
#include "xcomp/eval/metrics.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace xcomp;

namespace {

nlohmann::json load_json(const QString& path) {
    std::ifstream in(path.toStdString());
    if (!in) return {};
    return nlohmann::json::parse(in);
}

const QString kGolden = QStringLiteral(XCOMP_FIXTURES_DIR "/bleu_golden.json");

// Checks every pair of a golden file to 1e-9; returns the number of pairs checked.
int compare_pairs(const nlohmann::json& doc) {
    int checked = 0;
    double worst = 0.0;
    for (const auto& p : doc.at("pairs")) {
        const std::string ref = p.at("reference").get<std::string>();
        const std::string hyp = p.at("hypothesis").get<std::string>();
        const double expected = p.at("bleu").get<double>();
        const double got = bleu(ref, hyp);
        worst = std::max(worst, std::fabs(got - expected));
        if (std::fabs(got - expected) > 1e-9) {
            qWarning("BLEU mismatch: ref=%s hyp=%s expected=%.17g got=%.17g", ref.c_str(), hyp.c_str(), expected, got);
            return -1;
        }
        ++checked;
    }
    qInfo("%d pairs, max |diff| = %.3g", checked, worst);
    return checked;
}

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    // ---- splitting ----------------------------------------------------------------------------
    void pythonSplit() {
        // str.split(): Unicode whitespace (NBSP, ideographic space, U+001F) splits, ZWSP does not.
        const auto w = whitespace_words(" a\u00a0b\u3000c\x1f" "d\te\u200bf\n");
        QCOMPARE(w.size(), std::size_t(5));
        QCOMPARE(QString::fromStdString(w[4]), QString::fromUtf8("e\u200bf"));
        const auto r = whitespace_word_ranges("  ab  é ");
        QCOMPARE(r.size(), std::size_t(2));
        QCOMPARE(r[0].begin, std::size_t(2));
        QCOMPARE(r[0].end, std::size_t(4));
        QCOMPARE(r[1].begin, std::size_t(6));
        QCOMPARE(r[1].end, std::size_t(8));
        QVERIFY(whitespace_words(" \t\n").empty());
        QCOMPARE(QString::fromStdString(strip_whitespace("\u00a0 x y \n")), QStringLiteral("x y"));
        QCOMPARE(QString::fromStdString(lower_utf8("ÉTALE Ωmega ДАННЫЕ Straße")), QString::fromUtf8("étale ωmega данные straße"));
        // Invalid UTF-8 does not throw and is kept.
        QCOMPARE(whitespace_words("a \xff\xfe b").size(), std::size_t(3));
    }

    // ---- BLEU ---------------------------------------------------------------------------------
    void bleuGolden() {
        const nlohmann::json doc = load_json(kGolden);
        QVERIFY2(!doc.is_null(), "tests/fixtures/bleu_golden.json missing (run tools/make_bleu_golden.py)");
        QCOMPARE(QString::fromStdString(doc.at("nltk_version").get<std::string>()), QStringLiteral("3.8"));
        QVERIFY(doc.at("pairs").size() >= 60);
        QCOMPARE(compare_pairs(doc), int(doc.at("pairs").size()));
    }

    // Optional: re-run the generator with the Python that has NLTK and compare again.
    void bleuAgainstLiveNltk() {
        const QByteArray python = qgetenv("XCOMP_NLTK_PYTHON");
        if (python.isEmpty()) QSKIP("set XCOMP_NLTK_PYTHON to a python with nltk 3.8 to run this check");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("bleu_live.json"));
        QProcess proc;
        proc.start(QString::fromLocal8Bit(python),
                   {QStringLiteral(XCOMP_SOURCE_DIR "/tools/make_bleu_golden.py"), QStringLiteral("--output"), out});
        QVERIFY(proc.waitForFinished(120000));
        QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
        const nlohmann::json live = load_json(out);
        QVERIFY(!live.is_null());
        QCOMPARE(compare_pairs(live), int(live.at("pairs").size()));
        // The checked-in fixture matches what the script produces now.
        const nlohmann::json golden = load_json(kGolden);
        QCOMPARE(live.at("pairs").size(), golden.at("pairs").size());
        for (std::size_t k = 0; k < live.at("pairs").size(); ++k) {
            QCOMPARE(live["pairs"][k]["bleu"].get<double>(), golden["pairs"][k]["bleu"].get<double>());
        }
    }

    void bleuHandWorked() {
        // Identical 4+ words: all p_n = 1, BP = 1.
        QCOMPARE(bleu("a b c d e", "a b c d e"), 1.0);
        // ref 4 words, hyp "a b": p1 = 2/2, p2 = 1/1, p3 = 0/max(1,0) -> 0.1/1, p4 -> 0.1/1;
        // BP = exp(1 - 4/2) = e^-1; BLEU = e^-1 * exp((2*ln 0.1)/4) = e^-1 * sqrt(0.1) ~ 0.116334.
        QVERIFY(std::fabs(bleu("a b c d", "a b") - std::exp(-1.0) * std::sqrt(0.1)) < 1e-15);
        // ref 5 words, hyp "a b c d x": p1 = 4/5, p2 = 3/4, p3 = 2/3, p4 = 1/2, BP = 1 (equal length).
        const double expect = std::exp(0.25 * (std::log(0.8) + std::log(0.75) + std::log(2.0 / 3.0) + std::log(0.5)));
        QVERIFY(std::fabs(bleu("a b c d e", "a b c d x") - expect) < 1e-15);
        // No unigram match / empty hypothesis / empty reference -> 0 (no smoothing applied).
        QCOMPARE(bleu("a b c d", "x y z w"), 0.0);
        QCOMPARE(bleu("a b c d", ""), 0.0);
        QCOMPARE(bleu("", "a b"), 0.0);
        QCOMPARE(bleu("", ""), 0.0);
        // Case-sensitive tokens.
        QCOMPARE(bleu("Kato", "kato"), 0.0);
    }

    // ---- ROUGE-L ------------------------------------------------------------------------------
    void rougeTokenizer() {
        // lower, non [a-z0-9] -> space: "Café" -> "caf", "über-alles" -> "ber", "alles".
        const auto t = rouge_tokenize("Café über-alles 42x, K\u212A!");
        const std::vector<std::string> expect = {"caf", "ber", "alles", "42x", "kk"};
        QCOMPARE(t, expect);
        QVERIFY(rouge_tokenize(" ... !!").empty());
    }

    void rougeL_data() {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("hypothesis");
        QTest::addColumn<bool>("whitespace");
        QTest::addColumn<double>("precision");
        QTest::addColumn<double>("recall");
        QTest::addColumn<double>("f");
        // rouge tokens: [the cat sat on the mat] vs [the cat is on a mat]; LCS = the cat on mat = 4;
        // P = R = 4/6, F = 2/3.
        QTest::newRow("rouge tokenizer") << "The cat sat on the mat." << "the cat is on a mat" << false
                                         << 4.0 / 6 << 4.0 / 6 << 2.0 / 3;
        // whitespace tokens: [The cat sat on the mat.] vs [the cat is on a mat]; LCS = cat on = 2;
        // P = R = 2/6, F = 1/3.
        QTest::newRow("whitespace tokenizer") << "The cat sat on the mat." << "the cat is on a mat" << true
                                              << 2.0 / 6 << 2.0 / 6 << 1.0 / 3;
        // [a b c d e f] vs [a c e]: LCS 3, P = 1, R = 1/2, F = 2*1*0.5/1.5 = 2/3.
        QTest::newRow("subsequence") << "a b c d e f" << "a c e" << false << 1.0 << 0.5 << 2.0 / 3;
        // [x y z] vs [z y x]: LCS 1, P = R = F = 1/3.
        QTest::newRow("reversed") << "x y z" << "z y x" << false << 1.0 / 3 << 1.0 / 3 << 1.0 / 3;
        QTest::newRow("identical") << "Kato complexes" << "kato, complexes!" << false << 1.0 << 1.0 << 1.0;
        QTest::newRow("no overlap") << "alpha" << "beta" << false << 0.0 << 0.0 << 0.0;
        QTest::newRow("empty hypothesis") << "alpha" << "" << false << 0.0 << 0.0 << 0.0;
        QTest::newRow("punctuation only") << "alpha" << "?!" << false << 0.0 << 0.0 << 0.0;
        QTest::newRow("empty reference") << "" << "alpha" << true << 0.0 << 0.0 << 0.0;
    }

    void rougeL() {
        QFETCH(QString, reference);
        QFETCH(QString, hypothesis);
        QFETCH(bool, whitespace);
        QFETCH(double, precision);
        QFETCH(double, recall);
        QFETCH(double, f);
        RougeOptions opt;
        opt.tokenizer = whitespace ? RougeTokenizer::Whitespace : RougeTokenizer::RougeScore;
        const RougeScore s = rouge_l(reference.toStdString(), hypothesis.toStdString(), opt);
        QVERIFY(std::fabs(s.precision - precision) < 1e-12);
        QVERIFY(std::fabs(s.recall - recall) < 1e-12);
        QVERIFY(std::fabs(s.f - f) < 1e-12);
        QCOMPARE(rouge_l_f(reference.toStdString(), hypothesis.toStdString(), opt), s.f);
    }

    // ---- exact match / prefix exact match ----------------------------------------------------
    void exactMatch() {
        QCOMPARE(exact_match("  hello world \n", "hello world"), 1.0);
        QCOMPARE(exact_match("hello world", "hello world\u00a0"), 1.0);  // NBSP is outer whitespace
        QCOMPARE(exact_match("Hello world", "hello world"), 0.0);        // case matters
        QCOMPARE(exact_match("hello  world", "hello world"), 0.0);       // inner whitespace matters
        QCOMPARE(exact_match("hello world.", "hello world"), 0.0);
        QCOMPARE(exact_match("", " "), 1.0);
    }

    void prefixExactMatch() {
        QCOMPARE(prefix_exact_match("a b c d", "a b c d"), 1.0);
        QCOMPARE(prefix_exact_match("a b c d", "a b x d"), 0.5);     // 2 of 4 before the mismatch
        QCOMPARE(prefix_exact_match("a b c d", "a b c d e f"), 1.0); // extra words do not count
        QCOMPARE(prefix_exact_match("a b c d", "a b c"), 0.75);      // stops early: 3 of 4
        QCOMPARE(prefix_exact_match("a b c d", "b c d"), 0.0);       // first word wrong
        QCOMPARE(prefix_exact_match("a b c d", ""), 0.0);
        QCOMPARE(prefix_exact_match("a  b\nc", "a b c"), 1.0);       // word level
        QCOMPARE(prefix_exact_match("", ""), 1.0);
        QCOMPARE(prefix_exact_match("", "x"), 0.0);
    }

    // ---- SQuAD v1.1 ---------------------------------------------------------------------------
    void squadNormalize() {
        QCOMPARE(QString::fromStdString(squad_normalize_answer("The Quick, brown fox!")), QStringLiteral("quick brown fox"));
        QCOMPARE(QString::fromStdString(squad_normalize_answer("An apple a day")), QStringLiteral("apple day"));
        // "theory"/"another" keep their letters; "the" glued by punctuation removal is not a word.
        QCOMPARE(QString::fromStdString(squad_normalize_answer("another theory")), QStringLiteral("another theory"));
        QCOMPARE(QString::fromStdString(squad_normalize_answer("the-end")), QStringLiteral("theend"));
        QCOMPARE(QString::fromStdString(squad_normalize_answer("  A  (b)  ")), QStringLiteral("b"));
        QCOMPARE(QString::fromStdString(squad_normalize_answer("THE Ölfeld")), QString::fromUtf8("ölfeld"));
        QCOMPARE(QString::fromStdString(squad_normalize_answer("éa the")), QString::fromUtf8("éa"));  // é is \w
    }

    void squadScores() {
        // pred [cat sat] vs [cat sat down]: 2 common, P = 1, R = 2/3, F1 = 2*(2/3)/(5/3) = 0.8.
        QVERIFY(std::fabs(squad_f1("the cat sat", {"a cat sat down"}) - 0.8) < 1e-15);
        QVERIFY(std::fabs(squad_f1("the cat sat", {"dog", "a cat sat down"}) - 0.8) < 1e-15);  // max over refs
        // pred [cat cat dog] vs [cat dog dog]: Counter & = {cat:1, dog:1} -> 2; P = R = 2/3 -> F1 = 2/3.
        QVERIFY(std::fabs(squad_f1("cat cat dog", {"cat dog dog"}) - 2.0 / 3) < 1e-15);
        QCOMPARE(squad_f1("Paris", {"paris!"}), 1.0);
        QCOMPARE(squad_f1("London", {"Paris"}), 0.0);
        QCOMPARE(squad_f1("", {""}), 0.0);   // v1.1: no common token -> 0 even if both empty
        QCOMPARE(squad_f1("the", {"a"}), 0.0);
        QCOMPARE(squad_exact_match("The Cat.", {"cat"}), 1.0);
        QCOMPARE(squad_exact_match("cats", {"cat", "dog"}), 0.0);
        QCOMPARE(squad_exact_match("dog", {"cat", "a dog"}), 1.0);
        QCOMPARE(squad_exact_match("", {""}), 1.0);
        QVERIFY_THROWS_EXCEPTION(xcomp::Error, squad_f1("x", {}));
        QVERIFY_THROWS_EXCEPTION(xcomp::Error, squad_exact_match("x", {}));
    }

    void regenerationScores() {
        const std::string ref = "We show that the reciprocity sheaves are Kato complexes.";
        RegenerationScores s = score_regeneration(ref, "  " + ref + "\n");
        QCOMPARE(s.bleu, 1.0);
        QCOMPARE(s.rouge_l_f, 1.0);
        QCOMPARE(s.exact_match, 1.0);
        QCOMPARE(s.prefix_exact_match, 1.0);
        const std::string hyp = "We show that the reciprocity sheaf is a Kato complex.";
        s = score_regeneration(ref, hyp);
        QCOMPARE(s.bleu, bleu(ref, hyp));
        QCOMPARE(s.rouge_l_f, rouge_l_f(ref, hyp));
        QCOMPARE(s.exact_match, 0.0);
        QCOMPARE(s.prefix_exact_match, 5.0 / 9.0);
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
