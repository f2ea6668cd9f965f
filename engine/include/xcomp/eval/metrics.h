// xcomp/eval/metrics.h — regeneration and QA metrics, torch-free, matching the reference implementations
// both papers used (500xCompressor arXiv 2408.03094, Attention-Only Compressor arXiv 2501.06730).
// See docs/METRICS.md for the exact rules and the reference each metric follows.
//
// All texts are UTF-8. Invalid UTF-8 bytes never throw: each one is treated as a single non-space,
// non-letter character (they cannot occur in the Python references, whose inputs are `str`).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace xcomp {

// ---- word splitting shared by the metrics and the alignment -----------------------------------

// Byte range [begin, end) of one word in a UTF-8 text.
struct WordRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// True for exactly the code points Python's str.isspace() accepts (what str.split() splits on):
// U+0009..U+000D, U+001C..U+001F, U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000.
bool is_python_space(char32_t cp);

// Python `text.split()` (no argument): maximal runs of non-whitespace, as byte ranges / strings.
std::vector<WordRange> whitespace_word_ranges(const std::string& text);
std::vector<std::string> whitespace_words(const std::string& text);

// Python `text.strip()` (no argument): outer Unicode whitespace removed.
std::string strip_whitespace(const std::string& text);

// Simple Unicode lower-casing approximating Python's str.lower(): ASCII, Latin-1, Latin
// Extended-A, Greek and Cyrillic upper-case letters are mapped; everything else is kept.
std::string lower_utf8(const std::string& text);

// ---- BLEU -------------------------------------------------------------------------------------

// Sentence BLEU exactly as both papers compute it with NLTK 3.8:
//   nltk.translate.bleu_score.sentence_bleu([reference.split()], hypothesis.split(),
//       weights=(0.25, 0.25, 0.25, 0.25), smoothing_function=SmoothingFunction().method1)
// Behaviour reproduced (nltk/translate/bleu_score.py of NLTK 3.8):
//  - tokens are Python str.split() words (Unicode whitespace), compared byte-exactly (case matters);
//  - modified n-gram precision p_n = clipped matches / max(1, #hypothesis n-grams) kept as an
//    unnormalised Fraction, so for hypotheses shorter than n words p_n = 0/1;
//  - if there is no unigram match at all (incl. empty hypothesis or empty reference) BLEU = 0;
//  - method1 replaces each p_n with zero numerator by (0 + 0.1) / denominator (the unnormalised
//    denominator, i.e. 0.1/(len(hyp)-n+1), or 0.1 when the hypothesis has fewer than n words);
//  - BLEU = BP * exp(math.fsum(0.25 * log(p_n))), BP = 1 if len(hyp) > len(ref) else
//    exp(1 - len(ref)/len(hyp)) (closest reference length, a single reference here).
// Agrees with NLTK to the last bits (same libm log/exp, exact fsum); tested to 1e-9 against
// tests/fixtures/bleu_golden.json written by tools/make_bleu_golden.py.
double bleu(const std::string& reference, const std::string& hypothesis);

// ---- ROUGE-L ----------------------------------------------------------------------------------

enum class RougeTokenizer {
    // rouge_score.tokenizers.DefaultTokenizer(use_stemmer=False), the rouge-score default:
    // lower-case, replace every character outside [a-z0-9] by a space, split, drop empty tokens.
    RougeScore,
    // Raw Python str.split() words, case- and punctuation-sensitive.
    Whitespace,
};

struct RougeOptions {
    RougeTokenizer tokenizer = RougeTokenizer::RougeScore;
    // No stemming is offered: rouge-score's use_stemmer defaults to False and both papers report
    // the default scorer (rouge_scorer.RougeScorer(["rougeL"])).
};

struct RougeScore {
    double precision = 0.0;
    double recall = 0.0;
    double f = 0.0;
};

// Tokens as rouge-score's default tokenizer produces them (see RougeTokenizer::RougeScore).
std::vector<std::string> rouge_tokenize(const std::string& text);

// ROUGE-L as rouge_score.rouge_scorer._score_lcs: LCS length over tokens; P = lcs/|hyp|,
// R = lcs/|ref|, F = 2PR/(P+R) (0 when P+R == 0); all zero when either side has no tokens.
RougeScore rouge_l(const std::string& reference, const std::string& hypothesis,
                   const RougeOptions& options = {});
double rouge_l_f(const std::string& reference, const std::string& hypothesis,
                 const RougeOptions& options = {});

// ---- exact match ------------------------------------------------------------------------------

// Strict exact match: 1.0 when the texts are byte-identical after stripping outer Unicode
// whitespace (Python str.strip()), else 0.0. Case and inner whitespace matter.
double exact_match(const std::string& reference, const std::string& hypothesis);

// Prefix exact match (Attention-Only Compressor, arXiv 2501.06730): the share of reference words
// (str.split()) reproduced before the first mismatch, i.e. k / |ref| where k is the length of the
// common word prefix. Extra hypothesis words after a fully reproduced reference do not count
// against it. Both texts without words -> 1.0; reference without words but hypothesis with -> 0.0.
double prefix_exact_match(const std::string& reference, const std::string& hypothesis);

// ---- SQuAD v1.1 QA metrics --------------------------------------------------------------------

// SQuAD v1.1 evaluate-v1.1.py normalize_answer: lower-case, remove ASCII punctuation
// (string.punctuation), remove the articles a/an/the as whole words (regex \b(a|an|the)\b), and
// collapse whitespace to single spaces.
std::string squad_normalize_answer(const std::string& text);

// SQuAD v1.1 f1_score / exact_match_score, maximised over the reference answers
// (metric_max_over_ground_truths). F1 is the bag-of-tokens F1 of the normalised answers; it is 0
// when no token is shared (also when either normalised answer is empty, as in v1.1).
// Throws xcomp::Error when `references` is empty.
double squad_f1(const std::string& prediction, const std::vector<std::string>& references);
double squad_exact_match(const std::string& prediction,
                         const std::vector<std::string>& references);

// ---- all regeneration metrics at once ---------------------------------------------------------

struct RegenerationScores {
    double bleu = 0.0;                // bleu()
    double rouge_l_f = 0.0;           // rouge_l_f() with the rouge-score tokenizer
    double exact_match = 0.0;         // exact_match()
    double prefix_exact_match = 0.0;  // prefix_exact_match()
};

RegenerationScores score_regeneration(const std::string& reference, const std::string& hypothesis);

}  // namespace xcomp
