#!/usr/bin/env bash
# The side-by-side benchmark (not part of scripts/test.sh): our engine against
# DuckDB-WASM, Arquero, crossfilter2 and plain JS in headless Chromium, on
# generated catalogs S, M and L, plus the dashboard's click-to-paint latency.
# Prints a table; writes build/bench/results.json and build/bench/results.md.
# Also: memory before and after the store's variable widths (Node), the first
# overview after a download at 50 Mbps, and the ceiling.
# About 15-20 minutes on a 2-core machine. Options: see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

# The core alone in wasm, for the "core only" timings (bench/probe/), built
# with the exceptions flavour of bindings/ (TTA_WASM_NATIVE_EXCEPTIONS):
# rebuilt when the core, the probe or that flavour changed.
probe=build/bench/probe/core_probe.wasm
exceptions=-fexceptions
grep -q '^TTA_WASM_NATIVE_EXCEPTIONS:BOOL=ON' build/wasm/CMakeCache.txt 2>/dev/null && exceptions=-fwasm-exceptions
stale=0
[ -f "$probe" ] && [ "$(cat build/bench/probe/flags 2>/dev/null)" = "$exceptions" ] || stale=1
for s in core/*.cpp core/*.hpp bench/probe/core_probe.cpp; do [ "$s" -nt "$probe" ] && stale=1; done
if ((stale)); then
  echo "bench: building the core probe (build/bench/probe/, $exceptions)"
  mkdir -p build/bench/probe
  NODE_PATH=/usr/share/nodejs em++ -std=c++17 -O3 -flto "$exceptions" -Icore -isystem build/wasm/json-include \
    core/*.cpp bench/probe/core_probe.cpp -o build/bench/probe/core_probe.js \
    -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createCoreProbe -sENVIRONMENT=web,worker -sFILESYSTEM=0 \
    -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB \
    '-sEXPORTED_FUNCTIONS=["_probe_buffer","_probe_load","_probe_error","_probe_store_bytes","_probe_overview","_probe_track","_malloc","_free"]' \
    '-sEXPORTED_RUNTIME_METHODS=["UTF8ToString","stringToUTF8","lengthBytesUTF8"]'
  echo "$exceptions" > build/bench/probe/flags
fi

# The engine before the store's variable widths (8-byte cells, 64-bit day
# values), for the before/after memory table: that commit's sources
# (git archive, no checkout) and its own wasm build under build/bench/before/,
# made once and kept (the commit never changes).
before_commit=63ba0c6 # bench/before-after.mjs BEFORE_COMMIT
before=build/bench/before
if [ "$(cat "$before/commit" 2>/dev/null)" != "$before_commit" ] || [ ! -f "$before/src/bindings/js/tta_wasm.wasm" ]; then
  echo "bench: building the engine of commit $before_commit ($before/, once)"
  rm -rf "$before"
  mkdir -p "$before/src"
  git archive "$before_commit" | tar -x -C "$before/src"
  NODE_PATH=/usr/share/nodejs emcmake cmake -S "$before/src" -B "$before/wasm" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR=node >/dev/null
  NODE_PATH=/usr/share/nodejs cmake --build "$before/wasm" -j"$(nproc)" --target tta_wasm
  echo "$before_commit" > "$before/commit"
fi

# The dashboard as shipped (dist/), for the click-to-paint measurement.
if [ -f scripts/build-web.sh ]; then
  bash scripts/build-web.sh
fi

node bench/run.mjs
