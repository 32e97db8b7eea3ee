/**
 * tsx scripts/static-csp.ts [out]: run after the static export (npm run build:static). A static host
 * cannot mint a nonce per request, so each exported HTML file gets a Content-Security-Policy <meta>
 * that allows exactly the inline scripts and styles in that file, by their sha256 hashes, and
 * scripts from the site itself: no 'unsafe-inline', no 'unsafe-eval'. Anything smuggled in later (or
 * through content, which React escapes anyway) does not match a hash and does not run.
 * frame-ancestors cannot be set from a <meta>: a host that can add headers should send
 * `Content-Security-Policy: frame-ancestors 'none'` too.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
/** Script types the browser runs (a JSON-LD block is data, not code). */
const RUNS = /^(|text\/javascript|application\/javascript|module)$/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function policyFor(html: string): string {
  const scripts = new Set<string>();
  for (const [, attrs = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (RUNS.test(type) && body.length > 0) scripts.add(sha256(body));
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
  ].join('; ');
}

/** The HTML with its policy as the first element of <head>, before any script it governs. */
export function withPolicy(html: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}"/>`;
  const withoutOld = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*\/?>/i, '');
  const head = /<head\b[^>]*>/i.exec(withoutOld);
  if (!head) throw new Error('no <head> to put the Content-Security-Policy in');
  const at = head.index + head[0].length;
  return withoutOld.slice(0, at) + tag + withoutOld.slice(at);
}

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(full);
    else if (e.name.endsWith('.html')) yield full;
  }
}

function main() {
  const out = path.resolve(process.argv[2] ?? 'out');
  let files = 0;
  let hashes = 0;
  for (const file of htmlFiles(out)) {
    const html = readFileSync(file, 'utf8');
    let next: string;
    try {
      next = withPolicy(html);
    } catch (err) {
      console.error(`${path.relative(process.cwd(), file)}: ${(err as Error).message}`);
      process.exit(1);
    }
    writeFileSync(file, next);
    files++;
    hashes += (policyFor(html).match(/'sha256-/g) ?? []).length;
  }
  console.log(
    `static-csp: a Content-Security-Policy with ${hashes} inline hashes in ${files} HTML files under ${path.relative(process.cwd(), out) || '.'}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
