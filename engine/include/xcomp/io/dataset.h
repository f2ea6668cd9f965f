// xcomp/io/dataset.h — JSON-lines datasets (plain or .xz): arXiv abstracts, Gutenberg books, SQuAD.
#pragma once
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace xcomp {

struct TextRecord {
    std::string id;
    std::string text;       // "abstract", "text" or "context" (the first present)
    std::string question;   // QA records
    std::vector<std::string> answers;
    std::string group;      // "source" (SQuAD article) when present; used for held-out splits
};

struct DatasetReport {
    int64_t lines = 0;     // non-empty lines read
    int64_t records = 0;   // records kept
    int64_t skipped = 0;   // bad lines (not JSON, no text field, invalid UTF-8)
    std::vector<std::string> problems;  // the first few, each "FILE:LINE: why"
};

// Reads every record; bad lines are reported and skipped, never fatal. `limit` < 0: all.
// Throws xcomp::Error when the file cannot be opened. `.xz` files are read through `xz -dc`.
std::vector<TextRecord> read_jsonl(const std::string& path, DatasetReport* report = nullptr, int64_t limit = -1,
                                   bool require_qa = false);
// The same rules on a stream of JSON lines (no .xz); `origin` names it in the problems.
std::vector<TextRecord> read_jsonl(std::istream& in, const std::string& origin, DatasetReport* report = nullptr,
                                   int64_t limit = -1, bool require_qa = false);

// Deterministic split by group (or id) hash: true for about `fraction` of the groups.
bool in_holdout(const TextRecord& r, double fraction);

}  // namespace xcomp
