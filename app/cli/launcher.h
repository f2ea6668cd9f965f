// The launcher form of data-parallel training: `xcomp train-compressor --nproc N ...` runs N copies of
// this command on this machine as ranks 0..N-1, with the environment torchrun would give them.
#pragma once
#include <string>
#include <vector>

namespace xcomp::cli {

// Runs `argv` (this executable's full command line without --nproc) as `nproc` processes with RANK,
// LOCAL_RANK, WORLD_SIZE, MASTER_ADDR=127.0.0.1 and a free MASTER_PORT. Returns 0 when every rank
// succeeds; when one fails, stops the others at once and says which rank failed and how. Ctrl-C
// reaches every rank (they stop together and keep a checkpoint); the launcher waits for them.
int launch_ranks(int nproc, const std::vector<std::string>& argv, const std::string& command);

}  // namespace xcomp::cli
