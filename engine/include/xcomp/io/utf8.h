// xcomp/io/utf8.h — the project's one UTF-8 decoder (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF): text validation, the metrics' word splitting and case folding, and the
// workbench's byte-to-UTF-16 offset maps all read code points through it.
#pragma once
#include <cstddef>
#include <string>

namespace xcomp {

constexpr char32_t kInvalidCodePoint = 0xFFFFFFFFu;

// The code point starting at text[pos]; *len gets its length in bytes. A byte that starts no
// well-formed sequence (a stray continuation byte, a truncated or overlong sequence, ...) yields
// kInvalidCodePoint with *len = 1, so a reader advances one byte and resynchronises.
char32_t utf8_decode_at(const std::string& text, std::size_t pos, std::size_t* len);

// Appends `cp` (at most U+10FFFF) as UTF-8.
void utf8_append(std::string& out, char32_t cp);

// True when `text` is well-formed UTF-8; otherwise `bad_offset` gets the first byte of the first
// sequence that is not.
bool is_valid_utf8(const std::string& text, std::size_t* bad_offset = nullptr);

}  // namespace xcomp
