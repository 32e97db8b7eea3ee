/**
 * The static export's stand-in for reading the preference cookies on the server: a tiny inline
 * script in <head> that applies them before the first paint. Its hash is put in the page's CSP by
 * scripts/static-csp.ts. Rendered only when DUBAO_STATIC is set.
 */
import { DEFAULT_SIZE, DEFAULT_THEME, SIZE_COOKIE, SIZES, THEME_COOKIE, THEMES } from './prefs';

const pick = (cookie: string, values: readonly string[], fallback: string) =>
  `var m=document.cookie.match(/(?:^|; )${cookie}=([^;]*)/);` +
  `if(m&&${JSON.stringify(values.filter((v) => v !== fallback))}.indexOf(m[1])>=0)` +
  `d.dataset.${cookie === SIZE_COOKIE ? 'size' : 'theme'}=m[1];`;

export const STATIC_PREFS_SCRIPT = `(function(){var d=document.documentElement;${pick(SIZE_COOKIE, SIZES, DEFAULT_SIZE)}${pick(THEME_COOKIE, THEMES, DEFAULT_THEME)}})()`;

export function StaticPrefs() {
  return <script dangerouslySetInnerHTML={{ __html: STATIC_PREFS_SCRIPT }} />;
}
