// xcomp/train/distributed.h — data-parallel training on c10d, PyTorch's own collectives: N cooperating
// processes (one per GPU, or CPU workers), each computing the gradient of its slice of every global
// batch; the gradients are averaged by all-reduce (Gloo on CPUs, NCCL on GPUs) so every rank
// takes the same optimizer step. Rank 0 alone writes logs, checkpoints and the result. A sharded
// evaluation uses the same group to gather the ranks' examples.
#pragma once
#include <ATen/ATen.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xcomp {

struct DistributedOptions {
    int rank = 0;                           // this process, 0 .. world_size-1 (RANK)
    int world_size = 1;                     // processes in all (WORLD_SIZE)
    int local_rank = 0;                     // this process on its machine: its GPU is cuda:local_rank (LOCAL_RANK)
    std::string master_addr = "127.0.0.1";  // rank 0's host, which serves the rendezvous store (MASTER_ADDR)
    int master_port = 29500;                // the store's TCP port (MASTER_PORT)
    double timeout_s = 600;                 // a collective waiting longer fails: a rank died or hangs (600)
    bool cuda = false;                      // the ranks train on GPUs (cuda:local_rank): NCCL; else Gloo (false)
};

// The standard environment (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT, as torchrun sets
// them); nullopt when WORLD_SIZE is unset. Throws xcomp::Error for inconsistent values.
std::optional<DistributedOptions> distributed_from_env();

// True when this build has a c10d backend: Gloo (Debian's LibTorch with libgloo-dev headers) or NCCL.
bool distributed_available();

// One process's membership of the group. Not thread-safe: the training loop owns it.
class DataParallel {
public:
    // Joins the group; blocks until every rank has joined (or the timeout passes: xcomp::Error).
    explicit DataParallel(const DistributedOptions& options);
    ~DataParallel();
    int rank() const;
    int world_size() const;
    bool is_main() const { return rank() == 0; }

    // Replaces each parameter's .grad() with its mean over the ranks, in flat buckets of about
    // `bucket_bytes` (one all-reduce each). Parameters without a gradient take part with zeros.
    void average_gradients(const std::vector<at::Tensor>& params, int64_t bucket_bytes = 25 << 20);
    // Rank 0's values copied into every rank's tensors (in place): one start for all.
    void broadcast(const std::vector<at::Tensor>& tensors);
    // The sum over the ranks of a few host numbers (losses, elapsed time, a stop request).
    std::vector<double> sum(const std::vector<double>& values);
    // Every rank's bytes, in rank order (a sharded evaluation's examples): no shared filesystem needed.
    std::vector<std::string> all_gather(const std::string& bytes);
    void barrier();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A trainer's group: none without `options` (one process), else joined, after checking that the
// global batch divides among the ranks (each computes its slice of every batch).
std::unique_ptr<DataParallel> join_for_training(const std::optional<DistributedOptions>& options, int global_batch);

}  // namespace xcomp
