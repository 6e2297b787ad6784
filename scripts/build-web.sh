#!/usr/bin/env bash
# Assembles dist/, the dashboard as plain static files any host can serve:
#   dist/*                       the shell (web/)
#   dist/engine/                 the engine, copied flat from bindings/js/ (see bindings/README.md)
#   dist/vendor/chart.umd.js     Chart.js 4 from node_modules (no CDN)
#   dist/vendor/chartjs-chart-geo.umd.min.js  the map's chart type (bundles d3-geo and topojson-client)
#   dist/data/countries-110m.json  world-atlas's 1:110m countries (TopoJSON, ids are ISO 3166 numeric)
#   dist/data/sample-catalog.json  the catalog the page opens on
# Needs scripts/build.sh first (the wasm module and the native generator).
set -euo pipefail
cd "$(dirname "$0")/.."

engine=bindings/js
generator=build/native/generator/tta-generate
chart=node_modules/chart.js/dist/chart.umd.js
geo=node_modules/chartjs-chart-geo/build/index.umd.min.js
atlas=node_modules/world-atlas/countries-110m.json
for needed in "$engine/index.js" "$engine/tta_wasm.js" "$engine/tta_wasm.wasm" "$generator"; do
  [ -f "$needed" ] || { echo "build-web: $needed is missing: run bash scripts/build.sh first" >&2; exit 1; }
done
for vendored in "$chart" "$geo" "$atlas"; do
  [ -f "$vendored" ] || { echo "build-web: $vendored is missing: run bash scripts/setup.sh first" >&2; exit 1; }
done

# One build at a time (test files may run in parallel), and none when dist/ is
# newer than everything it is made of: a server may be serving it.
mkdir -p build/web
exec 9>build/web/.lock
flock 9
if [ -f dist/.built ] && [ -z "$(find web "$engine" "$chart" "$geo" "$atlas" "$generator" scripts/build-web.sh -newer dist/.built -print -quit)" ]; then
  echo "build-web: dist/ is up to date"
  exit 0
fi

# The sample: an artist-sized catalog, fixed report day so that every build
# (and every screenshot) shows the same numbers. Regenerated only when the
# generator changed.
sample_args=(--tracks 200 --days 730 --seed 1 --as-of 2026-11-26)
sample=build/web/sample-catalog.json
if [ ! -f "$sample" ] || [ "$generator" -nt "$sample" ]; then
  "$generator" "${sample_args[@]}" -o "$sample.tmp"
  mv "$sample.tmp" "$sample"
fi

rm -rf dist
mkdir -p dist/engine dist/vendor dist/data
find web -maxdepth 1 -type f ! -name '*.md' -exec cp {} dist/ \;
cp "$engine"/*.js "$engine"/*.wasm dist/engine/
cp "$chart" dist/vendor/
cp "$geo" dist/vendor/chartjs-chart-geo.umd.min.js
cp "$atlas" dist/data/
cp "$sample" dist/data/sample-catalog.json
touch dist/.built
echo "build-web: dist/ ready ($(du -sh dist | cut -f1))"
