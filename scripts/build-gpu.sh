#!/usr/bin/env bash
# Builds the engine and the CLI (no Qt GUI) against the LibTorch inside an installed PyTorch, for a
# CUDA machine without Qt or apt access (the project's training machine).
#   scripts/build-gpu.sh [BUILD_DIR [TARGET...]]
# Optional inputs, e.g. carried from a Debian machine:
#   XCOMP_SPM_SOURCE=DIR   sentencepiece source package (.dsc + tarballs) when apt can't fetch it
#   XCOMP_QT_DEBS=DIR      Debian .debs of QtCore/QtTest: unpacked locally so the test suites build
#   XCOMP_EXTRA_INCLUDE=DIR a folder holding nlohmann/json.hpp when the system has none
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-gpu}; shift || true
deps="${XCOMP_DEPS_PREFIX:-/tmp/xcomp-deps}"
"$here/scripts/build-sentencepiece.sh" "$deps" --builtin-protobuf
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
prefix_path="$torch_prefix"
tests=OFF
if [ -n "${XCOMP_QT_DEBS:-}" ]; then
  qt=/tmp/xcomp-qt
  for d in "$XCOMP_QT_DEBS"/*.deb; do dpkg -x "$d" "$qt"; done
  prefix_path="$prefix_path;$qt/usr/lib/x86_64-linux-gnu/cmake"
  export LD_LIBRARY_PATH="$qt/usr/lib/x86_64-linux-gnu:${LD_LIBRARY_PATH:-}"
  tests=ON
fi
extra=()
[ -n "${XCOMP_EXTRA_INCLUDE:-}" ] && extra+=(-DXCOMP_NLOHMANN_INCLUDE="$XCOMP_EXTRA_INCLUDE")
# XCOMP_NCCL=1: data parallelism over GPUs on c10d NCCL (nccl.h from the nvidia-nccl wheel beside PyTorch).
if [ "${XCOMP_NCCL:-0}" = 1 ]; then
  nccl_hint=$(python3 -c 'import nvidia.nccl, os; print(os.path.dirname(nvidia.nccl.__file__) if nvidia.nccl.__file__ else list(nvidia.nccl.__path__)[0])' 2>/dev/null || true)
  extra+=(-DXCOMP_WITH_NCCL=ON -DXCOMP_NCCL_HINT="$nccl_hint")
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DXCOMP_WITH_QT=OFF -DXCOMP_WITH_GLOO=OFF -DXCOMP_BUILD_TESTS=$tests \
  -DXCOMP_SPM_BUILTIN_PROTOBUF=ON -DXCOMP_DEPS_PREFIX="$deps" -DCMAKE_PREFIX_PATH="$prefix_path" \
  -DCMAKE_CUDA_ARCHITECTURES=90 "${extra[@]}"
targets=(); for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build" -j"$(nproc)" "${targets[@]}"
