#!/usr/bin/env bash
# Compressor-training throughput: `xcomp train-compressor` on 96-128-token texts for each method,
# batch size and AdamW kernel, with the same seed; prints one row each (JSON lines on stdout, logs
# beside): target tokens/s and ms per step between step WARM and the last step (train_log.jsonl),
# and the loss at the end, so kernels can be compared for both speed and result.
#   tools/train_throughput.sh XCOMP MODEL_DIR TRAIN.jsonl[.xz] OUT_DIR
# METHODS (default "aoc 500x"), BATCHES ("32 256"), KERNELS ("loop fused"), STEPS (300), WARM (100),
# DEVICE (cuda), M (16). 500x uses the bundled 500x compressors' LoRA shape (r = 64, q/k/v/o).
set -euo pipefail
X=${1:?xcomp binary} MODEL=${2:?model folder} DATA=${3:?training JSONL} OUT=${4:?output folder}
METHODS=${METHODS:-aoc 500x} BATCHES=${BATCHES:-32 256} KERNELS=${KERNELS:-loop fused}
STEPS=${STEPS:-300} WARM=${WARM:-100} DEVICE=${DEVICE:-cuda} M=${M:-16}
mkdir -p "$OUT"
for method in $METHODS; do
  lora=(); [ "$method" = aoc ] || lora=(--lora-r 64 --lora-targets q_proj,k_proj,v_proj,o_proj)
  for b in $BATCHES; do
    for k in $KERNELS; do
      run=$OUT/$method-m$M-b$b-$k
      rm -rf "$run"
      kernel=(); [ "$k" = default ] || kernel=(--adamw-kernel "$k")
      "$X" train-compressor --model "$MODEL" --device "$DEVICE" --method "$method" --memory-tokens "$M" "${lora[@]}" \
        --data "$DATA" --limit 20000 --min-tokens 96 --max-tokens 128 --batch-size "$b" --steps "$STEPS" --warmup 20 \
        --lr 1e-3 --valid-every 0 --valid-examples 8 --bleu-examples 0 --log-every 10 --checkpoint-every 0 --seed 1 \
        "${kernel[@]}" --out "$run" > "$run.log" 2>&1 || { echo "{\"run\":\"$(basename "$run")\",\"error\":\"see $run.log\"}"; continue; }
      python3 - "$run/train_log.jsonl" "$(basename "$run")" "$WARM" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
warm = int(sys.argv[3])
a = next(r for r in rows if r["step"] >= warm)
z = rows[-1]
dt = z["elapsed_s"] - a["elapsed_s"]
print(json.dumps({"run": sys.argv[2], "steps": z["step"] - a["step"],
                  "tokens_per_s": round((z["tokens_seen"] - a["tokens_seen"]) / dt),
                  "ms_per_step": round(1000 * dt / (z["step"] - a["step"]), 2), "final_loss": z["loss"]}))
EOF
    done
  done
done
