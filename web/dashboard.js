// The package's ./dashboard entry: mountDashboard(element, options) and the
// <tiktok-analytics> element built on it. Importing this module registers the
// element once (a second import, or a second copy of the package, leaves the
// first registration in place). See web/README.md for the options, the
// events, the theme's CSS properties, routing and the CSP a host needs.
import { createDashboard } from './app.js';

// mountDashboard(element, { source, engine, locale, links, routing, state, name })
// -> { setState(partial), getState(), load(source), setLocale(locale), destroy() }
export function mountDashboard(element, options = {}) {
  if (!(element instanceof HTMLElement))
    throw new TypeError('mountDashboard needs an element to mount in');
  const dashboard = createDashboard(element, options);
  return {
    setState: (partial) => dashboard.setState(partial),
    getState: () => dashboard.getState(),
    load: (source) => dashboard.load(source),
    setLocale: (locale) => dashboard.setLocale(locale),
    setLinks: (links) => dashboard.setLinks(links),
    forgetAnswers: () => dashboard.forgetAnswers(),
    get locale() {
      return dashboard.locale;
    },
    destroy: () => dashboard.destroy(),
  };
}

// <tiktok-analytics src="catalog.json" period="28" locale="fr">: attributes
// for the simple options, properties for the rest (engine, links, routing,
// source, state). It mounts when connected (after the properties set in the
// same task) and is destroyed when removed.
export class TikTokAnalyticsElement extends HTMLElement {
  static observedAttributes = ['src', 'period', 'locale'];
  #handle = null;
  #options = {};
  #pending = false;

  connectedCallback() {
    if (this.#handle || this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (!this.isConnected || this.#handle) return;
      const options = { ...this.#options };
      if (options.source === undefined && this.getAttribute('src'))
        options.source = this.getAttribute('src');
      if (options.locale === undefined && this.getAttribute('locale'))
        options.locale = this.getAttribute('locale');
      if (options.routing === undefined && this.getAttribute('routing'))
        options.routing = this.getAttribute('routing');
      const period = Number(this.getAttribute('period'));
      if (period && !options.state) options.state = { period };
      this.#handle = mountDashboard(this, options);
    });
  }

  disconnectedCallback() {
    this.#handle?.destroy();
    this.#handle = null;
    this.shadowRoot?.replaceChildren();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#handle || old === value) return;
    if (name === 'src' && value) this.#handle.load(value);
    if (name === 'locale') this.#handle.setLocale(value);
    if (name === 'period' && Number(value)) this.#handle.setState({ period: Number(value) });
  }

  #option(name, value) {
    this.#options[name] = value;
  }

  get engine() {
    return this.#options.engine;
  }
  set engine(value) {
    this.#option('engine', value);
  }
  get routing() {
    return this.#options.routing ?? 'none';
  }
  set routing(value) {
    this.#option('routing', value);
  }
  get links() {
    return this.#options.links;
  }
  set links(value) {
    this.#option('links', value);
    this.#handle?.setLinks(value);
  }
  get source() {
    return this.#options.source;
  }
  set source(value) {
    this.#option('source', value);
    if (this.#handle) this.#handle.load(value);
  }
  get state() {
    return this.#handle ? this.#handle.getState() : this.#options.state;
  }
  set state(value) {
    if (this.#handle) this.#handle.setState(value);
    else this.#option('state', value);
  }
  get locale() {
    return this.#handle?.locale ?? this.getAttribute('locale') ?? 'en';
  }
  set locale(value) {
    this.setAttribute('locale', value);
  }

  load(source) {
    return this.#handle
      ? this.#handle.load(source)
      : Promise.resolve(this.#option('source', source));
  }
  setState(partial) {
    this.state = partial;
  }
  getState() {
    return this.state;
  }
  setLocale(locale) {
    this.locale = locale;
  }
  forgetAnswers() {
    this.#handle?.forgetAnswers();
  }
}

if (!customElements.get('tiktok-analytics'))
  customElements.define('tiktok-analytics', TikTokAnalyticsElement);
