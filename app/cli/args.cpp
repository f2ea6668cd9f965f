#include "args.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "xcomp/error.h"

namespace xcomp::cli {

namespace {

// strtoll/strtod also take spaces, hex, "inf" and "nan"; options accept only these plain forms.
bool plain_integer(const std::string& s) {
    size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// [+-] digits [. digits] [e [+-] digits], at least one mantissa digit.
bool plain_decimal(const std::string& s) {
    size_t i = 0, digits = 0;
    auto is_digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    while (is_digit(i)) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (is_digit(i)) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (!is_digit(i)) return false;
        while (is_digit(i)) ++i;
    }
    return i == s.size();
}

}  // namespace

Args::Args(int argc, char** argv, int first, const std::set<std::string>& flags) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string key = a.substr(2);
            // A second value would silently win over the first; refuse instead.
            auto once = [&](const std::string& k) {
                if (values_.count(k) || flags_given_.count(k)) throw Error("--" + k + " given twice");
            };
            if (auto eq = key.find('='); eq != std::string::npos) {
                once(key.substr(0, eq));
                values_[key.substr(0, eq)] = key.substr(eq + 1);
            } else if (flags.count(key)) {
                once(key);
                flags_given_.insert(key);
            } else {
                once(key);
                if (i + 1 >= argc) throw Error("option --" + key + " needs a value");
                // "--compressor --text hi" would take "--text" as the compressor: the value was forgotten.
                const std::string next = argv[i + 1];
                if (next.size() > 2 && next.rfind("--", 0) == 0)
                    throw Error("option --" + key + " needs a value, but the next argument is the option " + next +
                                " (write --" + key + "=" + next + " if that is the value)");
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
    if (!plain_integer(it->second) || errno || *end)
        throw Error("--" + name + " expects a decimal integer between " + std::to_string(min) + " and " +
                    std::to_string(max) + ", got '" + it->second + "'");
    if (v < min || v > max)
        throw Error("--" + name + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " +
                    it->second);
    return v;
}

double Args::real(const std::string& name, double fallback, double min, double max) {
    used_.insert(name);
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    char range[96];
    std::snprintf(range, sizeof range, "%g and %g", min, max);
    char* end = nullptr;
    const double v = std::strtod(it->second.c_str(), &end);
    if (!plain_decimal(it->second) || *end || !std::isfinite(v))
        throw Error("--" + name + " expects a decimal number between " + range + ", got '" + it->second + "'");
    if (!(v >= min && v <= max)) throw Error("--" + name + " must be between " + range + ", got " + it->second);
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
