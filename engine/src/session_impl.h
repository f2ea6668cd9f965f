// Session::Impl, shared by session.cpp (the calls on one text) and session_chunks.cpp (a text cut
// into chunks). Private to the engine.
#pragma once
#include <ATen/core/grad_mode.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "xcomp/compress/chunking.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/compressor_family.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"
#include "xcomp/eval/token_evidence.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/session.h"

namespace xcomp {

inline double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The engine's per-token evidence as the report carries it.
TokenEvidenceReport evidence_report(TokenEvidence e);

// The decoder's attention over the first `memory_tokens` positions at every generated token of `g`
// (batch 1, captured): [L][H][G][M] and [L][H][G]; encoder_attention [L][H][M][N] sized, zero.
AttentionUsage decoder_attention_usage(const LlamaConfig& config, const GenerationResult& g, int memory_tokens,
                                       int source_tokens);
// Row `row` of a batch's captured encoder attention ([B, H, m, T+m] per layer, left-padded: the row's
// `row_tokens` source columns end at T) into A.encoder_attention from memory token `memory_offset`
// and source token `source_offset` on: one block of a side-by-side reading.
void add_encoder_attention(AttentionUsage& A, const MemoryBatch& memory, int64_t row, int row_tokens, int memory_offset,
                           int source_offset);

// A text cut into chunks for one compressor (empty `spans`: the text fits one window).
struct ChunkPlan {
    int window = 0;                         // tokens
    std::vector<TextChunk> spans;           // byte ranges that cover the text
    std::vector<std::vector<int64_t>> ids;  // each chunk's token ids
    const Compressor* compressor = nullptr; // the one that runs every chunk (routed by the longest)
    int tokens = 0;                         // of the whole text, as the chunks are tokenized
};

struct Session::Impl {
    ModelFolder folder;
    ModelSummary summary;
    std::vector<CompressorInfo> infos;          // the ones to pick from
    std::vector<CompressorInfo> variant_infos;  // length variants, reached through their family's id
    std::vector<CompressorInfo> optimised_infos;  // the per-text upper bounds (optimised-kv-m16, ...)
    std::map<std::string, std::shared_ptr<Compressor>> compressors;
    CompressorFamilies families;
    std::map<int, CompressedPrompt> slots;
    int next_slot = 1;

    const Compressor& get(const std::string& id) const {
        auto it = compressors.find(id);
        if (it == compressors.end()) throw Error("no compressor '" + id + "' is loaded");
        return *it->second;
    }

    // What every text passes before it is tokenized.
    static void check_text(const std::string& text) {
        if (strip_whitespace(text).empty()) throw Error("the text is empty: paste or type something to compress");
        size_t bad = 0;
        if (!is_valid_utf8(text, &bad)) throw Error("the text is not valid UTF-8 (bad byte at offset " + std::to_string(bad) + ")");
        // Valid UTF-8, but no prose holds NUL: it is a binary file or a paste gone wrong.
        if (const size_t nul = text.find('\0'); nul != std::string::npos)
            throw Error("the text contains a NUL byte (at offset " + std::to_string(nul) + "): is it a binary file?");
    }

    // The text's ids and the compressor that runs it: `id`, or the length variant of `id` that covers it.
    std::vector<int64_t> source_ids(const std::string& id, const std::string& text, const Compressor** ran,
                                    bool route = true) const {
        check_text(text);
        get(id);  // an unknown id is the first thing to report
        std::vector<int> ids = folder.tokenizer->encode(text);
        const Compressor& c = get(route ? families.route(id, static_cast<int>(ids.size())) : id);
        *ran = &c;
        if (static_cast<int>(ids.size()) > c.config().max_source_tokens)
            throw Error("the text has " + std::to_string(ids.size()) + " tokens but " + c.config().label +
                        " compresses at most " + std::to_string(c.config().max_source_tokens) +
                        "; shorten it or split it into parts");
        return std::vector<int64_t>(ids.begin(), ids.end());
    }

    // Two members of one family have two latent spaces: compress both texts again with the member
    // that covers the longer one (the slots keep their source texts).
    void share_latent_space(int slot_a, int slot_b) {
        auto a = slots.find(slot_a), b = slots.find(slot_b);
        if (a == slots.end() || b == slots.end() || a->second.compressor_id == b->second.compressor_id) return;
        const std::string family = families.family_of(a->second.compressor_id);
        if (family != families.family_of(b->second.compressor_id) || !compressors.count(family)) return;
        const std::string id = families.route(family, std::max(a->second.source_tokens, b->second.source_tokens));
        const Compressor& c = get(id);
        for (auto* it : {&a, &b}) {
            CompressedPrompt& p = (*it)->second;
            if (p.compressor_id == id) continue;
            if (p.source_text.empty())
                throw Error("slot " + std::to_string((*it)->first) + " was made by " + p.compressor_id +
                            " and has no source text to compress again with " + id + "; load both with one compressor");
            const std::vector<int> ids = folder.tokenizer->encode(p.source_text);
            MemoryBatch mem = c.encode({std::vector<int64_t>(ids.begin(), ids.end())});
            p = to_prompt(mem, 0, c, static_cast<int>(ids.size()), p.source_text);
        }
    }

    std::string decode(const std::vector<int64_t>& ids) const {
        return folder.tokenizer->decode(std::vector<int>(ids.begin(), ids.end()));
    }

    // The compress stage's control: an optimised method's steps fill [0, share) of the call's progress.
    static RunControl compress_control(const RunControl& cb, double share) {
        RunControl c;
        c.cancel = cb.cancel;
        c.on_progress = [&cb, share](const Progress& p) { cb.progress(Progress{share * p.fraction, p.done, p.total, p.stage}); };
        return c;
    }

    GenerationOptions generation_options(int max_new, const RunControl& cb, std::vector<int64_t>* so_far) const {
        GenerationOptions go;
        go.max_new_tokens = max_new;
        go.control.cancel = cb.cancel;
        go.control.on_token = [this, &cb, so_far, max_new](int64_t row, int64_t token) {
            so_far->push_back(token);
            const int64_t n = static_cast<int64_t>(so_far->size());
            cb.progress(Progress{0.2 + 0.8 * static_cast<double>(n) / std::max(1, max_new), n, max_new, "regenerate"});
            if (cb.on_text) cb.on_text(decode(*so_far));
            return !cb.on_token || cb.on_token(row, token);
        };
        return go;
    }

    const CompressorInfo& info(const std::string& id) const {
        for (const auto* list : {&infos, &variant_infos, &optimised_infos})
            for (const auto& i : *list)
                if (i.id == id) return i;
        throw Error("no compressor '" + id + "' is loaded");
    }

    // session_chunks.cpp: the window for `id` (asked: 0 for its trained one), and a text's chunks.
    int window_for(const std::string& id, int asked) const;
    ChunkPlan plan_chunks(const std::string& id, const std::string& text, int asked_window, bool route) const;
    RegenerationReport regenerate_chunks(const std::string& requested_id, const std::string& text, const ChunkPlan& plan,
                                         const RegenerateOptions& options, const RunControl& callbacks);
    QAReport answer_chunks(const ChunkPlan& plan, const std::string& question, const std::vector<std::string>& gold,
                           const RunControl& callbacks);
};

}  // namespace xcomp
