// "Load your data" with the long-row CSV format in headless Chromium: a
// TikTok CSV alone, or with the streams CSV picked together (told apart by
// their header line), compared with the native CLI reading the same files;
// a refused CSV shows the CLI's message and keeps the catalog shown before.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { cliAnswer, firstMessage, generate, runCli, scratchDir } from '../js/helpers.mjs';
import {
  afterNavigation,
  day,
  goTo,
  hashOf,
  openDashboard,
  readOverview,
  readTrack,
  screenshot,
  waitForInsights,
} from './fixtures/dashboard/harness.mjs';

const dir = scratchDir();
const PAGE_SIZE = 50;
let dashboard, page, tiktokCsv, streamsCsv, jsonFile;

const addDays = (iso, n) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// The same data as a generated tiktok-analytics/v1 document, as long rows
// (a day with no data has no row). Quoted fields on purpose: ids with commas.
function toCsv(document) {
  const quote = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const tiktok = ['date,track,territory,platform,content,creations,views'];
  for (const s of document.tiktok) {
    s.creations.forEach((c, k) => {
      if (c === null) return;
      tiktok.push(
        [
          addDays(s.start, k),
          quote(s.track),
          s.territory,
          s.platform ?? '',
          s.content ?? '',
          c,
          s.views[k],
        ].join(','),
      );
    });
  }
  const streams = ['date,track,streams'];
  for (const s of document.streams) {
    s.streams.forEach((v, k) => {
      if (v !== null) streams.push([addDays(s.start, k), quote(s.track), v].join(','));
    });
  }
  return { tiktok: `${tiktok.join('\r\n')}\r\n`, streams: `\uFEFF${streams.join('\n')}\n` };
}

before(async () => {
  dashboard = await openDashboard();
  page = dashboard.page;
  jsonFile = await generate(dir, { tracks: 40, days: 120, seed: 5 });
  const csv = toCsv(JSON.parse(readFileSync(jsonFile, 'utf8')));
  tiktokCsv = join(dir, 'label-tiktok.csv');
  streamsCsv = join(dir, 'label-streams.csv');
  writeFileSync(tiktokCsv, csv.tiktok);
  writeFileSync(streamsCsv, csv.streams);
  writeFileSync(
    join(dir, 'duplicate.csv'),
    'date,track,territory,platform,content,creations,views\n2026-11-01,A,FR,tiktok,ugc,3,100\n2026-11-01,A,FR,tiktok,ugc,3,100\n',
  );
  writeFileSync(join(dir, 'other.csv'), 'day;song;plays\n2026-11-01;A;3\n');
});

after(() => dashboard?.close());

const loaded = (name) =>
  page.waitForFunction(
    (expected) =>
      __root().getElementById('catalog-name').textContent === expected &&
      __root().querySelector('main').getAttribute('aria-busy') === 'false',
    name,
    { timeout: 30_000 },
  );

function assertOverview(shown, answer) {
  assert.equal(shown.creations.current, answer.creations.current);
  assert.equal(shown.views.current, answer.views.current);
  assert.equal(shown.streams.current, answer.streams.current);
  assert.equal(shown.tracksWithCreations, answer.tracksWithCreations);
  assert.equal(shown.catalogTracks, answer.catalogTracks);
  assert.deepStrictEqual(
    shown.rows.map(({ id, title, artist, creations, views, streams, territories }) => ({
      id,
      title,
      artist,
      creations,
      views,
      streams,
      territories,
    })),
    answer.tracks.map((t) => ({
      id: t.id,
      title: `Untitled (${t.id})`,
      artist: 'Unknown artist',
      creations: t.creations,
      views: t.views,
      streams: t.streams,
      territories: t.topTerritories.map((x) => x.code),
    })),
  );
}

describe('"Load your data" with CSV files', () => {
  test('the TikTok and streams CSVs picked together load as one catalog, whatever their order, as the CLI reads them', async () => {
    await page.setInputFiles('#file-input', [streamsCsv, tiktokCsv]);
    await loaded('label-tiktok');
    await waitForInsights(page);
    assert.match(await page.textContent('#load-status-text'), /^Loaded label-tiktok: 40 tracks\.$/);
    assert.equal(hashOf(page), '#/?period=28');
    const answer = await cliAnswer([
      'overview',
      '--period',
      '28',
      '--limit',
      String(PAGE_SIZE),
      tiktokCsv,
      '--streams-csv',
      streamsCsv,
    ]);
    const shown = await readOverview(page);
    assertOverview(shown, answer);
    assert.equal(
      shown.freshness,
      `TikTok data through ${day(answer.dataThrough.tiktok)} \u00B7 streams through ${day(answer.dataThrough.streams)}`,
    );
    // The same numbers as the JSON document the rows came from.
    const fromJson = await cliAnswer(['overview', '--period', '28', '--limit', '0', jsonFile]);
    assert.equal(answer.creations.current, fromJson.creations.current);
    assert.equal(answer.streams.current, fromJson.streams.current);
    await screenshot(page, 'insights-csv-loaded-desktop');

    // Every page works on it: a track, with its insights.
    const id = shown.rows[0].id;
    await goTo(page, `#/track/${id}?period=90`);
    const track = await cliAnswer([
      'track',
      id,
      '--period',
      '90',
      tiktokCsv,
      '--streams-csv',
      streamsCsv,
    ]);
    const shownTrack = await readTrack(page);
    assert.equal(shownTrack.creations, track.creations.current);
    assert.equal(shownTrack.streams, track.streams.current);
    const lift = await cliAnswer([
      'lift',
      id,
      '--period',
      '90',
      tiktokCsv,
      '--streams-csv',
      streamsCsv,
    ]);
    assert.equal(
      await page.getAttribute('#lift-sentence', 'data-lag'),
      lift.bestLag === null ? '' : String(lift.bestLag),
    );
    await afterNavigation(page, () => page.click('#back-link'));
    assert.equal(hashOf(page), '#/?period=90');
    await afterNavigation(page, () => page.click('label[for="period-28"]'));
  });

  test('a TikTok CSV alone loads without streams', async () => {
    await page.setInputFiles('#file-input', tiktokCsv);
    await page.waitForFunction(
      () =>
        __root().getElementById('freshness').textContent.endsWith('no streams data') &&
        __root().querySelector('main').getAttribute('aria-busy') === 'false',
    );
    await waitForInsights(page);
    const answer = await cliAnswer([
      'overview',
      '--period',
      '28',
      '--limit',
      String(PAGE_SIZE),
      tiktokCsv,
    ]);
    assert.equal(answer.streams.current, 0);
    assertOverview(await readOverview(page), answer);
  });

  test("a refused CSV shows the CLI's message, and the catalog shown before stays", async () => {
    const before = await readOverview(page);
    const { code, stderr } = await runCli(['validate', join(dir, 'duplicate.csv')]);
    assert.equal(code, 2);
    await page.setInputFiles('#file-input', join(dir, 'duplicate.csv'));
    await page.waitForFunction(() => __root().getElementById('load-error').textContent.length > 0);
    assert.equal(
      await page.textContent('#load-error'),
      `Could not load duplicate.csv: ${firstMessage(stderr).replace(/\.$/, '')}. The data shown before is still loaded.`,
    );
    await waitForInsights(page);
    assert.deepStrictEqual(await readOverview(page), before);
    assert.equal(await page.textContent('#catalog-name'), 'label-tiktok');
  });

  test('files that are not the two CSV kinds are refused by the page with what to pick instead', async () => {
    await page.click('#dismiss-error');
    await page.setInputFiles('#file-input', join(dir, 'other.csv'));
    await page.waitForFunction(() => __root().getElementById('load-error').textContent.length > 0);
    assert.match(
      await page.textContent('#load-error'),
      /^Could not load other\.csv: other\.csv starts with "day;song;plays", not a known header: the TikTok CSV starts with "date,track,territory,platform,content,creations,views"/,
    );

    await page.click('#dismiss-error');
    await page.setInputFiles('#file-input', streamsCsv);
    await page.waitForFunction(() => __root().getElementById('load-error').textContent.length > 0);
    assert.match(await page.textContent('#load-error'), /no TikTok CSV among the files/);

    await page.click('#dismiss-error');
    await page.setInputFiles('#file-input', [tiktokCsv, jsonFile]);
    await page.waitForFunction(() => __root().getElementById('load-error').textContent.length > 0);
    assert.match(
      await page.textContent('#load-error'),
      /pick one tiktok-analytics\/v1 JSON file, or one or two CSV files/,
    );
    assert.equal(await page.textContent('#catalog-name'), 'label-tiktok');
  });

  test('a JSON document still loads as before', async () => {
    await page.setInputFiles('#file-input', jsonFile);
    await loaded('catalog-40-120-5');
    const answer = await cliAnswer(['overview', '--period', '28', '--limit', '1', jsonFile]);
    assert.equal((await readOverview(page)).creations.current, answer.creations.current);
  });

  test('nothing was logged as an error, thrown or blocked by the CSP', async () => {
    assert.deepStrictEqual(dashboard.problems, []);
    assert.deepStrictEqual(await page.evaluate(() => window.__cspViolations), []);
  });
});
