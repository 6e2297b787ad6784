// The Vite + React host (tests/package/vite-react) built for production from
// the installed tarball, served under the host CSP and used in headless
// Chromium as a person would: two <tiktok-analytics> in French share one
// engine Worker, show the CLI's numbers for their periods, and a click on a
// row moves the host's own router to that track.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT } from '../js/helpers.mjs';
import {
  addCatalog,
  app,
  cliAnswer,
  isWorkerBundle,
  launch,
  serve,
  watchPage,
} from './support.mjs';

const dist = join(app('vite-react'), 'dist');
const MAIN = 'tiktok-analytics[data-name="main"]';
const SIDE = 'tiktok-analytics[data-name="side"]';
let server, browser, page, seen, catalog;

before(async () => {
  catalog = await addCatalog(dist, { tracks: 60, days: 200, seed: 11 });
  server = await serve(dist, Number(process.env.TTA_PACKAGE_PORT ?? 8211));
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  seen = watchPage(page);
  await page.goto(`${server.url}#/`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The <data> of a KPI card inside one instance (Playwright's CSS pierces its open shadow root).
const kpi = (instance, card) => page.locator(`${instance} [id$="${card}"] .kpi-value data`);

async function waitForValue(locator, expected) {
  await locator.waitFor({ timeout: 20000 });
  await page.waitForFunction(
    ([element, value]) => element.value === value,
    [await locator.elementHandle(), String(expected)],
    { timeout: 20000 },
  );
}

// How the page must show n in a locale: the exact value up to 9,999, compact above.
const shown = (n, locale) =>
  page.evaluate(
    ([value, language]) =>
      Math.abs(value) < 10000
        ? new Intl.NumberFormat(language).format(value)
        : new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(
            value,
          ),
    [n, locale],
  );

test('the build emitted the engine Worker, bundled with the engine, and the .wasm as files', () => {
  const assets = readdirSync(join(dist, 'assets'));
  assert.equal(assets.filter((name) => name.endsWith('.wasm')).length, 1, assets.join(' '));
  const scripts = assets.filter((name) => name.endsWith('.js'));
  const text = (name) => readFileSync(join(dist, 'assets', name), 'utf8');
  assert.equal(scripts.filter((name) => isWorkerBundle(text(name))).length, 1, scripts.join(' '));
  for (const name of scripts)
    assert.doesNotMatch(text(name), /data:(text|application)\/javascript/);
});

test('the Vite build met no Node-only import (none externalized, none left to resolve)', () => {
  const log = readFileSync(join(app('vite-react'), 'build.log'), 'utf8');
  assert.match(log, /built in/);
  assert.doesNotMatch(log, /node:|externalized|browser compatibility/i);
});

test('both dashboards show, in French, the numbers the CLI gives for their periods', async () => {
  for (const [instance, period] of [
    [MAIN, 28],
    [SIDE, 7],
  ]) {
    const answer = await cliAnswer(['overview', '--period', String(period), catalog]);
    for (const [card, metric] of [
      ['overview-creations', 'creations'],
      ['overview-views', 'views'],
      ['overview-streams', 'streams'],
    ]) {
      const value = answer[metric].current;
      const node = kpi(instance, card);
      await waitForValue(node, value);
      assert.equal(await node.textContent(), await shown(value, 'fr-FR'), `${instance} ${metric}`);
    }
    const rows = page.locator(`${instance} [id$="ranking-rows"] tr[data-href]`);
    await rows.first().waitFor();
    assert.equal(await rows.first().locator('a').first().textContent(), answer.tracks[0].title);
    assert.equal(
      await page.locator(`${instance} [id$="overview-creations"] .kpi-label`).textContent(),
      'Créations',
    );
  }
  // A number whose French and English forms differ, so the check above could fail.
  assert.notEqual(await shown(123456, 'fr-FR'), await shown(123456, 'en'));
});

test('clicking a row moves the host router to that track, and the dashboard shows it', async () => {
  const answer = await cliAnswer(['overview', '--period', '28', catalog]);
  const top = answer.tracks[0];
  const row = page.locator(`${MAIN} [id$="ranking-rows"] tr[data-href]`).first();
  await row.locator('data').first().click();
  await page.waitForFunction((id) => location.hash === `#/titres/${id}`, top.id, {
    timeout: 10000,
  });
  assert.equal(await page.textContent('#host-route'), `Titre ${top.id}`);
  const track = await cliAnswer(['track', top.id, '--period', '28', catalog]);
  await waitForValue(kpi(MAIN, 'track-creations'), track.creations.current);
  // The other instance kept its own page and period.
  const side = await cliAnswer(['overview', '--period', '7', catalog]);
  assert.equal(
    await kpi(SIDE, 'overview-creations').getAttribute('value'),
    String(side.creations.current),
  );
  // The host's back button: its router goes home, the dashboard back to the overview.
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/');
  await waitForValue(kpi(MAIN, 'overview-creations'), answer.creations.current);
});

test('the host switches both dashboards to English at run time', async () => {
  const answer = await cliAnswer(['overview', '--period', '28', catalog]);
  await page.selectOption('#host-language', 'en');
  const label = page.locator(`${MAIN} [id$="overview-creations"] .kpi-label`);
  await page.waitForFunction(
    (element) => element.textContent === 'Creations',
    await label.elementHandle(),
  );
  assert.equal(
    await kpi(MAIN, 'overview-creations').textContent(),
    await shown(answer.creations.current, 'en'),
  );
  await page.selectOption('#host-language', 'fr');
  await page.waitForFunction(
    (element) => element.textContent === 'Créations',
    await label.elementHandle(),
  );
});

test('one engine Worker for both dashboards: a same-origin file, one .wasm download', () => {
  assert.equal(seen.workers.length, 1, seen.workers.join(' '));
  const worker = new URL(seen.workers[0]);
  assert.equal(worker.origin, new URL(server.url).origin);
  assert.match(worker.pathname, /^\/assets\/.+\.js$/);
  assert.equal(seen.wasm.length, 1);
  assert.equal(seen.wasm[0].status, 200);
  assert.equal(seen.wasm[0].type, 'application/wasm');
});

test('nothing failed under the host CSP: no console error, violation or failed request', () => {
  assert.deepEqual(seen.problems, []);
});

// Not assertions: pictures of the host for people to look at
// (build/package/screenshots/), French and English, desktop and phone.
test('screenshots of the host', async () => {
  const dir = join(ROOT, 'build/package/screenshots');
  mkdirSync(dir, { recursive: true });
  for (const locale of ['fr', 'en']) {
    await page.selectOption('#host-language', locale);
    for (const [name, width, height] of [
      ['desktop', 1280, 900],
      ['phone', 390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(dir, `react-host-${locale}-${name}.png`) });
    }
  }
});
