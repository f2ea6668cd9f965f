#include "xcomp/io/dataset.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <memory>

#include "xcomp/error.h"
#include "xcomp/io/tokenizer.h"

namespace xcomp {

namespace {

struct LineReader {
    FILE* pipe = nullptr;
    std::ifstream file;
    bool getline(std::string& line) {
        if (!pipe) return static_cast<bool>(std::getline(file, line));
        line.clear();
        int c;
        while ((c = std::fgetc(pipe)) != EOF) {
            if (c == '\n') return true;
            line.push_back(static_cast<char>(c));
        }
        return !line.empty();
    }
    ~LineReader() {
        if (pipe) pclose(pipe);
    }
};

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The record rules of both read_jsonl overloads; `next` yields one line at a time.
std::vector<TextRecord> read_jsonl_lines(const std::function<bool(std::string&)>& next, const std::string& path,
                                         DatasetReport* report, int64_t limit, bool require_qa) {
    DatasetReport local;
    DatasetReport& rep = report ? *report : local;
    rep = DatasetReport();
    std::vector<TextRecord> out;
    std::string line;
    int64_t number = 0;
    auto problem = [&](const std::string& why) {
        ++rep.skipped;
        if (rep.problems.size() < 20) rep.problems.push_back(path + ":" + std::to_string(number) + ": " + why);
    };
    while ((limit < 0 || static_cast<int64_t>(out.size()) < limit) && next(line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++rep.lines;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const std::exception&) {
            problem("not valid JSON");
            continue;
        }
        if (!j.is_object()) {
            problem("not a JSON object");
            continue;
        }
        TextRecord r;
        for (const char* key : {"abstract", "text", "context"}) {
            if (j.contains(key) && j[key].is_string()) {
                r.text = j[key].get<std::string>();
                break;
            }
        }
        if (r.text.empty()) {
            problem("no non-empty \"abstract\", \"text\" or \"context\" field");
            continue;
        }
        if (!is_valid_utf8(r.text)) {
            problem("text is not valid UTF-8");
            continue;
        }
        if (j.contains("id")) r.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
        if (r.id.empty()) r.id = std::to_string(number);
        if (j.contains("source") && j["source"].is_string()) r.group = j["source"].get<std::string>();
        if (j.contains("question") && j["question"].is_string()) r.question = j["question"].get<std::string>();
        if (j.contains("answers")) {
            const auto& a = j["answers"];
            if (a.is_array()) {
                for (const auto& x : a)
                    if (x.is_string()) r.answers.push_back(x.get<std::string>());
            } else if (a.is_object() && a.contains("text") && a["text"].is_array()) {  // SQuAD's HF layout
                for (const auto& x : a["text"])
                    if (x.is_string()) r.answers.push_back(x.get<std::string>());
            }
        }
        if (require_qa && (r.question.empty() || r.answers.empty())) {
            problem("QA record needs \"question\" and a non-empty \"answers\" list");
            continue;
        }
        out.push_back(std::move(r));
    }
    rep.records = static_cast<int64_t>(out.size());
    return out;
}


}  // namespace

std::vector<TextRecord> read_jsonl(const std::string& path, DatasetReport* report, int64_t limit, bool require_qa) {
    LineReader in;
    {
        std::ifstream probe(path);
        if (!probe) throw Error("cannot open dataset " + path);
    }
    if (ends_with(path, ".xz")) {
        in.pipe = popen(("xz -dc " + shell_quote(path)).c_str(), "r");
        if (!in.pipe) throw Error("cannot run xz to read " + path);
    } else {
        in.file.open(path);
    }
    return read_jsonl_lines([&](std::string& line) { return in.getline(line); }, path, report, limit, require_qa);
}

std::vector<TextRecord> read_jsonl(std::istream& in, const std::string& origin, DatasetReport* report, int64_t limit,
                                   bool require_qa) {
    return read_jsonl_lines([&](std::string& line) { return static_cast<bool>(std::getline(in, line)); }, origin,
                            report, limit, require_qa);
}

bool in_holdout(const TextRecord& r, double fraction) {
    const std::string& key = r.group.empty() ? r.id : r.group;
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
    return static_cast<double>(h % 10000) / 10000.0 < fraction;
}

}  // namespace xcomp
