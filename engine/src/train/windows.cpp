#include "windows.h"

#include <numeric>
#include <string>

namespace xcomp {

std::vector<uint8_t> word_start_ids(const Tokenizer& tok) {
    std::vector<int> all(static_cast<size_t>(tok.vocab_size()));
    std::iota(all.begin(), all.end(), 0);
    const std::vector<std::string> pieces = tok.pieces(all);  // the boundary mark shown as ' '
    std::vector<uint8_t> out(pieces.size(), 0);
    for (size_t i = 0; i < pieces.size(); ++i) out[i] = !pieces[i].empty() && pieces[i][0] == ' ';
    return out;
}

size_t random_window_start(const std::vector<int64_t>& ids, size_t length, const std::vector<uint8_t>& word_start,
                           std::mt19937_64& rng) {
    if (ids.size() <= length) return 0;
    std::uniform_int_distribution<size_t> at(1, ids.size() - length);
    size_t from = at(rng);
    auto starts_word = [&](size_t i) {
        const int64_t id = ids[i];
        return id >= 0 && static_cast<size_t>(id) < word_start.size() && word_start[static_cast<size_t>(id)];
    };
    while (from > 0 && !starts_word(from)) --from;
    return from;
}

std::vector<std::vector<int64_t>> join_into_documents(const std::vector<std::vector<int64_t>>& texts, size_t doc_tokens) {
    std::vector<std::vector<int64_t>> docs;
    if (doc_tokens == 0) return docs;
    std::vector<int64_t> cur;
    cur.reserve(doc_tokens);
    for (const auto& t : texts) {
        for (size_t i = 0; i < t.size();) {
            const size_t take = std::min(doc_tokens - cur.size(), t.size() - i);
            cur.insert(cur.end(), t.begin() + static_cast<std::ptrdiff_t>(i), t.begin() + static_cast<std::ptrdiff_t>(i + take));
            i += take;
            if (cur.size() == doc_tokens) {
                docs.push_back(std::move(cur));
                cur = {};
                cur.reserve(doc_tokens);
            }
        }
    }
    return docs;
}

}  // namespace xcomp
