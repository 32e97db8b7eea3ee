/**
 * The Content-Security-Policy of every HTML page, by hashes: scripts from the site itself, plus
 * exactly the inline scripts that Next.js and React put in the page, each allowed by its sha256.
 * Hashes rather than a nonce let a page be rendered once and served many times (by the server's
 * cache, or as a file from a CDN: see server.ts and scripts/static-csp.ts); a nonce must be new for
 * every response, which would mean rendering every request.
 *
 * A policy that hashed every inline script would also bless one smuggled into the HTML, so only
 * scripts of a known shape are hashed: the RSC payload (`self.__next_f.push(<JSON>)`), Turbopack's
 * chunk list (`….push(<JSON>);`), the JSON checked by parsing it, and a few fixed bootstraps. Anything else gets no hash and does not run;
 * neither do inline event handlers (no 'unsafe-inline', no 'unsafe-hashes') or eval.
 */
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
/** Script types the browser runs (a JSON-LD block is data, not code). */
const RUNS = /^(|text\/javascript|application\/javascript|module)$/i;
/** Inline scripts that only hand JSON to the site's own code: the RSC payload and Turbopack's chunk list. */
const JSON_CALLS: [prefix: string, suffix: string][] = [
  ['self.__next_f.push(', ')'],
  ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', ');'],
];

/** The fixed inline script Next.js ships besides the RSC payload. */
const BOOTSTRAP = '(self.__next_f=self.__next_f||[]).push([0])';

/**
 * Whether an inline script is one the site shipped: the bootstrap, one of `fixed` (scripts of the
 * site's own, such as the static export's preference script), or a known call with only JSON in it.
 */
export function isShippedScript(body: string, fixed: readonly string[] = []): boolean {
  if (body === BOOTSTRAP || fixed.includes(body)) return true;
  const call = JSON_CALLS.find(([prefix, suffix]) => body.startsWith(prefix) && body.endsWith(suffix));
  if (!call) return false;
  try {
    const json: unknown = JSON.parse(body.slice(call[0].length, body.length - call[1].length));
    return typeof json === 'object' && json !== null;
  } catch {
    return false;
  }
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface PolicyOptions {
  /** frame-ancestors works only in a header, not in a <meta>. */
  header?: boolean;
  /** Called with each inline script that is not allowed (so a new Next.js bootstrap is noticed). */
  onRefused?: (body: string) => void;
  /** Inline scripts of the site's own to allow as they are (see isShippedScript). */
  fixed?: readonly string[];
}

/** The policy for one HTML document (or, for '', for any other response). */
export function policyFor(html: string, options: PolicyOptions = {}): string {
  const scripts = new Set<string>();
  for (const [, attrs = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attrs) || body.length === 0) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (!RUNS.test(type)) continue;
    if (isShippedScript(body, options.fixed)) scripts.add(sha256(body));
    else options.onRefused?.(body);
  }
  const styles = new Set<string>();
  for (const [, body = ''] of html.matchAll(INLINE_STYLE)) if (body.length > 0) styles.add(sha256(body));
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scripts].join(' '),
    ['style-src', "'self'", ...styles].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(options.header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}
