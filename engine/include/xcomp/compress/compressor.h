// xcomp/compress/compressor.h — soft prompt compressors: a text becomes m memory tokens that a frozen
// decoder LM reads (500xCompressor arXiv 2408.03094, ICAE, AOC arXiv 2501.06730).
//
// Conventions (following the official 500xCompressor code, which hands Hugging Face
// past_key_values to the decoder):
//  * Encoder input: [text tokens (no BOS)] + [m memory tokens]; positions 0 .. T+m-1; batches are
//    left-padded so the memory tokens always end the row, and positions start at 0 at each row's
//    first real token.
//  * 500x / AOC / LoRA-AOC hand over the memory tokens' K and V of every layer (after RoPE at their
//    encoder positions). ICAE hands over the memory tokens' final hidden states (after the final
//    norm), which the decoder reads as input embeddings at positions 0 .. m-1.
//  * Decoder positions continue after the memory (m, m+1, ...), what transformers does by default
//    given a cache of length m. Regeneration: memory, then [BOS], then the text and EOS.
//    QA: memory, [BOS], the question template, then the answer and EOS.
#pragma once
#include <ATen/ATen.h>

#include <memory>
#include <string>
#include <vector>

#include "xcomp/compress/optimisation_options.h"
#include "xcomp/model/model.h"
#include "xcomp/run_control.h"

namespace xcomp {

// OptimisedKV / OptimisedEmbeddings are no encoder but the per-text upper bound: the memory is
// fitted to each text against the frozen decoder (xcomp/compress/memory_optimisation.h).
enum class Method { X500, ICAE, AOC, LoraAOC, OptimisedKV, OptimisedEmbeddings };
// "500x", "icae", "aoc", "lora-aoc", "optimised-kv", "optimised-emb"
const char* method_name(Method m);
Method parse_method(const std::string& name);  // throws xcomp::Error
bool method_outputs_kv(Method m);   // all but ICAE and OptimisedEmbeddings
bool method_uses_lora(Method m);    // 500x, ICAE, LoRA-AOC
bool method_drops_mlp(Method m);    // AOC, LoRA-AOC
bool method_is_optimised(Method m); // OptimisedKV, OptimisedEmbeddings: nothing trained, nothing to load


constexpr int kMaxMemoryTokens = 64;

struct CompressorConfig {
    Method method = Method::AOC;
    int memory_tokens = 4;             // m, 1 .. kMaxMemoryTokens
    int max_source_tokens = 512;       // longer texts are refused (the training range ends at 480)
    int64_t lora_r = 16;               // LoRA methods
    double lora_alpha = 32;
    std::vector<std::string> lora_targets{"q_proj", "v_proj"};  // the official 500x code's default
    std::string qa_template = "Question: {q} Answer:";
    bool qa = false;                   // fine-tuned for QA
    std::string base_fingerprint;      // LlamaModel::fingerprint() of the base it was trained for
    std::string id;                    // e.g. "aoc-m4"
    std::string label;                 // e.g. "AOC m=4"
    // A length variant serves its family's id for short inputs: `xcomp regenerate --compressor
    // aoc-m16` runs aoc-m16-t96 on a text of at most serves_up_to tokens (see CompressorFamily).
    std::string variant_of;            // the family's id; empty: a compressor in its own right ("")
    int serves_up_to = 0;              // longest input it serves, in tokens (0: not a variant)
    std::string training_json = "{}";  // how it was trained (free-form JSON object)
    MemoryOptimisationOptions optimisation;  // optimised methods only

    static CompressorConfig from_file(const std::string& path);
    // compressor.json's text; `origin` names it in messages (from_file reads the file and calls this).
    static CompressorConfig from_json_text(const std::string& text, const std::string& origin);
    std::string to_json_text() const;
};

// What a compressor hands to the decoder, for a batch of B texts.
struct MemoryBatch {
    at::Tensor keys;        // [L, B, Hkv, m, D] (KV methods)
    at::Tensor values;      // [L, B, Hkv, m, D]
    at::Tensor embeddings;  // [B, m, d] (ICAE)
    // [B, m] bool, false: the decoder does not attend to that memory token (ablation,
    // xcomp/eval/memory_ablation.h); undefined: every memory token is read.
    at::Tensor mask;
    std::vector<at::Tensor> encoder_attention;  // when captured: per layer [B, H, m, T+m] float32 (none
                                                // for the optimised methods: no encoder reads the text)
    // Optimised methods: per row, the steps until the greedy regeneration was exact (-1: not within
    // the budget); `cancelled` when RunControl::cancel stopped the optimisation (best memory so far).
    std::vector<int> optimisation_steps;
    bool cancelled = false;
};

// The encoder's input for a batch of texts, as tensors: left-padded so that every row ends with
// its memory tokens. Built on the host (pinned for a GPU) by Compressor::encoder_input, so a
// trainer can build the next batch while the GPU runs the current one.
struct EncoderInput {
    at::Tensor ids;        // [B, T] int64 token ids, left-padded with 0
    at::Tensor mask;       // [B, T+m] bool, false on padding; undefined when no row is padded
    at::Tensor positions;  // [B, T+m] int64 position ids; undefined when no row is padded
    EncoderInput to(at::Device device, bool non_blocking = false) const;
};

// The trainable part of a compressor. Tensors here may require grad (trainer) or not (inference).
struct CompressorWeights {
    at::Tensor memory;     // [m, d] memory-token embeddings
    LoraWeights lora;      // LoRA methods
    LlamaWeights encoder;  // AOC: attention-only copy of the layers (embed shares the base's, frozen)
    std::vector<at::Tensor> trainable() const;
};

class Compressor {
public:
    // A fresh compressor for `base` (memory tokens drawn from the embedding statistics, LoRA as PEFT
    // initialises it, the AOC encoder copied from the base's attention layers).
    static std::shared_ptr<Compressor> create(const CompressorConfig& config, std::shared_ptr<const LlamaModel> base,
                                              uint64_t seed);
    // Loads compressor.json + memory.safetensors (+ adapter/ PEFT LoRA | encoder.safetensors);
    // refuses a compressor trained for another base model.
    static std::shared_ptr<Compressor> load(const std::string& dir, std::shared_ptr<const LlamaModel> base);
    void save(const std::string& dir) const;  // weights in the base's dtype unless float32 asked

    const CompressorConfig& config() const { return config_; }
    CompressorConfig& mutable_config() { return config_; }
    const LlamaModel& base() const { return *base_; }
    std::shared_ptr<const LlamaModel> base_ptr() const { return base_; }
    CompressorWeights& weights() { return weights_; }
    const CompressorWeights& weights() const { return weights_; }

    // ids: per row the text's token ids (no BOS). Runs with grad when `weights` require it.
    // Trainable weights kept in float32 (trainer) are cast to the base dtype on the fly.
    // `control` matters to the optimised methods only, which take seconds to minutes per text.
    MemoryBatch encode(const std::vector<std::vector<int64_t>>& ids, bool capture_attention = false,
                       const RunControl* control = nullptr) const;
    // The same in two halves: validate and pad on the host (pinned: page-locked, for an
    // asynchronous copy to a GPU), then encode tensors already on the base's device.
    EncoderInput encoder_input(const std::vector<std::vector<int64_t>>& ids, bool pinned = false) const;
    MemoryBatch encode(const EncoderInput& input, bool capture_attention = false, const RunControl* control = nullptr) const;

private:
    Compressor(CompressorConfig config, std::shared_ptr<const LlamaModel> base);
    CompressorConfig config_;
    std::shared_ptr<const LlamaModel> base_;
    CompressorWeights weights_;
};

// A compressed prompt as a value: one text's memory, with what it takes to check it fits.
struct CompressedPrompt {
    Method method = Method::AOC;
    int memory_tokens = 0;
    std::string compressor_id;
    std::string base_fingerprint;
    int source_tokens = 0;
    std::string source_text;  // optional
    at::Tensor keys, values;  // [L, Hkv, m, D] (KV methods)
    at::Tensor embeddings;    // [m, d] (ICAE)

    int64_t bytes() const;    // size of the tensors
    void save(const std::string& path) const;  // .xcp: safetensors + JSON metadata, atomic
    static CompressedPrompt load(const std::string& path);  // validates; throws xcomp::Error
    // Throws unless this prompt was made by `compressor` (same base fingerprint, method, m, id).
    void check_fits(const Compressor& compressor) const;
};

// Row `b` of a batch as a value.
CompressedPrompt to_prompt(const MemoryBatch& batch, int64_t b, const Compressor& compressor, int source_tokens,
                           const std::string& source_text);

// (1-alpha)*a + alpha*b; spherical: slerp of every vector (the last dimension) with the norms
// interpolated linearly. Both must come from the same compressor.
CompressedPrompt interpolate(const CompressedPrompt& a, const CompressedPrompt& b, double alpha, bool spherical);

// Decoder prefix of a batch of prompts: the KV cache (KV methods) or the cache after running the
// memory embeddings through the frozen decoder (ICAE). Returns the cache ready for [BOS].
KVCache decoder_prefix(const LlamaModel& decoder, const MemoryBatch& memory);
MemoryBatch to_batch(const std::vector<const CompressedPrompt*>& prompts, const LlamaModel& decoder);

}  // namespace xcomp
