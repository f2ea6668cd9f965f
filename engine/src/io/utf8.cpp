// UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
#include "xcomp/io/tokenizer.h"

namespace xcomp {

bool is_valid_utf8(const std::string& text, size_t* bad_offset) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        // Allowed range of the second byte; it is what rules out overlongs, surrogates and > U+10FFFF.
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;       // overlong
            else if (c == 0xED) hi = 0x9F;  // surrogates U+D800..U+DFFF
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;       // overlong
            else if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            if (bad_offset) *bad_offset = i;  // stray continuation byte, C0/C1, F5..FF
            return false;
        }
        for (size_t k = 1; k < len; ++k) {
            const bool ok = i + k < n && s[i + k] >= (k == 1 ? lo : 0x80) && s[i + k] <= (k == 1 ? hi : 0xBF);
            if (!ok) {
                // Report the lead byte: the sequence it starts is what is broken.
                if (bad_offset) *bad_offset = i;
                return false;
            }
        }
        i += len;
    }
    return true;
}

}  // namespace xcomp
