// Fuzzes UTF-8 validation and decoding of pasted text: xcomp::is_valid_utf8 (every text the engine
// takes) against an independent reference decoder, and the metrics' decoding helpers (lower_utf8,
// whitespace_word_ranges, strip_whitespace), which must take any bytes. Invariants: the validator
// agrees with the reference and names the same first bad byte; an accepted string decodes to code
// points that re-encode to the same bytes; lower-casing valid text gives valid text; word ranges are
// ordered, inside the text and hold no ASCII space.
#include <vector>

#include "fuzz_util.h"
#include "xcomp/eval/metrics.h"
#include "xcomp/io/tokenizer.h"

using namespace xcomp;

namespace {

// RFC 3629 decoding by code point value (not by byte tables, unlike utf8.cpp); false at the first
// malformed sequence, whose lead byte is put in *bad.
bool reference_decode(const std::string& s, std::vector<char32_t>* out, size_t* bad) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = s[i];
        int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return *bad = i, false;
        char32_t cp = len == 1 ? c : c & (0x7F >> len);
        for (int k = 1; k < len; ++k) {
            const unsigned char b = s[i + k];
            if ((b & 0xC0) != 0x80) return *bad = i, false;
            cp = (cp << 6) | (b & 0x3F);
        }
        const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return *bad = i, false;
        out->push_back(cp);
        i += len;
    }
    return true;
}

std::string encode(const std::vector<char32_t>& cps) {
    std::string s;
    for (char32_t cp : cps) {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    size_t bad = 0, ref_bad = 0;
    std::vector<char32_t> cps;
    const bool valid = is_valid_utf8(text, &bad);
    const bool ref_valid = reference_decode(text, &cps, &ref_bad);
    FUZZ_CHECK(valid == ref_valid);
    if (valid) {
        FUZZ_CHECK(encode(cps) == text);
        FUZZ_CHECK(is_valid_utf8(lower_utf8(text)));
    } else {
        FUZZ_CHECK(bad == ref_bad && bad < text.size());
        FUZZ_CHECK(is_valid_utf8(text.substr(0, bad)));
    }

    size_t prev_end = 0;
    for (const WordRange& w : whitespace_word_ranges(text)) {
        FUZZ_CHECK(prev_end <= w.begin && w.begin < w.end && w.end <= text.size());
        FUZZ_CHECK(text.substr(w.begin, w.end - w.begin).find(' ') == std::string::npos);
        prev_end = w.end;
    }
    const std::string stripped = strip_whitespace(text);
    FUZZ_CHECK(text.find(stripped) != std::string::npos);
    FUZZ_CHECK(strip_whitespace(stripped) == stripped);
    lower_utf8(text);  // any bytes: must not crash
    return 0;
}
