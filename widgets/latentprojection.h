// widgets/latentprojection.h — principal component analysis of a few hundred long vectors (compressed
// prompts: keys and values of every layer), for the latent map. The scores come from the n x n Gram
// matrix of the centred vectors (its eigenvectors scaled by the square roots of their eigenvalues are
// the PCA scores), so the cost is n^2 d rather than d^2; the two leading eigenpairs by power iteration
// with deflation. No plotting here, no new dependency.
#pragma once
#include <QPointF>
#include <QVector>

namespace xcomp {

struct Projection {
    QVector<QPointF> points;     // per vector: its scores on the first and second principal component
    double explained[2] = {0, 0};  // share of the total variance each component explains
};

// Empty when `vectors` is empty or their lengths differ; one vector lies at the origin. Deterministic
// (fixed start, fixed sign: each component's largest score is positive).
Projection principalComponents(const QVector<QVector<float>>& vectors);

}  // namespace xcomp
