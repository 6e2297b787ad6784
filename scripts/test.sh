#!/usr/bin/env bash
# Runs every test: installs what is missing, checks style, builds with
# warnings as errors, then the native suite
# (Catch2 + CLI through CTest), the module under Node, the pages in headless
# Chromium, the npm package in fresh host apps, the native suite again under
# ASan + UBSan, and 30 s of fuzzing per harness (docs/INPUT-GUARANTEES.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== style: clang-format, prettier, eslint (scripts/lint.sh)"
bash scripts/lint.sh

# Every compiler warning fails the build here (tta::warnings, CMakeLists.txt).
export TTA_WERROR=ON
bash scripts/build.sh

echo "== native tests (ctest)"
ctest --test-dir build/native -j"$(nproc)" --output-on-failure

if [ -d tests/js ]; then
  # Includes the limits at 32-bit sizes (limits.test.mjs, about a minute of
  # CPU) and the module against the CLI (differential.test.mjs).
  echo "== WebAssembly module under Node (node --test)"
  node --test --test-reporter=spec tests/js/
fi
if [ -d tests/browser ]; then
  echo "== pages in headless Chromium (node --test)"
  node --test --test-concurrency=1 --test-reporter=spec tests/browser/
fi

echo "== the npm package in fresh host apps: Vite + React, webpack 5, TypeScript (scripts/test-package.sh)"
bash scripts/test-package.sh

echo "== native tests under AddressSanitizer + UndefinedBehaviorSanitizer (scripts/sanitize.sh)"
bash scripts/sanitize.sh

echo "== fuzzing, 30 s per harness (scripts/fuzz.sh)"
bash scripts/fuzz.sh 30
