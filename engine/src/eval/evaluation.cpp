#include "xcomp/io/atomic_file.h"
#include "xcomp/eval/evaluation.h"
#include "xcomp/eval/token_evidence.h"

#include <ATen/core/grad_mode.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>

#include "xcomp/compress/compressor_family.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/error.h"

namespace xcomp {
namespace fs = std::filesystem;

namespace {

// "aoc-m16", or "aoc-m16 → aoc-m16-t96" when a length variant ran the cell.
std::string shown_id(const EvalCell& c) {
    return c.ran_id.empty() || c.ran_id == c.compressor_id ? c.compressor_id : c.compressor_id + " → " + c.ran_id;
}

std::string decode(const Tokenizer& tok, const std::vector<int64_t>& ids) {
    return tok.decode(std::vector<int>(ids.begin(), ids.end()));
}

// Identifies one example of an evaluation: (asked compressor, length, record id).
std::string example_key(const std::string& compressor_id, int length, const std::string& record_id) {
    return compressor_id + '\x1f' + std::to_string(length) + '\x1f' + record_id;
}

}  // namespace

EvalResult evaluate(const std::vector<std::shared_ptr<Compressor>>& compressors, const Tokenizer& tok,
                    const std::vector<TextRecord>& records, const EvalOptions& o,
                    const std::function<void(const EvalExample&)>& on_example) {
    at::NoGradGuard ng;
    EvalResult result;
    if (compressors.empty()) throw Error("evaluation needs at least one compressor");
    if (records.empty()) throw Error("the dataset has no usable records");
    if (o.batch_size < 1) throw Error("batch size must be positive");
    if (o.shards < 1 || o.shard < 0 || o.shard >= o.shards)
        throw Error("shard " + std::to_string(o.shard) + " is not in 0 .. " + std::to_string(o.shards - 1));
    std::vector<std::vector<int64_t>> ids;
    for (const TextRecord& r : records) {
        std::vector<int> v = tok.encode(r.text);
        ids.emplace_back(v.begin(), v.end());
    }
    // Work list: (compressor, length, record indices).
    struct Job {
        size_t c;
        int length;
        std::vector<size_t> rows;
    };
    std::vector<Job> jobs;
    int64_t total = 0;
    for (size_t c = 0; c < compressors.size(); ++c) {
        const std::vector<int> lengths = o.qa ? std::vector<int>{0} : o.lengths;
        for (int n : lengths) {
            Job j{c, n, {}};
            for (size_t i = 0; i < records.size() && (o.limit < 0 || static_cast<int64_t>(j.rows.size()) < o.limit); ++i) {
                if (o.qa ? (!records[i].question.empty() && !records[i].answers.empty() &&
                            static_cast<int>(ids[i].size()) <= compressors[c]->config().max_source_tokens)
                         : static_cast<int>(ids[i].size()) >= n)
                    j.rows.push_back(i);
            }
            jobs.push_back(std::move(j));
        }
    }
    int64_t done = 0;
    CompressorFamilies families;
    std::map<std::string, const Compressor*> by_id;
    for (const auto* list : {&compressors, &o.variants})
        for (const auto& c : *list) {
            families.add(c->config());
            by_id[c->config().id] = c.get();
        }
    // An earlier run's examples, by key; a record id may repeat in a dataset, so each key holds a queue.
    std::map<std::string, std::vector<const EvalExample*>> earlier;
    for (auto it = o.done.rbegin(); it != o.done.rend(); ++it)
        earlier[example_key(it->compressor_id, it->length, it->id)].push_back(&*it);
    size_t reused = 0;
    // This process's batches of a cell: the rows an earlier run did not finish, cut into batches as
    // one process would, dealt round-robin over the shards.
    auto pending = [&](const Job& job, std::vector<size_t>* left) {
        std::vector<std::pair<size_t, size_t>> mine;  // [start, end) into *left
        left->clear();
        std::map<std::string, size_t> taken;  // a key's earlier examples used up, in queue order
        for (size_t i : job.rows) {
            const auto it = earlier.find(example_key(compressors[job.c]->config().id, job.length, records[i].id));
            size_t& k = taken[it == earlier.end() ? std::string() : it->first];
            if (it != earlier.end() && k < it->second.size()) {
                ++k;
                continue;
            }
            left->push_back(i);
        }
        if (!o.run_missing) return mine;
        for (size_t start = 0, b = 0; start < left->size(); start += o.batch_size, ++b)
            if (static_cast<int>(b % o.shards) == o.shard) mine.emplace_back(start, std::min(left->size(), start + o.batch_size));
        return mine;
    };
    for (const Job& job : jobs) {
        std::vector<size_t> left;
        for (const auto& [s, e] : pending(job, &left)) total += static_cast<int64_t>(e - s);
    }
    for (const Job& job : jobs) {
        const std::string& asked = compressors[job.c]->config().id;
        // Itself unless a length variant serves the cell: two folders of one id (bf16 and int8, say)
        // must each run their own weights.
        const std::string routed = o.qa ? asked : families.route(asked, job.length);
        const Compressor& comp = routed == asked ? *compressors[job.c] : *by_id.at(routed);
        const LlamaModel& dec = comp.base();
        EvalCell cell;
        cell.compressor_id = asked;
        cell.ran_id = comp.config().id;
        cell.method = method_name(comp.config().method);
        cell.memory_tokens = comp.config().memory_tokens;
        cell.length = job.length;
        auto add = [&](EvalExample&& e) {
            ++cell.n;
            cell.bleu += e.scores.bleu;
            cell.rouge_l_f += e.scores.rouge_l_f;
            cell.exact_match += e.scores.exact_match;
            cell.prefix_exact_match += e.scores.prefix_exact_match;
            cell.teacher_forced_accuracy += e.teacher_forced_accuracy;
            for (int t = 0; t < 5; ++t) cell.error_share[t] += e.alignment.word_share[t];
            cell.f1_compressed += e.f1_compressed;
            cell.em_compressed += e.em_compressed;
            cell.f1_full += e.f1_full;
            cell.em_full += e.em_full;
            if (on_example) on_example(e);
            result.examples.push_back(std::move(e));
        };
        std::vector<size_t> left;
        const std::vector<std::pair<size_t, size_t>> mine = pending(job, &left);
        // Rows an earlier run finished are taken as they are; the rest run below.
        std::vector<size_t> rows;
        for (size_t i : job.rows) {
            auto it = earlier.find(example_key(asked, job.length, records[i].id));
            if (it == earlier.end() || it->second.empty()) {
                rows.push_back(i);
                continue;
            }
            EvalExample e = *it->second.back();
            it->second.pop_back();
            if (e.ran_id != cell.ran_id)
                throw Error("the earlier run's example '" + e.id + "' of " + asked + " at " + std::to_string(job.length) +
                            " tokens was made by " + e.ran_id + ", this run uses " + cell.ran_id +
                            "; start a new evaluation instead of resuming");
            ++reused;
            add(std::move(e));
        }
        if (left != rows) throw Error("evaluation: internal error: the batches of a cell differ between passes");
        for (const auto& [start, end] : mine) {
            if (result.cancelled || o.control.cancel_requested()) {  // the earlier examples are still gathered
                result.cancelled = true;
                break;
            }
            std::vector<std::vector<int64_t>> src;
            for (size_t k = start; k < end; ++k) {
                const auto& full = ids[rows[k]];
                src.emplace_back(full.begin(), o.qa ? full.end() : full.begin() + job.length);
            }
            // An optimised method fits each batch for seconds to minutes: its steps count within the batch.
            RunControl cc;
            cc.cancel = o.control.cancel;
            const double batch_rows = static_cast<double>(end - start);  // C++17 lambdas cannot capture bindings (clang)
            cc.on_progress = [&](const Progress& p) {
                const double now = static_cast<double>(done) + p.fraction * batch_rows;
                o.control.progress(Progress{total > 0 ? now / static_cast<double>(total) : 1.0, done, total,
                                            cell.compressor_id + " @ " + std::to_string(job.length) + ", " + p.stage + " " +
                                                std::to_string(p.done) + "/" + std::to_string(p.total)});
            };
            MemoryBatch mem = comp.encode(src, false, &cc);
            if (mem.cancelled) {
                result.cancelled = true;
                break;
            }
            GenerationOptions go;
            go.control.cancel = o.control.cancel;
            std::vector<EvalExample> batch(end - start);
            if (!o.qa) {
                go.max_new_tokens = job.length + o.extra_tokens;
                GenerationResult g = regenerate(dec, mem, go);
                if (g.cancelled) {  // cut short: not an example (a resumed run regenerates it whole)
                    result.cancelled = true;
                    break;
                }
                const std::vector<TokenEvidence> evidence = token_evidence(dec, mem, src, g.ids, g.hit_eos);
                for (size_t k = 0; k < batch.size(); ++k) {
                    EvalExample& e = batch[k];
                    e.teacher_forced_accuracy = evidence[k].teacher_forced_accuracy;
                    e.first_divergence = evidence[k].first_divergence;
                    e.original = decode(tok, src[k]);
                    e.regenerated = decode(tok, g.ids[k]);
                    e.scores = score_regeneration(e.original, e.regenerated);
                    e.alignment = align_texts(e.original, e.regenerated);
                }
            } else {
                go.max_new_tokens = o.qa_max_new_tokens;
                std::vector<std::vector<int64_t>> prompts, full_prompts;
                for (size_t k = start; k < end; ++k) {
                    const TextRecord& r = records[rows[k]];
                    prompts.push_back(qa_prompt_ids(tok, dec.config(), comp.config().qa_template, r.question));
                    full_prompts.push_back(
                        full_context_qa_prompt_ids(tok, dec.config(), comp.config().qa_template, r.text, r.question));
                }
                GenerationResult gc = continue_batch(dec, &mem, prompts, go);
                GenerationResult gf = continue_batch(dec, nullptr, full_prompts, go);
                if (gc.cancelled || gf.cancelled) {
                    result.cancelled = true;
                    break;
                }
                for (size_t k = 0; k < batch.size(); ++k) {
                    EvalExample& e = batch[k];
                    const TextRecord& r = records[rows[start + k]];
                    e.question = r.question;
                    e.answers = r.answers;
                    e.answer_compressed = strip_whitespace(decode(tok, gc.ids[k]));
                    e.answer_full = strip_whitespace(decode(tok, gf.ids[k]));
                    e.f1_compressed = squad_f1(e.answer_compressed, r.answers);
                    e.em_compressed = squad_exact_match(e.answer_compressed, r.answers);
                    e.f1_full = squad_f1(e.answer_full, r.answers);
                    e.em_full = squad_exact_match(e.answer_full, r.answers);
                }
            }
            for (size_t k = 0; k < batch.size(); ++k) {
                EvalExample& e = batch[k];
                e.id = records[rows[start + k]].id;
                e.compressor_id = cell.compressor_id;
                e.ran_id = cell.ran_id;
                e.method = cell.method;
                e.memory_tokens = cell.memory_tokens;
                e.length = job.length;
                add(std::move(e));
            }
            done += static_cast<int64_t>(batch.size());
            o.control.progress(Progress{total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0, done, total,
                                        cell.compressor_id + " @ " + std::to_string(job.length)});
        }
        if (cell.n > 0) {
            const double n = static_cast<double>(cell.n);
            for (double* v : {&cell.bleu, &cell.rouge_l_f, &cell.exact_match, &cell.prefix_exact_match,
                              &cell.teacher_forced_accuracy, &cell.f1_compressed,
                              &cell.em_compressed, &cell.f1_full, &cell.em_full})
                *v /= n;
            for (double& v : cell.error_share) v /= n;
        }
        result.cells.push_back(cell);
    }
    if (reused != o.done.size())
        throw Error(std::to_string(o.done.size() - reused) + " of the earlier run's " + std::to_string(o.done.size()) +
                    " examples fit no row of this evaluation (other compressors, lengths, limit or data); start a new "
                    "evaluation instead of resuming");
    return result;
}

std::vector<EvalExample> parse_eval_examples(const std::string& jsonl, const std::string& where_from, bool qa) {
    std::istringstream f(jsonl);
    std::vector<EvalExample> out;
    std::string line;
    for (int64_t n = 1; std::getline(f, line); ++n) {
        if (line.empty()) continue;
        const std::string where = where_from + " line " + std::to_string(n);
        try {
            const nlohmann::json j = nlohmann::json::parse(line);
            if (j.contains("question") != qa)
                throw Error(where + ": written by a " + std::string(qa ? "regeneration" : "QA") +
                            " evaluation; resume it with" + (qa ? "out" : "") + " --qa");
            EvalExample e;
            e.id = j.at("id").get<std::string>();
            e.compressor_id = j.at("compressor").get<std::string>();
            e.ran_id = j.at("ran").get<std::string>();
            e.method = j.at("method").get<std::string>();
            e.memory_tokens = j.at("memory_tokens").get<int>();
            e.length = j.at("length").get<int>();
            if (qa) {
                e.question = j.at("question").get<std::string>();
                e.answers = j.at("answers").get<std::vector<std::string>>();
                e.answer_compressed = j.at("answer_compressed").get<std::string>();
                e.answer_full = j.at("answer_full").get<std::string>();
                e.f1_compressed = j.at("f1_compressed").get<double>();
                e.em_compressed = j.at("em_compressed").get<double>();
                e.f1_full = j.at("f1_full").get<double>();
                e.em_full = j.at("em_full").get<double>();
            } else {
                e.original = j.at("original").get<std::string>();
                e.regenerated = j.at("regenerated").get<std::string>();
                e.scores.bleu = j.at("bleu").get<double>();
                e.scores.rouge_l_f = j.at("rouge_l_f").get<double>();
                e.scores.exact_match = j.at("exact_match").get<double>();
                e.scores.prefix_exact_match = j.at("prefix_exact_match").get<double>();
                e.teacher_forced_accuracy = j.value("teacher_forced_accuracy", 0.0);  // absent before stop 26
                e.first_divergence = j.value("first_divergence", -1);
                e.alignment = align_texts(e.original, e.regenerated);
            }
            out.push_back(std::move(e));
        } catch (const nlohmann::json::exception& ex) {
            throw Error(where + ": not an example of xcomp eval (" + ex.what() + ")");
        }
    }
    return out;
}

std::vector<EvalExample> read_eval_examples(const std::string& dir, bool qa) {
    const fs::path path = fs::path(dir) / "examples.jsonl";
    std::ifstream f(path);
    if (!f) throw Error("--resume: " + path.string() + " not found: there is no earlier run to resume in " + dir);
    std::stringstream text;
    text << f.rdbuf();
    return parse_eval_examples(text.str(), path.string(), qa);
}

std::string eval_table_markdown(const EvalResult& r, bool qa) {
    std::string out;
    char buf[512];
    if (qa) {
        out += "| compressor | method | m | n | F1 (compressed) | EM (compressed) | F1 (full text) | EM (full text) |\n";
        out += "|---|---|---|---|---|---|---|---|\n";
        for (const EvalCell& c : r.cells) {
            std::snprintf(buf, sizeof buf, "| %s | %s | %d | %lld | %.4f | %.4f | %.4f | %.4f |\n", c.compressor_id.c_str(),
                          c.method.c_str(), c.memory_tokens, (long long)c.n, c.f1_compressed, c.em_compressed, c.f1_full,
                          c.em_full);
            out += buf;
        }
        return out;
    }
    out += "| compressor | method | m | length | n | BLEU | ROUGE-L F | EM | prefix EM | mistake | info loss | hallucination | paraphrase | TF acc |\n";
    out += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const EvalCell& c : r.cells) {
        std::snprintf(buf, sizeof buf,
                      "| %s | %s | %d | %d | %lld | %.4f | %.4f | %.4f | %.4f | %.3f | %.3f | %.3f | %.3f | %.4f |\n",
                      shown_id(c).c_str(), c.method.c_str(), c.memory_tokens, c.length, (long long)c.n, c.bleu,
                      c.rouge_l_f, c.exact_match, c.prefix_exact_match, c.error_share[1], c.error_share[2],
                      c.error_share[3], c.error_share[4], c.teacher_forced_accuracy);
        out += buf;
    }
    return out;
}

std::string eval_examples_jsonl(const std::vector<EvalExample>& examples, bool qa) {
    std::string jsonl;
    for (const EvalExample& e : examples) {
        nlohmann::json j = {{"id", e.id}, {"compressor", e.compressor_id}, {"ran", e.ran_id}, {"method", e.method},
                            {"memory_tokens", e.memory_tokens}, {"length", e.length}};
        if (qa) {
            j["question"] = e.question;
            j["answers"] = e.answers;
            j["answer_compressed"] = e.answer_compressed;
            j["answer_full"] = e.answer_full;
            j["f1_compressed"] = e.f1_compressed;
            j["em_compressed"] = e.em_compressed;
            j["f1_full"] = e.f1_full;
            j["em_full"] = e.em_full;
        } else {
            j["original"] = e.original;
            j["regenerated"] = e.regenerated;
            j["bleu"] = e.scores.bleu;
            j["rouge_l_f"] = e.scores.rouge_l_f;
            j["exact_match"] = e.scores.exact_match;
            j["prefix_exact_match"] = e.scores.prefix_exact_match;
            j["teacher_forced_accuracy"] = e.teacher_forced_accuracy;
            j["first_divergence"] = e.first_divergence;
            nlohmann::json spans = nlohmann::json::array();
            for (const AlignedSpan& s : e.alignment.spans)
                if (s.type != ErrorType::Equal)
                    spans.push_back({{"type", error_type_name(s.type)},
                                     {"original", {s.ref_begin, s.ref_end}},
                                     {"regenerated", {s.hyp_begin, s.hyp_end}}});
            j["errors"] = spans;
            j["error_counts"] = e.alignment.counts;
        }
        jsonl += j.dump() + "\n";
    }
    return jsonl;
}

void write_eval_outputs(const EvalResult& r, const std::string& dir, const EvalOptions& o) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir)) throw Error("cannot create output folder " + dir + " (" + ec.message() + ")");
    const std::string jsonl = eval_examples_jsonl(r.examples, o.qa);
    write_file_atomically((fs::path(dir) / "examples.jsonl").string(), jsonl);
    write_file_atomically((fs::path(dir) / "table.md").string(), eval_table_markdown(r, o.qa));
    std::string csv = o.qa ? "compressor,method,m,n,f1_compressed,em_compressed,f1_full,em_full\n"
                           : "compressor,method,m,length,n,bleu,rouge_l_f,exact_match,prefix_exact_match,mistake,"
                             "information_loss,hallucination,paraphrase,teacher_forced_accuracy\n";
    nlohmann::json cells = nlohmann::json::array();
    char buf[512];
    for (const EvalCell& c : r.cells) {
        if (o.qa) {
            std::snprintf(buf, sizeof buf, "%s,%s,%d,%lld,%.6f,%.6f,%.6f,%.6f\n", c.compressor_id.c_str(), c.method.c_str(),
                          c.memory_tokens, (long long)c.n, c.f1_compressed, c.em_compressed, c.f1_full, c.em_full);
        } else {
            std::snprintf(buf, sizeof buf, "%s,%s,%d,%d,%lld,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n",
                          c.compressor_id.c_str(), c.method.c_str(), c.memory_tokens, c.length, (long long)c.n, c.bleu,
                          c.rouge_l_f, c.exact_match, c.prefix_exact_match, c.error_share[1], c.error_share[2],
                          c.error_share[3], c.error_share[4], c.teacher_forced_accuracy);
        }
        csv += buf;
        cells.push_back({{"compressor", c.compressor_id}, {"ran", c.ran_id}, {"method", c.method}, {"memory_tokens", c.memory_tokens},
                         {"length", c.length}, {"n", c.n}, {"bleu", c.bleu}, {"rouge_l_f", c.rouge_l_f},
                         {"exact_match", c.exact_match}, {"prefix_exact_match", c.prefix_exact_match},
                         {"teacher_forced_accuracy", c.teacher_forced_accuracy},
                         {"error_share", {{"mistake", c.error_share[1]}, {"information_loss", c.error_share[2]},
                                          {"hallucination", c.error_share[3]}, {"paraphrase", c.error_share[4]}}},
                         {"f1_compressed", c.f1_compressed}, {"em_compressed", c.em_compressed},
                         {"f1_full", c.f1_full}, {"em_full", c.em_full}});
    }
    write_file_atomically((fs::path(dir) / "table.csv").string(), csv);
    nlohmann::json summary = {{"mode", o.qa ? "qa" : "regeneration"},
                              {"cells", cells},
                              {"dataset", {{"lines", r.dataset.lines}, {"records", r.dataset.records},
                                           {"skipped", r.dataset.skipped}, {"problems", r.dataset.problems}}},
                              {"cancelled", r.cancelled}};
    write_file_atomically((fs::path(dir) / "table.json").string(), summary.dump(2) + "\n");
}

}  // namespace xcomp
