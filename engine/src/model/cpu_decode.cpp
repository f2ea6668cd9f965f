// A decode step on the CPU is a few hundred tiny operators (8 layers × norms, RoPE, attention over
// one query, residuals) around a few matrix-vector products: at this model size ATen's dispatch,
// allocation and autograd bookkeeping per operator cost more than the arithmetic
// (docs/PERFORMANCE.md, "CPU"). This loop keeps the matrix products in BLAS (at::mv_out / mm_out
// into buffers allocated once) and does everything else in plain loops over a preallocated cache.
#include "cpu_decode.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "rope.h"
#include "token_sink.h"
#include "xcomp/error.h"

namespace xcomp {

namespace {

// y [B, out] = x [B, in] W^T (+ bias), into y's storage; W [out, in] contiguous float32.
void project(const at::Tensor& x, const at::Tensor& w, const at::Tensor& bias, at::Tensor& y) {
    if (x.size(0) == 1) {
        at::Tensor y1 = y.view({-1});
        at::mv_out(y1, w, x.view({-1}));
    } else {
        at::mm_out(y, x, w.t());
    }
    if (bias.defined()) {
        float* out = y.data_ptr<float>();
        const float* b = bias.data_ptr<float>();
        const int64_t n = y.size(1);
        for (int64_t r = 0; r < y.size(0); ++r)
            for (int64_t i = 0; i < n; ++i) out[r * n + i] += b[i];
    }
}

// y = RMSNorm(x) * w over n values (float32, as transformers' LlamaRMSNorm on float32 weights).
void rms_norm_row(const float* x, const float* w, float* y, int64_t n, double eps) {
    float ss = 0;
    for (int64_t i = 0; i < n; ++i) ss += x[i] * x[i];
    const float r = 1.0f / std::sqrt(ss / static_cast<float>(n) + static_cast<float>(eps));
    for (int64_t i = 0; i < n; ++i) y[i] = w[i] * (x[i] * r);
}

// Rotates one head's D values by the angles of one position (cos/sin [D/2], as rope.cpp's halves).
void rope_head(float* v, const float* cos, const float* sin, int64_t half) {
    for (int64_t i = 0; i < half; ++i) {
        const float x1 = v[i], x2 = v[i + half];
        v[i] = x1 * cos[i] - x2 * sin[i];
        v[i + half] = x2 * cos[i] + x1 * sin[i];
    }
}

at::Tensor f32(const at::Tensor& t) { return t.defined() ? t.contiguous() : t; }

}  // namespace

bool cpu_loop_supports(const LlamaModel& model, const GenerationOptions& o) {
    return model.device().is_cpu() && model.dtype() == at::kFloat && o.lora == nullptr && !o.prompt_mask.defined();
}

GenerationResult cpu_decode_loop(const LlamaModel& model, const at::Tensor& prompt_ids, KVCache cache,
                                 const GenerationOptions& o) {
    if (!cpu_loop_supports(model, o))
        throw Error("the CPU decode loop needs a float32 model on the CPU, no LoRA and no prompt mask");
    const LlamaConfig& c = model.config();
    const LlamaWeights& w = model.weights();
    const int64_t B = prompt_ids.size(0), T = prompt_ids.size(1);
    const int64_t H = c.num_attention_heads, Hkv = c.num_key_value_heads, D = c.head_dim, d = c.hidden_size;
    const int64_t rep = H / Hkv, half = D / 2, L = static_cast<int64_t>(w.layers.size());
    GenerationResult r;
    TokenSink sink(o, c, r, B);
    if (o.max_new_tokens == 0 || sink.cancelled()) return r;

    // The prompt goes through the forward pass (one call); its cache seeds the preallocated one.
    ForwardOptions fo;
    fo.cache = &cache;
    fo.capture_attention = o.capture_attention;
    if (o.capture_attention) fo.capture_queries = {T - 1};
    fo.rope_inv_freq = rope_inv_freq(c, model.device());
    ForwardOutput prefill = model.forward(prompt_ids.to(at::kLong), fo);
    if (o.capture_attention) {
        std::vector<at::Tensor> rows;  // per layer [H, S]
        for (const at::Tensor& a : prefill.attention) rows.push_back(a[0].select(1, 0));
        r.attention.push_back(at::stack(rows).contiguous());
    }
    at::Tensor next = prefill.logits.select(1, T - 1).argmax(-1).contiguous();  // [B]
    prefill = ForwardOutput();
    if (!sink.take(next)) return r;

    const int64_t P = cache.length();  // memory + prompt positions
    const int64_t C = P + o.max_new_tokens;
    const auto fopt = at::TensorOptions().dtype(at::kFloat);
    std::vector<at::Tensor> kc(L), vc(L);  // per layer [B, Hkv, C, D]
    for (int64_t li = 0; li < L; ++li) {
        kc[li] = at::empty({B, Hkv, C, D}, fopt);
        vc[li] = at::empty({B, Hkv, C, D}, fopt);
        kc[li].narrow(2, 0, P).copy_(cache.keys[li].to(at::kFloat).expand({B, Hkv, P, D}));
        vc[li].narrow(2, 0, P).copy_(cache.values[li].to(at::kFloat).expand({B, Hkv, P, D}));
    }
    std::vector<uint8_t> visible(static_cast<size_t>(B * C), 1);  // [B, C]: false = a masked memory token
    if (cache.mask.defined()) {
        const at::Tensor m = cache.mask.to(at::kBool).expand({B, P}).contiguous();
        const bool* mp = m.data_ptr<bool>();
        for (int64_t b = 0; b < B; ++b)
            for (int64_t s = 0; s < P; ++s) visible[b * C + s] = mp[b * P + s];
    }
    cache = KVCache();

    struct Layer {
        at::Tensor q, k, v, o, q_b, k_b, v_b, o_b, gate, up, down, gate_b, up_b, down_b;
        const float *in_norm, *post_norm;
    };
    std::vector<Layer> layers;
    std::vector<at::Tensor> keep;  // contiguous norms, alive for the raw pointers
    for (const LayerWeights& lw : w.layers) {
        Layer l{f32(lw.q), f32(lw.k), f32(lw.v), f32(lw.o), f32(lw.q_bias), f32(lw.k_bias), f32(lw.v_bias), f32(lw.o_bias),
                f32(lw.gate), f32(lw.up), f32(lw.down), f32(lw.gate_bias), f32(lw.up_bias), f32(lw.down_bias), nullptr, nullptr};
        keep.push_back(f32(lw.input_norm));
        l.in_norm = keep.back().data_ptr<float>();
        keep.push_back(f32(lw.post_norm));
        l.post_norm = keep.back().data_ptr<float>();
        layers.push_back(std::move(l));
    }
    const at::Tensor final_norm = f32(w.final_norm), lm_head = f32(w.lm_head), embed = f32(w.embed);
    const int64_t I = layers.empty() || !layers[0].gate.defined() ? 0 : layers[0].gate.size(0);
    const int64_t V = lm_head.size(0);

    // Buffers of one step, allocated once.
    at::Tensor h = at::empty({B, d}, fopt), xn = at::empty({B, d}, fopt), q = at::empty({B, H * D}, fopt),
               k = at::empty({B, Hkv * D}, fopt), v = at::empty({B, Hkv * D}, fopt), att = at::empty({B, H * D}, fopt),
               proj = at::empty({B, d}, fopt), g = at::empty({B, std::max<int64_t>(I, 1)}, fopt),
               u = at::empty({B, std::max<int64_t>(I, 1)}, fopt), logits = at::empty({B, V}, fopt);
    std::vector<float> scores(static_cast<size_t>(C)), cosv(half), sinv(half);
    const at::Tensor inv_freq = rope_inv_freq(c, model.device()).to(at::kFloat).contiguous();
    const float* inv = inv_freq.data_ptr<float>();
    const float scaling = 1.0f / std::sqrt(static_cast<float>(D));
    const float* E = embed.data_ptr<float>();
    float* hp = h.data_ptr<float>();
    float* xp = xn.data_ptr<float>();

    for (int64_t step = 1; step < o.max_new_tokens; ++step) {
        if (sink.cancelled()) break;
        const int64_t slot = P + step - 1;  // the position of the token fed now
        const int64_t* ids = next.data_ptr<int64_t>();
        for (int64_t b = 0; b < B; ++b) std::copy(E + ids[b] * d, E + (ids[b] + 1) * d, hp + b * d);
        for (int64_t i = 0; i < half; ++i) {
            const float f = static_cast<float>(slot) * inv[i];
            cosv[i] = std::cos(f);
            sinv[i] = std::sin(f);
        }
        at::Tensor probs_out;  // [L, H, slot + 1] when capturing
        if (o.capture_attention) probs_out = at::empty({L, H, slot + 1}, fopt);
        for (int64_t li = 0; li < L; ++li) {
            const Layer& l = layers[li];
            for (int64_t b = 0; b < B; ++b) rms_norm_row(hp + b * d, l.in_norm, xp + b * d, d, c.rms_norm_eps);
            project(xn, l.q, l.q_b, q);
            project(xn, l.k, l.k_b, k);
            project(xn, l.v, l.v_b, v);
            float* K = kc[li].data_ptr<float>();
            float* Vv = vc[li].data_ptr<float>();
            float* qp = q.data_ptr<float>();
            const float* kp = k.data_ptr<float>();
            const float* vp = v.data_ptr<float>();
            float* ap = att.data_ptr<float>();
            for (int64_t b = 0; b < B; ++b) {
                for (int64_t hh = 0; hh < H; ++hh) rope_head(qp + (b * H + hh) * D, cosv.data(), sinv.data(), half);
                for (int64_t gg = 0; gg < Hkv; ++gg) {
                    float* kdst = K + ((b * Hkv + gg) * C + slot) * D;
                    std::copy(kp + (b * Hkv + gg) * D, kp + (b * Hkv + gg + 1) * D, kdst);
                    rope_head(kdst, cosv.data(), sinv.data(), half);
                    std::copy(vp + (b * Hkv + gg) * D, vp + (b * Hkv + gg + 1) * D, Vv + ((b * Hkv + gg) * C + slot) * D);
                }
                const uint8_t* vis = visible.data() + b * C;
                for (int64_t hh = 0; hh < H; ++hh) {
                    const int64_t gg = hh / rep;
                    const float* qh = qp + (b * H + hh) * D;
                    const float* Kh = K + (b * Hkv + gg) * C * D;
                    const float* Vh = Vv + (b * Hkv + gg) * C * D;
                    float mx = -std::numeric_limits<float>::infinity();
                    for (int64_t s = 0; s <= slot; ++s) {
                        if (!vis[s]) continue;
                        float dot = 0;
                        for (int64_t j = 0; j < D; ++j) dot += qh[j] * Kh[s * D + j];
                        scores[s] = dot * scaling;
                        mx = std::max(mx, scores[s]);
                    }
                    float sum = 0;
                    for (int64_t s = 0; s <= slot; ++s) {
                        scores[s] = vis[s] ? std::exp(scores[s] - mx) : 0.0f;
                        sum += scores[s];
                    }
                    float* out = ap + (b * H + hh) * D;
                    std::fill(out, out + D, 0.0f);
                    for (int64_t s = 0; s <= slot; ++s) {
                        scores[s] /= sum;
                        if (scores[s] == 0.0f) continue;
                        for (int64_t j = 0; j < D; ++j) out[j] += scores[s] * Vh[s * D + j];
                    }
                    if (probs_out.defined()) std::copy(scores.begin(), scores.begin() + slot + 1, probs_out[li][hh].data_ptr<float>());
                }
            }
            project(att, l.o, l.o_b, proj);
            const float* pp = proj.data_ptr<float>();
            for (int64_t i = 0; i < B * d; ++i) hp[i] += pp[i];
            for (int64_t b = 0; b < B; ++b) rms_norm_row(hp + b * d, l.post_norm, xp + b * d, d, c.rms_norm_eps);
            if (!l.gate.defined()) {
                for (int64_t i = 0; i < B * d; ++i) hp[i] += xp[i];  // the MLP-free variant: identity
                continue;
            }
            project(xn, l.gate, l.gate_b, g);
            project(xn, l.up, l.up_b, u);
            float* gp = g.data_ptr<float>();
            const float* up = u.data_ptr<float>();
            for (int64_t i = 0; i < B * I; ++i) gp[i] = gp[i] / (1.0f + std::exp(-gp[i])) * up[i];  // silu(g) * u
            project(g, l.down, l.down_b, proj);
            for (int64_t i = 0; i < B * d; ++i) hp[i] += pp[i];
        }
        for (int64_t b = 0; b < B; ++b) rms_norm_row(hp + b * d, final_norm.data_ptr<float>(), xp + b * d, d, c.rms_norm_eps);
        project(xn, lm_head, at::Tensor(), logits);
        const float* lp = logits.data_ptr<float>();
        int64_t* np = next.data_ptr<int64_t>();
        for (int64_t b = 0; b < B; ++b) np[b] = std::max_element(lp + b * V, lp + (b + 1) * V) - (lp + b * V);
        if (probs_out.defined()) r.attention.push_back(probs_out);
        if (!sink.take(next)) break;
    }
    return r;
}

}  // namespace xcomp
