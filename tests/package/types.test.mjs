// A TypeScript consumer (tests/package/typescript) compiled with tsc --strict
// against the installed tarball: the types arrive through "exports" under
// bundler and node16 resolution, and a query without a window is refused.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { BARE_PATH, app, runBare } from './support.mjs';

const dir = app('typescript');
const tsc = (project) =>
  runBare(
    join(BARE_PATH, 'node'),
    [join(dir, 'node_modules/typescript/bin/tsc'), '-p', project],
    dir,
  );

test('a strict consumer compiles with moduleResolution bundler (its @ts-expect-error lines hold)', async () => {
  const { code, stdout } = await tsc('tsconfig.json');
  assert.equal(stdout, '');
  assert.equal(code, 0);
});

test('the same consumer compiles with moduleResolution node16', async () => {
  const { code, stdout } = await tsc('tsconfig.node16.json');
  assert.equal(stdout, '');
  assert.equal(code, 0);
});

test('overview({}) does not compile: one error, on that call, saying the window is missing', async () => {
  const { code, stdout } = await tsc('tsconfig.refused.json');
  assert.notEqual(code, 0);
  const errors = stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  assert.equal(errors.length, 1, stdout);
  assert.match(errors[0], /^src\/refused\.ts\(6,17\): error TS2345: /);
});
