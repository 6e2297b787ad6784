// Territory codes as people read them: a flag and the country's English name.
import { el, setAttr, setNodeText } from './dom.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const REGIONAL_INDICATOR_A = 0x1f1e6;

// "FR" -> the two regional indicator letters that systems draw as a flag.
export function flag(code) {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((letter) => REGIONAL_INDICATOR_A + letter.charCodeAt(0) - 65));
}

const names = new Map();  // code -> name: the table asks for the same few codes on every render
export function countryName(code) {
  let name = names.get(code);
  if (name === undefined) {
    try {
      name = regionNames.of(code) ?? code;
    } catch {  // not a valid region subtag
      name = code;
    }
    names.set(code, name);
  }
  return name;
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
const flagGlyphs = detectFlagGlyphs();
document.documentElement.classList.toggle('no-flag-emoji', !flagGlyphs);
// Without flag glyphs the code takes the flag's place (styles.css makes it a
// badge). Not the regional indicator letters hidden with font-size 0 and the
// code drawn by CSS: those letters sent the browser looking through every
// font for glyphs none has, on each layout of a row, and a generated
// attr() content is rebuilt whenever the code changes.
const flagText = (code) => (flagGlyphs ? flag(code) : code);

// <span class="territory"><span class="flag">🇫🇷</span> France</span>; the flag
// is decoration for screen readers (the name says it all).
export function territoryNode(code, extra = null) {
  return el('span', { className: 'territory' },
    el('span', { className: 'flag', 'aria-hidden': 'true', 'data-code': code }, flagText(code)),
    el('span', { className: 'country' }, countryName(code)),
    extra);
}

// Shows another territory in a territoryNode (without extra), in place.
export function setTerritoryNode(node, code) {
  const [flagNode, nameNode] = node.children;
  setAttr(flagNode, 'data-code', code);
  setNodeText(flagNode, flagText(code));
  setNodeText(nameNode, countryName(code));
}
