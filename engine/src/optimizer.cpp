#include "optimizer.h"

#include <ATen/core/grad_mode.h>

#include <cmath>

#include "xcomp/error.h"

namespace xcomp {

AdamW::AdamW(std::vector<at::Tensor> params, OptimizerOptions options) : params_(std::move(params)), o_(std::move(options)) {
    for (const at::Tensor& p : params_) {
        m_.push_back(at::zeros_like(p, at::MemoryFormat::Contiguous).detach());
        v_.push_back(at::zeros_like(p, at::MemoryFormat::Contiguous).detach());
    }
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

double AdamW::step(int64_t step, double progress) {
    at::NoGradGuard ng;
    // Global norm over every gradient, on the device (one host sync).
    std::vector<at::Tensor> norms;
    for (const at::Tensor& p : params_)
        if (p.grad().defined()) norms.push_back(p.grad().to(at::kFloat).norm());
    const double norm = norms.empty() ? 0.0 : at::stack(norms).norm().item<double>();
    if (!std::isfinite(norm)) {
        for (at::Tensor& p : params_)
            if (p.grad().defined()) p.mutable_grad().zero_();
        return norm;  // skip a step that would poison the weights
    }
    const double clip = (o_.clip_norm > 0 && norm > o_.clip_norm) ? o_.clip_norm / (norm + 1e-6) : 1.0;
    const double lr = lr_at(step, progress);
    const double bc1 = 1.0 - std::pow(o_.beta1, static_cast<double>(step + 1));
    const double bc2 = 1.0 - std::pow(o_.beta2, static_cast<double>(step + 1));
    for (size_t i = 0; i < params_.size(); ++i) {
        at::Tensor& p = params_[i];
        if (!p.grad().defined()) continue;
        at::Tensor g = p.grad().to(at::kFloat) * clip;
        m_[i].mul_(o_.beta1).add_(g, 1.0 - o_.beta1);
        v_[i].mul_(o_.beta2).addcmul_(g, g, 1.0 - o_.beta2);
        if (p.dim() >= 2 && o_.weight_decay > 0) p.mul_(1.0 - lr * o_.weight_decay);
        at::Tensor denom = (v_[i] / bc2).sqrt_().add_(o_.eps);
        p.addcdiv_(m_[i], denom, -lr / bc1);
        p.mutable_grad().zero_();
    }
    return norm;
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
