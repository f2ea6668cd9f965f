#!/usr/bin/env bash
# Installs what xcomp needs on Debian 12 (idempotent): apt packages, then a static sentencepiece
# built from Debian's source against the system protobuf (Debian's shared libsentencepiece carries
# its own protobuf and crashes any program that also loads LibTorch; see docs/BUILDING.md).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix="${XCOMP_DEPS_PREFIX:-$here/.deps}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

pkgs=(build-essential cmake ninja-build pkg-config git xz-utils ca-certificates dpkg-dev
      qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
      libqcustomplot-dev libtorch-dev nlohmann-json3-dev libprotobuf-dev protobuf-compiler
      libopenblas0-openmp sentencepiece xvfb xauth libgl1-mesa-dev libxkbcommon-dev
      python3-nltk fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[xcomp] installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$prefix/lib/libsentencepiece.a" ] || [ ! -f "$prefix/include/sentencepiece_processor.h" ]; then
  echo "[xcomp] building static sentencepiece into $prefix"
  work="$prefix/src"; rm -rf "$work"; mkdir -p "$work/lists/partial"
  if [ -n "${XCOMP_SPM_SOURCE:-}" ]; then  # a folder holding sentencepiece_*.dsc and its tarballs
    cp -r "$XCOMP_SPM_SOURCE"/. "$work/"
  else
    # A private sources list keeps the system's apt configuration untouched.
    echo "deb-src http://deb.debian.org/debian bookworm main" > "$work/sources.list"
    opts=(-o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/nonexistent
          -o Dir::State::Lists="$work/lists")
    apt-get "${opts[@]}" update -qq
    (cd "$work" && apt-get "${opts[@]}" source --download-only sentencepiece)
  fi
  (cd "$work" && dpkg-source -x --no-check sentencepiece_*.dsc spm >/dev/null)
  # Debian's packaging drops the static library; undo that one patch.
  (cd "$work/spm" && patch -R -p1 -s < debian/patches/disable-static-library.patch)
  # init.h names the bundled protobuf-lite even when building against the system protobuf.
  sed -i 's|"third_party/protobuf-lite/google/protobuf/message_lite.h"|<google/protobuf/message_lite.h>|' \
    "$work/spm/src/init.h"
  cmake -S "$work/spm" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSPM_ENABLE_SHARED=OFF -DSPM_USE_BUILTIN_PROTOBUF=OFF -DSPM_ENABLE_TCMALLOC=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  cmake --build "$work/build" --target install >/dev/null
  rm -rf "$work"
fi
echo "[xcomp] dependencies ready (sentencepiece in $prefix)"
