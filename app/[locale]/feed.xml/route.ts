/** /<locale>/feed.xml: Atom feed of the latest issues' articles, in the locale's script. */
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { citationAuthors } from '@/components/share/citation';
import { getIssue, listIssues } from '@/lib/content';
import { describe } from '@/lib/content/seo';
import { articlePath, pageNumberLabel, siteUrl } from '@/lib/content/urls';
import { atomFeed, type FeedEntry } from '@/lib/discovery/feed';
import { xmlResponse } from '@/lib/discovery/xml';
import { localizeView } from '@/lib/i18n/localize';
import { textLang } from '@/lib/i18n/locales';
import { routing } from '@/i18n/routing';

export const dynamic = 'force-dynamic';

/** How many of the latest issues, and at most how many entries. */
const ISSUES = 3;
const MAX_ENTRIES = 300;

type Ctx = { params: Promise<{ locale: string }> };

export async function GET(_req: Request, { params }: Ctx) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response('not found', { status: 404 });
  const [tSite, tEdition] = await Promise.all([
    getTranslations({ locale, namespace: 'Site' }),
    getTranslations({ locale, namespace: 'Edition' }),
  ]);
  const base = siteUrl();
  const latest = listIssues().slice(-ISSUES).reverse();
  const entries: FeedEntry[] = [];
  let paper = '';
  for (const summary of latest) {
    const issue = localizeView(getIssue(summary.date), locale);
    if (!issue) continue;
    paper ||= issue.paper;
    for (const p of issue.pages) {
      for (const article of p.articles) {
        entries.push({
          url: `${base}${articlePath(locale, issue.date, p.meta.page, article.id)}`,
          headline: article.headline,
          date: issue.date,
          section: `${tEdition('pageLabel', { page: pageNumberLabel(p.meta.page) })} ${p.meta.pageName}`,
          authors: citationAuthors(article.bylines),
          summary: describe(article),
        });
      }
    }
  }
  const name = tSite('name');
  return xmlResponse(
    atomFeed({
      title: paper ? `${paper} · ${name}` : name,
      subtitle: tSite('description'),
      self: `${base}/${locale}/feed.xml`,
      home: `${base}/${locale}`,
      lang: textLang(locale),
      entries: entries.slice(0, MAX_ENTRIES),
    }),
  );
}
