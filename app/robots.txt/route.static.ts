/**
 * /robots.txt in the static export (see next.config.ts): the rules of app/robots.ts, written at
 * build time (a `robots.static.ts` is not taken for the metadata file).
 */
import robots from '../robots';

export const dynamic = 'force-static';

export function GET() {
  const { rules, sitemap, host } = robots();
  const lines: string[] = [];
  for (const rule of Array.isArray(rules) ? rules : [rules]) {
    for (const agent of [rule.userAgent ?? '*'].flat()) lines.push(`User-Agent: ${agent}`);
    for (const path of [rule.allow ?? []].flat()) lines.push(`Allow: ${path}`);
    for (const path of [rule.disallow ?? []].flat()) lines.push(`Disallow: ${path}`);
    lines.push('');
  }
  if (host) lines.push(`Host: ${host}`);
  for (const url of [sitemap ?? []].flat()) lines.push(`Sitemap: ${url}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
