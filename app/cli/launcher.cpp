// Spawns and watches the ranks of a data-parallel run (the launcher form; torchrun is the other).
#include "launcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <thread>

#include "commands.h"
#include "xcomp/error.h"

namespace xcomp::cli {

namespace {

// A TCP port that is free now on 127.0.0.1 (the kernel's pick); rank 0's store binds it next.
int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) throw Error("--nproc: cannot open a socket to find a free port");
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    const bool ok = ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
                    ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0;
    ::close(s);
    if (!ok) throw Error("--nproc: cannot find a free port on 127.0.0.1");
    return ntohs(a.sin_port);
}

std::string describe(int status) {
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("was killed by signal ") + std::to_string(WTERMSIG(status)) + " (" +
                                    strsignal(WTERMSIG(status)) + ")";
    return "stopped";
}

}  // namespace

int launch_ranks(int nproc, const std::vector<std::string>& argv, const std::string& command) {
    if (nproc < 1) throw Error("--nproc must be at least 1");
    const std::string port = std::to_string(free_port());
    // The ranks take Ctrl-C themselves (they agree to stop at the same step); the launcher waits.
    struct sigaction ignore {}, old_int {}, old_term {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGTERM, &ignore, &old_term);
    std::vector<pid_t> pids(nproc, -1);
    for (int r = 0; r < nproc; ++r) {
        const pid_t pid = ::fork();
        if (pid < 0) throw Error("--nproc: cannot start rank " + std::to_string(r));
        if (pid == 0) {
            signal(SIGINT, SIG_DFL);
            signal(SIGTERM, SIG_DFL);
            setenv("RANK", std::to_string(r).c_str(), 1);
            setenv("LOCAL_RANK", std::to_string(r).c_str(), 1);
            setenv("WORLD_SIZE", std::to_string(nproc).c_str(), 1);
            setenv("MASTER_ADDR", "127.0.0.1", 1);
            setenv("MASTER_PORT", port.c_str(), 1);
            // N ranks share this machine's cores (as torchrun does); --threads still decides.
            if (!std::getenv("OMP_NUM_THREADS"))
                setenv("OMP_NUM_THREADS", std::to_string(std::max(1u, std::thread::hardware_concurrency() / nproc)).c_str(), 1);
            std::vector<char*> args;
            for (const std::string& s : argv) args.push_back(const_cast<char*>(s.c_str()));
            args.push_back(nullptr);
            ::execv("/proc/self/exe", args.data());
            std::fprintf(stderr, "xcomp %s: rank %d: cannot run /proc/self/exe: %s\n", command.c_str(), r, std::strerror(errno));
            _exit(127);
        }
        pids[r] = pid;
        std::fprintf(stderr, "xcomp %s: rank %d of %d is pid %d (port %s)\n", command.c_str(), r, nproc, static_cast<int>(pid),
                     port.c_str());
    }
    int result = 0, running = nproc;
    bool stopping = false, killed = false;
    auto deadline = std::chrono::steady_clock::now();
    while (running > 0) {
        int status = 0;
        // Blocking until a rank ends; once stopping, polling, so that ranks stuck in a collective
        // get SIGKILL after 10 s (an unreaped rank keeps its pid, so the kill cannot hit another process).
        const pid_t pid = ::waitpid(-1, &status, stopping ? WNOHANG : 0);
        if (pid == 0) {
            if (!killed && std::chrono::steady_clock::now() > deadline) {
                for (pid_t p : pids)
                    if (p > 0) ::kill(p, SIGKILL);
                killed = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
        }
        if (pid < 0) {
            if (errno == EINTR) continue;
            break;
        }
        int r = 0;
        while (r < nproc && pids[r] != pid) ++r;
        if (r == nproc) continue;
        pids[r] = -1;
        --running;
        const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        const bool interrupted = WIFEXITED(status) && WEXITSTATUS(status) == 130;
        if (ok) continue;
        if (interrupted && !stopping) {
            result = 130;
            continue;
        }
        if (!stopping) {
            // One rank gone means the others would wait on it until their collectives time out.
            std::fprintf(stderr, "xcomp %s: rank %d %s; stopping the other ranks\n", command.c_str(), r, describe(status).c_str());
            stopping = true;
            result = 1;
            deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            for (pid_t p : pids)
                if (p > 0) ::kill(p, SIGTERM);
        }
    }
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGTERM, &old_term, nullptr);
    return result;
}

Ranks setup_ranks(Args& a, const std::string& command, const std::string& default_device,
                  const std::vector<std::string>& read_later) {
    Ranks r;
    const int nproc = static_cast<int>(a.integer("nproc", 1, 1, 4096));
    const double timeout = a.real("dist-timeout", 600, 1, 86400);
    if (nproc > 1) {  // the launcher form: this command again as ranks 0..nproc-1
        for (const std::string& k : read_later) a.str(k, "");
        a.finish();
        std::vector<std::string> argv;
        const std::vector<std::string>& all = command_line();
        for (size_t i = 0; i < all.size(); ++i) {
            if (all[i] == "--nproc") {
                ++i;
                continue;
            }
            if (all[i].rfind("--nproc=", 0) == 0) continue;
            argv.push_back(all[i]);
        }
        r.launched = launch_ranks(nproc, argv, command);
        return r;
    }
    r.distributed = distributed_from_env();  // the environment form (torchrun, a cluster's launcher)
    if (r.distributed) {
        r.distributed->timeout_s = timeout;
        // One GPU per rank, NCCL between them.
        if (a.str("device", default_device).rfind("cuda", 0) == 0) {
            r.device = "cuda:" + std::to_string(r.distributed->local_rank);
            r.distributed->cuda = true;
        }
    }
    return r;
}

}  // namespace xcomp::cli
