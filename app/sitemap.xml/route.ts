/** /sitemap.xml: every issue, page and article; an index of monthly sitemaps for a large archive. */
import { siteUrl } from '@/lib/content/urls';
import { sitemapIssues } from '@/lib/discovery/from-archive';
import { countUrls, MAX_URLS, sitemapIndex, urlset } from '@/lib/discovery/sitemap';
import { xmlResponse } from '@/lib/discovery/xml';

// The archive is read at request time (CONTENT_DIR), so is its sitemap.
export const dynamic = 'force-dynamic';

export function GET() {
  const issues = sitemapIssues();
  const base = siteUrl();
  return xmlResponse(countUrls(issues) > MAX_URLS ? sitemapIndex(base, issues) : urlset(base, issues, true));
}
