// Helpers shared by the widget test suites: diffs built from aligned segments.
#pragma once
#include <QString>
#include <QVector>

#include "viewdata.h"

namespace xcomp::test {

inline QString S(const char* s) { return QString::fromUtf8(s); }

// One aligned piece of a diff: the original and the regenerated text of one error type.
struct Seg {
    view::ErrorType type;
    QString original;
    QString regenerated;
    Seg(view::ErrorType t, QString o, QString r) : type(t), original(std::move(o)), regenerated(std::move(r)) {}
    Seg(view::ErrorType t, const char* o, const char* r) : type(t), original(S(o)), regenerated(S(r)) {}
};

// A DiffData from aligned segments; Equal segments get spans only when withEqual is set.
inline view::DiffData build(const QVector<Seg>& segs, bool withEqual = true)
{
    view::DiffData d;
    for (const Seg& s : segs) {
        view::DiffSpan span;
        span.type = s.type;
        span.originalBegin = int(d.original.size());
        span.regeneratedBegin = int(d.regenerated.size());
        d.original += s.original;
        d.regenerated += s.regenerated;
        span.originalEnd = int(d.original.size());
        span.regeneratedEnd = int(d.regenerated.size());
        if (s.type != view::ErrorType::Equal || withEqual)
            d.spans << span;
    }
    return d;
}

}  // namespace xcomp::test
