// What `npm pack` puts in the tarball: the engine with its prebuilt .wasm, the
// dashboard, types, CSS and docs; no tests, benchmarks, fuzzing or sources of
// the core; every export pointing at a file that is there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { ROOT } from '../js/helpers.mjs';
import { TARBALL } from './support.mjs';

const files = execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((path) => path.replace(/^package\//, ''));
const manifest = JSON.parse(
  execFileSync('tar', ['-xzOf', TARBALL, 'package/package.json'], { encoding: 'utf8' }),
);

test('the tarball ships the engine, its prebuilt module, the dashboard, types and licence', () => {
  for (const path of [
    'bindings/js/index.js',
    'bindings/js/worker.js',
    'bindings/js/analytics-worker.js',
    'bindings/js/packed-overview.js',
    'bindings/js/tta_wasm.js',
    'bindings/js/tta_wasm.wasm',
    'bindings/js/index.d.ts',
    'web/dashboard.js',
    'web/dashboard.d.ts',
    'LICENSE',
    'README.md',
    'CHANGELOG.md',
  ])
    assert.ok(files.includes(path), `${path} is not in the tarball`);
});

test('the packed .wasm is the one the build made', () => {
  const packed = execFileSync('tar', ['-xzOf', TARBALL, 'package/bindings/js/tta_wasm.wasm']);
  assert.ok(packed.equals(readFileSync(join(ROOT, 'bindings/js/tta_wasm.wasm'))));
});

test('the tarball holds no tests, benchmarks, fuzzing, C++ or build scripts', () => {
  const unwanted = files.filter(
    (path) =>
      /^(tests|bench|fuzz|core|cli|generator|scripts|build|\.ci)\//.test(path) ||
      /\.(cpp|hpp|h|txt)$/.test(path),
  );
  assert.deepEqual(unwanted, []);
});

test('the packed package.json is public, MIT, and every export names a packed file', () => {
  assert.equal(manifest.private, undefined);
  assert.equal(manifest.license, 'MIT');
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else for (const inner of Object.values(value)) collect(inner);
  };
  collect(manifest.exports);
  assert.deepEqual(Object.keys(manifest.exports).sort(), [
    '.',
    './dashboard',
    './package.json',
    './wasm',
    './worker',
  ]);
  for (const target of targets)
    assert.ok(files.includes(target.replace(/^\.\//, '')), `export target ${target} is not packed`);
  for (const name of ['chart.js', 'chartjs-chart-geo'])
    assert.ok(manifest.dependencies?.[name], `${name} must be a dependency, not a devDependency`);
});
