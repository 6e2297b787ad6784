#!/usr/bin/env bash
# Builds the native core, CLI and tests (build/native) and the WebAssembly
# module (build/wasm). Incremental: a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

# TTA_WERROR=ON (scripts/test.sh sets it) turns every compiler warning into an error.
werror=${TTA_WERROR:-OFF}
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -DTTA_WERROR="$werror" >/dev/null
cmake --build build/native -j"$jobs"

# Debian's Emscripten 3.1.6 needs Debian's JS modules (acorn) on NODE_PATH, and
# its default test emulator passes a flag Node 20 rejects.
export NODE_PATH=/usr/share/nodejs
if [ -f bindings/CMakeLists.txt ]; then
  if [ ! -f build/wasm/CMakeCache.txt ]; then
    emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DCMAKE_CROSSCOMPILING_EMULATOR=node >/dev/null
  fi
  cmake build/wasm -DTTA_WERROR="$werror" >/dev/null
  cmake --build build/wasm -j"$jobs"
fi
