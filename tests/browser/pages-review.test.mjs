// The pages as a label manager uses them (the review of the pages): the
// ranking above the fold, no layout shift while loading, accessibility (axe
// on every page state, the skip link), the custom dates bounded to the data,
// an honest track chart, phones (the sticky period switch, compact rows, the
// chart's height, the FAQ's close button) and the splits card's filter note.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ROOT, cliAnswer, scratchDir } from '../js/helpers.mjs';
import {
  DESKTOP,
  afterNavigation,
  chooseApps,
  goTo,
  loadFile,
  openDashboard,
  screenshot,
  waitForInsights,
} from './fixtures/dashboard/harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 360, height: 740 };
const dir = scratchDir();

// Serious and critical violations of axe-core's rules in the whole page (the
// dashboard's open shadow root included), as "rule: target" lines.
async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
}

// A small catalog: track A with streams, track B without any streams series.
function noStreamsDocument() {
  const days = (n, f) => Array.from({ length: n }, (_, i) => f(i));
  return {
    schema: 'tiktok-analytics/v1',
    asOf: '2026-11-26',
    tracks: [
      { id: 'A', title: 'Northern Lights', artist: 'Iris Vega' },
      { id: 'B', title: 'Quiet Harbour', artist: 'Iris Vega' },
    ],
    tiktok: [
      {
        track: 'A',
        territory: 'FR',
        platform: 'tiktok',
        content: 'ugc',
        start: '2026-09-01',
        creations: days(86, (i) => 5 + (i % 7)),
        views: days(86, (i) => 1000 + 37 * i),
      },
      {
        track: 'B',
        territory: 'DE',
        platform: 'tiktok',
        content: 'pgc',
        start: '2026-09-01',
        creations: days(86, (i) => (i % 3 === 0 ? 0 : 4)),
        views: days(86, (i) => (i % 3 === 0 ? 0 : 900 + 30 * i)),
      },
    ],
    streams: [{ track: 'A', start: '2026-09-01', streams: days(85, (i) => 2000 + 11 * i) }],
  };
}

describe('desktop, 1280×900', () => {
  let dashboard, page;
  before(async () => {
    dashboard = await openDashboard({ viewport: DESKTOP });
    page = dashboard.page;
    await waitForInsights(page);
  });
  after(() => dashboard?.close());

  test('from navigation to the first overview, the layout shifts by at most 0.02 (CLS)', async () => {
    const shifts = await page.evaluate(() => window.__layoutShifts);
    const cls = shifts.reduce((sum, v) => sum + v, 0);
    console.log(`CLS desktop ${cls.toFixed(4)} (${shifts.length} shifts)`);
    assert.ok(cls <= 0.02, `CLS ${cls}`);
  });

  test('the ranked table starts right after the KPIs and the best track, its first rows above the fold', async () => {
    const boxes = await page.evaluate(() => {
      const box = (node) => node.getBoundingClientRect();
      const root = __root();
      return {
        kpis: box(root.querySelector('#overview-page .kpis')).bottom,
        bestTop: box(root.getElementById('best-track')).top,
        bestBottom: box(root.getElementById('best-track')).bottom,
        ranking: box(root.getElementById('ranking')).top,
        insights: box(root.querySelector('#overview-page .insights')).top,
        firstRow: box(root.querySelector('#ranking-rows tr')).bottom,
        thirdRow: box(root.querySelectorAll('#ranking-rows tr')[2]).bottom,
        track: box(root.querySelector('#ranking-table th.col-track')).width,
        table: box(root.getElementById('ranking-table')).width,
      };
    });
    // The best performing track (a compact card) sits between the KPIs and the table.
    assert.ok(boxes.bestTop > boxes.kpis && boxes.bestTop - boxes.kpis < 40, JSON.stringify(boxes));
    assert.ok(boxes.bestBottom - boxes.bestTop <= 110, JSON.stringify(boxes));
    assert.ok(
      boxes.ranking > boxes.bestBottom && boxes.ranking - boxes.bestBottom < 40,
      JSON.stringify(boxes),
    );
    assert.ok(boxes.insights > boxes.ranking, 'the insights come after the table');
    // With the best track's card above it, the table's first row (at 1280×900)
    // still ends above the fold; the third ends just under it.
    console.log(`first row ends at y=${boxes.firstRow}, third at y=${boxes.thirdRow}`);
    assert.ok(boxes.firstRow <= 900, `the first row ends at y=${boxes.firstRow}`);
    assert.ok(
      boxes.track >= 0.38 * boxes.table,
      `the Track column is ${boxes.track} of ${boxes.table} px`,
    );
  });

  test('two rows with the same title are told apart by their id, next to the artist', async () => {
    const rows = await page.$$eval('#ranking-rows tr', (trs) =>
      trs.map((tr) => ({
        id: tr.dataset.trackId,
        title: tr.querySelector('.track-link').textContent,
        tell: tr.querySelector('.track-tell').textContent,
      })),
    );
    const count = new Map();
    for (const r of rows) count.set(r.title, (count.get(r.title) ?? 0) + 1);
    assert.ok(
      [...count.values()].some((n) => n > 1),
      'the first page has a repeated title',
    );
    for (const r of rows) assert.equal(r.tell, count.get(r.title) > 1 ? ` · ${r.id}` : '', r.title);
  });

  test('the skip link is the first Tab stop and takes the focus to the first row', async () => {
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
    });
    // Unfocused, it paints nothing, least of all outside the element (a host's
    // header sits right above a dashboard).
    const hidden = await page.evaluate(() => {
      const box = __root().getElementById('skip-link').getBoundingClientRect();
      const host = __root().host.getBoundingClientRect();
      return { area: box.width * box.height, inside: box.top >= host.top && box.left >= host.left };
    });
    assert.ok(hidden.area <= 1, `unfocused skip link paints ${hidden.area} px²`);
    assert.ok(hidden.inside, 'the unfocused skip link stays inside the element');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => __root().activeElement?.id), 'skip-link');
    assert.equal(
      await page.evaluate(() => __root().activeElement.getBoundingClientRect().top >= 0),
      true,
      'visible when focused',
    );
    await page.keyboard.press('Enter');
    const first = await page.evaluate(() => __root().activeElement?.closest('tr')?.dataset.trackId);
    const answer = await cliAnswer([
      'overview',
      '--period',
      '28',
      '--limit',
      '1',
      join(ROOT, 'dist/data/sample-catalog.json'),
    ]);
    assert.equal(first, answer.tracks[0].id);
  });

  test('a link to a range before the data falls back to a period; a range whose previous days precede the data says so', async () => {
    await goTo(page, '#/?from=2016-11-01&to=2016-11-28');
    assert.equal(new URL(page.url()).hash, '#/?period=28');
    assert.equal(
      await page.isVisible('#empty-state'),
      false,
      'no beginner articles for a catalog that has creations',
    );
    await goTo(page, '#/?from=2024-11-25&to=2024-12-24');
    const note = await page.textContent('#overview-creations .kpi-note');
    assert.equal(note, 'No comparison: the data starts on 25 Nov 2024.');
    assert.ok(!(await page.textContent('#overview-page')).includes('vs 0 in'));
    await goTo(page, '#/?period=28');
  });

  test('with App = Douyin, the splits card says its app shares show every app', async () => {
    await chooseApps(page, ['douyin']);
    assert.equal(
      await page.textContent('#overview-splits .split-filters'),
      'The app shares show every app, whatever the Apps filter (Douyin); the video shares count Douyin only.',
    );
    await chooseApps(page, 'all');
  });

  test('the track chart: at least three labelled ticks on the views and streams axis, a linear scale on demand', async () => {
    await goTo(page, '#/track/T107?period=365');
    const ticks = () =>
      page.evaluate(() => {
        const chart = window.Chart.getChart(__root().getElementById('daily-chart'));
        return {
          labels: chart.scales.audience.ticks.filter((t) => t.label !== '').map((t) => t.label),
          type: chart.scales.audience.type,
        };
      });
    const log = await ticks();
    assert.equal(log.type, 'logarithmic');
    assert.ok(log.labels.length >= 3, JSON.stringify(log.labels));
    await page.click('label[for="scale-linear"]');
    const linear = await ticks();
    assert.equal(linear.type, 'linear');
    assert.equal(linear.labels[0], '0', 'zeros are at 0 on the linear scale');
    await page.click('label[for="scale-log"]');
  });

  test('axe finds no serious or critical violation on the overview, breakouts, track page, FAQ, custom dates and apps', async () => {
    const found = {};
    await goTo(page, '#/?period=28');
    found.overview = await axeViolations(page);
    await goTo(page, '#/?period=28&view=breakouts');
    found.breakouts = await axeViolations(page);
    await goTo(page, '#/track/T107?period=28');
    found.track = await axeViolations(page);
    await page.click('#track-info');
    found.faq = await axeViolations(page);
    await page.keyboard.press('Escape');
    await goTo(page, '#/?period=28');
    await page.click('#range-toggle');
    found.customDates = await axeViolations(page);
    await page.keyboard.press('Escape');
    await page.click('#platform-toggle');
    found.apps = await axeViolations(page);
    await page.keyboard.press('Escape');
    console.log(
      `axe serious/critical: ${JSON.stringify(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.length])))}`,
    );
    assert.deepEqual(found, {
      overview: [],
      breakouts: [],
      track: [],
      faq: [],
      customDates: [],
      apps: [],
    });
  });

  test('a track with no streams data gets no streams line, and its legend says so', async () => {
    const file = join(dir, 'no-streams.json');
    writeFileSync(file, JSON.stringify(noStreamsDocument()));
    await loadFile(page, file, 'no-streams');
    await goTo(page, '#/track/B?period=28');
    const shown = await page.evaluate(() => {
      const chart = window.Chart.getChart(__root().getElementById('daily-chart'));
      const button = __root().querySelector('.legend-streams');
      return {
        streamsVisible: chart.isDatasetVisible(2),
        viewsVisible: chart.isDatasetVisible(1),
        disabled: button.disabled,
        text: button.textContent,
        note: __root().getElementById('chart-note').textContent,
        ticks: chart.scales.audience.ticks.filter((t) => t.label !== '').length,
      };
    });
    assert.deepEqual(shown.streamsVisible, false);
    assert.deepEqual(shown.viewsVisible, true);
    assert.equal(shown.disabled, true);
    assert.equal(shown.text, 'Streams (all platforms): none in this period');
    assert.ok(
      shown.note.includes('No streams for this track in this period: no streams line.'),
      shown.note,
    );
    assert.ok(shown.ticks >= 3, `${shown.ticks} labelled ticks`);
    // A track with streams keeps its line.
    await goTo(page, '#/track/A?period=28');
    assert.equal(
      await page.evaluate(() =>
        window.Chart.getChart(__root().getElementById('daily-chart')).isDatasetVisible(2),
      ),
      true,
    );
    assert.deepEqual(await axeViolations(page), []);
    // (axe-core tries inline styles of its own, which the page's CSP blocks: not the dashboard's.)
    assert.deepEqual(
      dashboard.problems.filter((p) => !p.includes('Applying inline style violates')),
      [],
    );
  });
});

describe('phone, 360×740', () => {
  let dashboard, page;
  before(async () => {
    dashboard = await openDashboard({ viewport: PHONE });
    page = dashboard.page;
    await waitForInsights(page);
  });
  after(() => dashboard?.close());

  test('from navigation to the first overview, the layout shifts by at most 0.02 (CLS)', async () => {
    const shifts = await page.evaluate(() => window.__layoutShifts);
    const cls = shifts.reduce((sum, v) => sum + v, 0);
    console.log(`CLS phone ${cls.toFixed(4)} (${shifts.length} shifts)`);
    assert.ok(cls <= 0.02, `CLS ${cls}`);
  });

  test('the period switch stays at the top while scrolling, in a bar at most 56 px high, and works there', async () => {
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.waitForTimeout(100);
    const bar = await page.evaluate(() => {
      const box = __root().querySelector('.toolbar').getBoundingClientRect();
      const period = __root().getElementById('period-switch').getBoundingClientRect();
      return { top: box.top, height: box.height, periodTop: period.top, scrollY };
    });
    assert.ok(bar.scrollY > 1000, 'the page scrolled');
    assert.ok(bar.top === 0 && bar.height <= 56, JSON.stringify(bar));
    await afterNavigation(page, () => page.click('label[for="period-7"]'));
    assert.equal(new URL(page.url()).hash, '#/?period=7');
    await screenshot(page, 'review-phone-sticky');
  });

  test("rows are compact, the chart is at least 300 px tall, and the FAQ's close button stays in view", async () => {
    const rows = await page.evaluate(() => {
      const trs = [...__root().querySelectorAll('#ranking-rows tr')];
      return trs.reduce((sum, tr) => sum + tr.getBoundingClientRect().height, 0) / trs.length;
    });
    assert.ok(rows <= 100, `a row is ${rows} px tall on average`);
    await goTo(page, '#/track/T107?period=28');
    const chart = await page.evaluate(
      () => __root().querySelector('.chart-box').getBoundingClientRect().height,
    );
    assert.ok(chart >= 300, `the chart is ${chart} px tall`);
    await page.click('#track-info');
    await page.evaluate(() => {
      const faq = __root().getElementById('faq');
      faq.scrollTop = faq.scrollHeight;
    });
    const close = await page.evaluate(() => {
      const box = __root().getElementById('faq-close').getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: innerHeight };
    });
    assert.ok(close.top >= 0 && close.bottom <= close.height, JSON.stringify(close));
    await page.click('#faq-close');
    assert.equal(await page.locator('#faq[open]').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
  });
});
