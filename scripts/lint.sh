#!/usr/bin/env bash
# Style and lint checks, part of scripts/test.sh: clang-format for C++
# (.clang-format), prettier for the JS, HTML and CSS (.prettierrc.json), eslint
# for mistakes in the JS (eslint.config.js). Prints what differs and fails.
#   bash scripts/lint.sh         # check
#   bash scripts/lint.sh --fix   # rewrite the files in place
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t cxx < <(git ls-files '*.cpp' '*.hpp' '*.h')
mapfile -t web < <(git ls-files '*.js' '*.mjs' '*.ts' '*.css' '*.html' | grep -v -E '(^|/)tta_wasm\.js$')

if [ "${1:-}" = --fix ]; then
  clang-format -i "${cxx[@]}"
  # eslint's fixes first: prettier then lays out what they leave.
  npx --no-install eslint --fix . || true
  npx --no-install prettier --log-level warn --write "${web[@]}"
  npx --no-install eslint --max-warnings 0 .
  exit 0
fi

status=0
echo "lint: clang-format on ${#cxx[@]} C++ files"
clang-format --dry-run --Werror "${cxx[@]}" || status=1
echo "lint: prettier on ${#web[@]} JS/TS/CSS/HTML files"
npx --no-install prettier --log-level warn --check "${web[@]}" || status=1
echo "lint: eslint"
npx --no-install eslint --max-warnings 0 . || status=1
if [ $status -ne 0 ]; then
  echo "lint: failed (bash scripts/lint.sh --fix rewrites the files)" >&2
fi
exit $status
