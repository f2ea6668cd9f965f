// Fuzzes the workbench's batch-dataset reader (DatasetReader::readBytes, what the Batch tab opens;
// Qt's JSON parser). Bad lines become warnings, never exceptions. Invariants: every example has a
// non-blank text and an id, no answer is empty, examples + warnings do not exceed the lines, and
// error is set exactly when nothing at all was read.
#include "datasetreader.h"
#include "fuzz_util.h"

using namespace xcomp::workbench;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const DatasetReader::Result r = DatasetReader::readBytes(bytes);
    for (const BatchExample& e : r.examples) {
        FUZZ_CHECK(!e.text.trimmed().isEmpty() && !e.id.isEmpty());
        for (const QString& a : e.answers) FUZZ_CHECK(!a.isEmpty());
    }
    FUZZ_CHECK(r.examples.size() + r.warnings.size() <= bytes.count('\n') + 1);
    FUZZ_CHECK(r.ok() == !(r.examples.isEmpty() && r.warnings.isEmpty()));
    FUZZ_CHECK(r.questionCount() <= r.examples.size());
    return 0;
}
