// info, tokenize, generate, logits: the model-level commands.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "xcomp/error.h"
#include "xcomp/model/generation.h"
#include "xcomp/runtime.h"
#include "xcomp/io/tensor_io.h"

namespace xcomp::cli {

ModelFolder open_model(Args& a, bool require_tokenizer, const std::string& device_override) {
    LlamaModel::LoadOptions o;
    o.device = a.str("device", "cpu");
    if (!device_override.empty()) o.device = device_override;
    o.dtype = a.str("dtype", "auto");
    return load_model_folder(a.str("model", default_model_dir()), o, require_tokenizer);
}

MemoryOptimisationOptions optimisation_options(Args& a) {
    MemoryOptimisationOptions o;
    o.max_steps = static_cast<int>(a.integer("optimise-steps", o.max_steps, 1, 1000000));
    o.lr = a.real("optimise-lr", o.lr, 1e-6, 10);
    return o;
}

int cmd_info(Args& a) {
    const bool json = a.flag("json");
    ModelFolder f = open_model(a, false);
    a.finish();
    const LlamaConfig& c = f.model->config();
    nlohmann::json j = {
        {"model", f.model->dir()},
        {"parameters", f.model->parameter_count()},
        {"dtype", dtype_to_name(f.model->dtype())},
        {"device", f.model->device().str()},
        {"layers", c.num_hidden_layers},
        {"hidden_size", c.hidden_size},
        {"intermediate_size", c.intermediate_size},
        {"heads", c.num_attention_heads},
        {"kv_heads", c.num_key_value_heads},
        {"head_dim", c.head_dim},
        {"vocab_size", c.vocab_size},
        {"rope_theta", c.rope_theta},
        {"rope_scaling", c.rope_scaling.type},
        {"tie_word_embeddings", c.tie_word_embeddings},
        {"fingerprint", f.model->fingerprint()},
        {"tokenizer", f.tokenizer ? f.tokenizer->vocab_size() : 0},
        {"torch", torch_version()},
    };
    if (json) {
        std::cout << j.dump() << "\n";
        return 0;
    }
    std::printf("model        %s\n", f.model->dir().c_str());
    std::printf("parameters   %lld (%.2f M)\n", static_cast<long long>(f.model->parameter_count()),
                f.model->parameter_count() / 1e6);
    std::printf("dtype        %s\ndevice       %s\n", dtype_to_name(f.model->dtype()).c_str(), f.model->device().str().c_str());
    std::printf("layers       %lld, hidden %lld, MLP %lld\n", (long long)c.num_hidden_layers, (long long)c.hidden_size,
                (long long)c.intermediate_size);
    std::printf("heads        %lld query, %lld key/value, head_dim %lld\n", (long long)c.num_attention_heads,
                (long long)c.num_key_value_heads, (long long)c.head_dim);
    std::printf("vocabulary   %lld%s\n", (long long)c.vocab_size, c.tie_word_embeddings ? " (tied embeddings)" : "");
    std::printf("rope         theta %g, scaling %s\n", c.rope_theta, c.rope_scaling.type.c_str());
    std::printf("tokenizer    %s\n", f.tokenizer ? (std::to_string(f.tokenizer->vocab_size()) + " pieces").c_str() : "none");
    std::printf("fingerprint  %s\nlibtorch     %s\n", f.model->fingerprint().c_str(), torch_version().c_str());
    return 0;
}

int cmd_tokenize(Args& a) {
    const std::string text = a.required("text");
    const bool json = a.flag("json");
    ModelFolder f = open_model(a, true);
    a.finish();
    const std::vector<int> ids = f.tokenizer->encode(text);
    const std::vector<std::string> pieces = f.tokenizer->pieces(ids);
    if (json) {
        std::cout << nlohmann::json({{"ids", ids}, {"pieces", pieces}}).dump() << "\n";
        return 0;
    }
    for (size_t i = 0; i < ids.size(); ++i) std::printf("%d\t%s\n", ids[i], pieces[i].c_str());
    std::printf("(%zu tokens)\n", ids.size());
    return 0;
}

namespace {

std::vector<int64_t> parse_ids(const std::string& s) {
    std::vector<int64_t> ids;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t comma = s.find(',', pos);
        if (comma == std::string::npos) comma = s.size();
        const std::string item = s.substr(pos, comma - pos);
        char* end = nullptr;
        const long long v = std::strtoll(item.c_str(), &end, 10);
        if (item.empty() || *end) throw Error("--prompt-ids: '" + item + "' is not an integer");
        ids.push_back(v);
        pos = comma + 1;
    }
    if (ids.empty()) throw Error("--prompt-ids is empty");
    return ids;
}

}  // namespace

int cmd_generate(Args& a) {
    const bool json = a.flag("json");
    const int max_new = static_cast<int>(a.integer("max-new-tokens", 64, 0, 1 << 20));
    const bool has_text = a.has("prompt"), has_ids = a.has("prompt-ids");
    if (has_text == has_ids) throw Error("give exactly one of --prompt or --prompt-ids");
    ModelFolder f = open_model(a, has_text);
    std::vector<int64_t> prompt;
    if (has_text) {
        const std::string text = a.str("prompt", "");
        if (f.model->config().bos_token_id() >= 0) prompt.push_back(f.model->config().bos_token_id());
        for (int id : f.tokenizer->encode(text)) prompt.push_back(id);
    } else {
        prompt = parse_ids(a.str("prompt-ids", ""));
    }
    a.finish();
    // RoPE positions past the trained context give garbage, not an error; refuse up front.
    const int64_t context = f.model->config().max_position_embeddings;
    const int64_t room = context - static_cast<int64_t>(prompt.size());
    if (max_new > room)
        throw Error("--max-new-tokens " + std::to_string(max_new) + " does not fit the model's context: " +
                    "max_position_embeddings is " + std::to_string(context) + " and the prompt takes " +
                    std::to_string(prompt.size()) + " positions, so at most " + std::to_string(std::max<int64_t>(0, room)) +
                    " new tokens");
    GenerationOptions go;
    go.max_new_tokens = max_new;
    const auto t0 = std::chrono::steady_clock::now();
    GenerationResult r = generate_greedy(*f.model, at::tensor(prompt, at::kLong).view({1, -1}), KVCache(), go);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::vector<int> ids(r.ids[0].begin(), r.ids[0].end());
    const std::string text = f.tokenizer ? f.tokenizer->decode(ids) : std::string();
    if (json) {
        std::cout << nlohmann::json({{"ids", r.ids[0]}, {"text", text}, {"eos", bool(r.hit_eos[0])}, {"seconds", secs}}).dump()
                  << "\n";
    } else {
        std::printf("%s\n", text.c_str());
        std::fprintf(stderr, "(%zu tokens in %.3f s, %.1f tokens/s%s)\n", ids.size(), secs, ids.size() / std::max(secs, 1e-9),
                     r.hit_eos[0] ? ", stopped at EOS" : "");
    }
    return 0;
}

int cmd_logits(Args& a) {
    const std::string in = a.required("input"), out = a.required("output");
    const std::string adapter = a.str("adapter", "");
    const bool no_mlp = a.flag("no-mlp");
    const long long P = a.integer("prefix-len", -1, 0, 1 << 30);
    ModelFolder f = open_model(a, false);
    a.finish();
    at::NoGradGuard no_grad;
    TensorMap inputs = load_safetensors(in);
    if (!inputs.count("input_ids")) throw Error(in + ": no tensor 'input_ids'");
    at::Tensor ids = inputs["input_ids"];
    if (ids.scalar_type() != at::kLong || ids.dim() != 2) throw Error(in + ": 'input_ids' must be int64 [B, T]");
    LoraWeights lora;
    ForwardOptions fo;
    if (!adapter.empty()) {
        lora = LoraWeights::load(adapter, f.model->config(), f.model->device(), f.model->dtype());
        fo.lora = &lora;
    }
    fo.skip_mlp = no_mlp;
    TensorMap result;
    result["logits"] = f.model->forward(ids, fo).logits.to(at::kCPU, at::kFloat);
    if (P >= 0) {
        if (P > ids.size(1)) throw Error("--prefix-len " + std::to_string(P) + " is longer than the input");
        KVCache cache;
        ForwardOptions prefix = fo;
        prefix.cache = &cache;
        f.model->forward(ids.narrow(1, 0, P), prefix);
        result["prefix_keys"] = at::stack(cache.keys).to(at::kCPU, at::kFloat);  // [L, B, Hkv, P, D]
        result["prefix_values"] = at::stack(cache.values).to(at::kCPU, at::kFloat);
        ForwardOptions rest = fo;
        rest.cache = &cache;
        result["rest_logits"] = f.model->forward(ids.narrow(1, P, ids.size(1) - P), rest).logits.to(at::kCPU, at::kFloat);
    }
    save_safetensors(out, result);
    std::fprintf(stderr, "wrote %s\n", out.c_str());
    return 0;
}

}  // namespace xcomp::cli
