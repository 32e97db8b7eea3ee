/**
 * /sitemaps/<month>.xml in the static export: one file per month of the archive, written at build
 * time (an incremental export writes the months it names, lib/content/static-params.ts).
 */
import { sitemapIssues } from '@/lib/discovery/from-archive';
import { keepOrStandIn, staticSubset } from '@/lib/content/static-params';

export { GET } from './route';
export const dynamic = 'force-static';

export function generateStaticParams() {
  const months = [...new Set(sitemapIssues().map((i) => i.date.slice(0, 7)))];
  const subset = staticSubset();
  return (subset ? keepOrStandIn(months, (m) => subset.months.has(m)) : months).map((m) => ({
    part: `${m}.xml`,
  }));
}
