#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a working xcomp:
#   scripts/setup.sh          install what is missing, build (Release), open the workbench on the bundled model
#   scripts/setup.sh --test   the same set-up, then run the whole test suite (what CI runs)
# BUILD_DIR (default build) and JOBS (default: all cores) can be set in the environment.
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
else
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "[xcomp] no display found: starting the workbench under Xvfb (xvfb-run)" >&2
    exec xvfb-run -a "$build/app/workbench/xcomp-workbench"
  fi
  exec "$build/app/workbench/xcomp-workbench"
fi
