// xcomp/eval/alignment.h — error-typed word alignment of an original text and its regeneration.
//
// Labels every differing span with the categories of the 500xCompressor paper's Table 1
// (arXiv 2408.03094): Mistake, InformationLoss, Hallucination, Paraphrase. Torch-free.
//
// Algorithm (docs/METRICS.md has examples):
//  1. Words are Python str.split() words (xcomp::whitespace_word_ranges) of both texts.
//  2. Each word gets match keys: its normalised form (lower-cased, punctuation removed), its
//     inflection bases (simple suffix rules -s, -es, -ies, -ed, -ied, -ing, -ly, -ily with e-drop
//     and doubled-consonant variants, bases of >= 3 letters; a few irregular forms such as
//     sheaves -> sheaf, is/are/was/were -> be) and synonym-group ids from a small built-in table.
//     Two words are "equal" when byte-identical and "similar" when they share a key.
//  3. A weighted LCS (dynamic programming, exact pair = 4, similar pair = 3) aligns the words.
//     Aligned identical words form Equal spans; aligned similar words form Paraphrase spans
//     (case, punctuation, inflection or synonym differences).
//  4. Moved words: unaligned reference blocks that reappear among the unaligned hypothesis words
//     (longest blocks first; a lone function word such as "the" only counts as moved inside a
//     reordering region found from content words). A move and the aligned words it crosses form
//     one Paraphrase span (a reordering) when the region holds nothing but aligned and moved words
//     and the crossed aligned words are at most max(3, moved reference words); otherwise the moved
//     block is reported as two Paraphrase spans: reference-only at its old place, hypothesis-only
//     at its new place.
//  5. The remaining unaligned words between two aligned words form a hunk:
//       reference words only               -> InformationLoss
//       hypothesis words only              -> Hallucination
//       only punctuation tokens, or the same letters split/joined differently ("well-known" vs
//       "well known")                      -> Paraphrase
//       both sides, m and n words          -> Mistake when max(m,n) <= 2*min(m,n); otherwise the
//                                             first min(m,n) words of each side are a Mistake and
//                                             the rest of the longer side is InformationLoss
//                                             (reference longer) or Hallucination (hypothesis longer).
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace xcomp {

enum class ErrorType { Equal = 0, Mistake, InformationLoss, Hallucination, Paraphrase };
constexpr std::size_t kErrorTypeCount = 5;

// "Equal", "Mistake", "InformationLoss", "Hallucination", "Paraphrase".
const char* error_type_name(ErrorType type);

// One span: UTF-8 byte ranges [ref_begin, ref_end) in the reference and [hyp_begin, hyp_end) in the
// hypothesis. Ranges run from the first byte of the span's first word to the last byte of its last
// word (whitespace between spans belongs to none). An InformationLoss span has an empty hypothesis
// range and a Hallucination span an empty reference range; an empty range sits at the end of the
// preceding word on that side (0 when there is none), i.e. where the missing text would go.
struct AlignedSpan {
    ErrorType type = ErrorType::Equal;
    std::size_t ref_begin = 0, ref_end = 0;
    std::size_t hyp_begin = 0, hyp_end = 0;
};

struct Alignment {
    // Covers every word of both texts exactly once, in order (ref_begin and hyp_begin never
    // decrease), including the Equal spans.
    std::vector<AlignedSpan> spans;
    // Number of spans of each type, indexed by static_cast<int>(ErrorType).
    std::array<int, kErrorTypeCount> counts{};
    // Share of reference words inside spans of each type (Equal, Mistake, InformationLoss,
    // Paraphrase; these sum to 1 when the reference has words) and, for Hallucination, the share of
    // hypothesis words inside Hallucination spans. 0 where the denominator has no words.
    std::array<double, kErrorTypeCount> word_share{};
};

// Aligns `reference` (the original text) with `hypothesis` (the regeneration). Never throws for
// text content; invalid UTF-8 bytes are treated as letters. Cost O(|ref| * |hyp|) words in time
// and memory after stripping the common prefix and suffix (fine for a few thousand words).
Alignment align_texts(const std::string& reference, const std::string& hypothesis);

}  // namespace xcomp
