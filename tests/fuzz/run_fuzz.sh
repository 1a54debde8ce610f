#!/usr/bin/env bash
# Runs the fuzz targets built in BUILD_DIR (default build/fuzz): replays every input in
# tests/fuzz/regressions/<target>/, then fuzzes each target for SECONDS (default 30) from the
# seed corpus that make_corpus.py writes. Exits non-zero on the first crash, leak, timeout or
# out-of-memory; the input is left in BUILD_DIR/artifacts/<target>/.
#
# usage: run_fuzz.sh [SECONDS] [TARGET...]     (no TARGET: all of them)
# environment: BUILD_DIR, FUZZ_ARGS (extra libFuzzer flags, e.g. -only_ascii=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${BUILD_DIR:-build/fuzz}
SECONDS_PER_TARGET=${1:-30}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(fuzz_http_request fuzz_asl_definition fuzz_jsonpath
                                     fuzz_intrinsics fuzz_jsonata fuzz_mock_config)

# Longest input per target: enough for the constructs each parser knows (the HTTP limit lets
# inputs reach the 16 KiB header limit).
max_len() {
  case "$1" in
    fuzz_http_request) echo 20000 ;;
    fuzz_asl_definition) echo 16384 ;;
    fuzz_jsonata | fuzz_mock_config) echo 4096 ;;
    fuzz_intrinsics) echo 1024 ;;
    *) echo 512 ;;
  esac
}

SEEDS="$BUILD_DIR/corpus-seeds"
python3 tests/fuzz/make_corpus.py "$SEEDS" >/dev/null

for target in "${TARGETS[@]}"; do
  bin="$BUILD_DIR/tests/fuzz/$target"
  [ -x "$bin" ] || { echo "missing $bin (build with SFN_FUZZ=ON)"; exit 2; }
  artifacts="$BUILD_DIR/artifacts/$target/"
  corpus="$BUILD_DIR/corpus/$target"   # grows across local runs; CI starts empty
  mkdir -p "$artifacts" "$corpus"
  common=(-timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$target")"
          -artifact_prefix="$artifacts" -dict="tests/fuzz/dict/$target.dict")

  regressions=(tests/fuzz/regressions/"$target"/*)
  if [ -e "${regressions[0]}" ]; then
    echo "== $target: replaying ${#regressions[@]} regression input(s)"
    "$bin" "${common[@]}" "${regressions[@]}" >"$BUILD_DIR/$target.replay.log" 2>&1 || {
      tail -n 60 "$BUILD_DIR/$target.replay.log"
      echo "FAILED: $target crashes on a regression input"
      exit 1
    }
  fi

  [ "$SECONDS_PER_TARGET" -eq 0 ] && continue
  echo "== $target: fuzzing for ${SECONDS_PER_TARGET}s"
  log="$BUILD_DIR/$target.fuzz.log"
  # One process (the machine has 2 cores); FUZZ_ARGS is split into flags on purpose.
  # shellcheck disable=SC2086
  if ! "$bin" "${common[@]}" -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
       ${FUZZ_ARGS:-} "$corpus" "$SEEDS/$target" >"$log" 2>&1; then
    grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|RELOAD)|NEW_FUNC' "$log" | tail -n 60
    echo "FAILED: $target found a crash; the input is in $artifacts"
    echo "reproduce: $bin $artifacts<file>; minimize: $bin -minimize_crash=1 -runs=10000 <file>"
    exit 1
  fi
  grep -E '^#[0-9]+.*DONE|stat::(number_of_executed_units|average_exec_per_sec)' "$log" || true
done
echo "fuzz: ${#TARGETS[@]} passed, 0 failed"
