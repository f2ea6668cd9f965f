// Fuzzes the workbench session file (SessionFile::fromBytes, what File > Open Session reads; Qt's
// JSON parser, then our field readers). Refusal is a false return with a message, never an
// exception. Invariants on an accepted session: every diff span lies inside its texts, and the
// session saves and reopens as itself (toJson -> fromJson -> toJson is stable).
#include <QJsonDocument>

#include "fuzz_util.h"
#include "sessionfile.h"

using namespace xcomp::workbench;

namespace {

void check_spans(const xcomp::view::DiffData& d) {
    for (const xcomp::view::DiffSpan& s : d.spans) {
        FUZZ_CHECK(0 <= s.originalBegin && s.originalBegin <= s.originalEnd && s.originalEnd <= d.original.size());
        FUZZ_CHECK(0 <= s.regeneratedBegin && s.regeneratedBegin <= s.regeneratedEnd &&
                   s.regeneratedEnd <= d.regenerated.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    WorkbenchSession s;
    QString error;
    if (!SessionFile::fromBytes(bytes, QStringLiteral("fuzz.xcs"), &s, &error)) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    check_spans(s.regeneration.diff);
    for (const auto& r : s.compare) check_spans(r.diff);
    for (const auto& r : s.batchRows) check_spans(r.diff);

    const QJsonObject saved = SessionFile::toJson(s);
    WorkbenchSession again;
    FUZZ_CHECK(SessionFile::fromJson(saved, &again, &error));
    const QJsonObject resaved = SessionFile::toJson(again);
    if (resaved != saved) {
        std::fprintf(stderr, "saved:   %s\nresaved: %s\n", QJsonDocument(saved).toJson(QJsonDocument::Compact).constData(),
                     QJsonDocument(resaved).toJson(QJsonDocument::Compact).constData());
        std::abort();
    }
    return 0;
}
