#!/usr/bin/env bash
# Fills .carry/ (git-ignored) with what a GPU training session needs beside the working tree: the
# sentencepiece source without its 38 MB test data, nlohmann/json's headers, and the training data
# (arXiv as shipped, validation and SQuAD recompressed, a share of the Gutenberg books). The device
# tool sends at most 64 MiB with the tree, so BOOKS_EVERY picks every N-th book.
#   tools/device_carry.sh [DATA_DIR]        (default ../shared/data)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:-$here/../shared/data}
BOOKS_EVERY=${BOOKS_EVERY:-3}
C=$here/.carry
mkdir -p "$C/spm" "$C/data" "$C/include"

if [ ! -f "$C/spm/sentencepiece_0.1.97.orig.tar.gz" ]; then
  w=$(mktemp -d)
  mkdir -p "$w/lists/partial"
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$w/sources.list"
  opts=(-o Dir::Etc::SourceList="$w/sources.list" -o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists="$w/lists")
  apt-get "${opts[@]}" update -qq
  (cd "$w" && apt-get "${opts[@]}" source --download-only sentencepiece >/dev/null 2>&1)
  mkdir -p "$w/x" && tar -xzf "$w"/sentencepiece_*.orig.tar.gz -C "$w/x"
  src=$(ls -d "$w"/x/sentencepiece-*)
  rm -rf "$src/data" && mkdir "$src/data"   # test data only; the library build does not read it
  tar -czf "$C/spm/$(basename "$w"/sentencepiece_*.orig.tar.gz)" -C "$w/x" "$(basename "$src")"
  cp "$w"/sentencepiece_*.debian.tar.xz "$w"/sentencepiece_*.dsc "$C/spm/"
  rm -rf "$w"
fi
[ -d "$C/include/nlohmann" ] || cp -r /usr/include/nlohmann "$C/include/"

cp -u "$DATA/arxiv/train.jsonl.xz" "$C/data/arxiv_train.jsonl.xz"
[ -f "$C/data/arxiv_valid.jsonl.xz" ] || xz -9 -T2 -c "$DATA/arxiv/valid.jsonl" > "$C/data/arxiv_valid.jsonl.xz"
[ -f "$C/data/squad.jsonl.xz" ] || xz -9 -T2 -c "$DATA/qa/squad_dev_40.jsonl" > "$C/data/squad.jsonl.xz"
if [ ! -f "$C/data/books.jsonl.xz" ]; then
  # Every BOOKS_EVERY-th book (by order of first appearance), all of its paragraphs.
  xz -dc "$DATA/gutenberg/books.jsonl.xz" | python3 -c '
import json, sys
every = int(sys.argv[1]); seen = {}
for line in sys.stdin:
    try: r = json.loads(line)
    except ValueError: continue
    k = (r.get("author"), r.get("title"))
    if k not in seen: seen[k] = len(seen)
    if seen[k] % every == 0: sys.stdout.write(line)
' "$BOOKS_EVERY" | xz -9 -T2 > "$C/data/books.jsonl.xz"
fi
du -sh "$C"/* "$C"/data/*
