// Memory-token ablation: masks, zeros or swaps one memory token and measures the loss it costs.
#include "xcomp/eval/memory_ablation.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ATen.h>

#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"

namespace xcomp {

const char* ablation_mode_name(AblationMode mode) {
    switch (mode) {
    case AblationMode::Drop: return "drop";
    case AblationMode::Zero: return "zero";
    case AblationMode::Replace: return "replace";
    }
    return "?";
}

AblationMode parse_ablation_mode(const std::string& name) {
    for (AblationMode m : {AblationMode::Drop, AblationMode::Zero, AblationMode::Replace})
        if (name == ablation_mode_name(m)) return m;
    throw Error("unknown ablation '" + name + "' (use drop, zero or replace)");
}

namespace {

int64_t memory_count(const MemoryBatch& m) {
    if (m.keys.defined()) return m.keys.size(3);               // [L, B, Hkv, m, D]
    if (m.embeddings.defined()) return m.embeddings.size(1);   // [B, m, d]
    throw Error("ablation: the memory holds nothing");
}

int64_t row_count(const MemoryBatch& m) { return m.keys.defined() ? m.keys.size(1) : m.embeddings.size(0); }

}  // namespace

MemoryBatch ablate_memory(const MemoryBatch& memory, int k, AblationMode mode, const MemoryBatch* donor) {
    const int64_t m = memory_count(memory);
    if (row_count(memory) != 1) throw Error("ablation: one compressed prompt at a time");
    if (k < 0 || k >= m)
        throw Error("memory token " + std::to_string(k) + " does not exist: this prompt has " + std::to_string(m) +
                    " (0 to " + std::to_string(m - 1) + ")");
    MemoryBatch out;
    out.keys = memory.keys.defined() ? memory.keys.clone() : at::Tensor();
    out.values = memory.values.defined() ? memory.values.clone() : at::Tensor();
    out.embeddings = memory.embeddings.defined() ? memory.embeddings.clone() : at::Tensor();
    out.mask = memory.mask.defined() ? memory.mask.clone() : at::Tensor();
    at::NoGradGuard ng;
    switch (mode) {
    case AblationMode::Drop: {
        if (!out.mask.defined())
            out.mask = at::ones({1, m}, at::TensorOptions().dtype(at::kBool).device(
                                           (memory.keys.defined() ? memory.keys : memory.embeddings).device()));
        out.mask.select(1, k).fill_(false);
        break;
    }
    case AblationMode::Zero:
        if (out.keys.defined()) {
            out.keys.select(3, k).zero_();
            out.values.select(3, k).zero_();
        } else {
            out.embeddings.select(1, k).zero_();
        }
        break;
    case AblationMode::Replace: {
        if (!donor) throw Error("replacing a memory token needs a second compressed prompt to take it from");
        const at::Tensor& a = memory.keys.defined() ? memory.keys : memory.embeddings;
        const at::Tensor& b = donor->keys.defined() ? donor->keys : donor->embeddings;
        if (!b.defined() || a.sizes() != b.sizes())
            throw Error("the prompt to take memory token " + std::to_string(k) +
                        " from was made by another kind of compressor (its memory has another shape)");
        if (out.keys.defined()) {
            out.keys.select(3, k).copy_(donor->keys.select(3, k));
            out.values.select(3, k).copy_(donor->values.select(3, k));
        } else {
            out.embeddings.select(1, k).copy_(donor->embeddings.select(1, k));
        }
        break;
    }
    }
    return out;
}

std::vector<double> MemoryImportance::importance() const {
    std::vector<double> out;
    for (double d : dropped_loss) out.push_back(d - loss);
    return out;
}

MemoryImportance memory_importance(const LlamaModel& decoder, const MemoryBatch& memory, const std::vector<int64_t>& text) {
    const int64_t m = memory_count(memory);
    if (row_count(memory) != 1) throw Error("ablation: one compressed prompt at a time");
    if (text.empty()) throw Error("ablation: the text is empty");
    at::NoGradGuard ng;
    const LlamaConfig& c = decoder.config();
    // Rows: 0 keeps every memory token, row 1 + k drops token k.
    const int64_t R = m + 1;
    MemoryBatch batch;
    const auto repeat = [R](const at::Tensor& t, int64_t dim) {
        std::vector<int64_t> reps(t.dim(), 1);
        reps[dim] = R;
        return t.repeat(reps);
    };
    if (memory.keys.defined()) {
        batch.keys = repeat(memory.keys, 1);  // [L, R, Hkv, m, D]
        batch.values = repeat(memory.values, 1);
    } else {
        batch.embeddings = repeat(memory.embeddings, 0);  // [R, m, d]
    }
    const at::Device device = (memory.keys.defined() ? memory.keys : memory.embeddings).device();
    at::Tensor mask = memory.mask.defined() ? memory.mask.to(device, at::kBool).repeat({R, 1})
                                            : at::ones({R, m}, at::TensorOptions().dtype(at::kBool).device(device));  // [R, m]
    for (int64_t k = 0; k < m; ++k) mask[1 + k][k].fill_(false);
    batch.mask = mask;
    std::vector<int64_t> target = text;
    target.push_back(c.eos_token_ids.front());
    const DecoderTargets d =
        decoder_targets(c, std::vector<std::vector<int64_t>>(R, {c.bos_token_id()}), std::vector<std::vector<int64_t>>(R, target))
            .to(decoder.device());
    const at::Tensor losses = decoder_row_losses(decoder, batch, d).to(at::kCPU, at::kDouble);  // [R]
    MemoryImportance out;
    out.loss = losses[0].item<double>();
    for (int64_t k = 0; k < m; ++k) out.dropped_loss.push_back(losses[1 + k].item<double>());
    return out;
}

}  // namespace xcomp
