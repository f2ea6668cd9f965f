// tst_synthetic_qa — the rule-based extractive QA generator: each rule on crafted sentences with the
// exact question and answer, sentence splitting, the guarantees (answer is the text at
// answer_offset, no question gives its answer away, word limits) on realistic abstracts and on
// garbage, UTF-8 and 10 MB inputs, determinism and the max_pairs / different-sentence choice.
#include "xcomp/train/synthetic_qa.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStringList>
#include <QtTest>

#include <random>
#include <set>
#include <string>
#include <vector>

using namespace xcomp;

namespace {

// Abstracts written for this test in the style of arXiv cs abstracts (not taken from any data set).
const std::vector<std::string> kAbstracts = {
    "Large Language Models (LLMs) have shown remarkable abilities in tasks such as question answering, "
    "summarization and code generation. However, their long prompts make inference slow and expensive. In this "
    "paper, we propose a soft prompt compressor that maps a context of up to 512 tokens into 4 memory vectors. Our "
    "method, called MemSqueeze, is trained with a regeneration objective on 1.2 million Wikipedia passages. On 6 "
    "benchmarks, MemSqueeze retains 92.4% of the original accuracy while reducing the prompt length by 128x. "
    "Compared with the Gist Tokens baseline, it is 3.1x faster at inference time (see Table 2).",

    "Graph Neural Networks (GNNs) are the standard tool for learning on molecular graphs, e.g. for property "
    "prediction. We introduce GeoMol-Bench, a benchmark of 14 datasets covering quantum chemistry, solubility and "
    "toxicity. Existing models such as SchNet, DimeNet and PaiNN are evaluated under a unified protocol. We find "
    "that no single architecture wins on more than 5 datasets, and that pretraining on 3.4 million conformers "
    "improves the mean absolute error by 17%. All code and data have been released since 2023.",

    "Reinforcement Learning from Human Feedback (RLHF) aligns language models with human preferences, but it "
    "requires a separate reward model. We present Direct Ranking Optimization, a simple alternative that optimizes "
    "the policy directly on ranked responses. Experiments on the Anthropic HH dataset and on TL;DR summarization "
    "show that our approach matches PPO with 40% less compute. The policy is trained on 8 GPUs for 12 hours. We "
    "further analyze the effect of the ranking length and observe diminishing returns beyond 4 responses.",

    "Vision Transformers (ViTs) split an image into patches, which makes their cost grow quadratically with the "
    "resolution. This paper proposes a token merging scheme that fuses similar patches in every layer of the "
    "network. Without any retraining, our scheme speeds up ViT-L by 2x with a drop of only 0.3 points in top-1 "
    "accuracy on ImageNet. Applied to Stable Diffusion, token merging reduces memory use by 35 percent. The method "
    "is compatible with FlashAttention and with quantization.",

    "Automatic speech recognition for low-resource languages remains difficult because labeled audio is scarce. We "
    "collect 1,200 hours of transcribed speech in 27 African languages, including Yoruba, Hausa and Swahili. A "
    "multilingual Conformer model trained on this corpus reaches a word error rate of 18.6 on held-out speakers. "
    "Self-supervised pretraining with wav2vec 2.0 reduces the error rate by a further 21%. We release the data "
    "under a CC BY 4.0 license.",

    "Retrieval-Augmented Generation (RAG) combines a retriever with a generator to answer knowledge-intensive "
    "questions. We study how the number of retrieved passages affects factual accuracy on Natural Questions and "
    "TriviaQA. Surprisingly, retrieving more than 10 passages hurts accuracy for models with fewer than 7 billion "
    "parameters. We propose an adaptive reranker, which selects passages by their estimated utility, and show that "
    "it improves exact match by 4.2 points. Our analysis suggests that small readers are easily distracted by "
    "irrelevant context.",
};

// Options with only the named rule switched on.
SyntheticQAOptions only(const QString& rule) {
    SyntheticQAOptions o;
    o.acronyms = rule == "acronym";
    o.numbers = rule == "number";
    o.entities = rule == "entity";
    o.lists = rule == "list";
    o.proposals = rule == "proposal";
    return o;
}

// "question|answer" per pair, joined by " ;; " — one string so a mismatch prints readably.
QString describe(const std::vector<SyntheticQA>& pairs) {
    QStringList parts;
    for (const auto& p : pairs)
        parts << QString::fromStdString(p.question) + "|" + QString::fromStdString(p.answer);
    return parts.join(" ;; ");
}

bool valid_utf8(const std::string& s) {
    const QByteArray b = QByteArray::fromStdString(s);
    return QString::fromUtf8(b).toUtf8() == b;
}

// Byte-wise, ASCII case-insensitive (as the header promises; QString would merge invalid bytes into U+FFFD).
bool contains_icase(const std::string& hay, const std::string& needle) {
    return QByteArray::fromStdString(hay).toLower().contains(QByteArray::fromStdString(needle).toLower());
}

int word_count(const std::string& s) {
    return static_cast<int>(QString::fromStdString(s).split(QRegularExpression("\\s+"), Qt::SkipEmptyParts).size());
}

// Empty when every pair keeps the header's guarantees for `text`; otherwise what is wrong.
QString violations(const std::string& text, const std::vector<SyntheticQA>& pairs,
                   const SyntheticQAOptions& options = {}) {
    const bool text_utf8 = valid_utf8(text);
    for (const auto& p : pairs) {
        const QString where = QString::fromStdString(p.question) + " / " + QString::fromStdString(p.answer);
        if (p.answer.empty()) return "empty answer: " + where;
        if (p.answer_offset > text.size() || p.answer.size() > text.size() - p.answer_offset)
            return "answer_offset out of range: " + where;
        if (text.compare(p.answer_offset, p.answer.size(), p.answer) != 0) return "answer not at offset: " + where;
        if (word_count(p.answer) > options.max_answer_words) return "answer too long: " + where;
        if (p.question.empty() || p.question.back() != '?') return "question without '?': " + where;
        if (p.question[0] >= 'a' && p.question[0] <= 'z') return "question not capitalised: " + where;
        if (p.question.find("  ") != std::string::npos) return "double space: " + where;
        if (contains_icase(p.question, p.answer)) return "question contains answer: " + where;
        if (p.kind.empty()) return "no kind: " + where;
        if (text_utf8 && (!valid_utf8(p.question) || !valid_utf8(p.answer))) return "broken UTF-8: " + where;
    }
    return {};
}

}  // namespace

class TestSyntheticQA : public QObject {
    Q_OBJECT
private slots:
    // ---- each rule on crafted sentences: exact questions and answers -----------------------
    void rules_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("acronym") << "acronym" << "Recent work on Large Language Models (LLMs) is growing."
                                 << "What does LLMs stand for?|Large Language Models";
        QTest::newRow("acronym filler word")
            << "acronym" << "We use Reinforcement Learning from Human Feedback (RLHF) for alignment."
            << "What does RLHF stand for?|Reinforcement Learning from Human Feedback";
        QTest::newRow("acronym lower-case letter") << "acronym" << "We adopt the Tree of Thoughts (ToT) framework."
                                                   << "What does ToT stand for?|Tree of Thoughts";
        QTest::newRow("acronym hyphen") << "acronym" << "Retrieval-Augmented Generation (RAG) helps."
                                        << "What does RAG stand for?|Retrieval-Augmented Generation";
        QTest::newRow("acronym no expansion") << "acronym" << "We report the latency (ms) and the error (XYZ) here."
                                              << "";

        QTest::newRow("number noun") << "number" << "We evaluate on 12 benchmarks."
                                     << "We evaluate on how many benchmarks?|12";
        QTest::newRow("number drops the") << "number" << "We evaluate the 12 benchmarks."
                                          << "We evaluate how many benchmarks?|12";
        QTest::newRow("percentage") << "number" << "The model reaches an accuracy of 95.3% on the test set."
                                    << "The model reaches an accuracy of what percentage on the test set?|95.3%";
        QTest::newRow("percent word") << "number" << "Memory use falls by 35 percent overall."
                                      << "Memory use falls by what percentage overall?|35 percent";
        QTest::newRow("year") << "number" << "The corpus was released in 2019 by the authors."
                              << "The corpus was released in what year by the authors?|2019";
        QTest::newRow("times") << "number" << "Our kernel is 3x faster than the baseline."
                               << "Our kernel is how many times faster than the baseline?|3x";
        QTest::newRow("a N× speedup") << "number" << QString::fromUtf8("It achieves a 2.5\u00d7 speedup.")
                                      << QString::fromUtf8("It achieves what speedup?|2.5\u00d7");
        QTest::newRow("how much") << "number" << "The error drops to 0.42 after tuning."
                                  << "The error drops to how much after tuning?|0.42";
        QTest::newRow("scale word") << "number" << "The model has 1.3 billion parameters."
                                    << "The model has how many parameters?|1.3 billion";
        QTest::newRow("thousands comma") << "number" << "We train on 1,200 hours of speech."
                                         << "We train on how many hours of speech?|1,200";
        QTest::newRow("noun after modifiers") << "number" << "We collect 50,000 annotated chest images."
                                              << "We collect how many annotated chest images?|50,000";
        QTest::newRow("not quantities")
            << "number" << "See Table 3 for GPT-4 results [12] with k = 5 and 3D inputs (Smith, 2020)." << "";
        QTest::newRow("answer twice in sentence") << "number" << "We evaluate 12 models on 12 benchmarks." << "";

        QTest::newRow("entity") << "entity" << "We introduce PEACE, a benchmark for code editing."
                                << "We introduce what, a benchmark for code editing?|PEACE";
        QTest::newRow("entity drops the") << "entity" << "Our method builds on the Transformer architecture."
                                          << "Our method builds on what architecture?|Transformer";
        QTest::newRow("entity hyphenated") << "entity" << "Scores on GeoMap-Bench are strong."
                                           << "Scores on what are strong?|GeoMap-Bench";
        QTest::newRow("entity multiword") << "entity" << "We fine-tune on Natural Questions only."
                                          << "We fine-tune on what only?|Natural Questions";
        QTest::newRow("entity not at sentence start") << "entity" << "Transformers dominate language modeling."
                                                      << "";
        QTest::newRow("entity counted by a number") << "entity" << "We train on 8 GPUs." << "";

        QTest::newRow("list") << "list"
                              << "We test on tasks such as question answering, summarization and translation, "
                                 "which are common."
                              << "We test on tasks such as what?|question answering, summarization and translation";
        QTest::newRow("list single item") << "list" << "Models such as BERT have shown promise."
                                          << "Models such as what?|BERT";
        QTest::newRow("list in parentheses") << "list" << "Many tasks (such as parsing and tagging) benefit."
                                             << "Many tasks such as what?|parsing and tagging";
        QTest::newRow("list cut at word limit")
            << "list" << "It covers areas such as vision, speech, robotics, biology, chemistry, physics, law and finance."
            << "It covers areas such as what?|vision, speech, robotics, biology, chemistry, physics";

        QTest::newRow("proposal") << "proposal" << "In this paper, we propose a sparse adapter that learns fast."
                                  << "What do the authors propose?|a sparse adapter";
        QTest::newRow("proposal past tense") << "proposal" << "We introduced MemNet, a memory network."
                                             << "What did the authors introduce?|MemNet";
        QTest::newRow("proposal this paper, cut")
            << "proposal" << "This paper presents a survey of prompt compression methods for long contexts."
            << "What does this paper present?|a survey of prompt compression methods";
        QTest::newRow("proposal cut before participle")
            << "proposal" << "We present a large dataset of annotated chest images collected from many hospitals."
            << "What do the authors present?|a large dataset of annotated chest images";
        QTest::newRow("proposal to-infinitive") << "proposal" << "We propose to prune attention heads." << "";

        // Sentence splitting: no split at "e.g.", "et al." or "3.5"; a split at "? " before a capital.
        QTest::newRow("split abbreviations")
            << "number" << "Prior work (e.g. Smith et al. 2020) uses 3.5 million images. We evaluate on 12 benchmarks."
            << "Prior work (e.g. Smith et al. 2020) uses how many images?|3.5 million ;; "
               "We evaluate on how many benchmarks?|12";
        QTest::newRow("split question mark") << "number" << "Can models count? We count 7 apples."
                                             << "We count how many apples?|7";
    }

    void rules() {
        QFETCH(QString, rule);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const std::string t = text.toStdString();
        const SyntheticQAOptions o = only(rule);
        const auto pairs = synthetic_qa_candidates(t, o);
        QCOMPARE(describe(pairs), expected);
        QCOMPARE(violations(t, pairs, o), QString());
        for (const auto& p : pairs) QCOMPARE(QString::fromStdString(p.kind).isEmpty(), false);
    }

    void kinds() {
        const auto kind_of = [](const char* text, const char* rule) {
            const auto pairs = synthetic_qa_candidates(text, only(rule));
            return pairs.size() == 1 ? QString::fromStdString(pairs[0].kind) : QString("n=%1").arg(pairs.size());
        };
        QCOMPARE(kind_of("Recent work on Large Language Models (LLMs) is growing.", "acronym"), QString("acronym"));
        QCOMPARE(kind_of("We evaluate on 12 benchmarks.", "number"), QString("number"));
        QCOMPARE(kind_of("It reaches 95.3% accuracy.", "number"), QString("percentage"));
        QCOMPARE(kind_of("It appeared in 2019 first.", "number"), QString("year"));
        QCOMPARE(kind_of("We introduce PEACE, a benchmark.", "entity"), QString("entity"));
        QCOMPARE(kind_of("Models such as BERT have shown promise.", "list"), QString("list"));
        QCOMPARE(kind_of("We propose a sparse adapter.", "proposal"), QString("proposal"));
    }

    // Offsets point at the span the rule used, also when the same string occurs earlier.
    void offsetIsTheSpan() {
        const std::string t = "Memory 12 is small. We evaluate on 12 benchmarks.";
        const auto pairs = synthetic_qa_candidates(t, only("number"));
        QCOMPARE(pairs.size(), std::size_t(1));
        QCOMPARE(pairs[0].answer_offset, t.find("12 benchmarks"));
    }

    // ---- guarantees on realistic abstracts --------------------------------------------------
    void abstractsKeepGuarantees() {
        std::size_t total = 0;
        for (const auto& a : kAbstracts) {
            const auto all = synthetic_qa_candidates(a);
            QVERIFY2(all.size() >= 5, qPrintable(QString("only %1 candidates").arg(all.size())));
            QCOMPARE(violations(a, all), QString());
            total += all.size();
            for (std::uint64_t seed = 1; seed <= 10; ++seed) {
                SyntheticQAOptions o;
                o.seed = seed;
                o.max_pairs = 4;
                const auto chosen = synthetic_qa(a, o);
                QCOMPARE(chosen.size(), std::size_t(4));
                QCOMPARE(violations(a, chosen, o), QString());
            }
            // A tighter word limit holds as well.
            SyntheticQAOptions tight;
            tight.max_answer_words = 2;
            QCOMPARE(violations(a, synthetic_qa_candidates(a, tight), tight), QString());
        }
        QVERIFY(total >= 40);
        // Every rule fires somewhere in the abstracts.
        std::set<std::string> kinds;
        for (const auto& a : kAbstracts)
            for (const auto& p : synthetic_qa_candidates(a)) kinds.insert(p.kind);
        for (const char* k : {"acronym", "number", "percentage", "year", "entity", "list", "proposal"})
            QVERIFY2(kinds.count(k) == 1, k);
    }

    // Prints the default choice (3 pairs, seed 1) per abstract, for judging quality by eye.
    void examples() {
        for (const auto& a : kAbstracts) {
            const auto pairs = synthetic_qa(a);
            QCOMPARE(pairs.size(), std::size_t(3));
            for (const auto& p : pairs)
                qInfo("[%s] Q: %s  A: %s", p.kind.c_str(), p.question.c_str(), p.answer.c_str());
        }
    }

    // ---- choice: determinism, max_pairs, different sentences --------------------------------
    void deterministic() {
        std::set<QString> outputs;
        for (std::uint64_t seed = 0; seed < 20; ++seed) {
            SyntheticQAOptions o;
            o.seed = seed;
            QString all;
            for (const auto& a : kAbstracts) {
                const QString first = describe(synthetic_qa(a, o));
                QCOMPARE(describe(synthetic_qa(a, o)), first);
                all += first + "\n";
            }
            outputs.insert(all);
        }
        QVERIFY2(outputs.size() >= 10, qPrintable(QString("only %1 distinct choices over 20 seeds").arg(outputs.size())));
        // The pool itself does not depend on the seed.
        SyntheticQAOptions s1, s2;
        s2.seed = 99;
        QCOMPARE(describe(synthetic_qa_candidates(kAbstracts[0], s1)), describe(synthetic_qa_candidates(kAbstracts[0], s2)));
    }

    void maxPairs() {
        const std::string& a = kAbstracts[0];
        const std::size_t pool = synthetic_qa_candidates(a).size();
        for (int k : {-1, 0, 1, 2, 3, 5, 8, 1000}) {
            SyntheticQAOptions o;
            o.max_pairs = k;
            const auto pairs = synthetic_qa(a, o);
            QCOMPARE(pairs.size(), std::min<std::size_t>(std::size_t(std::max(k, 0)), pool));
            std::set<std::size_t> offsets;
            for (const auto& p : pairs) offsets.insert(p.answer_offset);
            QCOMPARE(offsets.size(), pairs.size());  // no span twice
            for (std::size_t i = 1; i < pairs.size(); ++i) QVERIFY(pairs[i - 1].answer_offset <= pairs[i].answer_offset);
        }
    }

    void differentSentences() {
        // Three sentences with two candidates each: three pairs must come from three sentences.
        const std::string t =
            "We evaluate on 12 benchmarks and 7 languages. It uses 40 layers and 16 heads. We run 3 seeds and 5 folds.";
        const std::size_t s2 = t.find("It uses"), s3 = t.find("We run");
        for (std::uint64_t seed = 0; seed < 30; ++seed) {
            SyntheticQAOptions o = only("number");
            o.seed = seed;
            const auto pairs = synthetic_qa(t, o);
            QCOMPARE(pairs.size(), std::size_t(3));
            QVERIFY(pairs[0].answer_offset < s2);
            QVERIFY(pairs[1].answer_offset > s2 && pairs[1].answer_offset < s3);
            QVERIFY(pairs[2].answer_offset > s3);
        }
    }

    // ---- robustness ---------------------------------------------------------------------------
    void garbage_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("space") << QByteArray(" \n\t ");
        QTest::newRow("dots") << QByteArray(". . . .... ?!?! ...");
        QTest::newRow("brackets") << QByteArray("((( ))) () (A) (AB) [1] [ ] { } \" ' ` ");
        QTest::newRow("fragments") << QByteArray("such as such as. such as , We propose We propose , we propose (");
        QTest::newRow("numbers") << QByteArray("1 12 % 2x x \xc3\x97 1,000,000 3.5. 2020 1.2.3 ,5 0. 99999999999999999999");
        QTest::newRow("acronym only") << QByteArray("(LLMs) (LLMs) A (A) Large (LLMs)");
        QTest::newRow("no sentences") << QByteArray("lowercase words without any punctuation or capitals at all");
        QTest::newRow("invalid utf8") << QByteArray("We use \xff\xfe Models (\xc3M) on 12 \xe2\x82 benchmarks. \xc3");
        QTest::newRow("nul bytes") << QByteArray("We evaluate\0 on 12 benchmarks.\0 Big (B) Models (BM).", 52);
        QByteArray all;
        for (int i = 0; i < 256; ++i) all.append(char(i));
        QTest::newRow("all bytes") << all + all;
        std::mt19937_64 rng(7);
        QByteArray random;
        const char alphabet[] = "aB1 .,;:()%x?!-\n\xc3\xa9";
        for (int i = 0; i < 200000; ++i) random.append(alphabet[rng() % (sizeof(alphabet) - 1)]);
        QTest::newRow("random punctuation soup") << random;
        QByteArray bytes;
        for (int i = 0; i < 200000; ++i) bytes.append(char(rng() & 0xff));
        QTest::newRow("random bytes") << bytes;
        QTest::newRow("one huge token") << QByteArray(1 << 20, 'A');
        QTest::newRow("huge acronym chain") << QByteArray("of ").repeated(5000) + "Big Models (BM).";
    }

    void garbage() {
        QFETCH(QByteArray, text);
        const std::string t = text.toStdString();
        for (int max_words : {1, 8}) {
            SyntheticQAOptions o;
            o.max_answer_words = max_words;
            o.max_pairs = 50;
            QCOMPARE(violations(t, synthetic_qa(t, o), o), QString());
            QCOMPARE(violations(t, synthetic_qa_candidates(t, o), o), QString());
        }
    }

    void edgeOptions() {
        const std::string& a = kAbstracts[1];
        SyntheticQAOptions o;
        o.max_answer_words = 0;
        QVERIFY(synthetic_qa(a, o).empty());
        o = {};
        o.max_question_words = 0;  // treated as a small window, never a crash
        QCOMPARE(violations(a, synthetic_qa_candidates(a, o), o), QString());
        o = {};
        o.max_scan_bytes = 0;
        QVERIFY(synthetic_qa(a, o).empty());
        o = {};
        o.acronyms = o.numbers = o.entities = o.lists = o.proposals = false;
        QVERIFY(synthetic_qa(a, o).empty());
    }

    void utf8() {
        const std::string t =
            "Die Größe des Modells beträgt 12 Schichten. Wir nutzen Große Sprachmodelle (GSM) für Ärzte. "
            "We evaluate on 12 benchmarks with naïve résumé parsing — ünïcode “quotes” included. "
            "The Übermodel reaches 95.3% on the Zürich-Bench dataset, and 日本語 models such as 東京 and Ω-Net win. "
            "We introduce Cafè-Net, a model for 30 languages.";
        QCOMPARE(violations(t, synthetic_qa_candidates(t)), QString());
        const auto all = synthetic_qa_candidates(t);
        bool has_non_ascii_answer = false;
        for (const auto& p : all)
            for (unsigned char c : p.answer) has_non_ascii_answer = has_non_ascii_answer || c >= 0x80;
        QVERIFY(has_non_ascii_answer);
        // Every scan limit, including ones inside a multi-byte character, keeps UTF-8 whole.
        for (std::size_t limit = 0; limit <= t.size() + 1; ++limit) {
            SyntheticQAOptions o;
            o.max_scan_bytes = limit;
            o.max_pairs = 10;
            const auto pairs = synthetic_qa(t, o);
            const QString v = violations(t, pairs, o);
            QVERIFY2(v.isEmpty(), qPrintable(QString("limit %1: %2").arg(limit).arg(v)));
            for (const auto& p : pairs) QVERIFY(p.answer_offset + p.answer.size() <= limit);
        }
    }

    void huge() {
        std::string big;
        while (big.size() < (10u << 20))
            for (const auto& a : kAbstracts) big += a + " ";
        QElapsedTimer timer;
        timer.start();
        const auto pairs = synthetic_qa(big);
        const qint64 scanned_default = timer.elapsed();
        QCOMPARE(pairs.size(), std::size_t(3));
        QCOMPARE(violations(big, pairs), QString());
        // Everything scanned (no limit): linear, still fast.
        SyntheticQAOptions o;
        o.max_scan_bytes = big.size();
        o.max_pairs = 100;
        timer.restart();
        const auto many = synthetic_qa(big, o);
        const qint64 scanned_all = timer.elapsed();
        QCOMPARE(many.size(), std::size_t(100));
        QCOMPARE(violations(big, many, o), QString());
        qInfo("10 MiB: default scan %lld ms, full scan %lld ms", scanned_default, scanned_all);
        QVERIFY(scanned_default < 2000);
        QVERIFY(scanned_all < 60000);
        // One 10 MiB sentence without any punctuation.
        std::string flat;
        while (flat.size() < (10u << 20)) flat += "we evaluate Models on 12 benchmarks such as Alpha and Beta ";
        timer.restart();
        o.max_scan_bytes = flat.size();
        QCOMPARE(violations(flat, synthetic_qa(flat, o), o), QString());
        qInfo("10 MiB single sentence, full scan: %lld ms", timer.elapsed());
        QVERIFY(timer.elapsed() < 60000);
    }
};

QTEST_APPLESS_MAIN(TestSyntheticQA)
#include "tst_synthetic_qa.moc"
