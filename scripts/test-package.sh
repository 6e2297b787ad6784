#!/usr/bin/env bash
# The package as a frontend team receives it: `npm pack`, then fresh host apps
# (tests/package/*: Node, TypeScript, webpack 5, Vite + React, each with its
# own committed lockfile) installed with `npm ci` plus the tarball on top,
# built for production and run in headless Chromium (or Node, or tsc) by
# tests/package/*.test.mjs. Installs and builds run with a PATH
# that holds node, npm and sh only: no Emscripten, no C or C++ compiler.
# Needs scripts/build.sh first (the packed .wasm, the CLI the answers are
# compared with). Reaches no network but the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
for needed in bindings/js/tta_wasm.js bindings/js/tta_wasm.wasm \
  build/native/cli/tta build/native/generator/tta-generate; do
  [ -f "$needed" ] ||
    { echo "test-package: $needed is missing: run bash scripts/build.sh first" >&2; exit 1; }
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
echo "test-package: $(basename "$tarball"):" \
  "$(stat -c %s "$tarball") bytes, $(tar -tzf "$tarball" | wc -l) files"

# node, npm and npx alone on PATH, and sh, through which npm runs scripts.
mkdir -p "$work/bin"
for tool in node npm npx sh; do
  ln -s "$(readlink -f "$(command -v "$tool")")" "$work/bin/$tool"
done
bare_path="$work/bin"
for compiler in emcc em++ emcmake cc c++ gcc g++ clang clang++ cmake make; do
  if PATH=$bare_path command -v "$compiler" >/dev/null; then
    echo "test-package: $compiler is reachable on the bare PATH" >&2; exit 1
  fi
done

apps=${TTA_PACKAGE_APPS:-node typescript webpack vite-react}  # a subset while working on one
for app in $apps; do
  echo "== host app $app: npm ci, the tarball on top, build"
  cp -r "tests/package/$app" "$work/$app"
  rm -rf "$work/$app/node_modules" "$work/$app/dist"
  (
    cd "$work/$app"
    export PATH=$bare_path
    npm ci --no-audit --no-fund --loglevel=error
    npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
    if node -e "process.exit(require('./package.json').scripts?.build ? 0 : 1)"; then
      npm run build >build.log 2>&1 || { echo "$(<build.log)"; exit 1; }
    fi
  )
  if [ -d "$work/$app/dist" ]; then
    (cd "$work/$app/dist" && find . -type f -printf '  %P %s bytes\n' | sort)
  fi
done

echo "== host apps in headless Chromium, types (node --test)"
tests=(tests/package/tarball.test.mjs)
[[ " $apps " == *" node "* ]] && tests+=(tests/package/engine-node.test.mjs)
[[ " $apps " == *" typescript "* ]] && tests+=(tests/package/types.test.mjs)
[[ " $apps " == *" webpack "* ]] && tests+=(tests/package/engine-webpack.test.mjs)
[[ " $apps " == *" vite-react "* ]] && tests+=(tests/package/host-react.test.mjs)
TTA_PACKAGE_WORK=$work TTA_PACKAGE_TARBALL=$tarball TTA_PACKAGE_PATH=$bare_path \
  node --test --test-concurrency=1 --test-reporter=spec "${tests[@]}"
echo "test-package: $((SECONDS - started)) s"
