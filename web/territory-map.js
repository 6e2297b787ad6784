// The track page's world map: each territory coloured by its creations on a
// logarithmic scale (chartjs-chart-geo's choropleth over world-atlas's
// 1:110m countries). The library and the map's shapes load the first time a
// map is drawn, after the page's first paint. world-atlas keys countries by
// ISO 3166 numeric code; the engine's territories are alpha-2 (iso-numeric.js).
// Territories too small for this scale (e.g. Singapore) or absent from the
// atlas are not drawn; the note under the map names them.
import './vendor/chart.umd.js';  // globalThis.Chart, which chartjs-chart-geo extends
import { compact, exact } from './format.js';
import { ISO_NUMERIC } from './iso-numeric.js';
import { countryName } from './territories.js';

const ANTARCTICA = '010';
const MISSING = '#eceef1';
let countries = null;  // Promise of the GeoJSON features
let chart = null;

function loadCountries() {
  countries ??= (async () => {
    const [, response] = await Promise.all([
      import('./vendor/chartjs-chart-geo.umd.min.js'),  // defines globalThis.ChartGeo
      fetch('data/countries-110m.json'),
    ]);
    if (!response.ok) throw new Error(`could not download the world map (HTTP ${response.status})`);
    const topology = await response.json();
    return globalThis.ChartGeo.topojson.feature(topology, topology.objects.countries).features
      .filter((feature) => feature.id !== ANTARCTICA);
  })();
  countries.catch(() => { countries = null; });  // a later track may try again
  return countries;
}

// A red that darkens with creations, from a pale tint (few) to the accent.
function interpolate(t) {
  const from = [253, 224, 231], to = [160, 14, 52];
  const mix = (i) => Math.round(from[i] + (to[i] - from[i]) * t);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

function create(canvas, features) {
  const { Chart } = globalThis;
  chart = new Chart(canvas, {
    type: 'choropleth',
    data: {
      labels: features.map((f) => f.properties.name),
      datasets: [{
        label: 'Creations', outline: { type: 'Sphere' }, data: [], borderColor: '#ffffff', borderWidth: 0.5,
        outlineBackgroundColor: '#f3f7fa', outlineBorderColor: '#d5dbe3', outlineBorderWidth: 1,
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      showOutline: true,  // the globe's edge and its sea, so the shapes read as a world map
      showGraticule: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: () => '',
            label: (item) => {
              const { value, code } = item.raw;
              return `${code ? countryName(code) : item.raw.feature.properties.name}: ${value ? `${exact(value)} creations` : 'no creations'}`;
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
          legend: { position: 'bottom-left', align: 'right', length: 0.3, width: 8, indicatorWidth: 8, margin: 4 },
          ticks: { callback: (value) => (Math.log10(value) % 1 === 0 ? compact(value) : '') },
        },
      },
    },
  });
}

// territories: [{ code, creations, views }] (the track's top 50).
export async function showTerritoryMap(canvas, note, territories) {
  const features = await loadCountries();
  if (!chart) create(canvas, features);
  const byNumeric = new Map(territories.filter((t) => t.creations > 0).map((t) => [ISO_NUMERIC[t.code], t]));
  const drawn = new Set(features.map((f) => f.id));
  chart.data.datasets[0].data = features.map((feature) => {
    const territory = byNumeric.get(feature.id);
    return { feature, code: territory?.code ?? null, value: territory ? territory.creations : null };
  });
  chart.update();
  const undrawn = territories.filter((t) => !drawn.has(ISO_NUMERIC[t.code])).map((t) => countryName(t.code));
  note.textContent = `Colour: creations, on a logarithmic scale (each step is \u00D710).${undrawn.length
    ? ` Too small for this map or not on it: ${undrawn.join(', ')}.` : ''}`;
  canvas.setAttribute('aria-label', territories.length
    ? `World map of creations by territory; the most in ${countryName(territories[0].code)}. The table lists every territory with its numbers.`
    : 'World map: no territory had creations in this period.');
}
