// The trainers' AdamW (engine/src/train/optimizer.h) against LibTorch's own torch::optim::AdamW:
// the same update with weight decay on matrices only, the same global-norm clipping as
// torch::nn::utils::clip_grad_norm_, a non-finite step that changes nothing, and (on a GPU with
// LibTorch 2) the fused kernel giving the loop's result.
#include <torch/optim/adamw.h>
#include <torch/types.h>
// clip_grad.h is not self-contained: it needs <vector> and torch::Tensor from the two above.
#include <torch/nn/utils/clip_grad.h>

#include <vector>

#include <QtTest>

#include <limits>

#include "engine_test_util.h"
#include "train/optimizer.h"

using namespace xcomp;

namespace {

struct Problem {
    std::vector<at::Tensor> params;  // a matrix [8, 4] and a vector [4], float32 leaves
    std::vector<std::vector<at::Tensor>> grads;  // per step, one gradient per parameter
};

Problem make_problem(int steps, double grad_scale, at::Device device) {
    at::manual_seed(7);
    Problem p;
    p.params = {at::randn({8, 4}).to(device).set_requires_grad(true), at::randn({4}).to(device).set_requires_grad(true)};
    for (int s = 0; s < steps; ++s)
        p.grads.push_back({(at::randn({8, 4}) * grad_scale).to(device), (at::randn({4}) * grad_scale).to(device)});
    return p;
}

OptimizerOptions options(double clip, const std::string& kernel = "loop") {
    OptimizerOptions o;
    o.lr = 1e-2;
    o.weight_decay = 0.1;
    o.beta1 = 0.9;
    o.beta2 = 0.95;
    o.eps = 1e-8;
    o.warmup_steps = 0;
    o.schedule = "constant";
    o.clip_norm = clip;
    o.kernel = kernel;
    return o;
}

// Runs our AdamW over the problem's gradients; returns the final parameters and the norms returned.
std::vector<at::Tensor> run_ours(const Problem& pr, const OptimizerOptions& o, std::vector<double>* norms = nullptr) {
    std::vector<at::Tensor> params;
    for (const at::Tensor& t : pr.params) params.push_back(t.detach().clone().set_requires_grad(true));
    AdamW opt(params, o);
    for (size_t s = 0; s < pr.grads.size(); ++s) {
        for (size_t i = 0; i < params.size(); ++i) params[i].mutable_grad() = pr.grads[s][i].clone();
        const at::Tensor n = opt.step(static_cast<int64_t>(s));
        if (norms) norms->push_back(n.item<double>());
    }
    return params;
}

// The same with torch::optim::AdamW: one group with weight decay (the matrix), one without.
std::vector<at::Tensor> run_torch(const Problem& pr, const OptimizerOptions& o) {
    std::vector<at::Tensor> params;
    for (const at::Tensor& t : pr.params) params.push_back(t.detach().clone().set_requires_grad(true));
    auto opts = [&](double wd) {
        return std::make_unique<torch::optim::AdamWOptions>(
            torch::optim::AdamWOptions(o.lr).betas({o.beta1, o.beta2}).eps(o.eps).weight_decay(wd));
    };
    std::vector<torch::optim::OptimizerParamGroup> groups;
    groups.emplace_back(std::vector<at::Tensor>{params[0]}, opts(o.weight_decay));
    groups.emplace_back(std::vector<at::Tensor>{params[1]}, opts(0.0));
    torch::optim::AdamW ref(groups, torch::optim::AdamWOptions(o.lr));
    for (const auto& step : pr.grads) {
        for (size_t i = 0; i < params.size(); ++i) params[i].mutable_grad() = step[i].clone();
        if (o.clip_norm > 0) torch::nn::utils::clip_grad_norm_(params, o.clip_norm);
        ref.step();
    }
    return params;
}

}  // namespace

class TestOptimizer : public QObject {
    Q_OBJECT
private slots:
    void loop_matches_torch_adamw() {
        const Problem pr = make_problem(6, 0.01, at::kCPU);  // small gradients: no clipping
        const OptimizerOptions o = options(1.0);
        const auto ours = run_ours(pr, o), ref = run_torch(pr, o);
        for (size_t i = 0; i < ours.size(); ++i) QVERIFY(test::max_abs_diff(ours[i], ref[i]) < 1e-6);
        // The update moved the weights: the comparison means something.
        QVERIFY(test::max_abs_diff(ours[0], pr.params[0]) > 1e-3);
    }

    void clipping_matches_clip_grad_norm() {
        std::vector<double> norms;
        const Problem pr = make_problem(4, 10.0, at::kCPU);  // global norm about 55: clipped to 1
        const OptimizerOptions o = options(1.0);
        const auto ours = run_ours(pr, o, &norms), ref = run_torch(pr, o);
        for (size_t i = 0; i < ours.size(); ++i) QVERIFY(test::max_abs_diff(ours[i], ref[i]) < 1e-6);
        // The returned norm is the global norm before clipping.
        const double expected = at::stack({pr.grads[0][0].norm(), pr.grads[0][1].norm()}).norm().item<double>();
        QVERIFY(std::abs(norms[0] - expected) < 1e-4 * expected);
        QVERIFY(norms[0] > 10.0);
    }

    void non_finite_step_changes_nothing() {
        Problem pr = make_problem(1, 0.01, at::kCPU);
        pr.grads[0][1][2] = std::numeric_limits<float>::quiet_NaN();
        std::vector<at::Tensor> params;
        for (const at::Tensor& t : pr.params) params.push_back(t.detach().clone().set_requires_grad(true));
        AdamW opt(params, options(1.0));
        for (size_t i = 0; i < params.size(); ++i) params[i].mutable_grad() = pr.grads[0][i].clone();
        const at::Tensor n = opt.step(0);
        QVERIFY(!std::isfinite(n.item<double>()));
        for (size_t i = 0; i < params.size(); ++i) {
            QCOMPARE(test::max_abs_diff(params[i], pr.params[i]), 0.0);
            QVERIFY(!params[i].grad().defined());  // grads are dropped either way
        }
        for (const auto& [name, t] : opt.state()) QCOMPARE(t.abs().max().item<double>(), 0.0);
    }

    void unknown_kernel_is_refused() {
        std::vector<at::Tensor> params{at::zeros({2}).set_requires_grad(true)};
        OptimizerOptions o = options(1.0, "fastest");
        QVERIFY(test::error_of([&] { AdamW(params, o); }).contains("'auto', 'loop' or 'fused'"));
        o.kernel = "auto";
        QVERIFY(!AdamW(params, o).fused());  // float32 parameters on the CPU: the loop
        if (!fused_adamw_available(at::kCPU)) {
            o.kernel = "fused";
            QVERIFY(test::error_of([&] { AdamW(params, o); }).contains("needs float32 parameters on a GPU"));
        }
    }

    // XCOMP_TEST_DEVICE=cuda with LibTorch 2: the fused kernel's result is the loop's.
    void fused_matches_loop_on_gpu() {
        const at::Device device(test::device());
        if (!fused_adamw_available(device)) QSKIP("the fused AdamW kernel needs a GPU and LibTorch 2");
        for (const double scale : {0.01, 10.0}) {
            const Problem pr = make_problem(5, scale, device);
            const auto loop = run_ours(pr, options(1.0, "loop")), fused = run_ours(pr, options(1.0, "fused"));
            for (size_t i = 0; i < loop.size(); ++i) QVERIFY(test::max_abs_diff(loop[i], fused[i]) < 1e-5);
        }
        Problem bad = make_problem(1, 0.01, device);
        bad.grads[0][0][0][0] = std::numeric_limits<float>::infinity();
        const auto fused = run_ours(bad, options(1.0, "fused"));
        for (size_t i = 0; i < fused.size(); ++i) QCOMPARE(test::max_abs_diff(fused[i], bad.params[i]), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestOptimizer)
#include "tst_optimizer.moc"
