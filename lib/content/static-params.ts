/**
 * generateStaticParams of the reader's routes: which issues, pages and articles a build writes out.
 * The static export (DUBAO_STATIC=1, npm run build:static) writes every one, and every archive month.
 * The server build prerenders only the newest few issues (DUBAO_PRERENDER_ISSUES, default 2: the
 * new issue readers open the morning it is published and the one before it), each page and article
 * in every locale, so `next build` stays nearly flat as the archive grows. Everything else renders on
 * its first request and is then cached (lib/server/isr-cache.mjs), which also serves the prerendered
 * pages for as long as the content is the one the build read (lib/server/build-record.ts).
 *
 * An incremental static export (scripts/build-static.ts) writes a subset only, named by
 * DUBAO_STATIC_ONLY (issues written whole: every page, article and card), DUBAO_STATIC_NAV (issues
 * whose printed pages only are written again: their neighbours or 往年今日 changed) and
 * DUBAO_STATIC_MONTHS (archive months and monthly sitemaps), each a comma-separated list. Next.js
 * refuses an export route with no params at all, so a route left with none gets one stand-in (the
 * script does not merge what it writes).
 */
import 'server-only';
import { addMonths } from '@/lib/date';
import { storyChain } from './continuations';
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

/** What an incremental static export writes (undefined: everything). */
export interface StaticSubset {
  /** Issues written whole. */
  only: ReadonlySet<string>;
  /** Issues whose issue and page views only are written. */
  nav: ReadonlySet<string>;
  /** Archive months (YYYY-MM), with their sitemaps. */
  months: ReadonlySet<string>;
}

/** The subset the environment names: set by DUBAO_STATIC_ONLY being present, even empty. */
export function staticSubset(env: Record<string, string | undefined> = process.env): StaticSubset | undefined {
  if (!env.DUBAO_STATIC || env.DUBAO_STATIC_ONLY === undefined) return undefined;
  const list = (raw: string | undefined) =>
    new Set(
      (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  return { only: list(env.DUBAO_STATIC_ONLY), nav: list(env.DUBAO_STATIC_NAV), months: list(env.DUBAO_STATIC_MONTHS) };
}

/** The items a subset keeps, or the first of all as a stand-in when it keeps none (see above). */
export function keepOrStandIn<T>(all: readonly T[], keep: (item: T) => boolean): T[] {
  const kept = all.filter(keep);
  return kept.length > 0 || all.length === 0 ? kept : all.slice(0, 1);
}

/** The issues this build writes out: every one in the static export, the newest few in the server build. */
function built(which: 'views' | 'whole' = 'whole'): Issue[] {
  const { issues } = archive();
  if (process.env.DUBAO_STATIC) {
    const subset = staticSubset();
    if (!subset) return issues;
    return issues.filter((i) => subset.only.has(i.date) || (which === 'views' && subset.nav.has(i.date)));
  }
  const n = prerenderIssueCount();
  return n === 0 ? [] : issues.slice(-n);
}

/** A route's params, with a stand-in from the newest issue when a subset leaves it none. */
function params<T>(which: 'views' | 'whole', of: (issues: Issue[]) => T[]): T[] {
  const out = of(built(which));
  if (out.length > 0 || !staticSubset()) return out;
  return of(archive().issues.slice(-1)).slice(0, 1);
}

/** For routes the server build renders only on request (archive months, link-preview images). */
export function onDemand(): never[] {
  return [];
}

export function issueParams(): { date: string }[] {
  return params('views', (issues) => issues.map((i) => ({ date: i.date })));
}

export function pageParams(): { date: string; page: string }[] {
  return params('views', (issues) =>
    issues.flatMap((i) => i.pages.map((p) => ({ date: i.date, page: String(p.meta.page) }))),
  );
}

export function articleParams(): { date: string; page: string; article: string }[] {
  return params('whole', (issues) =>
    issues.flatMap((i) =>
      [...i.articles.values()].map((e) => ({ date: i.date, page: String(e.page), article: e.article.id })),
    ),
  );
}

/** The link-preview card of the static export: one per story (its first part), whatever the locale. */
export function cardParams(): { date: string; card: string }[] {
  return params('whole', (issues) =>
    issues.flatMap((i) =>
      [...i.articles.keys()]
        .filter((id) => (storyChain(id, i.links)?.[0] ?? id) === id)
        .map((id) => ({ date: i.date, card: `${id}.png` })),
    ),
  );
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
    if (m.year === end.year && m.month === end.month) break;
    m = addMonths(m.year, m.month, 1);
  }
  const subset = staticSubset();
  return subset ? keepOrStandIn(out, (p) => subset.months.has(p.month)) : out;
}
