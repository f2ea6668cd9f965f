// xcomp/train/distributed.h — data-parallel training on c10d, PyTorch's own collectives: N cooperating
// processes (one per GPU, or CPU workers), each computing the gradient of its slice of every global
// batch; the gradients are averaged by all-reduce (Gloo on CPUs, NCCL on GPUs) so every rank
// takes the same optimizer step. Rank 0 alone writes logs, checkpoints and the result. A sharded
// evaluation uses the same group to gather the ranks' examples.
#pragma once
#include <ATen/ATen.h>

#include <functional>
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
    int64_t bucket_bytes = 25 << 20;        // gradients per all-reduce, as DDP's bucket_cap_mb (25 MiB; XCOMP_DP_BUCKET_BYTES)
    bool overlap = true;                    // all-reduce buckets during the backward pass (true; XCOMP_DP_OVERLAP=0: after it)
};

// The standard environment (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT, as torchrun sets
// them, and this project's XCOMP_DP_BUCKET_BYTES, XCOMP_DP_OVERLAP); nullopt when WORLD_SIZE is unset.
// Throws xcomp::Error for inconsistent values.
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
    const DistributedOptions& options() const;

    // Replaces each parameter's .grad() with its mean over the ranks, in flat buckets of about
    // `bucket_bytes` (one all-reduce each). Parameters without a gradient take part with zeros.
    void average_gradients(const std::vector<at::Tensor>& params, int64_t bucket_bytes = 25 << 20);

    // The same mean, overlapped with the backward pass (what DDP's reducer does): the first call hooks
    // `params` (the same list every time); the next backward pass then starts each bucket's all-reduce
    // as soon as its parameters' gradients are computed, buckets in a fixed order (every rank issues
    // the same collectives in the same order), the last parameters first, as backward reaches them.
    // Call it just before the last micro-batch's backward (earlier ones accumulate locally), then
    // finish_gradients() after it: it waits for the buckets and writes the means into .grad.
    void reduce_during_backward(const std::vector<at::Tensor>& params, int64_t bucket_bytes = 25 << 20);
    void finish_gradients();
    // Buckets whose all-reduce the last backward pass started before it ended (0 without overlap).
    int buckets_started_in_backward() const;
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

// A trainer's step over its micro-batches, with the group's gradient mean overlapped or after the
// backward pass as options.overlap says: backward(a) runs micro-batch a's forward and backward.
// Returns the seconds spent after the last backward pass waiting for the mean (0 without a group).
double accumulate_and_average(DataParallel* dp, const std::vector<at::Tensor>& params, int micro_batches,
                            const std::function<void(int)>& backward);

}  // namespace xcomp
