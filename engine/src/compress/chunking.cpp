// Sentence-aligned chunks of a long text (xcomp/compress/chunking.h).
#include "xcomp/compress/chunking.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

#include "xcomp/error.h"

namespace xcomp {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool starts_with_at(const std::string& t, size_t i, const char* s) { return t.compare(i, std::char_traits<char>::length(s), s) == 0; }

// Length in bytes of a closing quote or bracket at i (0: none): a sentence may end in '." or .)'.
size_t closer_at(const std::string& t, size_t i) {
    const char c = t[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (starts_with_at(t, i, "\u201D") || starts_with_at(t, i, "\u2019")) return 3;  // ” ’
    return 0;
}

// Offsets where a new sentence starts: after an end mark and the whitespace that follows it. The
// last entry is text.size(), so the sentences [ends[i-1], ends[i]) cover the text.
std::vector<size_t> sentence_ends(const std::string& t) {
    std::vector<size_t> ends;
    const size_t n = t.size();
    size_t i = 0;
    while (i < n) {
        size_t after = std::string::npos;
        const char c = t[i];
        if (c == '.' || c == '?' || c == '!') {
            size_t j = i + 1;
            while (j < n && closer_at(t, j) > 0) j += closer_at(t, j);
            if (j == n || is_space(t[j])) after = j;
        } else if (c == '\n') {
            after = i + 1;
        } else if (starts_with_at(t, i, "\u3002") || starts_with_at(t, i, "\uFF01") || starts_with_at(t, i, "\uFF1F")) {
            after = i + 3;  // 。！？ need no space after them
        }
        if (after == std::string::npos) {
            ++i;
            continue;
        }
        while (after < n && is_space(t[after])) ++after;
        if (after < n) ends.push_back(after);
        i = after;
    }
    ends.push_back(n);
    return ends;
}

// The last candidate c (ascending) with fits(c), by bisection (token counts grow with the prefix);
// npos when even the first does not fit.
size_t last_fitting(const std::vector<size_t>& candidates, const std::function<bool(size_t)>& fits) {
    if (candidates.empty() || !fits(candidates.front())) return std::string::npos;
    size_t lo = 0, hi = candidates.size() - 1;  // fits(candidates[lo]) holds
    while (lo < hi) {
        const size_t mid = lo + (hi - lo + 1) / 2;
        if (fits(candidates[mid])) lo = mid;
        else hi = mid - 1;
    }
    return candidates[lo];
}

}  // namespace

namespace {

std::vector<TextChunk> greedy_chunks(const Tokenizer& tokenizer, const std::string& text, int window) {
    const auto count = [&](size_t b, size_t e) { return static_cast<int>(tokenizer.encode(text.substr(b, e - b)).size()); };
    // A sentencepiece piece holds at most 16 characters of at most 4 bytes, so a range of more than
    // 64 bytes per window token is over the window without encoding it: a 100,000-token text of one
    // sentence costs no more than its chunks.
    const size_t most_bytes = static_cast<size_t>(window) * 64;
    const auto tokens_or_over = [&](size_t b, size_t e) { return e - b > most_bytes ? window + 1 : count(b, e); };

    // Where to end a chunk that starts at `b` inside a sentence [b, e) longer than the window.
    const auto cut_inside = [&](size_t b, size_t e) {
        const auto fits = [&](size_t c) { return count(b, c) <= window; };
        std::vector<size_t> words, chars;
        for (size_t p = b + 1; p < e && p - b <= most_bytes; ++p) {
            const bool char_start = (static_cast<unsigned char>(text[p]) & 0xC0) != 0x80;
            if (char_start) chars.push_back(p);
            if (char_start && !is_space(text[p]) && is_space(text[p - 1])) words.push_back(p);
        }
        size_t cut = last_fitting(words, fits);
        if (cut == std::string::npos) cut = last_fitting(chars, fits);
        // Not even one character fits: take one anyway, or the split would never end.
        if (cut == std::string::npos) cut = chars.empty() ? e : chars.front();
        return cut;
    };

    std::vector<TextChunk> chunks;
    size_t start = 0, end = 0;  // the chunk being filled: [start, end)
    int tokens = 0;
    for (size_t e : sentence_ends(text)) {
        int t = tokens_or_over(start, e);
        if (t > window && end > start) {  // the chunk is full: the sentence starts the next one
            chunks.push_back({start, end, tokens});
            start = end;
            t = tokens_or_over(start, e);
        }
        while (t > window) {  // a sentence longer than the window on its own
            const size_t cut = cut_inside(start, e);
            chunks.push_back({start, cut, count(start, cut)});
            start = cut;
            if (start == e) break;
            t = tokens_or_over(start, e);
        }
        end = e;
        tokens = start == e ? 0 : t;
    }
    if (end > start || chunks.empty()) chunks.push_back({start, text.size(), tokens});
    return chunks;
}

}  // namespace

std::vector<TextChunk> split_into_chunks(const Tokenizer& tokenizer, const std::string& text, int window) {
    if (window < 1) throw Error("the chunk window must be at least 1 token, got " + std::to_string(window));
    size_t bad = 0;
    if (!is_valid_utf8(text, &bad)) throw Error("the text is not valid UTF-8 (bad byte at offset " + std::to_string(bad) + ")");
    std::vector<TextChunk> best = greedy_chunks(tokenizer, text, window);
    if (best.size() < 2) return best;
    // Greedy packing leaves a full chunk and a short rest (480 + 120); a compressor regenerates a
    // shorter text better, so find the smallest window that still gives as many chunks (300 + 300).
    int total = 0;
    for (const TextChunk& c : best) total += c.tokens;
    int lo = std::max(1, (total + static_cast<int>(best.size()) - 1) / static_cast<int>(best.size())), hi = window;
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        std::vector<TextChunk> c = greedy_chunks(tokenizer, text, mid);
        if (c.size() <= best.size()) {
            best = std::move(c);
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return best;
}

int trained_window(const std::string& training_json, int max_source_tokens) {
    const nlohmann::json j = nlohmann::json::parse(training_json.empty() ? "{}" : training_json, nullptr, false);
    if (j.is_object() && j.contains("tokens") && j["tokens"].is_array() && j["tokens"].size() == 2 &&
        j["tokens"][1].is_number_integer()) {
        const int longest = j["tokens"][1].get<int>();
        if (longest > 0) return std::min(longest, max_source_tokens);
    }
    return max_source_tokens;
}

}  // namespace xcomp
