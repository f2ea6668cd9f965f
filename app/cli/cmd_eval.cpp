// eval: the papers' evaluation over a dataset, as a table (Markdown, CSV, JSON) and per-example JSONL.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "commands.h"
#include "interrupt.h"
#include "launcher.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/compress/memory_optimisation.h"
#include "xcomp/error.h"
#include "xcomp/eval/evaluation.h"
#include "xcomp/runtime.h"
#include "xcomp/train/distributed.h"

namespace xcomp::cli {
namespace fs = std::filesystem;

namespace {

// An evaluated id runs its length variants (from the model's compressors/) on short cells, as
// `xcomp regenerate` does; with --compressor all, a variant is evaluated through its family only.
void route_to_length_variants(const ModelFolder& f, std::vector<std::shared_ptr<Compressor>>* comps, EvalOptions* o,
                              bool all) {
    std::set<std::string> ids;
    for (const auto& c : *comps) ids.insert(c->config().id);
    if (all)
        comps->erase(std::remove_if(comps->begin(), comps->end(),
                                    [&](const auto& c) { return ids.count(c->config().variant_of) > 0; }),
                     comps->end());
    const fs::path root = fs::path(f.model->dir()) / "compressors";
    if (!fs::is_directory(root)) return;
    for (const auto& e : fs::directory_iterator(root)) {
        const fs::path json = e.path() / "compressor.json";
        if (!fs::is_regular_file(json)) continue;
        const CompressorConfig c = CompressorConfig::from_file(json.string());
        if (c.variant_of.empty() || !ids.count(c.variant_of)) continue;
        o->variants.push_back(Compressor::load(e.path().string(), f.model));
        std::fprintf(stderr, "eval: %s runs %s on texts of at most %d tokens\n", c.variant_of.c_str(), c.id.c_str(),
                     c.serves_up_to);
    }
}

// The sharded run's merge: every rank's newly run examples go to rank 0, which adds them to the
// earlier run's (--resume) and makes the tables from all of them, as one process would have.
EvalResult gather_shards(DataParallel& dp, const std::vector<std::shared_ptr<Compressor>>& comps, const Tokenizer& tok,
                         const std::vector<TextRecord>& recs, const EvalOptions& o, EvalResult mine) {
    // A rank's result also holds the earlier examples it was given; only the ones it ran travel.
    std::multiset<std::string> earlier;
    auto key = [](const EvalExample& e) { return e.compressor_id + '\n' + std::to_string(e.length) + '\n' + e.id; };
    for (const EvalExample& e : o.done) earlier.insert(key(e));
    std::vector<EvalExample> ran;
    for (EvalExample& e : mine.examples) {
        const auto it = earlier.find(key(e));
        if (it != earlier.end()) earlier.erase(it);
        else ran.push_back(std::move(e));
    }
    const bool cancelled = dp.sum({mine.cancelled ? 1.0 : 0.0})[0] > 0;
    const std::vector<std::string> shards = dp.all_gather(eval_examples_jsonl(ran, o.qa));
    if (dp.rank() != 0) return EvalResult{{}, {}, {}, cancelled};
    EvalOptions merge = o;
    merge.shard = 0;
    merge.shards = 1;
    merge.run_missing = false;
    for (size_t r = 0; r < shards.size(); ++r) {
        std::vector<EvalExample> part = parse_eval_examples(shards[r], "rank " + std::to_string(r) + "'s examples", o.qa);
        merge.done.insert(merge.done.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    EvalResult all = evaluate(comps, tok, recs, merge);
    all.cancelled = cancelled;
    return all;
}

}  // namespace

int cmd_eval(Args& a) {
    EvalOptions o;
    const std::string data = a.required("data");
    const std::string out = a.required("out");
    o.qa = a.flag("qa");
    o.limit = a.integer("limit", -1, -1, 1LL << 40);
    o.batch_size = static_cast<int>(a.integer("batch-size", 32, 1, 4096));
    const double heldout = a.real("heldout", o.qa ? 0.2 : 0.0, 0.0, 1.0);
    if (a.has("lengths")) {
        o.lengths.clear();
        for (const std::string& s : a.list("lengths")) {
            char* end = nullptr;
            const long v = std::strtol(s.c_str(), &end, 10);
            if (*end || v < 1 || v > 65536) throw Error("--lengths: '" + s + "' is not a token count");
            o.lengths.push_back(static_cast<int>(v));
        }
    }
    std::vector<std::string> wanted = a.list("compressor");
    const bool no_variants = a.flag("no-length-variants");
    const bool resume = a.flag("resume");
    const MemoryOptimisationOptions optimisation = optimisation_options(a);
    const Ranks ranks = setup_ranks(a, "eval", "cpu");
    if (ranks.launched) return *ranks.launched;
    ModelFolder f = open_model(a, true, ranks.device);
    a.finish();
    // Sharded over ranks: each runs every world-th batch; rank 0 gathers the examples and writes.
    std::unique_ptr<DataParallel> dp;
    if (ranks.distributed) dp = std::make_unique<DataParallel>(*ranks.distributed);
    const int rank = dp ? dp->rank() : 0;
    o.shard = rank;
    o.shards = dp ? dp->world_size() : 1;
    // Fail early on an unwritable output folder, before hours of work.
    std::error_code ec;
    fs::create_directories(out, ec);
    {
        std::ofstream probe(fs::path(out) / ".write-test");
        if (ec || !probe) throw Error("cannot write to output folder " + out);
    }
    fs::remove(fs::path(out) / ".write-test");
    if (resume) {
        o.done = read_eval_examples(out, o.qa);
        std::fprintf(stderr, "eval: resuming: %zu examples of the earlier run in %s are kept\n", o.done.size(), out.c_str());
    }
    const bool all = wanted.empty() || (wanted.size() == 1 && wanted[0] == "all");
    if (all) {
        wanted.clear();
        const fs::path root = fs::path(f.model->dir()) / "compressors";
        if (fs::is_directory(root))
            for (const auto& e : fs::directory_iterator(root))
                if (e.is_directory()) wanted.push_back(e.path().string());
        std::sort(wanted.begin(), wanted.end());
    }
    std::vector<std::shared_ptr<Compressor>> comps;
    for (const std::string& w : wanted) {
        const std::string dir = fs::is_directory(w) ? w : (fs::path(f.model->dir()) / "compressors" / w).string();
        std::optional<CompressorConfig> optimised = fs::is_directory(dir) ? std::nullopt : optimised_compressor_config(w);
        if (optimised) optimised->optimisation = optimisation;
        auto c = optimised ? Compressor::create(*optimised, f.model, 0) : Compressor::load(dir, f.model);
        if (o.qa != c->config().qa && o.qa) std::fprintf(stderr, "note: %s was not fine-tuned for QA\n", c->config().id.c_str());
        comps.push_back(c);
    }
    if (comps.empty()) throw Error("no compressors to evaluate (give --compressor)");
    if (!no_variants) route_to_length_variants(f, &comps, &o, all);
    EvalResult r;
    std::vector<TextRecord> recs = read_jsonl(data, &r.dataset, -1, o.qa);
    for (const auto& p : r.dataset.problems) std::fprintf(stderr, "skipped %s\n", p.c_str());
    if (o.qa && heldout > 0) {
        std::vector<TextRecord> kept;
        for (auto& rec : recs)
            if (in_holdout(rec, heldout)) kept.push_back(std::move(rec));
        recs = std::move(kept);
        std::fprintf(stderr, "eval: %zu held-out QA records (the share %.2f of articles that training never saw)\n",
                     recs.size(), heldout);
    }
    if (recs.empty()) throw Error(data + ": the dataset has no usable records");
    const auto t0 = std::chrono::steady_clock::now();
    if (rank == 0) o.control.on_progress = [&](const Progress& p) {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "\r[%lld/%lld] %-28s %.0f s, ETA %.0f s   ", (long long)p.done, (long long)p.total, p.stage.c_str(), s,
                     p.done ? s / p.done * (p.total - p.done) : 0.0);
        std::fflush(stderr);
    };
    o.control.cancel = catch_interrupts();
    EvalResult result = evaluate(comps, *f.tokenizer, recs, o);
    if (dp) result = gather_shards(*dp, comps, *f.tokenizer, recs, o, std::move(result));
    if (rank != 0) return result.cancelled ? kInterruptedExit : 0;
    result.dataset = r.dataset;
    std::fprintf(stderr, "\n");
    write_eval_outputs(result, out, o);
    if (result.cancelled) {
        std::fprintf(stderr, "eval: interrupted; the %zu examples finished are in %s: the same command with --resume "
                     "finishes the rest\n", result.examples.size(), out.c_str());
        return kInterruptedExit;
    }
    std::printf("%s", eval_table_markdown(result, o.qa).c_str());
    std::printf("\n%zu examples; %lld dataset lines skipped; wrote %s/{examples.jsonl,table.md,table.csv,table.json}\n",
                result.examples.size(), (long long)r.dataset.skipped, out.c_str());
    return 0;
}

}  // namespace xcomp::cli
