// xcomp/runtime.h — process-wide set-up shared by the CLI, the workbench and the tests.
#pragma once
#include <string>

namespace xcomp {

// Sets LibTorch's intra-op threads (0: leave its default) and pins OpenBLAS to one thread, which
// otherwise fights LibTorch's OpenMP pool on Debian's build (docs/ARCHITECTURE.md, "Build notes").
void init_runtime(int threads = 0);

// The bundled default model folder: $XCOMP_MODEL_DIR, else the installed copy, else the source tree's.
std::string default_model_dir();

bool cuda_available();
std::string torch_version();

}  // namespace xcomp
