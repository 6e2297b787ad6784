// The dashboard in headless Chromium, served from dist/ under its CSP: what the
// pages show equals the native CLI's answers for the same file (the CLI is the
// independent path), and the URL carries the state through back, forward and
// reload.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { PERIODS, ROOT, cliAnswer, generate, scratchDir } from '../js/helpers.mjs';
import {
  chooseApps,
  choosePeriod,
  day,
  loadFile,
  openDashboard,
  readOverview,
  readTrack,
  screenshot,
  waitForIdle,
} from './fixtures/dashboard/harness.mjs';

const SAMPLE = join(ROOT, 'dist/data/sample-catalog.json');
const PAGE_SIZE = 50;
let dashboard, page, catalog;

const overviewOf = (file, period, offset = 0) =>
  cliAnswer([
    'overview',
    '--period',
    String(period),
    '--limit',
    String(PAGE_SIZE),
    '--offset',
    String(offset),
    file,
  ]);

function direction(change) {
  if (change === null) return 'none';
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}

// What the overview must show for an answer of the CLI.
function expectedOverview(answer, offset = 0) {
  const kpi = ({ current, change }) => ({
    current,
    direction: direction(change),
    title: current >= 10_000 ? new Intl.NumberFormat('en').format(current) : '',
  });
  return {
    creations: kpi(answer.creations),
    views: kpi(answer.views),
    streams: kpi(answer.streams),
    tracksWithCreations: answer.tracksWithCreations,
    catalogTracks: answer.catalogTracks,
    freshness: `TikTok data through ${day(answer.dataThrough.tiktok)} \u00B7 streams through ${day(answer.dataThrough.streams)}`,
    rows: answer.tracks.map((t, i) => ({
      rank: offset + i + 1,
      id: t.id,
      title: t.title ?? `Untitled (${t.id})`, // absent from the document
      artist: t.artist ?? 'Unknown artist',
      creations: t.creations,
      views: t.views,
      territories: t.topTerritories.map((x) => x.code),
      streams: t.streams,
    })),
  };
}

function assertOverview(shown, answer, offset = 0) {
  const { window, rankingShown, emptyShown, ...rest } = shown;
  assert.deepStrictEqual(rest, expectedOverview(answer, offset));
  assert.ok(window.startsWith(`Last ${answer.window.days} days: `), window);
  assert.ok(window.includes(day(answer.window.end)), window);
  assert.equal(rankingShown, true);
  assert.equal(emptyShown, false);
}

const hashOf = () => new URL(page.url()).hash;

before(async () => {
  dashboard = await openDashboard();
  page = dashboard.page;
  catalog = await generate(scratchDir(), { tracks: 120, days: 400, seed: 7 });
});

after(() => dashboard?.close());

describe('the dashboard on the sample catalog', () => {
  test('the page opens on the sample catalog with the 28-day overview of the CLI and a canonical URL', async () => {
    assert.equal(hashOf(), '#/?period=28');
    assert.equal(await page.textContent('#catalog-name'), 'Sample catalog');
    assert.equal(await page.isChecked('#period-28'), true);
    assertOverview(await readOverview(page), await overviewOf(SAMPLE, 28));
    await screenshot(page, 'overview-desktop');
  });

  test('reload, back and forward keep the period and the page', async () => {
    await choosePeriod(page, 7);
    assert.equal(hashOf(), '#/?period=7');
    const id = await page.getAttribute('#ranking-rows tr:nth-child(2)', 'data-track-id');
    await page.click('#ranking-rows tr:nth-child(2) .col-number');
    await page.waitForSelector('#track-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), `#/track/${id}?period=7`);

    await page.reload();
    await page.waitForSelector('#track-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), `#/track/${id}?period=7`);
    assert.equal(
      await page.isChecked('#period-7'),
      true,
      "the period switch shows the URL's period after a reload",
    );
    const track = await cliAnswer(['track', id, '--period', '7', SAMPLE]);
    assert.equal((await readTrack(page)).creations, track.creations.current);

    await page.goBack();
    await page.waitForSelector('#overview-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), '#/?period=7');
    assertOverview(await readOverview(page), await overviewOf(SAMPLE, 7));

    await page.goForward();
    await page.waitForSelector('#track-page:not([hidden])');
    assert.equal(hashOf(), `#/track/${id}?period=7`);
    await page.click('#back-link');
    await page.waitForSelector('#overview-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), '#/?period=7');
  });
});

describe('the overview of a loaded catalog', () => {
  test('"Load your data" loads a file in the Worker and says so', async () => {
    await page.evaluate(() => {
      window.__statusTexts = [];
      new MutationObserver(() =>
        window.__statusTexts.push(__root().getElementById('load-status-text').textContent),
      ).observe(__root().getElementById('load-status'), {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await loadFile(page, catalog, 'catalog-120-400-7');
    const texts = await page.evaluate(() => window.__statusTexts);
    assert.ok(
      texts.some((t) => /^Loading catalog-120-400-7… \(\d+(\.\d)? MB\)$/.test(t)),
      texts.join(' | '),
    );
    assert.match(
      await page.textContent('#load-status-text'),
      /^Loaded catalog-120-400-7: 120 tracks\.$/,
    );
    assert.equal(await page.textContent('#catalog-size'), '120 tracks');
  });

  for (const period of PERIODS) {
    test(`the ${period}-day overview shows the CLI's KPIs, track count and first page of the ranking, and the URL follows`, async () => {
      await choosePeriod(page, period);
      assert.equal(hashOf(), `#/?period=${period}`);
      assertOverview(await readOverview(page), await overviewOf(catalog, period));
    });
  }

  test('the ranking pages through every track with creations, 50 rows at a time', async () => {
    await choosePeriod(page, 365);
    const first = await overviewOf(catalog, 365);
    assert.ok(first.tracksWithCreations > PAGE_SIZE, 'the catalog needs more than one page');
    assert.match(
      await page.textContent('#pager-text'),
      new RegExp(`^1\u201350 of ${first.tracksWithCreations} tracks`),
    );
    assert.equal(await page.isDisabled('#pager-previous'), true);

    await page.click('#pager-next');
    await page.waitForFunction(
      () =>
        location.hash.includes('page=2') &&
        __root().querySelector('main').getAttribute('aria-busy') === 'false',
    );
    assert.equal(hashOf(), '#/?period=365&page=2');
    assertOverview(await readOverview(page), await overviewOf(catalog, 365, PAGE_SIZE), PAGE_SIZE);

    // A shorter period has fewer tracks: the page resets to the first.
    await choosePeriod(page, 7);
    assert.equal(hashOf(), '#/?period=7');
  });

  test('clicking a row opens the track page: KPIs, a drawn chart and the 50 territories of the CLI', async () => {
    await choosePeriod(page, 90);
    const overview = await overviewOf(catalog, 90);
    const { id } = overview.tracks[2];
    await page.click('#ranking-rows tr:nth-child(3) .col-territories');
    await page.waitForSelector('#track-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), `#/track/${id}?period=90`);
    await page.waitForFunction(
      () => window.Chart.getChart(__root().getElementById('daily-chart'))?.chartArea?.width > 100,
    );
    await page.waitForTimeout(500); // the chart's first animation (250 ms)

    const answer = await cliAnswer(['track', id, '--period', '90', catalog]);
    const shown = await readTrack(page);
    assert.equal(shown.title, answer.track.title);
    assert.equal(shown.artist, answer.track.artist);
    assert.equal(shown.creations, answer.creations.current);
    assert.equal(shown.views, answer.views.current);
    assert.equal(shown.streams, answer.streams.current);
    assert.deepStrictEqual(
      shown.topTerritories,
      answer.territories.slice(0, 3).map((t) => t.code),
    );
    assert.ok(
      answer.territories.length === 50,
      'the catalog should give this track 50 territories',
    );
    assert.deepStrictEqual(
      shown.territories.map(({ code, creations, views }) => ({ code, creations, views })),
      answer.territories,
    );
    for (const t of shown.territories)
      assert.ok(t.name.length > 2 && t.name !== t.code, `${t.code} is shown by name`);
    const share = answer.territories[0].creations / answer.creations.current;
    assert.equal(
      shown.territories[0].share,
      new Intl.NumberFormat('en', {
        style: 'percent',
        maximumFractionDigits: share < 0.1 ? 1 : 0,
      }).format(share),
    );

    // The chart got every day of the window, and streams end on a gap, not a
    // zero; on the logarithmic scale a real zero sits on the scale's floor.
    const { logFloor } = shown.chart;
    const onLogScale = (values) => values.map((v) => (v === 0 ? logFloor : v));
    assert.deepStrictEqual(shown.chart.labels, answer.series.dates);
    assert.deepStrictEqual(shown.chart.data, [
      answer.series.creations,
      onLogScale(answer.series.views),
      onLogScale(answer.series.streams),
    ]);
    assert.ok(
      logFloor > 0 &&
        logFloor <
          Math.min(...[...answer.series.views, ...answer.series.streams].filter((v) => v > 0)),
    );
    assert.equal(answer.series.streams.at(-1), null);
    assert.equal(shown.chart.data[2].at(-1), null);
    assert.deepStrictEqual(shown.chart.spanGaps, [false, false, false]);
    assert.ok(
      shown.chart.paintedPixels > shown.chart.totalPixels * 0.02,
      `the chart is drawn (${shown.chart.paintedPixels} pixels)`,
    );
    await screenshot(page, 'track-desktop');
    await page.evaluate(() => __root().querySelector('.chart-card').scrollIntoView());
    await screenshot(page, 'track-desktop-chart');
    await page.evaluate(() => scrollTo(0, 0));

    // Hovering a day shows its exact values: streams' last day has no data yet.
    const lines = async (index) => {
      const point = await page.evaluate((i) => {
        const canvas = __root().getElementById('daily-chart');
        const { x } = window.Chart.getChart(canvas).getDatasetMeta(0).data[i];
        const box = canvas.getBoundingClientRect();
        return { x: box.left + x, y: box.top + box.height / 2 };
      }, index);
      await page.mouse.move(point.x, point.y);
      return page.evaluate(() => {
        const { tooltip } = window.Chart.getChart(__root().getElementById('daily-chart'));
        return [...tooltip.title, ...tooltip.body.flatMap((b) => b.lines), ...tooltip.afterBody];
      });
    };
    const exact = new Intl.NumberFormat('en');
    const last = answer.series.dates.length - 1;
    const lastLines = await lines(last);
    assert.ok(lastLines[0].includes(day(answer.series.dates[last])), lastLines[0]);
    assert.deepStrictEqual(lastLines.slice(1), [
      `Creations: ${exact.format(answer.series.creations[last])}`,
      `Views: ${exact.format(answer.series.views[last])}`,
      'Streams (all platforms): no data yet',
    ]);
    const zero = answer.series.streams.indexOf(0);
    if (zero >= 0)
      assert.ok((await lines(zero)).includes('Streams (all platforms): 0'), 'a zero day says 0');
    await page.mouse.move(0, 0);
  });

  test('each series of the chart is hidden and shown again from its legend button', async () => {
    const legend = page.locator('#chart-legend button', { hasText: 'Views' });
    assert.equal(await legend.getAttribute('aria-pressed'), 'true');
    await legend.click();
    assert.equal(await legend.getAttribute('aria-pressed'), 'false');
    assert.deepStrictEqual((await readTrack(page)).chart.visible, [true, false, true]);
    await legend.press('Enter'); // the keyboard works as well
    assert.deepStrictEqual((await readTrack(page)).chart.visible, [true, true, true]);
  });

  test('Back and the "All tracks" link return to the overview with the same period', async () => {
    await page.goBack();
    await page.waitForSelector('#overview-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), '#/?period=90');
    assertOverview(await readOverview(page), await overviewOf(catalog, 90));

    await page.goForward();
    await page.waitForSelector('#track-page:not([hidden])');
    await page.click('#back-link');
    await page.waitForSelector('#overview-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), '#/?period=90');
    assert.equal(await page.isChecked('#period-90'), true);
  });

  test("pressing Enter on a row's title opens that track, and the page focuses its heading", async () => {
    const id = await page.getAttribute('#ranking-rows tr:nth-child(1)', 'data-track-id');
    await page.focus('#ranking-rows tr:nth-child(1) .track-link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#track-page:not([hidden])');
    await waitForIdle(page);
    assert.equal(hashOf(), `#/track/${id}?period=90`);
    assert.equal(await page.evaluate(() => __root().activeElement.id), 'track-title');
  });

  test('the period switch on the track page updates the track and stays on it', async () => {
    const id = decodeURIComponent(hashOf().match(/^#\/track\/([^?]+)/)[1]);
    await page.click('label[for="period-7"]');
    await page.waitForFunction(
      () =>
        __root().getElementById('track-window').textContent.startsWith('Last 7 days') &&
        __root().querySelector('main').getAttribute('aria-busy') === 'false',
    );
    assert.equal(hashOf(), `#/track/${encodeURIComponent(id)}?period=7`);
    const answer = await cliAnswer(['track', id, '--period', '7', catalog]);
    const shown = await readTrack(page);
    assert.equal(shown.creations, answer.creations.current);
    assert.equal(shown.chart.labels.length, 7);
  });

  test('a filter in the URL reaches the engine and is kept by the links', async () => {
    await chooseApps(page, ['tiktok']);
    await page.selectOption('#content-filter', 'ugc');
    await page.click('#back-link');
    await page.waitForSelector('#overview-page:not([hidden])');
    await page.waitForFunction(
      () =>
        location.hash === '#/?period=7&platform=tiktok&content=ugc' &&
        __root().querySelector('main').getAttribute('aria-busy') === 'false',
    );
    const answer = await cliAnswer([
      'overview',
      '--period',
      '7',
      '--platform',
      'tiktok',
      '--content',
      'ugc',
      '--limit',
      '50',
      catalog,
    ]);
    assertOverview(await readOverview(page), answer);
    await chooseApps(page, 'all');
    await page.selectOption('#content-filter', 'all');
    await page.waitForFunction(
      () =>
        location.hash === '#/?period=7' &&
        __root().querySelector('main').getAttribute('aria-busy') === 'false',
    );
  });

  test('the info icon opens the FAQ as a modal dialog: focus moves in, Tab stays in, Escape closes, focus returns to the "i"', async () => {
    const button = page.locator('#overview-page .info-button');
    assert.equal(await button.getAttribute('aria-label'), 'About these numbers');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#faq[open]');
    assert.equal(await page.evaluate(() => __root().getElementById('faq').matches(':modal')), true);
    const text = await page.textContent('#faq');
    for (const needle of [
      'Douyin',
      'PGC',
      'UGC',
      'audio fingerprint',
      'private or deleted',
      'TikTok pays for creations, not views',
      'UGC can be anything from 5% to 100% of the content made with a track',
    ])
      assert.ok(text.includes(needle), `the FAQ mentions ${needle}`);
    const more = page.locator('#faq .faq-more a');
    assert.equal(await more.getAttribute('href'), 'https://artists.tiktok.com/');
    // Focus is inside the dialog, and Tab (many times) never leaves it.
    const focusInDialog = () =>
      page.evaluate(() => __root().getElementById('faq').contains(__root().activeElement));
    assert.equal(await focusInDialog(), true);
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      const inside = await focusInDialog();
      const onPage = await page.evaluate(
        () => document.activeElement === document.body || document.activeElement === null,
      );
      assert.ok(inside || onPage, 'Tab left the dialog for the page under it');
    }
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#faq[open]').count(), 0);
    assert.equal(await page.evaluate(() => __root().activeElement?.id), 'overview-info');
  });

  test("the documentation link opens TikTok's guide for artists in a new tab", async () => {
    const link = page.locator('.doc-link');
    assert.match(await link.getAttribute('href'), /^https:\/\//);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /\bnoopener\b/);
  });

  test('nothing was logged as an error, thrown or blocked by the CSP', async () => {
    assert.deepStrictEqual(dashboard.problems, []);
    assert.deepStrictEqual(await page.evaluate(() => window.__cspViolations), []);
  });
});
