// The engine under Node from the installed tarball (tests/package/node): the
// prebuilt module loads with no compiler on PATH, and its overview is the CLI's.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { generate } from '../js/helpers.mjs';
import { BARE_PATH, WORK, app, cliAnswer, runBare } from './support.mjs';

test('createAnalytics() from the package answers as the CLI does, for every period', async () => {
  const catalog = await generate(WORK, { tracks: 40, days: 400, seed: 23 });
  for (const period of [7, 28, 90, 365]) {
    const { code, stdout, stderr } = await runBare(
      join(BARE_PATH, 'node'),
      ['overview.mjs', catalog, String(period)],
      app('node'),
    );
    assert.equal(code, 0, stderr);
    const expected = await cliAnswer([
      'overview',
      '--period',
      String(period),
      '--limit',
      '20',
      catalog,
    ]);
    assert.deepEqual(JSON.parse(stdout), expected);
  }
});
