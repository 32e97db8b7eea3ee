/**
 * sitemap.xml for the archive: every issue, page and article, each URL with its other-locale
 * versions as xhtml:link hreflang alternates (one <url> per document, Google's recommended form).
 * The archive is read at request time, so the split is decided then too: past MAX_URLS the
 * sitemap becomes an index of one sitemap per month (/sitemaps/2025-07.xml).
 */
import { hreflang, READING_LOCALES } from '@/lib/i18n/locales';
import { archivePath, articlePath, issuePath, pagePath } from '@/lib/content/urls';
import { xmlEscape } from './xml';

/** What a sitemap needs of an issue. */
export interface SitemapIssue {
  date: string;
  pages: { page: number; articleIds: string[] }[];
}

/** Sitemaps may hold 50,000 URLs; stay well under it. */
export const MAX_URLS = 40_000;

const DEFAULT_LOCALE = 'zh';

function urlEntry(base: string, path: (locale: string) => string, lastmod?: string): string {
  const links = READING_LOCALES.map(
    (l) => `<xhtml:link rel="alternate" hreflang="${hreflang(l)}" href="${xmlEscape(base + path(l))}"/>`,
  ).join('');
  const xDefault = `<xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(base + path(DEFAULT_LOCALE))}"/>`;
  return `<url><loc>${xmlEscape(base + path(DEFAULT_LOCALE))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${links}${xDefault}</url>`;
}

/** URL count (one per document) of the issues. */
export function countUrls(issues: readonly SitemapIssue[]): number {
  return issues.reduce((n, i) => n + 1 + i.pages.reduce((m, p) => m + 1 + p.articleIds.length, 0), 0);
}

/** A <urlset> of the given issues; withHome adds the home page and the archive. */
export function urlset(base: string, issues: readonly SitemapIssue[], withHome: boolean): string {
  const out: string[] = [];
  const latest = issues.at(-1)?.date;
  if (withHome) {
    out.push(urlEntry(base, (l) => `/${l}`, latest));
    out.push(urlEntry(base, (l) => archivePath(l), latest));
  }
  for (const issue of issues) {
    out.push(urlEntry(base, (l) => issuePath(l, issue.date), issue.date));
    for (const p of issue.pages) {
      out.push(urlEntry(base, (l) => pagePath(l, issue.date, p.page), issue.date));
      for (const id of p.articleIds)
        out.push(urlEntry(base, (l) => articlePath(l, issue.date, p.page, id), issue.date));
    }
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    out.join('\n') +
    '\n</urlset>\n'
  );
}

/** The months (YYYY-MM) with issues, oldest first. */
export function months(issues: readonly SitemapIssue[]): string[] {
  return [...new Set(issues.map((i) => i.date.slice(0, 7)))];
}

export function sitemapIndex(base: string, issues: readonly SitemapIssue[]): string {
  const entries = months(issues).map((m) => {
    const last = issues.filter((i) => i.date.startsWith(m)).at(-1)?.date;
    return `<sitemap><loc>${xmlEscape(`${base}/sitemaps/${m}.xml`)}</loc>${last ? `<lastmod>${last}</lastmod>` : ''}</sitemap>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    entries.join('\n') +
    '\n</sitemapindex>\n'
  );
}
