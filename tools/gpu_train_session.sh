#!/usr/bin/env bash
# One GPU lease that retrains the bundled model (tools/train_default_model.sh), evaluates it
# (tools/eval_default_model.sh) and the recipe study's arms, and hands everything back through the
# device tool's $OUT. A device call lasts at most 10 minutes, so the work runs detached (setsid)
# and each call waits on it and copies what is ready:
#   tools/gpu_train_session.sh start    build, start the pipeline, wait (WAIT seconds, default 540)
#   tools/gpu_train_session.sh wait     wait again; copy what is ready to $OUT
# What comes back (at most 8 files of 16 MiB): model.tar.part-* (the model folder), ablation.tar
# (the arms' compressors), results.tar.xz (logs, evaluation tables). Needs .carry/ (tools/device_carry.sh).
# PIPELINE=continue skips the LM: it continues the committed compressors (COMPRESSORS, VARIANTS and
# C_SECONDS as in tools/train_default_model.sh) from resources/models/default, evaluates what it trained
# and returns those compressors as compressors.tar.
#   tools/gpu_train_session.sh oneshot  the same within one device call (build, train, evaluate, copy):
#                                       a machine lost between calls (idle over 30 s) loses nothing then
# DEVICE=cpu SCALE=0.01 W=/tmp/dir OUT=/tmp/out (and small ARXIV, VALID, SQUAD, BOOKS files) runs the same
# thing as a smoke test on a CPU machine.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/tools/variants.sh"
W=${W:-/tmp/xcomp-session}
C=$here/.carry
X=$here/build-gpu/app/xcomp
[ "${DEVICE:-cuda}" = cpu ] && X=${XCOMP:-$here/build/app/xcomp}
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
# Twelve trainers share one GPU: without this their caching allocators ran it out of memory (2026-12-03).
export PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True
export ARXIV=${ARXIV:-$C/data/arxiv_train.jsonl.xz} VALID=${VALID:-$C/data/arxiv_valid.jsonl.xz}
export SQUAD=${SQUAD:-$C/data/squad.jsonl.xz} BOOKS=${BOOKS:-$C/data/books.jsonl.xz} DEVICE=${DEVICE:-cuda} XCOMP=$X
mkdir -p "$W/ready"
stamp() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$W/session.log"; }

pack_model() {  # the model folder, split to fit the 16 MiB limit per returned file
  rm -f "$W"/ready/model.tar.part-*
  tar -C "$W" -cf - model | split -b 15M - "$W/ready/model.tar.part-"
}

pack_results() {
  tar -C "$W" -cJf "$W/ready/results.tar.xz" --exclude='*.safetensors' --exclude=examples.jsonl \
    model.logs eval session.log build.log 2>/dev/null
}

pipeline() {
  local T=$here/tools
  stamp "pipeline: LM"
  PHASES=lm "$T/train_default_model.sh" "$W/model" || { stamp "LM failed"; pack_results; touch "$W/finished"; return; }
  pack_model; pack_results
  stamp "pipeline: compressors"
  PHASES=compressors ABLATION=1 "$T/train_default_model.sh" "$W/model" || stamp "a compressor failed"
  pack_model; pack_results
  stamp "pipeline: QA fine-tuning beside the regeneration evaluation"
  PHASES=qa "$T/train_default_model.sh" "$W/model" &
  local qa=$!
  mkdir -p "$W/eval"
  local arms=()
  for arm in "$W"/model.logs/ablation/*/; do
    [ -f "$arm/compressor.json" ] || continue
    "$X" eval --model "$W/model" --device "$DEVICE" --compressor "$arm" --data "$VALID" --limit "${LIMIT:--1}" \
      --lengths 96,192,288,384,480 --batch-size 256 --out "$W/eval/ablation-$(basename "$arm")" \
      > "$W/eval/ablation-$(basename "$arm").log" 2>&1 &
    arms+=($!)
  done
  ONLY=regeneration "$T/eval_default_model.sh" "$W/model" "$W/eval" || stamp "an evaluation failed"
  for p in "${arms[@]}"; do wait "$p" || stamp "an arm's evaluation failed"; done
  wait $qa || stamp "QA fine-tuning failed"
  ONLY=qa "$T/eval_default_model.sh" "$W/model" "$W/eval" || stamp "the QA evaluation failed"
  stamp "pipeline: packing"
  pack_model
  tar -C "$W/model.logs" -cf "$W/ready/ablation.tar" ablation
  pack_results
  stamp "pipeline: finished"
  touch "$W/finished"
}

pipeline_continue() {
  local T=$here/tools
  stamp "pipeline: continue the compressors of resources/models/default"
  rm -rf "$W/model" && cp -r "$here/resources/models/default" "$W/model"
  INIT=$here/resources/models/default PHASES=compressors "$T/train_default_model.sh" "$W/model" || stamp "a compressor failed"
  local trained=() evals=()
  for id in ${COMPRESSORS-}; do trained+=("$id"); done
  for spec in ${VARIANTS-}; do trained+=("$(variant_name "$spec")"); done
  (cd "$W/model/compressors" && tar -cf "$W/ready/compressors.tar" "${trained[@]}")
  pack_results
  stamp "pipeline: evaluation of what was trained"
  mkdir -p "$W/eval"
  local pids=() id dir lengths
  for id in ${COMPRESSORS-}; do evals+=("$id:96,192,288,384,480"); done
  for spec in ${VARIANTS-}; do evals+=("$(variant_name "$spec"):$(variant_lengths "$spec")"); done
  for e in "${evals[@]}"; do
    id=${e%%:*} lengths=${e#*:} dir=$W/model/compressors/${e%%:*}
    [ -f "$dir/compressor.json" ] || continue
    "$X" eval --model "$W/model" --device "$DEVICE" --compressor "$dir" --data "$VALID" --limit "${LIMIT:--1}" \
      --lengths "$lengths" --batch-size 256 --out "$W/eval/$id" > "$W/eval/$id.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || stamp "an evaluation failed"; done
  pack_results
  stamp "pipeline: finished"
  touch "$W/finished"
}

wait_and_collect() {
  local deadline=$(( $(date +%s) + ${WAIT:-540} ))
  while [ ! -f "$W/finished" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 5; done
  echo "--- session"; tail -n 12 "$W/session.log"
  echo "--- runs"
  for f in "$W"/model.logs/*.log "$W"/model.logs/ablation/*.log; do
    [ -f "$f" ] && printf '%-22s %s\n' "$(basename "$f" .log)" "$(grep -a 'step \|perplexity\|wrote' "$f" | tail -1 | cut -c1-150)"
  done
  [ -f "$W/finished" ] && echo "FINISHED" || echo "RUNNING"
  if [ -n "${OUT:-}" ]; then cp "$W"/ready/* "$OUT/" 2>/dev/null; ls -la "$OUT"; fi
}

case "${1:-}" in
  start)
    rm -rf "$W"; mkdir -p "$W/ready"
    stamp "build"
    if [ "$DEVICE" != cpu ]; then
      nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv | tee -a "$W/session.log"
      if ! XCOMP_SPM_SOURCE=$C/spm XCOMP_EXTRA_INCLUDE=$C/include "$here/scripts/build-gpu.sh" "$here/build-gpu" xcomp \
          > "$W/build.log" 2>&1; then
        tail -30 "$W/build.log"; stamp "build failed"; pack_results; [ -n "${OUT:-}" ] && cp "$W"/ready/* "$OUT/"; exit 1
      fi
    fi
    stamp "built; starting the pipeline"
    setsid nohup "$0" "${PIPELINE:-pipeline}" > "$W/pipeline.out" 2>&1 < /dev/null &
    wait_and_collect
    ;;
  oneshot)
    rm -rf "$W"; mkdir -p "$W/ready"
    stamp "build"
    [ "$DEVICE" = cpu ] || XCOMP_SPM_SOURCE=$C/spm XCOMP_EXTRA_INCLUDE=$C/include "$here/scripts/build-gpu.sh" \
      "$here/build-gpu" xcomp > "$W/build.log" 2>&1 || { tail -30 "$W/build.log"; stamp "build failed"; exit 1; }
    stamp "built"
    pipeline_continue
    for f in "$W"/model.logs/*.log; do printf '%-22s %s\n' "$(basename "$f" .log)" "$(grep -a 'step ' "$f" | tail -1 | cut -c1-150)"; done
    cat "$W"/eval/*/table.md 2>/dev/null
    [ -n "${OUT:-}" ] && cp "$W"/ready/* "$OUT/" && ls -la "$OUT"
    ;;
  pipeline) pipeline ;;
  continue) pipeline_continue ;;
  wait) wait_and_collect ;;
  *) echo "usage: tools/gpu_train_session.sh start|wait" >&2; exit 2 ;;
esac
