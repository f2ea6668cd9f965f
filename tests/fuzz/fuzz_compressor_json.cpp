// Fuzzes a compressor folder's `compressor.json` (CompressorConfig::from_json_text, what
// Compressor::load reads first). Invariants on an accepted config: m within 1..kMaxMemoryTokens, a
// length variant's serves_up_to inside its range, to_json_text() reads back as the same config, and
// length-variant routing (CompressorFamilies) sends a text to the variant exactly when it fits.
#include "fuzz_util.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/compressor_family.h"
#include "xcomp/error.h"

using namespace xcomp;

namespace {

bool same(const CompressorConfig& a, const CompressorConfig& b) {
    const bool lora = !method_uses_lora(a.method) ||
                      (a.lora_r == b.lora_r && a.lora_alpha == b.lora_alpha && a.lora_targets == b.lora_targets);
    return lora && a.method == b.method && a.memory_tokens == b.memory_tokens &&
           a.max_source_tokens == b.max_source_tokens && a.qa_template == b.qa_template && a.qa == b.qa &&
           a.base_fingerprint == b.base_fingerprint && a.id == b.id && a.label == b.label &&
           a.variant_of == b.variant_of && a.serves_up_to == b.serves_up_to && a.training_json == b.training_json;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    CompressorConfig c;
    try {
        c = CompressorConfig::from_json_text(text, "compressor.json");
    } catch (const Error&) {
        return 0;
    }
    FUZZ_CHECK(c.memory_tokens >= 1 && c.memory_tokens <= kMaxMemoryTokens);
    FUZZ_CHECK(c.max_source_tokens >= 1);
    CompressorConfig again;
    try {
        again = CompressorConfig::from_json_text(c.to_json_text(), "compressor.json (written back)");
    } catch (const Error& e) {
        std::fprintf(stderr, "written config refused: %s\n", e.what());
        std::abort();
    }
    FUZZ_CHECK(same(c, again));

    if (!c.variant_of.empty()) {
        FUZZ_CHECK(c.serves_up_to >= 1 && c.serves_up_to <= c.max_source_tokens);
        CompressorFamilies families;
        families.add(c);
        FUZZ_CHECK(families.route(c.variant_of, c.serves_up_to) == c.id);
        FUZZ_CHECK(families.route(c.variant_of, c.serves_up_to + 1) == c.variant_of);
        FUZZ_CHECK(families.is_variant(c.id) == !c.id.empty() || c.id.empty());
        FUZZ_CHECK(families.family_of(c.id) == c.variant_of);
    }
    return 0;
}
