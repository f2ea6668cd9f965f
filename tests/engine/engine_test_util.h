// Helpers shared by the engine test suites.
#pragma once
#include <ATen/ATen.h>
#include <QtTest>

#include <cstdlib>
#include <string>

#include "xcomp/error.h"

namespace xcomp::test {

// XCOMP_TEST_DEVICE=cuda runs the suites on the GPU (default cpu).
inline std::string device() {
    const char* d = std::getenv("XCOMP_TEST_DEVICE");
    return d && *d ? d : "cpu";
}

inline std::string fixture(const std::string& rel) { return std::string(XCOMP_FIXTURES_DIR) + "/" + rel; }

inline double max_abs_diff(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kCPU, at::kDouble) - b.to(at::kCPU, at::kDouble)).abs().max().item<double>();
}

// The message of the xcomp::Error that `f` throws; empty when it throws none.
template <typename F>
QString error_of(F&& f) {
    try {
        f();
    } catch (const xcomp::Error& e) {
        return QString::fromStdString(e.what());
    }
    return QString();
}

}  // namespace xcomp::test

#define XCOMP_COMPARE_TENSORS(actual, expected, tol)                                                        \
    do {                                                                                                   \
        const at::Tensor a_ = (actual), e_ = (expected);                                                   \
        QCOMPARE(a_.sizes().vec(), e_.sizes().vec());                                                      \
        const double d_ = xcomp::test::max_abs_diff(a_, e_);                                               \
        if (!(d_ <= (tol))) QFAIL(qPrintable(QStringLiteral("max |diff| %1 > %2").arg(d_).arg(tol)));      \
    } while (0)
