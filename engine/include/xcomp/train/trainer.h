// xcomp/train/trainer.h — training with LibTorch autograd: compressors (regeneration pretraining and QA
// fine-tuning) for any Llama-family base, and a small Llama LM from scratch. CUDA bf16 or CPU.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xcomp/compress/compressor.h"
#include "xcomp/io/config.h"
#include "xcomp/compress/decoding.h"
#include "xcomp/run_control.h"
#include "xcomp/train/distributed.h"
#include "xcomp/io/tokenizer.h"

namespace xcomp {

struct OptimizerOptions {
    double lr = 1e-4;              // peak learning rate (AdamW)
    double weight_decay = 0.01;    // on matrices only
    double beta1 = 0.9, beta2 = 0.95, eps = 1e-8;
    int64_t steps = 1000;          // optimizer steps
    int64_t warmup_steps = 100;    // linear warm-up
    std::string schedule = "cosine";  // "cosine", "linear" or "constant" after warm-up
    double min_lr_ratio = 0.1;     // final lr = lr * min_lr_ratio (cosine, linear)
    double clip_norm = 1.0;        // global gradient-norm clip (0: off)
    int grad_accum = 1;            // micro-batches per optimizer step
    std::string kernel = "auto";   // AdamW: "fused" (one multi-tensor kernel, no host sync: CUDA with
                                   // LibTorch 2), "loop" (per parameter), "auto" (fused where it can)
    double max_seconds = 0;        // > 0: a wall-clock budget. The decay runs on the larger of the
                                   // step and time fractions, and training ends at whichever comes
                                   // first, annealed, so a run fits a lease of known length.
};

struct TrainProgress {
    int64_t step = 0, steps = 0;
    double loss = 0, lr = 0, grad_norm = 0;
    double tokens_per_second = 0, elapsed_s = 0, eta_s = 0;
    int64_t tokens_seen = 0;
    double valid_loss = -1, valid_bleu = -1, valid_f1 = -1;  // -1: not measured at this step
    // Data parallel: seconds this run has waited, after the backward passes, for the gradients'
    // all-reduce (the communication the overlap did not hide); -1 in one process.
    double allreduce_wait_s = -1;
};

// What a training run ended with. A run stopped by RunControl::cancel (xcomp/run_control.h: read
// after every step) returns cancelled = true once train_compressor has saved a resumable checkpoint
// (--resume continues) and train_lm the model as trained so far (--init-from continues).
struct TrainResult {
    bool cancelled = false;
    int64_t steps = 0;              // optimizer steps done in all (a resumed run counts the earlier ones)
    double valid_perplexity = 0;    // train_lm: exp(validation loss) at the end
    std::string checkpoint;         // train_compressor, when cancelled: the checkpoint to --resume from
};

struct CompressorTrainOptions {
    CompressorConfig compressor;       // method, memory tokens, LoRA settings
    std::string train_data;            // JSONL(.xz): "abstract"/"text" (regeneration) or SQuAD-style (qa)
    std::string valid_data;            // optional; default: held out from train_data
    std::string task = "regeneration"; // "regeneration" or "qa"
    std::string synthetic_qa_data;     // qa: JSONL(.xz) of texts turned into extractive pairs (synthetic_qa.h), mixed in
    int synthetic_qa_per_text = 2;     // pairs made from each of those texts (at most)
    int min_tokens = 96;               // source length sampled uniformly in [min, max] per example
    int max_tokens = 480;
    double length_curriculum = 0;      // > 0: the longest sampled length grows linearly from min_tokens
                                       // to max_tokens over this fraction of the run (steps or time budget)
    LossNormalization loss_normalization = LossNormalization::Sample;  // every text weighs the same
    // Regeneration data beyond each text's beginning: without these every text gives one window (its
    // first N tokens), which a short-text compressor sees ~100 times and learns by heart.
    double random_window = 0;          // share of rows cut at a random word start instead of the text's start
    std::string mix_data;              // JSONL(.xz) texts (e.g. book paragraphs), joined in file order into
                                       // documents of 2 * max_tokens tokens, cut at random word starts
    double mix_share = 0;              // share of rows drawn from mix_data (needs mix_data)
    int batch_size = 16;
    OptimizerOptions optim;
    int64_t valid_every = 250;         // steps between validations (0: only at the end)
    int valid_examples = 64;           // validation loss examples
    int bleu_examples = 8;             // regenerations (BLEU) or answers (F1) at each validation
    int64_t checkpoint_every = 500;    // steps between resumable checkpoints
    int64_t log_every = 10;
    std::string out_dir;               // compressor folder written here (required)
    bool resume = false;               // continue from out_dir/checkpoint
    std::string init_from;             // start from this compressor folder (e.g. QA fine-tuning)
    double qa_holdout = 0.2;           // share of SQuAD articles kept out of QA training
    int64_t limit_records = -1;
    uint64_t seed = 1;
    // Data parallelism (xcomp/train/distributed.h): batch_size is the global batch, each of the
    // world_size ranks computes batch_size / world_size of its rows; none: one process.
    std::optional<DistributedOptions> distributed;
};

// Trains a compressor for `base` (frozen) and writes it to options.out_dir. control.on_progress
// sees every logged step (Progress::training holds its numbers; none: a line on stderr).
TrainResult train_compressor(std::shared_ptr<const LlamaModel> base, const Tokenizer& tokenizer,
                             const CompressorTrainOptions& options, const RunControl& control = {});

struct LMTrainOptions {
    LlamaConfig config;                    // architecture (vocab_size must fit the tokenizer)
    std::vector<std::string> text_data;    // JSONL(.xz) files of "text"/"abstract" documents
    std::string qa_data;                   // SQuAD-style JSONL mixed in as "context Question: q Answer: a"
    int qa_repeat = 1;                     // times each QA document enters the stream (QA is scarce)
    std::string synthetic_qa_data;         // JSONL(.xz) texts turned into extractive QA documents (synthetic_qa.h)
    int synthetic_qa_per_text = 1;         // pairs made from each of those texts (at most), one document each
    std::string init_from;                 // a model folder of the same architecture to continue from (its weights)
    double qa_holdout = 0.2;               // share of QA articles kept out (same split as the compressors)
    std::string valid_data;                // JSONL for validation perplexity
    std::string tokenizer_path;            // tokenizer.model copied beside the weights
    int seq_len = 512;
    int batch_size = 64;
    OptimizerOptions optim;
    int64_t valid_every = 500;
    int64_t log_every = 20;
    std::string out_dir;
    std::string device = "cuda";
    uint64_t seed = 1;
    int threads = 0;                       // tokenisation threads (0: hardware)
    // Data parallelism (xcomp/train/distributed.h): batch_size is the global batch, each rank runs
    // its slice of the same windows; rank 0 alone writes (none: one process).
    std::optional<DistributedOptions> distributed;
};

// Trains the LM and writes it to options.out_dir (progress as train_compressor).
TrainResult train_lm(const Tokenizer& tokenizer, const LMTrainOptions& options, const RunControl& control = {});

}  // namespace xcomp
