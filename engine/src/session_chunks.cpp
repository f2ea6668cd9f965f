// A text longer than one window (xcomp/compress/chunking.h): every chunk compressed into m memory
// tokens of its own in one batch, each regenerated from its own memory (what the decoder was trained
// for), the regenerations joined and scored as the whole text, and the multi-span reading of ICAE:
// all chunks' memory tokens side by side in front of the decoder at once. Also the report helpers
// that one text and many share (attention usage, token evidence).
#include <ATen/core/grad_mode.h>

#include <algorithm>
#include <chrono>
#include <numeric>

#include "session_impl.h"
#include "xcomp/eval/token_evidence.h"

namespace xcomp {

namespace {

// The shortest window that still makes sense as a text to compress.
constexpr int kMinWindow = 8;

// Row b of a batch as a batch of one: keys/values [L, 1, Hkv, m, D] or embeddings [1, m, d], and the
// row's captured encoder attention [1, H, m, T+m] per layer.
MemoryBatch memory_row(const MemoryBatch& mem, int64_t b) {
    MemoryBatch r;
    if (mem.keys.defined()) {
        r.keys = mem.keys.narrow(1, b, 1);
        r.values = mem.values.narrow(1, b, 1);
    }
    if (mem.embeddings.defined()) r.embeddings = mem.embeddings.narrow(0, b, 1);
    if (mem.mask.defined()) r.mask = mem.mask.narrow(0, b, 1);
    for (const at::Tensor& e : mem.encoder_attention) r.encoder_attention.push_back(e.narrow(0, b, 1));
    return r;
}

// Every row's memory tokens side by side as one text's (multi-span): keys/values [L, B, Hkv, m, D]
// -> [L, 1, Hkv, B*m, D]; embeddings [B, m, d] -> [1, B*m, d]. Row b's tokens take places b*m..b*m+m-1.
MemoryBatch memory_side_by_side(const MemoryBatch& mem) {
    MemoryBatch r;
    if (mem.keys.defined()) {
        const auto s = mem.keys.sizes();  // [L, B, Hkv, m, D]
        for (const at::Tensor* t : {&mem.keys, &mem.values}) {
            at::Tensor joined = t->permute({0, 2, 1, 3, 4}).reshape({s[0], s[2], s[1] * s[3], s[4]}).unsqueeze(1);
            (t == &mem.keys ? r.keys : r.values) = joined.contiguous();
        }
    }
    if (mem.embeddings.defined()) {
        const auto s = mem.embeddings.sizes();  // [B, m, d]
        r.embeddings = mem.embeddings.reshape({1, s[0] * s[1], s[2]}).contiguous();
    }
    if (mem.mask.defined()) r.mask = mem.mask.reshape({1, -1});
    return r;
}

// The chunks side by side: M = sum of their memory tokens, G and N their generated and source tokens
// in a row; a chunk's generated tokens have weights on its own memory tokens only, its memory tokens
// on its own source tokens only (block-diagonal).
AttentionUsage side_by_side(const std::vector<const AttentionUsage*>& parts) {
    AttentionUsage A;
    if (parts.empty() || parts.front()->layers == 0) return A;
    A.layers = parts.front()->layers;
    A.heads = parts.front()->heads;
    for (const AttentionUsage* p : parts) {
        A.generated += p->generated;
        A.memory_tokens += p->memory_tokens;
        A.source_tokens += p->source_tokens;
    }
    const size_t LH = static_cast<size_t>(A.layers) * A.heads;
    const size_t G = A.generated, M = A.memory_tokens, N = A.source_tokens;
    A.memory_attention.assign(LH * G * M, 0.f);
    A.memory_total.assign(LH * G, 0.f);
    A.encoder_attention.assign(LH * M * N, 0.f);
    size_t g0 = 0, m0 = 0, n0 = 0;
    for (const AttentionUsage* p : parts) {
        const size_t g = p->generated, m = p->memory_tokens, n = p->source_tokens;
        for (size_t lh = 0; lh < LH; ++lh) {
            for (size_t gi = 0; gi < g; ++gi) {
                A.memory_total[lh * G + g0 + gi] = p->memory_total[lh * g + gi];
                std::copy_n(p->memory_attention.begin() + (lh * g + gi) * m, m,
                            A.memory_attention.begin() + (lh * G + g0 + gi) * M + m0);
            }
            for (size_t k = 0; k < m && !p->encoder_attention.empty(); ++k)
                std::copy_n(p->encoder_attention.begin() + (lh * m + k) * n, n,
                            A.encoder_attention.begin() + (lh * M + m0 + k) * N + n0);
        }
        g0 += g;
        m0 += m;
        n0 += n;
    }
    return A;
}

// The chunks' evidence as the whole text's: each chunk's tokens in a row, then the last chunk's end.
TokenEvidenceReport joined_evidence(const std::vector<RegenerationReport>& chunks) {
    TokenEvidenceReport e;
    for (size_t i = 0; i < chunks.size(); ++i) {
        const TokenEvidenceReport& c = chunks[i].evidence;
        if (c.probability.empty()) return {};  // cancelled before the evidence
        const size_t n = i + 1 < chunks.size() ? static_cast<size_t>(chunks[i].source_tokens) : c.probability.size();
        e.probability.insert(e.probability.end(), c.probability.begin(), c.probability.begin() + n);
        e.rank.insert(e.rank.end(), c.rank.begin(), c.rank.begin() + n);
        e.entropy.insert(e.entropy.end(), c.entropy.begin(), c.entropy.begin() + n);
        if (e.first_divergence < 0 && c.first_divergence >= 0) e.first_divergence = chunks[i].token_begin + c.first_divergence;
    }
    const auto firsts = std::count(e.rank.begin(), e.rank.end(), 1);
    e.teacher_forced_accuracy = e.rank.empty() ? 0 : static_cast<double>(firsts) / static_cast<double>(e.rank.size());
    return e;
}

// What joins chunk i's regeneration to the next: a newline where the text broke the line there, a
// space where it had whitespace, nothing after 。！？ with none.
std::string separator_after(const std::string& text, const TextChunk& c) {
    size_t e = c.end;
    bool space = false, newline = false;
    while (e > c.begin && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t' || text[e - 1] == '\r')) {
        space = true;
        newline |= text[e - 1] == '\n';
        --e;
    }
    return newline ? "\n" : space ? " " : "";
}

void check_positions(int64_t needed, int64_t context, const std::string& what) {
    if (needed > context)
        throw Error(what + " need " + std::to_string(needed) + " positions but the decoder's context holds " +
                    std::to_string(context) + " (max_position_embeddings)");
}

}  // namespace

TokenEvidenceReport evidence_report(TokenEvidence e) {
    return {std::move(e.probability), std::move(e.rank), std::move(e.entropy), e.teacher_forced_accuracy, e.first_divergence};
}

AttentionUsage decoder_attention_usage(const LlamaConfig& c, const GenerationResult& g, int m, int N) {
    AttentionUsage A;
    A.layers = static_cast<int>(c.num_hidden_layers);
    A.heads = static_cast<int>(c.num_attention_heads);
    A.generated = static_cast<int>(g.ids[0].size());
    A.memory_tokens = m;
    A.source_tokens = N;
    const int L = A.layers, H = A.heads, G = A.generated;
    A.memory_attention.assign(static_cast<size_t>(L) * H * G * m, 0.f);
    A.memory_total.assign(static_cast<size_t>(L) * H * G, 0.f);
    for (int gi = 0; gi < G && gi < static_cast<int>(g.attention.size()); ++gi) {
        at::Tensor step = g.attention[gi].to(at::kFloat).contiguous();  // [L, H, S]
        at::Tensor memw = step.narrow(2, 0, m).contiguous();           // [L, H, m]
        at::Tensor total = memw.sum(2).contiguous();                    // [L, H]
        const float* pm = memw.data_ptr<float>();
        const float* pt = total.data_ptr<float>();
        for (int l = 0; l < L; ++l)
            for (int h = 0; h < H; ++h) {
                const size_t lh = static_cast<size_t>(l) * H + h;
                A.memory_total[lh * G + gi] = pt[lh];
                for (int k = 0; k < m; ++k) A.memory_attention[(lh * G + gi) * m + k] = pm[lh * m + k];
            }
    }
    A.encoder_attention.assign(static_cast<size_t>(L) * H * m * N, 0.f);
    return A;
}

void add_encoder_attention(AttentionUsage& A, const MemoryBatch& mem, int64_t row, int n, int m0, int n0) {
    const int H = A.heads, M = A.memory_tokens, N = A.source_tokens;
    for (int l = 0; l < A.layers && l < static_cast<int>(mem.encoder_attention.size()); ++l) {
        const at::Tensor& all = mem.encoder_attention[l];  // [B, H, m, T+m]
        const int64_t m = all.size(2), T = all.size(3) - m;
        at::Tensor e = all[row].narrow(2, T - n, n).to(at::kCPU, at::kFloat).contiguous();  // [H, m, n]
        const float* p = e.data_ptr<float>();
        for (int h = 0; h < H; ++h)
            for (int64_t k = 0; k < m; ++k)
                std::copy_n(p + (h * m + k) * n, n,
                            A.encoder_attention.begin() + ((static_cast<size_t>(l) * H + h) * M + m0 + k) * N + n0);
    }
}

int Session::Impl::window_for(const std::string& id, int asked) const {
    const CompressorConfig& c = get(id).config();
    if (asked != 0 && (asked < kMinWindow || asked > c.max_source_tokens))
        throw Error("the chunk window must be between " + std::to_string(kMinWindow) + " and " +
                    std::to_string(c.max_source_tokens) + " tokens (what " + c.label + " compresses at most), got " +
                    std::to_string(asked));
    return asked != 0 ? asked : trained_window(c.training_json, c.max_source_tokens);
}

ChunkPlan Session::Impl::plan_chunks(const std::string& id, const std::string& text, int asked_window, bool route) const {
    check_text(text);
    get(id);  // an unknown id is the first thing to report
    ChunkPlan p;
    p.window = window_for(id, asked_window);
    const Tokenizer& tok = *folder.tokenizer;
    const auto too_long = [&](int tokens) {
        return Error("the text has " + std::to_string(tokens) + " tokens, more than " + std::to_string(kMaxChunks) +
                     " chunks of at most " + std::to_string(p.window) + " tokens (" + get(id).config().label +
                     "'s window) hold; shorten it or compress it in parts");
    };
    // Unasked, a text is cut only where it could not be compressed whole (over max_source_tokens), so
    // that a text of 481-512 tokens keeps its one compressed prompt; asked, any text over the window is.
    const int threshold = asked_window != 0 ? p.window : get(id).config().max_source_tokens;
    const int tokens = static_cast<int>(tok.encode(text).size());
    if (tokens <= threshold) return p;
    if (tokens > kMaxChunks * p.window) throw too_long(tokens);  // no split can help: refused before it
    p.spans = split_into_chunks(tok, text, p.window);
    if (static_cast<int>(p.spans.size()) > kMaxChunks) throw too_long(tokens);
    int longest = 0;
    for (const TextChunk& c : p.spans) {
        const std::vector<int> ids = tok.encode(text.substr(c.begin, c.end - c.begin));
        p.ids.emplace_back(ids.begin(), ids.end());
        longest = std::max(longest, static_cast<int>(ids.size()));
        p.tokens += static_cast<int>(ids.size());
    }
    p.compressor = &get(route ? families.route(id, longest) : id);
    if (longest > p.compressor->config().max_source_tokens)
        throw Error("a chunk of " + std::to_string(longest) + " tokens is longer than " + p.compressor->config().label +
                    " compresses (" + std::to_string(p.compressor->config().max_source_tokens) + ")");
    return p;
}

RegenerationReport Session::Impl::regenerate_chunks(const std::string& requested, const std::string& text,
                                                    const ChunkPlan& p, const RegenerateOptions& o, const RunControl& cb) {
    at::NoGradGuard ng;
    const Compressor& comp = *p.compressor;
    const LlamaModel& dec = *folder.model;
    const LlamaConfig& c = dec.config();
    const int k = static_cast<int>(p.spans.size()), m = comp.config().memory_tokens;
    const int64_t context = c.max_position_embeddings;
    // Each chunk's regeneration: memory, [BOS], then its new tokens; checked before any work is done.
    std::vector<int> max_new(k);
    for (int i = 0; i < k; ++i) {
        max_new[i] = o.max_new_tokens > 0 ? o.max_new_tokens : static_cast<int>(p.ids[i].size()) + 16;
        check_positions(m + 1 + max_new[i], context,
                        "chunk " + std::to_string(i + 1) + " of " + std::to_string(k) + ": its " + std::to_string(m) +
                            " memory tokens, [BOS] and " + std::to_string(max_new[i]) + " new tokens");
    }
    const int longest_new = *std::max_element(max_new.begin(), max_new.end());
    const int total_new = std::accumulate(max_new.begin(), max_new.end(), 0);
    const int64_t kv_per_token = 2 * c.num_hidden_layers * c.num_key_value_heads * c.head_dim *
                                 static_cast<int64_t>(c10::elementSize(dec.dtype()));
    // The multi-span reading: k*m memory tokens, [BOS], the whole text and its EOS.
    const int64_t together_needs = static_cast<int64_t>(k) * m + 1 + p.tokens + 1;
    const bool together = o.read_together && together_needs <= context;
    const double regen_share = together ? 0.5 : 0.8;  // of the call's progress, after compressing (0.2)

    RegenerationReport r;
    r.requested_id = requested;
    r.compressor = info(comp.config().id);
    r.window_tokens = p.window;
    r.text_end = text.size();
    r.source_tokens = p.tokens;
    r.full_kv_bytes = kv_per_token * p.tokens;
    if (!o.read_together)
        r.together_note = "reading the chunks together was turned off";
    else if (!together)
        r.together_note = "the " + std::to_string(k) + " chunks cannot be read together: " + std::to_string(k) + " x " +
                          std::to_string(m) + " memory tokens, [BOS], the text's " + std::to_string(p.tokens) +
                          " tokens and EOS need " + std::to_string(together_needs) +
                          " positions but the decoder's context holds " + std::to_string(context) +
                          " (max_position_embeddings); each chunk was regenerated from its own memory";

    cb.progress(Progress{0.0, 0, k, "compress", nullptr, 0, k});
    auto t0 = std::chrono::steady_clock::now();
    RunControl cc;
    cc.cancel = cb.cancel;
    cc.on_progress = [&cb, k](const Progress& q) { cb.progress(Progress{0.2 * q.fraction, q.done, q.total, q.stage, nullptr, 0, k}); };
    MemoryBatch mem = comp.encode(p.ids, o.capture_attention, &cc);
    if (mem.cancelled) {
        r.cancelled = true;
        return r;
    }
    if (dec.device().is_cuda()) (mem.keys.defined() ? mem.keys : mem.embeddings).sum().item<float>();  // time the GPU work
    r.compress_ms = ms_since(t0);

    r.chunks.resize(k);
    for (int i = 0, token = 0; i < k; ++i) {
        RegenerationReport& ch = r.chunks[i];
        ch.requested_id = requested;
        ch.compressor = r.compressor;
        ch.window_tokens = p.window;
        ch.text_begin = p.spans[i].begin;
        ch.text_end = p.spans[i].end;
        ch.token_begin = token;
        ch.source_tokens = static_cast<int>(p.ids[i].size());
        token += ch.source_tokens;
        ch.original = decode(p.ids[i]);
        ch.source_pieces = folder.tokenizer->pieces(std::vector<int>(p.ids[i].begin(), p.ids[i].end()));
        ch.compressed_bytes = to_prompt(mem, i, comp, ch.source_tokens, "").bytes();
        ch.full_kv_bytes = kv_per_token * ch.source_tokens;
        ch.compress_ms = r.compress_ms / k;  // its share of the one batch
        r.compressed_bytes += ch.compressed_bytes;
    }

    // Each chunk from its own memory tokens.
    std::vector<std::vector<int64_t>> out(k);
    std::vector<bool> hit_eos(k, false);
    bool cancelled = false;
    t0 = std::chrono::steady_clock::now();
    if (!o.capture_attention) {  // one batch of k rows
        int64_t done = 0;
        GenerationOptions go;
        go.max_new_tokens = longest_new;
        go.control.cancel = cb.cancel;
        go.control.on_token = [&](int64_t row, int64_t token) {
            out[row].push_back(token);
            ++done;
            cb.progress(Progress{0.2 + regen_share * static_cast<double>(done) / std::max(1, total_new), done, total_new,
                                 "regenerate", nullptr, 0, k});
            if (cb.on_text && done % 4 == 0) {
                std::string so_far;
                for (int i = 0; i < k; ++i) so_far += decode(out[i]) + (i + 1 < k ? separator_after(text, p.spans[i]) : "");
                cb.on_text(so_far);
            }
            return !cb.on_token || cb.on_token(row, token);
        };
        GenerationResult g = xcomp::regenerate(dec, mem, go);
        cancelled = g.cancelled;
        for (int i = 0; i < k; ++i) {
            out[i] = g.ids[i];
            hit_eos[i] = g.hit_eos[i];
            // A row runs on while longer rows do; what it made past its own budget is not its regeneration.
            if (static_cast<int>(out[i].size()) > max_new[i]) {
                out[i].resize(max_new[i]);
                hit_eos[i] = false;
            }
        }
    } else {  // attention is captured at batch 1: chunk by chunk
        for (int i = 0; i < k && !cancelled; ++i) {
            std::vector<int64_t> so_far;
            GenerationOptions go;
            go.max_new_tokens = max_new[i];
            go.capture_attention = true;
            go.control.cancel = cb.cancel;
            const double from = 0.2 + regen_share * i / k;
            go.control.on_token = [&, i, from](int64_t row, int64_t token) {
                so_far.push_back(token);
                const int64_t n = static_cast<int64_t>(so_far.size());
                cb.progress(Progress{from + regen_share / k * static_cast<double>(n) / max_new[i], n, max_new[i], "regenerate",
                                     nullptr, i + 1, k});
                if (cb.on_text && n % 4 == 0) {
                    std::string text_so_far;
                    for (int j = 0; j < i; ++j) text_so_far += decode(out[j]) + separator_after(text, p.spans[j]);
                    cb.on_text(text_so_far + decode(so_far));
                }
                return !cb.on_token || cb.on_token(row, token);
            };
            const MemoryBatch row = memory_row(mem, i);
            GenerationResult g = xcomp::regenerate(dec, row, go);
            cancelled = g.cancelled;
            out[i] = g.ids[0];
            hit_eos[i] = g.hit_eos[0];
            r.chunks[i].attention = decoder_attention_usage(c, g, m, r.chunks[i].source_tokens);
            add_encoder_attention(r.chunks[i].attention, row, 0, r.chunks[i].source_tokens, 0, 0);
        }
    }
    r.regenerate_ms = ms_since(t0);
    r.cancelled = cancelled;
    std::vector<TokenEvidence> evidence;
    if (!cancelled) evidence = token_evidence(dec, mem, p.ids, out, hit_eos);
    for (int i = 0; i < k; ++i) {
        RegenerationReport& ch = r.chunks[i];
        ch.regenerated = decode(out[i]);
        ch.regenerated_pieces = folder.tokenizer->pieces(std::vector<int>(out[i].begin(), out[i].end()));
        ch.scores = score_regeneration(ch.original, ch.regenerated);
        ch.alignment = align_texts(ch.original, ch.regenerated);
        ch.regenerate_ms = r.regenerate_ms / k;  // its share of the batch
        ch.cancelled = cancelled;
        if (!evidence.empty()) ch.evidence = evidence_report(std::move(evidence[i]));
        // The whole: the chunks' texts and regenerations joined as the text joined them.
        const std::string sep = i + 1 < k ? separator_after(text, p.spans[i]) : "";
        r.original += ch.original + sep;
        r.regenerated += ch.regenerated + sep;
        r.source_pieces.insert(r.source_pieces.end(), ch.source_pieces.begin(), ch.source_pieces.end());
        r.regenerated_pieces.insert(r.regenerated_pieces.end(), ch.regenerated_pieces.begin(), ch.regenerated_pieces.end());
    }
    r.scores = score_regeneration(r.original, r.regenerated);
    r.alignment = align_texts(r.original, r.regenerated);
    r.evidence = joined_evidence(r.chunks);
    if (o.capture_attention) {
        std::vector<const AttentionUsage*> parts;
        for (const RegenerationReport& ch : r.chunks) parts.push_back(&ch.attention);
        r.attention = side_by_side(parts);
    }
    if (cancelled || !together) {
        cb.progress(Progress{1.0, 0, 0, "done"});
        return r;
    }

    // The multi-span reading: all k*m memory tokens at once, the whole text from them.
    const MemoryBatch all = memory_side_by_side(mem);
    std::vector<int64_t> all_ids;
    for (const auto& ids : p.ids) all_ids.insert(all_ids.end(), ids.begin(), ids.end());
    const int max_all = static_cast<int>(std::min<int64_t>(o.max_new_tokens > 0 ? o.max_new_tokens : p.tokens + 16,
                                                           context - static_cast<int64_t>(k) * m - 1));
    std::vector<int64_t> so_far;
    GenerationOptions go;
    go.max_new_tokens = max_all;
    go.capture_attention = o.capture_attention;
    go.control.cancel = cb.cancel;
    go.control.on_token = [&](int64_t row, int64_t token) {
        so_far.push_back(token);
        const int64_t n = static_cast<int64_t>(so_far.size());
        cb.progress(Progress{0.2 + regen_share + (0.8 - regen_share) * static_cast<double>(n) / max_all, n, max_all,
                             "read together", nullptr, 0, k});
        if (cb.on_text && n % 4 == 0) cb.on_text(decode(so_far));
        return !cb.on_token || cb.on_token(row, token);
    };
    t0 = std::chrono::steady_clock::now();
    GenerationResult g = xcomp::regenerate(dec, all, go);
    RegenerationReport t;
    t.requested_id = requested;
    t.compressor = r.compressor;
    t.window_tokens = p.window;
    t.text_end = text.size();
    t.original = r.original;
    t.source_tokens = p.tokens;
    t.source_pieces = r.source_pieces;
    t.compressed_bytes = r.compressed_bytes;
    t.full_kv_bytes = r.full_kv_bytes;
    t.compress_ms = r.compress_ms;
    t.regenerate_ms = ms_since(t0);
    t.cancelled = g.cancelled;
    t.regenerated = decode(g.ids[0]);
    t.regenerated_pieces = folder.tokenizer->pieces(std::vector<int>(g.ids[0].begin(), g.ids[0].end()));
    t.scores = score_regeneration(t.original, t.regenerated);
    t.alignment = align_texts(t.original, t.regenerated);
    if (!g.cancelled) t.evidence = evidence_report(token_evidence(dec, all, {all_ids}, g.ids, g.hit_eos).front());
    if (o.capture_attention) {
        t.attention = decoder_attention_usage(c, g, k * m, p.tokens);
        t.attention.encoder_attention = r.attention.encoder_attention;  // the same chunks read the same text
    }
    r.cancelled = g.cancelled;
    r.together.push_back(std::move(t));
    cb.progress(Progress{1.0, 0, 0, "done"});
    return r;
}

QAReport Session::Impl::answer_chunks(const ChunkPlan& p, const std::string& question, const std::vector<std::string>& gold,
                                      const RunControl& cb) {
    at::NoGradGuard ng;
    const Compressor& comp = *p.compressor;
    const LlamaModel& dec = *folder.model;
    const int k = static_cast<int>(p.spans.size()), m = comp.config().memory_tokens;
    const int64_t context = dec.config().max_position_embeddings;
    QAReport r;
    r.compressor_id = comp.config().id;
    r.chunks = k;
    r.memory_tokens = k * m;
    GenerationOptions go;
    go.max_new_tokens = 48;
    go.control.cancel = cb.cancel;
    const std::vector<int64_t> prompt = qa_prompt_ids(*folder.tokenizer, dec.config(), comp.config().qa_template, question);
    check_positions(static_cast<int64_t>(k) * m + static_cast<int64_t>(prompt.size()) + go.max_new_tokens, context,
                    "the context's " + std::to_string(k) + " chunks of " + std::to_string(m) + " memory tokens, the question's " +
                        std::to_string(prompt.size()) + " tokens and up to " + std::to_string(go.max_new_tokens) +
                        " answer tokens");
    cb.progress(Progress{0.0, 0, k, "compressed", nullptr, 0, k});
    auto t0 = std::chrono::steady_clock::now();
    RunControl cc;
    cc.cancel = cb.cancel;
    MemoryBatch mem = comp.encode(p.ids, false, &cc);
    if (mem.cancelled) return r;
    const MemoryBatch all = memory_side_by_side(mem);
    r.answer_compressed = strip_whitespace(decode(continue_after(dec, &all, prompt, go).ids[0]));
    r.ms_compressed = ms_since(t0);
    if (cb.cancel_requested()) return r;
    // The papers' gold standard: the same question after the full text, when it fits the context.
    std::string whole;
    for (int i = 0; i < k; ++i) whole += (i ? " " : "") + decode(p.ids[i]);
    const std::vector<int64_t> full =
        full_context_qa_prompt_ids(*folder.tokenizer, dec.config(), comp.config().qa_template, whole, question);
    if (static_cast<int64_t>(full.size()) + go.max_new_tokens > context) {
        r.note = "no full-text answer: the text and question take " + std::to_string(full.size()) + " tokens and up to " +
                 std::to_string(go.max_new_tokens) + " answer tokens do not fit the decoder's context of " +
                 std::to_string(context) + " positions";
    } else {
        cb.progress(Progress{0.5, 0, 0, "full text", nullptr, 0, k});
        t0 = std::chrono::steady_clock::now();
        r.answer_full = strip_whitespace(decode(continue_after(dec, nullptr, full, go).ids[0]));
        r.ms_full = ms_since(t0);
    }
    if (!gold.empty()) {
        r.has_gold = true;
        r.f1_compressed = squad_f1(r.answer_compressed, gold);
        r.em_compressed = squad_exact_match(r.answer_compressed, gold);
        r.f1_full = r.answer_full.empty() ? 0 : squad_f1(r.answer_full, gold);
        r.em_full = r.answer_full.empty() ? 0 : squad_exact_match(r.answer_full, gold);
    }
    cb.progress(Progress{1.0, 0, 0, "done"});
    return r;
}

}  // namespace xcomp
