#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] [HARNESS...] — builds the libFuzzer harnesses (clang, ASan + UBSan, in
# $BUILD_DIR, default build-fuzz) when needed and runs each for SECONDS (default 60), PARALLEL at a
# time (default 1), then prints one line per harness: executions, seconds, result.
#
# Seeds come from tests/fuzz/corpus/<name> (read-only); what a run learns goes to
# $BUILD_DIR/fuzz-corpus/<name>, crash inputs to $BUILD_DIR/fuzz-artifacts/<name>/, the log to
# $BUILD_DIR/fuzz-logs/<name>.log. A crash input that shows a bug belongs, once the bug is fixed, in
# tests/fuzz/regressions/<name>/ (the default build's ctest replays it). Exit status 1 if any crashed.
# RUNS=N also stops each harness after N executions (the long runs: RUNS=10000000); LOG_DIR puts the
# logs elsewhere (two runs at once); TIMEOUT (default 10) is the seconds of wall-clock time one input
# may take before it counts as a hang: raise it for runs at the lowest CPU priority on a busy
# machine, where a fuzzer can wait longer than that for the CPU.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
shift || true
BUILD_DIR=${BUILD_DIR:-build-fuzz}
PARALLEL=${PARALLEL:-1}
JOBS=${JOBS:-2}
LOG_DIR=${LOG_DIR:-$BUILD_DIR/fuzz-logs}
RUNS=${RUNS:-}
TIMEOUT=${TIMEOUT:-10}
FUZZ_DIR=tests/fuzz
ALL=(safetensors checkpoint_index config tokenizer compressor_json adapter_config xcp session dataset dataset_reader cli_args utf8)
HARNESSES=("$@")
[ ${#HARNESSES[@]} -eq 0 ] && HARNESSES=("${ALL[@]}")

# The build's output is kept in a log and shown only when it fails (a quiet CI log otherwise).
mkdir -p "$BUILD_DIR"
build_log="$BUILD_DIR/fuzz-build.log"
: >"$build_log"
if ! { [ -f "$BUILD_DIR/build.ninja" ] ||
       cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DXCOMP_FUZZ=ON -DXCOMP_WITH_QT=OFF -DXCOMP_BUILD_TESTS=OFF >>"$build_log" 2>&1; } ||
   ! cmake --build "$BUILD_DIR" -j"$JOBS" --target $(printf 'fuzz_%s ' "${HARNESSES[@]}") >>"$build_log" 2>&1; then
  echo "[xcomp] the fuzz build (clang, $BUILD_DIR) failed; the last 60 lines of $build_log:"
  tail -n 60 "$build_log"
  exit 1
fi

run_one() {
  local name=$1
  local bin="$BUILD_DIR/tests/fuzz/fuzz_$name" work="$BUILD_DIR/fuzz-corpus/$name" art="$BUILD_DIR/fuzz-artifacts/$name/"
  local log="$LOG_DIR/$name.log" dict=() runs=()
  mkdir -p "$work" "$art" "$(dirname "$log")"
  case $name in
    tokenizer|utf8) ;;
    cli_args) dict=(-dict="$FUZZ_DIR/dict/cli_args.dict") ;;
    *) dict=(-dict="$FUZZ_DIR/dict/json.dict") ;;  # the JSON parsers (.xcp and safetensors headers too)
  esac
  [ -n "$RUNS" ] && runs=(-runs="$RUNS")
  # -timeout: an input taking 10 s is a bug (a hang); -rss_limit_mb: so is one needing 2 GB.
  "$bin" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb=2048 -print_final_stats=1 \
    "${runs[@]}" -artifact_prefix="$art" "${dict[@]}" "$work" "$FUZZ_DIR/corpus/$name" >"$log" 2>&1 || true
}

running=0
for name in "${HARNESSES[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$PARALLEL" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

status=0
printf '%-18s %14s %8s  %s\n' harness executions seconds result
for name in "${HARNESSES[@]}"; do
  log="$LOG_DIR/$name.log"
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || true)
  if grep -q 'Done [0-9]* runs' "$log"; then
    result=ok
  else
    status=1
    what=$(grep -m1 -oE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+|runtime error: .{0,60}|invariant failed: .{0,60}|terminate called .{0,80}' "$log" || echo "see $log")
    unit=$(grep -o "Test unit written to .*" "$log" | tail -1 | cut -d' ' -f5- || true)
    result="CRASH ($what) -> ${unit:-no input written}"
    { echo "---- $log (last 40 lines)"; tail -n 40 "$log"; } >&2
  fi
  printf '%-18s %14s %8s  %s\n' "$name" "${execs:-?}" "${secs:-?}" "$result"
done
exit $status
