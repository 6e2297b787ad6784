#!/usr/bin/env bash
# The package as a frontend team receives it: `npm pack`, then fresh host apps
# (tests/package/*, each with its own committed lockfile) installed with
# `npm ci` plus the tarball on top, built for production and run in headless
# Chromium by tests/package/*.test.mjs. Installs and builds run with a PATH
# that holds node and npm only: no Emscripten, no C or C++ compiler.
# Needs scripts/build.sh first (the packed .wasm, the CLI the answers are
# compared with). Reaches no network but the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
for needed in bindings/js/tta_wasm.js bindings/js/tta_wasm.wasm build/native/cli/tta build/native/generator/tta-generate; do
  [ -f "$needed" ] || { echo "test-package: $needed is missing: run bash scripts/build.sh first" >&2; exit 1; }
done
started=$SECONDS

# Apps are built outside the repository, so that nothing resolves by walking
# up into its node_modules or its sources: only the tarball counts.
work=$(mktemp -d "${TMPDIR:-/tmp}/tta-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== npm pack"
mkdir -p build/package
rm -f build/package/*.tgz
npm pack --silent --pack-destination build/package >/dev/null
tarball=$(ls "$root"/build/package/*.tgz)
echo "test-package: $(basename "$tarball"): $(stat -c %s "$tarball") bytes, $(tar -tzf "$tarball" | wc -l) files"

# node, npm and npx alone on PATH (npm scripts run /bin/sh by its full path).
mkdir -p "$work/bin"
for tool in node npm npx; do ln -s "$(readlink -f "$(command -v "$tool")")" "$work/bin/$tool"; done
bare_path="$work/bin"
for compiler in emcc em++ emcmake cc c++ gcc g++ clang clang++ cmake make; do
  if PATH=$bare_path command -v "$compiler" >/dev/null; then
    echo "test-package: $compiler is reachable on the bare PATH" >&2; exit 1
  fi
done

for app in typescript webpack vite-react; do
  echo "== host app $app: npm ci, the tarball on top, build"
  cp -r "tests/package/$app" "$work/$app"
  rm -rf "$work/$app/node_modules" "$work/$app/dist"
  (
    cd "$work/$app"
    export PATH=$bare_path
    npm ci --no-audit --no-fund --loglevel=error
    npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
    if grep -q '"build"' package.json; then npm run --silent build >build.log 2>&1 || { cat build.log; exit 1; }; fi
  )
  if [ -d "$work/$app/dist" ]; then
    (cd "$work/$app/dist" && find . -type f -printf '  %P %s bytes\n' | sort)
  fi
done

echo "== host apps in headless Chromium, types (node --test)"
TTA_PACKAGE_WORK=$work TTA_PACKAGE_TARBALL=$tarball TTA_PACKAGE_PATH=$bare_path \
  node --test --test-concurrency=1 --test-reporter=spec tests/package/
echo "test-package: $((SECONDS - started)) s"
