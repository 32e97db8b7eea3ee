/** The archive as the discovery routes need it (server-only: reads through the data layer). */
import 'server-only';
import { getIssue, listIssues } from '@/lib/content';
import type { SitemapIssue } from './sitemap';

export function sitemapIssues(): SitemapIssue[] {
  return listIssues().flatMap((summary) => {
    const issue = getIssue(summary.date);
    if (!issue) return [];
    return [
      {
        date: issue.date,
        pages: issue.pages.map((p) => ({ page: p.meta.page, articleIds: p.articles.map((a) => a.id) })),
      },
    ];
  });
}
