#include "args.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "xcomp/error.h"

namespace xcomp::cli {

Args::Args(int argc, char** argv, int first, const std::set<std::string>& flags) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string key = a.substr(2);
            if (auto eq = key.find('='); eq != std::string::npos) {
                values_[key.substr(0, eq)] = key.substr(eq + 1);
            } else if (flags.count(key)) {
                flags_given_.insert(key);
            } else {
                if (i + 1 >= argc) throw Error("option --" + key + " needs a value");
                values_[key] = argv[++i];
            }
        } else {
            positional_.push_back(a);
        }
    }
}

bool Args::flag(const std::string& name) {
    used_.insert(name);
    return flags_given_.count(name) > 0;
}

bool Args::has(const std::string& name) {
    used_.insert(name);
    return values_.count(name) > 0;
}

std::string Args::str(const std::string& name, const std::string& fallback) {
    used_.insert(name);
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::string Args::required(const std::string& name) {
    used_.insert(name);
    auto it = values_.find(name);
    if (it == values_.end()) throw Error("missing required option --" + name);
    return it->second;
}

long long Args::integer(const std::string& name, long long fallback, long long min, long long max) {
    used_.insert(name);
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(it->second.c_str(), &end, 10);
    if (errno || end == it->second.c_str() || *end)
        throw Error("--" + name + " expects an integer, got '" + it->second + "'");
    if (v < min || v > max)
        throw Error("--" + name + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                    it->second);
    return v;
}

double Args::real(const std::string& name, double fallback, double min, double max) {
    used_.insert(name);
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (end == it->second.c_str() || *end) throw Error("--" + name + " expects a number, got '" + it->second + "'");
    if (!(v >= min && v <= max)) {
        char range[96];
        std::snprintf(range, sizeof range, "%g and %g", min, max);
        throw Error("--" + name + " must be between " + range + ", got " + it->second);
    }
    return v;
}

std::vector<std::string> Args::list(const std::string& name) {
    std::vector<std::string> out;
    const std::string s = str(name, "");
    size_t start = 0;
    while (start <= s.size() && !s.empty()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

void Args::finish() const {
    for (const auto& [k, v] : values_)
        if (!used_.count(k)) throw Error("unknown option --" + k);
    for (const auto& k : flags_given_)
        if (!used_.count(k)) throw Error("unknown option --" + k);
}

}  // namespace xcomp::cli
