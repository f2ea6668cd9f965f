#include "latentprojection.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace xcomp {

namespace {

using Matrix = std::vector<std::vector<double>>;

// The leading eigenpair of a symmetric positive semi-definite matrix.
double leadingEigen(const Matrix& g, std::vector<double>& v)
{
    const std::size_t n = g.size();
    v.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = 1.0 + 0.01 * double(i);  // fixed start, not orthogonal to anything in practice
    double lambda = 0;
    std::vector<double> w(n);
    for (int iter = 0; iter < 500; ++iter) {
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0;
            for (std::size_t j = 0; j < n; ++j)
                s += g[i][j] * v[j];
            w[i] = s;
        }
        double norm = 0;
        for (double x : w)
            norm += x * x;
        norm = std::sqrt(norm);
        if (norm < 1e-300)
            return 0;
        double change = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double next = w[i] / norm;
            change += std::abs(next - v[i]);
            v[i] = next;
        }
        lambda = norm;
        if (change < 1e-12 * double(n))
            break;
    }
    return lambda;
}

}  // namespace

Projection principalComponents(const QVector<QVector<float>>& vectors)
{
    Projection p;
    const int n = int(vectors.size());
    if (n == 0)
        return p;
    const qsizetype d = vectors.first().size();
    for (const QVector<float>& v : vectors)
        if (v.size() != d)
            return p;
    p.points.fill(QPointF(0, 0), n);
    if (n == 1 || d == 0)
        return p;
    // Gram matrix of the raw vectors, then centred on both sides (= Gram of the centred vectors).
    Matrix g(std::size_t(n), std::vector<double>(std::size_t(n), 0.0));
    for (int i = 0; i < n; ++i)
        for (int j = i; j < n; ++j) {
            const float* a = vectors[i].constData();
            const float* b = vectors[j].constData();
            double s = 0;
            for (qsizetype k = 0; k < d; ++k)
                s += double(a[k]) * double(b[k]);
            g[std::size_t(i)][std::size_t(j)] = g[std::size_t(j)][std::size_t(i)] = s;
        }
    std::vector<double> rowMean(std::size_t(n), 0.0);
    double all = 0;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j)
            rowMean[std::size_t(i)] += g[std::size_t(i)][std::size_t(j)];
        rowMean[std::size_t(i)] /= n;
        all += rowMean[std::size_t(i)];
    }
    all /= n;
    double trace = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            g[std::size_t(i)][std::size_t(j)] += all - rowMean[std::size_t(i)] - rowMean[std::size_t(j)];
    for (int i = 0; i < n; ++i)
        trace += g[std::size_t(i)][std::size_t(i)];
    if (trace <= 0)
        return p;  // all vectors equal: every point at the origin
    for (int c = 0; c < 2; ++c) {
        std::vector<double> v;
        const double lambda = leadingEigen(g, v);
        if (lambda <= 1e-12 * trace)
            break;
        // Fixed sign: the largest score is positive.
        const auto big = std::max_element(v.begin(), v.end(), [](double a, double b) { return std::abs(a) < std::abs(b); });
        const double sign = *big < 0 ? -1.0 : 1.0;
        const double scale = std::sqrt(lambda) * sign;
        for (int i = 0; i < n; ++i) {
            if (c == 0)
                p.points[i].setX(v[std::size_t(i)] * scale);
            else
                p.points[i].setY(v[std::size_t(i)] * scale);
        }
        p.explained[c] = lambda / trace;
        for (int i = 0; i < n; ++i)  // deflate
            for (int j = 0; j < n; ++j)
                g[std::size_t(i)][std::size_t(j)] -= lambda * v[std::size_t(i)] * v[std::size_t(j)];
    }
    return p;
}

}  // namespace xcomp
