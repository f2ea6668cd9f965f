// xcomp — the command-line face of the engine.
#include <dlfcn.h>
#include <execinfo.h>
#include <ucontext.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "commands.h"
#include "xcomp/error.h"
#include "xcomp/runtime.h"

namespace {

const char* kUsage = R"(usage: xcomp <command> [options]

Model:
  info        --model DIR                       config summary, parameters, dtype, device
  tokenize    --model DIR --text T              token ids and pieces
  generate    --model DIR (--prompt T | --prompt-ids 1,2,3) --max-new-tokens N [--json]
  logits      --model DIR --input IN.safetensors --output OUT.safetensors
              [--adapter PEFT_DIR] [--no-mlp] [--prefix-len P]

Compressors (--compressor: an id such as aoc-m4 from the model's compressors/, or a folder). An id with
length variants (aoc-m16 -> aoc-m16-t192) runs the variant on texts it serves and says so;
--no-length-variants runs the id itself:
  compress    --compressor C (--text T | --file F) --out A.xcp [--json]
  regenerate  --compressor C (--text T | --file F) [--attention] [--no-length-variants] [--json]
              [--window N] [--no-chunking] [--no-together]   a text over the compressor's limit (512 tokens) is
              cut at sentence ends into chunks of at most N tokens (default: the longest it was trained on),
              each compressed and regenerated on its own, then all read together when the context allows;
              --window N cuts any text over N tokens
              | --xcp A.xcp [--json]
  qa          --compressor C (--context T | --file F) --question Q [--answer GOLD] [--json]
              (a context over 512 tokens: every chunk's memory tokens read at once)
  interpolate --alpha A [--spherical] A.xcp B.xcp [--json]
  ablate      --compressor C (--text T | --file F) --memory-token K [--mode drop|zero|replace --donor B.xcp] [--json]
              regenerates without memory token K, and each memory token's importance (loss increase when dropped)
Optimised memory (the upper bound: no encoder, the memory fitted to each text against the frozen decoder):
  --compressor optimised-kv-mM | optimised-emb-mM   (M memory tokens' KV values | input embeddings) with
              compress, regenerate, qa and eval; [--optimise-steps 1000] [--optimise-lr 0.01]

Evaluation:
  eval        --model DIR --compressor all|ID,DIR,... --data FILE.jsonl[.xz] --out DIR
              [--lengths 96,192,288,384,480] [--qa [--heldout 0.2]] [--limit N] [--batch-size 32]
              [--no-length-variants] [--resume]   Ctrl-C keeps the finished examples; --resume runs the rest
              --compressor optimised-kv-m16,...: the upper bound per text ([--optimise-steps] [--optimise-lr])
              [--nproc N]   sharded over N ranks (one GPU each with --device cuda, or RANK/WORLD_SIZE... as
              torchrun sets them); the tables are the same as one process's
  bench       --data FILE.jsonl [--section cpu|gpu|qa|all] [--repeats 7] [--out FILE.json]
              [--decode-mode auto|dynamic|static|cuda-graph|cpu-loop] [--workbench EXE] [--max-batch 256]  (docs/PERFORMANCE.md)

Training (see docs/TRAINING.md):
  train-tokenizer --data A.jsonl[,B.jsonl.xz] --vocab-size 8000 --out DIR
  train-lm        --tokenizer T.model --data ... --valid V.jsonl --out DIR [--hidden --layers --heads ...]
                  [--qa-data SQUAD.jsonl --qa-repeat N] [--synthetic-qa TEXTS.jsonl] [--init-from MODEL_DIR]
  train-compressor --model DIR --method 500x|icae|aoc|lora-aoc --memory-tokens M --data D.jsonl.xz --out DIR
                  [--task regeneration|qa] [--steps --batch-size --lr --min-tokens --max-tokens --init-from --resume]
                  [--loss-norm sample|token] [--length-curriculum FRACTION] [--max-seconds S] [--synthetic-qa TEXTS.jsonl]
                  [--random-window SHARE]   that share of rows starts at a random word, not at the text's start
                  [--mix-data TEXTS.jsonl.xz [--mix-share 0.25]]   texts (e.g. book paragraphs) joined into long
                  documents, that share of rows cut from them at random word starts
                  [--variant-of ID --serves-up-to N]   a length variant: ID runs it on texts of <= N tokens
                  [--adamw-kernel auto|loop|fused]   (train-lm too) fused: one kernel, no host sync (CUDA)
                  [--nproc N]   (train-lm too) data parallel: N ranks on this machine (or RANK/WORLD_SIZE/
                  MASTER_ADDR/MASTER_PORT as torchrun sets them); --batch-size is the global batch; [--dist-timeout 600]
                  Ctrl-C saves a checkpoint (train-compressor: --resume continues; train-lm: --init-from OUT)
  quantize-compressor DIR...   stores compressors' matrices as int8 rows, in place (half the size or less)

Common options: --device cpu|cuda[:N]  --dtype auto|float32|bfloat16|float16  --threads N
--model defaults to the bundled model.
)";

const std::set<std::string> kFlags = {"json", "no-mlp", "help", "qa", "spherical", "quiet", "resume", "attention",
                                    "no-length-variants", "no-chunking", "no-together"};

// A crash prints where it happened (a long GPU run should not die without a trace), then dies as it
// would have. When the unwinder cannot get past the faulting frame (a jump through a bad pointer),
// the code addresses found on the stack are the next best clue.
void print_address(const char* what, void* addr) {
    Dl_info info{};
    if (dladdr(addr, &info) && info.dli_fname) {
        std::fprintf(stderr, "  %s %p  %s+%#lx  %s\n", what, addr, info.dli_fname,
                     static_cast<unsigned long>(static_cast<char*>(addr) - static_cast<char*>(info.dli_fbase)),
                     info.dli_sname ? info.dli_sname : "");
    } else {
        std::fprintf(stderr, "  %s %p\n", what, addr);
    }
}

void on_fatal_signal(int sig, siginfo_t* si, void* context) {
    std::fprintf(stderr, "xcomp: fatal signal %d (fault address %p), stack:\n", sig, si ? si->si_addr : nullptr);
    void* frames[64];
    backtrace_symbols_fd(frames, backtrace(frames, 64), STDERR_FILENO);
#if defined(__x86_64__)
    const auto* uc = static_cast<const ucontext_t*>(context);
    print_address("pc", reinterpret_cast<void*>(uc->uc_mcontext.gregs[REG_RIP]));
    auto* const* sp = reinterpret_cast<void* const*>(uc->uc_mcontext.gregs[REG_RSP]);
    int shown = 0;
    for (int i = 0; i < 2048 && shown < 24; ++i) {
        Dl_info info{};
        if (dladdr(sp[i], &info) && info.dli_sname) {
            print_address("stack", sp[i]);
            ++shown;
        }
    }
#else
    (void)context;
#endif
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

}  // namespace

namespace xcomp::cli {
static std::vector<std::string> g_command_line;
const std::vector<std::string>& command_line() { return g_command_line; }
}  // namespace xcomp::cli

int main(int argc, char** argv) {
    using namespace xcomp::cli;
    g_command_line.assign(argv, argv + argc);
    struct sigaction sa {};
    sa.sa_sigaction = on_fatal_signal;
    sa.sa_flags = SA_SIGINFO;
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL}) sigaction(sig, &sa, nullptr);
    const std::map<std::string, std::function<int(Args&)>> commands = {
        {"info", cmd_info},
        {"tokenize", cmd_tokenize},
        {"generate", cmd_generate},
        {"logits", cmd_logits},
        {"train-tokenizer", cmd_train_tokenizer},
        {"train-lm", cmd_train_lm},
        {"train-compressor", cmd_train_compressor},
        {"quantize-compressor", cmd_quantize_compressor},
        {"compress", cmd_compress},
        {"regenerate", cmd_regenerate},
        {"qa", cmd_qa},
        {"ablate", cmd_ablate},
        {"interpolate", cmd_interpolate},
        {"eval", cmd_eval},
        {"bench", cmd_bench},
    };
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    auto it = commands.find(argv[1]);
    if (it == commands.end()) {
        std::fprintf(stderr, "xcomp: unknown command '%s'\n\n%s", argv[1], kUsage);
        return 2;
    }
    try {
        Args args(argc, argv, 2, kFlags);
        xcomp::init_runtime(static_cast<int>(args.integer("threads", 0, 0, 1024)));
        return it->second(args);
    } catch (const xcomp::Error& e) {
        std::fprintf(stderr, "xcomp %s: error: %s\n", argv[1], e.what());
        return 1;
    } catch (const c10::Error& e) {
        std::fprintf(stderr, "xcomp %s: error: %s\n", argv[1], e.what_without_backtrace());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "xcomp %s: error: %s\n", argv[1], e.what());
        return 1;
    }
}
