/**
 * Search across scripts. The index holds the text as published (Simplified), so a query typed in
 * Traditional is converted first (頭髮 → 头发). On the Traditional reading locale the results are
 * shown converted, and the terms the article page highlights (?hl=) are the Traditional forms the
 * matches take in that article's converted text: the conversion keeps offsets (see chinese.ts), so
 * a match at [a, b) in the published text is at [a, b) in the converted one.
 */
import 'server-only';
import { getArticle } from '@/lib/content';
import type { Article } from '@/lib/ingest/types';
import { matchRanges } from '@/lib/search/snippet';
import type { SearchResult } from '@/lib/search/types';
import { segmentsToTraditional, toSimplified, toTraditional } from './chinese';

/** The query as the index can answer it: Traditional characters turned Simplified. */
export function queryForIndex(q: string): string {
  return toSimplified(q);
}

function texts(article: Article): string[] {
  return [article.kicker, article.headline, article.subheadline, ...article.body.map((b) => b.text)].filter(
    (t): t is string => Boolean(t),
  );
}

/** The Traditional forms that the terms' matches take in an article's converted text. */
export function traditionalForms(article: Article, terms: string[]): Set<string> {
  const forms = new Set<string>();
  for (const text of texts(article)) {
    const ranges = matchRanges(text, terms);
    if (ranges.length === 0) continue;
    const converted = toTraditional(text);
    if (converted.length !== text.length) continue;
    for (const [a, b] of ranges) forms.add(converted.slice(a, b));
  }
  return forms;
}

/** A result of the Simplified index, shown to a Traditional reader. */
export function traditionalResult(result: SearchResult): SearchResult {
  const forms = new Set(result.terms.map(toTraditional));
  for (const hit of result.hits) {
    const view = getArticle(hit.date, hit.id);
    if (view) for (const f of traditionalForms(view.article, result.terms)) forms.add(f);
  }
  return {
    ...result,
    hits: result.hits.map((hit) => ({
      ...hit,
      headline: segmentsToTraditional(hit.headline),
      snippet: segmentsToTraditional(hit.snippet),
    })),
    // One list for every hit's link: each form is the rendering of a match, so it is one wherever it occurs.
    terms: [...forms],
  };
}
