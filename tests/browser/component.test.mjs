// The dashboard as a component a host mounts (web/dashboard.js), in headless
// Chromium on a host page served from the repository (web/ from source):
// two instances side by side, a host stylesheet that styles every element,
// 50 mount/destroy cycles, the message catalogs, the language switched at
// run time and French formats. Numbers are checked against the native CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';

import { startServer } from '../../scripts/serve.mjs';
import en from '../../web/i18n/en.js';
import fr from '../../web/i18n/fr.js';
import { ISO_NUMERIC } from '../../web/iso-numeric.js';
import { ROOT, cliAnswer, generate, scratchDir } from '../js/helpers.mjs';

const dir = scratchDir();
const SAMPLE = join(ROOT, 'build/web/sample-catalog.json');
let server, browser, page, small, smallDoc;
const problems = [];

before(async () => {
  execFileSync('bash', [join(ROOT, 'scripts/build-web.sh')], { cwd: ROOT, stdio: 'pipe' });
  small = await generate(dir, { tracks: 12, days: 120, seed: 5 });
  smallDoc = JSON.parse(readFileSync(small, 'utf8'));
  server = await startServer({ root: ROOT });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const files = { small: readFileSync(small).toString('base64') };
  await page.exposeFunction('__catalog', (name) => files[name]);
  await page.goto(`${server.url}tests/browser/fixtures/component/index.html#/settings`);
  await page.waitForFunction(() => window.__ready);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Mounts a dashboard in a new element under #slot-<slot>; resolves when its overview is drawn.
function mount(slot, options) {
  return page
    .evaluate(
      async ({ slot, options }) => {
        const host = document.createElement('div');
        host.className = 'dash';
        document.getElementById(`slot-${slot}`).replaceChildren(host);
        const events = [];
        for (const type of ['statechange', 'trackopen', 'catalogload', 'loaderror']) {
          host.addEventListener(type, (event) => events.push({ type, detail: event.detail }));
        }
        const source = options.source === 'small' ? () => window.__bytes('small') : options.source;
        const engine = options.sharedEngine
          ? (window.__engine ??= await window.__createEngine())
          : undefined;
        window.__dashboards ??= {};
        window.__dashboards[slot] = {
          handle: window.__mount(host, { ...options, source, engine }),
          host,
          events,
        };
      },
      { slot, options },
    )
    .then(() => waitDrawn(slot));
}

const waitDrawn = (slot) =>
  page.waitForFunction(
    (s) => {
      const root = document.querySelector(`#slot-${s} .dash`)?.shadowRoot;
      const main = root?.getElementById('main');
      return (
        main && main.getAttribute('aria-busy') === 'false' && main.dataset.insights === 'ready'
      );
    },
    slot,
    { timeout: 60_000 },
  );

const read = (slot) =>
  page.evaluate((s) => {
    const root = document.querySelector(`#slot-${s} .dash`).shadowRoot;
    const value = (id) => Number(root.querySelector(`#${id} .kpi-value data`).value);
    return {
      creations: value('overview-creations'),
      views: value('overview-views'),
      window: root.getElementById('overview-window').textContent,
      rows: [...root.querySelectorAll('#ranking-rows tr')].map((row) => row.dataset.trackId),
      catalog: root.getElementById('catalog-size').textContent,
    };
  }, slot);

const destroyAll = () =>
  page.evaluate(() => {
    for (const { handle } of Object.values(window.__dashboards ?? {})) handle.destroy();
    window.__dashboards = {};
    for (const slot of document.querySelectorAll('.host-slot')) slot.replaceChildren();
  });

describe('the dashboard as a component', () => {
  test("two instances with different catalogs and periods work independently, and leave the host's URL alone", async () => {
    const historyBefore = await page.evaluate(() => history.length);
    await mount('a', { source: '/build/web/sample-catalog.json', state: { period: 7 } });
    await mount('b', { source: 'small', state: { period: 90 } });
    const [sample7, small90] = await Promise.all([
      cliAnswer(['overview', '--period', '7', SAMPLE]),
      cliAnswer(['overview', '--period', '90', small]),
    ]);
    let a = await read('a'),
      b = await read('b');
    assert.equal(a.creations, sample7.creations.current);
    assert.equal(b.creations, small90.creations.current);
    assert.ok(a.window.startsWith('Last 7 days'), a.window);
    assert.ok(b.window.startsWith('Last 90 days'), b.window);
    assert.deepEqual(
      b.rows,
      small90.tracks.map((t) => t.id),
    );
    assert.equal(b.catalog, `${smallDoc.tracks.length} tracks`);

    // A click on A's 28 days changes A only.
    await page.click('#slot-a .dash >> label[for="period-28"]');
    await page.waitForFunction(() =>
      document
        .querySelector('#slot-a .dash')
        .shadowRoot.getElementById('overview-window')
        .textContent.startsWith('Last 28 days'),
    );
    await waitDrawn('a');
    const sample28 = await cliAnswer(['overview', '--period', '28', SAMPLE]);
    a = await read('a');
    b = await read('b');
    assert.equal(a.creations, sample28.creations.current);
    assert.equal(b.creations, small90.creations.current);
    assert.ok(b.window.startsWith('Last 90 days'));

    // Events: each loaded its own catalog; the click was a state change with the new period.
    const events = await page.evaluate(() =>
      Object.fromEntries(Object.entries(window.__dashboards).map(([slot, d]) => [slot, d.events])),
    );
    assert.equal(events.a.find((e) => e.type === 'catalogload').detail.tracks, 200);
    assert.equal(
      events.b.find((e) => e.type === 'catalogload').detail.tracks,
      smallDoc.tracks.length,
    );
    assert.equal(events.a.filter((e) => e.type === 'statechange').at(-1).detail.period, 28);
    assert.equal(events.b.filter((e) => e.type === 'statechange').length, 0);

    // Opening a track: a trackopen event, the host's URL, title and history untouched.
    const first = b.rows[0];
    await page.click(`#slot-b .dash >> tr[data-track-id="${first}"] a.track-link`);
    await page.waitForFunction(
      () =>
        document.querySelector('#slot-b .dash').shadowRoot.getElementById('main').dataset
          .insights === 'ready' &&
        !document.querySelector('#slot-b .dash').shadowRoot.getElementById('track-page').hidden,
    );
    const opened = await page.evaluate(() =>
      window.__dashboards.b.events.filter((e) => e.type === 'trackopen'),
    );
    assert.deepEqual(
      opened.map((e) => e.detail),
      [{ trackId: first }],
    );
    assert.equal(await page.evaluate(() => window.__dashboards.b.handle.getState().trackId), first);
    assert.equal(await page.evaluate(() => location.hash), '#/settings');
    assert.equal(await page.evaluate(() => document.title), 'A host of the dashboard');
    assert.equal(await page.evaluate(() => history.length), historyBefore);
    assert.equal(await page.evaluate(() => document.documentElement.className), '');

    // setState from the host: back to the overview at 365 days.
    await page.evaluate(() =>
      window.__dashboards.b.handle.setState({ trackId: null, period: 365 }),
    );
    await waitDrawn('b');
    const small365 = await cliAnswer(['overview', '--period', '365', small]);
    assert.equal((await read('b')).creations, small365.creations.current);
    // Ids are the instance's own: the same id in both shadow roots, none in the host's document.
    assert.equal(await page.evaluate(() => document.getElementById('ranking-rows')), null);
    await destroyAll();
  });

  test('a host stylesheet styling table, button, h2, a and * changes nothing inside, and nothing leaks out', async () => {
    const hostStyles = () =>
      page.evaluate(() =>
        ['host-heading', 'host-table', 'host-button', 'host-link'].map((id) => {
          const style = getComputedStyle(document.getElementById(id));
          return [
            id,
            style.color,
            style.fontFamily,
            style.fontSize,
            style.margin,
            style.padding,
            style.backgroundColor,
          ];
        }),
      );
    const outside = await hostStyles();
    await mount('a', { source: 'small', state: { period: 90 } });
    assert.deepEqual(await hostStyles(), outside, 'the dashboard changed the host page');
    const inside = () =>
      page.evaluate(() => {
        const root = document.querySelector('#slot-a .dash').shadowRoot;
        const picks = [
          '#ranking-table',
          '#ranking-table th',
          '#ranking-rows td',
          '#ranking-rows a',
          '#overview-title',
          '#ranking-title',
          '#pager-next',
          '#download-table',
          '.kpi-label',
          '.doc-link',
          '#period-switch label',
          '.card',
          '#table-search',
          '.split-title',
        ];
        return picks.map((selector) => {
          const node = root.querySelector(selector);
          const style = getComputedStyle(node);
          const box = node.getBoundingClientRect();
          return [
            selector,
            style.color,
            style.fontFamily,
            style.fontSize,
            style.fontWeight,
            style.letterSpacing,
            style.lineHeight,
            style.textTransform,
            style.textDecorationLine,
            style.margin,
            style.padding,
            style.border,
            style.backgroundColor,
            Math.round(box.width),
            Math.round(box.height),
          ];
        });
      });
    const plain = await inside();
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const link = Object.assign(document.createElement('link'), {
            rel: 'stylesheet',
            href: 'hostile.css',
            id: 'hostile-on',
          });
          link.addEventListener('load', resolve);
          document.head.append(link);
        }),
    );
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.getElementById('host-heading')).fontSize),
      '60px',
      'the hostile stylesheet applies to the host page',
    );
    const styled = await inside();
    await page.evaluate(() => document.getElementById('hostile-on').remove());
    assert.deepEqual(styled, plain);
    await destroyAll();
  });

  test('50 mount/destroy cycles leave no charts, listeners, Workers or growing memory behind', async () => {
    const cdp = await page.context().newCDPSession(page);
    const listeners = async () => {
      let total = 0;
      for (const expression of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', {
          objectId: result.objectId,
        });
        total += found.length;
      }
      return total;
    };
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const baseListeners = await listeners();
    const baseWorkers = page.workers().length;

    // An engine of its own: destroy() ends its Worker.
    await mount('a', { source: 'small' });
    assert.equal(page.workers().length, baseWorkers + 1);
    await destroyAll();
    await page.waitForFunction(() => true);
    for (let i = 0; i < 20 && page.workers().length > baseWorkers; i += 1)
      await page.waitForTimeout(50);
    assert.equal(page.workers().length, baseWorkers, 'the Worker was not stopped');

    const cycle = async (i) => {
      await mount('a', {
        source: 'small',
        sharedEngine: true,
        state: { period: [7, 28, 90, 365][i % 4] },
      });
      if (i % 5 === 0) {
        // a track page too: its chart, lift chart and map
        await page.evaluate(() => window.__dashboards.a.handle.setState({ trackId: 'T01' }));
        await waitDrawn('a');
        // The overview's splits, and the track's chart (bars and lines), lift, splits and map.
        const drawn = await page.evaluate(() =>
          Object.values(window.Chart.instances)
            .map((c) => c.config.type ?? 'mixed')
            .sort(),
        );
        assert.deepEqual(
          drawn,
          ['bar', 'bar', 'bar', 'choropleth', 'mixed'],
          'the track page drew its charts',
        );
      }
      await destroyAll();
    };
    for (let i = 0; i < 10; i += 1) await cycle(i);
    const heapAfter10 = await heap();
    for (let i = 10; i < 50; i += 1) await cycle(i);
    const heapAfter50 = await heap();
    const charts = await page.evaluate(() =>
      Object.values(window.Chart.instances).map(
        (chart) =>
          `${chart.config.type} ${chart.canvas.id || chart.canvas.getAttribute('aria-label')}`,
      ),
    );
    assert.deepEqual(charts, [], 'charts left alive');
    assert.equal(await listeners(), baseListeners, 'listeners left on window or document');
    // A shared engine stays the host's: still alive and answering.
    assert.equal(
      await page.evaluate(async () => (await window.__engine.summary()).tracks),
      smallDoc.tracks.length,
    );
    const growth = heapAfter50 - heapAfter10;
    console.log(
      `heap after 10 cycles ${heapAfter10} B, after 50 ${heapAfter50} B, growth ${growth} B`,
    );
    assert.ok(growth < 2_000_000, `heap grew by ${growth} bytes over 40 cycles`);
    await page.evaluate(() => {
      window.__engine.terminate();
      window.__engine = null;
    });
  });

  test("<tiktok-analytics> takes its attributes and properties, follows the theme's custom properties in its charts, and is destroyed when removed", async () => {
    await page.evaluate(() => {
      const element = document.createElement('tiktok-analytics');
      element.id = 'element-test';
      element.setAttribute('period', '90');
      element.setAttribute('locale', 'fr');
      element.source = () => window.__bytes('small');
      element.state = { period: 90, trackId: 'T01' };
      element.style.setProperty('--tta-series-creations', 'rgb(1, 2, 3)');
      element.style.setProperty('--tta-card', 'rgb(250, 240, 230)');
      element.style.setProperty('--tta-font', 'serif');
      document.getElementById('slot-a').append(element);
    });
    await page.waitForFunction(
      () => {
        const main = document.getElementById('element-test').shadowRoot?.getElementById('main');
        return main?.getAttribute('aria-busy') === 'false' && main.dataset.insights === 'ready';
      },
      null,
      { timeout: 60_000 },
    );
    const shown = await page.evaluate(() => {
      const root = document.getElementById('element-test').shadowRoot;
      const chart = window.Chart.getChart(root.getElementById('daily-chart'));
      return {
        window: root.getElementById('track-window').textContent,
        error:
          root.getElementById('track-error').textContent +
          ' / ' +
          root.getElementById('load-error').textContent +
          ' / ' +
          root.getElementById('track-page').hidden,
        bar: chart?.data.datasets[0].borderColor,
        tickFont: chart?.options.scales.x.ticks.font.family,
        card: getComputedStyle(root.querySelector('.kpi')).backgroundColor,
        font: getComputedStyle(root.querySelector('.tta')).fontFamily,
        state: document.getElementById('element-test').getState(),
      };
    });
    assert.ok(shown.window.startsWith('90 derniers jours'), JSON.stringify(shown));
    assert.equal(shown.bar, 'rgb(1, 2, 3)');
    assert.equal(shown.tickFont, 'serif');
    assert.equal(shown.card, 'rgb(250, 240, 230)');
    assert.ok(shown.font.startsWith('serif'), shown.font);
    assert.equal(shown.state.trackId, 'T01');
    assert.equal(shown.state.period, 90);
    const workers = page.workers().length;
    await page.evaluate(() => document.getElementById('element-test').remove());
    assert.equal(await page.evaluate(() => Object.keys(window.Chart.instances).length), 0);
    for (let i = 0; i < 20 && page.workers().length >= workers; i += 1)
      await page.waitForTimeout(50);
    assert.equal(page.workers().length, workers - 1, 'its Worker stopped');
    // Importing the module again registers nothing new and throws nothing.
    assert.equal(
      await page.evaluate(async () => {
        const first = customElements.get('tiktok-analytics');
        await import('/web/dashboard.js?again');
        return customElements.get('tiktok-analytics') === first;
      }),
      true,
    );
  });

  test('the two message catalogs have the same keys and the same plural forms', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      assert.equal(typeof fr[key], typeof en[key], key);
      const slots = (message) =>
        [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();
      assert.deepEqual(slots(fr[key]), slots(en[key]), `slots of ${key}`);
    }
  });

  test('in French every word shown comes from the French catalog or the data, formats are French, and the language switches at run time', async () => {
    await mount('a', { source: '/build/web/sample-catalog.json', state: { period: 28 } });
    const englishTitle = await page.evaluate(
      () =>
        document.querySelector('#slot-a .dash').shadowRoot.getElementById('overview-title')
          .textContent,
    );
    assert.equal(englishTitle, en['overview.title']);
    const workers = page.workers().length;
    await page.evaluate(() => window.__dashboards.a.handle.setLocale('fr'));
    await waitDrawn('a');
    const root = 'document.querySelector("#slot-a .dash").shadowRoot';
    const text = (id) => page.evaluate(`${root}.getElementById('${id}').textContent`);
    assert.equal(await text('overview-title'), fr['overview.title']);
    assert.equal(page.workers().length, workers, 'the engine was not restarted');
    assert.equal(
      await page.evaluate(
        () => window.__dashboards.a.events.filter((e) => e.type === 'catalogload').length,
      ),
      1,
    );
    // French formats (the sample's report day is 2026-11-26).
    assert.match(await text('freshness'), /jusqu’au 25 nov\. 2026/);
    const answer = await cliAnswer(['overview', '--period', '28', SAMPLE]);
    const views = await page.evaluate(
      `${root}.querySelector('#overview-views .kpi-value data').textContent`,
    );
    const compact = new Intl.NumberFormat('fr-FR', {
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(answer.views.current);
    assert.equal(views, compact);
    assert.match(views, /^\d+(,\d)?\s(k|M|Md)$/u);
    assert.equal(
      new Intl.NumberFormat('fr-FR', { notation: 'compact', maximumFractionDigits: 1 }).format(
        472_300,
      ),
      '472,3\u00a0k',
    );

    // Words: every word in the dashboard's text, labels and titles is in the
    // French catalog, or is data (titles, artists, ids, countries, months).
    const vocabulary = new Set();
    const addWords = (text) => {
      for (const w of String(text)
        .toLowerCase()
        .match(/\p{L}[\p{L}’'-]*/gu) ?? [])
        vocabulary.add(w);
    };
    for (const message of Object.values(fr))
      addWords(typeof message === 'string' ? message : Object.values(message).join(' '));
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    for (const t of sample.tracks)
      addWords(`${t.id} ${t.title ?? ''} ${t.artist ?? ''} ${t.isrc ?? ''}`);
    // The map names every country: in the browser's French (its ICU), or, for
    // shapes with no ISO code (Kosovo, N. Cyprus, Somaliland), the atlas's name.
    addWords(
      await page.evaluate((codes) => {
        const names = new Intl.DisplayNames(['fr'], { type: 'region' });
        return codes.map((code) => names.of(code)).join(' ');
      }, Object.keys(ISO_NUMERIC)),
    );
    const numeric = new Set(Object.values(ISO_NUMERIC));
    const atlas = JSON.parse(readFileSync(join(ROOT, 'web/data/countries-110m.json'), 'utf8'));
    for (const shape of atlas.objects.countries.geometries)
      if (!numeric.has(shape.id)) addWords(shape.properties.name);
    for (let m = 0; m < 12; m += 1) {
      const date = new Date(Date.UTC(2026, m, 1));
      addWords(
        new Intl.DateTimeFormat('fr-FR', {
          month: 'short',
          weekday: 'short',
          timeZone: 'UTC',
        }).format(date),
      );
    }
    for (const w of [
      'tiktok',
      'douyin',
      'ugc',
      'pgc',
      'isrc',
      'csv',
      'json',
      'k',
      'm',
      'md',
      'mo',
      'j',
      'i',
    ])
      vocabulary.add(w);
    const shownWords = () =>
      page.evaluate(() => {
        const root = document.querySelector('#slot-a .dash').shadowRoot;
        const texts = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode())
          if (walker.currentNode.parentElement?.closest('style, script') == null)
            texts.push(walker.currentNode.data);
        for (const node of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
          texts.push(
            node.getAttribute('aria-label') ?? '',
            node.getAttribute('title') ?? '',
            node.getAttribute('placeholder') ?? '',
          );
        }
        for (const canvas of root.querySelectorAll('canvas')) {
          const chart = window.Chart.getChart(canvas);
          if (!chart) continue;
          texts.push(
            ...(chart.data.labels ?? []).filter((l) => typeof l === 'string' && !/^\d{4}-/.test(l)),
          );
          for (const d of chart.data.datasets) texts.push(d.label ?? '');
          for (const scale of Object.values(chart.options.scales ?? {}))
            texts.push(scale.title?.text ?? '');
        }
        return texts.join(' ');
      });
    const unknown = (text) =>
      [...new Set(text.toLowerCase().match(/\p{L}[\p{L}’'-]*/gu) ?? [])].filter(
        (w) => !vocabulary.has(w),
      );
    assert.deepEqual(unknown(await shownWords()), [], 'words of the French overview in no catalog');
    // The track page (T107: the United States first).
    await page.evaluate(() => window.__dashboards.a.handle.setState({ trackId: 'T107' }));
    await waitDrawn('a');
    assert.deepEqual(
      unknown(await shownWords()),
      [],
      'words of the French track page in no catalog',
    );
    assert.match(await text('territory-rows'), /États-Unis/);
    // And back to English, still without a reload.
    await page.evaluate(() => window.__dashboards.a.handle.setLocale('en'));
    await waitDrawn('a');
    assert.equal(await text('track-title'), sample.tracks.find((t) => t.id === 'T107').title);
    assert.match(await text('territory-rows'), /United States/);
    await destroyAll();
    assert.deepEqual(problems, []);
  });
});
