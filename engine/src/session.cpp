// The workbench's engine facade: strings and plain arrays in and out, tensors inside.
#include "xcomp/session.h"
#include "session_impl.h"

#include <ATen/core/grad_mode.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "xcomp/compress/compressor.h"
#include "xcomp/compress/compressor_family.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/compress/memory_optimisation.h"
#include "xcomp/eval/memory_ablation.h"
#include "xcomp/eval/token_evidence.h"
#include "xcomp/error.h"
#include "xcomp/io/model_folder.h"
#include "xcomp/runtime.h"

namespace xcomp {
namespace fs = std::filesystem;

namespace {

CompressorInfo info_of(const Compressor& c, const std::string& dir) {
    CompressorInfo i;
    const CompressorConfig& k = c.config();
    i.id = k.id;
    i.label = k.label;
    i.dir = dir;
    i.method = method_name(k.method);
    i.memory_tokens = k.memory_tokens;
    i.max_source_tokens = k.max_source_tokens;
    i.qa = k.qa;
    i.variant_of = k.variant_of;
    i.serves_up_to = k.serves_up_to;
    return i;
}

}  // namespace

Session::Session() : impl_(new Impl) {}
Session::~Session() = default;

std::unique_ptr<Session> Session::open(const SessionOptions& o) {
    init_runtime(o.threads);
    std::unique_ptr<Session> s(new Session());
    Impl& I = *s->impl_;
    LlamaModel::LoadOptions lo;
    lo.device = o.device;
    lo.dtype = o.dtype;
    I.folder = load_model_folder(o.model_dir, lo, true);
    const LlamaModel& m = *I.folder.model;
    const LlamaConfig& c = m.config();
    ModelSummary& S = I.summary;
    S.dir = o.model_dir;
    S.name = fs::path(o.model_dir).filename().string();
    S.parameters = m.parameter_count();
    S.layers = static_cast<int>(c.num_hidden_layers);
    S.heads = static_cast<int>(c.num_attention_heads);
    S.kv_heads = static_cast<int>(c.num_key_value_heads);
    S.head_dim = static_cast<int>(c.head_dim);
    S.hidden_size = static_cast<int>(c.hidden_size);
    S.vocab_size = static_cast<int>(c.vocab_size);
    S.device = m.device().str();
    S.dtype = dtype_to_name(m.dtype());
    S.fingerprint = m.fingerprint();
    std::vector<std::string> dirs;
    const fs::path root = fs::path(o.model_dir) / "compressors";
    if (fs::is_directory(root))
        for (const auto& e : fs::directory_iterator(root))
            if (e.is_directory()) dirs.push_back(e.path().string());
    std::sort(dirs.begin(), dirs.end());
    dirs.insert(dirs.end(), o.extra_compressor_dirs.begin(), o.extra_compressor_dirs.end());
    for (const std::string& d : dirs) {
        try {
            auto comp = Compressor::load(d, I.folder.model);
            if (I.compressors.count(comp->config().id)) throw Error("a compressor with id '" + comp->config().id + "' is already loaded");
            (comp->config().variant_of.empty() ? I.infos : I.variant_infos).push_back(info_of(*comp, d));
            I.compressors[comp->config().id] = comp;
            I.families.add(comp->config());
        } catch (const Error& e) {
            S.warnings.push_back(e.what());
        }
    }
    // Methods in the papers' order, then by m.
    auto rank = [](const CompressorInfo& i) {
        const std::vector<std::string> order = {"500x", "icae", "aoc", "lora-aoc"};
        return std::make_tuple(i.qa, std::find(order.begin(), order.end(), i.method) - order.begin(), i.memory_tokens);
    };
    std::stable_sort(I.infos.begin(), I.infos.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    for (CompressorInfo& i : I.infos) i.routing = I.families.describe(i.id);
    // The upper bound of what m memory tokens hold for a text: fitted per text, nothing to load.
    for (const char* kind : {"kv", "emb"})
        for (int m : {1, 4, 16}) {
            CompressorConfig cfg = *optimised_compressor_config("optimised-" + std::string(kind) + "-m" + std::to_string(m));
            cfg.optimisation = o.optimisation;
            auto comp = Compressor::create(cfg, I.folder.model, 0);
            if (I.compressors.count(cfg.id)) continue;  // a folder of that id wins
            I.optimised_infos.push_back(info_of(*comp, ""));
            I.compressors[cfg.id] = comp;
        }
    for (const CompressorInfo& v : I.variant_infos)
        if (!I.compressors.count(v.variant_of))
            S.warnings.push_back(v.dir + ": a length variant of '" + v.variant_of + "', which is not loaded; run it by its own id");
    return s;
}

const ModelSummary& Session::model() const { return impl_->summary; }
const std::vector<CompressorInfo>& Session::compressors() const { return impl_->infos; }
const std::vector<CompressorInfo>& Session::variants() const { return impl_->variant_infos; }
const std::vector<CompressorInfo>& Session::optimised() const { return impl_->optimised_infos; }

const CompressorInfo& Session::compressor(const std::string& id) const { return impl_->info(id); }

std::string Session::route(const std::string& id, int text_tokens) const {
    impl_->get(id);
    return impl_->families.route(id, text_tokens);
}

int Session::count_tokens(const std::string& text) const {
    size_t bad = 0;
    if (!is_valid_utf8(text, &bad)) throw Error("the text is not valid UTF-8 (bad byte at offset " + std::to_string(bad) + ")");
    return static_cast<int>(impl_->folder.tokenizer->encode(text).size());
}

std::vector<std::string> Session::pieces(const std::string& text) const {
    return impl_->folder.tokenizer->pieces(impl_->folder.tokenizer->encode(text));
}

RegenerationReport Session::regenerate(const std::string& compressor_id, const std::string& text, const RegenerateOptions& o,
                                       const RunControl& cb) {
    at::NoGradGuard ng;
    Impl& I = *impl_;
    if (o.chunking) {
        const ChunkPlan plan = I.plan_chunks(compressor_id, text, o.window_tokens, o.use_length_variants);
        if (!plan.spans.empty()) return I.regenerate_chunks(compressor_id, text, plan, o, cb);
    }
    const Compressor* ran = nullptr;
    const std::vector<int64_t> ids = I.source_ids(compressor_id, text, &ran, o.use_length_variants);
    const Compressor& comp = *ran;
    const LlamaModel& dec = *I.folder.model;
    RegenerationReport r;
    r.requested_id = compressor_id;
    r.text_end = text.size();
    r.compressor = compressor(comp.config().id);
    r.original = I.decode(ids);  // what was compressed, as the tokenizer reads it back
    r.source_tokens = static_cast<int>(ids.size());
    r.source_pieces = I.folder.tokenizer->pieces(std::vector<int>(ids.begin(), ids.end()));
    const int max_new = o.max_new_tokens > 0 ? o.max_new_tokens : r.source_tokens + 16;
    {  // The decoder sees memory, [BOS], then the new tokens; checked before any work is done.
        const int64_t context = dec.config().max_position_embeddings, taken = comp.config().memory_tokens + 1;
        if (max_new + taken > context)
            throw Error(std::to_string(max_new) + " new tokens do not fit the model's context: max_position_embeddings is " +
                        std::to_string(context) + " and " + comp.config().id + "'s memory and BOS take " +
                        std::to_string(taken) + " positions, so at most " +
                        std::to_string(std::max<int64_t>(0, context - taken)) + " new tokens");
    }
    cb.progress(Progress{0.0, 0, 0, "compress"});
    auto t0 = std::chrono::steady_clock::now();
    const RunControl cc = Impl::compress_control(cb, 0.2);
    MemoryBatch mem = comp.encode({ids}, o.capture_attention, &cc);
    if (mem.cancelled) {
        r.cancelled = true;
        return r;
    }
    if (dec.device().is_cuda()) (mem.keys.defined() ? mem.keys : mem.embeddings).sum().item<float>();  // time the GPU work
    r.compress_ms = ms_since(t0);
    r.compressed_bytes = to_prompt(mem, 0, comp, r.source_tokens, "").bytes();
    const LlamaConfig& c = dec.config();
    r.full_kv_bytes = 2 * c.num_hidden_layers * c.num_key_value_heads * c.head_dim * r.source_tokens *
                      static_cast<int64_t>(c10::elementSize(dec.dtype()));
    cb.progress(Progress{0.2, 0, 0, "regenerate"});
    std::vector<int64_t> so_far;
    GenerationOptions go = I.generation_options(max_new, cb, &so_far);
    go.capture_attention = o.capture_attention;
    t0 = std::chrono::steady_clock::now();
    GenerationResult g = xcomp::regenerate(dec, mem, go);
    r.regenerate_ms = ms_since(t0);
    r.cancelled = g.cancelled;
    r.regenerated = I.decode(g.ids[0]);
    r.regenerated_pieces = I.folder.tokenizer->pieces(std::vector<int>(g.ids[0].begin(), g.ids[0].end()));
    r.scores = score_regeneration(r.original, r.regenerated);
    r.alignment = align_texts(r.original, r.regenerated);
    if (!g.cancelled) r.evidence = evidence_report(token_evidence(dec, mem, {ids}, g.ids, g.hit_eos).front());
    if (o.capture_attention) {
        r.attention = decoder_attention_usage(c, g, comp.config().memory_tokens, r.source_tokens);
        add_encoder_attention(r.attention, mem, 0, r.source_tokens, 0, 0);
    }
    cb.progress(Progress{1.0, 0, 0, "done"});
    return r;
}

AblationReport Session::ablate(const std::string& compressor_id, const std::string& text, const AblationRequest& q,
                              const RunControl& cb) {
    at::NoGradGuard ng;
    Impl& I = *impl_;
    const AblationMode mode = parse_ablation_mode(q.mode);
    const Compressor* ran = nullptr;
    const std::vector<int64_t> ids = I.source_ids(compressor_id, text, &ran);
    const Compressor& comp = *ran;
    const LlamaModel& dec = *I.folder.model;
    const int m = comp.config().memory_tokens;
    if (q.memory_token < 0 || q.memory_token >= m)
        throw Error("memory token " + std::to_string(q.memory_token) + " does not exist: " + comp.config().label + " has " +
                    std::to_string(m) + " (0 to " + std::to_string(m - 1) + ")");
    MemoryBatch donor;
    if (mode == AblationMode::Replace) {
        const CompressedPrompt& p = [&]() -> const CompressedPrompt& {
            auto it = I.slots.find(q.donor_slot);
            if (it == I.slots.end()) throw Error("replacing a memory token needs a compressed prompt to take it from (slot " +
                                                 std::to_string(q.donor_slot) + " is empty)");
            return it->second;
        }();
        if (p.compressor_id != comp.config().id)
            throw Error("the prompt to take memory token " + std::to_string(q.memory_token) + " from was made by " +
                        p.compressor_id + ", this text by " + comp.config().id + ": a memory token only means something to "
                        "its own compressor");
        donor = to_batch({&p}, dec);
    }
    AblationReport r;
    r.compressor_id = comp.config().id;
    r.original = I.decode(ids);
    cb.progress(Progress{0.0, 0, 0, "compress"});
    const RunControl cc = Impl::compress_control(cb, 0.2);
    MemoryBatch mem = comp.encode({ids}, false, &cc);
    if (mem.cancelled) {
        r.cancelled = true;
        return r;
    }
    const MemoryImportance imp = memory_importance(dec, mem, ids);
    r.loss = imp.loss;
    r.importance = imp.importance();
    const int max_new = static_cast<int>(ids.size()) + 16;
    std::vector<int64_t> so_far;
    GenerationOptions go = I.generation_options(max_new, cb, &so_far);
    GenerationResult a = xcomp::regenerate(dec, mem, go);
    so_far.clear();
    GenerationResult b = a.cancelled ? a : xcomp::regenerate(dec, ablate_memory(mem, q.memory_token, mode, &donor), go);
    r.cancelled = a.cancelled || b.cancelled;
    r.unablated = I.decode(a.ids[0]);
    r.ablated = I.decode(b.ids[0]);
    r.vs_unablated = align_texts(r.unablated, r.ablated);
    r.scores = score_regeneration(r.original, r.ablated);
    cb.progress(Progress{1.0, 0, 0, "done"});
    return r;
}

QAReport Session::answer(const std::string& compressor_id, const std::string& context, const std::string& question,
                         const std::vector<std::string>& gold, const RunControl& cb) {
    at::NoGradGuard ng;
    Impl& I = *impl_;
    const LlamaModel& dec = *I.folder.model;
    if (strip_whitespace(question).empty()) throw Error("the question is empty");
    if (!is_valid_utf8(question)) throw Error("the question is not valid UTF-8");
    QAReport r;
    r.question = question;
    {
        const ChunkPlan plan = I.plan_chunks(compressor_id, context, 0, true);
        if (!plan.spans.empty()) {
            QAReport chunked = I.answer_chunks(plan, question, gold, cb);
            chunked.question = question;
            return chunked;
        }
    }
    const Compressor* ran = nullptr;
    const std::vector<int64_t> ids = I.source_ids(compressor_id, context, &ran);
    const Compressor& comp = *ran;
    r.compressor_id = comp.config().id;
    r.memory_tokens = comp.config().memory_tokens;
    GenerationOptions go;
    go.max_new_tokens = 48;
    go.control.cancel = cb.cancel;
    cb.progress(Progress{0.0, 0, 0, "compressed"});
    auto t0 = std::chrono::steady_clock::now();
    const RunControl cc = Impl::compress_control(cb, 0.5);
    MemoryBatch mem = comp.encode({ids}, false, &cc);
    if (mem.cancelled) return r;
    std::vector<int64_t> prompt = qa_prompt_ids(*I.folder.tokenizer, dec.config(), comp.config().qa_template, question);
    r.answer_compressed = strip_whitespace(I.decode(continue_after(dec, &mem, prompt, go).ids[0]));
    r.ms_compressed = ms_since(t0);
    if (cb.cancel_requested()) return r;
    cb.progress(Progress{0.5, 0, 0, "full text"});
    // The papers' gold standard: the same question after the full text.
    const std::vector<int64_t> full = full_context_qa_prompt_ids(*I.folder.tokenizer, dec.config(),
                                                                 comp.config().qa_template, I.decode(ids), question);
    t0 = std::chrono::steady_clock::now();
    r.answer_full = strip_whitespace(I.decode(continue_after(dec, nullptr, full, go).ids[0]));
    r.ms_full = ms_since(t0);
    if (!gold.empty()) {
        r.has_gold = true;
        r.f1_compressed = squad_f1(r.answer_compressed, gold);
        r.em_compressed = squad_exact_match(r.answer_compressed, gold);
        r.f1_full = squad_f1(r.answer_full, gold);
        r.em_full = squad_exact_match(r.answer_full, gold);
    }
    cb.progress(Progress{1.0, 0, 0, "done"});
    return r;
}

int Session::compress_to_slot(const std::string& compressor_id, const std::string& text, const RunControl& cb) {
    at::NoGradGuard ng;
    Impl& I = *impl_;
    const Compressor* comp = nullptr;
    const std::vector<int64_t> ids = I.source_ids(compressor_id, text, &comp);
    // Cancelled, an optimised method keeps the best memory so far: still a prompt to look at.
    const RunControl cc = Impl::compress_control(cb, 1.0);
    MemoryBatch mem = comp->encode({ids}, false, &cc);
    const int slot = I.next_slot++;
    I.slots[slot] = to_prompt(mem, 0, *comp, static_cast<int>(ids.size()), I.decode(ids));
    return slot;
}

int Session::load_slot(const std::string& path) {
    Impl& I = *impl_;
    CompressedPrompt p = CompressedPrompt::load(path);
    auto it = I.compressors.find(p.compressor_id);
    if (it == I.compressors.end())
        throw Error(path + ": made by compressor '" + p.compressor_id + "', which is not loaded with this model");
    p.check_fits(*it->second);
    const LlamaModel& m = *I.folder.model;
    for (at::Tensor* t : {&p.keys, &p.values, &p.embeddings})
        if (t->defined()) *t = t->to(m.device(), m.dtype());
    const int slot = I.next_slot++;
    I.slots[slot] = std::move(p);
    return slot;
}

static const CompressedPrompt& slot_of(const std::map<int, CompressedPrompt>& slots, int slot) {
    auto it = slots.find(slot);
    if (it == slots.end()) throw Error("no compressed prompt in slot " + std::to_string(slot));
    return it->second;
}

void Session::save_slot(int slot, const std::string& path) const { slot_of(impl_->slots, slot).save(path); }
std::string Session::slot_source_text(int slot) const { return slot_of(impl_->slots, slot).source_text; }
std::string Session::slot_compressor(int slot) const { return slot_of(impl_->slots, slot).compressor_id; }

std::vector<float> Session::slot_vector(int slot) const {
    const CompressedPrompt& p = slot_of(impl_->slots, slot);
    std::vector<at::Tensor> parts;
    for (const at::Tensor& t : {p.keys, p.values, p.embeddings})
        if (t.defined()) parts.push_back(t.reshape({-1}));
    if (parts.empty()) return {};
    const at::Tensor flat = at::cat(parts).to(at::kCPU, at::kFloat).contiguous();
    return std::vector<float>(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
}

void Session::release_slot(int slot) { impl_->slots.erase(slot); }

InterpolationPoint Session::interpolate(int slot_a, int slot_b, double alpha, bool spherical, const RunControl& cb) {
    at::NoGradGuard ng;
    Impl& I = *impl_;
    I.share_latent_space(slot_a, slot_b);
    const CompressedPrompt& a = slot_of(I.slots, slot_a);
    const CompressedPrompt& b = slot_of(I.slots, slot_b);
    const LlamaModel& dec = *I.folder.model;
    CompressedPrompt mixed = xcomp::interpolate(a, b, alpha, spherical);
    MemoryBatch mem = to_batch({&mixed}, dec);
    std::vector<int64_t> so_far;
    const int max_new = std::max(a.source_tokens, b.source_tokens) + 16;
    GenerationResult g = xcomp::regenerate(dec, mem, I.generation_options(max_new, cb, &so_far));
    InterpolationPoint p;
    p.alpha = alpha;
    p.regenerated = I.decode(g.ids[0]);
    p.bleu_to_a = bleu(a.source_text, p.regenerated);
    p.bleu_to_b = bleu(b.source_text, p.regenerated);
    p.vs_a = align_texts(a.source_text, p.regenerated);
    p.vs_b = align_texts(b.source_text, p.regenerated);
    return p;
}

}  // namespace xcomp
