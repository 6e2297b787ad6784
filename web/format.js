// Numbers, changes and dates for people: compact where large, the exact value
// one hover away, English text throughout (the interface is in English).
import { el, setAttr, setNodeText } from './dom.js';

const exactFormat = new Intl.NumberFormat('en');
const compactFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const exact = (n) => exactFormat.format(n);

// Below 10,000 the exact value is short enough to show as is.
export const compact = (n) => (Math.abs(n) < 10_000 ? exactFormat.format(n) : compactFormat.format(n));

// <data value="5505879695" title="5,505,879,695">5.5B</data>: the machine-readable
// value for scripts, the exact one in the tooltip, the short one on screen.
export function numberNode(n, className = 'number') {
  return setNumber(el('data', { className }), n);
}

// Updates a numberNode in place to show n (as numberNode(n) would).
export function setNumber(node, n) {
  const shown = compact(n);
  const full = exact(n);
  const value = String(n);
  if (node.value !== value) node.value = value;
  setAttr(node, 'title', shown === full ? null : full);
  setNodeText(node, shown);
  return node;
}

// A share 0..1 as "12.3%" (one decimal, no decimal past 10%).
// (The formats are made once: making an Intl.NumberFormat costs more than using it.)
const percentFormats = [0, 1].map((digits) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: digits }));
export function percent(share) {
  return percentFormats[Math.abs(share) < 0.1 ? 1 : 0].format(share);
}

// { direction: 'up' | 'down' | 'flat' | 'none', text: '+12.3%' }; 'none' when
// the previous period had nothing to compare with (change is null).
export function describeChange(change) {
  if (change === null || change === undefined) return { direction: 'none', text: '\u2014' };
  if (change === 0) return { direction: 'flat', text: '0%' };
  const sign = change > 0 ? '+' : '\u2212';
  return { direction: change > 0 ? 'up' : 'down', text: `${sign}${percent(Math.abs(change))}` };
}

const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
export const day = (iso) => dayFormat.format(toDate(iso));           // 25 Nov 2026
export const shortDay = (iso) => shortDayFormat.format(toDate(iso)); // 25 Nov
export const longDay = (iso) => longDayFormat.format(toDate(iso));   // Wed, 25 Nov 2026

// "29 Oct – 25 Nov 2026" (the year once when both ends share it).
export function dayRange({ start, end }) {
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return `${sameYear ? shortDay(start) : day(start)} \u2013 ${day(end)}`;
}

// "Last 28 days: 29 Oct – 25 Nov 2026 · compared with 1 – 28 Oct 2026"
export const periodLine = (current, previous) =>
  `Last ${current.days} days: ${dayRange(current)} \u00B7 compared with ${dayRange(previous)}`;

export function megabytes(bytes) {
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(bytes / 1e6)} MB`;
}

// Titles and artists may be absent from a document (null in answers).
export const trackTitle = (track) => track.title ?? `Untitled (${track.id})`;
export const artistName = (artist) => artist ?? 'Unknown artist';

export const plural = (n, one, many = `${one}s`) => `${exact(n)} ${n === 1 ? one : many}`;

// The window line with a custom range: "1 – 31 Oct 2026 (31 days) · compared with ...".
export const rangeLine = (current, previous) =>
  `${dayRange(current)} (${plural(current.days, 'day')}) \u00B7 compared with ${dayRange(previous)}`;

// "in the last 28 days", or "from 1 Oct to 31 Oct 2026" for a custom range.
export const windowPhrase = (window, custom) =>
  (custom ? `from ${day(window.start)} to ${day(window.end)}` : `in the last ${window.days} days`);

// A growth ratio (1.5 = +150%) with a sign.
export const growthText = (growth) => `+${percentFormats[0].format(growth)}`;

// Two significant digits: 38.2 -> "38", 0.43 -> "0.43", 1234 -> "1,200".
const roughFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 2 });
export const roughly = (n) => roughFormat.format(n);

// A correlation with two decimals: 0.7212 -> "0.72".
const correlationFormat = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const correlationText = (r) => correlationFormat.format(r);

export const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
