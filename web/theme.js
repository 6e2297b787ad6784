// The theme a host sets through CSS custom properties on the element (see
// README "Theme"), read where Chart.js needs colours as values: the charts
// follow the same --tta-* properties as the page.
const FALLBACK = {
  accent: '#fe2c55',
  accentText: '#c2103c',
  text: '#16181d',
  muted: '#555c68',
  grid: '#e8eaee',
  bg: '#f3f4f6',
  font: 'system-ui, sans-serif',
  creations: '#d6245f',
  views: '#0b6e80',
  streams: '#6a3fc8',
  tiktok: '#0b6e80',
  douyin: '#d6245f',
  youtube_shorts: '#cc4a00',
  instagram_reels: '#8a3ab9',
  ugc: '#6a3fc8',
  pgc: '#e08a00',
  unknown: '#9aa1ad',
};
const PROPERTIES = {
  accent: '--tta-accent',
  accentText: '--tta-accent-text',
  text: '--tta-text',
  muted: '--tta-muted',
  grid: '--tta-grid',
  bg: '--tta-bg',
  font: '--tta-font',
  creations: '--tta-series-creations',
  views: '--tta-series-views',
  streams: '--tta-series-streams',
  tiktok: '--tta-series-tiktok',
  douyin: '--tta-series-douyin',
  youtube_shorts: '--tta-series-youtube-shorts',
  instagram_reels: '--tta-series-instagram-reels',
  ugc: '--tta-series-ugc',
  pgc: '--tta-series-pgc',
  unknown: '--tta-series-unknown',
};

export function readTheme(host) {
  const style = getComputedStyle(host);
  const theme = {};
  for (const [name, property] of Object.entries(PROPERTIES)) {
    theme[name] = style.getPropertyValue(property).trim() || FALLBACK[name];
  }
  return theme;
}

// A colour with some transparency, for bar fills: "#d6245f" -> "rgb(214 36 95 / 55%)".
export function translucent(color, alpha) {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (!hex) return color;
  const n = parseInt(hex[1], 16);
  return `rgb(${n >> 16} ${(n >> 8) & 255} ${n & 255} / ${Math.round(alpha * 100)}%)`;
}
