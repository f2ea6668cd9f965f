// xcomp/run_control.h — how every long engine call reports progress and is stopped: generation
// (GenerationOptions), the Session's calls, batch evaluation (EvalOptions), training
// (train_compressor, train_lm) and the benchmarks all take one RunControl.
//
// The one cancellation rule: a call reads `cancel` between units of its work (a decode step, a
// batch of examples, a training step). Once it is set the call stops at the next such point,
// keeps what it finished, writes nothing half-done, and returns normally with `cancelled = true`
// in its result. Training first saves what it takes to continue: train_compressor a resumable
// checkpoint (--resume), train_lm the model so far (--init-from). Errors still throw xcomp::Error.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace xcomp {

struct TrainProgress;  // xcomp/train/trainer.h

struct Progress {
    double fraction = 0;    // of the whole call, in [0, 1]
    int64_t done = 0;       // units finished: decode steps, examples, training steps (0 when not counted)
    int64_t total = 0;      // units in all (0: unknown)
    std::string stage;      // what runs now: "compress", "regenerate", "aoc-m4 @ 96", "train", ...
    const TrainProgress* training = nullptr;  // trainers: loss, learning rate, tokens/s of this step
    // A text cut into chunks (xcomp/compress/chunking.h): the chunk being worked on, 1-based, of
    // `chunks`; 0 while all chunks run at once (one batch) or the text is one chunk.
    int chunk = 0, chunks = 0;
};

struct RunControl {
    std::function<void(const Progress&)> on_progress;  // after each unit of work (none)
    // Each generated token (row, id); returning false stops the run like `cancel` (none).
    std::function<bool(int64_t row, int64_t token)> on_token;
    // The Session's regeneration and answers as text so far, for live display (none).
    std::function<void(const std::string& text_so_far)> on_text;
    const std::atomic<bool>* cancel = nullptr;  // set from any thread; see the rule above (none)

    bool cancel_requested() const { return cancel && cancel->load(); }
    void progress(const Progress& p) const {
        if (on_progress) on_progress(p);
    }
};

}  // namespace xcomp
