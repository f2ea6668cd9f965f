#include "xcomp/compress/compressor_family.h"

#include <algorithm>

namespace xcomp {

void CompressorFamilies::add(const CompressorConfig& c) { members_.push_back({c.id, c.variant_of, c.serves_up_to}); }

std::vector<LengthVariant> CompressorFamilies::variants_of(const std::string& id) const {
    std::vector<LengthVariant> out;
    for (const Member& m : members_)
        if (m.variant_of == id) out.push_back({m.id, m.serves_up_to});
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.serves_up_to < b.serves_up_to; });
    return out;
}

std::string CompressorFamilies::route(const std::string& id, int n_tokens) const {
    for (const LengthVariant& v : variants_of(id))
        if (n_tokens <= v.serves_up_to) return v.id;
    return id;
}

bool CompressorFamilies::is_variant(const std::string& id) const {
    return std::any_of(members_.begin(), members_.end(), [&](const Member& m) { return m.id == id && !m.variant_of.empty(); });
}

std::string CompressorFamilies::family_of(const std::string& id) const {
    for (const Member& m : members_)
        if (m.id == id && !m.variant_of.empty()) return m.variant_of;
    return id;
}

std::string CompressorFamilies::describe(const std::string& id) const {
    std::string out;
    for (const LengthVariant& v : variants_of(id))
        out += v.id + " (texts up to " + std::to_string(v.serves_up_to) + " tokens), else ";
    return out.empty() ? out : out + id;
}

}  // namespace xcomp
