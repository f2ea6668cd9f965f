#!/usr/bin/env bash
# The whole ctest suite under sanitizers (docs/RELIABILITY.md):
#   tests/sanitizers/run.sh [SANITIZERS] [BUILD_DIR] [ctest options...]
# SANITIZERS defaults to address,undefined (gcc or clang); BUILD_DIR to build-asan. Every target is
# built with -DXCOMP_SANITIZE=SANITIZERS (RelWithDebInfo); a report fails the test that made it.
# TARGETS (environment) builds only those targets, e.g. ThreadSanitizer on the engine worker tests:
#   TARGETS=tst_enginejobs tests/sanitizers/run.sh thread build-tsan -R tst_enginejobs
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
san=${1:-address,undefined}
build=${2:-$here/build-asan}
shift $(( $# < 2 ? $# : 2 ))
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXCOMP_SANITIZE="$san" >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}" ${TARGETS:+--target $TARGETS}
# LibTorch, OpenBLAS and Qt are not instrumented; what they allocate for the life of the process
# is not ours to free (lsan.supp). Every report of our code stops the process with an error.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# ThreadSanitizer: every report is printed, and any report fails the test (exit status 66);
# LibTorch, OpenBLAS, libgomp, glib and Qt are not instrumented: their own calls are not checked
# (ignore_noninstrumented_modules), and tsan.supp lists what is not ours.
export TSAN_OPTIONS="halt_on_error=0:exitcode=66:second_deadlock_stack=1:ignore_noninstrumented_modules=1:suppressions=$here/tests/sanitizers/tsan.supp"
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"${JOBS:-$(nproc)}" --timeout 3600 "$@"
