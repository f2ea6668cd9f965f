// xcomp/compress/compressor_family.h — which compressor runs a text. An id such as "aoc-m16" names a family:
// its general compressor and any length variants (CompressorConfig::variant_of), e.g. aoc-m16-t96
// trained on texts of 64-128 tokens. A text goes to the variant with the smallest serves_up_to that
// covers its length, else to the general compressor; a variant asked for by its own id always runs.
#pragma once
#include <string>
#include <vector>

#include "xcomp/compress/compressor.h"

namespace xcomp {

struct LengthVariant {
    std::string id;
    int serves_up_to = 0;  // texts of at most this many tokens
};

class CompressorFamilies {
public:
    // Registers a loaded compressor; order does not matter.
    void add(const CompressorConfig& config);

    // The id that runs a text of `n_tokens` when `id` is asked for (`id` itself when no variant covers it).
    std::string route(const std::string& id, int n_tokens) const;

    // `id`'s variants, shortest coverage first (empty for a compressor without variants).
    std::vector<LengthVariant> variants_of(const std::string& id) const;

    bool is_variant(const std::string& id) const;
    std::string family_of(const std::string& id) const;  // the general id of a variant, else `id`

    // One line for people: "aoc-m16-t96 (texts up to 128 tokens), else aoc-m16"; empty without variants.
    std::string describe(const std::string& id) const;

private:
    struct Member {
        std::string id, variant_of;
        int serves_up_to = 0;
    };
    std::vector<Member> members_;
};

}  // namespace xcomp
