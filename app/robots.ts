/** robots.txt: everything readable may be crawled but search results and the API; the sitemap's absolute URL. */
import type { MetadataRoute } from 'next';
import { siteUrl } from '@/lib/content/urls';

// SITE_URL is read when the site runs, not when it is built.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/*/search'] },
    sitemap: `${siteUrl()}/sitemap.xml`,
    host: siteUrl(),
  };
}
