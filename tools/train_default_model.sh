#!/usr/bin/env bash
# Reproduces the bundled model folder (resources/models/default): LM and every compressor, with the
# project's own C++ trainer, on a CUDA machine:
#   scripts/build-gpu.sh build-gpu xcomp
#   XCOMP=build-gpu/app/xcomp tools/train_default_model.sh [OUT_DIR]
# Every run is bounded by wall-clock budgets (--max-seconds: the schedule anneals to the end of the
# budget), so the pipeline fits a GPU lease; INIT continues from a committed model folder instead of
# starting afresh (the LM with --init-from; compressors too when the LM is not retrained).
#
#   PHASES       "lm compressors qa" (default) — a subset runs only those phases
#   TOKENIZER    an existing tokenizer.model to reuse (default: the bundled one); TRAIN_TOKENIZER=1 trains one
#   INIT         model folder to continue from (LM weights, and compressors/<id> for each compressor)
#   LM_SECONDS, C_SECONDS, QA_SECONDS   budgets of the three phases (defaults 330, 660, 150)
#   ABLATION=1   also train the recipe study's arms (AOC m=16) beside the compressors, into $LOGS/ablation/
#   SCALE        multiplies every budget and step count (SCALE=0.01: a smoke run on the CPU)
#   LM_BATCH, C_BATCH, QA_BATCH   batch sizes (defaults 128, 128, 64)
#   COMPRESSORS  the general compressors to train (default: every method at m = 1, 4, 16)
#   VARIANTS     length variants to train (default: aoc-m16 aoc-m4 aoc-m1 500x-m16 500x-m4 icae-m16;
#                VARIANTS="" trains none): ID is ID-t96, trained on 64-128 tokens and run by ID for texts
#                of at most 128 tokens; ID@N is ID-tN for texts of at most N (tools/variants.sh). A variant
#                continues INIT's copy of itself, else (ID@N) INIT's longest shorter variant of ID, else ID.
#                V_BATCH: their batch size (default 256); V_OPTS: more options for every variant, e.g.
#                V_OPTS="--random-window 0.5 --mix-data BOOKS --mix-share 0.25" (windows beyond each text's start)
#   LORA_OPTS    LoRA shape (--lora-r, --lora-targets) of a LoRA compressor that starts afresh
#   FRESH        ids that start afresh even when INIT has them (a new LoRA shape)
#   LRS          learning-rate overrides, "ID=LR ..." (default: 1e-3 for AOC, 2e-3 for the LoRA methods)
#   GENERAL_MIN  shortest text a general compressor trains on when it has a variant (default 128)
# Data (DATA, default ../shared/data): ARXIV, VALID, BOOKS, SQUAD override single files.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/tools/variants.sh"
X=${XCOMP:-$here/build/app/xcomp}
OUT=${1:-$here/resources/models/default}
DATA=${DATA:-$here/../shared/data}
ARXIV=${ARXIV:-$DATA/arxiv/train.jsonl.xz}
VALID=${VALID:-$DATA/arxiv/valid.jsonl}
BOOKS=${BOOKS:-$DATA/gutenberg/books.jsonl.xz}
SQUAD=${SQUAD:-$DATA/qa/squad_dev_40.jsonl}
DEVICE=${DEVICE:-cuda}
PHASES=${PHASES:-lm compressors qa}
SCALE=${SCALE:-1}
TOKENIZER=${TOKENIZER:-$here/resources/models/default/tokenizer.model}
INIT=${INIT:-}
LOGS=${LOGS:-$OUT.logs}
scaled() { python3 -c "print(max(${2:-2}, int($1 * $SCALE)))"; }
LM_SECONDS=$(scaled "${LM_SECONDS:-330}" 5)
C_SECONDS=$(scaled "${C_SECONDS:-660}" 5)
QA_SECONDS=$(scaled "${QA_SECONDS:-150}" 5)
mkdir -p "$OUT/compressors" "$LOGS"
t0=$(date +%s)
stamp() { echo "[$(( $(date +%s) - t0 ))s] $*" | tee -a "$LOGS/pipeline.log"; }
has() { [[ " $PHASES " == *" $1 "* ]]; }
method_label() { case $1 in aoc) echo AOC;; 500x) echo 500x;; icae) echo ICAE;; *) echo "$1";; esac; }

# The recipe of every shipped regeneration compressor (the model card's ablation chose it):
# every text weighs the same in the loss, and the longest text grows from 96 to 480 tokens over
# the first half of the run.
RECIPE=(--min-tokens 96 --max-tokens 480 --loss-norm sample --length-curriculum 0.5)
COMMON=(--device "$DEVICE" --valid "$VALID" --valid-every "$(scaled 1000)" --bleu-examples 16 --log-every 50
        --checkpoint-every 0 --steps 1000000)

if [ "${TRAIN_TOKENIZER:-0}" = 1 ]; then
  stamp "tokenizer"
  "$X" train-tokenizer --data "$ARXIV,$BOOKS" --vocab-size "${VOCAB:-8000}" --max-chars 40000000 --out "$LOGS/tokenizer" \
    > "$LOGS/tokenizer.log" 2>&1
  TOKENIZER=$LOGS/tokenizer/tokenizer.model
fi

if has lm; then
  stamp "LM (${LM_SECONDS}s)"
  init=(); [ -n "$INIT" ] && init=(--init-from "$INIT")
  "$X" train-lm --tokenizer "$TOKENIZER" --data "$ARXIV,$BOOKS" --qa-data "$SQUAD" --qa-repeat 3 \
    --synthetic-qa "$ARXIV" --synthetic-qa-per-text 1 --valid "$VALID" --out "$OUT" --device "$DEVICE" \
    --hidden 256 --layers 8 --heads 4 --kv-heads 2 --intermediate 704 --seq-len 512 --batch-size "${LM_BATCH:-128}" \
    --steps 1000000 --max-seconds "$LM_SECONDS" --lr 2e-3 --warmup "$(scaled 300)" --valid-every "$(scaled 1000)" \
    "${init[@]}" > "$LOGS/lm.log" 2>&1
  tail -1 "$LOGS/lm.log" | tee -a "$LOGS/pipeline.log"
  INIT=""  # compressors of another LM cannot continue on this one
fi

train_compressor() {  # METHOD M ID LR OUTDIR [extra options...]; continues from INIT's ID, else INIT's FROM_ID
  local method=$1 m=$2 id=$3 lr=$4 dir=$5; shift 5
  local init=() from
  if [ -n "$INIT" ] && [[ " ${FRESH:-} " != *" $id "* ]]; then
    for from in "$id" ${FROM_ID:-}; do
      [ -d "$INIT/compressors/$from" ] && { init=(--init-from "$INIT/compressors/$from"); break; }
    done
  fi
  # A new LoRA compressor takes LORA_OPTS; one that continues keeps the shape it was saved with.
  [ ${#init[@]} = 0 ] && [ "$method" != aoc ] && [ -n "${LORA_OPTS:-}" ] && set -- $LORA_OPTS "$@"
  "$X" train-compressor --model "$OUT" --method "$method" --memory-tokens "$m" --data "$ARXIV" --id "$id" \
    --batch-size "${C_BATCH:-128}" --lr "$lr" --warmup "$(scaled 200)" --max-seconds "$C_SECONDS" "${COMMON[@]}" "${init[@]}" \
    "$@" --out "$dir" > "$dir.log" 2>&1
}

COMPRESSORS=${COMPRESSORS-aoc-m1 aoc-m4 aoc-m16 500x-m1 500x-m4 500x-m16 icae-m1 icae-m4 icae-m16}
VARIANTS=${VARIANTS-aoc-m16 aoc-m4 aoc-m1 500x-m16 500x-m4 icae-m16}
# LRS="ID=LR ..." overrides the learning rate of a compressor or variant (e.g. LRS="icae-m16-t96=5e-3").
lr_of() {
  local o
  for o in ${LRS:-}; do [ "${o%%=*}" = "$1" ] && { echo "${o#*=}"; return; }; done
  [ "${1%%-*}" = aoc ] && echo 1e-3 || echo 2e-3  # the full attention stack vs LoRA + memory tokens
}

if has compressors; then
  stamp "compressors, in parallel (${C_SECONDS}s): ${COMPRESSORS} | variants: ${VARIANTS}"
  pids=()
  for id in $COMPRESSORS; do
    method=${id%%-m*} m=${id##*-m} recipe=("${RECIPE[@]}")
    # With a short-text variant, the general compressor only ever sees longer texts.
    [[ " $VARIANTS " == *" $id "* || " $VARIANTS " == *" $id@"* ]] && recipe=(--min-tokens "${GENERAL_MIN:-128}" --max-tokens 480 --loss-norm sample --length-curriculum 0.5)
    train_compressor "$method" "$m" "$id" "$(lr_of "$id")" "$OUT/compressors/$id" "${recipe[@]}" &
    pids+=($!)
  done
  for spec in $VARIANTS; do
    id=$(variant_base "$spec") vid=$(variant_name "$spec") n=$(variant_serves "$spec")
    method=${id%%-m*} m=${id##*-m}
    # A longer variant starts from the longest shorter one: it already regenerates most of its range.
    from="" best=0
    if [ "$n" != 128 ]; then
      from=$id-t96
      for d in "${INIT:-/nonexistent}"/compressors/"$id"-t*; do
        s=${d##*-t}
        [[ $s =~ ^[0-9]+$ ]] && [ "$s" -lt "$n" ] && [ "$s" -gt "$best" ] && best=$s from=$id-t$s
      done
    fi
    FROM_ID="$from $id" C_BATCH=${V_BATCH:-256} train_compressor "$method" "$m" "$vid" "$(lr_of "$vid")" "$OUT/compressors/$vid" \
      --min-tokens "$(variant_min "$spec")" --max-tokens "$n" --loss-norm sample --variant-of "$id" --serves-up-to "$n" \
      --label "$(method_label "$method") m=$m (texts up to $n tokens)" ${V_OPTS:-} &
    pids+=($!)
  done
  if [ "${ABLATION:-0}" = 1 ]; then
    # The recipe study: AOC m=16, same batch, lr and budget; the shipped aoc-m16 is the
    # "sample + curriculum" arm.
    A=$LOGS/ablation; mkdir -p "$A"
    train_compressor aoc 16 abl-token-uniform 1e-3 "$A/token-uniform" --min-tokens 96 --max-tokens 480 --loss-norm token &
    pids+=($!)
    train_compressor aoc 16 abl-sample-uniform 1e-3 "$A/sample-uniform" --min-tokens 96 --max-tokens 480 --loss-norm sample &
    pids+=($!)
    train_compressor aoc 16 abl-bucket-96 1e-3 "$A/bucket-96" --min-tokens 96 --max-tokens 96 --loss-norm sample &
    pids+=($!)
  fi
  status=0
  for p in "${pids[@]}"; do wait "$p" || status=1; done
  mv "$OUT"/compressors/*.log "$LOGS/" 2>/dev/null || true
  [ $status = 0 ] || { stamp "a compressor failed"; exit 1; }
fi

if has qa; then
  stamp "QA fine-tuning (${QA_SECONDS}s)"
  "$X" train-compressor --model "$OUT" --device "$DEVICE" --method aoc --memory-tokens 16 --task qa \
    --data "$SQUAD" --synthetic-qa "$ARXIV" --synthetic-qa-per-text 2 --init-from "$OUT/compressors/aoc-m16" \
    --id aoc-m16-qa --label "AOC m=16 (QA)" --batch-size "${QA_BATCH:-64}" --lr 3e-4 --warmup "$(scaled 50)" \
    --steps 1000000 --max-seconds "$QA_SECONDS" --valid-every "$(scaled 500)" --bleu-examples 64 --log-every 50 \
    --checkpoint-every 0 --out "$OUT/compressors/aoc-m16-qa" > "$LOGS/aoc-m16-qa.log" 2>&1
fi
rm -f "$OUT"/compressors/*/checkpoint.safetensors
# The shipped AOC compressors store their matrices as int8 rows (half the size; measured loss of
# fidelity in the model card); the trainer reads them back with --init-from and writes bf16.
for d in "$OUT"/compressors/*/; do
  [ -f "$d/compressor.json" ] && "$X" quantize-compressor "$d" >> "$LOGS/pipeline.log"
done
stamp "done"
du -sh "$OUT" | tee -a "$LOGS/pipeline.log"
