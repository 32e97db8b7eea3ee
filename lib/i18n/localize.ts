/**
 * The reader's views in the script of the reading locale: for zh-Hant every piece of printed text
 * (headlines, bylines, paragraphs, paper and page names) is converted to Traditional on the server;
 * ids, dates and numbers are left alone. Other locales get the view unchanged, as published.
 */
import 'server-only';
import { toTraditional } from './chinese';
import { isTraditional } from './locales';

/** Keys whose string values (or arrays of strings) are printed text. */
const TEXT_KEYS = new Set([
  'kicker',
  'headline',
  'subheadline',
  'text',
  'names',
  'role',
  'paper',
  'pageName',
  'furniture',
]);
/** Keys never shown to readers: not worth walking. */
const SKIP_KEYS = new Set(['repairs', 'file', 'id', 'date', 'kind', 'type']);

// Converted copies of the archive's (immutable, cached) objects: each is converted once per process.
const converted = new WeakMap<object, unknown>();

function convertValue(value: unknown, isText: boolean): unknown {
  if (typeof value === 'string') return isText ? toTraditional(value) : value;
  if (Array.isArray(value)) {
    if (isText) return value.map((v) => (typeof v === 'string' ? toTraditional(v) : convertValue(v, false)));
    return convertObject(value);
  }
  if (value && typeof value === 'object') return convertObject(value);
  return value;
}

function convertObject(source: object): unknown {
  const done = converted.get(source);
  if (done !== undefined) return done;
  let out: unknown;
  if (Array.isArray(source)) {
    out = source.map((v) => convertValue(v, false));
  } else if (source instanceof Map) {
    out = new Map([...source].map(([k, v]) => [k, convertValue(v, false)]));
  } else if (Object.getPrototypeOf(source) === Object.prototype) {
    out = Object.fromEntries(
      Object.entries(source).map(([k, v]) => [k, SKIP_KEYS.has(k) ? v : convertValue(v, TEXT_KEYS.has(k))]),
    );
  } else {
    out = source;
  }
  converted.set(source, out);
  return out;
}

/** The view with its printed text in the locale's script (same shape, same ids). */
export function localizeView<T>(view: T, locale: string): T {
  if (!isTraditional(locale) || view === undefined || view === null) return view;
  return convertValue(view, false) as T;
}

/** One string of printed text in the locale's script. */
export function localizeText(text: string, locale: string): string {
  return isTraditional(locale) ? toTraditional(text) : text;
}
