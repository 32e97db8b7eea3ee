/**
 * generateStaticParams of the reader's routes: which issues, pages and articles a build writes out.
 * The static export (DUBAO_STATIC=1, npm run build:static) writes every one, and every archive month.
 * The server build prerenders only the newest few issues (DUBAO_PRERENDER_ISSUES, default 2: the
 * new issue readers open the morning it is published and the one before it), each page and article
 * in every locale, so `next build` stays nearly flat as the archive grows. Everything else renders on
 * its first request and is then cached (lib/server/isr-cache.mjs), which also serves the prerendered
 * pages for as long as the content is the one the build read (lib/server/build-record.ts).
 */
import 'server-only';
import { addMonths } from '@/lib/date';
import { routing } from '@/i18n/routing';
import type { Issue } from './load';
import { archive } from './store';

export const DEFAULT_PRERENDER_ISSUES = 2;

/** DUBAO_PRERENDER_ISSUES: how many of the newest issues the server build prerenders (0: none). */
export function prerenderIssueCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DUBAO_PRERENDER_ISSUES?.trim();
  if (!raw) return DEFAULT_PRERENDER_ISSUES;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) {
    throw new Error(`DUBAO_PRERENDER_ISSUES=${raw}: expected how many of the newest issues to prerender (0 or more)`);
  }
  return n;
}

/** The issues this build writes out: every one in the static export, the newest few in the server build. */
function built(): Issue[] {
  const { issues } = archive();
  if (process.env.DUBAO_STATIC) return issues;
  const n = prerenderIssueCount();
  return n === 0 ? [] : issues.slice(-n);
}

/** For routes the server build renders only on request (archive months, link-preview images). */
export function onDemand(): never[] {
  return [];
}

export function issueParams(): { date: string }[] {
  return built().map((i) => ({ date: i.date }));
}

export function pageParams(): { date: string; page: string }[] {
  return built().flatMap((i) => i.pages.map((p) => ({ date: i.date, page: String(p.meta.page) })));
}

export function articleParams(): { date: string; page: string; article: string }[] {
  return built().flatMap((i) =>
    [...i.articles.values()].map((e) => ({ date: i.date, page: String(e.page), article: e.article.id })),
  );
}

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
