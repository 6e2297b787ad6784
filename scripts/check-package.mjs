// Runs before `npm pack` / `npm publish` (the "prepack" script): the package
// ships the prebuilt engine, which the build writes into bindings/js/ and git
// ignores, so a tarball made before `bash scripts/build.sh` would install and
// then fail on its first import. Refuse to pack without it.
import { existsSync } from 'node:fs';

const missing = ['bindings/js/tta_wasm.js', 'bindings/js/tta_wasm.wasm'].filter(
  (path) => !existsSync(path),
);
if (missing.length) {
  console.error(`prepack: ${missing.join(' and ')} missing: run bash scripts/build.sh first`);
  process.exit(1);
}
