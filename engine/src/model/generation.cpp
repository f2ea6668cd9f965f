#include "xcomp/model/generation.h"

#include <ATen/core/grad_mode.h>
#include <torch/version.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "cpu_decode.h"
#include "rope.h"
#include "token_sink.h"
#include "xcomp/error.h"

#if defined(XCOMP_TORCH_CUDA) && TORCH_VERSION_MAJOR >= 2
#define XCOMP_CUDA_GRAPHS 1
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace xcomp {

bool cuda_graphs_available() {
#ifdef XCOMP_CUDA_GRAPHS
    return true;
#else
    return false;
#endif
}

const char* decode_mode_name(DecodeMode mode) {
    switch (mode) {
    case DecodeMode::Auto: return "auto";
    case DecodeMode::Dynamic: return "dynamic";
    case DecodeMode::Static: return "static";
    case DecodeMode::CudaGraph: return "cuda-graph";
    case DecodeMode::CpuLoop: return "cpu-loop";
    }
    return "?";
}

DecodeMode parse_decode_mode(const std::string& name) {
    for (DecodeMode m : {DecodeMode::Auto, DecodeMode::Dynamic, DecodeMode::Static, DecodeMode::CudaGraph, DecodeMode::CpuLoop})
        if (name == decode_mode_name(m)) return m;
    throw Error("unknown decode mode '" + name + "' (use auto, dynamic, static, cuda-graph or cpu-loop)");
}

namespace {

#ifdef XCOMP_CUDA_GRAPHS
// One capture stream per device for every run: each new stream gets its own cuBLAS workspace from the
// caching allocator, kept for the life of the process (32 pool streams cost about 1 GB).
c10::cuda::CUDAStream decode_stream(at::DeviceIndex index) {
    static std::mutex mu;
    static std::map<at::DeviceIndex, c10::cuda::CUDAStream> streams;
    std::lock_guard<std::mutex> lock(mu);
    auto it = streams.find(index);
    if (it == streams.end()) it = streams.emplace(index, c10::cuda::getStreamFromPool(false, index)).first;
    return it->second;
}
#endif

// The cache grows by concatenation; the only loop that can capture attention.
GenerationResult dynamic_loop(const LlamaModel& model, const at::Tensor& prompt_ids, KVCache cache, const GenerationOptions& o) {
    const int64_t B = prompt_ids.size(0);
    GenerationResult r;
    TokenSink sink(o, model.config(), r, B);
    ForwardOptions fo;
    fo.cache = &cache;
    fo.lora = o.lora;
    fo.capture_attention = o.capture_attention;
    fo.rope_inv_freq = rope_inv_freq(model.config(), model.device());
    at::Tensor input = prompt_ids.to(model.device(), at::kLong);
    // Left-padded prompts: positions count real tokens only and continue after the cache.
    at::Tensor next_pos;
    if (o.prompt_mask.defined()) {
        at::Tensor mask = o.prompt_mask.to(model.device(), at::kBool);
        at::Tensor pos = mask.to(at::kLong).cumsum(1) - 1 + cache.length();
        fo.attention_mask = mask;
        fo.position_ids = pos.clamp_min(cache.length());
        next_pos = pos.select(1, pos.size(1) - 1) + 1;  // [B]
    }
    for (int step = 0; step < o.max_new_tokens; ++step) {
        if (sink.cancelled()) break;
        if (o.capture_attention) fo.capture_queries = {input.size(1) - 1};
        ForwardOutput out = model.forward(input, fo);
        if (o.capture_attention) {
            std::vector<at::Tensor> rows;  // per layer [H, S]
            for (const at::Tensor& a : out.attention) rows.push_back(a[0].select(1, 0));
            r.attention.push_back(at::stack(rows).to(at::kCPU));
        }
        at::Tensor next = out.logits.select(1, out.logits.size(1) - 1).argmax(-1).to(at::kCPU);  // [B]
        if (!sink.take(next)) break;
        input = next.view({B, 1}).to(model.device());
        if (next_pos.defined()) {
            fo.attention_mask = at::ones({B, 1}, at::TensorOptions().dtype(at::kBool).device(model.device()));
            fo.position_ids = next_pos.view({B, 1});
            next_pos = next_pos + 1;
        }
    }
    return r;
}

// Preallocated cache; a decode step reads its token and position from device buffers and writes the
// next token back, so it needs no host work and, on CUDA, is captured once and replayed.
GenerationResult static_loop(const LlamaModel& model, const at::Tensor& prompt_ids, KVCache cache, const GenerationOptions& o,
                             bool use_graph) {
    const int64_t B = prompt_ids.size(0), T = prompt_ids.size(1), P = cache.length();
    const at::Device device = model.device();
    GenerationResult r;
    TokenSink sink(o, model.config(), r, B);
    if (o.max_new_tokens == 0 || sink.cancelled()) return r;
#ifdef XCOMP_CUDA_GRAPHS
    // Capture needs a stream other than the default one; the whole run uses it so nothing crosses streams.
    std::optional<c10::cuda::CUDAStreamGuard> stream_guard;
    std::unique_ptr<at::cuda::CUDAGraph> graph;
    if (use_graph) {
        c10::cuda::device_synchronize();
        stream_guard.emplace(decode_stream(device.index()));
    }
#endif
    StaticKVCache sc = StaticKVCache::from(cache, B, P + T + o.max_new_tokens, model.config(), device, model.dtype());
    cache = KVCache();
    ForwardOptions fo;
    fo.static_cache = &sc;
    fo.lora = o.lora;
    fo.rope_inv_freq = rope_inv_freq(model.config(), device);
    at::Tensor pos;  // [B, T]
    if (o.prompt_mask.defined()) {
        at::Tensor mask = o.prompt_mask.to(device, at::kBool);
        fo.attention_mask = mask;
        pos = (mask.to(at::kLong).cumsum(1) - 1 + P).clamp_min(P);
    } else {
        pos = at::arange(P, P + T, at::TensorOptions().dtype(at::kLong).device(device)).unsqueeze(0).expand({B, T}).contiguous();
    }
    fo.position_ids = pos;
    ForwardOutput prefill = model.forward(prompt_ids.to(device, at::kLong), fo);
    at::Tensor ids_buf = prefill.logits.select(1, T - 1).argmax(-1).view({B, 1}).contiguous();  // [B, 1]
    at::Tensor pos_buf = (pos.select(1, T - 1) + 1).view({B, 1}).contiguous();               // [B, 1]
    prefill = ForwardOutput();
    fo.attention_mask = at::Tensor();
    fo.position_ids = pos_buf;
    auto decode_step = [&] {  // ids_buf, pos_buf, sc -> next token in ids_buf; everything stays on the device
        ForwardOutput out = model.forward_embeds(model.embed(ids_buf), fo);
        ids_buf.copy_(out.logits.select(1, 0).argmax(-1).view({B, 1}));
        pos_buf.add_(1);
    };
    for (int step = 0; step < o.max_new_tokens; ++step) {
        if (step > 0) {
            if (sink.cancelled()) break;
#ifdef XCOMP_CUDA_GRAPHS
            if (use_graph && !graph && step >= 2) {  // step 1 ran eagerly on this stream: the warm-up
                graph = std::make_unique<at::cuda::CUDAGraph>();
                graph->capture_begin();
                try {
                    decode_step();
                    graph->capture_end();
                } catch (const c10::Error&) {
                    // End the capture so the shared stream stays usable, then decode eagerly: same result.
                    try {
                        graph->capture_end();
                    } catch (const c10::Error&) {
                    }
                    graph.reset();
                    use_graph = false;
                }
            }
            if (graph) {
                graph->replay();
            } else {
                decode_step();
            }
#else
            decode_step();
#endif
        }
        if (!sink.take(ids_buf.view({B}).to(at::kCPU))) break;
    }
    return r;
}

}  // namespace

GenerationResult generate_greedy(const LlamaModel& model, const at::Tensor& prompt_ids, KVCache cache,
                                 const GenerationOptions& o) {
    if (prompt_ids.dim() != 2 || prompt_ids.size(1) == 0) throw Error("generation needs a prompt of shape [B, T] with T > 0");
    if (o.max_new_tokens < 0) throw Error("max_new_tokens must be >= 0");
    if (o.capture_attention && prompt_ids.size(0) != 1) throw Error("attention capture needs batch size 1");
    // Positions past the model's context get RoPE angles it never saw: refuse rather than decode garbage.
    const int64_t context = model.config().max_position_embeddings;
    const int64_t used = cache.length() + prompt_ids.size(1);
    if (used + o.max_new_tokens > context)
        throw Error(std::to_string(o.max_new_tokens) + " new tokens do not fit the model's context: max_position_embeddings is " +
                    std::to_string(context) + " and the cache and prompt take " + std::to_string(used) +
                    " positions, so at most " + std::to_string(std::max<int64_t>(0, context - used)) + " new tokens");
    if (o.prompt_mask.defined() && o.prompt_mask.sizes() != prompt_ids.sizes())
        throw Error("prompt_mask must have the prompt's shape [B, T]");
    const bool cuda = model.device().is_cuda();
    DecodeMode mode = o.decode_mode;
    if (mode == DecodeMode::Auto) {
        if (cuda) mode = cuda_graphs_available() && !o.capture_attention ? DecodeMode::CudaGraph : DecodeMode::Dynamic;
        else mode = cpu_loop_supports(model, o) ? DecodeMode::CpuLoop : DecodeMode::Dynamic;
    }
    if (o.capture_attention && mode != DecodeMode::Dynamic && mode != DecodeMode::CpuLoop)
        throw Error("attention capture needs the dynamic or cpu-loop decode mode");
    if (mode == DecodeMode::CpuLoop && !cpu_loop_supports(model, o))
        throw Error("the cpu-loop decode mode needs a float32 model on the CPU, no LoRA and no left-padded prompts");
    if (mode == DecodeMode::CudaGraph && (!cuda || !cuda_graphs_available()))
        throw Error(cuda ? "this build's LibTorch cannot capture CUDA graphs (needs LibTorch 2.x with CUDA)"
                         : "CUDA-graph decoding needs the model on a CUDA device");
    at::NoGradGuard no_grad;
    if (mode == DecodeMode::Dynamic) return dynamic_loop(model, prompt_ids, std::move(cache), o);
    if (mode == DecodeMode::CpuLoop) return cpu_decode_loop(model, prompt_ids, std::move(cache), o);
    return static_loop(model, prompt_ids, std::move(cache), o, mode == DecodeMode::CudaGraph);
}

}  // namespace xcomp
