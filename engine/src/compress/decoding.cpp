#include "xcomp/compress/decoding.h"

#include <ATen/core/grad_mode.h>
#include <algorithm>

#include "xcomp/error.h"
#include "model/token_ids.h"

namespace xcomp {

namespace {

std::string fill_template(const std::string& qa_template, const std::string& question) {
    std::string text = qa_template;
    const size_t at = text.find("{q}");
    if (at == std::string::npos) throw Error("the QA template must contain {q}");
    return text.replace(at, 3, question);
}

std::vector<int64_t> with_bos(const Tokenizer& tok, const LlamaConfig& config, const std::string& text) {
    std::vector<int64_t> ids;
    if (config.bos_token_id() >= 0) ids.push_back(config.bos_token_id());
    for (int id : tok.encode(text)) ids.push_back(id);
    return ids;
}

}  // namespace

std::vector<int64_t> qa_prompt_ids(const Tokenizer& tok, const LlamaConfig& config, const std::string& qa_template,
                                   const std::string& question) {
    return with_bos(tok, config, fill_template(qa_template, question));
}

std::vector<int64_t> full_context_qa_prompt_ids(const Tokenizer& tok, const LlamaConfig& config,
                                                const std::string& qa_template, const std::string& context,
                                                const std::string& question) {
    return with_bos(tok, config, context + " " + fill_template(qa_template, question));
}

LossNormalization parse_loss_normalization(const std::string& name) {
    if (name == "token") return LossNormalization::Token;
    if (name == "sample") return LossNormalization::Sample;
    throw Error("loss normalization must be 'token' or 'sample', got '" + name + "'");
}

const char* loss_normalization_name(LossNormalization n) { return n == LossNormalization::Token ? "token" : "sample"; }

DecoderTargets DecoderTargets::to(at::Device device, bool non_blocking) const {
    return DecoderTargets{input.to(device, non_blocking), labels.to(device, non_blocking), count};
}

DecoderTargets decoder_targets(const LlamaConfig& config, const std::vector<std::vector<int64_t>>& prompts,
                               const std::vector<std::vector<int64_t>>& targets, bool pinned) {
    const int64_t B = static_cast<int64_t>(targets.size());
    if (B == 0 || static_cast<int64_t>(prompts.size()) != B) throw Error("decoder_loss: prompts and targets differ in count");
    int64_t T = 0;
    for (int64_t b = 0; b < B; ++b) T = std::max<int64_t>(T, prompts[b].size() + targets[b].size() - 1);
    const int64_t pad = config.eos_token_ids.empty() ? 0 : config.eos_token_ids.front(), V = config.vocab_size;
    DecoderTargets d;
    d.input = at::full({B, T}, pad, at::TensorOptions().dtype(at::kLong));    // [B, T]
    d.labels = at::full({B, T}, -100, at::TensorOptions().dtype(at::kLong));  // [B, T]
    int64_t* input = d.input.data_ptr<int64_t>();
    int64_t* labels = d.labels.data_ptr<int64_t>();
    for (int64_t b = 0; b < B; ++b) {
        std::vector<int64_t> row = prompts[b];
        row.insert(row.end(), targets[b].begin(), targets[b].end());
        const int64_t P = static_cast<int64_t>(prompts[b].size());
        check_token_ids(row, V);
        for (int64_t i = 0; i + 1 < static_cast<int64_t>(row.size()); ++i) {
            input[b * T + i] = row[i];
            if (i + 1 >= P) {
                labels[b * T + i] = row[i + 1];
                ++d.count;
            }
        }
    }
    if (pinned) {
        d.input = d.input.pin_memory();
        d.labels = d.labels.pin_memory();
    }
    return d;
}

at::Tensor decoder_loss(const LlamaModel& decoder, const MemoryBatch& memory, const std::vector<std::vector<int64_t>>& prompts,
                        const std::vector<std::vector<int64_t>>& targets, int64_t* n_tokens, LossNormalization norm) {
    const DecoderTargets d = decoder_targets(decoder.config(), prompts, targets).to(decoder.device());
    if (n_tokens) *n_tokens = d.count;
    return decoder_loss(decoder, memory, d, norm);
}

at::Tensor decoder_loss(const LlamaModel& decoder, const MemoryBatch& memory, const DecoderTargets& d, LossNormalization norm) {
    const int64_t B = d.input.size(0), T = d.input.size(1);
    KVCache cache = decoder_prefix(decoder, memory);
    ForwardOptions fo;
    fo.cache = &cache;
    // The ids were checked on the host (decoder_targets), so the model's own check, which reads
    // them back from the GPU, is skipped.
    at::Tensor logits = llama_forward(decoder.config(), decoder.weights(), decoder.embed(d.input), fo).logits;  // [B, T, V]
    const at::Tensor& y = d.labels;
    if (norm == LossNormalization::Token)
        return at::cross_entropy_loss(logits.reshape({B * T, -1}).to(at::kFloat), y.reshape({B * T}), {}, at::Reduction::Mean, -100);
    at::Tensor per_token = at::cross_entropy_loss(logits.reshape({B * T, -1}).to(at::kFloat), y.reshape({B * T}), {},
                                                  at::Reduction::None, -100)
                               .view({B, T});                                  // [B, T], 0 at ignored labels
    at::Tensor counts = y.ne(-100).sum(1).clamp_min(1).to(at::kFloat);  // [B]
    return (per_token.sum(1) / counts).mean();
}

at::Tensor decoder_row_losses(const LlamaModel& decoder, const MemoryBatch& memory, const DecoderTargets& d) {
    at::NoGradGuard ng;
    const int64_t B = d.input.size(0), T = d.input.size(1);
    KVCache cache = decoder_prefix(decoder, memory);
    ForwardOptions fo;
    fo.cache = &cache;
    at::Tensor logits = llama_forward(decoder.config(), decoder.weights(), decoder.embed(d.input), fo).logits;  // [B, T, V]
    at::Tensor per_token = at::cross_entropy_loss(logits.reshape({B * T, -1}).to(at::kFloat), d.labels.reshape({B * T}), {},
                                                  at::Reduction::None, -100)
                               .view({B, T});                                       // [B, T]
    return per_token.sum(1) / d.labels.ne(-100).sum(1).clamp_min(1).to(at::kFloat);  // [B]
}

GenerationResult regenerate(const LlamaModel& decoder, const MemoryBatch& memory, const GenerationOptions& options) {
    const int64_t B = memory.keys.defined() ? memory.keys.size(1) : memory.embeddings.size(0);
    const int64_t bos = decoder.config().bos_token_id();
    if (bos < 0) throw Error("the decoder's config has no bos_token_id; regeneration starts from [BOS]");
    KVCache cache = decoder_prefix(decoder, memory);
    return generate_greedy(decoder, at::full({B, 1}, bos, at::TensorOptions().dtype(at::kLong)), std::move(cache), options);
}

GenerationResult continue_after(const LlamaModel& decoder, const MemoryBatch* memory, const std::vector<int64_t>& prompt,
                                const GenerationOptions& options) {
    KVCache cache = memory ? decoder_prefix(decoder, *memory) : KVCache();
    return generate_greedy(decoder, at::tensor(prompt, at::kLong).view({1, -1}), std::move(cache), options);
}

GenerationResult continue_batch(const LlamaModel& decoder, const MemoryBatch* memory,
                                const std::vector<std::vector<int64_t>>& prompts, GenerationOptions options) {
    const int64_t B = static_cast<int64_t>(prompts.size());
    int64_t T = 0;
    for (const auto& p : prompts) {
        if (p.empty()) throw Error("continue_batch: empty prompt");
        T = std::max<int64_t>(T, static_cast<int64_t>(p.size()));
    }
    std::vector<int64_t> ids(B * T, 0);
    std::vector<uint8_t> mask(B * T, 0);
    for (int64_t b = 0; b < B; ++b) {
        const int64_t pad = T - static_cast<int64_t>(prompts[b].size());
        for (size_t i = 0; i < prompts[b].size(); ++i) {
            ids[b * T + pad + i] = prompts[b][i];
            mask[b * T + pad + i] = 1;
        }
    }
    options.prompt_mask = at::tensor(std::vector<int64_t>(mask.begin(), mask.end()), at::kLong).view({B, T}).to(at::kBool);
    KVCache cache = memory ? decoder_prefix(decoder, *memory) : KVCache();
    return generate_greedy(decoder, at::tensor(ids, at::kLong).view({B, T}), std::move(cache), options);
}

std::string cut_to_tokens(const Tokenizer& tok, const std::string& text, int n, std::vector<int64_t>* ids) {
    std::vector<int> all = tok.encode(text);
    if (n > 0 && static_cast<int>(all.size()) > n) all.resize(n);
    if (ids) ids->assign(all.begin(), all.end());
    return tok.decode(all);
}

}  // namespace xcomp
