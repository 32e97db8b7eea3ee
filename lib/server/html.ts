/**
 * What the server does to a rendered page before it leaves (server.ts): the Content-Security-Policy,
 * by the hashes of the page's own inline scripts (lib/security/csp.ts), and how long caches may keep
 * it. The HTML itself is the same for every reader of a URL (their preferences are applied in the
 * browser by /prefs.js, components/layout/static-prefs.tsx), so a shared HTTP cache may keep it.
 */
import { policyFor } from '@/lib/security/csp';

export interface FinishedPage {
  html: string;
  /** The Content-Security-Policy header for exactly this HTML. */
  policy: string;
}

/** The policy computed; onRefused hears of inline scripts left without a hash. */
export function finishPage(html: string, onRefused?: (body: string) => void): FinishedPage {
  return { html, policy: policyFor(html, { header: true, onRefused }) };
}

/** How long a shared cache keeps a reader page before asking again (DUBAO_S_MAXAGE, seconds). */
export function sharedMaxAge(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DUBAO_S_MAXAGE ?? 60);
  return Number.isInteger(n) && n >= 0 ? n : 60;
}

/**
 * Cache-Control for a finished HTML response. Reader pages (200, and the 404 of a path that names
 * nothing) are the same for every reader: a shared cache may keep them `s-maxage` seconds and serve
 * a stale copy while it fetches the new one; browsers revalidate every time (max-age=0, ETag), so a
 * reader sees a changed page at once. The desk is never stored; errors are not kept.
 */
export function cacheControlFor(url: string | undefined, status: number, sMaxAge = sharedMaxAge()): string {
  if (url === '/desk' || url?.startsWith('/desk/') || url?.startsWith('/desk?')) return 'no-store';
  if (status !== 200 && status !== 404) return 'no-store';
  return `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${sMaxAge * 10}`;
}
