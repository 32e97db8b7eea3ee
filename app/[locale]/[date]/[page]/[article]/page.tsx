/** An article: /zh/2025-07-31/1/<id>. Ids are stable; if re-ingest moved it, redirect to its page. */
import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ArticleScreen } from '@/components/article/article-screen';
import { HighlightTerms } from '@/components/search/highlight-terms';
import { citation, citationAuthors } from '@/components/share/citation';
import { SharePanel } from '@/components/share/share-panel';
import { getArticle } from '@/lib/content';
import { parseArticleId, parseDate, parsePageNumber } from '@/lib/content/params';
import { articleMetadata, jsonLdText, newsArticleJsonLd } from '@/lib/content/seo';
import { articlePath, siteUrl } from '@/lib/content/urls';
import { localizeView } from '@/lib/i18n/localize';
import { textLang } from '@/lib/i18n/locales';
import { requireLocale } from '@/i18n/locale';
import { articleParams } from '@/lib/content/static-params';

type Props = { params: Promise<{ locale: string; date: string; page: string; article: string }> };

// The static export writes every one out; the server build the newest issues' (the rest on request).
export const generateStaticParams = articleParams;

function load(dateParam: string, pageParam: string, idParam: string) {
  const date = parseDate(dateParam);
  const page = parsePageNumber(pageParam);
  const id = parseArticleId(idParam);
  return date && page && id ? getArticle(date, id) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: rawLocale, date, page, article } = await params;
  const locale = requireLocale(rawLocale);
  const view = localizeView(load(date, page, article), locale);
  if (!view) return {};
  // A continued story is one story: its canonical URL is that of its first part.
  const first = view.story?.[0];
  const meta = first ? { ...view.page.meta, page: first.page, pageName: first.pageName } : view.page.meta;
  return articleMetadata(locale, meta, first?.article ?? view.article);
}

export default async function ArticlePage({ params }: Props) {
  const { locale: rawLocale, date, page, article } = await params;
  const locale = requireLocale(rawLocale);
  setRequestLocale(locale);
  const view = localizeView(load(date, page, article), locale);
  if (!view) notFound();
  if (String(view.page.meta.page) !== page) {
    permanentRedirect(articlePath(locale, view.issue.date, view.page.meta.page, view.article.id));
  }
  const first = view.story?.[0];
  const meta = first ? { ...view.page.meta, page: first.page, pageName: first.pageName } : view.page.meta;
  const head = first?.article ?? view.article;
  const jsonLd = newsArticleJsonLd(
    locale,
    meta,
    head,
    view.story?.map((p) => p.page) ?? [view.page.meta.page],
  );
  // Shares point at the story's canonical URL in the reader's locale (the text fragment of a
  // shared passage is in that locale's script).
  const url = `${siteUrl()}${articlePath(locale, meta.date, meta.page, head.id)}`;
  const share = (
    <SharePanel
      url={url}
      title={head.headline}
      lang={textLang(locale)}
      articleSelector=".article-view"
      citation={citation({
        locale,
        paper: meta.paper,
        date: meta.date,
        page: meta.page,
        headline: head.headline,
        url,
        authors: citationAuthors(head.bylines),
      })}
    />
  );
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(jsonLd) }} />
      <ArticleScreen locale={locale} view={view} after={share} />
      <HighlightTerms selector=".article-view" />
    </>
  );
}
