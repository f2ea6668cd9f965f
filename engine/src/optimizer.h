// AdamW with warm-up and a decay schedule, gradient clipping, and a state that can be saved.
#pragma once
#include <ATen/ATen.h>

#include <vector>

#include "xcomp/tensor_io.h"
#include "xcomp/trainer.h"

namespace xcomp {

class AdamW {
public:
    AdamW(std::vector<at::Tensor> params, OptimizerOptions options);
    // step counts from 0; progress in [0, 1] (>= 0) places the decay instead of the step count
    // (OptimizerOptions::max_seconds); warm-up always counts steps.
    double lr_at(int64_t step, double progress = -1) const;
    // Clips, updates every parameter from its .grad() and clears the grads; returns the grad norm.
    double step(int64_t step, double progress = -1);
    TensorMap state() const;                // exp_avg.N / exp_avg_sq.N
    void load_state(const TensorMap& state);

private:
    std::vector<at::Tensor> params_, m_, v_;
    OptimizerOptions o_;
};

}  // namespace xcomp
