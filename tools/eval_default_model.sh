#!/usr/bin/env bash
# The model card's evaluation: every regeneration compressor on the 2,000 validation abstracts at
# 96/192/288/384/480 tokens, and QA on the held-out SQuAD articles (compressed prompt vs full text).
#   XCOMP=build-gpu/app/xcomp tools/eval_default_model.sh [MODEL_DIR] [OUT_DIR]
# ONLY=regeneration or ONLY=qa runs one half.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
X=${XCOMP:-$here/build/app/xcomp}
MODEL=${1:-$here/resources/models/default}
OUT=${2:-$here/docs/eval}
DATA=${DATA:-$here/../shared/data}
VALID=${VALID:-$DATA/arxiv/valid.jsonl}
SQUAD=${SQUAD:-$DATA/qa/squad_dev_40.jsonl}
DEVICE=${DEVICE:-cuda}
BATCH=${BATCH:-256}
LIMIT=${LIMIT:--1}
ONLY=${ONLY:-all}
mkdir -p "$OUT"
pids=()
[ "$ONLY" = qa ] || for dir in "$MODEL"/compressors/*/; do
  id=$(basename "$dir")
  case "$id" in *-qa) continue;; esac
  "$X" eval --model "$MODEL" --device "$DEVICE" --compressor "$id" --data "$VALID" --limit "$LIMIT" \
    --lengths 96,192,288,384,480 --batch-size "$BATCH" --out "$OUT/$id" > "$OUT/$id.log" 2>&1 &
  pids+=($!)
done
[ "$ONLY" = regeneration ] || for dir in "$MODEL"/compressors/*-qa/; do
  [ -d "$dir" ] || continue
  id=$(basename "$dir")
  "$X" eval --model "$MODEL" --device "$DEVICE" --compressor "$id" --data "$SQUAD" --qa --heldout 0.2 \
    --limit "$LIMIT" --batch-size 64 --out "$OUT/$id" > "$OUT/$id.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
cat "$OUT"/*/table.md > "$OUT/all-tables.md" 2>/dev/null
exit $status
