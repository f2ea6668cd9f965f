// tst_alignment — error-typed alignment (500xCompressor Table 1 categories): crafted pairs for each
// category, the Table 1 style example with exact offsets, UTF-8 offsets, empty texts, invariants.
#include "xcomp/eval/alignment.h"
#include "xcomp/eval/metrics.h"

#include <QString>
#include <QStringList>
#include <QtTest>

#include <random>

using namespace xcomp;

namespace {

QString sub(const std::string& s, std::size_t b, std::size_t e) {
    return QString::fromStdString(s.substr(b, e - b));
}

// "Type: ref words => hyp words | ..." for the spans of an alignment.
QString render(const std::string& ref, const std::string& hyp, const Alignment& al) {
    QStringList parts;
    for (const AlignedSpan& s : al.spans) {
        parts << QStringLiteral("%1: %2 => %3")
                     .arg(QString::fromLatin1(error_type_name(s.type)), sub(ref, s.ref_begin, s.ref_end),
                          sub(hyp, s.hyp_begin, s.hyp_end))
                     .trimmed();
    }
    return parts.join(QStringLiteral(" | "));
}

// Re-renders a hand-written spec so spacing around empty sides does not matter.
QString canonical(const QString& spec) {
    if (spec.trimmed().isEmpty()) return {};
    QStringList out;
    for (const QString& part : spec.split(QStringLiteral(" | "))) {
        const int colon = part.indexOf(QLatin1Char(':'));
        const QString type = part.left(colon).trimmed();
        const QString rest = part.mid(colon + 1);
        const int arrow = rest.indexOf(QStringLiteral("=>"));
        out << QStringLiteral("%1: %2 => %3").arg(type, rest.left(arrow).trimmed(), rest.mid(arrow + 2).trimmed()).trimmed();
    }
    return out.join(QStringLiteral(" | "));
}

// Structural invariants every alignment must satisfy.
void check_invariants(const std::string& ref, const std::string& hyp, const Alignment& al) {
    const auto rw = whitespace_word_ranges(ref);
    const auto hw = whitespace_word_ranges(hyp);
    auto side = [](const std::vector<WordRange>& words, std::size_t b, std::size_t e, std::size_t& next, const char* what) {
        if (b == e) {  // empty range: at the end of the preceding word, or 0
            const std::size_t expect = next > 0 ? words[next - 1].end : 0;
            QVERIFY2(b == expect, what);
            return;
        }
        QVERIFY2(next < words.size() && words[next].begin == b, what);
        const std::size_t start = next;
        while (next < words.size() && words[next].end <= e) ++next;
        QVERIFY2(next > start && words[next - 1].end == e, what);
    };
    std::size_t nr = 0, nh = 0;
    std::array<int, kErrorTypeCount> counts{};
    std::array<std::size_t, kErrorTypeCount> ref_words{}, hyp_words{};
    for (const AlignedSpan& s : al.spans) {
        const std::size_t r_before = nr, h_before = nh;
        side(rw, s.ref_begin, s.ref_end, nr, "reference range not on word boundaries / out of order");
        side(hw, s.hyp_begin, s.hyp_end, nh, "hypothesis range not on word boundaries / out of order");
        QVERIFY(nr > r_before || nh > h_before);
        const auto t = static_cast<std::size_t>(s.type);
        ++counts[t];
        ref_words[t] += nr - r_before;
        hyp_words[t] += nh - h_before;
        switch (s.type) {
            case ErrorType::Equal:  // same words; the whitespace between them may differ
                QCOMPARE(whitespace_words(ref.substr(s.ref_begin, s.ref_end - s.ref_begin)),
                         whitespace_words(hyp.substr(s.hyp_begin, s.hyp_end - s.hyp_begin)));
                QVERIFY(s.ref_end > s.ref_begin);
                break;
            case ErrorType::Mistake:
                QVERIFY(s.ref_end > s.ref_begin && s.hyp_end > s.hyp_begin);
                break;
            case ErrorType::InformationLoss:
                QVERIFY(s.ref_end > s.ref_begin && s.hyp_end == s.hyp_begin);
                break;
            case ErrorType::Hallucination:
                QVERIFY(s.ref_end == s.ref_begin && s.hyp_end > s.hyp_begin);
                break;
            case ErrorType::Paraphrase:
                break;
        }
    }
    QCOMPARE(nr, rw.size());
    QCOMPARE(nh, hw.size());
    QCOMPARE(al.counts, counts);
    double ref_share_sum = 0.0;
    for (std::size_t t = 0; t < kErrorTypeCount; ++t) {
        const bool hall = t == static_cast<std::size_t>(ErrorType::Hallucination);
        const std::size_t total = hall ? hw.size() : rw.size();
        const double expect = total ? double(hall ? hyp_words[t] : ref_words[t]) / double(total) : 0.0;
        QCOMPARE(al.word_share[t], expect);
        if (!hall) ref_share_sum += al.word_share[t];
    }
    if (!rw.empty()) QVERIFY(qAbs(ref_share_sum - 1.0) < 1e-12);
}

const std::string kTable1Ref =
    "We show that reciprocity sheaves over a perfect field give rise to Kato complexes and prove a "
    "conjecture of Kato on the cohomology of smooth and proper schemes over finite fields.";
const std::string kTable1Hyp =
    "We show that reciprocity sheaves gives rise to Kato complexes and prove a famous conjecture of "
    "Kato on the homology of proper and smooth schemes over finite fields.";

}  // namespace

class TestAlignment : public QObject {
    Q_OBJECT
private slots:
    void typeNames() {
        QCOMPARE(QString::fromLatin1(error_type_name(ErrorType::Equal)), QStringLiteral("Equal"));
        QCOMPARE(QString::fromLatin1(error_type_name(ErrorType::Mistake)), QStringLiteral("Mistake"));
        QCOMPARE(QString::fromLatin1(error_type_name(ErrorType::InformationLoss)), QStringLiteral("InformationLoss"));
        QCOMPARE(QString::fromLatin1(error_type_name(ErrorType::Hallucination)), QStringLiteral("Hallucination"));
        QCOMPARE(QString::fromLatin1(error_type_name(ErrorType::Paraphrase)), QStringLiteral("Paraphrase"));
    }

    void categories_data() {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("hypothesis");
        QTest::addColumn<QString>("expected");

        QTest::newRow("identical") << "the cat sat on the mat" << "the cat sat on the mat"
                                   << "Equal: the cat sat on the mat => the cat sat on the mat";
        QTest::newRow("identical, other whitespace") << "  the cat\tsat\n" << "the  cat sat"
                                                     << "Equal: the cat\tsat => the  cat sat";
        // --- Mistake
        QTest::newRow("mistake: one word") << "the cat sat on the mat" << "the dog sat on the mat"
                                           << "Equal: the => the | Mistake: cat => dog | Equal: sat on the mat => sat on the mat";
        QTest::newRow("mistake: 4 vs 3 words, one span") << "we prove the main theorem today" << "we disprove a lemma today"
                                                        << "Equal: we => we | Mistake: prove the main theorem => disprove a lemma | Equal: today => today";
        // 4 vs 1 words: 4 > 2*1, so 1:1 mistake + the rest lost.
        QTest::newRow("mistake + loss split") << "we use alpha beta gamma delta here" << "we use omega here"
                                              << "Equal: we use => we use | Mistake: alpha => omega | InformationLoss: beta gamma delta => | Equal: here => here";
        QTest::newRow("mistake + hallucination split") << "we use omega here" << "we use alpha beta gamma delta here"
                                                       << "Equal: we use => we use | Mistake: omega => alpha | Hallucination: => beta gamma delta | Equal: here => here";
        // --- InformationLoss
        QTest::newRow("loss: start") << "Moreover we show the claim" << "we show the claim"
                                     << "InformationLoss: Moreover => | Equal: we show the claim => we show the claim";
        QTest::newRow("loss: middle") << "we show that the claim holds" << "we show the claim holds"
                                      << "Equal: we show => we show | InformationLoss: that => | Equal: the claim holds => the claim holds";
        QTest::newRow("loss: end") << "we show the claim for all primes" << "we show the claim"
                                   << "Equal: we show the claim => we show the claim | InformationLoss: for all primes =>";
        // --- Hallucination
        QTest::newRow("hallucination: start") << "we show the claim" << "Indeed we show the claim"
                                              << "Hallucination: => Indeed | Equal: we show the claim => we show the claim";
        QTest::newRow("hallucination: middle") << "prove a conjecture of Kato" << "prove a famous conjecture of Kato"
                                               << "Equal: prove a => prove a | Hallucination: => famous | Equal: conjecture of Kato => conjecture of Kato";
        QTest::newRow("hallucination: end") << "we show the claim" << "we show the claim in full generality"
                                            << "Equal: we show the claim => we show the claim | Hallucination: => in full generality";
        // --- Paraphrase: same content, other form
        QTest::newRow("paraphrase: case") << "kato complexes" << "Kato complexes"
                                          << "Paraphrase: kato => Kato | Equal: complexes => complexes";
        QTest::newRow("paraphrase: punctuation") << "over finite fields." << "over finite fields"
                                                 << "Equal: over finite => over finite | Paraphrase: fields. => fields";
        QTest::newRow("paraphrase: inflection -s/-ed") << "he proves the lemma" << "he proved the lemma"
                                                       << "Equal: he => he | Paraphrase: proves => proved | Equal: the lemma => the lemma";
        QTest::newRow("paraphrase: inflection -ing/-ly") << "running quickly" << "runs quick"
                                                         << "Paraphrase: running quickly => runs quick";
        QTest::newRow("paraphrase: irregular forms") << "the sheaves are" << "the sheaf is"
                                                     << "Equal: the => the | Paraphrase: sheaves are => sheaf is";
        QTest::newRow("paraphrase: synonym") << "we show that" << "we demonstrated that"
                                             << "Equal: we => we | Paraphrase: show => demonstrated | Equal: that => that";
        QTest::newRow("paraphrase: compound split") << "a well-known result" << "a well known result"
                                                    << "Equal: a => a | Paraphrase: well-known => well known | Equal: result => result";
        QTest::newRow("paraphrase: punctuation token") << "A — B" << "A - B"
                                                       << "Equal: A => A | Paraphrase: — => - | Equal: B => B";
        QTest::newRow("paraphrase: dropped punctuation token") << "A , B" << "A B"
                                                               << "Equal: A => A | Paraphrase: , => | Equal: B => B";
        // Reordering: swapped words become one span with the aligned word they cross.
        QTest::newRow("paraphrase: swap") << "smooth and proper schemes" << "proper and smooth schemes"
                                          << "Paraphrase: smooth and proper => proper and smooth | Equal: schemes => schemes";
        QTest::newRow("paraphrase: moved word, short crossing") << "yesterday we proved it" << "we proved it yesterday"
                                                                << "Paraphrase: yesterday we proved it => we proved it yesterday";
        // Crossing 4 aligned words > max(3, 2 moved words): reported at both places.
        QTest::newRow("paraphrase: moved phrase, split") << "in 2019 we proved the conjecture" << "we proved the conjecture in 2019"
                                                         << "Paraphrase: in 2019 => | Equal: we proved the conjecture => we proved the conjecture | Paraphrase: => in 2019";
        QTest::newRow("paraphrase: long move")
            << "alpha beta gamma delta epsilon zeta eta theta iota kappa"
            << "beta gamma delta epsilon zeta eta theta iota kappa alpha"
            << "Paraphrase: alpha => | Equal: beta gamma delta epsilon zeta eta theta iota kappa => beta gamma delta epsilon zeta eta theta iota kappa | Paraphrase: => alpha";
        // --- 500xCompressor Table 1 style (reciprocity sheaves / Kato complexes)
        QTest::newRow("table 1") << QString::fromStdString(kTable1Ref) << QString::fromStdString(kTable1Hyp)
                                 << "Equal: We show that reciprocity sheaves => We show that reciprocity sheaves"
                                    " | InformationLoss: over a perfect field =>"
                                    " | Paraphrase: give => gives"
                                    " | Equal: rise to Kato complexes and prove a => rise to Kato complexes and prove a"
                                    " | Hallucination: => famous"
                                    " | Equal: conjecture of Kato on the => conjecture of Kato on the"
                                    " | Mistake: cohomology => homology"
                                    " | Equal: of => of"
                                    " | Paraphrase: smooth and proper => proper and smooth"
                                    " | Equal: schemes over finite fields. => schemes over finite fields.";
        // --- non-ASCII
        QTest::newRow("utf8: mistake") << "Der Satz über étale Kohomologie ist schön" << "Der Satz über étale Homologie ist schön"
                                       << "Equal: Der Satz über étale => Der Satz über étale | Mistake: Kohomologie => Homologie | Equal: ist schön => ist schön";
        QTest::newRow("utf8: case paraphrase") << "Étale cohomology" << "étale cohomology"
                                               << "Paraphrase: Étale => étale | Equal: cohomology => cohomology";
        QTest::newRow("utf8: cjk") << "东京 是 日本 的 首都" << "东京 是 首都"
                                   << "Equal: 东京 是 => 东京 是 | InformationLoss: 日本 的 => | Equal: 首都 => 首都";
        // --- empty texts
        QTest::newRow("empty both") << "" << "" << "";
        QTest::newRow("whitespace only") << "  \n" << "\t" << "";
        QTest::newRow("empty reference") << "" << "some text" << "Hallucination: => some text";
        QTest::newRow("empty hypothesis") << "some text" << "" << "InformationLoss: some text =>";
        QTest::newRow("no overlap") << "alpha beta" << "gamma delta" << "Mistake: alpha beta => gamma delta";
    }

    void categories() {
        QFETCH(QString, reference);
        QFETCH(QString, hypothesis);
        QFETCH(QString, expected);
        const std::string ref = reference.toStdString(), hyp = hypothesis.toStdString();
        const Alignment al = align_texts(ref, hyp);
        QCOMPARE(render(ref, hyp, al), canonical(expected));
        check_invariants(ref, hyp, al);
    }

    // The Table 1 style pair with exact byte offsets, counts and shares.
    void table1Offsets() {
        const std::string& ref = kTable1Ref;
        const std::string& hyp = kTable1Hyp;
        const Alignment al = align_texts(ref, hyp);
        QCOMPARE(al.spans.size(), std::size_t(10));

        auto expect = [&](std::size_t k, ErrorType type, std::size_t rb, std::size_t re, std::size_t hb, std::size_t he) {
            const AlignedSpan& s = al.spans[k];
            QCOMPARE(QString::fromLatin1(error_type_name(s.type)), QString::fromLatin1(error_type_name(type)));
            QCOMPARE(s.ref_begin, rb);
            QCOMPARE(s.ref_end, re);
            QCOMPARE(s.hyp_begin, hb);
            QCOMPARE(s.hyp_end, he);
        };
        const std::size_t sheaves_end_h = hyp.find("sheaves") + 7;
        const std::size_t loss = ref.find("over a perfect field");
        expect(1, ErrorType::InformationLoss, loss, loss + 20, sheaves_end_h, sheaves_end_h);
        expect(2, ErrorType::Paraphrase, ref.find("give"), ref.find("give") + 4, hyp.find("gives"), hyp.find("gives") + 5);
        const std::size_t a_end_r = ref.find("a conjecture") + 1;
        expect(4, ErrorType::Hallucination, a_end_r, a_end_r, hyp.find("famous"), hyp.find("famous") + 6);
        expect(6, ErrorType::Mistake, ref.find("cohomology"), ref.find("cohomology") + 10, hyp.find("homology"),
               hyp.find("homology") + 8);
        expect(8, ErrorType::Paraphrase, ref.find("smooth and proper"), ref.find("smooth and proper") + 17,
               hyp.find("proper and smooth"), hyp.find("proper and smooth") + 17);
        expect(9, ErrorType::Equal, ref.find("schemes"), ref.size(), hyp.find("schemes"), hyp.size());

        // counts: Equal 5, Mistake 1, InformationLoss 1, Hallucination 1, Paraphrase 2
        QCOMPARE(al.counts, (std::array<int, 5>{5, 1, 1, 1, 2}));
        // 31 reference words: 22 equal, 1 mistaken (cohomology), 4 lost (over a perfect field),
        // 4 paraphrased (give; smooth and proper). 28 hypothesis words, 1 hallucinated (famous).
        QCOMPARE(whitespace_words(ref).size(), std::size_t(31));
        QCOMPARE(whitespace_words(hyp).size(), std::size_t(28));
        QCOMPARE(al.word_share[int(ErrorType::Equal)], 22.0 / 31.0);
        QCOMPARE(al.word_share[int(ErrorType::Mistake)], 1.0 / 31.0);
        QCOMPARE(al.word_share[int(ErrorType::InformationLoss)], 4.0 / 31.0);
        QCOMPARE(al.word_share[int(ErrorType::Paraphrase)], 4.0 / 31.0);
        QCOMPARE(al.word_share[int(ErrorType::Hallucination)], 1.0 / 28.0);
    }

    // Byte offsets past multi-byte characters, and empty ranges after them.
    void utf8Offsets() {
        const std::string ref = "naïve Straße → 東京 ok";
        const std::string hyp = "naïve Strasse → ok";
        const Alignment al = align_texts(ref, hyp);
        check_invariants(ref, hyp, al);
        // naïve = 6 bytes, "Straße" = 7 bytes at 7, "→" = 3 bytes at 15, "東京" = 6 bytes at 19.
        QCOMPARE(al.spans.size(), std::size_t(5));
        QCOMPARE(int(al.spans[1].type), int(ErrorType::Mistake));
        QCOMPARE(al.spans[1].ref_begin, std::size_t(7));
        QCOMPARE(al.spans[1].ref_end, std::size_t(14));
        QCOMPARE(al.spans[1].hyp_begin, std::size_t(7));
        QCOMPARE(al.spans[1].hyp_end, std::size_t(14));  // "Strasse" is 7 bytes too
        QCOMPARE(int(al.spans[2].type), int(ErrorType::Equal));  // "→"
        QCOMPARE(al.spans[2].ref_begin, std::size_t(15));
        QCOMPARE(al.spans[2].ref_end, std::size_t(18));
        QCOMPARE(int(al.spans[3].type), int(ErrorType::InformationLoss));  // 東京
        QCOMPARE(al.spans[3].ref_begin, std::size_t(19));
        QCOMPARE(al.spans[3].ref_end, std::size_t(25));
        QCOMPARE(al.spans[3].hyp_begin, std::size_t(18));  // right after "→" in the hypothesis
        QCOMPARE(al.spans[3].hyp_end, std::size_t(18));
    }

    void emptyTexts() {
        Alignment al = align_texts("", "");
        QVERIFY(al.spans.empty());
        QCOMPARE(al.counts, (std::array<int, 5>{0, 0, 0, 0, 0}));
        QCOMPARE(al.word_share, (std::array<double, 5>{0, 0, 0, 0, 0}));

        al = align_texts("", "  two words ");
        QCOMPARE(al.spans.size(), std::size_t(1));
        QCOMPARE(al.spans[0].ref_begin, std::size_t(0));
        QCOMPARE(al.spans[0].ref_end, std::size_t(0));
        QCOMPARE(al.spans[0].hyp_begin, std::size_t(2));
        QCOMPARE(al.spans[0].hyp_end, std::size_t(11));
        QCOMPARE(al.word_share[int(ErrorType::Hallucination)], 1.0);
        QCOMPARE(al.word_share[int(ErrorType::Equal)], 0.0);

        al = align_texts("two words", "");
        QCOMPARE(al.spans.size(), std::size_t(1));
        QCOMPARE(int(al.spans[0].type), int(ErrorType::InformationLoss));
        QCOMPARE(al.spans[0].hyp_begin, std::size_t(0));
        QCOMPARE(al.word_share[int(ErrorType::InformationLoss)], 1.0);
    }

    // Random noisy regenerations: the structural invariants always hold.
    void fuzzInvariants() {
        std::mt19937 rng(12345);
        const std::vector<std::string> vocab = {"the", "a", "of", "Kato", "kato", "sheaves", "sheaf", "proves",
                                                "proved", "cohomology", "étale", "东京", ",", "—", "fields.",
                                                "fields", "and", "smooth", "proper", "show", "demonstrate"};
        auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
        for (int round = 0; round < 300; ++round) {
            std::vector<std::string> ref;
            const std::size_t n = pick(40);
            for (std::size_t k = 0; k < n; ++k) ref.push_back(vocab[pick(vocab.size())]);
            std::vector<std::string> hyp;
            for (const auto& w : ref) {
                const std::size_t r = pick(100);
                if (r < 10) continue;
                hyp.push_back(r < 20 ? vocab[pick(vocab.size())] : w);
                if (r > 94) hyp.push_back(vocab[pick(vocab.size())]);
            }
            if (hyp.size() > 4 && round % 2) std::rotate(hyp.begin(), hyp.begin() + pick(hyp.size()), hyp.end());
            std::string rs, hs;
            for (const auto& w : ref) rs += w + (pick(5) ? " " : "\n ");
            for (const auto& w : hyp) hs += w + " ";
            const Alignment al = align_texts(rs, hs);
            check_invariants(rs, hs, al);
            if (QTest::currentTestFailed()) {
                qWarning("ref: %s\nhyp: %s\n%s", rs.c_str(), hs.c_str(), qPrintable(render(rs, hs, al)));
                return;
            }
        }
    }

    // ~600-word texts (the regeneration length in both papers) align quickly.
    void longTexts() {
        std::mt19937 rng(7);
        std::string ref, hyp;
        for (int k = 0; k < 600; ++k) {
            const std::string w = "w" + std::to_string(rng() % 300);
            ref += w + " ";
            if (rng() % 10) hyp += w + " ";
            else hyp += "x" + std::to_string(rng() % 300) + " ";
        }
        QElapsedTimer t;
        t.start();
        const Alignment al = align_texts(ref, hyp);
        check_invariants(ref, hyp, al);
        QVERIFY(al.word_share[int(ErrorType::Equal)] > 0.8);
        QVERIFY2(t.elapsed() < 5000, "alignment of 600 words too slow");
    }
};

QTEST_APPLESS_MAIN(TestAlignment)
#include "tst_alignment.moc"
