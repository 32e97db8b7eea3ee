/**
 * /sitemap.xml in the static export: always the index of the monthly sitemaps (/sitemaps/<month>.xml,
 * which the export writes anyway), never the whole urlset the server sends for a small archive: a
 * few lines per month, so publishing an issue rewrites this file, its month's sitemap and no more.
 */
import { siteUrl } from '@/lib/content/urls';
import { sitemapIssues } from '@/lib/discovery/from-archive';
import { sitemapIndex } from '@/lib/discovery/sitemap';
import { xmlResponse } from '@/lib/discovery/xml';

export const dynamic = 'force-static';

export function GET() {
  return xmlResponse(sitemapIndex(siteUrl(), sitemapIssues()));
}
