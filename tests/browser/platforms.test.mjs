// The apps filter on the pages, in headless Chromium on a short-form catalog
// (TikTok, Douyin, YouTube Shorts with no territory, Instagram Reels), clicked
// as a person does: every number shown equals the native CLI's answer for the
// same file and the same set of apps; the best performing track; the notes
// under territory lists; the URL and host state of the set.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { GENERATOR, cliAnswer, runCli, scratchDir } from '../js/helpers.mjs';
import {
  PHONE,
  afterNavigation,
  chooseApps,
  downloadText,
  goTo,
  hashOf,
  loadFile,
  openDashboard,
  readOverview,
  readTrack,
  waitForInsights,
} from './fixtures/dashboard/harness.mjs';

const NAMES = {
  tiktok: 'TikTok',
  douyin: 'Douyin',
  youtube_shorts: 'YouTube Shorts',
  instagram_reels: 'Instagram Reels',
  unknown: 'Unknown',
};
let dashboard, page, catalog;

// The share as web/format.js writes it ("12%", "4.5%"), written here again.
const percent = (share) =>
  new Intl.NumberFormat('en', {
    style: 'percent',
    maximumFractionDigits: share < 0.1 ? 1 : 0,
  }).format(share);
const exact = (n) => new Intl.NumberFormat('en').format(n);

// The CLI's options for a set of apps ('all': none).
const appArgs = (apps) => (apps === 'all' ? [] : ['--platform', apps.join(',')]);
const cli = (args, apps) => cliAnswer([...args, ...appArgs(apps), catalog]);
const overviewOf = (apps) => cli(['overview', '--period', '28', '--limit', '50'], apps);

before(async () => {
  const dir = scratchDir();
  catalog = join(dir, 'short-form.json');
  await promisify(execFile)(GENERATOR, [
    '--tracks',
    '60',
    '--days',
    '200',
    '--seed',
    '17',
    '--as-of',
    '2026-11-26',
    '--short-form',
    '-o',
    catalog,
  ]);
  dashboard = await openDashboard();
  page = dashboard.page;
  await loadFile(page, catalog, 'short-form');
  await waitForInsights(page);
});

after(() => dashboard?.close());

// The ranking as shown, with each row's note on creations without a territory.
async function readRows() {
  const shown = await readOverview(page);
  const notes = await page.$$eval('#ranking-rows tr .territory-gap', (nodes) =>
    nodes.map((n) => n.textContent),
  );
  return { ...shown, rows: shown.rows.map((row, i) => ({ ...row, note: notes[i] })) };
}

// Compares the overview on screen with the CLI's answer for the same apps.
async function assertOverviewMatches(apps) {
  const answer = await overviewOf(apps);
  const shown = await readRows();
  for (const kpi of ['creations', 'views', 'streams'])
    assert.equal(shown[kpi].current, answer[kpi].current, kpi);
  assert.equal(shown.tracksWithCreations, answer.tracksWithCreations);
  assert.deepStrictEqual(
    shown.rows.map(({ id, creations, views, streams, territories, note }) => ({
      id,
      creations,
      views,
      streams,
      territories,
      note,
    })),
    answer.tracks.map((t) => ({
      id: t.id,
      creations: t.creations,
      views: t.views,
      streams: t.streams,
      territories: t.topTerritories.map((x) => x.code),
      note:
        t.creationsWithoutTerritory > 0
          ? `${percent(t.creationsWithoutTerritory / t.creations)} with no territory (Shorts)`
          : '',
    })),
  );
  return answer;
}

// The best performing track's card as shown.
function readBest() {
  return page.evaluate(() => {
    const root = __root();
    const card = root.getElementById('best-track');
    const figure = root.getElementById('best-creations');
    return {
      hidden: card.hidden,
      id: card.dataset.trackId,
      title: root.getElementById('best-track-link').textContent,
      href: root.getElementById('best-track-link').getAttribute('href'),
      artist: root.getElementById('best-artist').textContent,
      creations: Number(figure.querySelector('.kpi-value data').value),
      direction: figure.querySelector('.kpi-change').className.replace('kpi-change is-', ''),
      change: figure.querySelector('.kpi-change [aria-hidden]').textContent,
      previous: figure.querySelector('.kpi-note').title,
      platform: root.getElementById('best-track-platform').textContent,
    };
  });
}

// What the card must show: the CLI's first row of the standard ranking, its
// change from the CLI's track answer, its top app among the chosen ones from
// the CLI's splits of that track.
async function assertBestMatches(apps, overview) {
  const top = overview.tracks[0];
  const track = await cli(['track', top.id, '--period', '28'], apps);
  const splits = await cli(['splits', top.id, '--period', '28'], apps);
  const candidates = splits.platform.filter(
    (e) => e.creations > 0 && (apps === 'all' || apps.includes(e.key)),
  );
  const most = Math.max(...candidates.map((e) => e.creations));
  const { change, previous } = track.creations;
  const shown = await readBest();
  assert.deepStrictEqual(shown, {
    hidden: false,
    id: top.id,
    title: top.title ?? `Untitled (${top.id})`,
    href: `#/track/${top.id}?period=28${apps === 'all' ? '' : `&platform=${apps.join(',')}`}`,
    artist: top.artist ?? 'Unknown artist',
    creations: top.creations,
    direction: change === null ? 'new' : change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
    change: shown.change, // its wording is the KPI cards' (tested with them)
    previous: `${exact(previous)} in the previous 28 days`,
    platform: NAMES[candidates.find((e) => e.creations === most).key],
  });
  assert.equal(track.creations.current, top.creations, 'the track answer agrees with the row');
  if (change !== null && Math.abs(change) < 9.995)
    assert.equal(
      shown.change.replace(/^\S+ /, ''),
      `${change > 0 ? '+' : '\u2212'}${percent(Math.abs(change))}`,
    );
  return top;
}

describe('the apps filter against the CLI', () => {
  test('YouTube Shorts alone: no territory in any list, and the note says 100% have none', async () => {
    await chooseApps(page, ['youtube_shorts']);
    assert.equal(hashOf(page), '#/?period=28&platform=youtube_shorts');
    assert.equal(await page.textContent('#overview-title'), 'Your catalog on YouTube Shorts');
    const overview = await assertOverviewMatches(['youtube_shorts']);
    assert.ok(overview.tracks.length > 0, 'the catalog has Shorts');
    for (const row of overview.tracks) {
      // From the construction: Shorts never have a territory.
      assert.deepStrictEqual(row.topTerritories, []);
      assert.equal(row.creationsWithoutTerritory, row.creations);
    }
    assert.ok((await readRows()).rows.every((r) => r.note === '100% with no territory (Shorts)'));
    const best = await assertBestMatches(['youtube_shorts'], overview);

    // A click on the card (not on its title link) opens the track's page.
    await afterNavigation(page, () => page.click('#best-track-platform'));
    assert.equal(hashOf(page), `#/track/${best.id}?period=28&platform=youtube_shorts`);
    const answer = await cli(['track', best.id, '--period', '28'], ['youtube_shorts']);
    const shown = await readTrack(page);
    assert.equal(shown.creations, answer.creations.current);
    assert.equal(shown.views, answer.views.current);
    assert.deepStrictEqual(answer.territories, []);
    assert.deepStrictEqual(shown.territories, []);
    assert.deepStrictEqual(shown.topTerritories, [undefined]); // the one "No territory reported" line
    assert.equal(await page.textContent('#track-top-list'), 'No territory reported');
    assert.equal(answer.creationsWithoutTerritory, answer.creations.current);
    for (const id of ['#territories-without', '#track-top-without'])
      assert.equal(
        await page.textContent(id),
        '100% of creations have no territory: YouTube Shorts reports none',
      );
    assert.equal(await page.isVisible('#territory-table'), false);
    assert.equal(await page.isVisible('#territory-map'), false, 'no empty map');
    await page.goBack();
    await waitForInsights(page);
  });

  test('TikTok plus Instagram Reels: every number, the territories and the best track as the CLI', async () => {
    await chooseApps(page, ['tiktok', 'instagram_reels']);
    assert.equal(hashOf(page), '#/?period=28&platform=tiktok,instagram_reels');
    const overview = await assertOverviewMatches(['tiktok', 'instagram_reels']);
    // Neither app lacks territories: no note anywhere.
    assert.ok(overview.tracks.every((t) => !t.creationsWithoutTerritory));
    assert.ok(overview.tracks.some((t) => t.topTerritories.length > 0));
    await assertBestMatches(['tiktok', 'instagram_reels'], overview);
    assert.equal(await page.textContent('#platform-toggle'), 'Apps: TikTok + Reels');
    // The insights ask for the same set: breakouts (the tab's count) and the lift ranking.
    const apps = ['tiktok', 'instagram_reels'];
    const breakouts = await cli(['breakouts', '--period', '28'], apps);
    assert.equal(await page.textContent('#breakouts-count'), String(breakouts.breakouts));
    const lift = await cli(['lift-ranking', '--period', '28', '--limit', '5'], apps);
    assert.deepStrictEqual(
      await page.$$eval('#lift-list .lift-item', (items) => items.map((li) => li.dataset.trackId)),
      lift.tracks.map((t) => t.id),
    );
    assert.equal(await page.textContent('#load-error'), '', 'no refusal shown');
  });

  test('All: the share without territory under each list, the five apps in the splits', async () => {
    await chooseApps(page, 'all');
    assert.equal(hashOf(page), '#/?period=28');
    const overview = await assertOverviewMatches('all');
    const mixed = overview.tracks.find(
      (t) => t.creationsWithoutTerritory > 0 && t.creationsWithoutTerritory < t.creations,
    );
    assert.ok(mixed, 'a track has creations with and without a territory');
    await assertBestMatches('all', overview);

    const splits = await cli(['splits', '--period', '28'], 'all');
    const shownSplits = await page.$$eval(
      '#overview-splits [data-split="platform"] .split-kpi[data-key]',
      (kpis) =>
        kpis.map((k) => [
          k.dataset.key,
          k.querySelector('dt').textContent,
          Number(k.querySelector('.split-count data').value),
          k.querySelector('.split-share').textContent,
        ]),
    );
    assert.deepStrictEqual(
      shownSplits,
      splits.platform
        .filter((e) => e.creations > 0)
        .map((e) => [e.key, NAMES[e.key], e.creations, percent(e.share)]),
    );
    assert.deepStrictEqual(
      splits.platform.map((e) => e.key),
      ['tiktok', 'douyin', 'youtube_shorts', 'instagram_reels', 'unknown'],
    );

    // The track page of a track with both: the note's share is of its creations.
    await goTo(page, `#/track/${mixed.id}?period=28`);
    const answer = await cli(['track', mixed.id, '--period', '28'], 'all');
    const share = percent(answer.creationsWithoutTerritory / answer.creations.current);
    assert.equal(
      await page.textContent('#territories-without'),
      `${share} of creations have no territory: YouTube Shorts reports none`,
    );
    const shown = await readTrack(page);
    assert.equal(await page.isVisible('#territory-map'), true);
    assert.deepStrictEqual(
      shown.territories.map((x) => [x.code, x.creations]),
      answer.territories.map((x) => [x.code, x.creations]),
    );
    await goTo(page, '#/?period=28');
  });
});

describe('the apps in the URL and in host state', () => {
  test('a set in the URL is read in any order, written in one, and kept by reload and Back', async () => {
    await goTo(page, '#/?period=7&platform=instagram_reels,tiktok,bogus');
    await page.waitForFunction(
      () => location.hash === '#/?period=7&platform=tiktok,instagram_reels',
    );
    assert.equal(await page.isChecked('#platform-tiktok'), true);
    assert.equal(await page.isChecked('#platform-instagram_reels'), true);
    assert.equal(await page.isChecked('#platform-all'), false);
    const state = await page.evaluate(() => document.querySelector('tiktok-analytics').getState());
    assert.deepStrictEqual(state.filters.platform, ['tiktok', 'instagram_reels']);
    await page.reload();
    await waitForInsights(page);
    assert.equal(hashOf(page), '#/?period=7&platform=tiktok,instagram_reels');
    assert.equal(await page.textContent('#platform-toggle'), 'Apps: TikTok + Reels');
    // One word from a host is a set of one.
    await afterNavigation(page, () =>
      page.evaluate(() =>
        document
          .querySelector('tiktok-analytics')
          .setState({ filters: { platform: 'youtube_shorts' } }),
      ),
    );
    assert.equal(hashOf(page), '#/?period=7&platform=youtube_shorts');
    await page.goBack();
    await waitForInsights(page);
    assert.equal(hashOf(page), '#/?period=7&platform=tiktok,instagram_reels');
  });

  test('by keyboard: Space toggles a chip; unchecking the last app goes back to All; the FAQ names the apps', async () => {
    await goTo(page, '#/?period=28&platform=youtube_shorts');
    await page.focus('#platform-toggle');
    await page.keyboard.press('Enter');
    assert.equal(await page.isVisible('#platform-filter'), true);
    assert.equal(
      await page.evaluate(() => __root().activeElement.id),
      'platform-youtube_shorts',
      'the focus moves to the checked chip',
    );
    await page.keyboard.press('Shift+Tab');
    await afterNavigation(page, () => page.keyboard.press('Space'));
    assert.equal(hashOf(page), '#/?period=28&platform=douyin,youtube_shorts');
    await page.click('#overview-info');
    assert.equal(
      await page.textContent('#faq-apps'),
      'Only Douyin and YouTube Shorts, as picked above the numbers. Pick “All” to count every app.',
    );
    await page.keyboard.press('Escape');
    await chooseApps(page, ['youtube_shorts']);
    await afterNavigation(page, () => page.click('label[for="platform-youtube_shorts"]'));
    assert.equal(hashOf(page), '#/?period=28');
    assert.equal(await page.isChecked('#platform-all'), true);
    // Enter on the best track's title opens its page.
    const id = await page.getAttribute('#best-track', 'data-track-id');
    await page.focus('#best-track-link');
    await afterNavigation(page, () => page.keyboard.press('Enter'));
    assert.equal(hashOf(page), `#/track/${id}?period=28`);
  });
});

describe('the apps in the CSV export and on a phone', () => {
  test('"Download CSV" with TikTok plus Reels saves `tta overview --csv --platform tiktok,instagram_reels`', async () => {
    await loadFile(page, catalog, 'short-form'); // (a reload above went back to the sample)
    await goTo(page, '#/?period=90&platform=tiktok,instagram_reels');
    const { name, text } = await downloadText(page, '#download-table');
    const cliCsv = await runCli([
      'overview',
      '--period',
      '90',
      '--platform',
      'tiktok,instagram_reels',
      '--csv',
      catalog,
    ]);
    assert.equal(cliCsv.code, 0, cliCsv.stderr);
    assert.equal(text, cliCsv.stdout);
    assert.match(name, /^tracks_\d{4}-\d{2}-\d{2}_2026-11-25_tiktok-instagram_reels\.csv$/);
  });

  test('at 360 px the bar stays one line with a set chosen, and the chips work from "Dates & filters"', async () => {
    await page.setViewportSize(PHONE);
    await goTo(page, '#/?period=28&platform=douyin,youtube_shorts');
    const bar = await page.evaluate(
      () => __root().querySelector('.toolbar').getBoundingClientRect().height,
    );
    assert.ok(bar <= 56, `the bar is ${bar} px high`);
    assert.equal(await page.textContent('#toolbar-more-count'), '2');
    assert.equal(await page.isVisible('#platform-filter'), false);
    await chooseApps(page, ['instagram_reels']);
    assert.equal(hashOf(page), '#/?period=28&platform=instagram_reels');
    await assertOverviewMatches(['instagram_reels']);
    await chooseApps(page, 'all');
    assert.equal(hashOf(page), '#/?period=28');
  });
});
