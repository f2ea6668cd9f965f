#include "interrupt.h"

#include <unistd.h>

#include <csignal>

namespace xcomp::cli {
namespace {

std::atomic<bool> g_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

void on_interrupt(int sig) {
    if (g_flag.exchange(true)) {  // the second signal: the user wants out now
        std::signal(sig, SIG_DFL);
        std::raise(sig);
        return;
    }
    static const char msg[] = "\nxcomp: interrupted: stopping at the next safe point and keeping what is done "
                              "(signal again to quit at once)\n";
    [[maybe_unused]] const ssize_t n = write(STDERR_FILENO, msg, sizeof msg - 1);
}

}  // namespace

const std::atomic<bool>* catch_interrupts() {
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // reads and writes in flight carry on
    for (int sig : {SIGINT, SIGTERM}) sigaction(sig, &sa, nullptr);
    return &g_flag;
}

bool interrupted() { return g_flag.load(); }

}  // namespace xcomp::cli
