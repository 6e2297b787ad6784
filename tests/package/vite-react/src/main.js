// A host app as a distributor's frontend would write it: React from npm, its
// own router (hash routes of its own), and the package's <tiktok-analytics>
// element in French, twice, sharing one engine Worker. No JSX, so no plugin.
import React, { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createAnalyticsWorker } from 'tiktok-catalog-analytics';
import 'tiktok-catalog-analytics/dashboard';

const h = React.createElement;

// The host's router: "#/" home, "#/titres/<id>" a track, "#/reglages" settings.
function parseRoute(hash) {
  const track = /^#\/titres\/([^/?#]+)$/.exec(hash);
  if (track) return { page: 'track', trackId: decodeURIComponent(track[1]) };
  if (hash === '#/reglages') return { page: 'settings', trackId: null };
  return { page: 'home', trackId: null };
}

function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

// One <tiktok-analytics>: its properties are set in a layout effect, which runs
// as React inserts the element, before the element mounts (a passive effect
// would come too late: it would have started a Worker of its own). trackopen
// goes to the host's router, and the route comes back as the element's state
// (routing 'none': the element never touches the URL).
function Analytics({ engine, source, period, trackId, locale, name }) {
  const ref = useRef(null);
  useLayoutEffect(() => {
    const element = ref.current;
    element.engine = engine;
    element.links = {
      documentation: '/aide/tiktok',
      learnMore: '/aide',
      articles: [
        {
          title: 'Lire vos chiffres TikTok',
          url: '/aide/chiffres',
          summary: 'Créations, vues et écoutes.',
        },
        {
          title: 'Périodes et comparaisons',
          url: '/aide/periodes',
          summary: 'Ce que compare chaque période.',
        },
        { title: 'Exporter un tableau', url: '/aide/export', summary: 'Le tableau en CSV.' },
      ],
    };
    element.source = source;
    const open = (event) => {
      location.hash = `#/titres/${encodeURIComponent(event.detail.trackId)}`;
    };
    element.addEventListener('trackopen', open);
    return () => element.removeEventListener('trackopen', open);
  }, [engine, source]);
  useEffect(() => {
    ref.current.state = { trackId };
  }, [trackId]);
  return h('tiktok-analytics', { ref, locale, period: String(period), 'data-name': name });
}

function App({ engine }) {
  const route = useRoute();
  const [source] = useState(() => () => fetch('/catalog.json'));
  const [locale, setLocale] = useState('fr');
  return h(
    React.Fragment,
    null,
    h(
      'header',
      null,
      h('a', { href: '#/' }, 'Accueil'),
      h('a', { href: '#/reglages' }, 'Réglages'),
      h(
        'span',
        { id: 'host-route' },
        route.page === 'track' ? `Titre ${route.trackId}` : route.page,
      ),
      h(
        'select',
        { id: 'host-language', value: locale, onChange: (event) => setLocale(event.target.value) },
        h('option', { value: 'fr' }, 'Français'),
        h('option', { value: 'en' }, 'English'),
      ),
    ),
    h(
      'main',
      null,
      h(
        'section',
        null,
        h(Analytics, { engine, source, period: 28, trackId: route.trackId, locale, name: 'main' }),
      ),
      h(
        'section',
        null,
        h('h2', null, 'Cette semaine'),
        h(Analytics, { engine, source, period: 7, trackId: null, locale, name: 'side' }),
      ),
    ),
  );
}

const engine = await createAnalyticsWorker();
createRoot(document.getElementById('root')).render(h(App, { engine }));
