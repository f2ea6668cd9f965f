// xcomp/eval/evaluation.h — the batch evaluation harness of the papers: texts cut to exactly N tokens,
// compressed, regenerated (batched) and scored; or QA from the compressed prompt vs the full text.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "xcomp/eval/alignment.h"
#include "xcomp/compress/compressor.h"
#include "xcomp/io/dataset.h"
#include "xcomp/eval/metrics.h"
#include "xcomp/run_control.h"
#include "xcomp/io/tokenizer.h"

namespace xcomp {

struct EvalExample {
    std::string id, compressor_id, method;
    std::string ran_id;                  // the compressor that ran (a length variant of compressor_id, or it)
    int memory_tokens = 0, length = 0;
    std::string original, regenerated;   // regeneration mode
    RegenerationScores scores;
    Alignment alignment;
    // Per-token evidence (xcomp/eval/token_evidence.h): teacher-forced accuracy over the text and EOS,
    // and the first position where the greedy regeneration leaves the original (-1: exact).
    double teacher_forced_accuracy = 0;
    int first_divergence = -1;
    std::string question, answer_compressed, answer_full;  // QA mode
    std::vector<std::string> answers;
    double f1_compressed = 0, em_compressed = 0, f1_full = 0, em_full = 0;
};

struct EvalOptions {
    std::vector<int> lengths{96, 192, 288, 384, 480};  // texts cut to exactly N tokens; shorter ones skipped
    bool qa = false;              // QA mode: records need context, question and answers
    int64_t limit = -1;           // at most this many examples per (compressor, length) (-1: all)
    int batch_size = 32;          // texts per batched regeneration
    int extra_tokens = 16;        // regeneration stops at N + this many tokens without EOS
    int qa_max_new_tokens = 48;
    // Length variants (xcomp/compress/compressor_family.h) of the evaluated compressors: a cell of N tokens runs
    // the variant its compressor's id routes N to, as `xcomp regenerate` would (none).
    std::vector<std::shared_ptr<Compressor>> variants;
    // on_progress after each batch (done/total examples, stage "aoc-m4 @ 96"); cancel read before
    // each batch, the result keeps what is done (xcomp/run_control.h).
    RunControl control;
    // Examples finished by an earlier, interrupted run of the same evaluation (read_eval_examples):
    // counted as they are, not run again. One that fits no row of this evaluation is an error (none).
    std::vector<EvalExample> done;
    // Sharding over processes (xcomp eval --nproc): the batches of every cell, as one process would
    // form them, are dealt round-robin and this process runs those with index % shards == shard, so
    // every batch is the same as in one process and the merged tables are identical (0 of 1).
    int shard = 0;
    int shards = 1;
    // false: run nothing, only gather `done` into the tables (the merge of the ranks' examples) (true).
    bool run_missing = true;
};

struct EvalCell {  // one row of the aggregate table
    std::string compressor_id, method;
    std::string ran_id;                 // the compressor that ran: compressor_id or its length variant
    int memory_tokens = 0, length = 0;  // length 0 in QA mode
    int64_t n = 0;
    double bleu = 0, rouge_l_f = 0, exact_match = 0, prefix_exact_match = 0;
    double teacher_forced_accuracy = 0;  // mean over the examples
    double error_share[5] = {0, 0, 0, 0, 0};  // mean word share per ErrorType
    double f1_compressed = 0, em_compressed = 0, f1_full = 0, em_full = 0;
};

struct EvalResult {
    std::vector<EvalExample> examples;
    std::vector<EvalCell> cells;
    DatasetReport dataset;
    bool cancelled = false;
};

// Runs every compressor over `records`; `on_example` sees each finished example (for streaming).
EvalResult evaluate(const std::vector<std::shared_ptr<Compressor>>& compressors, const Tokenizer& tok,
                    const std::vector<TextRecord>& records, const EvalOptions& options,
                    const std::function<void(const EvalExample&)>& on_example = {});

// The examples.jsonl of an earlier evaluation in `dir`, read back for EvalOptions::done (scores as
// written; the error-typed alignment recomputed from the texts). Throws when `dir` has none, or
// when it holds the other mode's examples.
std::vector<EvalExample> read_eval_examples(const std::string& dir, bool qa);

// The examples as examples.jsonl holds them (one JSON object a line), and back; `where` names the
// source in errors. Scores round-trip exactly, so merged examples give the same tables.
std::string eval_examples_jsonl(const std::vector<EvalExample>& examples, bool qa);
std::vector<EvalExample> parse_eval_examples(const std::string& jsonl, const std::string& where, bool qa);

// Writes examples.jsonl, table.md, table.csv and table.json into `dir` (created; atomic per file).
void write_eval_outputs(const EvalResult& result, const std::string& dir, const EvalOptions& options);

// The aggregate table as Markdown (also used by the model card).
std::string eval_table_markdown(const EvalResult& result, bool qa);

}  // namespace xcomp
