// compress, regenerate, qa, interpolate: the compressor commands, through the engine's Session.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "interrupt.h"
#include "xcomp/io/config.h"
#include "xcomp/error.h"
#include "xcomp/runtime.h"
#include "xcomp/session.h"

namespace xcomp::cli {
namespace fs = std::filesystem;

namespace {

struct Opened {
    std::unique_ptr<Session> session;
    std::string compressor;  // id
};

// --compressor names an id under <model>/compressors or a compressor folder.
Opened open_session(Args& a, bool need_compressor = true) {
    SessionOptions o;
    o.model_dir = a.str("model", default_model_dir());
    o.device = a.str("device", "cpu");
    o.dtype = a.str("dtype", "auto");
    const std::string want = a.str("compressor", "");
    const bool is_dir = !want.empty() && fs::is_directory(want);
    if (is_dir) o.extra_compressor_dirs.push_back(want);
    o.optimisation = optimisation_options(a);
    Opened r;
    r.session = Session::open(o);
    for (const auto& w : r.session->model().warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (!need_compressor) return r;
    if (want.empty()) throw Error("--compressor is required (an id such as aoc-m4, or a compressor folder)");
    // Variants and the optimised methods by their own id too.
    for (const auto* list : {&r.session->compressors(), &r.session->variants(), &r.session->optimised()})
        for (const auto& info : *list)
            if ((is_dir && fs::equivalent(info.dir, want)) || (!is_dir && info.id == want)) r.compressor = info.id;
    if (r.compressor.empty()) {
        std::string ids;
        for (const auto& info : r.session->compressors()) ids += " " + info.id;
        throw Error("no compressor '" + want + "' (available:" + (ids.empty() ? std::string(" none") : ids) + ")");
    }
    return r;
}

// An optimised method's steps on stderr (they take seconds to minutes); Ctrl-C stops at the best so far.
struct OptimisationProgress {
    RunControl control;
    std::shared_ptr<bool> shown = std::make_shared<bool>(false);  // a progress line is open on stderr
    OptimisationProgress() {
        control.cancel = catch_interrupts();
        control.on_progress = [shown = shown](const Progress& p) {
            if (p.stage == "optimise memory") {
                if (p.done % 10 != 0) return;
                std::fprintf(stderr, "\roptimise memory: step %lld of at most %lld   ", (long long)p.done, (long long)p.total);
                std::fflush(stderr);
                *shown = true;
            } else if (*shown) {
                std::fputs("\n", stderr);
                *shown = false;
            }
        };
    }
    ~OptimisationProgress() {
        if (*shown) std::fputs("\n", stderr);
    }
};

// Which compressor ran, when the id asked for routed a short text to a length variant.
void print_route(const std::string& asked, const CompressorInfo& ran, int tokens) {
    std::printf("ran %s: %s runs texts of at most %d tokens with it (this one has %d)\n", ran.id.c_str(), asked.c_str(),
                ran.serves_up_to, tokens);
}

std::string read_text(Args& a, const char* text_key = "text", const char* file_key = "file") {
    const bool t = a.has(text_key), f = a.has(file_key);
    if (t == f) throw Error(std::string("give exactly one of --") + text_key + " or --" + file_key);
    if (t) return a.str(text_key, "");
    const std::string path = a.str(file_key, "");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

nlohmann::json spans_json(const Alignment& al) {
    nlohmann::json spans = nlohmann::json::array();
    for (const AlignedSpan& s : al.spans) {
        if (s.type == ErrorType::Equal) continue;
        spans.push_back({{"type", error_type_name(s.type)},
                         {"original", {s.ref_begin, s.ref_end}},
                         {"regenerated", {s.hyp_begin, s.hyp_end}}});
    }
    return spans;
}

}  // namespace

int cmd_compress(Args& a) {
    const std::string out = a.required("out");
    const bool json = a.flag("json");
    std::string text = read_text(a);
    Opened s = open_session(a);
    a.finish();
    const int slot = s.session->compress_to_slot(s.compressor, text, OptimisationProgress().control);
    s.session->save_slot(slot, out);
    const CompressorInfo& info = s.session->compressor(s.session->slot_compressor(slot));  // a length variant may have run
    const int tokens = s.session->count_tokens(text);
    if (json) {
        std::cout << nlohmann::json({{"out", out}, {"compressor", info.id}, {"memory_tokens", info.memory_tokens},
                                     {"source_tokens", tokens}, {"bytes", fs::file_size(out)}})
                         .dump()
                  << "\n";
    } else {
        std::printf("%d tokens -> %d memory tokens (%s), wrote %s\n", tokens, info.memory_tokens, info.label.c_str(),
                    out.c_str());
    }
    return 0;
}

int cmd_regenerate(Args& a) {
    const bool json = a.flag("json");
    const bool attention = a.flag("attention");
    RegenerateOptions ro;
    ro.max_new_tokens = static_cast<int>(a.integer("max-new-tokens", 0, 0, 1 << 16));
    ro.capture_attention = attention;
    ro.use_length_variants = !a.flag("no-length-variants");
    ro.chunking = !a.flag("no-chunking");
    ro.window_tokens = static_cast<int>(a.integer("window", 0, 1, 1 << 20));  // the engine checks it against the compressor
    ro.read_together = !a.flag("no-together");
    if (a.has("xcp")) {
        const std::string path = a.str("xcp", "");
        Opened s = open_session(a, false);
        a.finish();
        const int slot = s.session->load_slot(path);
        InterpolationPoint p = s.session->interpolate(slot, slot, 0.0, false);
        if (json) std::cout << nlohmann::json({{"regenerated", p.regenerated}, {"bleu", p.bleu_to_a}}).dump() << "\n";
        else std::printf("%s\n", p.regenerated.c_str());
        return 0;
    }
    std::string text = read_text(a);
    Opened s = open_session(a);
    a.finish();
    RegenerationReport r = s.session->regenerate(s.compressor, text, ro, OptimisationProgress().control);
    if (r.cancelled) {
        std::fprintf(stderr, "\nregenerate: interrupted\n");
        return kInterruptedExit;
    }
    // A text cut into chunks: each chunk's byte range and scores, and the multi-span reading.
    const auto chunk_json = [](const RegenerationReport& c) {
        return nlohmann::json{{"bytes", {c.text_begin, c.text_end}}, {"token_begin", c.token_begin},
                              {"source_tokens", c.source_tokens}, {"original", c.original},
                              {"regenerated", c.regenerated},     {"bleu", c.scores.bleu},
                              {"rouge_l_f", c.scores.rouge_l_f},  {"exact_match", c.scores.exact_match},
                              {"errors", spans_json(c.alignment)}, {"teacher_forced_accuracy", c.evidence.teacher_forced_accuracy}};
    };
    if (json) {
        nlohmann::json j = {{"compressor", r.compressor.id},
                            {"requested", r.requested_id},
                            {"source_tokens", r.source_tokens},
                            {"memory_tokens", r.compressor.memory_tokens},
                            {"original", r.original},
                            {"regenerated", r.regenerated},
                            {"bleu", r.scores.bleu},
                            {"rouge_l_f", r.scores.rouge_l_f},
                            {"exact_match", r.scores.exact_match},
                            {"prefix_exact_match", r.scores.prefix_exact_match},
                            {"compress_ms", r.compress_ms},
                            {"regenerate_ms", r.regenerate_ms},
                            {"compressed_bytes", r.compressed_bytes},
                            {"full_kv_bytes", r.full_kv_bytes},
                            {"errors", spans_json(r.alignment)},
                            {"evidence", {{"teacher_forced_accuracy", r.evidence.teacher_forced_accuracy},
                                          {"first_divergence", r.evidence.first_divergence},
                                          {"probability", r.evidence.probability},
                                          {"rank", r.evidence.rank},
                                          {"entropy", r.evidence.entropy}}}};
        if (!r.chunks.empty()) {
            j["window_tokens"] = r.window_tokens;
            j["chunks"] = nlohmann::json::array();
            for (const RegenerationReport& c : r.chunks) j["chunks"].push_back(chunk_json(c));
            j["together"] = r.together.empty() ? nlohmann::json(nullptr) : chunk_json(r.together.front());
            if (!r.together_note.empty()) j["together_note"] = r.together_note;
        }
        if (attention) {
            j["attention"] = {{"layers", r.attention.layers}, {"heads", r.attention.heads},
                              {"generated", r.attention.generated}, {"memory_tokens", r.attention.memory_tokens},
                              {"memory_total", r.attention.memory_total}};
        }
        std::cout << j.dump() << "\n";
        return 0;
    }
    const int k = static_cast<int>(r.chunks.size());
    if (k > 0)
        std::printf("cut into %d chunks of at most %d tokens at sentence ends; each regenerated from its own %d memory tokens\n\n",
                    k, r.window_tokens, r.compressor.memory_tokens);
    std::printf("%s\n\n", r.regenerated.c_str());
    for (int i = 0; i < k; ++i) {
        const RegenerationReport& c = r.chunks[i];
        std::printf("chunk %d of %d: bytes %zu-%zu, tokens %d-%d | BLEU %.4f  ROUGE-L F %.4f  EM %.0f\n", i + 1, k, c.text_begin,
                    c.text_end, c.token_begin, c.token_begin + c.source_tokens - 1, c.scores.bleu, c.scores.rouge_l_f,
                    c.scores.exact_match);
    }
    if (k > 0) std::printf("whole text, chunks joined:\n");
    std::printf("%s: %d tokens -> %d memory tokens | BLEU %.4f  ROUGE-L F %.4f  EM %.0f | compress %.1f ms, regenerate %.1f ms\n",
                r.compressor.label.c_str(), r.source_tokens, r.compressor.memory_tokens * std::max(1, k), r.scores.bleu, r.scores.rouge_l_f,
                r.scores.exact_match, r.compress_ms, r.regenerate_ms);
    std::printf("errors: %d mistake, %d information loss, %d hallucination, %d paraphrase\n",
                r.alignment.counts[1], r.alignment.counts[2], r.alignment.counts[3], r.alignment.counts[4]);
    if (r.evidence.first_divergence < 0)
        std::printf("teacher-forced accuracy %.3f; greedy decoding gives the original exactly\n",
                    r.evidence.teacher_forced_accuracy);
    else
        std::printf("teacher-forced accuracy %.3f; greedy decoding leaves the original at token %d of %d\n",
                    r.evidence.teacher_forced_accuracy, r.evidence.first_divergence, r.source_tokens);
    if (k > 0 && !r.together.empty()) {
        const RegenerationReport& t = r.together.front();
        std::printf("read together (all %d memory tokens at once, the decoder was not trained for it): BLEU %.4f  ROUGE-L F %.4f  EM %.0f\n%s\n",
                    k * r.compressor.memory_tokens, t.scores.bleu, t.scores.rouge_l_f, t.scores.exact_match, t.regenerated.c_str());
    } else if (!r.together_note.empty()) {
        std::printf("%s\n", r.together_note.c_str());
    }
    if (r.compressor.id != r.requested_id) {
        int longest = r.source_tokens;
        if (k > 0) {
            longest = 0;
            for (const RegenerationReport& c : r.chunks) longest = std::max(longest, c.source_tokens);
        }
        print_route(r.requested_id, r.compressor, longest);
    }
    return 0;
}

int cmd_ablate(Args& a) {
    const bool json = a.flag("json");
    AblationRequest q;
    q.mode = a.str("mode", "drop");
    q.memory_token = static_cast<int>(a.integer("memory-token", 0, 0, 1 << 20));
    const std::string donor = a.str("donor", "");
    std::string text = read_text(a);
    Opened s = open_session(a);
    a.finish();
    if (q.mode == "replace" && donor.empty()) throw Error("--mode replace needs --donor B.xcp (the prompt to take the token from)");
    if (!donor.empty()) q.donor_slot = s.session->load_slot(donor);
    AblationReport r = s.session->ablate(s.compressor, text, q, OptimisationProgress().control);
    if (r.cancelled) {
        std::fprintf(stderr, "\nablate: interrupted\n");
        return kInterruptedExit;
    }
    if (json) {
        std::cout << nlohmann::json({{"compressor", r.compressor_id}, {"mode", q.mode}, {"memory_token", q.memory_token},
                                     {"original", r.original}, {"unablated", r.unablated}, {"ablated", r.ablated},
                                     {"bleu", r.scores.bleu}, {"rouge_l_f", r.scores.rouge_l_f},
                                     {"loss", r.loss}, {"importance", r.importance},
                                     {"changes", spans_json(r.vs_unablated)}})
                         .dump()
                  << "\n";
        return 0;
    }
    std::printf("unablated: %s\n\n%s memory token %d: %s\n\n", r.unablated.c_str(), q.mode.c_str(), q.memory_token,
                r.ablated.c_str());
    std::printf("%s, ablated against the original: BLEU %.4f  ROUGE-L F %.4f\n", r.compressor_id.c_str(), r.scores.bleu,
                r.scores.rouge_l_f);
    std::printf("importance (loss increase in nats/token when dropped; loss with all %.3f):\n", r.loss);
    double top = 1e-9;
    for (double v : r.importance) top = std::max(top, v);
    for (size_t k = 0; k < r.importance.size(); ++k)
        std::printf("  %3zu %+8.4f %s\n", k, r.importance[k],
                    std::string(static_cast<size_t>(std::max(0.0, 40.0 * r.importance[k] / top)), '#').c_str());
    return 0;
}

int cmd_qa(Args& a) {
    const bool json = a.flag("json");
    const std::string question = a.required("question");
    std::vector<std::string> gold;
    if (a.has("answer")) gold.push_back(a.str("answer", ""));
    std::string context = read_text(a, "context", "file");
    Opened s = open_session(a);
    a.finish();
    QAReport r = s.session->answer(s.compressor, context, question, gold);
    if (json) {
        nlohmann::json j = {{"compressor", r.compressor_id},   {"question", r.question}, {"chunks", r.chunks},
                            {"memory_tokens", r.memory_tokens},
                            {"answer_compressed", r.answer_compressed},
                            {"answer_full", r.answer_full},   {"ms_compressed", r.ms_compressed},
                            {"ms_full", r.ms_full}};
        if (r.has_gold) {
            j["f1_compressed"] = r.f1_compressed;
            j["em_compressed"] = r.em_compressed;
            j["f1_full"] = r.f1_full;
            j["em_full"] = r.em_full;
        }
        if (!r.note.empty()) j["note"] = r.note;
        std::cout << j.dump() << "\n";
        return 0;
    }
    if (r.chunks > 1)
        std::printf("the context was cut into %d chunks; the decoder read all %d memory tokens at once\n", r.chunks,
                    r.memory_tokens);
    if (!r.note.empty()) std::printf("%s\n", r.note.c_str());
    std::printf("compressed prompt: %s   (%.1f ms)\nfull text:         %s   (%.1f ms)\n", r.answer_compressed.c_str(),
                r.ms_compressed, r.answer_full.c_str(), r.ms_full);
    if (r.compressor_id != s.compressor)
        print_route(s.compressor, s.session->compressor(r.compressor_id), s.session->count_tokens(context));
    if (r.has_gold)
        std::printf("F1 %.3f / EM %.0f (compressed)   F1 %.3f / EM %.0f (full)\n", r.f1_compressed, r.em_compressed, r.f1_full,
                    r.em_full);
    return 0;
}

int cmd_interpolate(Args& a) {
    const bool json = a.flag("json");
    const bool spherical = a.flag("spherical");
    const double alpha = a.real("alpha", 0.5, 0.0, 1.0);
    Opened s = open_session(a, false);
    a.finish();
    if (a.positional().size() != 2) throw Error("interpolate needs two .xcp files: interpolate --alpha A a.xcp b.xcp");
    const int sa = s.session->load_slot(a.positional()[0]);
    const int sb = s.session->load_slot(a.positional()[1]);
    InterpolationPoint p = s.session->interpolate(sa, sb, alpha, spherical);
    if (json) {
        std::cout << nlohmann::json({{"alpha", p.alpha}, {"regenerated", p.regenerated}, {"bleu_to_a", p.bleu_to_a},
                                     {"bleu_to_b", p.bleu_to_b}})
                         .dump()
                  << "\n";
    } else {
        std::printf("%s\n\nalpha %.3f: BLEU to A %.4f, to B %.4f\n", p.regenerated.c_str(), p.alpha, p.bleu_to_a, p.bleu_to_b);
    }
    return 0;
}

}  // namespace xcomp::cli
