#include "xcomp/runtime.h"

#include <ATen/Parallel.h>
#include <ATen/Context.h>
#include <dlfcn.h>
#include <torch/version.h>

#include <cstdlib>
#include <filesystem>

namespace xcomp {

void init_runtime(int threads) {
    using SetThreads = void (*)(int);
    if (auto* set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(1);
    if (threads > 0) at::set_num_threads(threads);
}

std::string default_model_dir() {
    if (const char* env = std::getenv("XCOMP_MODEL_DIR"); env && *env) return env;
    namespace fs = std::filesystem;
    if (fs::exists(fs::path(XCOMP_INSTALL_MODEL_DIR) / "config.json")) return XCOMP_INSTALL_MODEL_DIR;
    return XCOMP_SOURCE_MODEL_DIR;
}

bool cuda_available() { return at::hasCUDA(); }

std::string torch_version() { return TORCH_VERSION; }

}  // namespace xcomp
