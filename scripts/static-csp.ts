/**
 * tsx scripts/static-csp.ts [out]: run after the static export (npm run build:static). A static host
 * cannot mint a nonce per request, so each exported HTML file gets a Content-Security-Policy <meta>
 * that allows exactly the inline scripts and styles in that file that the site shipped, by their
 * sha256 hashes, and scripts from the site itself: no 'unsafe-inline', no 'unsafe-eval' (the same
 * policy the server sends, lib/security/csp.ts). Anything smuggled in (or through content, which
 * React escapes anyway) has no hash and does not run.
 * frame-ancestors cannot be set from a <meta>: a host that can add headers should send
 * `Content-Security-Policy: frame-ancestors 'none'` too.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STATIC_PREFS_SCRIPT } from '@/components/layout/static-prefs';
import { policyFor as sitePolicy } from '@/lib/security/csp';

/** The site's policy for one exported file: its pages also carry the preference script in <head>. */
export function policyFor(html: string, onRefused?: (body: string) => void): string {
  return sitePolicy(html, { onRefused, fixed: [STATIC_PREFS_SCRIPT] });
}

/** The HTML with its policy as the first element of <head>, before any script it governs. */
export function withPolicy(html: string, onRefused?: (body: string) => void): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html, onRefused)}"/>`;
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
      next = withPolicy(html, (body) => {
        throw new Error(`an inline script the site did not ship: ${body.slice(0, 80)}`);
      });
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
