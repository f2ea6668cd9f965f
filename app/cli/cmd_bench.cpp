// bench: latency, throughput and peak memory of the engine's hot paths.
//
//   CPU section: compress + regenerate exactly N tokens for each compressor and N in {96, 192, 480};
//                one interpolation step (two texts, alpha 0.5, 96 tokens); start-up of the workbench to a
//                usable window with the model loaded (xcomp-workbench --startup-probe).
//   GPU section: batched compress + regenerate (B in {1, 64, 256} at N = 96, B = 64 at N = 480);
//                compressor training throughput (train_compressor, batch 32, lengths 96-480);
//                QA after a 480-token context: compressed at question time, compressed beforehand
//                ("reused") and full text (time to first token, total); alone as the QA section.
//
// Every row: median and p90 over the repeats (after one untimed warm-up run), peak host RSS
// (getrusage, after resetting the kernel's high-water mark through /proc/self/clear_refs where
// allowed) and, on CUDA, peak GPU memory allocated (the caching allocator's statistics, reset per
// row). Rows keep a stable `id` so tools/bench_peer.py (the same work with transformers + peft)
// and tools/make_performance_report.py can pair them up.
//
// This file reads the options and runs the chosen sections; the sections and the report are in
// bench/ (bench/bench.h).
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

#include <algorithm>
#include <cstdio>

#include "bench/bench.h"
#include "commands.h"
#include "xcomp/error.h"

namespace xcomp::cli {

int cmd_bench(Args& a) {
    using namespace bench;
    BenchOptions o;
    o.data = a.str("data", "");
    o.repeats = static_cast<int>(a.integer("repeats", 7, 1, 1000));
    o.out = a.str("out", "");
    const std::string device_arg = a.str("device", "cpu");
    o.section = a.str("section", device_arg.rfind("cuda", 0) == 0 ? "gpu" : "cpu");
    o.train_steps = static_cast<int>(a.integer("train-steps", 30, 2, 100000));
    o.samples = static_cast<int>(a.integer("samples", 2, 0, 64));
    o.max_batch = static_cast<int>(a.integer("max-batch", 256, 1, 4096));
    o.compressors = a.list("compressors");
    o.threads = a.integer("threads", 0, 0, 1024);
    o.decode_mode = parse_decode_mode(a.str("decode-mode", "auto"));
    o.workbench = find_workbench(a.str("workbench", ""));
    const std::string& section = o.section;
    if (section != "cpu" && section != "gpu" && section != "qa" && section != "all")
        throw Error("--section must be cpu, gpu, qa or all");
    if (o.data.empty()) throw Error("--data is required: a JSONL file of texts, e.g. ../shared/data/arxiv/valid.jsonl");
    ModelFolder f = open_model(a, true);
    a.finish();
    at::NoGradGuard no_grad;

    // Compressors: regeneration ones for the latency/throughput rows, a QA one (if any) for the QA rows.
    const BenchCompressors comps = find_compressors(f, o.compressors);
    // Texts: the first records of the data file, tokenised once.
    size_t records = 0;
    const TextPool pool = TextPool::read(o.data, *f.tokenizer, &records);
    int natural480 = 0;
    pool.take(480, 64, &natural480);

    Bench b(f, o.repeats, o.out, report_header(o, f, records, natural480, comps));
    b.set_decode_mode(o.decode_mode);
    b.set_max_batch(o.max_batch);
    std::fprintf(stderr, "bench: %s on %s (%s, %d threads), %zu compressors, %d repeats\n", f.model->dir().c_str(),
                 f.model->device().str().c_str(), dtype_to_name(f.model->dtype()).c_str(), at::get_num_threads(),
                 comps.regen.size() + comps.qa.size(), o.repeats);
    if (o.samples > 0) add_samples(b, comps.regen, pool, o.samples);
    std::shared_ptr<Compressor> probe_c = comps.m4.front();
    for (const auto& c : comps.m4)
        if (c->config().method == Method::AOC) probe_c = c;
    if (section == "cpu" || section == "all") {
        cpu_section(b, comps.regen, pool);
        step_probe(b, *probe_c, pool, 1);
        step_probe(b, *probe_c, pool, 16);
        if (!o.workbench.empty()) {
            startup_row(b, o.workbench);
        } else {
            std::fprintf(stderr, "no xcomp-workbench beside xcomp (an engine-only build?): start-up row skipped; pass --workbench\n");
        }
    }
    if (section == "gpu" || section == "all") {
        batch_section(b, comps.m4, pool);
        if (section == "gpu") step_probe(b, *probe_c, pool, 1);
        step_probe(b, *probe_c, pool, std::min(256, b.max_batch()));
    }
    if (section == "gpu" || section == "qa" || section == "all") {
        std::shared_ptr<Compressor> qc = !comps.qa.empty() ? comps.qa.front() : nullptr;
        if (!qc)
            for (const auto& c : comps.m4)
                if (c->config().method == Method::AOC) qc = c;
        if (!qc) qc = comps.m4.front();
        qa_section(b, *qc, pool);
    }
    if (section == "gpu" || section == "all") {
        at::AutoGradMode grad(true);  // the trainer needs autograd on
        train_section(b, comps.m4, o.data, o.train_steps);
    }
    b.write();
    std::printf("%s", b.markdown().c_str());
    if (!o.out.empty()) std::printf("\nwrote %s\n", o.out.c_str());
    return 0;
}

}  // namespace xcomp::cli
