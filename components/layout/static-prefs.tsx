/**
 * The reader's preferences (text size, colour scheme) applied before the first paint by a tiny
 * external script in <head>, /prefs.js, that reads the preference cookies and sets `data-size` and
 * `data-theme` on <html>. Every reader of a URL gets the same HTML, so a shared HTTP cache can keep
 * it (server.ts sends it `public`); the script is a file, so the strict CSP ('self', no inline
 * script) allows it, and its URL carries a hash of its text, so browsers keep it for a year.
 * Without JavaScript the automatic theme (prefers-color-scheme) and the default size apply, and the
 * preference form still saves the cookies (/api/prefs).
 *
 * public/prefs.js is this text; a test checks they are the same.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_SIZE, DEFAULT_THEME, SIZE_COOKIE, SIZES, THEME_COOKIE, THEMES } from './prefs';

const pick = (cookie: string, values: readonly string[], fallback: string) =>
  `var m=document.cookie.match(/(?:^|; )${cookie}=([^;]*)/);` +
  `if(m&&${JSON.stringify(values.filter((v) => v !== fallback))}.indexOf(m[1])>=0)` +
  `d.dataset.${cookie === SIZE_COOKIE ? 'size' : 'theme'}=m[1];`;

export const STATIC_PREFS_SCRIPT = `(function(){var d=document.documentElement;${pick(SIZE_COOKIE, SIZES, DEFAULT_SIZE)}${pick(THEME_COOKIE, THEMES, DEFAULT_THEME)}})()`;

/** The script's URL: a new text is a new URL, so the file can be cached for a year. */
export const PREFS_SCRIPT_SRC = `/prefs.js?v=${createHash('sha256').update(STATIC_PREFS_SCRIPT).digest('hex').slice(0, 12)}`;

export function PrefsScript() {
  // Synchronous on purpose: it must run before the first paint, or the page flashes the wrong
  // theme; it is 300 bytes, same-origin and cached for a year.
  // eslint-disable-next-line @next/next/no-sync-scripts
  return <script src={PREFS_SCRIPT_SRC} />;
}
