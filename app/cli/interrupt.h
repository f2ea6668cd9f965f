// SIGINT/SIGTERM as a cancel flag for the long commands (train-*, eval): the first signal asks the
// engine to stop at its next safe point and keep what is done; a second one quits at once.
#pragma once
#include <atomic>

namespace xcomp::cli {

// Installs the handlers (idempotent) and returns the flag they set. Only commands that pass the
// flag to the engine call this: elsewhere Ctrl-C keeps its default meaning.
const std::atomic<bool>* catch_interrupts();

bool interrupted();

// Exit status of a command stopped by a signal, as a shell reports it (128 + SIGINT).
constexpr int kInterruptedExit = 130;

}  // namespace xcomp::cli
