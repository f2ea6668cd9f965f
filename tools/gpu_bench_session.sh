#!/usr/bin/env bash
# The GPU half of docs/PERFORMANCE.md in one session: build the CLI and the engine suites against the
# machine's LibTorch, run the engine suites on CUDA, then `xcomp bench --section gpu` and, on the same
# GPU right after, its transformers + peft peer (tools/bench_peer.py).
#   XCOMP_SPM_SOURCE=DIR XCOMP_QT_DEBS=DIR tools/gpu_bench_session.sh OUT_DIR VALID.jsonl
# (the two variables as in scripts/build-gpu.sh; without XCOMP_QT_DEBS the suites are skipped).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:?output folder}
VALID=${2:?validation JSONL}
R=${R:-5}
mkdir -p "$OUT"
t0=$(date +%s)
stamp() { echo "[$(( $(date +%s) - t0 ))s] $*" | tee -a "$OUT/session.log"; }
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv > "$OUT/gpu.txt" 2>&1
lscpu | head -20 > "$OUT/cpu.txt"

suites=(tst_conformance tst_decoding_modes tst_compressor tst_evaluation tst_default_model)
targets=(xcomp)
[ -n "${XCOMP_QT_DEBS:-}" ] && targets+=("${suites[@]}")
stamp "build: ${targets[*]}"
if ! "$here/scripts/build-gpu.sh" "$here/build-gpu" "${targets[@]}" > "$OUT/build.log" 2>&1; then
  tail -30 "$OUT/build.log"; stamp "build failed"; exit 1
fi
if [ -n "${XCOMP_QT_DEBS:-}" ]; then
  export LD_LIBRARY_PATH="/tmp/xcomp-qt/usr/lib/x86_64-linux-gnu:${LD_LIBRARY_PATH:-}"
  for t in "${suites[@]}"; do
    XCOMP_TEST_DEVICE=cuda QT_QPA_PLATFORM=offscreen "$here/build-gpu/tests/$t" > "$OUT/$t.log" 2>&1
    stamp "$t rc=$? $(grep -h '^Totals' "$OUT/$t.log")"
    grep -h "^FAIL" "$OUT/$t.log" | head -5
  done
fi
stamp "bench (ours)"
"$here/build-gpu/app/xcomp" bench --device cuda --section gpu --data "$VALID" --repeats "$R" \
  --out "$OUT/bench_gpu_ours.json" > "$OUT/bench_gpu_ours.log" 2>&1
stamp "bench rc=$?"
PYTHONUNBUFFERED=1 python3 "$here/tools/bench_peer.py" --device cuda --section gpu --data "$VALID" --repeats "$R" \
  --ours "$OUT/bench_gpu_ours.json" --out "$OUT/bench_gpu_peer.json" > "$OUT/bench_gpu_peer.log" 2>&1
stamp "peer rc=$?"
