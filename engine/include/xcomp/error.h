// xcomp/error.h — the one exception type the engine throws for bad input.
#pragma once
#include <stdexcept>
#include <string>

namespace xcomp {

// Every user-facing failure (bad file, bad option, mismatched compressor) is an xcomp::Error whose
// message names the file and field at fault, so the CLI and the GUI can show it as it is.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};

// Not an error to report: the engine's calls return `cancelled = true` when stopped
// (xcomp/run_control.h); a caller may throw this to unwind its own work after such a return.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace xcomp
