/** /sitemaps/<month>.xml in the static export: one file per month of the archive, written at build time. */
import { sitemapIssues } from '@/lib/discovery/from-archive';

export { GET } from './route';
export const dynamic = 'force-static';

export function generateStaticParams() {
  return [...new Set(sitemapIssues().map((i) => i.date.slice(0, 7)))].map((m) => ({ part: `${m}.xml` }));
}
