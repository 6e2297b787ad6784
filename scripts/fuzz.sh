#!/usr/bin/env bash
# Fuzzes the document reader and every query with libFuzzer (clang-14,
# AddressSanitizer + UndefinedBehaviorSanitizer): builds the harnesses of
# fuzz/ into build/fuzz, then runs each one for SECONDS (default 30) on a copy
# of the committed seed corpus, two at a time on a 2-core machine
# (five harnesses: about 3 x SECONDS of wall time, plus the build).
#   bash scripts/fuzz.sh          # 30 s per harness (what scripts/test.sh runs)
#   bash scripts/fuzz.sh 3600     # the longer run: an hour per harness
# A finding stops with a non-zero exit; the input is in build/fuzz/findings/.
# Make it a native regression test (fuzz/README.md says how).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
jobs=$(nproc)

CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTTA_BUILD_FUZZERS=ON -DTTA_FUZZ_COVERAGE=ON -DTTA_SANITIZE=address,undefined \
  -DTTA_BUILD_TESTS=OFF >/dev/null
harnesses=(fuzz_load fuzz_structured fuzz_scanner fuzz_request fuzz_csv)
cmake --build build/fuzz -j"$jobs" --target "${harnesses[@]}"

findings=build/fuzz/findings
mkdir -p "$findings"
run() {
  local name=$1 corpus=build/fuzz/corpus/$1 max_len=65536 extra=()
  rm -rf "$corpus"
  mkdir -p "$corpus"
  # fuzz_structured reads choices, not JSON: it starts from nothing.
  case $name in
    fuzz_structured) max_len=384; extra=(-len_control=0) ;;  # full-length choices at once
    fuzz_request) max_len=4096; cp fuzz/corpus-request/* "$corpus"/ ;;
    fuzz_csv) cp fuzz/corpus-csv/* "$corpus"/ ;;
    *) cp fuzz/corpus/* "$corpus"/ ;;
  esac
  build/fuzz/fuzz/"$name" -dict=fuzz/tta.dict -max_len=$max_len -timeout=10 -rss_limit_mb=4096 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$findings/$name-" "${extra[@]}" \
    "$corpus" >build/fuzz/"$name".log 2>&1
}

status=0
total=0
pids=()
for name in "${harnesses[@]}"; do
  run "$name" &
  pids+=("$!")
  if ((${#pids[@]} >= jobs)); then
    wait "${pids[0]}" || true
    pids=("${pids[@]:1}")
  fi
done
wait || true

for name in "${harnesses[@]}"; do
  log=build/fuzz/"$name".log
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if ! grep -q '^stat::number_of_executed_units' "$log" || grep -q -E '^==[0-9]+== ERROR|BROKEN PROMISE|^SUMMARY: ' "$log"; then
    echo "fuzz: $name FOUND A PROBLEM (log: $log, input: $findings/$name-*)"
    grep -a -E -A3 'BROKEN PROMISE|^==[0-9]+== ERROR|^SUMMARY' "$log" | head -n 20
    status=1
  fi
  runs=${runs:-0}
  echo "fuzz: $name ran $runs inputs in ${seconds} s"
  total=$((total + runs))
done
echo "fuzz: $total executions in all"
exit $status
