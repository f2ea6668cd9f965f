// AdamW with warm-up and a decay schedule, gradient clipping, and a state that can be saved.
#pragma once
#include <ATen/ATen.h>

#include <vector>

#include "xcomp/io/tensor_io.h"
#include "xcomp/train/trainer.h"

namespace xcomp {

class AdamW {
public:
    // options.kernel says how a step runs. Fused (CUDA, LibTorch 2.x): one multi-tensor kernel per
    // parameter group, clipping and the skip of a non-finite step decided on the GPU, so a step
    // never waits for it. Loop: one parameter at a time, reading the gradient norm back (the CPU path).
    AdamW(std::vector<at::Tensor> params, OptimizerOptions options);
    // step counts from 0; progress in [0, 1] (>= 0) places the decay instead of the step count
    // (OptimizerOptions::max_seconds); warm-up always counts steps.
    double lr_at(int64_t step, double progress = -1) const;
    // Clips, updates every parameter from its .grad() and drops the grads. Returns the global
    // gradient norm before clipping as a 0-dim float32 tensor on the parameters' device, not read
    // back, so the caller decides when to wait for it. A step whose norm is not finite changes
    // nothing.
    at::Tensor step(int64_t step, double progress = -1);
    bool fused() const { return fused_; }
    TensorMap state() const;                // exp_avg.N / exp_avg_sq.N
    void load_state(const TensorMap& state);

private:
    void loop_step(const std::vector<size_t>& with_grad, const at::Tensor& norm, double lr, int64_t step);
    void fused_step(const std::vector<size_t>& with_grad, const at::Tensor& norm, double lr, int64_t step);

    std::vector<at::Tensor> params_, m_, v_;
    OptimizerOptions o_;
    bool fused_ = false;
    at::Tensor step_count_;  // fused: [1] float32, the step the kernel's bias correction uses
};

// True when this LibTorch has the fused multi-tensor AdamW kernel for `device`.
bool fused_adamw_available(at::Device device);

}  // namespace xcomp
