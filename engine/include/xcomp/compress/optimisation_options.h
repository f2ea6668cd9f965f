// xcomp/compress/optimisation_options.h — how the optimised-memory methods fit memory to a text
// (xcomp/compress/memory_optimisation.h). Free of LibTorch headers, so xcomp/session.h can take it.
#pragma once

namespace xcomp {

struct MemoryOptimisationOptions {
    int max_steps = 1000;    // step budget per text (1000)
    double lr = 1e-2;        // AdamW learning rate, constant, no weight decay (1e-2, as the cramming papers)
    int check_every = 25;    // greedy regeneration checked every N steps; a text stops once exact (25)
};

}  // namespace xcomp
