// alignment.cpp — error-typed word alignment (500xCompressor Table 1 categories).
// The rules are documented in xcomp/eval/alignment.h and docs/METRICS.md.
#include "xcomp/eval/alignment.h"

#include "xcomp/io/utf8.h"

#include "xcomp/eval/metrics.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace xcomp {

const char* error_type_name(ErrorType type) {
    switch (type) {
        case ErrorType::Equal: return "Equal";
        case ErrorType::Mistake: return "Mistake";
        case ErrorType::InformationLoss: return "InformationLoss";
        case ErrorType::Hallucination: return "Hallucination";
        case ErrorType::Paraphrase: return "Paraphrase";
    }
    return "Unknown";
}

namespace {

// ---- word normalisation -----------------------------------------------------------------------

// Punctuation and symbols removed by the normalisation (letters, digits, other scripts and emoji
// are kept): ASCII punctuation, Latin-1 punctuation/symbols, general punctuation, currency
// symbols, CJK punctuation, full-width ASCII punctuation.
bool is_punct_cp(char32_t c) {
    if (c < 0x80) {
        return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
               (c >= 0x7B && c <= 0x7E);
    }
    if (c >= 0xA1 && c <= 0xBF) {
        return !(c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 || c == 0xB9 || c == 0xBA ||
                 c == 0xBC || c == 0xBD || c == 0xBE);
    }
    if (c == 0xD7 || c == 0xF7) return true;
    if (c >= 0x2010 && c <= 0x205E) return true;
    if (c >= 0x20A0 && c <= 0x20CF) return true;
    if (c >= 0x3001 && c <= 0x3003) return true;
    if (c >= 0x3008 && c <= 0x3011) return true;
    if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
        (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65))
        return true;
    return false;
}

// Lower-cased (xcomp::lower_utf8), punctuation removed.
std::string normalise_word(const std::string& word) {
    const std::string lowered = lower_utf8(word);
    std::string out;
    std::size_t pos = 0;
    while (pos < lowered.size()) {
        std::size_t len = 1;
        const char32_t cp = utf8_decode_at(lowered, pos, &len);  // an ill-formed byte is kept as it is
        if (!is_punct_cp(cp)) out.append(lowered, pos, len);
        pos += len;
    }
    return out;
}

const std::unordered_map<std::string, std::string>& irregular_forms() {
    static const std::unordered_map<std::string, std::string> table = {
        {"sheaves", "sheaf"}, {"leaves", "leaf"}, {"halves", "half"}, {"lives", "life"},
        {"wives", "wife"}, {"knives", "knife"}, {"children", "child"}, {"men", "man"},
        {"women", "woman"}, {"people", "person"}, {"mice", "mouse"}, {"feet", "foot"},
        {"teeth", "tooth"}, {"criteria", "criterion"}, {"phenomena", "phenomenon"},
        {"analyses", "analysis"}, {"theses", "thesis"}, {"hypotheses", "hypothesis"},
        {"matrices", "matrix"}, {"indices", "index"}, {"vertices", "vertex"},
        {"is", "be"}, {"are", "be"}, {"was", "be"}, {"were", "be"}, {"been", "be"},
        {"being", "be"}, {"am", "be"}, {"has", "have"}, {"had", "have"}, {"having", "have"},
        {"does", "do"}, {"did", "do"}, {"done", "do"}, {"went", "go"}, {"gone", "go"},
        {"goes", "go"}, {"made", "make"}, {"gave", "give"}, {"given", "give"},
        {"took", "take"}, {"taken", "take"}, {"shown", "show"}, {"proven", "prove"},
        {"wrote", "write"}, {"written", "write"}, {"said", "say"}, {"found", "find"},
        {"thought", "think"}, {"brought", "bring"}, {"saw", "see"}, {"seen", "see"},
        {"knew", "know"}, {"known", "know"}, {"got", "get"}, {"gotten", "get"},
        {"began", "begin"}, {"begun", "begin"}, {"ran", "run"}, {"held", "hold"},
        {"led", "lead"}, {"kept", "keep"}, {"meant", "mean"}, {"told", "tell"},
        {"became", "become"}, {"came", "come"},
    };
    return table;
}

// Small synonym table: words of one group are Paraphrase of each other (compared on the
// inflection bases, so "demonstrated" ~ "shows"). Documented in docs/METRICS.md.
const std::unordered_map<std::string, int>& synonym_groups() {
    static const std::unordered_map<std::string, int> table = [] {
        const std::vector<std::vector<const char*>> groups = {
            {"show", "demonstrate"}, {"prove", "establish"}, {"big", "large", "huge"},
            {"small", "little", "tiny"}, {"begin", "start", "commence"}, {"end", "finish"},
            {"use", "utilize", "utilise", "employ"}, {"help", "assist"}, {"buy", "purchase"},
            {"fast", "quick", "rapid"}, {"often", "frequently"},
            {"about", "approximately", "roughly"}, {"method", "approach", "technique"},
            {"result", "outcome"}, {"answer", "reply", "response"}, {"need", "require"},
            {"get", "obtain"}, {"many", "numerous"}, {"whole", "entire"},
            {"main", "primary", "principal"}, {"also", "additionally"}, {"but", "however"},
            {"zero", "0"}, {"one", "1"}, {"two", "2"}, {"three", "3"}, {"four", "4"},
            {"five", "5"}, {"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"},
            {"ten", "10"},
        };
        std::unordered_map<std::string, int> t;
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (const char* w : groups[g]) t.emplace(w, static_cast<int>(g));
        return t;
    }();
    return table;
}

const std::unordered_set<std::string>& function_words() {
    static const std::unordered_set<std::string> words = {
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from",
        "as", "is", "are", "was", "were", "be", "been", "it", "its", "that", "this", "these",
        "those", "which", "who", "we", "they", "he", "she", "i", "you", "not", "no", "but", "if",
        "then", "than", "so", "can", "may", "will", "would", "there", "their", "our", "his", "her",
    };
    return words;
}

bool has_vowel(const std::string& s) {
    return s.find_first_of("aeiouy") != std::string::npos;
}

bool ends_with(const std::string& s, const char* suffix) {
    const std::size_t n = std::char_traits<char>::length(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool doubled_consonant(const std::string& s) {
    if (s.size() < 2) return false;
    const char a = s[s.size() - 1];
    return a == s[s.size() - 2] && a >= 'a' && a <= 'z' && std::string("aeiouylsz").find(a) == std::string::npos;
}

// The word itself plus the bases the suffix rules can strip it to (see alignment.h).
std::vector<std::string> inflection_bases(const std::string& w) {
    std::vector<std::string> out{w};
    auto push = [&out](const std::string& b) {
        if (b.size() >= 3 && has_vowel(b)) out.push_back(b);
    };
    const auto& irregular = irregular_forms();
    if (auto it = irregular.find(w); it != irregular.end()) out.push_back(it->second);
    const std::size_t n = w.size();
    if (ends_with(w, "ies") && n >= 5) push(w.substr(0, n - 3) + "y");
    if (ends_with(w, "es") && n >= 5) push(w.substr(0, n - 2));
    if (ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is") && n >= 4)
        push(w.substr(0, n - 1));
    if (ends_with(w, "ied") && n >= 5) push(w.substr(0, n - 3) + "y");
    if (ends_with(w, "ed") && n >= 5) {
        const std::string b = w.substr(0, n - 2);
        push(b);
        push(w.substr(0, n - 1));
        if (doubled_consonant(b)) push(b.substr(0, b.size() - 1));
    }
    if (ends_with(w, "ing") && n >= 6) {
        const std::string b = w.substr(0, n - 3);
        push(b);
        push(b + "e");
        if (doubled_consonant(b)) push(b.substr(0, b.size() - 1));
    }
    if (ends_with(w, "ily") && n >= 6) push(w.substr(0, n - 3) + "y");
    if (ends_with(w, "ly") && n >= 6) push(w.substr(0, n - 2));
    return out;
}

struct Token {
    std::size_t begin = 0, end = 0;  // bytes
    std::string raw;
    std::string norm;                // lower-cased, punctuation removed ("" for punctuation)
    std::vector<int> keys;           // sorted interned match keys
    bool punct = false;              // no letters/digits at all
    bool function_word = false;
};

class KeyInterner {
public:
    int id(const std::string& key) {
        auto [it, inserted] = ids_.emplace(key, static_cast<int>(ids_.size()));
        return it->second;
    }

private:
    std::unordered_map<std::string, int> ids_;
};

std::vector<Token> make_tokens(const std::string& text, KeyInterner& interner) {
    std::vector<Token> tokens;
    const auto& synonyms = synonym_groups();
    const auto& fw = function_words();
    for (const WordRange& r : whitespace_word_ranges(text)) {
        Token t;
        t.begin = r.begin;
        t.end = r.end;
        t.raw = text.substr(r.begin, r.end - r.begin);
        t.norm = normalise_word(t.raw);
        t.punct = t.norm.empty();
        t.function_word = t.punct || fw.count(t.norm) > 0;
        if (t.punct) {
            t.keys.push_back(interner.id(std::string("\x01punct")));
        } else {
            for (const std::string& b : inflection_bases(t.norm)) {
                t.keys.push_back(interner.id(b));
                if (auto it = synonyms.find(b); it != synonyms.end())
                    t.keys.push_back(interner.id("\x02syn" + std::to_string(it->second)));
            }
        }
        std::sort(t.keys.begin(), t.keys.end());
        t.keys.erase(std::unique(t.keys.begin(), t.keys.end()), t.keys.end());
        tokens.push_back(std::move(t));
    }
    return tokens;
}

bool similar(const Token& a, const Token& b) {
    auto i = a.keys.begin();
    auto j = b.keys.begin();
    while (i != a.keys.end() && j != b.keys.end()) {
        if (*i == *j) return true;
        if (*i < *j) ++i; else ++j;
    }
    return false;
}

// ---- alignment --------------------------------------------------------------------------------

struct Anchor {
    std::size_t r, h;
    bool exact;
};

constexpr int kExactWeight = 4;
constexpr int kSimilarWeight = 3;

int pair_weight(const Token& a, const Token& b) {
    if (a.raw == b.raw) return kExactWeight;
    return similar(a, b) ? kSimilarWeight : 0;
}

std::vector<Anchor> align_words(const std::vector<Token>& ref, const std::vector<Token>& hyp) {
    const std::size_t nr = ref.size(), nh = hyp.size();
    std::size_t pre = 0;
    while (pre < nr && pre < nh && ref[pre].raw == hyp[pre].raw) ++pre;
    std::size_t suf = 0;
    while (suf < nr - pre && suf < nh - pre && ref[nr - 1 - suf].raw == hyp[nh - 1 - suf].raw) ++suf;

    std::vector<Anchor> anchors;
    for (std::size_t k = 0; k < pre; ++k) anchors.push_back({k, k, true});

    const std::size_t n = nr - pre - suf, m = nh - pre - suf;
    if (n > 0 && m > 0) {
        // D[i][j]: best weight aligning ref[pre+i..] with hyp[pre+j..] (suffix DP, forward backtrack).
        std::vector<std::int32_t> D((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::int32_t& { return D[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                std::int32_t best = std::max(at(i + 1, j), at(i, j + 1));
                const int w = pair_weight(ref[pre + i], hyp[pre + j]);
                if (w > 0) best = std::max(best, w + at(i + 1, j + 1));
                at(i, j) = best;
            }
        }
        std::size_t i = 0, j = 0;
        while (i < n && j < m) {
            const int w = pair_weight(ref[pre + i], hyp[pre + j]);
            if (w > 0 && at(i, j) == w + at(i + 1, j + 1)) {
                anchors.push_back({pre + i, pre + j, w == kExactWeight});
                ++i;
                ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                ++i;
            } else {
                ++j;
            }
        }
    }
    for (std::size_t k = suf; k-- > 0;) anchors.push_back({nr - 1 - k, nh - 1 - k, true});
    return anchors;
}

struct Move {
    std::size_t r0, r1, h0, h1;  // token ranges
    std::size_t gap_r, gap_h;
};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct State {
    const std::vector<Token>& ref;
    const std::vector<Token>& hyp;
    std::vector<Anchor> anchors;
    std::vector<std::size_t> gap_ref, gap_hyp;  // gap index of each unanchored token, kNone if anchored
    std::vector<char> moved_ref, moved_hyp;
    std::size_t gaps = 0;

    std::size_t ref_gap_begin(std::size_t g) const { return g == 0 ? 0 : anchors[g - 1].r + 1; }
    std::size_t ref_gap_end(std::size_t g) const { return g == anchors.size() ? ref.size() : anchors[g].r; }
    std::size_t hyp_gap_begin(std::size_t g) const { return g == 0 ? 0 : anchors[g - 1].h + 1; }
    std::size_t hyp_gap_end(std::size_t g) const { return g == anchors.size() ? hyp.size() : anchors[g].h; }
};

// Greedy longest-block move detection among free (unanchored, unmoved) tokens whose gaps lie in
// [glo, ghi]. With need_content, a block must contain a content (non-function) word.
std::vector<Move> find_moves(State& st, std::size_t glo, std::size_t ghi, bool need_content) {
    std::vector<Move> moves;
    for (;;) {
        std::vector<std::size_t> ur, uh;
        for (std::size_t i = 0; i < st.ref.size(); ++i)
            if (st.gap_ref[i] != kNone && !st.moved_ref[i] && st.gap_ref[i] >= glo && st.gap_ref[i] <= ghi)
                ur.push_back(i);
        for (std::size_t j = 0; j < st.hyp.size(); ++j)
            if (st.gap_hyp[j] != kNone && !st.moved_hyp[j] && st.gap_hyp[j] >= glo && st.gap_hyp[j] <= ghi)
                uh.push_back(j);
        if (ur.empty() || uh.empty()) break;
        std::vector<int> prev_len(uh.size(), 0), cur_len(uh.size(), 0);
        std::vector<int> prev_content(uh.size(), 0), cur_content(uh.size(), 0);
        int best = 0;
        std::size_t best_x = 0, best_y = 0;
        for (std::size_t x = 0; x < ur.size(); ++x) {
            for (std::size_t y = 0; y < uh.size(); ++y) {
                const Token& a = st.ref[ur[x]];
                const Token& b = st.hyp[uh[y]];
                if (!similar(a, b)) {
                    cur_len[y] = 0;
                    cur_content[y] = 0;
                    continue;
                }
                const bool extends = x > 0 && y > 0 && ur[x - 1] + 1 == ur[x] && uh[y - 1] + 1 == uh[y] &&
                                     prev_len[y - 1] > 0;
                cur_len[y] = extends ? prev_len[y - 1] + 1 : 1;
                cur_content[y] = (extends ? prev_content[y - 1] : 0) + (a.function_word ? 0 : 1);
                if (cur_len[y] > best && (!need_content || cur_content[y] > 0)) {
                    best = cur_len[y];
                    best_x = x;
                    best_y = y;
                }
            }
            std::swap(prev_len, cur_len);
            std::swap(prev_content, cur_content);
        }
        if (best == 0) break;
        const auto len = static_cast<std::size_t>(best);
        Move mv;
        mv.r1 = ur[best_x] + 1;
        mv.r0 = mv.r1 - len;
        mv.h1 = uh[best_y] + 1;
        mv.h0 = mv.h1 - len;
        mv.gap_r = st.gap_ref[mv.r0];
        mv.gap_h = st.gap_hyp[mv.h0];
        for (std::size_t i = mv.r0; i < mv.r1; ++i) st.moved_ref[i] = 1;
        for (std::size_t j = mv.h0; j < mv.h1; ++j) st.moved_hyp[j] = 1;
        moves.push_back(mv);
    }
    return moves;
}

struct RawSpan {
    ErrorType type;
    std::size_t r0, r1, h0, h1;  // token ranges; empty range positioned at index r0 / h0
    bool anchor;                 // from aligned words (merged with neighbouring anchor spans)
};

class Emitter {
public:
    std::vector<RawSpan> spans;

    void add(ErrorType type, std::size_t r0, std::size_t r1, std::size_t h0, std::size_t h1, bool anchor = false) {
        if (r0 == r1 && h0 == h1) return;
        if (anchor && !spans.empty()) {
            RawSpan& last = spans.back();
            if (last.anchor && last.type == type && last.r1 == r0 && last.h1 == h0) {
                last.r1 = r1;
                last.h1 = h1;
                return;
            }
        }
        spans.push_back({type, r0, r1, h0, h1, anchor});
    }
};

std::string concat_norm(const std::vector<Token>& toks, std::size_t a, std::size_t b) {
    std::string s;
    for (std::size_t k = a; k < b; ++k) s += toks[k].norm;
    return s;
}

// Unaligned, unmoved residue: ref [a,b), hyp [c,d).
void classify_residue(const State& st, Emitter& em, std::size_t a, std::size_t b, std::size_t c, std::size_t d) {
    const std::size_t m = b - a, n = d - c;
    if (m == 0 && n == 0) return;
    bool all_punct = true;
    for (std::size_t k = a; k < b; ++k) all_punct = all_punct && st.ref[k].punct;
    for (std::size_t k = c; k < d; ++k) all_punct = all_punct && st.hyp[k].punct;
    if (all_punct) {
        em.add(ErrorType::Paraphrase, a, b, c, d);
        return;
    }
    if (m > 0 && n > 0) {
        const std::string joined = concat_norm(st.ref, a, b);
        if (!joined.empty() && joined == concat_norm(st.hyp, c, d)) {
            em.add(ErrorType::Paraphrase, a, b, c, d);
            return;
        }
    }
    if (n == 0) {
        em.add(ErrorType::InformationLoss, a, b, c, c);
        return;
    }
    if (m == 0) {
        em.add(ErrorType::Hallucination, a, a, c, d);
        return;
    }
    const std::size_t k = std::min(m, n);
    if (std::max(m, n) <= 2 * k) {
        em.add(ErrorType::Mistake, a, b, c, d);
        return;
    }
    em.add(ErrorType::Mistake, a, a + k, c, c + k);
    if (m > n) em.add(ErrorType::InformationLoss, a + k, b, d, d);
    else em.add(ErrorType::Hallucination, b, b, c + k, d);
}

struct Run {
    bool moved;
    std::size_t begin, end;
};

std::vector<Run> runs_of(const std::vector<char>& moved, std::size_t a, std::size_t b) {
    std::vector<Run> runs;
    for (std::size_t k = a; k < b; ++k) {
        const bool mv = moved[k] != 0;
        if (!runs.empty() && runs.back().moved == mv && runs.back().end == k) {
            runs.back().end = k + 1;
        } else {
            runs.push_back({mv, k, k + 1});
        }
    }
    return runs;
}

void emit_gap(const State& st, Emitter& em, std::size_t g) {
    const std::size_t r0 = st.ref_gap_begin(g), r1 = st.ref_gap_end(g);
    const std::size_t h0 = st.hyp_gap_begin(g), h1 = st.hyp_gap_end(g);
    const auto rr = runs_of(st.moved_ref, r0, r1);
    const auto hr = runs_of(st.moved_hyp, h0, h1);
    std::size_t ri = 0, hi = 0;
    std::size_t rpos = r0, hpos = h0;  // next token on each side
    while (ri < rr.size() || hi < hr.size()) {
        if (ri < rr.size() && rr[ri].moved) {
            em.add(ErrorType::Paraphrase, rr[ri].begin, rr[ri].end, hpos, hpos);
            rpos = rr[ri++].end;
            continue;
        }
        if (hi < hr.size() && hr[hi].moved) {
            em.add(ErrorType::Paraphrase, rpos, rpos, hr[hi].begin, hr[hi].end);
            hpos = hr[hi++].end;
            continue;
        }
        std::size_t a = rpos, b = rpos, c = hpos, d = hpos;
        if (ri < rr.size()) {
            a = rr[ri].begin;
            b = rr[ri++].end;
        }
        if (hi < hr.size()) {
            c = hr[hi].begin;
            d = hr[hi++].end;
        }
        classify_residue(st, em, a, b, c, d);
        rpos = b;
        hpos = d;
    }
}

}  // namespace

Alignment align_texts(const std::string& reference, const std::string& hypothesis) {
    KeyInterner interner;
    const std::vector<Token> ref = make_tokens(reference, interner);
    const std::vector<Token> hyp = make_tokens(hypothesis, interner);

    State st{ref, hyp, align_words(ref, hyp), {}, {}, {}, {}, 0};
    st.gaps = st.anchors.size() + 1;
    st.gap_ref.assign(ref.size(), kNone);
    st.gap_hyp.assign(hyp.size(), kNone);
    st.moved_ref.assign(ref.size(), 0);
    st.moved_hyp.assign(hyp.size(), 0);
    for (std::size_t g = 0; g < st.gaps; ++g) {
        for (std::size_t i = st.ref_gap_begin(g); i < st.ref_gap_end(g); ++i) st.gap_ref[i] = g;
        for (std::size_t j = st.hyp_gap_begin(g); j < st.hyp_gap_end(g); ++j) st.gap_hyp[j] = g;
    }

    // Moves of blocks holding content words, anywhere in the texts.
    const std::vector<Move> moves = find_moves(st, 0, st.gaps - 1, true);

    // Reordering regions: unions of the gap intervals the moves span.
    std::vector<std::pair<std::size_t, std::size_t>> intervals;
    for (const Move& mv : moves) intervals.emplace_back(std::min(mv.gap_r, mv.gap_h), std::max(mv.gap_r, mv.gap_h));
    std::sort(intervals.begin(), intervals.end());
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    for (const auto& iv : intervals) {
        if (!groups.empty() && iv.first <= groups.back().second) {
            groups.back().second = std::max(groups.back().second, iv.second);
        } else {
            groups.push_back(iv);
        }
    }
    std::vector<std::size_t> merged_until(st.gaps, kNone);  // group start gap -> group end gap
    for (const auto& [lo, hi] : groups) {
        // Function words may move along inside the region.
        const std::vector<Move> extra = find_moves(st, lo, hi, false);
        bool explained = true;
        std::size_t moved_ref_words = 0;
        for (std::size_t g = lo; g <= hi && explained; ++g) {
            for (std::size_t i = st.ref_gap_begin(g); i < st.ref_gap_end(g); ++i) {
                explained = explained && st.moved_ref[i];
                moved_ref_words += st.moved_ref[i] ? 1 : 0;
            }
            for (std::size_t j = st.hyp_gap_begin(g); j < st.hyp_gap_end(g); ++j) explained = explained && st.moved_hyp[j];
        }
        const std::size_t crossed = hi - lo;
        if (explained && crossed <= std::max<std::size_t>(3, moved_ref_words)) {
            merged_until[lo] = hi;
        } else {
            for (const Move& mv : extra) {  // tentative function-word moves are undone
                for (std::size_t i = mv.r0; i < mv.r1; ++i) st.moved_ref[i] = 0;
                for (std::size_t j = mv.h0; j < mv.h1; ++j) st.moved_hyp[j] = 0;
            }
        }
    }

    Emitter em;
    auto emit_anchor = [&](std::size_t k) {
        const Anchor& an = st.anchors[k];
        em.add(an.exact ? ErrorType::Equal : ErrorType::Paraphrase, an.r, an.r + 1, an.h, an.h + 1, true);
    };
    for (std::size_t g = 0; g < st.gaps;) {
        if (merged_until[g] != kNone) {
            const std::size_t hi = merged_until[g];
            em.add(ErrorType::Paraphrase, st.ref_gap_begin(g), st.ref_gap_end(hi), st.hyp_gap_begin(g),
                   st.hyp_gap_end(hi));
            g = hi;
        } else {
            emit_gap(st, em, g);
        }
        if (g < st.anchors.size()) emit_anchor(g);
        ++g;
    }

    // Token ranges -> byte ranges; counts and word shares.
    Alignment out;
    auto bytes = [](const std::vector<Token>& toks, std::size_t a, std::size_t b, std::size_t& begin, std::size_t& end) {
        if (a < b) {
            begin = toks[a].begin;
            end = toks[b - 1].end;
        } else {
            begin = end = a > 0 ? toks[a - 1].end : 0;
        }
    };
    std::array<std::size_t, kErrorTypeCount> ref_words{}, hyp_words{};
    for (const RawSpan& s : em.spans) {
        AlignedSpan span;
        span.type = s.type;
        bytes(ref, s.r0, s.r1, span.ref_begin, span.ref_end);
        bytes(hyp, s.h0, s.h1, span.hyp_begin, span.hyp_end);
        out.spans.push_back(span);
        const auto t = static_cast<std::size_t>(s.type);
        ++out.counts[t];
        ref_words[t] += s.r1 - s.r0;
        hyp_words[t] += s.h1 - s.h0;
    }
    for (std::size_t t = 0; t < kErrorTypeCount; ++t) {
        const bool hall = t == static_cast<std::size_t>(ErrorType::Hallucination);
        const std::size_t total = hall ? hyp.size() : ref.size();
        const std::size_t words = hall ? hyp_words[t] : ref_words[t];
        out.word_share[t] = total > 0 ? static_cast<double>(words) / static_cast<double>(total) : 0.0;
    }
    return out;
}

}  // namespace xcomp
