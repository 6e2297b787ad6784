// A plain webpack 5 production config: no rule, alias or copy step for the
// engine. webpack finds worker.js and tta_wasm.wasm from the package's own
// `new URL(..., import.meta.url)` forms.
import { fileURLToPath } from 'node:url';

const page = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Engine host (webpack)</title>
<link rel="icon" href="data:,">
<pre id="answer" data-state="loading">loading</pre>
<script src="main.js"></script>
</html>
`;

export default {
  mode: 'production',
  entry: './src/index.js',
  output: { path: fileURLToPath(new URL('./dist/', import.meta.url)), clean: true },
  plugins: [
    {
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('page', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'page' }, () => {
            compilation.emitAsset('index.html', new compiler.webpack.sources.RawSource(page));
          });
        });
      },
    },
  ],
};
