#!/usr/bin/env bash
# Reproduces the bundled model folder (resources/models/default): tokenizer, LM and every
# compressor, with the project's own C++ trainer. Meant for a CUDA machine:
#   scripts/build-gpu.sh build-gpu xcomp
#   XCOMP=build-gpu/app/xcomp tools/train_default_model.sh [OUT_DIR]
# DATA (default ../shared/data) holds arxiv/, gutenberg/ and qa/ as described in its README; the
# variables ARXIV, VALID, BOOKS and SQUAD override single files. SCALE=0.01 runs a tiny smoke version.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
X=${XCOMP:-$here/build/app/xcomp}
OUT=${1:-$here/resources/models/default}
DATA=${DATA:-$here/../shared/data}
ARXIV=${ARXIV:-$DATA/arxiv/train.jsonl.xz}
VALID=${VALID:-$DATA/arxiv/valid.jsonl}
BOOKS=${BOOKS:-$DATA/gutenberg/books.jsonl.xz}
SQUAD=${SQUAD:-$DATA/qa/squad_dev_40.jsonl}
DEVICE=${DEVICE:-cuda}
SCALE=${SCALE:-1}  # steps multiplier
LM_BATCH=${LM_BATCH:-64}
C_BATCH=${C_BATCH:-32}
MAX_CHARS=${MAX_CHARS:-40000000}
LOGS=${LOGS:-$OUT.logs}
steps() { python3 -c "print(max(2, int($1 * $SCALE)))"; }
mkdir -p "$OUT" "$LOGS"
t0=$(date +%s)
stamp() { echo "[$(( $(date +%s) - t0 ))s] $*" | tee -a "$LOGS/pipeline.log"; }

stamp "tokenizer"
"$X" train-tokenizer --data "$ARXIV,$BOOKS" --vocab-size "${VOCAB:-8000}" --max-chars "$MAX_CHARS" --out "$LOGS/tokenizer" \
  > "$LOGS/tokenizer.log" 2>&1

stamp "LM"
"$X" train-lm --tokenizer "$LOGS/tokenizer/tokenizer.model" --data "$ARXIV,$BOOKS" --qa-data "$SQUAD" --valid "$VALID" \
  --out "$OUT" --device "$DEVICE" --hidden 256 --layers 8 --heads 4 --kv-heads 2 --intermediate 704 \
  --seq-len 512 --batch-size "$LM_BATCH" --steps "$(steps 6000)" --lr 2e-3 --warmup "$(steps 200)" --valid-every 1000 \
  > "$LOGS/lm.log" 2>&1
tail -1 "$LOGS/lm.log" | tee -a "$LOGS/pipeline.log"

stamp "compressors (in parallel)"
pids=()
for method in 500x icae aoc; do
  lr=2e-3; [ "$method" = aoc ] && lr=1e-3  # LoRA + memory tokens vs the full attention stack
  for m in 1 4 16; do
    "$X" train-compressor --model "$OUT" --device "$DEVICE" --method "$method" --memory-tokens "$m" \
      --data "$ARXIV" --valid "$VALID" --min-tokens 96 --max-tokens 480 --batch-size "$C_BATCH" \
      --steps "$(steps 5000)" --lr "$lr" --warmup "$(steps 200)" --valid-every 1000 --bleu-examples 8 --log-every 100 \
      --out "$OUT/compressors/$method-m$m" > "$LOGS/$method-m$m.log" 2>&1 &
    pids+=($!)
  done
done
for p in "${pids[@]}"; do wait "$p"; done

stamp "QA fine-tuning"
"$X" train-compressor --model "$OUT" --device "$DEVICE" --method aoc --memory-tokens 16 --task qa \
  --data "$SQUAD" --init-from "$OUT/compressors/aoc-m16" --id aoc-m16-qa --label "AOC m=16 (QA)" \
  --batch-size "$C_BATCH" --steps "$(steps 1500)" --lr 2e-4 --warmup "$(steps 100)" --valid-every 500 --bleu-examples 32 --log-every 100 \
  --out "$OUT/compressors/aoc-m16-qa" > "$LOGS/aoc-m16-qa.log" 2>&1
for f in "$OUT"/compressors/*/checkpoint.safetensors; do rm -f "$f"; done
stamp "done"
du -sh "$OUT" | tee -a "$LOGS/pipeline.log"
