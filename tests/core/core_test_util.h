// Helpers shared by the core test suites: checking that bad input throws xcomp::Error naming it.
#pragma once
#include <QString>
#include <QtTest>

#include <functional>
#include <string>

#include "xcomp/error.h"

namespace xcomp::test {

// The message of the xcomp::Error that `fn` throws, or "" when it throws none.
inline std::string error_of(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace xcomp::test

// EXPECT_ERROR(expression, "part", ...): the expression throws xcomp::Error and the message has every part.
#define EXPECT_ERROR(expr, ...)                                                                  \
    do {                                                                                         \
        const std::string msg_ = xcomp::test::error_of([&] { expr; });                           \
        QVERIFY2(!msg_.empty(), "no xcomp::Error thrown");                                       \
        for (const char* part_ : {__VA_ARGS__})                                                  \
            QVERIFY2(msg_.find(part_) != std::string::npos,                                      \
                     qPrintable(QString("'%1' not in: %2").arg(part_, QString::fromStdString(msg_)))); \
    } while (0)
