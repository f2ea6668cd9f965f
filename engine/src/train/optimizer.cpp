#include "optimizer.h"

#include <ATen/core/grad_mode.h>
#include <torch/version.h>  // TORCH_VERSION_MAJOR: without it the fused path is compiled out

#include <cmath>

#include "xcomp/error.h"

namespace xcomp {

bool fused_adamw_available(at::Device device) {
#if TORCH_VERSION_MAJOR >= 2
    return device.is_cuda();
#else
    (void)device;
    return false;
#endif
}

AdamW::AdamW(std::vector<at::Tensor> params, OptimizerOptions options) : params_(std::move(params)), o_(std::move(options)) {
    if (o_.kernel != "auto" && o_.kernel != "loop" && o_.kernel != "fused")
        throw Error("the AdamW kernel must be 'auto', 'loop' or 'fused', got '" + o_.kernel + "'");
    for (const at::Tensor& p : params_) {
        m_.push_back(at::zeros_like(p, at::MemoryFormat::Contiguous).detach());
        v_.push_back(at::zeros_like(p, at::MemoryFormat::Contiguous).detach());
    }
    const at::Device device = params_.empty() ? at::Device(at::kCPU) : params_.front().device();
    bool uniform = true;  // the fused kernel takes float32 tensors of one device
    for (const at::Tensor& p : params_) uniform = uniform && p.device() == device && p.scalar_type() == at::kFloat;
    const bool can_fuse = !params_.empty() && uniform && fused_adamw_available(device);
    if (o_.kernel == "fused" && !can_fuse) throw Error("the fused AdamW kernel needs float32 parameters on a GPU and LibTorch 2");
    fused_ = o_.kernel == "fused" || (o_.kernel == "auto" && can_fuse);
    if (fused_) step_count_ = at::zeros({1}, at::TensorOptions().dtype(at::kFloat).device(device));
}

double AdamW::lr_at(int64_t step, double progress) const {
    if (step < o_.warmup_steps) return o_.lr * static_cast<double>(step + 1) / static_cast<double>(o_.warmup_steps);
    const double span = std::max<int64_t>(1, o_.steps - o_.warmup_steps);
    const double t = std::min(1.0, progress >= 0 ? progress : static_cast<double>(step - o_.warmup_steps) / span);
    const double lo = o_.lr * o_.min_lr_ratio;
    if (o_.schedule == "constant") return o_.lr;
    if (o_.schedule == "linear") return o_.lr + (lo - o_.lr) * t;
    return lo + 0.5 * (o_.lr - lo) * (1.0 + std::cos(M_PI * t));
}

at::Tensor AdamW::step(int64_t step, double progress) {
    at::NoGradGuard ng;
    std::vector<size_t> with_grad;
    std::vector<at::Tensor> norms;
    for (size_t i = 0; i < params_.size(); ++i) {
        if (!params_[i].grad().defined()) continue;
        with_grad.push_back(i);
        norms.push_back(params_[i].grad().to(at::kFloat).norm());
    }
    if (with_grad.empty()) return at::zeros({}, at::TensorOptions().dtype(at::kFloat));
    const at::Tensor norm = at::stack(norms).norm();  // 0-dim, on the device: global norm before clipping
    const double lr = lr_at(step, progress);
    if (fused_) fused_step(with_grad, norm, lr, step);
    else loop_step(with_grad, norm, lr, step);
    for (size_t i : with_grad) params_[i].mutable_grad() = at::Tensor();  // autograd writes the next grads afresh
    return norm;
}

void AdamW::loop_step(const std::vector<size_t>& with_grad, const at::Tensor& norm_t, double lr, int64_t step) {
    const double norm = norm_t.item<double>();
    if (!std::isfinite(norm)) return;  // skip a step that would poison the weights
    const double clip = (o_.clip_norm > 0 && norm > o_.clip_norm) ? o_.clip_norm / (norm + 1e-6) : 1.0;
    const double bc1 = 1.0 - std::pow(o_.beta1, static_cast<double>(step + 1));
    const double bc2 = 1.0 - std::pow(o_.beta2, static_cast<double>(step + 1));
    for (size_t i : with_grad) {
        at::Tensor& p = params_[i];
        at::Tensor g = p.grad().to(at::kFloat) * clip;
        m_[i].mul_(o_.beta1).add_(g, 1.0 - o_.beta1);
        v_[i].mul_(o_.beta2).addcmul_(g, g, 1.0 - o_.beta2);
        if (p.dim() >= 2 && o_.weight_decay > 0) p.mul_(1.0 - lr * o_.weight_decay);
        at::Tensor denom = (v_[i] / bc2).sqrt_().add_(o_.eps);
        p.addcdiv_(m_[i], denom, -lr / bc1);
    }
}

void AdamW::fused_step(const std::vector<size_t>& with_grad, const at::Tensor& norm, double lr, int64_t step) {
#if TORCH_VERSION_MAJOR >= 2
    // The kernel divides every gradient by grad_scale and skips the whole step where found_inf is
    // 1: clipping is grad_scale = max(1, (norm + 1e-6) / clip_norm), as in the loop.
    const at::Tensor found_inf = at::logical_not(at::isfinite(norm)).to(at::kFloat).view({1});  // [1]
    c10::optional<at::Tensor> grad_scale;
    if (o_.clip_norm > 0) grad_scale = ((norm + 1e-6) / o_.clip_norm).clamp_min(1.0).view({1});  // [1]
    step_count_.fill_(static_cast<double>(step + 1));
    // Two groups: weight decay on matrices only.
    for (const bool decay : {true, false}) {
        std::vector<at::Tensor> p, g, m, v, steps;
        for (size_t i : with_grad) {
            if ((params_[i].dim() >= 2) != decay) continue;
            p.push_back(params_[i]);
            g.push_back(params_[i].grad());
            m.push_back(m_[i]);
            v.push_back(v_[i]);
            steps.push_back(step_count_);
        }
        if (p.empty()) continue;
        at::_fused_adamw_(p, g, m, v, {}, steps, lr, o_.beta1, o_.beta2, decay ? o_.weight_decay : 0.0, o_.eps,
                          /*amsgrad=*/false, /*maximize=*/false, grad_scale, found_inf);
    }
#else
    (void)with_grad, (void)norm, (void)lr, (void)step;
    throw Error("the fused AdamW kernel needs LibTorch 2");
#endif
}

TensorMap AdamW::state() const {
    TensorMap s;
    for (size_t i = 0; i < params_.size(); ++i) {
        s["exp_avg." + std::to_string(i)] = m_[i];
        s["exp_avg_sq." + std::to_string(i)] = v_[i];
    }
    return s;
}

void AdamW::load_state(const TensorMap& state) {
    at::NoGradGuard ng;
    for (size_t i = 0; i < params_.size(); ++i) {
        auto a = state.find("exp_avg." + std::to_string(i)), b = state.find("exp_avg_sq." + std::to_string(i));
        if (a == state.end() || b == state.end() || a->second.sizes() != m_[i].sizes())
            throw Error("checkpoint optimizer state does not match the parameters");
        m_[i].copy_(a->second);
        v_[i].copy_(b->second);
    }
}

}  // namespace xcomp
