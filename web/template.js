// The static skeleton of both pages, in the instance's language, inside its
// shadow root (so the ids are the instance's own). Every text comes from the
// message catalog or from the host's `links`, and goes through escape(): the
// one place that writes HTML, from our own strings only.
import { PLATFORMS } from './router.js';

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Only http(s) links from a host (no javascript: URLs).
export function safeUrl(url) {
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function kpi(t, id, label, hint, className = 'kpi') {
  return `<article class="${className}" id="${id}">
    <h3 class="kpi-label">${escape(t(label))}</h3>
    <p class="kpi-value"></p><p class="kpi-change"></p><p class="kpi-note"></p>
    ${hint ? `<p class="kpi-hint">${escape(t(hint))}</p>` : ''}
  </article>`;
}

function externalLink(t, url, text, className = '') {
  const href = safeUrl(url);
  if (!href) return escape(text);
  return (
    `<a class="${className}" href="${escape(href)}" target="_blank" rel="noopener noreferrer">${escape(text)}` +
    `<span class="visually-hidden"> ${escape(t('link.newTab'))}</span></a>`
  );
}

// links.articles: [{ title, url, summary }]; without them, the catalog's three.
function articles(t, links) {
  if (Array.isArray(links.articles) && links.articles.length) {
    return links.articles
      .map(
        (a) => `<article class="card article">
      <h3>${a.url ? externalLink(t, a.url, a.title ?? '') : escape(a.title ?? '')}</h3>
      ${a.summary ? `<p>${escape(a.summary)}</p>` : ''}
    </article>`,
      )
      .join('');
  }
  return [1, 2, 3]
    .map(
      (n) => `<article class="card article">
      <h3>${escape(t(`article${n}.title`))}</h3>
      ${[1, 2, 3].map((p) => `<p>${escape(t(`article${n}.p${p}`))}</p>`).join('')}
    </article>`,
    )
    .join('');
}

const sortOptions = (t) =>
  [
    'creations:desc',
    'creations:asc',
    'views:desc',
    'views:asc',
    'streams:desc',
    'streams:asc',
    'title:asc',
    'title:desc',
    'artist:asc',
    'artist:desc',
  ]
    .map((v) => `<option value="${v}">${escape(t(`sort.option.${v.replace(':', '.')}`))}</option>`)
    .join('');

export function template(t, links, stylesheet) {
  const e = (key, params) => escape(t(key, params));
  return `<link rel="stylesheet" href="${escape(stylesheet)}">
<div class="tta" lang="${e('meta.lang')}" hidden>
  <a class="skip-link" id="skip-link" href="#ranking">${e('skip.table')}</a>
  <header class="app-header">
    <div class="header-inner">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true">&#9834;</span>
        <div class="brand-text">
          <p class="brand-name">${e('brand')}</p>
          <p class="catalog-name"><span id="catalog-name"></span> <span class="catalog-size" id="catalog-size"></span></p>
          <p class="freshness" id="freshness">&nbsp;</p>
        </div>
      </div>
      <div class="load-data">
        <input type="file" id="file-input" class="file-input" accept=".json,application/json,.csv,text/csv" multiple aria-describedby="load-hint">
        <label for="file-input" class="button button-light">${e('load.button')}</label>
        <p class="load-hint" id="load-hint">${e('load.hint')}</p>
      </div>
    </div>
  </header>

  <div class="toolbar">
    <div class="toolbar-inner">
      <fieldset class="period-switch" id="period-switch">
        <legend class="visually-hidden">${e('period.legend')}</legend>
        ${[7, 28, 90, 365].map((p) => `<input type="radio" name="period" id="period-${p}" value="${p}"${p === 28 ? ' checked' : ''}><label for="period-${p}"><span class="period-long">${e('period.days', { count: p })}</span><span class="period-short" aria-hidden="true">${e('period.short', { count: p })}</span></label>`).join('')}
      </fieldset>
      <button type="button" class="toolbar-more" id="toolbar-more" aria-expanded="false" aria-controls="platform-filter toolbar-extra">${e('toolbar.more')}<span class="visually-hidden" id="toolbar-more-apps"></span><span class="toolbar-more-count" id="toolbar-more-count" aria-hidden="true"></span></button>
      <div class="platform-control">
        <button type="button" class="range-toggle platform-toggle" id="platform-toggle" aria-expanded="false" aria-controls="platform-filter">${e('filter.appsButton', { apps: t('platform.all') })}</button>
        <fieldset class="platform-chips" id="platform-filter">
          <legend class="filter-legend">${e('filter.app')}</legend>
          ${['all', ...PLATFORMS].map((p) => `<input type="checkbox" id="platform-${p}" value="${p}"${p === 'all' ? ' checked' : ''}><label for="platform-${p}">${e(`platform.${p}`)}</label>`).join('')}
        </fieldset>
      </div>
      <div class="date-range-control" id="toolbar-extra">
        <button type="button" class="range-toggle" id="range-toggle" aria-expanded="false" aria-controls="date-range">${e('range.button')}</button>
        <form class="date-range" id="date-range" aria-label="${e('range.form')}" hidden>
          <label class="filter">${e('range.from')} <input type="date" id="range-from" required></label>
          <label class="filter">${e('range.to')} <input type="date" id="range-to" required></label>
          <button type="submit" class="button button-quiet button-small" id="range-apply">${e('range.apply')}<span class="visually-hidden"> ${e('range.applyHidden')}</span></button>
          <p class="range-bounds card-note" id="range-bounds"></p>
        </form>
      </div>
      <div class="filters">
        <label class="filter">${e('filter.videos')}
          <select id="content-filter">
            <option value="all">${e('filter.videos.all')}</option>
            <option value="pgc">${e('filter.videos.pgc')}</option>
            <option value="ugc">${e('filter.videos.ugc')}</option>
          </select>
        </label>
      </div>
    </div>
  </div>

  <div class="notices">
    <div class="load-status" id="load-status" role="status" aria-live="polite">
      <progress id="load-progress" class="load-progress" hidden></progress>
      <span id="load-status-text"></span>
    </div>
    <div class="error-row">
      <div class="load-error" id="load-error" role="alert"></div>
      <button type="button" class="dismiss-button" id="dismiss-error" aria-label="${e('error.dismiss')}" hidden>&times;</button>
    </div>
  </div>

  <main id="main" class="main" aria-busy="true">
    <section id="overview-page" class="page" aria-labelledby="overview-title">
      <div class="page-heading">
        <h2 class="page-title" id="overview-title" tabindex="-1">${e('overview.title')}</h2>
        <button type="button" class="info-button" id="overview-info" aria-haspopup="dialog" aria-label="${e('faq.open')}">i</button>
        ${externalLink(t, links.documentation, t('doc.link'), 'doc-link')}
      </div>
      <p class="window-line" id="overview-window">&nbsp;</p>

      <div class="kpis">
        ${kpi(t, 'overview-creations', 'kpi.creations', 'kpi.creations.hint')}
        ${kpi(t, 'overview-views', 'kpi.views', 'kpi.views.hint')}
        ${kpi(t, 'overview-streams', 'kpi.streams', 'kpi.streams.hint')}
        ${kpi(t, 'overview-tracks', 'kpi.tracks', null)}
      </div>

      <p class="no-data" id="no-data" role="status" hidden></p>

      <section class="card best-track insight" id="best-track" aria-labelledby="best-title" aria-busy="true" hidden>
        <div class="best-head">
          <h3 class="card-title" id="best-title">${e('best.title')}</h3>
          <p class="card-note" id="best-track-note"></p>
        </div>
        <p class="best-name"><a class="best-link" id="best-track-link" href="#/"></a> <span class="best-artist" id="best-artist"></span></p>
        <dl class="best-figures">
          <div class="best-figure" id="best-creations">
            <dt class="kpi-label">${e('kpi.creations')}</dt>
            <dd class="kpi-value"></dd>
            <dd class="kpi-change"></dd>
            <dd class="kpi-note"></dd>
          </div>
          <div class="best-figure">
            <dt class="kpi-label">${e('best.topPlatform')}</dt>
            <dd class="best-platform" id="best-track-platform">&nbsp;</dd>
          </div>
        </dl>
      </section>

      <section class="card ranking" id="ranking" aria-labelledby="ranking-title" tabindex="-1">
        <div class="ranking-head">
          <h3 id="ranking-title" class="card-title">${e('table.title.creations')}</h3>
          <nav class="view-tabs" aria-label="${e('table.tabs')}">
            <a class="view-tab" id="tab-tracks" href="#/">${e('table.tab.tracks')}</a>
            <a class="view-tab" id="tab-breakouts" href="#/?view=breakouts">${e('table.tab.breakouts')} <span class="tab-count" id="breakouts-count"></span></a>
          </nav>
        </div>
        <div class="table-tools" id="table-tools">
          <label class="search-box">
            <span class="visually-hidden">${e('search.label')}</span>
            <input type="search" id="table-search" placeholder="${e('search.placeholder')}" autocomplete="off" spellcheck="false" maxlength="200">
          </label>
          <label class="filter sort-select">${e('sort.label')}
            <select id="sort-select">${sortOptions(t)}</select>
          </label>
          <button type="button" class="button button-quiet button-small" id="download-table">${e('csv.download')}<span class="visually-hidden"> ${e('csv.table')}</span></button>
        </div>
        <p class="card-note" id="breakouts-note" hidden></p>
        <p class="table-empty" id="table-empty" hidden></p>
        <table class="ranking-table" id="ranking-table">
          <thead>
            <tr>
              <th scope="col" class="col-rank">#</th>
              <th scope="col" class="col-track" data-sort-column="title artist"><button type="button" class="sort-button" data-sort="title">${e('column.track')}</button><span class="sort-sep" aria-hidden="true"> · </span><button type="button" class="sort-button" data-sort="artist">${e('column.artist')}</button></th>
              <th scope="col" class="col-number" data-sort-column="creations"><button type="button" class="sort-button" data-sort="creations">${e('column.creations')}</button></th>
              <th scope="col" class="col-number" data-sort-column="views"><button type="button" class="sort-button" data-sort="views">${e('column.views')}</button></th>
              <th scope="col" class="col-territories">${e('column.topTerritories')}</th>
              <th scope="col" class="col-number" data-sort-column="streams"><button type="button" class="sort-button" data-sort="streams">${e('column.streams')}</button></th>
            </tr>
          </thead>
          <tbody id="ranking-rows"></tbody>
        </table>
        <table class="ranking-table breakouts-table" id="breakouts-table" hidden>
          <thead>
            <tr>
              <th scope="col" class="col-rank">#</th>
              <th scope="col">${e('column.track')}</th>
              <th scope="col" class="col-number">${e('column.creations')}</th>
              <th scope="col" class="col-number" id="previous-heading">${e('column.previous')}</th>
              <th scope="col" class="col-number">${e('column.growth')}</th>
            </tr>
          </thead>
          <tbody id="breakouts-rows"></tbody>
        </table>
        <nav class="pager" aria-label="${e('pager.label')}">
          <button type="button" class="button button-quiet" id="pager-previous">&larr; ${e('pager.previous')}</button>
          <p class="pager-text" id="pager-text" aria-live="polite"></p>
          <button type="button" class="button button-quiet" id="pager-next">${e('pager.next')} &rarr;</button>
        </nav>
      </section>

      <div class="insights">
        <section class="card splits insight" id="overview-splits" aria-labelledby="overview-splits-title" aria-busy="true">
          <h3 id="overview-splits-title" class="card-title">${e('splits.title')}</h3>
          <div class="splits-body"></div>
        </section>
        <section class="card lift-ranking insight" id="lift-ranking" aria-labelledby="lift-ranking-title" aria-busy="true">
          <h3 id="lift-ranking-title" class="card-title">${e('liftRanking.title')}</h3>
          <p class="card-note">${e('liftRanking.note')} <span class="updating-note">${e('liftRanking.updating')}</span></p>
          <ol class="lift-list" id="lift-list"></ol>
        </section>
      </div>

      <section class="empty-state" id="empty-state" aria-labelledby="empty-title" hidden>
        <h3 id="empty-title" class="empty-title">${e('empty.title')}</h3>
        <p class="empty-text" id="empty-text"></p>
        <div class="articles">${articles(t, links)}</div>
      </section>
    </section>

    <section id="track-page" class="page" aria-labelledby="track-title" hidden>
      <a class="back-link" id="back-link" href="#/?period=28">&larr; ${e('track.back')}</a>
      <div class="page-heading">
        <h2 class="page-title" id="track-title" tabindex="-1"></h2>
        <button type="button" class="info-button" id="track-info" aria-haspopup="dialog" aria-label="${e('faq.open')}">i</button>
      </div>
      <p class="track-meta"><span id="track-artist"></span> <span class="isrc" id="track-isrc"></span></p>
      <p class="window-line" id="track-window"></p>
      <p class="page-error" id="track-error" role="alert" hidden></p>

      <div class="track-body" id="track-body">
        <div class="kpis">
          ${kpi(t, 'track-creations', 'kpi.creations', 'kpi.creations.trackHint')}
          ${kpi(t, 'track-views', 'kpi.views', 'kpi.views.hint')}
          ${kpi(t, 'track-streams', 'kpi.streams', 'kpi.streams.hint', 'kpi kpi-wide')}
          <article class="kpi kpi-wide" id="track-top">
            <h3 class="kpi-label">${e('column.topTerritories')}</h3>
            <ol class="kpi-territories" id="track-top-list"></ol>
            <p class="kpi-note territory-gap" id="track-top-without" hidden></p>
          </article>
        </div>

        <section class="card chart-card" aria-labelledby="chart-title">
          <h3 id="chart-title" class="card-title">${e('chart.daily.title')}</h3>
          <p class="card-note" id="chart-note"></p>
          <div class="chart-controls">
            <div class="chart-legend" id="chart-legend" role="group" aria-label="${e('chart.legend')}"></div>
            <fieldset class="segmented" id="granularity-switch">
              <legend class="visually-hidden">${e('chart.step')}</legend>
              <input type="radio" name="granularity" id="granularity-daily" value="daily" checked><label for="granularity-daily">${e('chart.step.daily')}</label>
              <input type="radio" name="granularity" id="granularity-weekly" value="weekly"><label for="granularity-weekly">${e('chart.step.weekly')}</label>
            </fieldset>
            <fieldset class="segmented" id="scale-switch">
              <legend class="visually-hidden">${e('chart.scale')}</legend>
              <input type="radio" name="scale" id="scale-log" value="log" checked><label for="scale-log">${e('chart.scale.log')}</label>
              <input type="radio" name="scale" id="scale-linear" value="linear"><label for="scale-linear">${e('chart.scale.linear')}</label>
            </fieldset>
            <button type="button" class="button button-quiet button-small" id="download-track">${e('csv.download')}<span class="visually-hidden"> ${e('csv.track')}</span></button>
          </div>
          <div class="chart-box">
            <canvas id="daily-chart" role="img" aria-label="${e('chart.daily.title')}"></canvas>
          </div>
        </section>

        <div class="insights">
          <section class="card lift insight" id="lift-panel" aria-labelledby="lift-title" aria-busy="true">
            <h3 id="lift-title" class="card-title">${e('lift.title')}</h3>
            <p class="lift-sentence" id="lift-sentence"></p>
            <p class="card-note" id="lift-history" hidden></p>
            <div class="lift-chart-box" id="lift-chart-box">
              <canvas id="lift-chart" role="img" aria-label="${e('lift.chart')}"></canvas>
            </div>
            <p class="card-note" id="lift-note">${e('lift.note')}</p>
          </section>
          <section class="card splits insight" id="track-splits" aria-labelledby="track-splits-title" aria-busy="true">
            <h3 id="track-splits-title" class="card-title">${e('splits.title')}</h3>
            <div class="splits-body"></div>
          </section>
        </div>

        <section class="card territories-card" aria-labelledby="territories-title">
          <h3 id="territories-title" class="card-title">${e('territories.title')}</h3>
          <p class="card-note" id="territories-note"></p>
          <p class="territory-gap" id="territories-without" hidden></p>
          <div class="territories-layout">
          <figure class="map-figure insight" id="territory-map" aria-busy="true">
            <div class="map-box">
              <canvas id="map-canvas" role="img" aria-label="${e('map.label')}"></canvas>
            </div>
            <figcaption class="card-note" id="map-note">${e('map.note')}</figcaption>
          </figure>
          <table class="territory-table" id="territory-table">
            <thead>
              <tr>
                <th scope="col" class="col-rank">#</th>
                <th scope="col">${e('column.territory')}</th>
                <th scope="col" class="col-number">${e('column.creations')}</th>
                <th scope="col" class="col-number">${e('column.views')}</th>
                <th scope="col" class="col-share">${e('column.share')}</th>
              </tr>
            </thead>
            <tbody id="territory-rows"></tbody>
          </table>
          </div>
        </section>
      </div>
    </section>
  </main>

  <footer class="app-footer">
    <p>${e('footer')}</p>
  </footer>

  <dialog id="faq" class="faq" aria-labelledby="faq-title">
    <div class="faq-head">
      <h2 id="faq-title">${e('faq.title')}</h2>
      <button type="button" class="close-button" id="faq-close" aria-label="${e('faq.close')}">&times;</button>
    </div>
    <dl>
      <dt>${e('faq.apps.q')}</dt>
      <dd id="faq-apps">${e('faq.apps.all')}</dd>
      <dt>${e('faq.creation.q')}</dt>
      <dd>${e('faq.creation.tiktok')}</dd>
      <dd>${e('faq.creation.shorts')}</dd>
      <dd>${e('faq.creation.reels')}</dd>
      <dt>${e('faq.territory.q')}</dt>
      <dd>${e('faq.territory.a')}</dd>
      <dt>${e('faq.douyin.q')}</dt>
      <dd>${e('faq.douyin.a')}</dd>
      <dt>${e('faq.higher.q')}</dt>
      <dd>${e('faq.higher.a1')}</dd>
      <dd>${e('faq.higher.ugc')}</dd>
      <dd>${e('faq.higher.a2')}</dd>
      <dt>${e('faq.pay.q')}</dt>
      <dd>${e('faq.pay.a')}</dd>
      <dt>${e('faq.breakout.q')}</dt>
      <dd>${e('faq.breakout.a')}</dd>
      <dt>${e('faq.lift.q')}</dt>
      <dd>${e('faq.lift.a')}</dd>
      <dt>${e('faq.late.q')}</dt>
      <dd>${e('faq.late.a')}</dd>
    </dl>
    <p class="faq-more">${e('faq.learnMore.before')} ${externalLink(t, links.learnMore, t('faq.learnMore.link'))}</p>
  </dialog>

  <div class="drop-overlay" id="drop-overlay" hidden>
    <p>${e('drop')}</p>
  </div>
</div>`;
}
