#!/usr/bin/env bash
# Builds tests/fixtures/tiny-model: a 2-layer LM on the fixture tokenizer (vocab 256) with one
# compressor per method, trained on CPU in about a minute from tools/fixture_text.txt. Tests and
# the workbench's end-to-end test use it; it is small enough to commit (~1 MB).
#   tools/make_tiny_model.sh [XCOMP_BINARY]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
X=${1:-$here/build/app/xcomp}
out=$here/tests/fixtures/tiny-model
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One JSON record per sentence of the fixture text (and the whole text once, for the LM).
python3 - "$here/tools/fixture_text.txt" "$work" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
lines = [l.strip() for l in text.splitlines() if l.strip()]
with open(sys.argv[2] + "/lines.jsonl", "w") as f:
    for i, l in enumerate(lines):
        f.write(json.dumps({"id": str(i), "text": l}) + "\n")
with open(sys.argv[2] + "/doc.jsonl", "w") as f:
    for i in range(0, len(lines), 4):
        f.write(json.dumps({"id": str(i), "text": " ".join(lines[i:i + 4])}) + "\n")
PY
rm -rf "$out"
"$X" train-lm --tokenizer "$here/tests/fixtures/tokenizer/tokenizer.model" --data "$work/doc.jsonl" --valid "$work/doc.jsonl" \
  --out "$out" --device cpu --hidden 64 --layers 2 --heads 4 --kv-heads 2 --intermediate 160 --seq-len 64 \
  --batch-size 16 --steps 600 --lr 3e-3 --warmup 30 --valid-every 200 --threads 2 --seed 7
for method in 500x icae aoc; do
  "$X" train-compressor --model "$out" --method "$method" --memory-tokens 4 --data "$work/lines.jsonl" \
    --valid "$work/lines.jsonl" --min-tokens 8 --max-tokens 40 --batch-size 8 --steps 300 --lr 3e-3 --warmup 20 \
    --valid-every 100 --valid-examples 16 --bleu-examples 4 --log-every 100 --checkpoint-every 0 --seed 3 \
    --out "$out/compressors/$method-m4" --threads 2
done
rm -f "$out"/compressors/*/checkpoint.safetensors
du -sh "$out"
