#!/usr/bin/env bash
# Builds sentencepiece 0.1.97 (Debian's source package) as a static, position-independent library
# into PREFIX. Debian's shared libsentencepiece carries its own protobuf and crashes any program
# that also loads LibTorch, hence this build.
#   scripts/build-sentencepiece.sh PREFIX [--builtin-protobuf]
# --builtin-protobuf: use sentencepiece's bundled protobuf-lite (machines without protobuf, e.g.
# the GPU machine whose LibTorch comes from a PyTorch wheel). XCOMP_SPM_SOURCE=DIR takes the source
# package (.dsc and tarballs) from DIR instead of apt.
set -euo pipefail
prefix=$1
builtin=OFF; [ "${2:-}" = "--builtin-protobuf" ] && builtin=ON
[ -f "$prefix/lib/libsentencepiece.a" ] && [ -f "$prefix/include/sentencepiece_processor.h" ] && exit 0
echo "[xcomp] building static sentencepiece into $prefix"
work="$prefix/src"; rm -rf "$work"; mkdir -p "$work/lists/partial"
if [ -n "${XCOMP_SPM_SOURCE:-}" ]; then
  cp "$XCOMP_SPM_SOURCE"/sentencepiece_* "$work/"
else
  # A private sources list keeps the system's apt configuration untouched.
  echo "deb-src http://deb.debian.org/debian bookworm main" > "$work/sources.list"
  opts=(-o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/nonexistent
        -o Dir::State::Lists="$work/lists")
  apt-get "${opts[@]}" update -qq
  (cd "$work" && apt-get "${opts[@]}" source --download-only sentencepiece >/dev/null 2>&1)
fi
mkdir -p "$work/spm"
tar -xzf "$work"/sentencepiece_*.orig.tar.gz -C "$work/spm" --strip-components=1
tar -xJf "$work"/sentencepiece_*.debian.tar.xz -C "$work/spm"
# Debian's patches, minus the one that drops the static library.
(cd "$work/spm" && while read -r p; do
   case "$p" in ""|\#*|disable-static-library.patch) continue;; esac
   patch -p1 -s < "debian/patches/$p"
 done < debian/patches/series)
if [ "$builtin" = OFF ]; then
  # init.h names the bundled protobuf-lite even when building against the system protobuf.
  sed -i 's|"third_party/protobuf-lite/google/protobuf/message_lite.h"|<google/protobuf/message_lite.h>|' "$work/spm/src/init.h"
fi
cmake -S "$work/spm" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_POLICY_VERSION_MINIMUM=3.5 \
  -DSPM_ENABLE_SHARED=OFF -DSPM_USE_BUILTIN_PROTOBUF=$builtin -DSPM_ENABLE_TCMALLOC=OFF \
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_CXX_FLAGS=-w -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/build" --target install -j"$(nproc)" >/dev/null
rm -rf "$work"
