// train-tokenizer, train-lm, train-compressor.
#include <filesystem>
#include <fstream>

#include "commands.h"
#include "launcher.h"
#include "interrupt.h"
#include "xcomp/io/dataset.h"
#include "xcomp/error.h"
#include "xcomp/train/trainer.h"
#include "xcomp/io/weight_quantization.h"

namespace xcomp::cli {
namespace fs = std::filesystem;

namespace {

OptimizerOptions optimizer_options(Args& a, double lr, int64_t steps) {
    OptimizerOptions o;
    o.lr = a.real("lr", lr, 1e-7, 1.0);
    o.steps = a.integer("steps", steps, 1, 100000000);
    o.warmup_steps = a.integer("warmup", std::max<int64_t>(1, o.steps / 20), 0, o.steps);
    o.schedule = a.str("schedule", "cosine");
    if (o.schedule != "cosine" && o.schedule != "linear" && o.schedule != "constant")
        throw Error("--schedule must be cosine, linear or constant");
    o.min_lr_ratio = a.real("min-lr-ratio", 0.1, 0.0, 1.0);
    o.weight_decay = a.real("weight-decay", 0.01, 0.0, 1.0);
    o.clip_norm = a.real("clip", 1.0, 0.0, 1e6);
    o.grad_accum = static_cast<int>(a.integer("grad-accum", 1, 1, 1024));
    o.max_seconds = a.real("max-seconds", 0.0, 0.0, 1e9);
    o.kernel = a.str("adamw-kernel", "auto");
    if (o.kernel != "auto" && o.kernel != "loop" && o.kernel != "fused")
        throw Error("--adamw-kernel must be auto, loop or fused");
    return o;
}

}  // namespace

int cmd_train_tokenizer(Args& a) {
    const std::vector<std::string> data = a.list("data");
    const std::string out = a.required("out");
    const int vocab = static_cast<int>(a.integer("vocab-size", 8000, 64, 1 << 20));
    const long long max_chars = a.integer("max-chars", 60000000, 1000, 1LL << 40);
    a.finish();
    if (data.empty()) throw Error("--data needs at least one JSONL file");
    fs::create_directories(out);
    const std::string corpus = (fs::path(out) / "tokenizer-corpus.txt").string();
    {
        std::ofstream f(corpus);
        long long chars = 0;
        // Take an equal share of characters from every file.
        for (const std::string& path : data) {
            long long mine = 0;
            for (const TextRecord& r : read_jsonl(path)) {
                f << r.text << "\n";
                mine += static_cast<long long>(r.text.size());
                if (mine > max_chars / static_cast<long long>(data.size())) break;
            }
            chars += mine;
        }
        std::fprintf(stderr, "train-tokenizer: %lld characters from %zu files\n", chars, data.size());
    }
    Tokenizer::train(corpus, (fs::path(out) / "tokenizer").string(), vocab);
    fs::remove(corpus);
    fs::remove(fs::path(out) / "tokenizer.vocab");
    std::printf("wrote %s\n", (fs::path(out) / "tokenizer.model").c_str());
    return 0;
}

int cmd_train_lm(Args& a) {
    LMTrainOptions o;
    const std::string tok_path = a.required("tokenizer");
    o.tokenizer_path = tok_path;
    o.text_data = a.list("data");
    o.qa_data = a.str("qa-data", "");
    o.qa_repeat = static_cast<int>(a.integer("qa-repeat", 1, 1, 1000));
    o.synthetic_qa_data = a.str("synthetic-qa", "");
    o.synthetic_qa_per_text = static_cast<int>(a.integer("synthetic-qa-per-text", 1, 1, 100));
    o.init_from = a.str("init-from", "");
    o.valid_data = a.required("valid");
    o.out_dir = a.required("out");
    o.device = a.str("device", "cuda");
    o.seq_len = static_cast<int>(a.integer("seq-len", 512, 8, 65536));
    o.batch_size = static_cast<int>(a.integer("batch-size", 64, 1, 65536));
    o.valid_every = a.integer("valid-every", 500, 0, 1 << 30);
    o.log_every = a.integer("log-every", 20, 1, 1 << 30);
    o.seed = static_cast<uint64_t>(a.integer("seed", 1, 0, 1LL << 62));
    o.optim = optimizer_options(a, 1e-3, 2000);
    auto tok = Tokenizer::load(tok_path);
    LlamaConfig& c = o.config;
    c.vocab_size = a.integer("vocab-size", tok->vocab_size(), tok->vocab_size(), 1 << 24);
    c.hidden_size = a.integer("hidden", 256, 8, 65536);
    c.num_hidden_layers = a.integer("layers", 8, 1, 1024);
    c.num_attention_heads = a.integer("heads", 4, 1, 1024);
    c.num_key_value_heads = a.integer("kv-heads", c.num_attention_heads, 1, c.num_attention_heads);
    c.head_dim = c.hidden_size / c.num_attention_heads;
    c.intermediate_size = a.integer("intermediate", c.hidden_size * 8 / 3, 8, 1 << 20);
    c.max_position_embeddings = a.integer("max-positions", 1024, 16, 1 << 20);
    c.rope_theta = a.real("rope-theta", 10000.0, 1.0, 1e12);
    c.tie_word_embeddings = true;
    c.rms_norm_eps = 1e-5;
    c.bos_token_ids = {tok->bos_id()};
    c.eos_token_ids = {tok->eos_id()};
    c.dtype = "bfloat16";
    if (c.hidden_size % c.num_attention_heads || c.num_attention_heads % c.num_key_value_heads)
        throw Error("--hidden must divide by --heads, and --heads by --kv-heads");
    const Ranks ranks = setup_ranks(a, "train-lm", "cuda", {});
    if (ranks.launched) return *ranks.launched;
    o.distributed = ranks.distributed;
    if (!ranks.device.empty()) o.device = ranks.device;
    a.finish();
    if (o.text_data.empty()) throw Error("--data needs at least one JSONL file");
    RunControl cb;
    cb.cancel = catch_interrupts();
    const TrainResult r = train_lm(*tok, o, cb);
    if (r.cancelled) {
        std::fprintf(stderr, "train-lm: interrupted; the model as trained so far is in %s: --init-from %s continues from it\n",
                     o.out_dir.c_str(), o.out_dir.c_str());
        return kInterruptedExit;
    }
    if (!o.distributed || o.distributed->rank == 0) std::printf("validation perplexity %.3f\n", r.valid_perplexity);
    return 0;
}

int cmd_train_compressor(Args& a) {
    CompressorTrainOptions o;
    o.compressor.method = parse_method(a.required("method"));
    o.compressor.memory_tokens = static_cast<int>(a.integer("memory-tokens", 4, 1, kMaxMemoryTokens));
    o.compressor.lora_r = a.integer("lora-r", 16, 1, 4096);
    o.compressor.lora_alpha = a.real("lora-alpha", 32, 1e-6, 1e6);
    if (a.has("lora-targets")) o.compressor.lora_targets = a.list("lora-targets");
    o.compressor.qa_template = a.str("qa-template", o.compressor.qa_template);
    o.compressor.id = a.str("id", "");
    o.compressor.label = a.str("label", "");
    o.compressor.variant_of = a.str("variant-of", "");
    if (!o.compressor.variant_of.empty())
        o.compressor.serves_up_to = static_cast<int>(a.integer("serves-up-to", 128, 1, 1 << 16));
    o.train_data = a.required("data");
    o.valid_data = a.str("valid", "");
    o.task = a.str("task", "regeneration");
    o.min_tokens = static_cast<int>(a.integer("min-tokens", 96, 1, 1 << 16));
    o.max_tokens = static_cast<int>(a.integer("max-tokens", 480, o.min_tokens, 1 << 16));
    o.length_curriculum = a.real("length-curriculum", 0.0, 0.0, 1.0);
    o.loss_normalization = parse_loss_normalization(a.str("loss-norm", "sample"));
    o.random_window = a.real("random-window", 0.0, 0.0, 1.0);
    o.mix_data = a.str("mix-data", "");
    o.mix_share = a.real("mix-share", o.mix_data.empty() ? 0.0 : 0.25, 0.0, 1.0);
    o.synthetic_qa_data = a.str("synthetic-qa", "");
    o.synthetic_qa_per_text = static_cast<int>(a.integer("synthetic-qa-per-text", 2, 1, 100));
    o.batch_size = static_cast<int>(a.integer("batch-size", 16, 1, 65536));
    o.valid_every = a.integer("valid-every", 250, 0, 1 << 30);
    o.valid_examples = static_cast<int>(a.integer("valid-examples", 64, 0, 1 << 20));
    o.bleu_examples = static_cast<int>(a.integer("bleu-examples", 8, 0, 1 << 20));
    o.checkpoint_every = a.integer("checkpoint-every", 500, 0, 1 << 30);
    o.log_every = a.integer("log-every", 10, 1, 1 << 30);
    o.out_dir = a.required("out");
    o.resume = a.flag("resume");
    o.init_from = a.str("init-from", "");
    o.limit_records = a.integer("limit", -1, -1, 1LL << 40);
    o.seed = static_cast<uint64_t>(a.integer("seed", 1, 0, 1LL << 62));
    o.optim = optimizer_options(a, 1e-4, 2000);
    const Ranks ranks = setup_ranks(a, "train-compressor", "cpu");
    if (ranks.launched) return *ranks.launched;
    o.distributed = ranks.distributed;
    ModelFolder f = open_model(a, true, ranks.device);
    a.finish();
    RunControl cb;
    cb.cancel = catch_interrupts();
    const TrainResult r = train_compressor(f.model, *f.tokenizer, o, cb);
    if (r.cancelled) {
        std::fprintf(stderr, "train-compressor: interrupted; checkpoint saved to %s: the same command with --resume continues\n",
                     r.checkpoint.c_str());
        return kInterruptedExit;
    }
    return 0;
}

// Stores compressors' matrices (AOC projections, LoRA factors) as int8 rows (xcomp/io/weight_quantization.h), in place.
int cmd_quantize_compressor(Args& a) {
    a.finish();
    if (a.positional().empty()) throw Error("quantize-compressor needs compressor folders: quantize-compressor DIR...");
    for (const std::string& dir : a.positional()) {
        const QuantizeReport r = quantize_compressor_int8(dir);
        std::printf("%s: %d matrices to int8 rows (%d were already), %.2f MB -> %.2f MB\n", dir.c_str(), r.matrices,
                    r.already, r.bytes_before / 1e6, r.bytes_after / 1e6);
    }
    return 0;
}

}  // namespace xcomp::cli
