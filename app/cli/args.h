// Command-line options: `--key value`, `--flag`, positionals; every option read is marked used so
// that a misspelt option is reported instead of silently ignored.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace xcomp::cli {

class Args {
public:
    Args(int argc, char** argv, int first, const std::set<std::string>& flags);
    bool flag(const std::string& name);  // --name present
    bool has(const std::string& name);
    std::string str(const std::string& name, const std::string& fallback);
    std::string required(const std::string& name);
    long long integer(const std::string& name, long long fallback, long long min, long long max);
    double real(const std::string& name, double fallback, double min, double max);
    std::vector<std::string> list(const std::string& name);  // comma-separated
    const std::vector<std::string>& positional() const { return positional_; }
    void finish() const;  // throws for options nobody read

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_given_;
    std::set<std::string> used_;
    std::vector<std::string> positional_;
};

}  // namespace xcomp::cli
