// The track page's world map: each territory coloured by its creations on a
// logarithmic scale (chartjs-chart-geo's choropleth over world-atlas's
// 1:110m countries). The library and the map's shapes load the first time a
// map is drawn, after the page's first paint. world-atlas keys countries by
// ISO 3166 numeric code; the engine's territories are alpha-2 (iso-numeric.js).
// Territories too small for this scale (e.g. Singapore) or absent from the
// atlas are not drawn; the note under the map names them.
import { Chart } from './charts.js';
import { ISO_NUMERIC } from './iso-numeric.js';

const ANTARCTICA = '010';
const MISSING = '#eceef1';
// The map's shapes: world-atlas's 1:110m countries, shipped beside this file
// (a host may serve them elsewhere: the mapUrl option).
export const DEFAULT_MAP_URL = new URL('./data/countries-110m.json', import.meta.url).href;

// The library and the shapes, loaded on the first map any dashboard draws.
// The shapes are plain data, the same for every dashboard.
let countries = null; // Promise of the GeoJSON features
function loadCountries(url) {
  countries ??= (async () => {
    const [geo, response] = await Promise.all([import('chartjs-chart-geo'), fetch(url)]);
    if (!response.ok) throw new Error(`could not download the world map (HTTP ${response.status})`);
    Chart.register(
      geo.ChoroplethController,
      geo.GeoFeature,
      geo.ColorLogarithmicScale,
      geo.ProjectionScale,
    );
    const topology = await response.json();
    return geo.topojson
      .feature(topology, topology.objects.countries)
      .features.filter((feature) => feature.id !== ANTARCTICA);
  })();
  countries.catch(() => {
    countries = null;
  }); // a later track may try again
  return countries;
}

// A red that darkens with creations, from a pale tint (few) to the accent.
// (Chart.js resolves a function option as scriptable, calling it with its
// context first: given that, it hands back itself, the colour function.)
function interpolate(t) {
  if (typeof t !== 'number') return interpolate;
  const from = [253, 224, 231],
    to = [160, 14, 52];
  const mix = (i) => Math.round(from[i] + (to[i] - from[i]) * t);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

// numeric -> alpha-2, to name the atlas's countries in the dashboard's language.
const ALPHA2 = new Map(Object.entries(ISO_NUMERIC).map(([alpha2, numeric]) => [numeric, alpha2]));

export function createTerritoryMap(ctx, mapUrl = DEFAULT_MAP_URL) {
  let chart = null;
  const featureName = (feature) =>
    ALPHA2.has(feature.id) ? ctx.fmt.countryName(ALPHA2.get(feature.id)) : feature.properties.name;

  function create(canvas, features) {
    const { t, fmt } = ctx;
    chart = new Chart(canvas, {
      type: 'choropleth',
      data: {
        labels: features.map(featureName),
        datasets: [
          {
            label: t('column.creations'),
            outline: { type: 'Sphere' },
            data: [],
            borderColor: '#ffffff',
            borderWidth: 0.5,
            outlineBackgroundColor: '#f3f7fa',
            outlineBorderColor: '#d5dbe3',
            outlineBorderWidth: 1,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        showOutline: true, // the globe's edge and its sea, so the shapes read as a world map
        showGraticule: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: () => '',
              label: (item) => {
                const { value, code } = item.raw;
                return `${code ? fmt.countryName(code) : featureName(item.raw.feature)}: ${value ? t('creations.count', { count: value }) : t('map.noCreations')}`;
              },
            },
          },
        },
        scales: {
          projection: { axis: 'x', projection: 'equalEarth' },
          color: {
            axis: 'x',
            type: 'colorLogarithmic',
            interpolate,
            missing: MISSING,
            legend: {
              position: 'bottom-left',
              align: 'right',
              length: 0.3,
              width: 8,
              indicatorWidth: 8,
              margin: 4,
            },
            ticks: { callback: (value) => (Math.log10(value) % 1 === 0 ? fmt.compact(value) : '') },
          },
        },
      },
    });
  }

  return {
    // territories: [{ code, creations, views }] (the track's top 50).
    async show(canvas, note, territories) {
      const { t, fmt } = ctx;
      const features = await loadCountries(mapUrl);
      if (!canvas.isConnected) return; // the dashboard was destroyed or redrawn meanwhile
      if (!chart) create(canvas, features);
      const byNumeric = new Map(
        territories.filter((x) => x.creations > 0).map((x) => [ISO_NUMERIC[x.code], x]),
      );
      const drawn = new Set(features.map((f) => f.id));
      chart.data.datasets[0].data = features.map((feature) => {
        const territory = byNumeric.get(feature.id);
        return {
          feature,
          code: territory?.code ?? null,
          value: territory ? territory.creations : null,
        };
      });
      chart.update();
      const undrawn = territories
        .filter((x) => !drawn.has(ISO_NUMERIC[x.code]))
        .map((x) => fmt.countryName(x.code));
      note.textContent = `${t('map.note')}${undrawn.length ? ` ${t('map.undrawn', { names: undrawn.join(', ') })}` : ''}`;
      canvas.setAttribute(
        'aria-label',
        territories.length
          ? t('map.aria', { top: fmt.countryName(territories[0].code) })
          : t('map.ariaNone'),
      );
    },
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
}
