/**
 * generateStaticParams for the static export (DUBAO_STATIC=1, npm run build:static): every issue,
 * page, article and archive month is written out as a file. The server build lists none
 * (`onDemand`), so it does not grow with the archive: each page is rendered on its first request
 * and then served from the cache (lib/server/isr-cache.mjs) until the content changes.
 */
import 'server-only';
import { addMonths } from '@/lib/date';
import { routing } from '@/i18n/routing';
import { archive } from './store';

/** The server build: no page prerendered, every one rendered on first request and then cached. */
export function onDemand(): never[] {
  return [];
}

export function issueParams(): { date: string }[] {
  return archive().issues.map((i) => ({ date: i.date }));
}

export function pageParams(): { date: string; page: string }[] {
  return archive().issues.flatMap((i) => i.pages.map((p) => ({ date: i.date, page: String(p.meta.page) })));
}

export function articleParams(): { date: string; page: string; article: string }[] {
  return archive().issues.flatMap((i) =>
    [...i.articles.values()].map((e) => ({ date: i.date, page: String(e.page), article: e.article.id })),
  );
}

/** For routes outside the [locale] layout's params (route handlers, metadata images): with every locale. */
export function articleParamsEveryLocale(): { locale: string; date: string; page: string; article: string }[] {
  const articles = articleParams();
  return routing.locales.flatMap((locale) => articles.map((a) => ({ locale, ...a })));
}

/** Every month from the one before the first issue to the one after the last (the calendar links them). */
export function monthParams(): { month: string }[] {
  const { issues } = archive();
  const first = issues[0]?.date;
  const last = issues.at(-1)?.date;
  if (!first || !last) return [];
  const out: { month: string }[] = [];
  let m = addMonths(Number(first.slice(0, 4)), Number(first.slice(5, 7)), -1);
  const end = addMonths(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1);
  for (;;) {
    out.push({ month: `${m.year}-${String(m.month).padStart(2, '0')}` });
    if (m.year === end.year && m.month === end.month) return out;
    m = addMonths(m.year, m.month, 1);
  }
}
