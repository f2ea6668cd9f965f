// Per-token evidence: one teacher-forced pass of the frozen decoder over the original text.
#include "xcomp/eval/token_evidence.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"

namespace xcomp {

int first_divergence(const std::vector<int64_t>& text, const std::vector<int64_t>& greedy, bool hit_eos) {
    const size_t n = std::min(text.size(), greedy.size());
    for (size_t i = 0; i < n; ++i)
        if (text[i] != greedy[i]) return static_cast<int>(i);
    // Equal up to the shorter one: the original ends with EOS at text.size().
    if (greedy.size() == text.size()) return hit_eos ? -1 : static_cast<int>(text.size());
    return static_cast<int>(n);
}

std::vector<TokenEvidence> token_evidence(const LlamaModel& decoder, const MemoryBatch& memory,
                                          const std::vector<std::vector<int64_t>>& texts,
                                          const std::vector<std::vector<int64_t>>& greedy, const std::vector<bool>& hit_eos) {
    const int64_t B = static_cast<int64_t>(texts.size());
    if (greedy.size() != texts.size() || hit_eos.size() != texts.size())
        throw Error("token_evidence: texts, regenerations and EOS flags differ in number");
    at::NoGradGuard ng;
    const LlamaConfig& c = decoder.config();
    std::vector<std::vector<int64_t>> prompts(B, std::vector<int64_t>{c.bos_token_id()}), targets(B);
    for (int64_t b = 0; b < B; ++b) {
        targets[b] = texts[b];
        targets[b].push_back(c.eos_token_ids.front());
    }
    const DecoderTargets d = decoder_targets(c, prompts, targets).to(decoder.device());
    KVCache cache = decoder_prefix(decoder, memory);
    ForwardOptions fo;
    fo.cache = &cache;
    const at::Tensor logits = llama_forward(c, decoder.weights(), decoder.embed(d.input), fo).logits.to(at::kFloat);  // [B, T, V]
    const at::Tensor logp = at::log_softmax(logits, -1);                              // [B, T, V]
    const at::Tensor labels = d.labels.clamp_min(0).unsqueeze(-1);                     // [B, T, 1]
    const at::Tensor label_logit = logits.gather(-1, labels);                          // [B, T, 1]
    const at::Tensor rank = logits.ge(label_logit).sum(-1).to(at::kInt).to(at::kCPU);  // [B, T], 1 = first choice
    const at::Tensor lp = logp.gather(-1, labels).squeeze(-1).to(at::kCPU);           // [B, T]
    const at::Tensor entropy = (-(logp.exp() * logp).sum(-1)).to(at::kCPU);           // [B, T]
    const at::Tensor valid = d.labels.ne(-100).to(at::kCPU);                           // [B, T]
    const auto va = valid.accessor<bool, 2>();
    const auto lpa = lp.accessor<float, 2>();
    const auto ra = rank.accessor<int, 2>();
    const auto ea = entropy.accessor<float, 2>();
    std::vector<TokenEvidence> out(B);
    for (int64_t b = 0; b < B; ++b) {
        TokenEvidence& e = out[b];
        double correct = 0, sum_lp = 0;
        // Row b's labelled positions are its targets in order (text, then EOS).
        for (int64_t t = 0; t < valid.size(1); ++t) {
            if (!va[b][t]) continue;
            const double l = lpa[b][t];
            const int r = ra[b][t];
            e.probability.push_back(static_cast<float>(std::exp(l)));
            e.rank.push_back(r);
            e.entropy.push_back(ea[b][t]);
            correct += r == 1;
            sum_lp += l;
        }
        const double n = static_cast<double>(std::max<size_t>(1, e.rank.size()));
        e.teacher_forced_accuracy = correct / n;
        e.mean_log_probability = sum_lp / n;
        e.first_divergence = first_divergence(texts[b], greedy[b], hit_eos[b]);
    }
    return out;
}

}  // namespace xcomp
