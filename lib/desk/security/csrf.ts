/**
 * Cross-site request forgery, twice over. SameSite=Strict keeps the session cookie off other sites'
 * requests in current browsers; every form of the desk also carries a token tied to the session
 * (its sid), and every POST must come from the desk's own origin by the browser's own headers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The session's CSRF token, for a hidden field in each form. The session's key with a `csrf:`
 * prefix: a session payload is base64url and never contains ':', so one MAC cannot pass for the other.
 */
export function csrfToken(key: Buffer, sid: string): string {
  return createHmac('sha256', key).update(`csrf:${sid}`, 'utf8').digest('base64url');
}

/** Whether `given` is the CSRF token of this session, compared in constant time. */
export function checkCsrf(key: Buffer, sid: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || !sid) return false;
  const expected = Buffer.from(csrfToken(key, sid));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface OriginHeaders {
  origin?: string | null;
  host?: string | null;
  secFetchSite?: string | null;
}

/** The host:port an Origin names, or undefined when it is not an http(s) origin (e.g. "null"). */
function originHost(origin: string): { protocol: string; host: string } | undefined {
  try {
    const url = new URL(origin);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.toLowerCase())
      return undefined;
    return { protocol: url.protocol, host: url.host };
  } catch {
    return undefined;
  }
}

/** The Host header normalized as URL would (lower case, default port dropped), or undefined if malformed. */
function normalHost(host: string, protocol: string): string | undefined {
  try {
    const url = new URL(`${protocol}//${host}`);
    return url.host === '' || url.pathname !== '/' || url.username || url.password || url.search || url.hash
      ? undefined
      : url.host;
  } catch {
    return undefined;
  }
}

/**
 * Whether a state-changing request comes from the desk's own pages. Sec-Fetch-Site (all current
 * browsers) must be same-origin; where it is absent (older browsers), the Origin must name the Host.
 * Either header naming another site refuses; so does having neither (fail closed), and 'none' (the
 * address bar or a bookmark, which never sends a POST). Behind a proxy that rewrites Host, pass
 * the host the browser used (e.g. X-Forwarded-Host from a trusted proxy) as `host`.
 */
export function sameOrigin(headers: OriginHeaders): boolean {
  const site = headers.secFetchSite?.trim().toLowerCase() || undefined;
  const origin = headers.origin?.trim() || undefined;
  if (site !== undefined && site !== 'same-origin') return false;
  if (origin !== undefined) {
    const from = originHost(origin);
    const host = headers.host?.trim();
    if (!from || !host || normalHost(host, from.protocol) !== from.host) return false;
    return true;
  }
  return site === 'same-origin';
}
