// UTF-8 decoding (RFC 3629), table-driven like the Unicode standard's table of well-formed sequences.
#include "xcomp/io/utf8.h"

namespace xcomp {

char32_t utf8_decode_at(const std::string& text, std::size_t pos, std::size_t* len) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    *len = 1;
    const unsigned char c = s[pos];
    if (c < 0x80) return c;
    std::size_t need = 0;
    char32_t cp = 0;
    // Allowed range of the second byte; it is what rules out overlongs, surrogates and > U+10FFFF.
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        cp = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;       // overlong
        else if (c == 0xED) hi = 0x9F;  // surrogates U+D800..U+DFFF
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        cp = c & 0x07;
        if (c == 0xF0) lo = 0x90;       // overlong
        else if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return kInvalidCodePoint;  // stray continuation byte, C0/C1, F5..FF
    }
    for (std::size_t k = 1; k < need; ++k) {
        if (pos + k >= n) return kInvalidCodePoint;  // truncated
        const unsigned char b = s[pos + k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return kInvalidCodePoint;
        cp = (cp << 6) | (b & 0x3F);
    }
    *len = need;
    return cp;
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(const std::string& text, std::size_t* bad_offset) {
    for (std::size_t i = 0, len = 0; i < text.size(); i += len) {
        if (utf8_decode_at(text, i, &len) == kInvalidCodePoint) {
            if (bad_offset) *bad_offset = i;  // the lead byte: the sequence it starts is what is broken
            return false;
        }
    }
    return true;
}

}  // namespace xcomp
