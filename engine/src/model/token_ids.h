// The one vocabulary check of token ids, with the one message: the model's forward pass, the
// compressor's encoder input and the decoder's teacher-forced targets all use it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "xcomp/error.h"

namespace xcomp {

// Throws xcomp::Error naming the first id outside [0, vocab_size).
inline void check_token_ids(const std::vector<int64_t>& ids, int64_t vocab_size) {
    for (int64_t id : ids)
        if (id < 0 || id >= vocab_size)
            throw Error("token id " + std::to_string(id) + " is outside the vocabulary (size " + std::to_string(vocab_size) +
                        ")");
}

}  // namespace xcomp
