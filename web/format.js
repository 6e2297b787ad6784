// Numbers, changes and dates for people, in the instance's language: compact
// where large, the exact value one hover away. One formatter set per locale
// (making an Intl format costs more than using it), made by createFormat().
import { el, setAttr, setNodeText } from './dom.js';

// The interface's language -> the Intl locale of its numbers and dates.
// English dates read "25 Nov 2026" (day first), as in the rest of Europe.
const DATE_LOCALES = { en: 'en-GB', fr: 'fr-FR' };
const NUMBER_LOCALES = { en: 'en', fr: 'fr-FR' };

const toDate = (iso) => new Date(`${iso}T00:00:00Z`);
export const addDays = (iso, days) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// Changes past this (+999%) read as multiples: "×808".
const MULTIPLE_FROM = 9.995;

export function createFormat(language, t) {
  const numbers = NUMBER_LOCALES[language] ?? language;
  const dates = DATE_LOCALES[language] ?? language;
  const exactFormat = new Intl.NumberFormat(numbers);
  const compactFormat = new Intl.NumberFormat(numbers, {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const utc = { timeZone: 'UTC' };
  const dayFormat = new Intl.DateTimeFormat(dates, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...utc,
  });
  const shortDayFormat = new Intl.DateTimeFormat(dates, { day: 'numeric', month: 'short', ...utc });
  const longDayFormat = new Intl.DateTimeFormat(dates, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...utc,
  });
  const percentFormats = [0, 1].map(
    (digits) => new Intl.NumberFormat(numbers, { style: 'percent', maximumFractionDigits: digits }),
  );
  const multipleFormat = new Intl.NumberFormat(numbers, { maximumSignificantDigits: 3 });
  const correlationFormat = new Intl.NumberFormat(numbers, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const megabyteFormat = new Intl.NumberFormat(numbers, { maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(language);
  const regionNames = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const names = new Map(); // code -> name: the table asks for the same few codes on every render

  const exact = (n) => exactFormat.format(n);
  // Below 10,000 the exact value is short enough to show as is.
  const compact = (n) => (Math.abs(n) < 10_000 ? exactFormat.format(n) : compactFormat.format(n));

  // Updates a numberNode in place to show n (as numberNode(n) would).
  function setNumber(node, n) {
    const shown = compact(n);
    const full = exact(n);
    const value = String(n);
    if (node.value !== value) node.value = value;
    setAttr(node, 'title', shown === full ? null : full);
    setNodeText(node, shown);
    return node;
  }

  // A share 0..1 as "12.3%" (one decimal, no decimal past 10%).
  const percent = (share) => percentFormats[Math.abs(share) < 0.1 ? 1 : 0].format(share);

  // A relative change (1.5 = +150%) without its sign: "150%", or "×808" past +999%.
  const changeMagnitude = (change) =>
    change >= MULTIPLE_FROM
      ? `\u00D7${multipleFormat.format(change + 1)}`
      : percent(Math.abs(change));

  const day = (iso) => dayFormat.format(toDate(iso)); // 25 Nov 2026
  const shortDay = (iso) => shortDayFormat.format(toDate(iso)); // 25 Nov
  const dayRange = ({ start, end }) => {
    const sameYear = start.slice(0, 4) === end.slice(0, 4);
    return `${sameYear ? shortDay(start) : day(start)} \u2013 ${day(end)}`;
  };

  return {
    language,
    exact,
    compact,
    setNumber,
    percent,
    changeMagnitude,
    // <data value="5505879695" title="5,505,879,695">5.5B</data>: the machine-readable
    // value for scripts, the exact one in the tooltip, the short one on screen.
    numberNode: (n, className = 'number') => setNumber(el('data', { className }), n),
    // { direction: 'up' | 'down' | 'flat' | 'none' | 'new', text }: 'new' when
    // the previous period had nothing (change is null) and this one has something.
    describeChange(change, current = 1) {
      if (change === null || change === undefined) {
        return current > 0
          ? { direction: 'new', text: t('change.new') }
          : { direction: 'none', text: '\u2014' };
      }
      if (change === 0) return { direction: 'flat', text: percent(0) };
      const sign = change >= MULTIPLE_FROM ? '' : change > 0 ? '+' : '\u2212';
      return { direction: change > 0 ? 'up' : 'down', text: `${sign}${changeMagnitude(change)}` };
    },
    // A growth ratio (1.5 = +150%) with a sign, "×808" past +999%, "New" for null.
    growthText: (growth) =>
      growth === null
        ? t('change.new')
        : `${growth >= MULTIPLE_FROM ? '' : '+'}${changeMagnitude(growth)}`,
    day,
    shortDay,
    longDay: (iso) => longDayFormat.format(toDate(iso)), // Wed, 25 Nov 2026
    dayRange,
    megabytes: (bytes) => t('units.megabytes', { value: megabyteFormat.format(bytes / 1e6) }),
    correlationText: (r) => correlationFormat.format(r),
    pluralCategory: (n) => plurals.select(n),
    countryName(code) {
      let name = names.get(code);
      if (name === undefined) {
        try {
          name = regionNames.of(code) ?? code;
        } catch {
          // not a valid region subtag
          name = code;
        }
        names.set(code, name);
      }
      return name;
    },
  };
}
