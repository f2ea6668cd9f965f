#!/usr/bin/env bash
# Installs what xcomp needs on Debian 12 (idempotent): apt packages, then a static sentencepiece
# built from Debian's source (scripts/build-sentencepiece.sh says why).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix="${XCOMP_DEPS_PREFIX:-$here/.deps}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

pkgs=(build-essential cmake ninja-build pkg-config git xz-utils ca-certificates dpkg-dev
      qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
      libqcustomplot-dev libtorch-dev libgloo-dev nlohmann-json3-dev libprotobuf-dev protobuf-compiler
      libopenblas0-openmp sentencepiece xvfb xauth libgl1-mesa-dev libxkbcommon-dev
      python3-nltk fonts-dejavu-core fonts-wqy-microhei
      clang libclang-rt-14-dev)  # the fuzz harnesses (libFuzzer), run by setup.sh --test
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[xcomp] installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

"$here/scripts/build-sentencepiece.sh" "$prefix"
echo "[xcomp] dependencies ready (sentencepiece in $prefix)"
