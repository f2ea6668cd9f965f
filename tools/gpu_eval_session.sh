#!/usr/bin/env bash
# One GPU session after tools/train_default_model.sh: the model card's evaluation tables, the GPU
# benchmark beside its transformers+peft peer, and the short-text diagnostic (AOC m=16 trained on
# 96-token texts only), all written under OUT.
#   XCOMP=build-gpu/app/xcomp tools/gpu_eval_session.sh OUT_DIR
# Data files: VALID, SQUAD, TRAIN_SUBSET (a JSONL(.xz) of training abstracts for the diagnostic).
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
X=${XCOMP:-$here/build-gpu/app/xcomp}
OUT=${1:?output folder}
MODEL=${MODEL:-$here/resources/models/default}
mkdir -p "$OUT"
t0=$(date +%s)
stamp() { echo "[$(( $(date +%s) - t0 ))s] $*" | tee -a "$OUT/session.log"; }

stamp "diagnostic: AOC m=16 on 96-token texts (in the background)"
"$X" train-compressor --model "$MODEL" --device cuda --method aoc --memory-tokens 16 --data "$TRAIN_SUBSET" \
  --valid "$VALID" --min-tokens 96 --max-tokens 96 --batch-size 64 --steps "${DIAG_STEPS:-6000}" --lr 1e-3 --warmup 200 \
  --valid-every 1000 --bleu-examples 16 --log-every 200 --checkpoint-every 0 --id aoc-m16-t96 \
  --label "AOC m=16 (96-token texts)" --out "$OUT/aoc-m16-t96" > "$OUT/diag-train.log" 2>&1 &
diag=$!

stamp "evaluation"
XCOMP=$X DEVICE=cuda VALID=$VALID SQUAD=$SQUAD "$here/tools/eval_default_model.sh" "$MODEL" "$OUT/eval"
stamp "evaluation done"

wait $diag
stamp "diagnostic trained"
"$X" eval --model "$MODEL" --device cuda --compressor "$OUT/aoc-m16-t96" --data "$VALID" --lengths 96 \
  --batch-size 256 --out "$OUT/eval-diag" > "$OUT/eval-diag.log" 2>&1
stamp "diagnostic evaluated"

stamp "benchmark (ours, then the peer)"
"$X" bench --model "$MODEL" --device cuda --section gpu --data "$VALID" --out "$OUT/bench_ours.json" > "$OUT/bench_ours.log" 2>&1
python3 "$here/tools/bench_peer.py" --model "$MODEL" --data "$VALID" --device cuda --section gpu \
  --ours "$OUT/bench_ours.json" --out "$OUT/bench_peer.json" > "$OUT/bench_peer.log" 2>&1
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv > "$OUT/gpu.txt" 2>&1
lscpu | head -20 > "$OUT/cpu.txt"
stamp "done"
