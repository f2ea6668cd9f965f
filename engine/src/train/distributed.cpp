// Data parallelism on c10d (Gloo on the CPU, NCCL on GPUs): a TCP store for the rendezvous, flat gradient buckets.
#include "xcomp/train/distributed.h"

#include <ATen/core/grad_mode.h>
#include <algorithm>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>

#include "xcomp/error.h"

#if defined(XCOMP_HAVE_GLOO)
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#if defined(XCOMP_HAVE_NCCL)
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#if defined(XCOMP_HAVE_GLOO) || defined(XCOMP_HAVE_NCCL)
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

namespace xcomp {

namespace {

int env_int(const char* name, int fallback, int lo, int hi) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long x = std::strtol(v, &end, 10);
    if (*end || x < lo || x > hi)
        throw Error(std::string(name) + " must be an integer between " + std::to_string(lo) + " and " + std::to_string(hi) +
                    ", got '" + v + "'");
    return static_cast<int>(x);
}

}  // namespace

std::optional<DistributedOptions> distributed_from_env() {
    const char* ws = std::getenv("WORLD_SIZE");
    if (!ws || !*ws) return std::nullopt;
    DistributedOptions o;
    o.world_size = env_int("WORLD_SIZE", 1, 1, 65536);
    o.rank = env_int("RANK", -1, 0, o.world_size - 1);
    if (o.rank < 0) throw Error("WORLD_SIZE is set but RANK is not (set both, as torchrun does)");
    o.local_rank = env_int("LOCAL_RANK", o.rank, 0, 65535);
    if (const char* a = std::getenv("MASTER_ADDR"); a && *a) o.master_addr = a;
    o.master_port = env_int("MASTER_PORT", o.master_port, 1, 65535);
    o.bucket_bytes = env_int("XCOMP_DP_BUCKET_BYTES", static_cast<int>(o.bucket_bytes), 1024, 1 << 30);
    o.overlap = env_int("XCOMP_DP_OVERLAP", 1, 0, 1) == 1;
    return o;
}

#if defined(XCOMP_HAVE_GLOO) || defined(XCOMP_HAVE_NCCL)

bool distributed_available() { return true; }

namespace {

// The few collectives the trainers and the sharded evaluation use, over Gloo (CPU tensors) or NCCL
// (tensors on this rank's GPU): one interface, because LibTorch 1.13's Gloo class is a ProcessGroup
// and 2.x's classes are Backends, with the same calls.
struct Collectives {
    virtual ~Collectives() = default;
    virtual c10::intrusive_ptr<c10d::Work> allreduce(std::vector<at::Tensor>& t) = 0;
    virtual c10::intrusive_ptr<c10d::Work> broadcast(std::vector<at::Tensor>& t) = 0;
    virtual c10::intrusive_ptr<c10d::Work> allgather(std::vector<std::vector<at::Tensor>>& out, std::vector<at::Tensor>& in) = 0;
    virtual c10::intrusive_ptr<c10d::Work> barrier() = 0;
};

template <typename PG>
struct CollectivesOf final : Collectives {
    c10::intrusive_ptr<PG> pg;
    c10d::BarrierOptions barrier_options;
    explicit CollectivesOf(c10::intrusive_ptr<PG> p) : pg(std::move(p)) {}
    c10::intrusive_ptr<c10d::Work> allreduce(std::vector<at::Tensor>& t) override { return pg->allreduce(t); }
    c10::intrusive_ptr<c10d::Work> broadcast(std::vector<at::Tensor>& t) override { return pg->broadcast(t); }
    c10::intrusive_ptr<c10d::Work> allgather(std::vector<std::vector<at::Tensor>>& out, std::vector<at::Tensor>& in) override {
        return pg->allgather(out, in);
    }
    c10::intrusive_ptr<c10d::Work> barrier() override { return pg->barrier(barrier_options); }
};

}  // namespace

struct DataParallel::Impl {
    DistributedOptions o;
    at::Device device = at::kCPU;  // where the collectives' tensors live
    c10::intrusive_ptr<c10d::Store> store;
    std::unique_ptr<Collectives> pg;

    // The overlapped mean: parameters in buckets, each a flat buffer that is all-reduced once every
    // one of its parameters has its gradient for this step.
    struct Bucket {
        std::vector<int> params;            // indices into `hooked`
        std::vector<at::Tensor> flat;       // one tensor [sum of numels], what the all-reduce takes
        int pending = 0;                    // parameters still without their gradient this step
        c10::intrusive_ptr<c10d::Work> work;
    };
    std::vector<at::Tensor> hooked;         // the parameters, as passed
    std::vector<unsigned> hook_handles;
    std::vector<int> bucket_of;             // per parameter
    std::vector<int64_t> offset_of;         // per parameter, in its bucket's flat buffer
    std::vector<char> ready;                // per parameter: its gradient is in the buffer
    std::vector<Bucket> buckets;
    int next_launch = 0;                    // buckets start in index order on every rank
    int launched_in_backward = 0;
    bool armed = false;
    std::exception_ptr hook_error;          // thrown by finish_gradients(), not inside autograd
    std::mutex mu;                          // CUDA backward runs hooks on the device's autograd thread

    void launch_ready_buckets() {
        while (next_launch < static_cast<int>(buckets.size()) && buckets[next_launch].pending == 0) {
            Bucket& b = buckets[next_launch++];
            b.work = pg->allreduce(b.flat);
        }
    }

    // Autograd hands parameter i's gradient of this backward pass, before adding it to .grad.
    void on_gradient(int i, const at::Tensor& g) {
        std::lock_guard<std::mutex> lock(mu);
        if (!armed || ready[i] || hook_error) return;
        try {
            at::NoGradGuard ng;
            const at::Tensor& p = hooked[i];
            Bucket& b = buckets[bucket_of[i]];
            at::Tensor slot = b.flat[0].narrow(0, offset_of[i], p.numel());
            // .grad will hold the earlier micro-batches' sum plus g: that sum is what is averaged.
            if (p.grad().defined()) at::add_out(slot, p.grad().reshape({-1}), g.reshape({-1}));
            else slot.copy_(g.reshape({-1}));
            ready[i] = 1;
            if (--b.pending == 0) {
                const int before = next_launch;
                launch_ready_buckets();
                launched_in_backward += next_launch - before;
            }
        } catch (...) {
            hook_error = std::current_exception();
        }
    }

    void wait(c10d::Work& work, const char* what) {
        try {
            work.wait(std::chrono::milliseconds(static_cast<int64_t>(o.timeout_s * 1000)));
        } catch (const std::exception& e) {
            fail(what, e);
        }
    }

    // Runs a collective and names this rank in any failure: a peer that died shows up here.
    template <typename F>
    void run(const char* what, F&& f) {
        c10::intrusive_ptr<c10d::Work> work;
        try {
            work = f();
        } catch (const std::exception& e) {
            fail(what, e);
        }
        wait(*work, what);
    }

    [[noreturn]] void fail(const char* what, const std::exception& e) const {
        throw Error("data parallel: rank " + std::to_string(o.rank) + " of " + std::to_string(o.world_size) + ": " + what +
                    " failed (did another rank stop?): " + e.what());
    }
};

DataParallel::DataParallel(const DistributedOptions& o) : impl_(new Impl) {
    Impl& I = *impl_;
    I.o = o;
    if (o.world_size < 1 || o.rank < 0 || o.rank >= o.world_size)
        throw Error("data parallel: rank " + std::to_string(o.rank) + " is not in 0 .. " + std::to_string(o.world_size - 1));
    const auto timeout = std::chrono::milliseconds(static_cast<int64_t>(o.timeout_s * 1000));
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(o.master_port);
        so.isServer = o.rank == 0;
        so.numWorkers = static_cast<std::size_t>(o.world_size);
        so.waitWorkers = true;
        so.timeout = timeout;
        I.store = c10::make_intrusive<c10d::TCPStore>(o.master_addr, so);
        if (o.cuda) {
#if defined(XCOMP_HAVE_NCCL)
            I.device = at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(o.local_rank));
            auto opts = c10d::ProcessGroupNCCL::Options::create();
            opts->timeout = timeout;
            auto nccl = std::make_unique<CollectivesOf<c10d::ProcessGroupNCCL>>(
                c10::make_intrusive<c10d::ProcessGroupNCCL>(I.store, o.rank, o.world_size, opts));
            nccl->barrier_options.device_ids = {o.local_rank};
            I.pg = std::move(nccl);
#else
            throw Error("this build has no NCCL backend (build with -DXCOMP_WITH_NCCL=ON against a CUDA LibTorch)");
#endif
        } else {
#if defined(XCOMP_HAVE_GLOO)
            auto opts = c10d::ProcessGroupGloo::Options::create(timeout);
            const bool local = o.master_addr == "127.0.0.1" || o.master_addr == "localhost";
            opts->devices.push_back(local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                          : c10d::ProcessGroupGloo::createDefaultDevice());
            I.pg = std::make_unique<CollectivesOf<c10d::ProcessGroupGloo>>(
                c10::make_intrusive<c10d::ProcessGroupGloo>(I.store, o.rank, o.world_size, opts));
#else
            throw Error("this build has no c10d Gloo backend for CPU ranks (install libgloo-dev and rebuild)");
#endif
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error("data parallel: rank " + std::to_string(o.rank) + " could not join the group at " + o.master_addr + ":" +
                    std::to_string(o.master_port) + ": " + e.what());
    }
}

DataParallel::~DataParallel() {
    for (size_t i = 0; i < impl_->hook_handles.size(); ++i) impl_->hooked[i].remove_hook(impl_->hook_handles[i]);
}
int DataParallel::rank() const { return impl_->o.rank; }
int DataParallel::world_size() const { return impl_->o.world_size; }
const DistributedOptions& DataParallel::options() const { return impl_->o; }

void DataParallel::reduce_during_backward(const std::vector<at::Tensor>& params, int64_t bucket_bytes) {
    Impl& I = *impl_;
    std::lock_guard<std::mutex> lock(I.mu);
    if (I.hooked.empty()) {
        I.hooked = params;
        const int n = static_cast<int>(params.size());
        I.bucket_of.assign(n, -1);
        I.offset_of.assign(n, 0);
        // Backward reaches the last parameters first: bucket 0 takes them, so it fills first.
        int64_t bytes = bucket_bytes;
        for (int i = n - 1; i >= 0; --i) {
            const at::Tensor& p = params[i];
            if (!p.requires_grad()) throw Error("data parallel: parameter " + std::to_string(i) + " does not require grad");
            const bool fits = !I.buckets.empty() && bytes < bucket_bytes &&
                              I.buckets.back().flat[0].scalar_type() == p.scalar_type() &&
                              I.buckets.back().flat[0].device() == p.device();
            if (!fits) {
                I.buckets.emplace_back();
                I.buckets.back().flat = {at::empty({0}, p.options().requires_grad(false))};
                bytes = 0;
            }
            Impl::Bucket& b = I.buckets.back();
            I.bucket_of[i] = static_cast<int>(I.buckets.size()) - 1;
            I.offset_of[i] = b.flat[0].numel();
            b.params.push_back(i);
            b.flat[0] = at::empty({b.flat[0].numel() + p.numel()}, b.flat[0].options());
            bytes += p.numel() * static_cast<int64_t>(p.element_size());
        }
        for (int i = 0; i < n; ++i)
            I.hook_handles.push_back(params[i].register_hook([impl = &I, i](const at::Tensor& g) { impl->on_gradient(i, g); }));
    } else if (params.size() != I.hooked.size() ||
               !std::equal(params.begin(), params.end(), I.hooked.begin(),
                           [](const at::Tensor& a, const at::Tensor& b) { return a.is_same(b); })) {
        throw Error("data parallel: reduce_during_backward was given other parameters than the first time");
    }
    I.ready.assign(I.hooked.size(), 0);
    for (Impl::Bucket& b : I.buckets) {
        b.pending = static_cast<int>(b.params.size());
        b.work.reset();
    }
    I.next_launch = 0;
    I.launched_in_backward = 0;
    I.hook_error = nullptr;
    I.armed = true;
}

void DataParallel::finish_gradients() {
    Impl& I = *impl_;
    std::unique_lock<std::mutex> lock(I.mu);
    if (!I.armed) throw Error("data parallel: finish_gradients() without reduce_during_backward()");
    I.armed = false;
    if (I.hook_error) std::rethrow_exception(I.hook_error);
    at::NoGradGuard ng;
    // Parameters that this backward pass did not reach take part with what .grad holds (or zeros).
    for (size_t i = 0; i < I.hooked.size(); ++i) {
        if (I.ready[i]) continue;
        const at::Tensor& p = I.hooked[i];
        Impl::Bucket& b = I.buckets[I.bucket_of[i]];
        at::Tensor slot = b.flat[0].narrow(0, I.offset_of[i], p.numel());
        if (p.grad().defined()) slot.copy_(p.grad().reshape({-1}));
        else slot.zero_();
        I.ready[i] = 1;
        --b.pending;
    }
    try {
        I.launch_ready_buckets();
    } catch (const std::exception& e) {
        I.fail("all-reduce of the gradients", e);
    }
    const double scale = 1.0 / static_cast<double>(world_size());
    for (Impl::Bucket& b : I.buckets) {
        I.wait(*b.work, "all-reduce of the gradients");
        b.flat[0].mul_(scale);
        for (int i : b.params) {
            at::Tensor& p = I.hooked[i];
            const at::Tensor mean = b.flat[0].narrow(0, I.offset_of[i], p.numel()).view_as(p);
            if (p.grad().defined()) p.mutable_grad().copy_(mean);
            else p.mutable_grad() = mean.clone();
        }
    }
}

int DataParallel::buckets_started_in_backward() const { return impl_->launched_in_backward; }

void DataParallel::average_gradients(const std::vector<at::Tensor>& params, int64_t bucket_bytes) {
    at::NoGradGuard ng;
    const double scale = 1.0 / static_cast<double>(world_size());
    std::vector<at::Tensor> bucket;
    int64_t bytes = 0;
    auto flush = [&] {
        if (bucket.empty()) return;
        std::vector<at::Tensor> grads;
        for (const at::Tensor& p : bucket) grads.push_back(p.grad().reshape({-1}));
        std::vector<at::Tensor> flat{at::cat(grads)};  // [sum of numels]
        impl_->run("all-reduce of the gradients", [&] { return impl_->pg->allreduce(flat); });
        flat[0].mul_(scale);
        int64_t at_ = 0;
        for (const at::Tensor& p : bucket) {
            const int64_t n = p.numel();
            p.mutable_grad().copy_(flat[0].narrow(0, at_, n).view_as(p));
            at_ += n;
        }
        bucket.clear();
        bytes = 0;
    };
    for (const at::Tensor& p : params) {
        if (!p.grad().defined()) const_cast<at::Tensor&>(p).mutable_grad() = at::zeros_like(p);
        bucket.push_back(p);
        bytes += p.numel() * static_cast<int64_t>(p.element_size());
        if (bytes >= bucket_bytes) flush();
    }
    flush();
}

void DataParallel::broadcast(const std::vector<at::Tensor>& tensors) {
    at::NoGradGuard ng;
    for (const at::Tensor& t : tensors) {
        std::vector<at::Tensor> one{t.detach()};
        impl_->run("broadcast of the weights", [&] { return impl_->pg->broadcast(one); });
    }
}

std::vector<double> DataParallel::sum(const std::vector<double>& values) {
    std::vector<at::Tensor> t{at::tensor(values, at::kDouble).to(impl_->device)};
    impl_->run("all-reduce of the step's numbers", [&] { return impl_->pg->allreduce(t); });
    const at::Tensor r = t[0].cpu().contiguous();
    return std::vector<double>(r.data_ptr<double>(), r.data_ptr<double>() + r.numel());
}

std::vector<std::string> DataParallel::all_gather(const std::string& bytes) {
    const int w = world_size();
    const at::Device dev = impl_->device;
    // Collectives gather equal shapes: the lengths first, then every rank's bytes padded to the longest.
    std::vector<at::Tensor> len{at::full({1}, static_cast<int64_t>(bytes.size()), at::kLong).to(dev)};
    std::vector<std::vector<at::Tensor>> lens(1);
    for (int r = 0; r < w; ++r) lens[0].push_back(at::empty({1}, at::TensorOptions().dtype(at::kLong).device(dev)));
    impl_->run("all-gather of the lengths", [&] { return impl_->pg->allgather(lens, len); });
    std::vector<int64_t> n(w);
    int64_t longest = 1;
    for (int r = 0; r < w; ++r) longest = std::max(longest, n[r] = lens[0][r].item<int64_t>());
    at::Tensor host = at::zeros({longest}, at::kByte);
    std::memcpy(host.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    std::vector<at::Tensor> mine{host.to(dev)};
    std::vector<std::vector<at::Tensor>> all(1);
    for (int r = 0; r < w; ++r) all[0].push_back(at::empty({longest}, at::TensorOptions().dtype(at::kByte).device(dev)));
    impl_->run("all-gather of the results", [&] { return impl_->pg->allgather(all, mine); });
    std::vector<std::string> out;
    for (int r = 0; r < w; ++r) {
        const at::Tensor got = all[0][r].cpu();
        out.emplace_back(reinterpret_cast<const char*>(got.data_ptr<uint8_t>()), static_cast<size_t>(n[r]));
    }
    return out;
}

void DataParallel::barrier() {
    impl_->run("barrier", [&] { return impl_->pg->barrier(); });
}

#else

bool distributed_available() { return false; }

struct DataParallel::Impl {
    DistributedOptions o;
};

DataParallel::DataParallel(const DistributedOptions& o) : impl_(new Impl{o}) {
    throw Error("this build has no c10d backend (Gloo: install libgloo-dev and rebuild; NCCL: -DXCOMP_WITH_NCCL=ON on a CUDA "
                "LibTorch) for data-parallel training");
}
DataParallel::~DataParallel() = default;
int DataParallel::rank() const { return impl_->o.rank; }
int DataParallel::world_size() const { return impl_->o.world_size; }
void DataParallel::average_gradients(const std::vector<at::Tensor>&, int64_t) {}
void DataParallel::reduce_during_backward(const std::vector<at::Tensor>&, int64_t) {}
void DataParallel::finish_gradients() {}
int DataParallel::buckets_started_in_backward() const { return 0; }
const DistributedOptions& DataParallel::options() const { return impl_->o; }
void DataParallel::broadcast(const std::vector<at::Tensor>&) {}
std::vector<double> DataParallel::sum(const std::vector<double>& v) { return v; }
std::vector<std::string> DataParallel::all_gather(const std::string& bytes) { return {bytes}; }
void DataParallel::barrier() {}

#endif

std::unique_ptr<DataParallel> join_for_training(const std::optional<DistributedOptions>& o, int global_batch) {
    if (!o) return nullptr;  // any world size joins: a group of one measures the collectives' cost
    if (global_batch % o->world_size != 0)
        throw Error("the global batch (" + std::to_string(global_batch) + ") must be a multiple of the " +
                    std::to_string(o->world_size) + " ranks");
    return std::make_unique<DataParallel>(*o);
}

double accumulate_and_average(DataParallel* dp, const std::vector<at::Tensor>& params, int micro_batches,
                              const std::function<void(int)>& backward) {
    const bool overlap = dp && dp->options().overlap;
    for (int a = 0; a < micro_batches; ++a) {
        if (overlap && a + 1 == micro_batches) dp->reduce_during_backward(params, dp->options().bucket_bytes);
        backward(a);
    }
    if (!dp) return 0;
    const auto t0 = std::chrono::steady_clock::now();
    if (overlap) dp->finish_gradients();
    else dp->average_gradients(params, dp->options().bucket_bytes);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace xcomp
