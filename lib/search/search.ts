/** Exact search over an index whose texts are all at hand: the server's results page and the CLI. */
import { dateOf, docRange, type BuiltIndex } from './build';
import { prepare, searchAll } from './engine';
import { parseQuery } from './query';
import { markText, snippet } from './snippet';
import type { SearchDoc, SearchHit, SearchOptions, SearchResult } from './types';

export function toHit(doc: SearchDoc, terms: string[], date = doc.date): SearchHit {
  return {
    id: doc.id,
    date,
    page: doc.page,
    headline: markText(doc.headline, terms),
    snippet: snippet(doc.body || doc.headline, terms),
  };
}

/** Doc numbers of every match, best first. */
export function searchDocs(built: BuiltIndex, query: string, opts: SearchOptions = {}): number[] {
  const terms = parseQuery(query);
  const [lo, hi] = docRange(built.dates, built.docs.length, opts.from, opts.to);
  const prep = prepare(built.index, built.docs.length, terms, lo, hi);
  return searchAll(prep, (n) => built.texts[n]);
}

export function search(built: BuiltIndex, query: string, opts: SearchOptions = {}): SearchResult {
  const terms = parseQuery(query).map((t) => t.text);
  const order = searchDocs(built, query, opts);
  const offset = opts.offset ?? 0;
  const page = order.slice(offset, offset + (opts.limit ?? 20));
  return {
    hits: page.map((n) => toHit(built.docs[n]!, terms, dateOf(built.dates, n))),
    total: order.length,
    exact: true,
    terms,
  };
}
