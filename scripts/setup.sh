#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a working xcomp:
#   scripts/setup.sh          install what is missing, build (Release), open the workbench on the bundled model
#   scripts/setup.sh --test   the same set-up, then run the whole test suite and a short fuzz run of
#                             every harness (what CI runs)
# BUILD_DIR (default build) and JOBS (default: all cores) can be set in the environment; so can
# FUZZ_SECONDS (default 60): --test's fuzz run, seconds per harness, 0 to skip it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:---run}
case "$mode" in --run|--test) ;; *) echo "usage: scripts/setup.sh [--test]" >&2; exit 2;; esac
build=${BUILD_DIR:-$here/build}
jobs=${JOBS:-$(nproc)}

"$here/scripts/install-deps.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j"$jobs"

if [ "$mode" = --test ]; then
  cd "$build"
  QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$jobs" --timeout 1200
  # Every libFuzzer harness for FUZZ_SECONDS, as many at a time as there are jobs, in a clang build
  # of its own (docs/RELIABILITY.md, "Fuzzing"). A crash, leak, timeout or failed invariant fails
  # the run; the log and the input are in build-fuzz/fuzz-logs and build-fuzz/fuzz-artifacts.
  fuzz_seconds=${FUZZ_SECONDS:-60}
  if [ "$fuzz_seconds" -gt 0 ]; then
    BUILD_DIR="$here/build-fuzz" JOBS="$jobs" PARALLEL="$jobs" "$here/tests/fuzz/run.sh" "$fuzz_seconds"
  fi
else
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "[xcomp] no display found: starting the workbench under Xvfb (xvfb-run)" >&2
    exec xvfb-run -a "$build/app/workbench/xcomp-workbench"
  fi
  exec "$build/app/workbench/xcomp-workbench"
fi
