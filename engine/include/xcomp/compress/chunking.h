// xcomp/compress/chunking.h — a text longer than a compressor's window, cut into chunks that each
// become m memory tokens of their own (ICAE's multi-span compression and the RAG compressors do the
// same). Cuts fall at sentence ends, so each chunk reads like the texts the compressor was trained on.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "xcomp/io/tokenizer.h"

namespace xcomp {

// One chunk as a byte range of the original text. Consecutive chunks share their boundary, so the
// ranges cover the text exactly: chunk 0 starts at 0, the last ends at text.size(), and the
// whitespace after a sentence belongs to the chunk before it. A range never cuts a UTF-8 character.
struct TextChunk {
    size_t begin = 0, end = 0;  // [begin, end) in bytes
    int tokens = 0;             // the tokenizer's count for text[begin, end)
};

// The most chunks a text may make: the whole text is scored and aligned word by word, which grows with
// the square of its length, and 64 windows of 480 tokens are about 30,000 tokens.
constexpr int kMaxChunks = 64;

// Packs whole sentences greedily into chunks of at most `window_tokens` tokens, then evens them out:
// of the splits into that many chunks, the one whose longest chunk is shortest (600 tokens at a window
// of 480: two chunks of about 300, not 480 + 120), since a shorter text regenerates better. A sentence ends after
// '.', '?' or '!' (closing quotes and brackets may follow) before whitespace, after a newline, and
// after the CJK marks 。！？. A sentence longer than the window is cut at the last word boundary that
// fits, else at the last character that fits (a word longer than the window). A single character
// that alone exceeds the window (window < 4 with byte-fallback tokens) still makes a chunk, so the
// split always ends. An empty or all-whitespace text gives one chunk of 0 tokens.
// Throws xcomp::Error for invalid UTF-8 or window_tokens < 1.
std::vector<TextChunk> split_into_chunks(const Tokenizer& tokenizer, const std::string& text, int window_tokens);

// The longest text a compressor was trained on: training.tokens[1] of its compressor.json (the
// `training_json` object), capped at max_source_tokens; max_source_tokens when training says nothing.
int trained_window(const std::string& training_json, int max_source_tokens);

}  // namespace xcomp
