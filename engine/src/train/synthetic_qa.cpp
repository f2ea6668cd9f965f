// synthetic_qa.cpp — rule-based extractive QA pairs (cloze translation in the spirit of Lewis et
// al. 2019). See xcomp/train/synthetic_qa.h for the contract.
//
// Pipeline: cut the text to max_scan_bytes -> split sentences -> split each sentence into
// whitespace tokens (each with a "core" that leaves out surrounding punctuation) -> every enabled
// rule proposes candidates -> candidates that break a guarantee are dropped -> a seeded choice
// takes up to max_pairs, one sentence at a time.
//
// Everything works on ASCII bytes (spaces, punctuation, Latin letters); bytes >= 0x80 are treated
// as word characters, so no UTF-8 sequence is ever cut and invalid UTF-8 is harmless.
#include "xcomp/train/synthetic_qa.h"

#include <algorithm>
#include <random>
#include <string_view>

namespace xcomp {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxBytesPerAnswerWord = 40;
constexpr std::size_t kMaxQuestionBytes = 1024;

// ---- characters and words --------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = to_lower(c);
    return out;
}

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

int count_words(std::string_view s) {
    int n = 0;
    bool in_word = false;
    for (char c : s) {
        if (is_space(c)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            ++n;
        }
    }
    return n;
}

// ASCII case-insensitive substring test (the "question must not give the answer away" check).
bool contains_icase(std::string_view hay, std::string_view needle) {
    if (needle.empty() || needle.size() > hay.size()) return needle.empty();
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && to_lower(hay[i + k]) == to_lower(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

// ---- sentences and tokens --------------------------------------------------------------------

// One whitespace token: [begin, end) in the text; [core_begin, core_end) without the opening
// brackets/quotes before it and the closing punctuation after it ("(LLMs)," -> "LLMs").
struct Token {
    std::size_t begin = 0, end = 0, core_begin = 0, core_end = 0;
};

struct Sentence {
    std::size_t begin = 0, end = 0;
    std::vector<Token> tokens;
};

bool is_opening(char c) { return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == '`'; }
bool is_closing(char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
           c == '}' || c == '"' || c == '\'';
}

std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<Token> tokens;
    std::size_t i = begin;
    while (i < end) {
        while (i < end && is_space(text[i])) ++i;
        if (i >= end) break;
        Token t;
        t.begin = i;
        while (i < end && !is_space(text[i])) ++i;
        t.end = i;
        t.core_begin = t.begin;
        t.core_end = t.end;
        while (t.core_begin < t.core_end && is_opening(text[t.core_begin])) ++t.core_begin;
        while (t.core_end > t.core_begin && is_closing(text[t.core_end - 1])) --t.core_end;
        tokens.push_back(t);
    }
    return tokens;
}

// True when the word that ends with the period at `dot` is an abbreviation rather than a sentence
// end: "e.g.", "i.e.", "U.S.", an initial "J.", or a listed one ("et al.", "Fig.", "vs.").
// "etc." is not listed: in abstracts it ends sentences more often than not.
bool is_abbreviation(std::string_view text, std::size_t start, std::size_t dot) {
    std::size_t w = dot;
    while (w > start && !is_space(text[w - 1])) --w;
    while (w < dot && is_opening(text[w])) ++w;
    const std::string word = lower_ascii(text.substr(w, dot + 1 - w));
    // (letter '.')+ : e.g. i.e. u.s. j.
    bool dotted_letters = word.size() >= 2 && word.size() % 2 == 0;
    for (std::size_t k = 0; dotted_letters && k < word.size(); k += 2)
        dotted_letters = is_alpha(word[k]) && word[k + 1] == '.';
    if (dotted_letters) return true;
    return in_list(word, {"al.", "vs.", "cf.", "fig.", "figs.", "eq.", "eqs.", "sec.", "secs.", "ref.", "refs.",
                          "no.", "nos.", "approx.", "resp.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "vol.",
                          "pp.", "ch.", "viz.", "ca.", "inc.", "ltd.", "co.", "jr.", "sr.", "ph.d.", "tab.", "thm.",
                          "def.", "lemma.", "prop.", "approx.", "min.", "max.", "avg.", "est."});
}

void add_sentence(std::string_view text, std::size_t begin, std::size_t end, std::vector<Sentence>& out) {
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    if (begin >= end) return;
    Sentence s;
    s.begin = begin;
    s.end = end;
    s.tokens = tokenize(text, begin, end);
    out.push_back(std::move(s));
}

// Splits after ". ", "? ", "! " (closing brackets/quotes may follow the mark) when the next word
// starts with an upper-case letter or a digit and the period does not end an abbreviation, and
// at blank lines. Decimals ("3.5") never split: no space follows their period. Linear time.
std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> out;
    const std::size_t n = text.size();
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (c == '\n') {
            std::size_t j = i + 1;
            while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
            if (j < n && text[j] == '\n') {
                add_sentence(text, start, i, out);
                start = j + 1;
                i = j;
            }
            continue;
        }
        if (c != '.' && c != '?' && c != '!') continue;
        std::size_t j = i + 1;
        while (j < n && (text[j] == ')' || text[j] == ']' || text[j] == '"' || text[j] == '\'')) ++j;
        if (j >= n || !is_space(text[j])) continue;
        std::size_t k = j;
        while (k < n && is_space(text[k])) ++k;
        if (k < n && !is_upper(text[k]) && !is_digit(text[k])) continue;
        if (c == '.' && is_abbreviation(text, start, i)) continue;
        add_sentence(text, start, j, out);
        start = k;
        i = k - 1;
    }
    add_sentence(text, start, n, out);
    return out;
}

// ---- rule context and question building ------------------------------------------------------

struct Candidate {
    SyntheticQA qa;
    std::size_t sentence = 0;
};

struct Context {
    std::string_view text;
    const SyntheticQAOptions& options;
    std::vector<Candidate>& out;
    std::size_t sentence_index = 0;

    std::string_view core(const Token& t) const { return text.substr(t.core_begin, t.core_end - t.core_begin); }
    std::string lower(const Token& t) const { return lower_ascii(core(t)); }
    std::string_view raw(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
    // The punctuation right after the core ('\0' when none).
    char closing(const Token& t) const { return t.core_end < t.end ? text[t.core_end] : '\0'; }
    bool bare(const Token& t) const { return t.core_begin == t.begin && t.core_end == t.end; }

    void add(std::string question, std::size_t answer_begin, std::size_t answer_end, const char* kind) {
        if (answer_end <= answer_begin) return;
        Candidate c;
        c.qa.question = std::move(question);
        c.qa.answer = std::string(text.substr(answer_begin, answer_end - answer_begin));
        c.qa.answer_offset = answer_begin;
        c.qa.kind = kind;
        c.sentence = sentence_index;
        out.push_back(std::move(c));
    }
};

bool is_determiner(std::string_view lower_word) { return in_list(lower_word, {"the", "a", "an"}); }

// Removes parentheses left unmatched by cutting a sentence: "tasks (such as what" -> "tasks such as what".
std::string balance_parentheses(const std::string& s) {
    std::vector<bool> drop(s.size(), false);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(') {
            open.push_back(i);
        } else if (s[i] == ')') {
            if (open.empty()) drop[i] = true;
            else open.pop_back();
        }
    }
    for (std::size_t i : open) drop[i] = true;
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!drop[i]) out += s[i];
    return out;
}

// Whitespace collapsed, parentheses balanced, trailing sentence punctuation replaced by "?",
// first ASCII letter upper-cased.
std::string finish_question(const std::string& draft) {
    std::string q;
    for (char c : balance_parentheses(draft)) {
        if (is_space(c)) {
            if (!q.empty() && q.back() != ' ') q += ' ';
        } else {
            q += c;
        }
    }
    while (!q.empty() && (q.back() == ' ' || q.back() == '.' || q.back() == ',' || q.back() == ';' ||
                          q.back() == ':' || q.back() == '!' || q.back() == '?' || q.back() == '-'))
        q.pop_back();
    while (!q.empty() && q.front() == ' ') q.erase(q.begin());
    if (q.empty()) return q;
    if (is_lower(q[0])) q[0] = static_cast<char>(q[0] - 'a' + 'A');
    return q + "?";
}

// Token range [L, R) of the sentence kept around the span tokens [a, b): about max_question_words
// words, split evenly left and right (keep_right = false: left only); a cut prefers to fall right after a ",", ";" or ":" so the question
// starts or ends at a clause boundary.
std::pair<std::size_t, std::size_t> window(const Context& ctx, const Sentence& s, std::size_t a, std::size_t b,
                                           bool keep_right) {
    const std::size_t n = s.tokens.size();
    const std::size_t rest = static_cast<std::size_t>(std::max(ctx.options.max_question_words, 6)) - 1;
    const std::size_t right_avail = keep_right ? n - b : 0;
    std::size_t left = std::min<std::size_t>(a, rest / 2);
    const std::size_t right = std::min(right_avail, rest - left);
    left = std::min(a, rest - right);
    std::size_t L = a - left, R = b + right;
    auto clause_end = [&](std::size_t i) {
        const char c = ctx.closing(s.tokens[i]);
        return c == ',' || c == ';' || c == ':';
    };
    if (L > 0) {
        for (std::size_t i = L; i + std::min<std::size_t>(3, left) <= a; ++i) {
            if (i > 0 && clause_end(i - 1)) {
                L = i;
                break;
            }
        }
    }
    if (keep_right && R < n) {
        for (std::size_t j = R; j > b; --j) {
            if (clause_end(j - 1)) {
                R = j;
                break;
            }
        }
    }
    return {L, R};
}

// A cloze question: the sentence (windowed) with bytes [rb, re), which lie in tokens [a, b),
// replaced by `replacement`. With drop_determiner a bare "the"/"a"/"an" just before the span goes
// too ("the Transformer architecture" -> "what architecture").
std::string cloze_question(const Context& ctx, const Sentence& s, std::size_t a, std::size_t b, std::size_t rb,
                           std::size_t re, std::string_view replacement, bool drop_determiner) {
    const auto& tk = s.tokens;
    const auto [L, R] = window(ctx, s, a, b, true);
    std::size_t left_end = a;
    if (drop_determiner && a > L && rb == tk[a].begin && ctx.bare(tk[a - 1]) && is_determiner(ctx.lower(tk[a - 1])))
        --left_end;
    std::string q;
    for (std::size_t i = L; i < left_end; ++i) q.append(ctx.raw(tk[i])).append(" ");
    q.append(ctx.text.substr(tk[a].begin, rb - tk[a].begin));
    q.append(replacement);
    q.append(ctx.text.substr(re, tk[b - 1].end - re));
    for (std::size_t i = b; i < R; ++i) q.append(" ").append(ctx.raw(tk[i]));
    return finish_question(q);
}

// Adds a cloze candidate whose answer is the replaced span itself.
void add_cloze(Context& ctx, const Sentence& s, std::size_t a, std::size_t b, std::size_t rb, std::size_t re,
               std::string_view replacement, bool drop_determiner, const char* kind) {
    ctx.add(cloze_question(ctx, s, a, b, rb, re, replacement, drop_determiner), rb, re, kind);
}

// ---- rule: acronym definitions ---------------------------------------------------------------

// Function words an expansion may contain without a letter in the acronym ("Reinforcement
// Learning from Human Feedback (RLHF)").
bool is_expansion_filler(std::string_view w) {
    return in_list(w, {"of", "and", "for", "the", "in", "on", "to", "with", "from", "by", "via", "a", "an", "at", "&"});
}

// The letters an acronym spells, lower-cased: all letters ("ToT" -> "tot") and, as a second try,
// the upper-case ones only ("ToT" -> "tt"). A plural "s" is dropped ("LLMs" -> "llm"). Empty when
// the core does not look like an acronym (2..12 chars, starts upper-case, >= 2 capitals, no digits).
std::pair<std::string, std::string> acronym_letters(std::string_view core) {
    if (core.size() < 2 || core.size() > 12 || !is_upper(core[0])) return {};
    std::size_t end = core.size();
    if (core[end - 1] == 's' && is_upper(core[end - 2])) --end;
    std::string all, caps;
    for (std::size_t i = 0; i < end; ++i) {
        const char c = core[i];
        if (is_alpha(c)) {
            all += to_lower(c);
            if (is_upper(c)) caps += to_lower(c);
        } else if (c != '-') {
            return {};
        }
    }
    if (caps.size() < 2) return {};
    return {all, caps};
}

// Initials a word can contribute, longest first: "Retrieval-Augmented" -> "ra", "r"; "BatchNorm" -> "bn", "b".
std::vector<std::string> word_initials(std::string_view core) {
    std::vector<std::string> out;
    if (core.empty() || !is_alpha(core[0])) return out;
    for (char c : core)
        if (!is_alpha(c) && c != '-') return out;
    std::string hyphen, camel;
    for (std::size_t i = 0; i < core.size(); ++i) {
        if (i == 0 || (core[i - 1] == '-' && is_alpha(core[i]))) hyphen += to_lower(core[i]);
        if (i == 0 || (is_upper(core[i]) && is_lower(core[i - 1]))) camel += to_lower(core[i]);
    }
    if (hyphen.size() > 1) out.push_back(hyphen);
    if (camel.size() > 1 && camel != hyphen) out.push_back(camel);
    out.push_back(std::string(1, to_lower(core[0])));
    std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
    return out;
}

// Matches letters[0, k) right to left against the words ending at token j. Returns the index of
// the expansion's first token, or -1. Fillers are skipped only inside the expansion (never as its
// last word: k < letters.size()). Depth is bounded by the acronym length plus a few fillers.
long match_expansion(const Context& ctx, const Sentence& s, long j, const std::string& letters, std::size_t k,
                     long lowest) {
    if (k == 0) return j + 1;
    if (j < lowest) return -1;
    const Token& t = s.tokens[static_cast<std::size_t>(j)];
    if (t.core_end != t.end) return -1;  // "models, large language (LM)": a comma breaks the expansion
    const std::string_view core = ctx.core(t);
    for (const std::string& v : word_initials(core)) {
        if (v.size() > k || letters.compare(k - v.size(), v.size(), v) != 0) continue;
        if (t.core_begin != t.begin && k != v.size()) continue;  // "(" etc. only before the first word
        const long r = match_expansion(ctx, s, j - 1, letters, k - v.size(), lowest);
        if (r >= 0) return r;
    }
    if (k < letters.size() && t.core_begin == t.begin && is_expansion_filler(lower_ascii(core)))
        return match_expansion(ctx, s, j - 1, letters, k, lowest);
    return -1;
}

// "Large Language Models (LLMs)" -> "What does LLMs stand for?" / "Large Language Models".
void acronym_rule(Context& ctx, const Sentence& s) {
    const auto& tk = s.tokens;
    for (std::size_t i = 1; i < tk.size(); ++i) {
        const Token& t = tk[i];
        if (ctx.text[t.begin] != '(' || t.core_begin != t.begin + 1 || ctx.closing(t) != ')') continue;
        const auto [all, caps] = acronym_letters(ctx.core(t));
        if (all.empty()) continue;
        const long last = static_cast<long>(i) - 1;
        for (const std::string& letters : {all, caps}) {
            const long lowest = std::max(0L, last - static_cast<long>(letters.size()) - 4);
            const long first = match_expansion(ctx, s, last, letters, letters.size(), lowest);
            if (first < 0) continue;
            const std::size_t ab = tk[static_cast<std::size_t>(first)].core_begin, ae = tk[i - 1].core_end;
            if (lower_ascii(ctx.text.substr(ab, ae - ab)) == lower_ascii(ctx.core(t))) break;
            ctx.add("What does " + std::string(ctx.core(t)) + " stand for?", ab, ae, "acronym");
            break;
        }
    }
}

// ---- rule: numbers ---------------------------------------------------------------------------

struct NumberShape {
    bool ok = false;
    bool integer = true;       // no decimal point
    bool plain_digits = true;  // no thousands commas
    std::size_t digits = 0;    // length of the numeric part
    std::string_view suffix;   // "", "%", "x", "×", "K", "M", "B"
};

// 12 | 1,024 | 3.5 | 95.3% | 2x | 1.5× | 7B. Nothing else: "GPT-4", "3D", "2-3", "$5" are not numbers.
NumberShape parse_number(std::string_view s) {
    NumberShape r;
    std::size_t i = 0;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == 0) return r;
    while (i + 3 < s.size() && s[i] == ',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
           (i + 4 == s.size() || !is_digit(s[i + 4]))) {
        i += 4;
        r.plain_digits = false;
    }
    if (i + 1 < s.size() && s[i] == '.' && is_digit(s[i + 1])) {
        r.integer = false;
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
    }
    r.digits = i;
    r.suffix = s.substr(i);
    r.ok = r.suffix.empty() || in_list(r.suffix, {"%", "x", "\xC3\x97", "K", "M", "B"});
    return r;
}

// A lower-case plural noun or unit after a number ("12 benchmarks", "3 times", "40 GB").
bool counted_noun(std::string_view core) {
    const std::string w = lower_ascii(core);
    if (in_list(w, {"ms", "gb", "mb", "tb", "kb", "hz", "khz", "mhz", "ghz", "fps", "kg", "km", "cm", "mm", "nm", "db",
                    "gpu", "tpu", "cpu", "gpus", "tpus", "cpus", "bit", "bp", "kbp", "mbp", "dof"}))
        return true;
    if (w.size() < 3 || w.back() != 's') return false;
    for (char c : core)
        if (!is_lower(c) && c != '-') return false;
    const std::string_view end2 = std::string_view(w).substr(w.size() - 2);
    if (end2 == "ss" || end2 == "us" || end2 == "is") return false;
    return !in_list(w, {"was", "has", "does", "its", "perhaps", "always", "whereas", "towards", "afterwards",
                        "besides", "yes", "sometimes", "becomes", "remains", "seems", "improves", "reduces",
                        "yields", "achieves", "outperforms", "requires", "uses"});
}

// A lower-case word that may stand between a number and its noun ("50,000 annotated images",
// "4 memory vectors"); function words may not ("100 of the samples").
bool noun_modifier(std::string_view core) {
    if (core.size() < 2) return false;
    for (char c : core)
        if (!is_lower(c) && c != '-') return false;
    return !in_list(core, {"and", "or", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "is", "are",
                           "was", "were", "be", "than", "that", "which", "from", "at", "as", "per", "more", "less",
                           "fewer", "times", "out", "into", "over", "under", "between", "across", "while", "when"});
}

// Index of the counted noun after token `last` (at most two modifiers between), or kNone.
std::size_t counted_noun_after(const Context& ctx, const Sentence& s, std::size_t last) {
    const auto& tk = s.tokens;
    for (std::size_t k = last + 1; k < tk.size() && k <= last + 3; ++k) {
        if (ctx.closing(tk[k - 1]) != '\0' || tk[k].core_begin != tk[k].begin) return kNone;
        if (counted_noun(ctx.core(tk[k]))) return k;
        if (!noun_modifier(ctx.core(tk[k]))) return kNone;
    }
    return kNone;
}

// Words after which a bare number reads as a quantity ("accuracy of 0.82" -> "accuracy of how much").
bool quantity_cue(std::string_view lower_word) {
    return in_list(lower_word, {"of", "to", "by", "than", "at", "from", "about", "around", "approximately", "nearly",
                                "over", "under", "only", "just", "reaches", "reach", "reaching", "achieves", "achieve",
                                "achieving", "scores", "score", "is", "was", "are", "were", "be", "equals"});
}

// Numbers that name things rather than measure them: "Table 3", "Section 2", "top-5" (the last is
// not a number token anyway).
bool reference_word(std::string_view lower_word) {
    return in_list(lower_word, {"table", "tables", "figure", "figures", "fig", "section", "sec", "eq", "equation",
                                "appendix", "chapter", "step", "stage", "phase", "version", "v", "level", "theorem",
                                "lemma", "algorithm", "task", "type", "part", "no", "number", "k", "n", "=", "~"});
}

// "We evaluate on 12 benchmarks" -> "We evaluate on how many benchmarks?" / "12"; also
// "what percentage" (95.3%, 95 percent), "what year" (in 2021), "how many times" (3x faster),
// "what" (a 3x speedup -> what speedup) and "how much" after a quantity cue.
void number_rule(Context& ctx, const Sentence& s) {
    const auto& tk = s.tokens;
    for (std::size_t i = 0; i < tk.size(); ++i) {
        const Token& t = tk[i];
        if (ctx.text[t.begin] == '[') continue;  // citation "[12]"
        const NumberShape num = parse_number(ctx.core(t));
        if (!num.ok) continue;
        // As written (not lower-cased): "by" is a preposition, "BY" in "CC BY 4.0" is not.
        const std::string prev = i > 0 && ctx.bare(tk[i - 1]) ? std::string(ctx.core(tk[i - 1])) : std::string();
        if (i > 0 && reference_word(ctx.lower(tk[i - 1]))) continue;
        const bool glued_next = ctx.closing(t) == '\0' && i + 1 < tk.size() && ctx.bare(tk[i + 1]);
        const std::string next = i + 1 < tk.size() ? ctx.lower(tk[i + 1]) : std::string();
        const std::size_t rb = t.core_begin, re = t.core_end;

        if (num.suffix == "%") {
            add_cloze(ctx, s, i, i + 1, rb, re, "what percentage", false, "percentage");
        } else if (num.suffix.empty() && i + 1 < tk.size() && ctx.closing(t) == '\0' && next == "percent") {
            add_cloze(ctx, s, i, i + 2, rb, tk[i + 1].core_end, "what percentage", false, "percentage");
        } else if (num.suffix == "x" || num.suffix == "\xC3\x97") {
            const bool article = prev == "a" || prev == "an";
            add_cloze(ctx, s, i, i + 1, rb, re, article ? "what" : "how many times", article, "number");
        } else if (num.suffix.empty() && num.integer && num.plain_digits && num.digits == 4 &&
                   (ctx.core(t).substr(0, 2) == "19" || ctx.core(t).substr(0, 2) == "20")) {
            // Years only after a preposition: "(Smith, 2020)" and "the 2020 challenge" stay out.
            if (in_list(lower_ascii(prev), {"in", "since", "until", "by", "from", "before", "after", "during", "of"}) &&
                t.core_begin == t.begin)
                add_cloze(ctx, s, i, i + 1, rb, re, "what year", false, "year");
        } else {
            // "1.3 billion parameters": the scale word belongs to the answer.
            std::size_t last = i;
            if (glued_next && in_list(next, {"million", "billion", "thousand", "trillion"})) last = i + 1;
            const bool noun_follows = counted_noun_after(ctx, s, last) != kNone;
            const std::size_t ae = tk[last].core_end;
            if (noun_follows && ctx.core(t) != "1")
                add_cloze(ctx, s, i, last + 1, rb, ae, "how many", true, "number");
            else if (!noun_follows && quantity_cue(prev) && num.suffix.empty())
                add_cloze(ctx, s, i, last + 1, rb, ae, "how much", false, "number");
        }
    }
}

// ---- rule: named entities / method names -----------------------------------------------------

// Capitalised words that are ordinary words, not names, when they open a clause or follow a colon.
bool capital_stop_word(std::string_view lower_word) {
    return in_list(lower_word,
                   {"the", "a", "an", "we", "our", "this", "these", "that", "those", "in", "on", "for", "to", "of",
                    "and", "or", "but", "however", "it", "its", "they", "their", "there", "here", "with", "by", "from",
                    "as", "at", "is", "are", "i", "moreover", "furthermore", "finally", "first", "second", "third",
                    "then", "thus", "also", "while", "when", "where", "which", "what", "how", "why", "both", "each",
                    "all", "such", "unlike", "despite", "although", "though", "since", "because", "using", "based",
                    "specifically", "additionally", "overall", "experiments", "results", "code", "existing",
                    "table", "tables", "figure", "figures", "fig", "section", "appendix", "eq", "equation", "chapter"});
}

// "PEACE", "GeoMap-Bench", "Transformer", "mBERT", "GPT-4", "Llama-2-7B": starts upper-case or is
// CamelCase starting lower-case; letters, digits and - _ + . / inside (bytes >= 0x80 allowed).
bool name_like(std::string_view core) {
    if (core.size() < 2) return false;
    bool has_upper = false;
    for (char c : core) {
        if (!is_alpha(c) && !is_digit(c) && !is_high(c) && c != '-' && c != '_' && c != '+' && c != '.' && c != '/')
            return false;
        has_upper = has_upper || is_upper(c);
    }
    if (!is_upper(core[0]) && !(is_lower(core[0]) && has_upper)) return false;
    // "BY" in "CC BY" is a name, "By" is the word.
    const bool all_caps = std::none_of(core.begin(), core.end(), is_lower);
    return all_caps || !capital_stop_word(lower_ascii(core));
}

// "We introduce PEACE, a benchmark for ..." -> "We introduce what, a benchmark for ...?" / "PEACE".
// A maximal run of name-like tokens (no punctuation between them) that does not start the
// sentence, 1..5 words, not followed by a parenthesis (that is an acronym definition).
void entity_rule(Context& ctx, const Sentence& s) {
    const auto& tk = s.tokens;
    const std::size_t n = tk.size();
    std::size_t i = 0;
    while (i < n) {
        if (!name_like(ctx.core(tk[i])) || ctx.text[tk[i].begin] == '(') {
            ++i;
            continue;
        }
        std::size_t b = i + 1;
        while (b < n && tk[b - 1].core_end == tk[b - 1].end && tk[b].core_begin == tk[b].begin &&
               name_like(ctx.core(tk[b])))
            ++b;
        const std::size_t words = b - i;
        const bool acronym_follows = b < n && tk[b - 1].core_end == tk[b - 1].end && ctx.text[tk[b].begin] == '(';
        // "8 GPUs", "1.2 million Wikipedia passages": a name counted by a number reads badly as "8 what".
        const bool counted = i > 0 && ctx.bare(tk[i - 1]) &&
                             (parse_number(ctx.core(tk[i - 1])).ok ||
                              in_list(ctx.lower(tk[i - 1]), {"million", "billion", "thousand", "trillion"}));
        if (i > 0 && words <= 5 && static_cast<int>(words) <= ctx.options.max_answer_words && !acronym_follows &&
            !counted)
            add_cloze(ctx, s, i, b, tk[i].core_begin, tk[b - 1].core_end, "what", true, "entity");
        i = b;
    }
}

// ---- rule: "such as" lists -------------------------------------------------------------------

// Words that end a list: the clause goes on after them ("such as BERT have shown ...").
bool list_stop_word(std::string_view lower_word) {
    return in_list(lower_word, {"which", "that", "where", "while", "whereas", "but", "is", "are", "was", "were", "be",
                                "been", "have", "has", "had", "can", "could", "may", "might", "will", "would",
                                "should", "do", "does", "did", "we", "they", "it", "to", "remain", "remains", "show",
                                "shows", "using", "via", "because", "as", "e.g", "i.e", "etc", "among", "into"});
}

// End byte of the list starting at token `first`, or kNone. The list ends at ". ; : ) ] ! ?", at a
// comma after its "and"/"or", before a stop word or "(", or at the sentence end. An item longer
// than 4 words means the list is not what follows (skip); reaching max_answer_words cuts the list
// after its last complete item.
std::size_t list_end(const Context& ctx, const Sentence& s, std::size_t first) {
    const auto& tk = s.tokens;
    std::size_t end = kNone, last_comma_end = kNone;
    bool seen_conjunction = false;
    int words = 0, item_words = 0;
    for (std::size_t j = first; j < tk.size(); ++j) {
        const Token& t = tk[j];
        const std::string w = ctx.lower(t);
        if (j > first && (t.core_begin != t.begin || list_stop_word(w))) break;
        if (++words > ctx.options.max_answer_words) return last_comma_end;
        if (j > first && (w == "and" || w == "or")) {
            seen_conjunction = true;
            item_words = 0;
        } else if (++item_words > 4) {
            return kNone;
        }
        end = t.core_end;
        const char c = ctx.closing(t);
        if (c == '\0') continue;
        if (c != ',' || seen_conjunction) break;
        last_comma_end = t.core_end;
        item_words = 0;
    }
    return end;
}

// "... tasks such as QA, retrieval and summarization." -> "... tasks such as what?" / the list.
void list_rule(Context& ctx, const Sentence& s) {
    const auto& tk = s.tokens;
    for (std::size_t i = 0; i + 2 < tk.size(); ++i) {
        if (ctx.lower(tk[i]) != "such" || ctx.closing(tk[i]) != '\0' || !ctx.bare(tk[i + 1]) ||
            ctx.lower(tk[i + 1]) != "as")
            continue;
        const std::size_t first = i + 2;
        if (list_stop_word(ctx.lower(tk[first])) || ctx.lower(tk[first]) == "and") continue;
        const std::size_t end = list_end(ctx, s, first);
        if (end == kNone || i == 0) continue;
        const auto [L, R] = window(ctx, s, i, i, false);
        (void)R;
        std::string q;
        for (std::size_t k = L; k < i; ++k) q.append(ctx.raw(tk[k])).append(" ");
        q.append(ctx.text.substr(tk[i].begin, tk[i].core_begin - tk[i].begin));
        q.append("such as what");
        ctx.add(finish_question(q), tk[first].core_begin, end, "list");
    }
}

// ---- rule: "We propose X" --------------------------------------------------------------------

// Base form of a proposing verb and whether it is past tense; "" when the word is none.
std::pair<std::string, bool> proposing_verb(std::string_view w) {
    for (const char* base : {"propose", "introduce", "present"}) {
        const std::string b = base;
        if (w == b || w == b + "s") return {b, false};
        if (w == b + "d" || w == b + "ed") return {b, true};
    }
    return {"", false};
}

// End token (exclusive) of the object starting at `first`: up to a comma (or any punctuation), a
// "(", or "that"/"which"/"to"/...; too long objects are cut before a preposition so that at most
// max_answer_words remain, or rejected (returns first).
std::size_t object_end(const Context& ctx, const Sentence& s, std::size_t first) {
    const auto& tk = s.tokens;
    const std::size_t max_words = static_cast<std::size_t>(std::max(ctx.options.max_answer_words, 1));
    // Scanning further than one word past the limit cannot change the result (keeps it linear).
    const std::size_t scan_end = std::min(tk.size(), first + max_words + 1);
    std::size_t end = first;
    for (std::size_t j = first; j < scan_end; ++j) {
        if (j > first && (tk[j].core_begin != tk[j].begin ||
                          in_list(ctx.lower(tk[j]), {"that", "which", "to", "who", "where", "whereby", "whose"})))
            break;
        end = j + 1;
        if (ctx.closing(tk[j]) != '\0') break;
    }
    if (end - first <= max_words) return end;
    for (std::size_t c = first + max_words; c > first + 1; --c) {
        if (!in_list(ctx.lower(tk[c]), {"for", "with", "based", "using", "via", "by", "in", "on", "of", "from",
                                        "through", "across", "under", "and", "called", "named"}))
            continue;
        // "a dataset of images collected | from ...": the participle goes with what was cut.
        const std::string before = ctx.lower(tk[c - 1]);
        if (c - 1 > first + 1 && before.size() > 4 && before.compare(before.size() - 2, 2, "ed") == 0) --c;
        return c;
    }
    return first;
}

// "We propose X" (also "we also propose", "this paper presents") -> "What do the authors propose?" / X.
void proposal_rule(Context& ctx, const Sentence& s) {
    const auto& tk = s.tokens;
    for (std::size_t i = 0; i + 2 < tk.size(); ++i) {
        if (!ctx.bare(tk[i])) continue;
        const std::string w = ctx.lower(tk[i]);
        std::string subject;
        std::size_t v = i + 1;
        if (w == "we") {
            subject = "the authors";
            if (ctx.bare(tk[v]) && in_list(ctx.lower(tk[v]), {"also", "further", "then", "first", "here", "now",
                                                               "therefore", "thus", "additionally", "instead",
                                                               "finally", "next", "newly", "hence"}))
                ++v;
        } else if (w == "this" && ctx.bare(tk[v]) &&
                   in_list(ctx.lower(tk[v]), {"paper", "work", "study", "article", "letter", "note"})) {
            subject = "this " + ctx.lower(tk[v]);
            ++v;
        } else {
            continue;
        }
        if (v + 1 >= tk.size() || !ctx.bare(tk[v])) continue;
        const auto [verb, past] = proposing_verb(ctx.lower(tk[v]));
        if (verb.empty()) continue;
        const bool plural_subject = subject == "the authors";
        if (!plural_subject && !past && ctx.lower(tk[v]) == verb) continue;  // "this paper propose" is not English
        const std::size_t first = v + 1;
        // "we propose to ...", "we present how ...", "we introduce in this paper ..." have no noun object here.
        if (in_list(ctx.lower(tk[first]), {"to", "that", "how", "whether", "what", "why", "here", "it", "them", "which",
                                            "in", "on", "for", "with", "and"}))
            continue;
        if (ctx.text[tk[first].begin] == '(') continue;
        const std::size_t end = object_end(ctx, s, first);
        if (end <= first) continue;
        if (end - first == 1 && is_determiner(ctx.lower(tk[first]))) continue;
        const std::string aux = past ? "did" : (plural_subject ? "do" : "does");
        ctx.add("What " + aux + " " + subject + " " + verb + "?", tk[first].core_begin, tk[end - 1].core_end,
                "proposal");
    }
}

// ---- validation and choice -------------------------------------------------------------------

// The header's guarantees, checked once for every candidate whatever rule made it.
bool acceptable(std::string_view text, const SyntheticQA& qa, int max_answer_words) {
    const std::string& a = qa.answer;
    if (a.empty() || is_space(a.front()) || is_space(a.back())) return false;
    // Giant "words" (URLs, base64, binary) make no sensible pairs.
    if (a.size() > kMaxBytesPerAnswerWord * static_cast<std::size_t>(max_answer_words) ||
        qa.question.size() > kMaxQuestionBytes)
        return false;
    if (qa.answer_offset > text.size() || a.size() > text.size() - qa.answer_offset) return false;
    if (text.compare(qa.answer_offset, a.size(), a) != 0) return false;
    if (count_words(a) > max_answer_words) return false;
    if (std::none_of(a.begin(), a.end(), [](char c) { return is_alpha(c) || is_digit(c) || is_high(c); }))
        return false;
    if (qa.question.size() < 2 || qa.question.back() != '?') return false;
    return !contains_icase(qa.question, a);
}

// The text actually read: the first max_scan_bytes, backed off to a UTF-8 character boundary.
std::string_view scanned_part(const std::string& text, std::size_t max_bytes) {
    std::size_t n = std::min(text.size(), max_bytes);
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return std::string_view(text).substr(0, n);
}

std::vector<Candidate> collect(const std::string& text, const SyntheticQAOptions& options) {
    std::vector<Candidate> raw;
    if (options.max_answer_words < 1) return raw;
    const std::string_view part = scanned_part(text, options.max_scan_bytes);
    std::vector<Sentence> sentences = split_sentences(part);
    // A sentence cut by the scan limit is incomplete; drop it unless it is all there is.
    if (part.size() < text.size() && sentences.size() > 1) sentences.pop_back();
    Context ctx{part, options, raw, 0};
    for (std::size_t k = 0; k < sentences.size(); ++k) {
        ctx.sentence_index = k;
        const Sentence& s = sentences[k];
        if (s.tokens.empty()) continue;
        if (options.acronyms) acronym_rule(ctx, s);
        if (options.numbers) number_rule(ctx, s);
        if (options.entities) entity_rule(ctx, s);
        if (options.lists) list_rule(ctx, s);
        if (options.proposals) proposal_rule(ctx, s);
    }
    std::vector<Candidate> kept;
    for (auto& c : raw)
        if (acceptable(text, c.qa, options.max_answer_words)) kept.push_back(std::move(c));
    std::stable_sort(kept.begin(), kept.end(), [](const Candidate& x, const Candidate& y) {
        return x.qa.answer_offset < y.qa.answer_offset;
    });
    return kept;
}

// A uniform index below n from the raw generator (not std::uniform_int_distribution, whose
// output differs between standard libraries); the modulo bias is negligible for small n.
std::size_t pick(std::mt19937_64& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

}  // namespace

std::vector<SyntheticQA> synthetic_qa_candidates(const std::string& text, const SyntheticQAOptions& options) {
    std::vector<SyntheticQA> out;
    for (auto& c : collect(text, options)) out.push_back(std::move(c.qa));
    return out;
}

// Round robin over the sentences in a seeded order: each visit takes one candidate of a kind
// chosen uniformly among the kinds left in that sentence (so rare kinds such as acronyms are not
// drowned by entities). Later rounds reuse sentences only when max_pairs is not yet reached.
std::vector<SyntheticQA> synthetic_qa(const std::string& text, const SyntheticQAOptions& options) {
    std::vector<SyntheticQA> chosen;
    if (options.max_pairs <= 0) return chosen;
    std::vector<Candidate> cands = collect(text, options);
    if (cands.empty()) return chosen;

    // Candidates come sorted by offset, so each sentence's candidates are consecutive.
    std::vector<std::vector<std::size_t>> pool;  // candidate indices per sentence
    for (std::size_t k = 0; k < cands.size(); ++k) {
        if (k == 0 || cands[k].sentence != cands[k - 1].sentence) pool.emplace_back();
        pool.back().push_back(k);
    }

    std::mt19937_64 rng(options.seed);
    std::vector<std::size_t> order(pool.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[pick(rng, k)]);

    const std::size_t want = static_cast<std::size_t>(options.max_pairs);
    bool progress = true;
    while (chosen.size() < want && progress) {
        progress = false;
        for (std::size_t si : order) {
            if (chosen.size() >= want) break;
            auto& left = pool[si];
            if (left.empty()) continue;
            progress = true;
            std::vector<std::string> kinds;
            for (std::size_t k : left)
                if (std::find(kinds.begin(), kinds.end(), cands[k].qa.kind) == kinds.end())
                    kinds.push_back(cands[k].qa.kind);
            const std::string& kind = kinds[pick(rng, kinds.size())];
            std::vector<std::size_t> of_kind;
            for (std::size_t p = 0; p < left.size(); ++p)
                if (cands[left[p]].qa.kind == kind) of_kind.push_back(p);
            const std::size_t p = of_kind[pick(rng, of_kind.size())];
            const std::size_t k = left[p];
            left.erase(left.begin() + static_cast<long>(p));
            // One question per answer span: the same span from two rules counts once.
            const bool duplicate = std::any_of(chosen.begin(), chosen.end(), [&](const SyntheticQA& q) {
                return q.answer_offset == cands[k].qa.answer_offset && q.answer == cands[k].qa.answer;
            });
            if (!duplicate) chosen.push_back(cands[k].qa);
        }
    }
    std::stable_sort(chosen.begin(), chosen.end(),
                     [](const SyntheticQA& x, const SyntheticQA& y) { return x.answer_offset < y.answer_offset; });
    return chosen;
}

}  // namespace xcomp
