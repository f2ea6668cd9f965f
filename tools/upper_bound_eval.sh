#!/usr/bin/env bash
# The upper bound of what m memory tokens hold for this decoder (optimised memory, no encoder;
# engine/include/xcomp/compress/memory_optimisation.h), evaluated like a compressor:
#   tools/upper_bound_eval.sh OUT_DIR            (XCOMP, MODEL, DEVICE, DATA, LIMIT, BATCH, STEPS override)
# Writes OUT_DIR/m<M>/ (eval tables of optimised-kv-mM and optimised-emb-mM) for M in MS, at LENGTHS
# (m=16 also at LENGTHS16). Ctrl-C / SIGINT keeps the finished examples, as `xcomp eval` does.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
X=${XCOMP:-$here/build/app/xcomp}
OUT=${1:?usage: tools/upper_bound_eval.sh OUT_DIR}
DATA=${DATA:-$here/../shared/data/arxiv/valid.jsonl}
MS=${MS:-4 1 16}
mkdir -p "$OUT"
for m in $MS; do
  lengths=${LENGTHS:-96}
  [ "$m" = 16 ] && lengths=${LENGTHS16:-96,288,480}
  "$X" eval --model "${MODEL:-$here/resources/models/default}" --device "${DEVICE:-cuda}" \
    --compressor "optimised-kv-m$m,optimised-emb-m$m" --data "$DATA" --lengths "$lengths" --limit "${LIMIT:-64}" \
    --batch-size "${BATCH:-64}" --optimise-steps "${STEPS:-1000}" --no-length-variants --out "$OUT/m$m" \
    > "$OUT/m$m.log" 2>&1
  tail -n 12 "$OUT/m$m.log"
done
