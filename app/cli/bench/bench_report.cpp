// The report of `xcomp bench`: the JSON file (a header with the options, the model and the machine,
// the rows, and greedy samples for tools/bench_peer.py to compare against) and the rows as a
// Markdown table. tools/make_performance_report.py reads the JSON.
#include <unistd.h>

#include <ATen/Parallel.h>

#include <cstdio>
#include <ctime>
#include <fstream>

#include "bench.h"
#include "xcomp/io/atomic_file.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/runtime.h"

namespace xcomp::cli::bench {

namespace {

std::string read_first_line_matching(const std::string& path, const std::string& prefix) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0) {
            const size_t colon = line.find(':');
            if (colon == std::string::npos) return line;
            size_t a = line.find_first_not_of(" \t", colon + 1);
            return a == std::string::npos ? std::string() : line.substr(a);
        }
    return {};
}

std::string command_output(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

std::string iso_now() {
    std::time_t t = std::time(nullptr);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

}  // namespace

void Bench::write() const {
    if (out_path_.empty()) return;
    json j = meta_;
    j["rows"] = rows_;
    j["samples"] = samples_;
    write_file_atomically(out_path_, j.dump(1) + "\n");
}

std::string Bench::markdown() const {
    std::string s = "| row | device | median ms | p90 ms | throughput | stages (median ms) | peak RSS MB | peak GPU MB |\n"
                    "|---|---|---:|---:|---:|---|---:|---:|\n";
    char buf[512];
    for (const json& r : rows_) {
        std::string stages;
        for (auto it = r.begin(); it != r.end(); ++it) {
            const std::string& k = it.key();
            if (k.size() > 10 && k.compare(k.size() - 10, 10, "_median_ms") == 0) {
                std::snprintf(buf, sizeof buf, "%s%s %.1f", stages.empty() ? "" : ", ", k.substr(0, k.size() - 10).c_str(),
                              it.value().get<double>());
                stages += buf;
            }
        }
        std::string thr = "";
        if (r.contains("throughput") && !r["throughput"].is_null()) {
            std::snprintf(buf, sizeof buf, "%.1f %s", r["throughput"].get<double>(), r.value("throughput_unit", "").c_str());
            thr = buf;
        }
        std::string gpu = r["peak_gpu_mb"].is_null() ? "-" : std::to_string(static_cast<long long>(r["peak_gpu_mb"].get<double>()));
        std::snprintf(buf, sizeof buf, "| %s | %s | %.2f | %.2f | %s | %s | %.0f | %s |\n", r["id"].get<std::string>().c_str(),
                      r["device"].get<std::string>().c_str(), r["median_ms"].get<double>(), r["p90_ms"].get<double>(),
                      thr.c_str(), stages.c_str(), r["peak_rss_mb"].get<double>(), gpu.c_str());
        s += buf;
    }
    return s;
}

json report_header(const BenchOptions& o, const ModelFolder& f, size_t data_records, int natural480,
                   const BenchCompressors& comps) {
    return {{"tool", "xcomp bench"},
            {"implementation", "xcomp"},
            {"date", iso_now()},
            {"section", o.section},
            {"decode_mode", decode_mode_name(o.decode_mode)},
            {"max_batch", o.max_batch},
            {"repeats", o.repeats},
            {"data", o.data},
            {"data_records", data_records},
            {"texts_480_natural_of_64", natural480},
            {"model",
             {{"dir", f.model->dir()},
              {"parameters", f.model->parameter_count()},
              {"dtype", dtype_to_name(f.model->dtype())},
              {"device", f.model->device().str()},
              {"layers", f.model->config().num_hidden_layers},
              {"hidden_size", f.model->config().hidden_size},
              {"vocab_size", f.model->config().vocab_size},
              {"fingerprint", f.model->fingerprint()}}},
            {"machine",
             {{"cpu", read_first_line_matching("/proc/cpuinfo", "model name")},
              {"cores", static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN))},
              {"threads", at::get_num_threads()},
              {"threads_option", o.threads},
              {"gpu", f.model->device().is_cuda()
                          ? command_output("nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1")
                          : ""},
              {"torch", torch_version()},
              {"cuda_memory_stats", cuda_memory_stats()}}},
            {"compressors", [&] {
                 json j = json::array();
                 for (const auto& c : comps.regen) j.push_back(c->config().id);
                 for (const auto& c : comps.qa) j.push_back(c->config().id);
                 return j;
             }()}};
}

// Greedy regenerations for the peer to compare against (exactly 96 tokens, no EOS stop).
void add_samples(Bench& b, const Compressors& comps, const TextPool& pool, int per_compressor) {
    const auto texts = pool.take(96, per_compressor);
    for (const auto& cp : comps) {
        for (int i = 0; i < per_compressor; ++i) {
            MemoryBatch mem = cp->encode({texts[i]});
            GenerationResult g = regenerate(b.model(), mem, exact(96, b.decode_mode()));
            b.add_sample({{"compressor", cid(*cp)}, {"N", 96}, {"source_ids", texts[i]}, {"output_ids", g.ids[0]},
                          {"device", b.device_name()}});
        }
    }
}

}  // namespace xcomp::cli::bench
