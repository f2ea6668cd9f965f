// Fuzzes config.json (LlamaConfig::from_json_text). Invariants on an accepted config: the sizes are
// positive and consistent, parameter_count() is computable (what `xcomp info` prints), and
// to_json_text() reads back as the same config.
#include "fuzz_util.h"
#include "xcomp/io/config.h"
#include "xcomp/error.h"

using namespace xcomp;

namespace {

bool same(const LlamaConfig& a, const LlamaConfig& b) {
    return a.vocab_size == b.vocab_size && a.hidden_size == b.hidden_size &&
           a.intermediate_size == b.intermediate_size && a.num_hidden_layers == b.num_hidden_layers &&
           a.num_attention_heads == b.num_attention_heads && a.num_key_value_heads == b.num_key_value_heads &&
           a.head_dim == b.head_dim && a.max_position_embeddings == b.max_position_embeddings &&
           a.rms_norm_eps == b.rms_norm_eps && a.rope_theta == b.rope_theta &&
           a.rope_scaling.type == b.rope_scaling.type && a.rope_scaling.factor == b.rope_scaling.factor &&
           a.rope_scaling.low_freq_factor == b.rope_scaling.low_freq_factor &&
           a.rope_scaling.high_freq_factor == b.rope_scaling.high_freq_factor &&
           a.rope_scaling.original_max_position_embeddings == b.rope_scaling.original_max_position_embeddings &&
           a.tie_word_embeddings == b.tie_word_embeddings && a.attention_bias == b.attention_bias &&
           a.mlp_bias == b.mlp_bias && a.hidden_act == b.hidden_act && a.dtype == b.dtype &&
           a.bos_token_ids == b.bos_token_ids && a.eos_token_ids == b.eos_token_ids && a.pad_token_id == b.pad_token_id;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    LlamaConfig c;
    try {
        c = LlamaConfig::from_json_text(text, "config.json");
    } catch (const Error&) {
        return 0;
    }
    FUZZ_CHECK(c.vocab_size > 0 && c.hidden_size > 0 && c.head_dim > 0 && c.num_hidden_layers > 0);
    FUZZ_CHECK(c.num_attention_heads % c.num_key_value_heads == 0);
    FUZZ_CHECK(c.parameter_count() > 0);
    LlamaConfig again;
    try {
        again = LlamaConfig::from_json_text(c.to_json_text(), "config.json (written back)");
    } catch (const Error& e) {
        std::fprintf(stderr, "written config refused: %s\n", e.what());
        std::abort();
    }
    FUZZ_CHECK(same(c, again));
    return 0;
}
