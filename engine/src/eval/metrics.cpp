// metrics.cpp — BLEU (NLTK 3.8 sentence_bleu + method1), ROUGE-L (rouge-score), exact match,
// prefix exact match, SQuAD v1.1 F1/EM. See xcomp/eval/metrics.h and docs/METRICS.md.
#include "xcomp/eval/metrics.h"

#include "xcomp/error.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "xcomp/io/utf8.h"

namespace xcomp {
namespace {

constexpr char32_t kInvalid = kInvalidCodePoint;  // an undecodable byte (xcomp/io/utf8.h)

// Lower-case of one code point (see lower_utf8); U+0130 maps to 'i' (Python adds U+0307).
char32_t lower_cp(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0xC0) return c;
    if (c <= 0xDE) return c == 0xD7 ? c : c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        if ((c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
            return (c % 2 == 0) ? c + 1 : c;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
            return (c % 2 == 1) ? c + 1 : c;
        return c;
    }
    if (c >= 0x386 && c <= 0x3AB) {
        if (c == 0x386) return 0x3AC;
        if (c >= 0x388 && c <= 0x38A) return c + 37;
        if (c == 0x38C) return 0x3CC;
        if (c == 0x38E || c == 0x38F) return c + 63;
        if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
        return c;
    }
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c == 0x212A) return 'k';    // KELVIN SIGN
    if (c == 0x212B) return 0xE5;   // ANGSTROM SIGN
    return c;
}

// Python's \w for a code point (str.isalnum() or '_'), approximated outside ASCII: letters and
// digits of all scripts count as word characters; Latin-1 symbols, combining diacritics, general
// punctuation, currency, arrows/math/box drawing, CJK punctuation, full-width punctuation and
// emoji do not.
bool is_word_cp(char32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (c == kInvalid) return false;
    if (c < 0xC0) {
        return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA ||
               c == 0xBC || c == 0xBD || c == 0xBE;
    }
    if (c == 0xD7 || c == 0xF7) return false;
    if (is_python_space(c)) return false;
    if (c >= 0x2C2 && c <= 0x2FF && !(c >= 0x2E0 && c <= 0x2E4) && c != 0x2EC && c != 0x2EE)
        return false;
    if (c >= 0x300 && c <= 0x36F) return false;
    if (c >= 0x2000 && c <= 0x206F) return false;
    if (c >= 0x20A0 && c <= 0x20FF) return false;
    if (c >= 0x2190 && c <= 0x2BFF) return false;
    if (c >= 0x3000 && c <= 0x303F) return c == 0x3005 || c == 0x3006 || c == 0x3007 ||
                                            (c >= 0x3021 && c <= 0x3029) ||
                                            (c >= 0x3031 && c <= 0x3035) ||
                                            (c >= 0x3038 && c <= 0x303C);
    if (c >= 0xFE30 && c <= 0xFE4F) return false;
    if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
        (c >= 0xFF3B && c <= 0xFF40 && c != 0xFF3F) || (c >= 0xFF5B && c <= 0xFF65))
        return false;
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;
    return true;
}

bool is_ascii_punct(char32_t c) {
    return c < 0x80 && ((c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
                        (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E));
}

// math.fsum of CPython (Shewchuk's exact partials, correctly rounded result).
double python_fsum(const std::vector<double>& values) {
    std::vector<double> partials;
    for (double x : values) {
        std::size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        partials.push_back(x);
    }
    double hi = 0.0;
    std::size_t n = partials.size();
    if (n > 0) {
        double lo = 0.0;
        hi = partials[--n];
        while (n > 0) {
            const double x = hi;
            const double y = partials[--n];
            hi = x + y;
            const double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            const double y = lo * 2.0;
            const double x = hi + y;
            const double yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return hi;
}

std::unordered_map<std::string, int> ngram_counts(const std::vector<std::string>& words, std::size_t n) {
    std::unordered_map<std::string, int> counts;
    if (words.size() < n) return counts;
    for (std::size_t i = 0; i + n <= words.size(); ++i) {
        std::string key = words[i];
        for (std::size_t k = 1; k < n; ++k) {
            key += ' ';  // cannot occur inside a str.split() word
            key += words[i + k];
        }
        ++counts[key];
    }
    return counts;
}

std::size_t lcs_length(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

bool is_python_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

std::vector<WordRange> whitespace_word_ranges(const std::string& text) {
    std::vector<WordRange> out;
    std::size_t pos = 0;
    bool in_word = false;
    std::size_t start = 0;
    while (pos < text.size()) {
        std::size_t len = 1;
        const char32_t cp = utf8_decode_at(text, pos, &len);
        const bool space = cp != kInvalid && is_python_space(cp);
        if (space && in_word) {
            out.push_back({start, pos});
            in_word = false;
        } else if (!space && !in_word) {
            start = pos;
            in_word = true;
        }
        pos += len;
    }
    if (in_word) out.push_back({start, text.size()});
    return out;
}

std::vector<std::string> whitespace_words(const std::string& text) {
    std::vector<std::string> out;
    for (const WordRange& r : whitespace_word_ranges(text)) out.push_back(text.substr(r.begin, r.end - r.begin));
    return out;
}

std::string strip_whitespace(const std::string& text) {
    const auto ranges = whitespace_word_ranges(text);
    if (ranges.empty()) return {};
    return text.substr(ranges.front().begin, ranges.back().end - ranges.front().begin);
}

std::string lower_utf8(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t len = 1;
        const char32_t cp = utf8_decode_at(text, pos, &len);
        if (cp == kInvalid) {
            out += text[pos];
        } else if (cp == 0x130) {
            out += 'i';
            utf8_append(out, 0x307);  // Python: 'İ'.lower() == 'i̇'
        } else {
            utf8_append(out, lower_cp(cp));
        }
        pos += len;
    }
    return out;
}

// ---- BLEU -------------------------------------------------------------------------------------

double bleu(const std::string& reference, const std::string& hypothesis) {
    const std::vector<std::string> ref = whitespace_words(reference);
    const std::vector<std::string> hyp = whitespace_words(hypothesis);
    constexpr std::size_t kMaxN = 4;

    // modified_precision(): Fraction(numerator, denominator, _normalize=False).
    std::int64_t numerators[kMaxN] = {};
    std::int64_t denominators[kMaxN] = {};
    for (std::size_t n = 1; n <= kMaxN; ++n) {
        const auto hyp_counts = ngram_counts(hyp, n);
        const auto ref_counts = ngram_counts(ref, n);
        std::int64_t clipped = 0, total = 0;
        for (const auto& [gram, count] : hyp_counts) {
            total += count;
            const auto it = ref_counts.find(gram);
            if (it != ref_counts.end()) clipped += std::min(count, it->second);
        }
        numerators[n - 1] = clipped;
        denominators[n - 1] = std::max<std::int64_t>(1, total);
    }

    // corpus_bleu(): no unigram match at all -> 0 (before any smoothing).
    if (numerators[0] == 0) return 0.0;

    // brevity_penalty(closest_ref_len, hyp_len); hyp_len > 0 here.
    const auto hyp_len = static_cast<std::int64_t>(hyp.size());
    const auto ref_len = static_cast<std::int64_t>(ref.size());
    const double bp = hyp_len > ref_len
                          ? 1.0
                          : std::exp(1.0 - static_cast<double>(ref_len) / static_cast<double>(hyp_len));

    // SmoothingFunction(epsilon=0.1).method1: (p.numerator + 0.1) / p.denominator when numerator
    // is 0, the Fraction itself otherwise; math.log(Fraction) converts with float(Fraction), the
    // correctly rounded int/int quotient.
    std::vector<double> terms;
    for (std::size_t n = 0; n < kMaxN; ++n) {
        const double p = numerators[n] == 0
                             ? (0.0 + 0.1) / static_cast<double>(denominators[n])
                             : static_cast<double>(numerators[n]) / static_cast<double>(denominators[n]);
        if (p > 0.0) terms.push_back(0.25 * std::log(p));
    }
    return bp * std::exp(python_fsum(terms));
}

// ---- ROUGE-L ----------------------------------------------------------------------------------

std::vector<std::string> rouge_tokenize(const std::string& text) {
    // text.lower(); re.sub(r"[^a-z0-9]+", " "); re.split(r"\s+"); keep tokens matching ^[a-z0-9]+$.
    // Only code points whose Python lower-case is ASCII survive: A-Z, a-z, 0-9, U+212A (-> k),
    // U+0130 (-> i + U+0307, the combining dot becoming a separator).
    std::vector<std::string> tokens;
    std::string current;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t len = 1;
        char32_t cp = utf8_decode_at(text, pos, &len);
        pos += len;
        if (cp == 0x130) {
            current += 'i';
            cp = 0x307;
        } else if (cp != kInvalid) {
            cp = lower_cp(cp);
        }
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            current += static_cast<char>(cp);
        } else if (!current.empty()) {
            tokens.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

RougeScore rouge_l(const std::string& reference, const std::string& hypothesis, const RougeOptions& options) {
    const bool raw = options.tokenizer == RougeTokenizer::Whitespace;
    const auto target = raw ? whitespace_words(reference) : rouge_tokenize(reference);
    const auto prediction = raw ? whitespace_words(hypothesis) : rouge_tokenize(hypothesis);
    RougeScore s;
    if (target.empty() || prediction.empty()) return s;
    const auto lcs = static_cast<double>(lcs_length(target, prediction));
    s.precision = lcs / static_cast<double>(prediction.size());
    s.recall = lcs / static_cast<double>(target.size());
    s.f = s.precision + s.recall > 0.0 ? 2.0 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    return s;
}

double rouge_l_f(const std::string& reference, const std::string& hypothesis, const RougeOptions& options) {
    return rouge_l(reference, hypothesis, options).f;
}

// ---- exact match ------------------------------------------------------------------------------

double exact_match(const std::string& reference, const std::string& hypothesis) {
    return strip_whitespace(reference) == strip_whitespace(hypothesis) ? 1.0 : 0.0;
}

double prefix_exact_match(const std::string& reference, const std::string& hypothesis) {
    const auto ref = whitespace_words(reference);
    const auto hyp = whitespace_words(hypothesis);
    if (ref.empty()) return hyp.empty() ? 1.0 : 0.0;
    std::size_t k = 0;
    while (k < ref.size() && k < hyp.size() && ref[k] == hyp[k]) ++k;
    return static_cast<double>(k) / static_cast<double>(ref.size());
}

// ---- SQuAD v1.1 -------------------------------------------------------------------------------

std::string squad_normalize_answer(const std::string& text) {
    // lower -> remove_punc -> remove_articles -> white_space_fix
    std::vector<char32_t> cps;
    std::vector<std::string> bytes;  // original bytes of each code point (for invalid ones)
    const std::string lowered = lower_utf8(text);
    std::size_t pos = 0;
    while (pos < lowered.size()) {
        std::size_t len = 1;
        const char32_t cp = utf8_decode_at(lowered, pos, &len);
        if (!is_ascii_punct(cp)) {
            cps.push_back(cp);
            bytes.push_back(lowered.substr(pos, len));
        }
        pos += len;
    }
    // \b(a|an|the)\b: a whole run of word characters equal to an article becomes a space.
    std::string out_text;
    std::size_t i = 0;
    while (i < cps.size()) {
        if (!is_word_cp(cps[i])) {
            out_text += bytes[i++];
            continue;
        }
        std::size_t j = i;
        std::string run;
        while (j < cps.size() && is_word_cp(cps[j])) run += bytes[j++];
        out_text += (run == "a" || run == "an" || run == "the") ? std::string(" ") : run;
        i = j;
    }
    const auto words = whitespace_words(out_text);
    std::string joined;
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k) joined += ' ';
        joined += words[k];
    }
    return joined;
}

namespace {
double squad_f1_single(const std::string& prediction, const std::string& ground_truth) {
    const auto pred = whitespace_words(squad_normalize_answer(prediction));
    const auto truth = whitespace_words(squad_normalize_answer(ground_truth));
    std::unordered_map<std::string, int> truth_counts;
    for (const auto& t : truth) ++truth_counts[t];
    std::unordered_map<std::string, int> pred_counts;
    for (const auto& t : pred) ++pred_counts[t];
    std::int64_t same = 0;
    for (const auto& [tok, c] : pred_counts) {
        const auto it = truth_counts.find(tok);
        if (it != truth_counts.end()) same += std::min(c, it->second);
    }
    if (same == 0) return 0.0;
    const double precision = 1.0 * static_cast<double>(same) / static_cast<double>(pred.size());
    const double recall = 1.0 * static_cast<double>(same) / static_cast<double>(truth.size());
    return (2 * precision * recall) / (precision + recall);
}
}  // namespace

double squad_f1(const std::string& prediction, const std::vector<std::string>& references) {
    if (references.empty()) throw Error("squad_f1: no reference answers given");
    double best = 0.0;
    for (const auto& r : references) best = std::max(best, squad_f1_single(prediction, r));
    return best;
}

double squad_exact_match(const std::string& prediction, const std::vector<std::string>& references) {
    if (references.empty()) throw Error("squad_exact_match: no reference answers given");
    const std::string p = squad_normalize_answer(prediction);
    for (const auto& r : references) {
        if (squad_normalize_answer(r) == p) return 1.0;
    }
    return 0.0;
}

RegenerationScores score_regeneration(const std::string& reference, const std::string& hypothesis) {
    RegenerationScores s;
    s.bleu = bleu(reference, hypothesis);
    s.rouge_l_f = rouge_l_f(reference, hypothesis);
    s.exact_match = exact_match(reference, hypothesis);
    s.prefix_exact_match = prefix_exact_match(reference, hypothesis);
    return s;
}

}  // namespace xcomp
