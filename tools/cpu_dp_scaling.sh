#!/usr/bin/env bash
# Data-parallel scaling on this machine's CPUs (issue 18's CPU part): AOC m=16 on the bundled model,
# global batch 16, texts of 96-128 tokens, 25 steps, as one process (2 threads) and as 2 Gloo ranks
# (1 thread each) with the gradient all-reduce overlapped and after the backward pass.
# Usage: OUT=DIR tools/cpu_dp_scaling.sh   (after building build/app/xcomp; reads ../shared/data)
# Prints each run's last log line (tokens_per_s, allreduce_wait_s) and its wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp/dp-scaling}
xcomp=${XCOMP:-build/app/xcomp}
common=(train-compressor --method aoc --memory-tokens 16 --data ../shared/data/arxiv/train.jsonl.xz
        --min-tokens 96 --max-tokens 128 --batch-size 16 --steps 25 --lr 1e-3 --warmup 1 --valid-every 0
        --checkpoint-every 1000 --bleu-examples 0 --valid-examples 0 --seed 1)
mkdir -p "$out"
rm -rf "$out/one" "$out/two" "$out/two-noov"
/usr/bin/time -f "one: %e s wall" "$xcomp" "${common[@]}" --threads 2 --out "$out/one" 2> "$out/one.err"
/usr/bin/time -f "two: %e s wall" "$xcomp" "${common[@]}" --nproc 2 --out "$out/two" 2> "$out/two.err"
XCOMP_DP_OVERLAP=0 /usr/bin/time -f "two-noov: %e s wall" "$xcomp" "${common[@]}" --nproc 2 --out "$out/two-noov" \
  2> "$out/two-noov.err"
for r in one two two-noov; do
  echo "$r: $(tail -n 1 "$out/$r/train_log.jsonl")"
  tail -n 1 "$out/$r.err"
done
