/** Exact search over an index whose texts are all at hand: the server's results page and the CLI. */
import { dateOf, docRange, type BuiltIndex } from './build';
import { prepare, queryTokens, rank, type FlexIndex, type Ranked } from './engine';
import { parseQuery } from './query';
import { markText, snippet } from './snippet';
import type { DocText, SearchDoc, SearchHit, SearchOptions, SearchResult } from './types';

export function toHit(doc: SearchDoc, terms: string[], date = doc.date): SearchHit {
  return {
    id: doc.id,
    date,
    page: doc.page,
    headline: markText(doc.headline, terms),
    snippet: snippet(doc.body || doc.headline, terms),
  };
}

/**
 * What an exact search reads: the built index in memory, or the prebuilt index files loaded on demand
 * (prebuilt.ts), which the hooks tell what a query is about to read.
 */
export interface IndexView {
  index: FlexIndex;
  docCount: number;
  dates: [string, number][];
  doc(n: number): SearchDoc;
  text(n: number): DocText | undefined;
  /** Before the index is read for these tokens. */
  needTokens?(tokens: string[]): void;
  /** Before the fields or texts of these docs are read. */
  needDocs?(ns: number[]): void;
}

function viewOf(built: BuiltIndex): IndexView {
  return {
    index: built.index,
    docCount: built.docs.length,
    dates: built.dates,
    doc: (n) => built.docs[n]!,
    text: (n) => built.texts[n],
  };
}

/** The first `want` matches, best first, and how many there are. */
function viewRank(view: IndexView, query: string, opts: SearchOptions, want: number): Ranked {
  const terms = parseQuery(query);
  view.needTokens?.(queryTokens(terms));
  const [lo, hi] = docRange(view.dates, view.docCount, opts.from, opts.to);
  const prep = prepare(view.index, view.docCount, terms, lo, hi);
  if (prep.loose.length) view.needDocs?.(prep.cands);
  return rank(prep, view.text, want);
}

/** Doc numbers of every match, best first. */
export function searchDocs(built: BuiltIndex, query: string, opts: SearchOptions = {}): number[] {
  return viewRank(viewOf(built), query, opts, Infinity).order;
}

export function searchView(view: IndexView, query: string, opts: SearchOptions = {}): SearchResult {
  const terms = parseQuery(query).map((t) => t.text);
  const offset = opts.offset ?? 0;
  const { order, total } = viewRank(view, query, opts, offset + (opts.limit ?? 20));
  const page = order.slice(offset);
  view.needDocs?.(page);
  return {
    hits: page.map((n) => toHit(view.doc(n), terms, dateOf(view.dates, n))),
    total,
    exact: true,
    terms,
  };
}

export function search(built: BuiltIndex, query: string, opts: SearchOptions = {}): SearchResult {
  return searchView(viewOf(built), query, opts);
}
