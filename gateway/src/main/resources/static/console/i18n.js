// The console's languages: every text goes through t(); each page declares its own messages.
// sr-Latn is derived from sr-Cyrl by transliteration unless a page gives its own entry.

export const LANGUAGES = ['fr', 'sr-Cyrl', 'sr-Latn', 'en'];

const STORAGE_KEY = 'decoop.language';

const table = { en: {}, fr: {}, 'sr-Cyrl': {}, 'sr-Latn': {} };

const CYRILLIC_TO_LATIN = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Д: 'D', Ђ: 'Đ', Е: 'E', Ж: 'Ž', З: 'Z', И: 'I', Ј: 'J', К: 'K', Л: 'L',
  Љ: 'Lj', М: 'M', Н: 'N', Њ: 'Nj', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', Ћ: 'Ć', У: 'U', Ф: 'F',
  Х: 'H', Ц: 'C', Ч: 'Č', Џ: 'Dž', Ш: 'Š',
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l',
  љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f',
  х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

/** Serbian Cyrillic to Latin; a capital digraph before another capital stays all capitals (ЉУБА → LJUBA). */
export function toLatin(text) {
  const chars = [...text];
  return chars
    .map((c, i) => {
      const latin = CYRILLIC_TO_LATIN[c];
      if (latin === undefined) return c;
      const next = chars[i + 1];
      if (latin.length === 2 && next && next === next.toUpperCase() && next !== next.toLowerCase()) {
        return latin.toUpperCase();
      }
      return latin;
    })
    .join('');
}

function latinOf(value) {
  if (typeof value === 'function') return (params) => toLatin(String(value(params)));
  return toLatin(value);
}

/** Adds a page's messages: {en:{…}, fr:{…}, 'sr-Cyrl':{…}, 'sr-Latn'?:{…}}. A value may be a function of params. */
export function messages(dictionaries) {
  for (const [tag, entries] of Object.entries(dictionaries)) {
    if (!table[tag]) continue;
    Object.assign(table[tag], entries);
  }
  const cyrillic = dictionaries['sr-Cyrl'] || {};
  const ownLatin = dictionaries['sr-Latn'] || {};
  for (const [key, value] of Object.entries(cyrillic)) {
    if (!(key in ownLatin)) table['sr-Latn'][key] = latinOf(value);
  }
}

function fromBrowser() {
  for (const wanted of navigator.languages || [navigator.language || 'en']) {
    const tag = wanted.toLowerCase();
    if (tag.startsWith('sr-latn') || tag === 'sr-rs-latn') return 'sr-Latn';
    if (tag === 'sr' || tag.startsWith('sr-')) return 'sr-Cyrl';
    if (tag === 'fr' || tag.startsWith('fr-')) return 'fr';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

function remembered() {
  try {
    const tag = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(tag) ? tag : null;
  } catch {
    return null;
  }
}

let current = remembered() || fromBrowser();
document.documentElement.lang = current;

/** The current language's BCP 47 tag: fr, sr-Cyrl, sr-Latn or en. */
export function language() {
  return current;
}

/** Switches language, remembers it, sets <html lang> and lets the shell re-render (event 'languagechange'). */
export function setLanguage(tag) {
  if (!LANGUAGES.includes(tag)) return;
  current = tag;
  try {
    localStorage.setItem(STORAGE_KEY, tag);
  } catch {
    // private browsing: the choice lasts until the page closes
  }
  document.documentElement.lang = tag;
  window.dispatchEvent(new CustomEvent('decoop:language', { detail: tag }));
}

/** The text of key in the current language (English, then the key itself, when missing); {name} is replaced by params.name. */
export function t(key, params = {}) {
  let value = table[current][key];
  if (value === undefined) value = table.en[key];
  if (value === undefined) return key;
  if (typeof value === 'function') return String(value(params));
  return value.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function formatNumber(n, options) {
  return new Intl.NumberFormat(current, options).format(n);
}

export function formatMoney(amount, currency = 'EUR') {
  return new Intl.NumberFormat(current, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** A date (YYYY-MM-DD) or an instant, in the current language; a bare date is not shifted by the time zone. */
export function formatDate(iso, options) {
  if (iso === null || iso === undefined || iso === '') return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  const style = options || (dateOnly ? { dateStyle: 'long' } : { dateStyle: 'long', timeStyle: 'short' });
  return new Intl.DateTimeFormat(current, dateOnly ? { ...style, timeZone: 'UTC' } : style).format(date);
}
