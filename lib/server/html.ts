/**
 * What the server does to a rendered page before it leaves (server.ts). Pages are rendered once
 * and cached for every reader, so the two things that differ per reader or per response are added
 * here, on the finished HTML:
 * - the reader's preferences (font size, colour scheme) from their cookies: `data-size` and
 *   `data-theme` on <html>, so the first paint is already right without a script, and the matching
 *   buttons of the preference form marked pressed (for the form that works without JavaScript);
 * - the Content-Security-Policy, by the hashes of the page's own inline scripts (lib/security/csp.ts).
 */
import {
  DEFAULT_SIZE,
  DEFAULT_THEME,
  SIZE_COOKIE,
  THEME_COOKIE,
  toSize,
  toTheme,
  type Size,
  type Theme,
} from '@/components/layout/prefs';
import { policyFor } from '@/lib/security/csp';

export interface Prefs {
  size: Size;
  theme: Theme;
}

/** The reading preferences in a Cookie header; anything unknown is the default. */
export function prefsFromCookies(header: string | undefined): Prefs {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return { size: toSize(jar.get(SIZE_COOKIE)), theme: toTheme(jar.get(THEME_COOKIE)) };
}

const HTML_TAG = /<html\b[^>]*>/i;
// The buttons of components/layout/pref-group.tsx, as React writes them.
const PREF_BUTTON =
  /(<button type="submit" name="(size|theme)" value="([^"]*)" aria-pressed=")(true|false)"/g;

/** The page as this reader should get it: their preferences on <html> and in the form. */
export function withPrefs(html: string, prefs: Prefs): string {
  if (prefs.size === DEFAULT_SIZE && prefs.theme === DEFAULT_THEME) return html;
  const tag = HTML_TAG.exec(html);
  if (!tag) return html;
  const attrs = [
    prefs.size === DEFAULT_SIZE ? '' : ` data-size="${prefs.size}"`,
    prefs.theme === DEFAULT_THEME ? '' : ` data-theme="${prefs.theme}"`,
  ].join('');
  const open = tag[0].replace(/\s+data-(size|theme)="[^"]*"/g, '').replace(/>$/, `${attrs}>`);
  const head = html.slice(0, tag.index) + open;
  const rest = html
    .slice(tag.index + tag[0].length)
    .replace(PREF_BUTTON, (_, start: string, name: string, value: string) => {
      const on = name === 'size' ? value === prefs.size : value === prefs.theme;
      return `${start}${on}"`;
    });
  return head + rest;
}

export interface FinishedPage {
  html: string;
  /** The Content-Security-Policy header for exactly this HTML. */
  policy: string;
}

/** Preferences applied and the policy computed; onRefused hears of inline scripts left without a hash. */
export function finishPage(html: string, prefs: Prefs, onRefused?: (body: string) => void): FinishedPage {
  return { html: withPrefs(html, prefs), policy: policyFor(html, { header: true, onRefused }) };
}
