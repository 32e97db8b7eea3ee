/** Builds the in-memory search index from articles; pure, so scripts, the server and tests share it. */
import type { Article, PageMeta } from '@/lib/ingest/types';
import { createIndex, indexContent, type FlexIndex } from './engine';
import { fold } from './fold';
import type { DocText, SearchDoc } from './types';

export interface BuiltIndex {
  index: FlexIndex;
  /** Newest issue first; a doc's number is its position here. */
  docs: SearchDoc[];
  texts: DocText[];
  /** [date, first doc number of that issue], dates descending. */
  dates: [string, number][];
}

export function bylineText(article: Article): string {
  return article.bylines.map((b) => [b.role, ...b.names].filter(Boolean).join(' ')).join(' ');
}

export function toSearchDoc(article: Article, meta: Pick<PageMeta, 'date' | 'page'>): SearchDoc {
  return {
    id: article.id,
    date: meta.date,
    page: meta.page,
    headline: article.headline,
    kicker: article.kicker,
    subheadline: article.subheadline,
    bylines: bylineText(article),
    body: article.body.map((b) => b.text).join('\n'),
  };
}

export function docText(doc: SearchDoc): DocText {
  const head = fold(doc.headline);
  const rest = [doc.kicker, doc.subheadline, doc.bylines, doc.body].filter(Boolean).map((s) => fold(s!));
  return { head, all: [head, ...rest].join('\n') };
}

/** Newest issue first, then page, then the order on the page (the sort is stable). */
export function sortDocs(docs: SearchDoc[]): SearchDoc[] {
  return [...docs].sort((a, b) => (a.date === b.date ? a.page - b.page : a.date < b.date ? 1 : -1));
}

export function dateTable(docs: SearchDoc[]): [string, number][] {
  const dates: [string, number][] = [];
  docs.forEach((d, n) => {
    if (dates.at(-1)?.[0] !== d.date) dates.push([d.date, n]);
  });
  return dates;
}

export function buildIndex(input: SearchDoc[]): BuiltIndex {
  const docs = sortDocs(input);
  const index = createIndex();
  const texts = docs.map(docText);
  texts.forEach((t, n) => index.add(n, indexContent(t)));
  return { index, docs, texts, dates: dateTable(docs) };
}

/** Doc numbers [lo, hi) of the issues from `from` to `to` (inclusive ISO dates, either may be absent). */
export function docRange(
  dates: [string, number][],
  docCount: number,
  from?: string,
  to?: string,
): [number, number] {
  let lo = docCount;
  let hi = docCount;
  for (let i = 0; i < dates.length; i++) {
    const [date, first] = dates[i]!;
    if (lo === docCount && (!to || date <= to)) lo = first;
    if (from && date < from) {
      hi = first;
      break;
    }
  }
  return lo > hi ? [hi, hi] : [lo, hi];
}

/** Date of doc n from the date table. */
export function dateOf(dates: [string, number][], n: number): string {
  let a = 0;
  let b = dates.length - 1;
  while (a < b) {
    const mid = (a + b + 1) >> 1;
    if (dates[mid]![1] <= n) a = mid;
    else b = mid - 1;
  }
  return dates[a]?.[0] ?? '';
}
