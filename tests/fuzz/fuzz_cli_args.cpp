// Fuzzes the CLI option parser (xcomp::cli::Args). The input is split at NUL bytes into argv; the
// harness then reads options the way the commands do. Every refusal must be an xcomp::Error.
// Invariants: an accepted integer or real lies in its range and is what strtoll/strtod make of
// the text; list() items are non-empty and hold no comma.
#include <cmath>
#include <cstdlib>

#include "args.h"
#include "fuzz_util.h"
#include "xcomp/error.h"

using namespace xcomp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> words{"xcomp", "regenerate"};
    std::string cur;
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.push_back(cur);
            cur.clear();
        } else {
            cur += static_cast<char>(data[i]);
        }
    }
    words.push_back(cur);
    std::vector<char*> argv;
    for (std::string& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);

    try {
        cli::Args args(static_cast<int>(words.size()), argv.data(), 2, {"json", "spherical", "no-length-variants"});
        args.flag("json");
        args.flag("spherical");
        const long long m = args.integer("memory-tokens", 4, 1, 64);
        FUZZ_CHECK(m >= 1 && m <= 64);
        if (args.has("memory-tokens")) FUZZ_CHECK(m == std::strtoll(args.str("memory-tokens", "").c_str(), nullptr, 10));
        const long long n = args.integer("max-new-tokens", 0, -5, 1LL << 40);
        FUZZ_CHECK(n >= -5 && n <= (1LL << 40));
        const double alpha = args.real("alpha", 0.5, 0, 1);
        FUZZ_CHECK(alpha >= 0 && alpha <= 1);
        if (args.has("alpha")) FUZZ_CHECK(alpha == std::strtod(args.str("alpha", "").c_str(), nullptr));
        const double t = args.real("temperature", 1, -1e300, 1e300);
        FUZZ_CHECK(std::isfinite(t));
        for (const std::string& item : args.list("compressor")) FUZZ_CHECK(!item.empty() && item.find(',') == std::string::npos);
        args.str("device", "cpu");
        (void)args.positional();
        args.finish();
    } catch (const Error&) {
    }
    return 0;
}
