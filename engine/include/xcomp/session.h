// xcomp/session.h — the engine as the workbench sees it: one model folder with its compressors,
// driven with strings and plain arrays (no tensors, no LibTorch headers), so GUI code can include
// it next to Qt. A Session is not thread-safe: one worker thread owns it and calls it in turn.
//
// Typical use:
//   auto s = xcomp::Session::open({.model_dir = xcomp::default_model_dir()});
//   auto r = s->regenerate(s->compressors()[0].id, "Some text to compress ...", {});
//   // r.regenerated, r.scores.bleu, r.alignment.spans, r.attention ...
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "xcomp/compress/optimisation_options.h"
#include "xcomp/eval/alignment.h"
#include "xcomp/eval/metrics.h"
#include "xcomp/run_control.h"

namespace xcomp {

struct SessionOptions {
    std::string model_dir;          // folder with config.json, safetensors, tokenizer.model, compressors/ (required)
    std::string device = "cpu";     // "cpu" or "cuda[:N]"
    std::string dtype = "auto";     // "auto", "float32", "bfloat16", "float16"
    int threads = 0;                // CPU threads for LibTorch (0: its default)
    std::vector<std::string> extra_compressor_dirs;  // compressor folders outside <model_dir>/compressors (none)
    // How the optimised-memory methods (optimised-kv-m16, ...) fit memory to a text (their defaults).
    MemoryOptimisationOptions optimisation;
};

struct ModelSummary {
    std::string dir;
    std::string name;           // folder name
    int64_t parameters = 0;
    int layers = 0, heads = 0, kv_heads = 0, head_dim = 0, hidden_size = 0, vocab_size = 0;
    std::string device, dtype, fingerprint;
    std::vector<std::string> warnings;  // compressors that could not be loaded, and why
};

struct CompressorInfo {
    std::string id;        // unique within the session, e.g. "aoc-m4"
    std::string label;     // e.g. "AOC m=4"
    std::string dir;
    std::string method;    // "500x", "icae", "aoc", "lora-aoc"
    int memory_tokens = 0;
    int max_source_tokens = 0;
    bool qa = false;       // fine-tuned for question answering
    // Length variants (xcomp/compress/compressor_family.h): a family's general compressor lists what runs
    // short texts; a variant names its family and the longest text it serves.
    std::string routing;     // e.g. "aoc-m16-t96 (texts up to 128 tokens), else aoc-m16"; empty: none
    std::string variant_of;  // a variant's family id ("" for a general compressor)
    int serves_up_to = 0;    // a variant's longest text in tokens (0 for a general compressor)
};


struct RegenerateOptions {
    int max_new_tokens = 0;          // 0: the source's token count + 16 (regeneration), 64 (QA)
    bool capture_attention = false;  // fill RegenerationReport::attention (false)
    bool use_length_variants = true; // a short text runs the id's length variant; false: the id itself (true)
    // A text longer than the compressor's max_source_tokens (or than window_tokens, when given) is cut
    // at sentence ends into chunks of at most the window (xcomp/compress/chunking.h), each compressed
    // into m memory tokens of its own and regenerated from them; false: such a text is refused (true).
    bool chunking = true;
    int window_tokens = 0;           // longest chunk in tokens; 0: the longest text the compressor was trained on (0)
    // Chunked: also regenerate the whole text from every chunk's memory at once, [L,1,Hkv,k*m,D] (ICAE's
    // multi-span reading), when it fits the decoder's context (true).
    bool read_together = true;
};

// Attention usage, flat row-major arrays. L layers, H heads, G generated tokens, M memory tokens,
// N source tokens. For ICAE the memory tokens are decoder input embeddings; the same shapes hold.
struct AttentionUsage {
    int layers = 0, heads = 0, generated = 0, memory_tokens = 0, source_tokens = 0;
    std::vector<float> memory_attention;   // [L][H][G][M] weight of generated token g on memory token m
    std::vector<float> memory_total;       // [L][H][G] total weight on the memory tokens
    std::vector<float> encoder_attention;  // [L][H][M][N] memory token m's weight on source token n
};

// How the decoder rates each original token under teacher forcing from the memory
// (xcomp/eval/token_evidence.h): per source token, then EOS (source_tokens + 1 entries).
struct TokenEvidenceReport {
    std::vector<float> probability;     // p(original token | memory, [BOS], original prefix)
    std::vector<int> rank;              // 1: the decoder's first choice
    std::vector<float> entropy;         // nats
    double teacher_forced_accuracy = 0; // share of rank-1 positions
    int first_divergence = -1;          // first token where greedy decoding leaves the original; -1: exact
};

struct RegenerationReport {
    std::string requested_id;          // the id asked for
    CompressorInfo compressor;         // the one that ran: a length variant of requested_id for a short text
    std::string original;
    std::string regenerated;
    std::vector<std::string> source_pieces;       // N pieces of the source text
    std::vector<std::string> regenerated_pieces;  // G pieces of the regeneration
    int source_tokens = 0;
    RegenerationScores scores;
    Alignment alignment;               // original vs regenerated, error-typed spans
    int64_t compressed_bytes = 0;      // size of the compressed prompt's tensors
    int64_t full_kv_bytes = 0;         // decoder KV cache of the full text, same dtype
    double compress_ms = 0, regenerate_ms = 0;
    bool cancelled = false;
    AttentionUsage attention;          // when asked for
    TokenEvidenceReport evidence;      // always (one teacher-forced pass)

    // A text longer than the window (RegenerateOptions::chunking). The report itself is then the
    // whole text: `original` the chunks' texts joined, `regenerated` their regenerations joined,
    // scored and aligned as one; its attention puts the chunks side by side (memory tokens k*m,
    // each chunk's generated tokens reading only its own m). `chunks` holds each chunk's report.
    int window_tokens = 0;             // the window the text was cut with (0: not chunked)
    size_t text_begin = 0, text_end = 0;  // a chunk's byte range in the text given (whole: 0, its size)
    int token_begin = 0;               // a chunk's first token in the whole (the chunks' tokens in a row)
    std::vector<RegenerationReport> chunks;    // one per chunk; empty when the text was one chunk
    // The multi-span reading: every chunk's memory tokens handed to the decoder at once and the whole
    // text regenerated from them (0 or 1 entries; chunks[i].text_* and memory tokens in chunk order).
    std::vector<RegenerationReport> together;
    std::string together_note;         // why `together` is empty (too long for the context, turned off)
};

// Memory-token ablation (xcomp/eval/memory_ablation.h): what memory token k carries.
struct AblationRequest {
    std::string mode = "drop";  // "drop" (not attended), "zero" (K/V set to 0) or "replace" ("drop")
    int memory_token = 0;       // k, 0 .. m-1 (0)
    int donor_slot = 0;         // replace: the slot whose memory token k takes its place (0: none)
};

struct AblationReport {
    std::string compressor_id;        // the one that ran (a length variant for a short text)
    std::string original;             // what was compressed
    std::string unablated, ablated;   // regenerations from every memory token, and with k ablated
    Alignment vs_unablated;           // the ablated regeneration against the unablated one
    RegenerationScores scores;        // the ablated regeneration against the original
    double loss = 0;                  // teacher-forced loss with every memory token (nats/token)
    std::vector<double> importance;   // per memory token: the loss increase when it is dropped
    bool cancelled = false;
};

struct QAReport {
    std::string compressor_id;      // the one that ran (a length variant for a short context)
    std::string question;
    std::string answer_compressed;  // from the compressed prompt
    std::string answer_full;        // from the full text (the papers' gold standard)
    bool has_gold = false;
    double f1_compressed = 0, em_compressed = 0, f1_full = 0, em_full = 0;  // when gold answers given
    double ms_compressed = 0, ms_full = 0;
    // A context longer than the window is cut into chunks whose memory tokens the decoder reads together.
    int chunks = 1;
    int memory_tokens = 0;          // what the decoder read: chunks * m
    std::string note;               // e.g. why there is no full-text answer (too long for the context)
};

struct InterpolationPoint {
    double alpha = 0;
    std::string regenerated;
    double bleu_to_a = 0, bleu_to_b = 0;
    Alignment vs_a, vs_b;  // the regeneration aligned against A's and B's source text
};

class Session {
public:
    // Loads the model, its tokenizer and every compressor under <model_dir>/compressors/*.
    // Throws xcomp::Error (bad folder, no GPU, ...).
    static std::unique_ptr<Session> open(const SessionOptions& options);
    ~Session();

    const ModelSummary& model() const;
    // The compressors to pick from; length variants are not listed, their family's id routes to them.
    const std::vector<CompressorInfo>& compressors() const;
    const std::vector<CompressorInfo>& variants() const;            // the length variants
    // The per-text upper bounds, optimised-{kv,emb}-m{1,4,16} (xcomp/compress/memory_optimisation.h):
    // not in compressors(), since each text takes seconds to minutes; run them by id.
    const std::vector<CompressorInfo>& optimised() const;
    const CompressorInfo& compressor(const std::string& id) const;  // any loaded one, variants too; throws when unknown
    // The id that runs a text of `text_tokens` tokens when `id` is asked for.
    std::string route(const std::string& id, int text_tokens) const;

    int count_tokens(const std::string& text) const;  // throws for invalid UTF-8
    std::vector<std::string> pieces(const std::string& text) const;

    // Compresses `text` with a compressor and regenerates it with the frozen decoder. A text longer
    // than the window is cut into chunks (RegenerateOptions::chunking): all compressed in one batch,
    // each regenerated from its own memory tokens (one batch; one by one when attention is captured),
    // then, if it fits the decoder's context, the whole text from all of them at once. Throws when a
    // chunk's regeneration cannot fit the context, naming the numbers.
    RegenerationReport regenerate(const std::string& compressor_id, const std::string& text,
                                  const RegenerateOptions& options, const RunControl& callbacks = {});

    // Compresses `text`, regenerates it with memory token k ablated and without, and measures every
    // memory token's importance. Throws for k out of range or a donor from another compressor.
    AblationReport ablate(const std::string& compressor_id, const std::string& text, const AblationRequest& request,
                          const RunControl& callbacks = {});

    // Asks `question` of the compressed text and of the full text; gold answers are optional. A context
    // longer than the compressor's trained window is cut into chunks and the decoder reads all their
    // memory tokens at once; throws when they, the question and the answer exceed its context.
    QAReport answer(const std::string& compressor_id, const std::string& context, const std::string& question,
                    const std::vector<std::string>& gold_answers, const RunControl& callbacks = {});

    // Compressed prompts kept in the session, named by handles (the workbench's slots A and B).
    int compress_to_slot(const std::string& compressor_id, const std::string& text, const RunControl& callbacks = {});
    int load_slot(const std::string& xcp_path);         // reads a .xcp; refused when it does not fit
    void save_slot(int slot, const std::string& xcp_path) const;
    std::string slot_source_text(int slot) const;
    std::string slot_compressor(int slot) const;
    // A slot's compressed prompt as one float vector: the keys, then the values of every layer (KV
    // methods), or the input embeddings (ICAE); for projections such as the workbench's latent map.
    std::vector<float> slot_vector(int slot) const;
    void release_slot(int slot);  // forgets a slot (nothing when it is unknown)

    // Regenerates from (1-alpha)*A + alpha*B (per vector slerp when spherical). When A and B were
    // made by two members of one family (a short and a long text), both are first compressed again by
    // the member that covers the longer text, so that they share one latent space.
    InterpolationPoint interpolate(int slot_a, int slot_b, double alpha, bool spherical, const RunControl& callbacks = {});

private:
    Session();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace xcomp
