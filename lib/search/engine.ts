/**
 * The query step, the same in Node and in the browser. flexsearch (with our tokenizer) gives the
 * candidates that hold every token of every term; terms that one token cannot answer exactly are then
 * verified against the folded text. Ranking: terms found in the headline, then how often the terms
 * occur (each counted up to TF_CAP), then newer issues (lower doc numbers) first.
 */
import { Index } from 'flexsearch';
import { findEdges, type Term } from './query';
import { HEAD, indexTokens } from './tokenize';
import type { DocText } from './types';

/** Occurrences counted per term; also flexsearch's resolution (one score bucket per count). */
export const TF_CAP = 8;

const QUERY_MARK = '\u0002';
const HEAD_SPLIT = '\u0001';

/** The text flexsearch receives for a doc: folded headline, then every field folded. */
export function indexContent(text: DocText): string {
  return text.head + HEAD_SPLIT + text.all;
}

function encode(content: string): string[] {
  if (content.startsWith(QUERY_MARK)) return content.slice(1).split(QUERY_MARK);
  const cut = content.indexOf(HEAD_SPLIT);
  const all = indexTokens(content.slice(cut + 1));
  return cut > 0 ? all.concat(indexTokens(content.slice(0, cut), HEAD)) : all;
}

/** flexsearch keeps a token once per doc; its score is the bucket, which we make the token's count. */
function tfScore(): (content: string[], term: string) => number {
  let last: string[] | undefined;
  let counts = new Map<string, number>();
  return (content, term) => {
    if (content !== last) {
      last = content;
      counts = new Map();
      for (const t of content) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return TF_CAP - Math.min(counts.get(term) ?? 1, TF_CAP);
  };
}

export type FlexIndex = Index;

export function createIndex(): FlexIndex {
  return new Index({ encode, resolution: TF_CAP, score: tfScore() });
}

type Buckets = (number[] | null | undefined)[];

/** A token's posting list: bucket b holds the docs where the token occurs TF_CAP - b times. */
export function postings(index: FlexIndex, token: string): Buckets | undefined {
  return (index as unknown as { map: Map<string, Buckets> }).map.get(token);
}

function size(buckets: Buckets): number {
  let total = 0;
  for (const ids of buckets) total += ids?.length ?? 0;
  return total;
}

/** Every token a query needs, headline tokens included (the browser fetches their shards). */
export function queryTokens(terms: Term[]): string[] {
  const out = new Set<string>();
  for (const t of terms) for (const tok of t.tokens) out.add(tok).add(HEAD + tok);
  return [...out];
}

export interface Prepared {
  terms: Term[];
  /** Terms the text must confirm. */
  loose: Term[];
  /** Candidate doc numbers, ascending (newest first). */
  cands: number[];
  /** Per doc: summed counts of the exact terms; headline hits of exact terms; headline hint for loose terms. */
  tf: Uint16Array;
  head: Uint8Array;
  headHint: Uint8Array;
}

/** Candidates in the doc range [lo, hi) and what the index alone knows about them. */
export function prepare(index: FlexIndex, docCount: number, terms: Term[], lo = 0, hi = docCount): Prepared {
  const tf = new Uint16Array(docCount);
  const head = new Uint8Array(docCount);
  const headHint = new Uint8Array(docCount);
  const loose = terms.filter((t) => !t.exact);
  const tokens = [...new Set(terms.flatMap((t) => t.tokens))];
  const cands: number[] = [];
  if (terms.length === 0 || docCount === 0 || tokens.some((t) => !postings(index, t))) {
    return { terms, loose, cands, tf, head, headHint };
  }
  // AND over the posting lists, shortest first: a doc stays a candidate while it is in every list.
  const lists = tokens.map((t) => postings(index, t) ?? []).sort((a, b) => size(a) - size(b));
  const seen = new Uint8Array(docCount);
  lists.forEach((buckets, i) => {
    for (const ids of buckets) for (const n of ids ?? []) if (seen[n] === i) seen[n] = i + 1;
  });
  for (let n = lo; n < hi; n++) if (seen[n] === lists.length) cands.push(n);

  for (const term of terms) {
    const tok = term.tokens[0]!;
    if (term.exact) {
      const buckets = postings(index, tok) ?? [];
      for (let b = 0; b < buckets.length; b++)
        for (const n of buckets[b] ?? []) tf[n] = (tf[n] ?? 0) + TF_CAP - b;
      for (const ids of postings(index, HEAD + tok) ?? [])
        for (const n of ids ?? []) head[n] = (head[n] ?? 0) + 1;
    } else {
      // A loose term is a headline candidate when all its tokens occur in the headline.
      const hits = new Uint8Array(docCount);
      for (const t of term.tokens)
        for (const ids of postings(index, HEAD + t) ?? [])
          for (const n of ids ?? []) hits[n] = (hits[n] ?? 0) + 1;
      for (const n of cands) if (hits[n] === term.tokens.length) headHint[n] = (headHint[n] ?? 0) + 1;
    }
  }
  return { terms, loose, cands, tf, head, headHint };
}

/**
 * Rank key of doc n once its text confirms the loose terms, or -1 if it does not contain one of them.
 * Higher keys rank first: headline hits, then counts.
 */
export function verify(prep: Prepared, n: number, text: DocText | undefined): number {
  let tf = prep.tf[n] ?? 0;
  let head = prep.head[n] ?? 0;
  if (prep.loose.length) {
    if (!text) return -1;
    for (const term of prep.loose) {
      const count = findEdges(text.all, term.text, term.wordStart, term.wordEnd, TF_CAP).length;
      if (count === 0) return -1;
      tf += count;
      if (prep.headHint[n] && findEdges(text.head, term.text, term.wordStart, term.wordEnd, 1).length) head++;
    }
  }
  return head * (TF_CAP * prep.terms.length + 1) + tf;
}

/** Stable order by key, highest first; docs with equal keys keep their (newest-first) order. */
export function orderByKey(docs: number[], keys: number[]): number[] {
  let max = 0;
  for (const k of keys) if (k > max) max = k;
  const byKey: number[][] = [];
  for (let i = 0; i < docs.length; i++) (byKey[keys[i]!] ??= []).push(docs[i]!);
  const out: number[] = [];
  for (let k = max; k >= 0; k--) {
    const group = byKey[k];
    if (group) for (const n of group) out.push(n);
  }
  return out;
}

/** Full exact search where every text is at hand (Node: server page, CLI, benchmark). */
export function searchAll(prep: Prepared, text: (n: number) => DocText | undefined): number[] {
  const docs: number[] = [];
  const keys: number[] = [];
  for (const n of prep.cands) {
    const key = verify(prep, n, prep.loose.length ? text(n) : undefined);
    if (key >= 0) {
      docs.push(n);
      keys.push(key);
    }
  }
  return orderByKey(docs, keys);
}
