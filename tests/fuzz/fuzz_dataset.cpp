// Fuzzes JSON-lines datasets (xcomp::read_jsonl on a stream: the rules every dataset command and
// the trainer use). The first byte picks the options (limit, QA records only), the rest is the file.
// Bad lines must be reported and skipped, never fatal. Invariants: lines = records + skipped, the
// limit holds, every record has a non-empty valid UTF-8 text and an id, QA records their question and
// answers, and at most 20 problems are kept.
#include <sstream>

#include "fuzz_util.h"
#include "xcomp/io/dataset.h"
#include "xcomp/error.h"
#include "xcomp/io/tokenizer.h"

using namespace xcomp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const bool require_qa = data[0] & 1;
    const int64_t limit = (data[0] >> 1) & 1 ? (data[0] >> 2) : -1;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    DatasetReport report;
    std::vector<TextRecord> records;
    try {
        records = read_jsonl(in, "fuzz.jsonl", &report, limit, require_qa);
    } catch (const Error&) {
        std::abort();  // a stream that can be read never fails as a whole
    }
    FUZZ_CHECK(report.records == static_cast<int64_t>(records.size()));
    FUZZ_CHECK(report.lines == report.records + report.skipped);
    FUZZ_CHECK(limit < 0 || report.records <= limit);
    FUZZ_CHECK(report.problems.size() <= 20 && static_cast<int64_t>(report.problems.size()) <= report.skipped);
    for (const TextRecord& r : records) {
        FUZZ_CHECK(!r.text.empty() && is_valid_utf8(r.text) && !r.id.empty());
        if (require_qa) FUZZ_CHECK(!r.question.empty() && !r.answers.empty());
        in_holdout(r, 0.5);
    }
    return 0;
}
