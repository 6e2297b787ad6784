// Territory codes as people read them: a flag and the country's name in the
// dashboard's language (Intl.DisplayNames, format.js).
import { el, setAttr, setNodeText } from './dom.js';

const REGIONAL_INDICATOR_A = 0x1f1e6;

// "FR" -> the two regional indicator letters that systems draw as a flag.
export function flag(code) {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(
    ...[...code].map((letter) => REGIONAL_INDICATOR_A + letter.charCodeAt(0) - 65),
  );
}

// Whether this system draws flags in colour: elsewhere (Windows, Linux without
// an emoji font) styles.css shows the code as a badge instead. A fact about
// the system, found once for every dashboard.
let flagGlyphs = null;
function detectFlagGlyphs() {
  if (flagGlyphs !== null) return flagGlyphs;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 24;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.font = '20px "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif';
  context.textBaseline = 'top';
  context.fillStyle = '#000';
  context.fillText(flag('FR'), 0, 0);
  const pixels = context.getImageData(0, 0, 24, 24).data;
  flagGlyphs = false;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) flagGlyphs = true; // a coloured pixel: a real flag
  }
  return flagGlyphs;
}

export function createTerritories(ctx, wrapper) {
  const glyphs = detectFlagGlyphs();
  wrapper.classList.toggle('no-flag-emoji', !glyphs);
  // Without flag glyphs the code takes the flag's place (styles.css makes it a
  // badge). Not the regional indicator letters hidden with font-size 0: those
  // sent the browser looking through every font for glyphs none has, on each
  // layout of a row.
  const flagText = (code) => (glyphs ? flag(code) : code);
  return {
    // <span class="territory"><span class="flag">🇫🇷</span> France</span>; the
    // flag is decoration for screen readers (the name says it all).
    node: (code, extra = null) =>
      el(
        'span',
        { className: 'territory' },
        el('span', { className: 'flag', 'aria-hidden': 'true', 'data-code': code }, flagText(code)),
        el('span', { className: 'country' }, code ? ctx.fmt.countryName(code) : ''),
        extra,
      ),
    // Shows another territory in a node (without extra), in place.
    setNode(node, code) {
      const [flagNode, nameNode] = node.children;
      setAttr(flagNode, 'data-code', code);
      setNodeText(flagNode, flagText(code));
      setNodeText(nameNode, ctx.fmt.countryName(code));
    },
  };
}
