// Messages: one catalog per language (i18n/en.js, i18n/fr.js, the same keys in
// each), looked up through t(). A message is a string with {name} slots, or,
// for a count, one string per plural category of Intl.PluralRules
// ({ one, other, ... }), picked by params.count, which {count} shows formatted.
import en from './i18n/en.js';
import fr from './i18n/fr.js';
import { createFormat } from './format.js';

export const CATALOGS = { en, fr };
export const LOCALES = Object.keys(CATALOGS);

// 'fr-CA' -> 'fr'; anything unknown -> 'en'.
export function pickLocale(locale) {
  const language = String(locale ?? 'en')
    .toLowerCase()
    .split(/[-_]/)[0];
  return CATALOGS[language] ? language : 'en';
}

export function createI18n(locale) {
  const language = pickLocale(locale);
  const messages = CATALOGS[language];
  const plurals = new Intl.PluralRules(language);
  const count = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en');
  function t(key, params = {}) {
    let message = messages[key];
    if (message === undefined) throw new Error(`no message "${key}" in the ${language} catalog`);
    if (typeof message === 'object')
      message = message[plurals.select(params.count)] ?? message.other;
    return message.replace(/\{(\w+)\}/g, (slot, name) => {
      if (!(name in params)) return slot;
      return name === 'count' ? count.format(params.count) : String(params[name]);
    });
  }
  const format = createFormat(language, t);
  return { language, t, format };
}
