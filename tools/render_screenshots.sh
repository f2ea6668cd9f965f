#!/usr/bin/env bash
# Renders the workbench's tabs after a real run into PNGs (for the README and for checking layouts):
#   tools/render_screenshots.sh [OUT_DIR] [MODEL_DIR]
# OUT_DIR defaults to docs/screenshots, MODEL_DIR to $XCOMP_MODEL_DIR, else the bundled default model,
# else tests/fixtures/tiny-model. Runs offscreen (no display needed). Environment:
#   BUILD=build-app        the build folder holding app/workbench/xcomp-workbench
#   LANGS="en de zh_CN"    one set of screenshots per language (en in OUT_DIR, others in OUT_DIR/<lang>)
#   TEXTS=auto|short|long  short one-sentence texts for tiny test models (auto: below 5 M parameters)
#   BATCH_LIMIT=0          examples of the sample dataset to evaluate (0: all)
#   COMPRESSOR, TEXT       compressor id and text file of the Regenerate/Attention shots
#   SIZE=1500x940          the window's size (check small screens with SIZE=1024x700)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$here/build-app}
OUT=${1:-$here/docs/screenshots}
MODEL=${2:-${XCOMP_MODEL_DIR:-}}
if [ -z "$MODEL" ]; then
  if [ -f "$here/resources/models/default/config.json" ]; then MODEL=$here/resources/models/default
  else MODEL=$here/tests/fixtures/tiny-model; fi
fi
APP=$BUILD/app/workbench/xcomp-workbench
if [ ! -x "$APP" ]; then
  echo "building xcomp-workbench in $BUILD" >&2
  cmake --build "$BUILD" --target xcomp-workbench
fi
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} OPENBLAS_NUM_THREADS=1
# COMPRESSOR and TEXT choose the Regenerate/Attention shots (the README's uses the 96-token AOC).
extra=()
[ -n "${COMPRESSOR:-}" ] && extra+=(--screenshot-compressor "$COMPRESSOR")
[ -n "${TEXT:-}" ] && extra+=(--screenshot-text "$TEXT")
[ -n "${SIZE:-}" ] && extra+=(--screenshot-size "$SIZE")
for lang in ${LANGS:-en}; do
  if [ "$lang" = zh_CN ] && command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh)" ]; then
    echo "warning: no Chinese font: the zh_CN screenshots will show boxes (apt-get install fonts-wqy-microhei)" >&2
  fi
  dir=$OUT; [ "$lang" = en ] || dir=$OUT/$lang
  mkdir -p "$dir"
  echo "== $lang -> $dir (model $MODEL)" >&2
  "$APP" --lang "$lang" --model "$MODEL" --screenshot "$dir" \
    --screenshot-texts "${TEXTS:-auto}" --screenshot-batch-limit "${BATCH_LIMIT:-0}" "${extra[@]}"
done
# Lossless recompression: the shots travel with the tree to the GPU machine (64 MiB in all).
if command -v optipng >/dev/null; then optipng -quiet -o2 -strip all "$OUT"/*.png "$OUT"/*/*.png 2>/dev/null || true
else echo "note: optipng not found; the PNGs are not recompressed (apt-get install optipng)" >&2; fi
ls -l "$OUT"/*.png
