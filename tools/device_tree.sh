#!/usr/bin/env bash
# The device tool sends the working tree and .carry/ together, at most 64 MiB. A training call needs
# neither docs/ nor tests/ (build-gpu.sh builds the CLI alone), so this takes them out of what
# travels for the duration of the call, without touching a file:
#   tools/device_tree.sh hide      untrack docs/ and tests/ in the index and ignore them locally
#   tools/device_tree.sh restore   track them again (always run this before the next commit)
#   tools/device_tree.sh size      the bytes that would travel with .carry/ as the training calls carry it
set -euo pipefail
cd "$(dirname "$0")/.."
ex=.git/info/exclude
mark='# device_tree.sh hide'
case "${1:-}" in
  hide)
    grep -qF "$mark" "$ex" 2>/dev/null || printf '%s\n/docs/\n/tests/\n' "$mark" >> "$ex"
    git rm -r -q --cached docs tests
    ;;
  restore)
    git reset -q -- docs tests
    [ -f "$ex" ] && sed -i "/^$mark\$/,+2d" "$ex"
    git status --short docs tests | head -5
    ;;
  size)
    tree=$(git ls-files -z --cached --others --exclude-standard | xargs -0 stat -c %s 2>/dev/null | awk '{s+=$1} END {print s}')
    carry=$(du -cb .carry/spm .carry/include .carry/data/arxiv_train.jsonl.xz .carry/data/arxiv_valid.jsonl.xz \
      .carry/data/books.jsonl.xz 2>/dev/null | tail -1 | cut -f1)
    echo "tree $tree + carry $carry = $((tree + carry)) bytes (limit $((64 * 1024 * 1024)))"
    ;;
  *) echo "usage: tools/device_tree.sh hide|restore|size" >&2; exit 2 ;;
esac
