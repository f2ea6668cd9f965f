// The launcher form of data-parallel training: `xcomp train-compressor --nproc N ...` runs N copies of
// this command on this machine as ranks 0..N-1, with the environment torchrun would give them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "xcomp/train/distributed.h"

namespace xcomp::cli {

// Runs `argv` (this executable's full command line without --nproc) as `nproc` processes with RANK,
// LOCAL_RANK, WORLD_SIZE, MASTER_ADDR=127.0.0.1 and a free MASTER_PORT. Returns 0 when every rank
// succeeds; when one fails, stops the others at once and says which rank failed and how. Ctrl-C
// reaches every rank (they stop together and keep a checkpoint); the launcher waits for them.
int launch_ranks(int nproc, const std::vector<std::string>& argv, const std::string& command);

// How this process takes part in a data-parallel command.
struct Ranks {
    std::optional<int> launched;                    // --nproc N > 1: the ranks ran; their exit status
    std::optional<DistributedOptions> distributed;  // the environment form: this process's rank (none: alone)
    std::string device;                             // under ranks, --device cuda means cuda:LOCAL_RANK ("" otherwise)
};

// Reads --nproc and --dist-timeout. Call once every other option of the command is read except
// those named in `read_later` (open_model's --model, --device, --dtype): with --nproc N > 1 this
// command runs again as ranks 0..N-1 and `launched` holds their exit status.
Ranks setup_ranks(Args& a, const std::string& command, const std::string& default_device,
                  const std::vector<std::string>& read_later = {"model", "device", "dtype"});

}  // namespace xcomp::cli
