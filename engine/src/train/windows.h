// Where regeneration training rows come from beyond each text's beginning: random word-start
// windows, and short texts (book paragraphs) joined into documents long enough for every length.
#pragma once
#include <cstdint>
#include <random>
#include <vector>

#include "xcomp/io/tokenizer.h"

namespace xcomp {

// Per token id: 1 when its piece begins a word (starts with sentencepiece's boundary mark).
std::vector<uint8_t> word_start_ids(const Tokenizer& tok);

// The first index of a window of `length` ids: uniform over 1..n-length, moved back to the nearest
// word start (0 when none is before it); 0 when the text is not longer than the window.
size_t random_window_start(const std::vector<int64_t>& ids, size_t length, const std::vector<uint8_t>& word_start,
                           std::mt19937_64& rng);

// Texts' ids concatenated in order and split into documents of exactly `doc_tokens` ids; the tail
// that does not fill a document is dropped.
std::vector<std::vector<int64_t>> join_into_documents(const std::vector<std::vector<int64_t>>& texts, size_t doc_tokens);

}  // namespace xcomp
