/**
 * What search engines and link previews read: titles, descriptions, canonical URLs, Open Graph,
 * Twitter cards and schema.org NewsArticle JSON-LD. Pure: the routes pass in what they loaded.
 */
import type { Metadata } from 'next';
import type { Article, PageMeta } from '@/lib/ingest/types';
import { hreflang, ogLocale, READING_LOCALES, textLang } from '@/lib/i18n/locales';
import { articlePath, pagePath, siteUrl } from './urls';


/** The start of the text, cut at a sentence end where one falls near the limit. */
export function describe(article: Article, max = 110): string {
  const text = article.body
    .filter((b) => b.type === 'p')
    .map((b) => b.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const fallback = [article.kicker, article.headline, article.subheadline].filter(Boolean).join(' ');
  if (!text) return fallback;
  if (Array.from(text).length <= max) return text;
  const cut = Array.from(text).slice(0, max).join('');
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return stop > max * 0.6 ? cut.slice(0, stop + 1) : `${cut}…`;
}

function alternates(path: (locale: string) => string, locale: string): Metadata['alternates'] {
  return {
    canonical: path(locale),
    languages: {
      ...Object.fromEntries(READING_LOCALES.map((l) => [hreflang(l), path(l)])),
      'x-default': path('zh'),
    },
    types: { 'application/atom+xml': `/${locale}/feed.xml` },
  };
}

export function pageMetadata(locale: string, meta: PageMeta, articles: readonly Article[], label: string): Metadata {
  const title = `${meta.paper} ${label} ${meta.pageName} · ${meta.date}`;
  const description = articles.map((a) => a.headline).join('；').slice(0, 160);
  const path = (l: string) => pagePath(l, meta.date, meta.page);
  return {
    title,
    description,
    alternates: alternates(path, locale),
    openGraph: {
      type: 'website',
      title,
      description,
      url: path(locale),
      siteName: meta.paper,
      locale: ogLocale(locale),
    },
    twitter: { card: 'summary', title, description },
  };
}

export function articleMetadata(locale: string, meta: PageMeta, article: Article): Metadata {
  const title = `${article.headline} - ${meta.paper}`;
  const description = describe(article);
  const path = (l: string) => articlePath(l, meta.date, meta.page, article.id);
  const authors = article.bylines.flatMap((b) => b.names);
  const openGraph = {
    type: 'article',
    title: article.headline,
    description,
    url: path(locale),
    siteName: meta.paper,
    locale: ogLocale(locale),
    publishedTime: meta.date,
    section: meta.pageName,
    authors,
  } as const;
  return {
    title,
    description,
    authors: authors.map((name) => ({ name })),
    alternates: alternates(path, locale),
    ...(process.env.DUBAO_STATIC
      ? {
          // The static export points og:image at the story's one card (app/og/[date]/[card]) rather
          // than at a card per locale, and leaves the Twitter tags to the Open Graph ones they fall
          // back to: every byte here is written once per article and locale.
          openGraph: { ...openGraph, images: [staticCardImage(meta.date, article.id)] },
          twitter: { card: 'summary_large_image' },
        }
      : {
          openGraph,
          // The card's picture is the article's generated opengraph-image.
          twitter: { card: 'summary_large_image', title: article.headline, description },
        }),
  };
}

/** The static export's card of a story (app/og/[date]/[card]/route.static.ts): one file for all locales. */
export function staticCardImage(date: string, articleId: string) {
  return { url: `/og/${date}/${articleId}.png`, width: 1200, height: 630, type: 'image/png' };
}

/** schema.org NewsArticle for one article (the first part of a continued story). */
export function newsArticleJsonLd(locale: string, meta: PageMeta, article: Article, pages: number[]) {
  const url = `${siteUrl()}${articlePath(locale, meta.date, meta.page, article.id)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(article.subheadline ? { alternativeHeadline: article.subheadline } : {}),
    datePublished: meta.date,
    inLanguage: textLang(locale),
    url,
    mainEntityOfPage: url,
    description: describe(article),
    author: article.bylines.flatMap((b) =>
      b.names.map((name) => ({ '@type': 'Person', name, ...(b.role ? { jobTitle: b.role } : {}) })),
    ),
    publisher: { '@type': 'Organization', name: meta.paper },
    printEdition: meta.pageName,
    printSection: meta.pageName,
    printPage: pages.join(','),
    pageStart: String(pages[0] ?? meta.page),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so text can never close the tag. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
