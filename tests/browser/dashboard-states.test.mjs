// The dashboard's other states in headless Chromium: the empty state's
// articles, a refused file, untrusted titles, drag and drop, and the pages at
// phone width. Screenshots of each page go to build/screenshots/.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cliAnswer, cliLoadError, generate, scratchDir } from '../js/helpers.mjs';
import {
  DESKTOP,
  PHONE,
  choosePeriod,
  loadFile,
  openDashboard,
  readOverview,
  screenshot,
  waitForIdle,
} from './fixtures/dashboard/harness.mjs';

const dir = scratchDir();
let dashboard, page, quiet, busy;

const XSS_TITLE = '<img src=x onerror="window.__xss=1">';
const XSS_ARTIST = '<script>window.__xss=2</script>';

// A small crafted document: hostile strings in every text the page shows.
function hostileDocument() {
  const days = (n, f) => Array.from({ length: n }, (_, i) => f(i));
  return {
    schema: 'tiktok-analytics/v1',
    asOf: '2026-11-26',
    tracks: [
      { id: 'X1', title: XSS_TITLE, artist: XSS_ARTIST, isrc: '<b>ISRC</b>' },
      { id: '<svg onload=window.__xss=3>', title: '<b>bold</b> & <i>brave</i>', artist: 'Nova' },
    ],
    tiktok: [
      {
        track: 'X1',
        territory: 'fr',
        platform: 'tiktok',
        content: 'ugc',
        start: '2026-10-01',
        creations: days(56, (i) => i % 5),
        views: days(56, (i) => i * 100),
      },
      {
        track: '<svg onload=window.__xss=3>',
        territory: 'JP',
        platform: 'douyin',
        content: 'pgc',
        start: '2026-10-01',
        creations: days(56, () => 1),
        views: days(56, () => 10),
      },
    ],
    streams: [{ track: 'X1', start: '2026-10-01', streams: days(55, (i) => 1000 + i) }],
  };
}

const alertText = () => page.textContent('#load-error');

before(async () => {
  dashboard = await openDashboard();
  page = dashboard.page;
  quiet = await generate(dir, { tracks: 30, days: 500, seed: 3, quiet: true });
  busy = await generate(dir, { tracks: 60, days: 400, seed: 11 });
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostileDocument()));
  writeFileSync(
    join(dir, 'broken.json'),
    '{"tracks": [{"id": "A"}, {"id": "A"}], "asOf": "2026-01-01"}',
  );
  writeFileSync(join(dir, 'truncated.json'), '{"tracks": [');
});

after(() => dashboard?.close());

describe("the dashboard's other states", () => {
  test('a catalog with no creations in the period shows the three articles instead of the table', async () => {
    await loadFile(page, quiet, 'catalog-30-500-3-quiet');
    for (const period of [7, 365]) {
      await choosePeriod(page, period);
      const answer = await cliAnswer(['overview', '--period', String(period), quiet]);
      assert.equal(answer.tracksWithCreations, 0);
      const shown = await readOverview(page);
      assert.equal(shown.emptyShown, true);
      assert.equal(shown.rankingShown, false);
      assert.equal(await page.isVisible('#best-track'), false, 'no best track without creations');
      assert.equal(shown.creations.current, 0);
      assert.equal(shown.streams.current, answer.streams.current);
      assert.equal(shown.catalogTracks, answer.catalogTracks);
      const headings = await page.locator('#empty-state article h3').allTextContents();
      assert.equal(headings.length, 3);
      assert.match(headings[0], /marketing/i);
      assert.match(headings[1], /musician/i);
      assert.match(headings[2], /presence/i);
      for (const text of await page.locator('#empty-state article').allTextContents())
        assert.ok(text.length > 300, 'each article has real text');
    }
    await screenshot(page, 'empty-desktop');
  });

  test("a refused file shows the engine's message and the numbers before stay", async () => {
    await loadFile(page, busy, 'catalog-60-400-11');
    await choosePeriod(page, 28);
    const before = await readOverview(page);
    assert.equal(before.rankingShown, true);

    await page.setInputFiles('#file-input', join(dir, 'broken.json'));
    await page.waitForFunction(() => __root().getElementById('load-error').textContent !== '');
    await waitForIdle(page);
    const message = await cliLoadError(
      Buffer.from('{"tracks": [{"id": "A"}, {"id": "A"}], "asOf": "2026-01-01"}'),
    );
    assert.equal(
      await alertText(),
      `Could not load broken.json: ${message}. The data shown before is still loaded.`,
    );
    assert.equal(await page.getAttribute('#load-error', 'role'), 'alert');
    assert.deepStrictEqual(await readOverview(page), before);
    assert.equal(await page.textContent('#catalog-name'), 'catalog-60-400-11');
    await screenshot(page, 'error-desktop');

    // The data before still answers new questions, and a good file clears the message.
    await choosePeriod(page, 7);
    const answer = await cliAnswer(['overview', '--period', '7', '--limit', '50', busy]);
    assert.equal((await readOverview(page)).creations.current, answer.creations.current);
    await page.setInputFiles('#file-input', join(dir, 'truncated.json'));
    await page.waitForFunction(() =>
      __root().getElementById('load-error').textContent.startsWith('Could not load truncated.json'),
    );
    assert.match(await alertText(), /line \d+, column \d+/);
    await page.click('#dismiss-error');
    assert.equal(await alertText(), '');
    await page.setInputFiles('#file-input', join(dir, 'broken.json'));
    await page.waitForFunction(() => __root().getElementById('load-error').textContent !== '');
    await loadFile(page, busy, 'catalog-60-400-11');
    assert.equal(await alertText(), '', 'a file that loads clears the error');
  });

  test('titles, artists and ids are shown as text, never run as HTML', async () => {
    await loadFile(page, join(dir, 'hostile.json'), 'hostile');
    await choosePeriod(page, 28);
    const shown = await readOverview(page);
    const titles = shown.rows.map((r) => r.title);
    assert.ok(titles.includes(XSS_TITLE), titles.join(' | '));
    assert.ok(titles.includes('<b>bold</b> & <i>brave</i>'));
    assert.equal(shown.rows.find((r) => r.title === XSS_TITLE).artist, XSS_ARTIST);
    assert.equal(await page.locator('main img, main script, main svg, main b, main i').count(), 0);

    await page.click(`#ranking-rows tr[data-track-id="X1"] .col-number`);
    await page.waitForSelector('#track-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(await page.textContent('#track-title'), XSS_TITLE);
    assert.equal(await page.textContent('#track-artist'), XSS_ARTIST);
    assert.equal(await page.locator('main img, main script, main b').count(), 0);
    await page.goBack();
    await page.waitForSelector('#overview-page:not([hidden])');

    await page.click('#ranking-rows tr:has-text("brave") .track-link');
    await page.waitForSelector('#track-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(await page.textContent('#track-title'), '<b>bold</b> & <i>brave</i>');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  test('a file dropped on the page loads like a picked one', async () => {
    const text = JSON.stringify({
      ...hostileDocument(),
      tracks: hostileDocument().tracks.map((t) => ({ ...t, artist: 'Dropped' })),
    });
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document
          .querySelector('tiktok-analytics')
          .dispatchEvent(
            new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
    }, text);
    await page.waitForFunction(
      () =>
        __root().getElementById('catalog-name').textContent === 'dropped' &&
        __root().querySelector('main').getAttribute('aria-busy') === 'false',
    );
    assert.equal(await page.isHidden('#drop-overlay'), true);
    assert.equal(new URL(page.url()).hash, '#/?period=28', 'a new catalog opens on its overview');
    assert.ok((await readOverview(page)).rows.every((r) => r.artist === 'Dropped'));
  });

  test('at 360 px every page fits the width, and screenshots of each page are saved', async () => {
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await page.setViewportSize(PHONE);
    await loadFile(page, busy, 'catalog-60-400-11');
    await waitForIdle(page);
    assert.equal(await fits(), true, 'overview');
    await screenshot(page, 'overview-phone');

    await page.click('#ranking-rows tr:nth-child(1) .track-link');
    await page.waitForSelector('#track-page:not([hidden])');
    await waitForIdle(page);
    await page.waitForTimeout(500);
    assert.equal(await fits(), true, 'track');
    await screenshot(page, 'track-phone');
    await page.evaluate(() => __root().querySelector('.chart-card').scrollIntoView());
    await screenshot(page, 'track-phone-chart');

    await page.setInputFiles('#file-input', join(dir, 'broken.json'));
    await page.waitForFunction(() =>
      __root().getElementById('load-error').textContent.startsWith('Could not load broken.json'),
    );
    await page.evaluate(() => scrollTo(0, 0));
    assert.equal(await fits(), true, 'error');
    await screenshot(page, 'error-phone');

    await loadFile(page, quiet, 'catalog-30-500-3-quiet');
    assert.equal(await page.isVisible('#empty-state'), true);
    assert.equal(await fits(), true, 'empty state');
    await page.locator('#empty-state').scrollIntoViewIfNeeded();
    await screenshot(page, 'empty-phone');
    await page.setViewportSize(DESKTOP);
  });

  test('nothing was logged as an error, thrown or blocked by the CSP', async () => {
    assert.deepStrictEqual(dashboard.problems, []);
    assert.deepStrictEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });
});
