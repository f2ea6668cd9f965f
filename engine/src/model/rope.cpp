#include "rope.h"

#include <cmath>
#include <map>
#include <mutex>
#include <sstream>
#include <string>

namespace xcomp {

namespace {

at::Tensor compute_inv_freq(const LlamaConfig& c) {
    const int64_t dim = c.head_dim;
    auto exponents = at::arange(0, dim, 2, at::TensorOptions().dtype(at::kLong)).to(at::kFloat) / static_cast<double>(dim);
    at::Tensor inv_freq = 1.0 / at::pow(at::scalar_tensor(c.rope_theta, at::kFloat), exponents);
    const RopeScaling& s = c.rope_scaling;
    if (s.type == "linear") {
        inv_freq = inv_freq / s.factor;
    } else if (s.type == "llama3") {
        // transformers' _compute_llama3_parameters.
        const double old_len = static_cast<double>(s.original_max_position_embeddings);
        const double low_wavelen = old_len / s.low_freq_factor;
        const double high_wavelen = old_len / s.high_freq_factor;
        at::Tensor wavelen = 2 * M_PI / inv_freq;
        at::Tensor scaled = at::where(wavelen > low_wavelen, inv_freq / s.factor, inv_freq);
        at::Tensor smooth = (old_len / wavelen - s.low_freq_factor) / (s.high_freq_factor - s.low_freq_factor);
        at::Tensor smoothed = (1 - smooth) * scaled / s.factor + smooth * scaled;
        at::Tensor medium = at::logical_and(at::logical_not(wavelen < high_wavelen), at::logical_not(wavelen > low_wavelen));
        inv_freq = at::where(medium, smoothed, scaled);
    }
    return inv_freq;
}

}  // namespace

at::Tensor rope_inv_freq(const LlamaConfig& c, at::Device device) {
    // Cached per configuration and device: made on the host, the copy to a GPU would wait for
    // every queued kernel, and every forward pass asks for it.
    const RopeScaling& s = c.rope_scaling;
    std::ostringstream key;
    key.precision(17);
    key << c.head_dim << ' ' << c.rope_theta << ' ' << s.type << ' ' << s.factor << ' ' << s.low_freq_factor << ' '
        << s.high_freq_factor << ' ' << s.original_max_position_embeddings << ' ' << device.str();
    static std::mutex mutex;
    static auto* cache = new std::map<std::string, at::Tensor>();  // never freed: no CUDA frees at exit
    std::lock_guard<std::mutex> lock(mutex);
    at::Tensor& t = (*cache)[key.str()];
    if (!t.defined()) t = compute_inv_freq(c).to(device);
    return t;
}

void rope_cos_sin(const at::Tensor& inv_freq, const at::Tensor& position_ids, at::ScalarType dtype, at::Tensor* cos,
                  at::Tensor* sin) {
    // freqs [B, T, D/2] = positions ⊗ inv_freq, in float32 like transformers (autocast disabled there).
    at::Tensor freqs = position_ids.to(at::kFloat).unsqueeze(-1) * inv_freq.view({1, 1, -1});
    at::Tensor emb = at::cat({freqs, freqs}, -1);
    *cos = emb.cos().to(dtype);
    *sin = emb.sin().to(dtype);
}

at::Tensor apply_rope(const at::Tensor& x, const at::Tensor& cos, const at::Tensor& sin) {
    const int64_t half = x.size(-1) / 2;
    at::Tensor x1 = x.narrow(-1, 0, half);
    at::Tensor x2 = x.narrow(-1, half, half);
    at::Tensor rotated = at::cat({-x2, x1}, -1);
    at::Tensor c = cos.unsqueeze(1);  // [B, 1, T, D]
    at::Tensor s = sin.unsqueeze(1);
    return x * c + rotated * s;
}

}  // namespace xcomp
