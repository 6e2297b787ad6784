// Territory codes as people read them: a flag and the country's English name.
import { el } from './dom.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const REGIONAL_INDICATOR_A = 0x1f1e6;

// "FR" -> the two regional indicator letters that systems draw as a flag.
export function flag(code) {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((letter) => REGIONAL_INDICATOR_A + letter.charCodeAt(0) - 65));
}

export function countryName(code) {
  try {
    return regionNames.of(code) ?? code;
  } catch {  // not a valid region subtag
    return code;
  }
}

// Whether this system draws flags in colour: elsewhere (Windows, Linux without
// an emoji font) styles.css shows the code as a badge instead.
function detectFlagGlyphs() {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 24;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.font = `20px ${getComputedStyle(document.body).fontFamily}`;
  context.textBaseline = 'top';
  context.fillStyle = '#000';
  context.fillText(flag('FR'), 0, 0);
  const pixels = context.getImageData(0, 0, 24, 24).data;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) return true;  // a coloured pixel: a real flag
  }
  return false;
}
document.documentElement.classList.toggle('no-flag-emoji', !detectFlagGlyphs());

// <span class="territory"><span class="flag">🇫🇷</span> France</span>; the flag
// is decoration for screen readers (the name says it all).
export function territoryNode(code, extra = null) {
  return el('span', { className: 'territory' },
    el('span', { className: 'flag', 'aria-hidden': 'true', 'data-code': code }, flag(code)),
    el('span', { className: 'country' }, countryName(code)),
    extra);
}
