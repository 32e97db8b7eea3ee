/** /sitemaps/2025-07.xml: one month of a large archive (see /sitemap.xml). */
import { siteUrl } from '@/lib/content/urls';
import { sitemapIssues } from '@/lib/discovery/from-archive';
import { urlset } from '@/lib/discovery/sitemap';
import { xmlResponse } from '@/lib/discovery/xml';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ part: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const month = /^(\d{4}-\d{2})\.xml$/.exec((await params).part)?.[1];
  const all = sitemapIssues();
  const issues = month ? all.filter((i) => i.date.startsWith(month)) : [];
  if (issues.length === 0) return new Response('not found', { status: 404 });
  // The home page and the archive go with the latest month.
  return xmlResponse(urlset(siteUrl(), issues, all.at(-1)?.date.startsWith(month!) ?? false));
}
