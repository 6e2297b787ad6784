// The overview's table and window controls in headless Chromium, against the
// native CLI: a custom date range (?from=&to=), sorting by every column,
// search, paging through sorted and searched results, and the CSV exports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ROOT, cliAnswer, runCli } from '../js/helpers.mjs';
import {
  afterNavigation,
  clickAndWait,
  downloadText,
  goTo,
  hashOf,
  openDashboard,
  readOverview,
  readTrack,
  screenshot,
  waitForInsights,
  PHONE,
  DESKTOP,
} from './fixtures/dashboard/harness.mjs';

const SAMPLE = join(ROOT, 'dist/data/sample-catalog.json');
const PAGE_SIZE = 50;
let dashboard, page;

before(async () => {
  dashboard = await openDashboard();
  page = dashboard.page;
  await waitForInsights(page);
});

after(() => dashboard?.close());

const cli = (...args) => cliAnswer([...args, SAMPLE]);
async function cliText(...args) {
  const { code, stdout, stderr } = await runCli([...args, SAMPLE]);
  assert.equal(code, 0, stderr);
  return stdout;
}

const rowIds = () => page.$$eval('#ranking-rows tr', (rows) => rows.map((r) => r.dataset.trackId));
const ariaSorts = () =>
  page.$$eval('#ranking-table th', (ths) => ths.map((th) => th.getAttribute('aria-sort')));

// The rows of the page in the shape of the CLI's overview tracks.
async function shownRows() {
  return (await readOverview(page)).rows.map(({ id, creations, views, streams }) => ({
    id,
    creations,
    views,
    streams,
  }));
}
const cliRows = (answer) =>
  answer.tracks.map(({ id, creations, views, streams }) => ({ id, creations, views, streams }));

describe('a custom date range', () => {
  test("the inputs offer the catalog's days only: from its first day with data to its last TikTok day", async () => {
    const { dataThrough } = await cli('overview', '--period', '7', '--limit', '0');
    assert.equal(await page.getAttribute('#range-to', 'max'), dataThrough.tiktok);
    // The first day of any series in the file: streams' 730 days end on D-2, so start on 2024-11-25.
    const document = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    const first = [...document.tiktok, ...document.streams].map((s) => s.start).sort()[0];
    assert.equal(first, '2024-11-25');
    assert.equal(await page.getAttribute('#range-from', 'min'), first);
    assert.equal(await page.getAttribute('#range-to', 'min'), first);
    assert.equal(
      await page.textContent('#range-bounds'),
      'This catalog has data from 25 Nov 2024 to 25 Nov 2026.',
    );
    assert.equal(await page.textContent('label:has(#range-from)'), 'From ');
    // With a period, the inputs show the window it covers.
    const overview = await cli('overview', '--period', '28', '--limit', '0');
    assert.equal(await page.inputValue('#range-from'), overview.window.start);
    assert.equal(await page.inputValue('#range-to'), overview.window.end);
  });

  test("Apply shows the range's KPIs and table as `tta overview --from --to`, compared with the range before it", async () => {
    assert.equal(await page.isHidden('#date-range'), true, 'the inputs open from their button');
    await page.click('#range-toggle');
    assert.equal(await page.getAttribute('#range-toggle', 'aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => __root().activeElement.id), 'range-from');
    await page.fill('#range-from', '2026-10-01');
    await page.fill('#range-to', '2026-10-31');
    await afterNavigation(page, () => page.click('#range-apply'));
    assert.equal(hashOf(page), '#/?from=2026-10-01&to=2026-10-31');
    assert.equal(await page.isHidden('#date-range'), true, 'Apply closes the inputs');
    assert.equal(await page.textContent('#range-toggle'), '1 Oct \u2013 31 Oct 2026');
    assert.deepStrictEqual(
      await page.$$eval('#period-switch input', (inputs) => inputs.map((i) => i.checked)),
      [false, false, false, false],
    );
    const answer = await cli(
      'overview',
      '--from',
      '2026-10-01',
      '--to',
      '2026-10-31',
      '--limit',
      String(PAGE_SIZE),
    );
    const shown = await readOverview(page);
    assert.equal(shown.creations.current, answer.creations.current);
    assert.equal(shown.views.current, answer.views.current);
    assert.equal(shown.streams.current, answer.streams.current);
    assert.equal(shown.tracksWithCreations, answer.tracksWithCreations);
    assert.equal(
      shown.window,
      '1 Oct \u2013 31 Oct 2026 (31 days) \u00B7 compared with 31 Aug \u2013 30 Sept 2026',
    );
    assert.equal(answer.previousWindow.start, '2026-08-31');
    assert.deepStrictEqual(await shownRows(), cliRows(answer));
    const kpiNote = await page.textContent('#overview-creations .kpi-note');
    assert.match(kpiNote, /in the previous 31 days$/);
    // The insights follow the range too.
    const splits = await cli('splits', '--from', '2026-10-01', '--to', '2026-10-31');
    const tiktok = splits.platform.find((e) => e.key === 'tiktok');
    assert.equal(
      Number(
        await page.getAttribute('#overview-splits [data-key="tiktok"] .split-share data', 'value'),
      ),
      tiktok.share,
    );
    await screenshot(page, 'insights-date-range-desktop');
  });

  test('the range stays across pages, reload, back and forward', async () => {
    const id = (await rowIds())[0];
    await clickAndWait(page, '#ranking-rows tr:first-child .track-link');
    assert.equal(hashOf(page), `#/track/${id}?from=2026-10-01&to=2026-10-31`);
    const answer = await cli('track', id, '--from', '2026-10-01', '--to', '2026-10-31');
    let shown = await readTrack(page);
    assert.equal(shown.creations, answer.creations.current);
    assert.deepStrictEqual(shown.chart.labels, answer.series.dates);
    assert.equal(await page.inputValue('#range-from'), '2026-10-01');

    await page.reload();
    await waitForInsights(page);
    assert.equal(hashOf(page), `#/track/${id}?from=2026-10-01&to=2026-10-31`);
    shown = await readTrack(page);
    assert.equal(shown.creations, answer.creations.current);
    assert.equal(await page.inputValue('#range-to'), '2026-10-31');

    await afterNavigation(page, () => page.goBack());
    assert.equal(hashOf(page), '#/?from=2026-10-01&to=2026-10-31');
    await afterNavigation(page, () => page.goBack());
    assert.equal(hashOf(page), '#/?period=28');
    assert.equal(await page.isChecked('#period-28'), true);
    await afterNavigation(page, () => page.goForward());
    assert.equal(hashOf(page), '#/?from=2026-10-01&to=2026-10-31');
    assert.equal(
      (await readOverview(page)).creations.current,
      (await cli('overview', '--from', '2026-10-01', '--to', '2026-10-31', '--limit', '0'))
        .creations.current,
    );

    // A period leaves the range.
    await afterNavigation(page, () => page.click('label[for="period-90"]'));
    assert.equal(hashOf(page), '#/?period=90');
  });

  test('a range that ends before it starts is refused by the form, and the URL stays', async () => {
    await page.click('#range-toggle');
    await page.fill('#range-from', '2026-11-10');
    await page.fill('#range-to', '2026-11-01');
    await page.click('#range-apply');
    assert.equal(
      await page.evaluate(() => __root().getElementById('range-to').validationMessage),
      'The last day must be on or after the first day.',
    );
    assert.equal(hashOf(page), '#/?period=90');
    await page.keyboard.press('Escape');
    assert.equal(await page.isHidden('#date-range'), true, 'Escape closes the inputs');
    // A link with a range past the data is brought inside it.
    await goTo(page, '#/?from=2026-11-01&to=2027-01-31');
    assert.equal(hashOf(page), '#/?from=2026-11-01&to=2026-11-25');
  });
});

describe('sorting, search and paging', () => {
  test('each column header sorts the table as the CLI, a second click turns the order round, aria-sort follows', async () => {
    await goTo(page, '#/?period=28');
    assert.deepStrictEqual(await ariaSorts(), [null, null, 'descending', null, null, null]);
    for (const [sort, index, firstAsc] of [
      ['views', 3, false],
      ['streams', 5, false],
      ['title', 1, true],
      ['artist', 1, true],
    ]) {
      await afterNavigation(page, () => page.click(`.sort-button[data-sort="${sort}"]`));
      assert.equal(hashOf(page), `#/?period=28&sort=${sort}`);
      const order = firstAsc ? ['--asc'] : [];
      assert.deepStrictEqual(
        await shownRows(),
        cliRows(await cli('overview', '--period', '28', '--sort', sort, ...order, '--limit', '50')),
        sort,
      );
      const sorts = await ariaSorts();
      assert.equal(sorts[index], firstAsc ? 'ascending' : 'descending', `${sort}: aria-sort`);
      assert.equal(sorts.filter(Boolean).length, 1);
      assert.equal(await page.textContent('#ranking-title'), `Tracks by ${sort}`);

      await afterNavigation(page, () => page.click(`.sort-button[data-sort="${sort}"]`));
      assert.equal(hashOf(page), `#/?period=28&sort=${sort}&order=${firstAsc ? 'desc' : 'asc'}`);
      const reverse = firstAsc ? [] : ['--asc'];
      assert.deepStrictEqual(
        await shownRows(),
        cliRows(
          await cli('overview', '--period', '28', '--sort', sort, ...reverse, '--limit', '50'),
        ),
        `${sort} reversed`,
      );
      assert.equal((await ariaSorts())[index], firstAsc ? 'descending' : 'ascending');
    }
    await afterNavigation(page, () => page.click('.sort-button[data-sort="creations"]'));
    assert.equal(hashOf(page), '#/?period=28');
    await afterNavigation(page, () => page.click('.sort-button[data-sort="creations"]'));
    assert.equal(hashOf(page), '#/?period=28&order=asc');
    assert.deepStrictEqual(
      await shownRows(),
      cliRows(await cli('overview', '--period', '28', '--asc', '--limit', '50')),
    );
    assert.equal((await ariaSorts())[2], 'ascending');
    await afterNavigation(page, () => page.goBack());
    assert.equal(hashOf(page), '#/?period=28', 'Back undoes the last sort');
    assert.equal((await ariaSorts())[2], 'descending');
  });

  test('the search box (debounced) filters by title, artist or ISRC as the CLI, and the URL keeps it', async () => {
    await goTo(page, '#/?period=28');
    await afterNavigation(page, () => page.fill('#table-search', 'melody'));
    assert.equal(hashOf(page), '#/?period=28&q=melody');
    const answer = await cli('overview', '--period', '28', '--search', 'melody', '--limit', '50');
    assert.ok(answer.matchingTracks > 1 && answer.matchingTracks < 50);
    assert.deepStrictEqual(await shownRows(), cliRows(answer));
    assert.match(
      await page.textContent('#pager-text'),
      new RegExp(`^1\u2013${answer.matchingTracks} of ${answer.matchingTracks} tracks`),
    );

    // By ISRC, and refining the text replaces the history entry.
    const isrc = 'FRX202400107';
    await afterNavigation(page, () => page.fill('#table-search', isrc));
    assert.equal(hashOf(page), `#/?period=28&q=${isrc}`);
    assert.deepStrictEqual(
      await rowIds(),
      (await cli('overview', '--period', '28', '--search', isrc)).tracks.map((t) => t.id),
    );
    assert.deepStrictEqual(await rowIds(), ['T107']);

    // No match: a line says so.
    await afterNavigation(page, () => page.fill('#table-search', 'zzzz-nothing'));
    assert.equal(await page.isVisible('#table-empty'), true);
    assert.match(
      await page.textContent('#table-empty'),
      /No track with creations matches “zzzz-nothing”/,
    );

    await afterNavigation(page, () => page.goBack());
    assert.equal(hashOf(page), '#/?period=28', 'Back leaves the search at once');
    assert.equal(await page.inputValue('#table-search'), '');
  });

  test('the pager pages through sorted and searched results as the CLI', async () => {
    await goTo(page, '#/?period=28&sort=title&q=e');
    const first = await cli(
      'overview',
      '--period',
      '28',
      '--sort',
      'title',
      '--asc',
      '--search',
      'e',
      '--limit',
      '50',
    );
    assert.ok(first.matchingTracks > PAGE_SIZE * 2, 'several pages');
    assert.equal(await page.inputValue('#table-search'), 'e');
    assert.deepStrictEqual(await shownRows(), cliRows(first));
    await clickAndWait(page, '#pager-next');
    assert.equal(hashOf(page), '#/?period=28&sort=title&q=e&page=2');
    const second = await cli(
      'overview',
      '--period',
      '28',
      '--sort',
      'title',
      '--asc',
      '--search',
      'e',
      '--limit',
      '50',
      '--offset',
      '50',
    );
    assert.deepStrictEqual(await shownRows(), cliRows(second));
    assert.deepStrictEqual(
      (await readOverview(page)).rows.map((r) => r.rank),
      second.tracks.map((_, i) => 51 + i),
    );
    assert.match(
      await page.textContent('#pager-text'),
      new RegExp(`^51\u2013100 of ${first.matchingTracks} tracks`),
    );
    // Sorting goes back to the first page, keeping the search.
    await afterNavigation(page, () => page.click('.sort-button[data-sort="views"]'));
    assert.equal(hashOf(page), '#/?period=28&sort=views&q=e');
  });

  test('on phones a select sorts the table the same way', async () => {
    await page.setViewportSize(PHONE);
    await goTo(page, '#/?period=7');
    assert.equal(await page.isVisible('#sort-select'), true);
    assert.equal(await page.isVisible('.sort-button[data-sort="views"]'), false);
    await afterNavigation(page, () => page.selectOption('#sort-select', 'artist:desc'));
    assert.equal(hashOf(page), '#/?period=7&sort=artist&order=desc');
    assert.deepStrictEqual(
      await shownRows(),
      cliRows(await cli('overview', '--period', '7', '--sort', 'artist', '--limit', '50')),
    );
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth),
      true,
    );
    await screenshot(page, 'insights-table-phone');
    await page.setViewportSize(DESKTOP);
  });
});

describe('CSV exports', () => {
  test('"Download CSV" saves every matching row of the table, sorted and searched, as `tta overview --csv`', async () => {
    await goTo(page, '#/?period=90&sort=streams&q=e');
    const { name, text } = await downloadText(page, '#download-table');
    const expected = await cliText(
      'overview',
      '--period',
      '90',
      '--sort',
      'streams',
      '--search',
      'e',
      '--csv',
    );
    assert.equal(text, expected);
    assert.ok(text.split('\n').length - 2 > PAGE_SIZE, 'more rows than one page');
    const { window } = await cli('overview', '--period', '90', '--limit', '0');
    assert.equal(name, `tracks_${window.start}_${window.end}_by-streams_search-e.csv`);
  });

  test('a track\'s "Download CSV" saves its daily series as `tta track --csv`, also for a custom range', async () => {
    await goTo(page, '#/track/T107?period=28');
    let download = await downloadText(page, '#download-track');
    assert.equal(download.text, await cliText('track', 'T107', '--period', '28', '--csv'));
    assert.match(download.name, /^T107_\d{4}-\d{2}-\d{2}_2026-11-25\.csv$/);

    await goTo(page, '#/track/T083?from=2026-09-01&to=2026-10-15&platform=douyin');
    download = await downloadText(page, '#download-track');
    assert.equal(
      download.text,
      await cliText(
        'track',
        'T083',
        '--from',
        '2026-09-01',
        '--to',
        '2026-10-15',
        '--platform',
        'douyin',
        '--csv',
      ),
    );
    assert.equal(download.name, 'T083_2026-09-01_2026-10-15_douyin.csv');
  });

  test('nothing was logged as an error, thrown or blocked by the CSP', async () => {
    assert.deepStrictEqual(dashboard.problems, []);
    assert.deepStrictEqual(await page.evaluate(() => window.__cspViolations), []);
  });
});
