// The dashboard's insights in headless Chromium, compared with the native
// CLI's answers for the same catalog (the sample the page opens on): how
// streams follow creations (lift), breakouts, the platform and content
// splits, the territory map and the weekly chart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ROOT, cliAnswer } from '../js/helpers.mjs';
import {
  afterNavigation,
  clickAndWait,
  goTo,
  hashOf,
  openDashboard,
  screenshot,
  waitForInsights,
  PHONE,
  DESKTOP,
} from './fixtures/dashboard/harness.mjs';
import { ISO_NUMERIC } from '../../web/iso-numeric.js';

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

function readLift() {
  return page.evaluate(() => {
    const sentence = __root().getElementById('lift-sentence');
    const chart = window.Chart.getChart(__root().getElementById('lift-chart'));
    return {
      text: sentence.textContent,
      lag: sentence.dataset.lag === '' ? null : Number(sentence.dataset.lag),
      labels: chart.data.labels,
      correlations: chart.data.datasets[0].data,
      colors: chart.data.datasets[0].backgroundColor,
    };
  });
}

function readSplits(sectionId) {
  return page.evaluate((id) => {
    const section = __root().getElementById(id);
    const shares = (split) =>
      Object.fromEntries(
        [...section.querySelectorAll(`[data-split="${split}"] .split-kpi[data-key]`)].map((kpi) => [
          kpi.dataset.key,
          {
            share: Number(kpi.querySelector('.split-share data').value),
            text: kpi.querySelector('.split-share').textContent,
            creations: Number(kpi.querySelector('.split-count data').value),
          },
        ]),
      );
    const chart = window.Chart.getChart(section.querySelector('canvas'));
    return {
      platform: shares('platform'),
      content: shares('content'),
      chart: chart.data.datasets.map((d) => d.data.slice()),
      explainer: section.querySelector('.splits-explainer').textContent,
    };
  }, sectionId);
}

// What the page should show for a CLI splits answer: entries with creations.
function expectedSplits(answer) {
  const shown = (entries) =>
    Object.fromEntries(
      entries
        .filter((e) => e.creations > 0)
        .map((e) => [
          e.key,
          {
            share: e.share,
            text: new Intl.NumberFormat('en', {
              style: 'percent',
              maximumFractionDigits: e.share < 0.1 ? 1 : 0,
            }).format(e.share),
            creations: e.creations,
          },
        ]),
    );
  return { platform: shown(answer.platform), content: shown(answer.content) };
}

const later = (lag) =>
  lag === 0 ? 'on the same day' : `about ${lag} ${lag === 1 ? 'day' : 'days'} later`;

describe('lift: how streams follow TikTok creations', () => {
  test('the track page states the lag, correlation and streams per creation the CLI claims, with a chart of every lag', async () => {
    // The demo sample plants a lag and a ratio per track (--lift planted): the
    // first track of the CLI's ranking has a claim.
    const ranking = await cli('lift-ranking', '--period', '28');
    assert.ok(ranking.tracks.length > 0, 'the sample has tracks with a claim');
    const id = ranking.tracks[0].id;
    await goTo(page, `#/track/${id}?period=28`);
    const answer = await cli('lift', id, '--period', '28');
    assert.equal(answer.reason, null);
    const shown = await readLift();
    assert.equal(shown.lag, answer.bestLag);
    assert.ok(shown.text.includes(later(answer.bestLag)), shown.text);
    assert.ok(shown.text.includes(`correlation ${answer.correlation.toFixed(2)}`), shown.text);
    if (answer.streamsPerCreation !== null) {
      const { low, high } = answer.streamsPerCreationInterval;
      const n = new Intl.NumberFormat('en');
      assert.ok(
        shown.text.includes(
          `roughly ${n.format(low)} to ${n.format(high)} extra streams per creation`,
        ),
        shown.text,
      );
    } else {
      assert.ok(!shown.text.includes('per creation'), shown.text);
    }
    // Which days the estimate used, as the engine says.
    const history = await page.evaluate(() => __root().getElementById('lift-history').textContent);
    assert.ok(history.includes(`(${answer.history.days} days)`), history);
    assert.deepStrictEqual(
      shown.labels,
      answer.lags.map((l) => String(l.lag)),
    );
    assert.deepStrictEqual(
      shown.correlations,
      answer.lags.map((l) => l.correlation),
    );
    assert.equal(
      new Set(shown.colors).size > 1 && shown.colors[answer.bestLag],
      '#d6245f',
      'the best lag stands out',
    );
    await page.locator('#lift-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'insights-lift-splits-desktop');
  });

  test("a track without a claim gets the engine's reason as a sentence, never a lag or a ratio", async () => {
    // A track with creations whose link the engine does not claim.
    const overview = await cli('overview', '--period', '28');
    let unclaimed = null;
    for (const track of overview.tracks) {
      const lift = await cli('lift', track.id, '--period', '28');
      if (lift.reason === 'not-significant') {
        unclaimed = lift;
        break;
      }
    }
    assert.ok(unclaimed, 'the sample has a track whose link is not significant');
    assert.equal(unclaimed.bestLag, null);
    await goTo(page, `#/track/${unclaimed.track.id}?period=28`);
    const shown = await readLift();
    assert.equal(shown.lag, null);
    assert.match(shown.text, /^No clear link in the last 12 weeks/);
    assert.ok(!shown.text.includes('per creation') && !shown.text.includes('later'), shown.text);
    assert.equal(await page.isVisible('#lift-chart'), true, 'the lags it tested are drawn');

    // A track with no creations: too little activity to tell.
    const used = new Set((await cli('overview', '--period', '90')).tracks.map((t) => t.id));
    const unused = JSON.parse(readFileSync(SAMPLE, 'utf8'))
      .tracks.map((t) => t.id)
      .find((id) => !used.has(id));
    const lift = await cli('lift', unused, '--period', '7');
    assert.equal(lift.bestLag, null);
    assert.equal(lift.reason, 'thin-activity');
    await goTo(page, `#/track/${unused}?period=7`);
    const none = await readLift();
    assert.equal(none.lag, null);
    assert.match(none.text, /^Not enough TikTok activity in the last 12 weeks to tell/);
    assert.deepEqual(lift.lags, []);
    assert.equal(
      await page.isVisible('#lift-chart'),
      false,
      'no empty chart for a track with no lags',
    );
    assert.equal(
      await page.isVisible('#lift-history'),
      true,
      'the days the engine looked at are still said',
    );
  });

  test("the overview lists the 5 tracks whose streams follow TikTok most, as the CLI's lift-ranking", async () => {
    // 28 days of the sample is asked right after the paint; 90 days (past the
    // budget of track-days) once the user stays on it: both as the CLI.
    await goTo(page, '#/?period=28');
    const short = await cli('lift-ranking', '--period', '28', '--limit', '5');
    assert.deepStrictEqual(
      await page.$$eval('#lift-list li', (items) => items.map((li) => li.dataset.trackId)),
      short.tracks.map((t) => t.id),
    );
    await goTo(page, '#/?period=90');
    assert.equal(
      await page.getAttribute('#lift-ranking', 'class'),
      'card lift-ranking insight',
      'no longer marked as updating',
    );
    const answer = await cli('lift-ranking', '--period', '90', '--limit', '5');
    const shown = await page.$$eval('#lift-list li', (items) =>
      items.map((li) => ({
        id: li.dataset.trackId,
        lag: Number(li.dataset.lag),
        title: li.querySelector('.track-link').textContent,
        href: li.querySelector('.track-link').getAttribute('href'),
        details: li.querySelector('.lift-details').textContent,
      })),
    );
    assert.deepStrictEqual(
      shown.map(({ id, lag, title }) => ({ id, lag, title })),
      answer.tracks.map((t) => ({ id: t.id, lag: t.bestLag, title: t.title })),
    );
    shown.forEach((item, i) => {
      assert.equal(item.href, `#/track/${item.id}?period=90`);
      assert.ok(
        item.details.includes(`correlation ${answer.tracks[i].correlation.toFixed(2)}`),
        item.details,
      );
    });
    await clickAndWait(page, '#lift-list li:first-child .track-link');
    assert.equal(hashOf(page), `#/track/${answer.tracks[0].id}?period=90`);
    assert.equal((await readLift()).lag, answer.tracks[0].bestLag);
  });
});

describe('breakouts', () => {
  test('rows of the first page carry a badge exactly for the CLI\'s breakouts, "New" when nothing came before', async () => {
    for (const [hash, args] of [
      ['#/?period=28', ['--period', '28']],
      ['#/?period=7&platform=tiktok', ['--period', '7', '--platform', 'tiktok']],
    ]) {
      await goTo(page, hash);
      const answer = await cli('breakouts', ...args);
      const firstPage = await cli('overview', ...args, '--limit', String(PAGE_SIZE));
      const growth = new Map(answer.tracks.map((t) => [t.id, t.growth]));
      const expected = firstPage.tracks
        .filter((t) => growth.has(t.id))
        .map((t) => ({ id: t.id, badge: growth.get(t.id) === null ? 'New' : 'Breakout' }));
      assert.ok(expected.length > 0, `${hash}: some breakouts on the first page`);
      const shown = await page.$$eval('#ranking-rows tr', (rows) =>
        rows
          .filter((r) => r.querySelector('.badge'))
          .map((r) => ({ id: r.dataset.trackId, badge: r.querySelector('.badge').textContent })),
      );
      assert.deepStrictEqual(shown, expected);
      assert.equal(await page.textContent('#breakouts-count'), String(answer.breakouts));
    }
  });

  test('the Breakouts tab lists them with creations, previous creations and growth, as the CLI', async () => {
    await goTo(page, '#/?period=28');
    await clickAndWait(page, '#tab-breakouts');
    assert.equal(hashOf(page), '#/?period=28&view=breakouts');
    assert.equal(await page.getAttribute('#tab-breakouts', 'aria-current'), 'page');
    const answer = await cli('breakouts', '--period', '28', '--limit', String(PAGE_SIZE));
    const shown = await page.$$eval('#breakouts-rows tr', (rows) =>
      rows.map((r) => ({
        id: r.dataset.trackId,
        creations: Number(r.cells[2].querySelector('data').value),
        previousCreations: Number(r.cells[3].querySelector('data').value),
        growth: r.cells[4].dataset.growth === 'new' ? null : Number(r.cells[4].dataset.growth),
        growthText: r.cells[4].textContent,
      })),
    );
    assert.deepStrictEqual(
      shown.map(({ growthText, ...rest }) => rest),
      answer.tracks.map(({ id, creations, previousCreations, growth }) => ({
        id,
        creations,
        previousCreations,
        growth,
      })),
    );
    // The growth (a multiple past +999%), then the counts it rests on.
    const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
    const number = new Intl.NumberFormat('en');
    const growthText = (g) =>
      g === null
        ? 'New'
        : g >= 9.995
          ? `\u00D7${new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(g + 1)}`
          : `+${percent.format(g)}`;
    shown.forEach((row) =>
      assert.equal(
        row.growthText,
        `${growthText(row.growth)}from ${number.format(row.previousCreations)} to ${number.format(row.creations)}`,
      ),
    );
    assert.ok(
      shown.some((row) => row.growth === null),
      'the sample has a new breakout at 28 days',
    );
    assert.equal(await page.isHidden('#ranking-table'), true);
    await screenshot(page, 'insights-breakouts-desktop');

    // Back returns to the table.
    await afterNavigation(page, () => page.goBack());
    assert.equal(hashOf(page), '#/?period=28');
    assert.equal(await page.isVisible('#ranking-table'), true);
  });
});

describe('splits: the apps, UGC vs PGC', () => {
  test("the overview shows the catalog's shares as the CLI, with a chart and the FAQ's explanation", async () => {
    await goTo(page, '#/?period=28');
    const shown = await readSplits('overview-splits');
    const answer = await cli('splits', '--period', '28');
    const { chart, explainer, ...shares } = shown;
    assert.deepStrictEqual(shares, expectedSplits(answer));
    const position = (entries, keys) =>
      keys.map((k) => (entries.find((e) => e.key === k)?.share ?? 0) * 100);
    assert.deepStrictEqual(
      chart,
      [0, 1, 2, 3, 4].map((i) => [
        position(answer.platform, [
          'tiktok',
          'douyin',
          'youtube_shorts',
          'instagram_reels',
          'unknown',
        ])[i],
        position(answer.content, ['ugc', 'pgc', 'unknown', null, null])[i],
      ]),
    );
    for (const needle of [
      'official extract chosen at upload',
      'audio fingerprint',
      'shows PGC only',
      'Chinese app',
    ])
      assert.ok(explainer.includes(needle), `the explanation says "${needle}"`);
  });

  test('with a filter, the other split follows it, as the CLI', async () => {
    await page.selectOption('#content-filter', 'ugc');
    await page.waitForFunction(() => location.hash.includes('content=ugc'));
    await waitForInsights(page);
    const { chart, explainer, ...shares } = await readSplits('overview-splits');
    assert.deepStrictEqual(
      shares,
      expectedSplits(await cli('splits', '--period', '28', '--content', 'ugc')),
    );
    assert.match(explainer, /app shares count UGC videos only/);
    await afterNavigation(page, () => page.selectOption('#content-filter', 'all'));
  });

  test("the track page shows the track's shares as the CLI", async () => {
    await goTo(page, '#/track/T083?period=90');
    const { chart, explainer, ...shares } = await readSplits('track-splits');
    assert.deepStrictEqual(shares, expectedSplits(await cli('splits', 'T083', '--period', '90')));
  });
});

describe('the territory map', () => {
  test('the alpha-2 to numeric table covers every ISO country and every country of the atlas', () => {
    assert.ok(Object.keys(ISO_NUMERIC).length >= 249);
    assert.equal(ISO_NUMERIC.FR, '250');
    assert.equal(ISO_NUMERIC.US, '840');
    assert.equal(ISO_NUMERIC.AF, '004');
    const atlas = JSON.parse(readFileSync(join(ROOT, 'dist/web/data/countries-110m.json'), 'utf8'));
    const numeric = new Set(Object.values(ISO_NUMERIC));
    const missing = atlas.objects.countries.geometries.filter(
      (g) => g.id !== undefined && !numeric.has(g.id),
    );
    assert.deepStrictEqual(
      missing.map((g) => g.properties.name),
      [],
    );
  });

  test("the map colours the track's territories with the CLI's creations, and a known territory is painted", async () => {
    await goTo(page, '#/track/T107?period=28');
    const answer = await cli('track', 'T107', '--period', '28');
    await page.locator('#territory-map').scrollIntoViewIfNeeded();
    const shown = await page.evaluate(() => {
      const canvas = __root().getElementById('map-canvas');
      const chart = window.Chart.getChart(canvas);
      const data = chart.data.datasets[0].data;
      const meta = chart.getDatasetMeta(0);
      const us = data.findIndex((d) => d.feature.id === '840');
      const { x, y } = meta.data[us].getCenterPoint();
      const ratio = canvas.width / canvas.clientWidth;
      const pixel = [
        ...canvas.getContext('2d').getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1)
          .data,
      ];
      const color = meta.controller.indexToColor(us);
      const antarctica = data.some((d) => d.feature.id === '010');
      return {
        values: data
          .filter((d) => d.value !== null)
          .map((d) => ({ id: d.feature.id, code: d.code, value: d.value })),
        pixel,
        color,
        missing: chart.options.scales.color.missing,
        antarctica,
        note: __root().getElementById('map-note').textContent,
      };
    });
    const drawable = new Set(
      JSON.parse(
        readFileSync(join(ROOT, 'dist/web/data/countries-110m.json'), 'utf8'),
      ).objects.countries.geometries.map((g) => g.id),
    );
    const expected = answer.territories
      .filter((t) => drawable.has(ISO_NUMERIC[t.code]))
      .map((t) => ({ id: ISO_NUMERIC[t.code], code: t.code, value: t.creations }));
    const byId = (a, b) => a.id.localeCompare(b.id);
    assert.deepStrictEqual(shown.values.sort(byId), expected.sort(byId));
    assert.equal(shown.antarctica, false);
    assert.notEqual(shown.color, shown.missing, 'the United States are coloured');
    const [r, g, b, a] = shown.pixel;
    assert.ok(
      a === 255 && r > g + 60 && r > b + 40,
      `the United States are painted in the map's red, got rgba(${shown.pixel})`,
    );
    const undrawn = answer.territories.filter((t) => !drawable.has(ISO_NUMERIC[t.code]));
    for (const t of undrawn)
      assert.ok(
        shown.note.includes(new Intl.DisplayNames(['en'], { type: 'region' }).of(t.code)),
        `${t.code} is named under the map`,
      );
    await screenshot(page, 'insights-map-desktop');
  });
});

describe('the weekly chart', () => {
  const readChart = () =>
    page.evaluate(() => {
      const chart = window.Chart.getChart(__root().getElementById('daily-chart'));
      return {
        labels: chart.data.labels,
        creations: chart.data.datasets[0].data,
        weekly: __root().getElementById('granularity-weekly').checked,
        title: __root().getElementById('chart-title').textContent,
      };
    });

  test("365 days is weekly by default, with the CLI's buckets; the toggle shows days and the URL keeps it", async () => {
    await goTo(page, '#/track/T107?period=365');
    const weekly = await cli('track', 'T107', '--period', '365', '--weekly');
    let shown = await readChart();
    assert.equal(shown.weekly, true);
    assert.equal(shown.title, 'Week by week');
    // 365 days are 52 weeks and a day: that first, partial week is left out and the note says so.
    assert.equal(weekly.series.days[0], 1);
    assert.equal(shown.labels.length, weekly.series.dates.length - 1);
    assert.deepStrictEqual(shown.labels, weekly.series.dates.slice(1));
    assert.deepStrictEqual(shown.creations, weekly.series.creations.slice(1));
    assert.match(
      await page.textContent('#chart-note'),
      /The first day, a partial week, is left out\./,
    );
    assert.equal(hashOf(page), '#/track/T107?period=365');

    await afterNavigation(page, () => page.click('label[for="granularity-daily"]'));
    assert.equal(hashOf(page), '#/track/T107?period=365&chart=daily');
    shown = await readChart();
    assert.equal(shown.labels.length, 365);
    await page.reload();
    await waitForInsights(page);
    assert.equal((await readChart()).labels.length, 365, 'a reload keeps the daily chart');
  });

  test("28 days is daily by default; weekly shows the CLI's buckets, the first one shorter", async () => {
    await goTo(page, '#/track/T083?period=28');
    assert.equal((await readChart()).labels.length, 28);
    await afterNavigation(page, () => page.click('label[for="granularity-weekly"]'));
    assert.equal(hashOf(page), '#/track/T083?period=28&chart=weekly');
    const weekly = await cli('track', 'T083', '--period', '28', '--weekly');
    const shown = await readChart();
    assert.deepStrictEqual(shown.labels, weekly.series.dates);
    assert.deepStrictEqual(shown.creations, weekly.series.creations);
    await page.locator('.chart-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'insights-weekly-desktop');

    // Back returns to the daily chart.
    await afterNavigation(page, () => page.goBack());
    assert.equal((await readChart()).labels.length, 28);
  });
});

describe('the insights at phone width', () => {
  test('each page fits 360 px with the insights drawn; screenshots are saved', async () => {
    await page.setViewportSize(PHONE);
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    for (const [hash, name, selector] of [
      ['#/?period=28', 'insights-overview-phone', '#overview-splits'],
      ['#/?period=28&view=breakouts', 'insights-breakouts-phone', '#ranking'],
      ['#/track/T107?period=28', 'insights-track-phone', '#lift-panel'],
      ['#/track/T107?period=90', 'insights-map-phone', '#territory-map'],
    ]) {
      await goTo(page, hash);
      await page.waitForTimeout(300); // charts follow their boxes' new width
      assert.equal(await fits(), true, hash);
      await page.locator(selector).scrollIntoViewIfNeeded();
      await screenshot(page, name);
    }
    await page.setViewportSize(DESKTOP);
  });

  test('nothing was logged as an error, thrown or blocked by the CSP', async () => {
    assert.deepStrictEqual(dashboard.problems, []);
    assert.deepStrictEqual(await page.evaluate(() => window.__cspViolations), []);
  });
});
