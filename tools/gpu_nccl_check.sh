#!/usr/bin/env bash
# tools/gpu_nccl_check.sh — the GPU half of data parallelism in one device call: builds xcomp with
# c10d NCCL (XCOMP_NCCL=1 scripts/build-gpu.sh), then trains AOC m=16 from the bundled aoc-m16-t192
# on 96-128-token texts at batch 256 for STEPS steps
#   1. in one process (no group), 2. as an NCCL group of one (WORLD_SIZE=1: the collectives' cost),
#   3. with --nproc N on N GPUs when the machine has more than one (scaling),
# and evaluates one compressor in one process and sharded (tables must be identical). Prints the
# tokens/s of each run; logs and tables go to $OUT (or /tmp/nccl-check). Needs .carry/
# (tools/device_carry.sh) for the build and the training data.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
C=$here/.carry
W=${W:-/tmp/nccl-check}
OUT=${OUT:-$W/out}
STEPS=${STEPS:-300}
X=$here/build-gpu/app/xcomp
M=$here/resources/models/default
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
rm -rf "$W"; mkdir -p "$W" "$OUT"
log() { echo "[$(date +%H:%M:%S)] $*" | tee -a "$OUT/nccl_check.log"; }

log "build with NCCL"
if ! XCOMP_NCCL=1 XCOMP_SPM_SOURCE=$C/spm XCOMP_EXTRA_INCLUDE=$C/include "$here/scripts/build-gpu.sh" "$here/build-gpu" xcomp \
    > "$OUT/build.log" 2>&1; then
  tail -40 "$OUT/build.log" | tee -a "$OUT/nccl_check.log"; log "build failed"; exit 1
fi
gpus=$(nvidia-smi -L | wc -l)
log "built; $gpus GPU(s)"

train() {  # NAME [VAR=VALUE...]; EXTRA: more options
  local name=$1; shift
  env "$@" "$X" train-compressor --model "$M" --device cuda --method aoc --memory-tokens 16 \
    --init-from "$M/compressors/aoc-m16-t192" --id aoc-m16-check --data "$C/data/arxiv_train.jsonl.xz" \
    --min-tokens 96 --max-tokens 128 --batch-size 256 --lr 5e-4 --warmup 20 --steps "$STEPS" --valid-every 0 \
    --bleu-examples 0 --valid-examples 0 --checkpoint-every 0 --log-every 50 ${EXTRA:-} --out "$W/$name" > "$OUT/$name.log" 2>&1
  local rc=$?
  log "$name: exit $rc; last step: $(grep -a '"step"' "$W/$name/train_log.jsonl" 2>/dev/null | tail -1)"
}
train plain
train group-of-one WORLD_SIZE=1 RANK=0 LOCAL_RANK=0 MASTER_ADDR=127.0.0.1 MASTER_PORT=29511
[ "$gpus" -gt 1 ] && EXTRA="--nproc $gpus" train "nproc-$gpus"
python3 - "$W" "$OUT/nccl_check.log" <<'EOF'
import json, sys, os, glob
w, logf = sys.argv[1], sys.argv[2]
rows = []
for d in sorted(glob.glob(os.path.join(w, '*'))):
    p = os.path.join(d, 'train_log.jsonl')
    if not os.path.exists(p): continue
    lines = [json.loads(l) for l in open(p) if l.strip()]
    if len(lines) < 2: continue
    a, b = lines[1], lines[-1]  # from the second logged step: leaves out start-up
    tps = (b['tokens_seen'] - a['tokens_seen']) / max(1e-9, b['elapsed_s'] - a['elapsed_s'])
    rows.append((os.path.basename(d), tps, b['loss']))
base = dict((n, t) for n, t, _ in rows).get('plain')
with open(logf, 'a') as f:
    for n, t, l in rows:
        line = f"{n:16s} {t/1e3:10.1f} k target tokens/s  loss {l:.4f}" + (f"  ({t/base:.3f} of one process)" if base else "")
        print(line); f.write(line + "\n")
EOF
log "eval: one process and a group of one"
D=$here/.carry/data/arxiv_valid.jsonl.xz
"$X" eval --device cuda --compressor aoc-m16 --lengths 96 --limit 512 --batch-size 128 --data "$D" --out "$W/eval-one" > "$OUT/eval-one.log" 2>&1
WORLD_SIZE=1 RANK=0 LOCAL_RANK=0 MASTER_ADDR=127.0.0.1 MASTER_PORT=29512 \
  "$X" eval --device cuda --compressor aoc-m16 --lengths 96 --limit 512 --batch-size 128 --data "$D" --out "$W/eval-group" \
  > "$OUT/eval-group.log" 2>&1
if cmp -s "$W/eval-one/table.json" "$W/eval-group/table.json"; then log "eval tables identical"; else log "eval tables DIFFER"; fi
if [ "$gpus" -gt 1 ]; then
  "$X" eval --nproc "$gpus" --device cuda --compressor aoc-m16 --lengths 96 --limit 512 --batch-size 128 --data "$D" \
    --out "$W/eval-nproc" > "$OUT/eval-nproc.log" 2>&1
  if cmp -s "$W/eval-one/table.json" "$W/eval-nproc/table.json"; then log "sharded eval identical"; else log "sharded eval DIFFERS"; fi
fi
cp "$W"/eval-one/table.md "$OUT/eval-one.md" 2>/dev/null
log "done"
