/** Shapes shared by the search index, its static files and the UI. */

/** One article as the search index sees it: the fields it searches, as published. */
export interface SearchDoc {
  id: string;
  /** ISO date of the issue. */
  date: string;
  page: number;
  headline: string;
  kicker?: string;
  subheadline?: string;
  /** Bylines as printed, one string (记者 张三 李四). */
  bylines: string;
  /** Body paragraphs joined by newlines. */
  body: string;
}

/** Folded texts the verification step reads. */
export interface DocText {
  head: string;
  /** Every searched field, folded, joined by newlines so no term spans two fields. */
  all: string;
}

/** A piece of displayed text; marked pieces are query matches. */
export interface Segment {
  text: string;
  mark?: true;
}

export interface SearchHit {
  id: string;
  date: string;
  page: number;
  headline: Segment[];
  snippet: Segment[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matching articles; a lower bound when `exact` is false. */
  total: number;
  exact: boolean;
  /** The folded terms, for highlighting the article a reader opens. */
  terms: string[];
}

export interface SearchOptions {
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}
