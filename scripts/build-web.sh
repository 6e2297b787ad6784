#!/usr/bin/env bash
# Assembles dist/, the standalone demo as plain static files any host can serve.
# It mirrors the repository, so the dashboard's modules run as they are in web/
# (they import the engine as ../bindings/js/index.js and Chart.js by name):
#   dist/index.html              web/index.html with its paths made relative to dist/
#   dist/web/                    the dashboard (web/, with its messages and world map)
#   dist/bindings/js/            the engine (its JS and tta_wasm.wasm)
#   dist/node_modules/...        Chart.js 4, chartjs-chart-geo and their ES modules, which the
#                                page's import map names (no CDN)
#   dist/data/sample-catalog.json  the catalog the demo opens on
# Needs scripts/build.sh first (the wasm module and the native generator).
set -euo pipefail
cd "$(dirname "$0")/.."

engine=bindings/js
generator=build/native/generator/tta-generate
modules=(chart.js/dist @kurkle/color/dist chartjs-chart-geo/build d3-array/dist d3-color/dist d3-geo/dist
  d3-interpolate/dist d3-scale-chromatic/dist topojson-client/src)
for needed in "$engine/index.js" "$engine/tta_wasm.js" "$engine/tta_wasm.wasm" "$generator"; do
  [ -f "$needed" ] || { echo "build-web: $needed is missing: run bash scripts/build.sh first" >&2; exit 1; }
done
for module in "${modules[@]}"; do
  [ -d "node_modules/$module" ] || { echo "build-web: node_modules/$module is missing: run bash scripts/setup.sh first" >&2; exit 1; }
done

# One build at a time (test files may run in parallel), and none when dist/ is
# newer than everything it is made of: a server may be serving it.
mkdir -p build/web
exec 9>build/web/.lock
flock 9
if [ -f dist/.built ] && [ -z "$(find web "$engine" "$generator" scripts/build-web.sh -newer dist/.built -print -quit)" ]; then
  echo "build-web: dist/ is up to date"
  exit 0
fi

# The sample: a label-sized catalog with clean titles (the hostile ones stay in
# the tests' catalogs), fixed report day so that every build (and every
# screenshot) shows the same numbers. Its streams follow each track's daily
# creations with a known lag and ratio (--lift planted), so the lift insights the
# demo shows are right (docs/INSIGHTS.md). --short-form adds YouTube Shorts (no
# territory) and Instagram Reels series beside TikTok's, so the apps selector
# means something. Regenerated only when the generator changed.
sample_args=(--tracks 200 --days 730 --seed 1 --as-of 2026-11-26 --clean --short-form --lift planted)
sample=build/web/sample-catalog.json
if [ ! -f "$sample" ] || [ "$generator" -nt "$sample" ] || [ "$(cat "$sample.args" 2>/dev/null)" != "${sample_args[*]}" ]; then
  "$generator" "${sample_args[@]}" -o "$sample.tmp"
  mv "$sample.tmp" "$sample"
  echo "${sample_args[*]}" > "$sample.args"
fi

rm -rf dist
mkdir -p dist/web dist/bindings/js dist/data dist/node_modules
cp -r web/. dist/web/
rm -f dist/web/README.md
cp "$engine"/*.js "$engine"/*.wasm dist/bindings/js/
for module in "${modules[@]}"; do
  mkdir -p "dist/node_modules/$(dirname "$module")"
  cp -r "node_modules/$module" "dist/node_modules/$module"
done
find dist/node_modules -name '*.map' -delete
cp "$sample" dist/data/sample-catalog.json
# The demo page at the root: its paths from dist/, and the CSP hash of its import map again.
node -e '
const fs = require("fs"), crypto = require("crypto");
let html = fs.readFileSync("web/index.html", "utf8")
  .replaceAll("\"../node_modules/", "\"./node_modules/")
  .replaceAll("../build/web/sample-catalog.json", "data/sample-catalog.json")
  .replace(/(src|href)="\.\//g, "$1=\"web/");
const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1];
const hash = crypto.createHash("sha256").update(map).digest("base64");
html = html.replace(/'"'"'sha256-[^'"'"']+'"'"'/, `'"'"'sha256-${hash}'"'"'`);
fs.writeFileSync("dist/index.html", html);
'
touch dist/.built
echo "build-web: dist/ ready ($(du -sh dist | cut -f1))"
