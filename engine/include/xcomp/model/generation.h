// xcomp/model/generation.h — greedy decoding on top of a KV cache (the decoder side of every method).
#pragma once
#include <ATen/ATen.h>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "xcomp/model/model.h"
#include "xcomp/run_control.h"

namespace xcomp {

// How the decode loop keeps its KV cache.
enum class DecodeMode {
    Auto,       // CudaGraph on CUDA where LibTorch supports it, CpuLoop on the CPU where it applies, else Dynamic
    Dynamic,    // cache grown by concatenation at every step (any device)
    Static,     // preallocated cache written in place (any device)
    CudaGraph,  // Static, with one decode step captured as a CUDA graph and replayed (CUDA, LibTorch 2.x)
    CpuLoop,    // preallocated float32 cache, plain loops around BLAS: no per-operator cost (CPU, float32, no LoRA
                // or prompt mask)
};
// True when this build can capture CUDA graphs (LibTorch 2.x with CUDA).
bool cuda_graphs_available();
const char* decode_mode_name(DecodeMode mode);         // "auto", "dynamic", "static", "cuda-graph", "cpu-loop"
DecodeMode parse_decode_mode(const std::string& name);  // throws xcomp::Error

struct GenerationOptions {
    int max_new_tokens = 256;           // stop after this many new tokens (256)
    bool stop_at_eos = true;            // stop a row at any of the config's EOS ids (true)
    const LoraWeights* lora = nullptr;  // adapter while decoding (none: the frozen base LM)
    bool capture_attention = false;     // keep each generated token's attention rows (false; batch 1 only)
    // [B, T] bool, false = padding, for left-padded prompts of different lengths (all true).
    at::Tensor prompt_mask;
    DecodeMode decode_mode = DecodeMode::Auto;  // attention capture decodes Dynamic or CpuLoop (Auto)
    // on_token after each step with the row and its new token (false stops everything); cancel
    // read before every step (xcomp/run_control.h).
    RunControl control;
};

struct GenerationResult {
    std::vector<std::vector<int64_t>> ids;  // per row: the new tokens, EOS excluded
    std::vector<bool> hit_eos;              // per row
    bool cancelled = false;                 // control.cancel or control.on_token stopped the run
    // When captured: per generated token g, [L, H, S_g] float32 on CPU, the weights of the query
    // that produced token g over every position before it (prefix first).
    std::vector<at::Tensor> attention;
};

// prompt_ids [B, T] int64 (same T for every row), fed after whatever `cache` holds (moved in; it
// is extended as decoding goes). Greedy: argmax of the last position's logits at every step.
// Throws xcomp::Error when cache + T + max_new_tokens exceeds the model's max_position_embeddings.
GenerationResult generate_greedy(const LlamaModel& model, const at::Tensor& prompt_ids, KVCache cache,
                                 const GenerationOptions& options = {});

}  // namespace xcomp
