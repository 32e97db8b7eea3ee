/**
 * The query step, the same in Node and in the browser. flexsearch (with our tokenizer) gives the
 * candidates that hold every token of every term; terms that one token cannot answer exactly are then
 * verified against the folded text. Ranking: terms found in the headline, then how often the terms
 * occur (each counted up to TF_CAP), then newer issues (lower doc numbers) first. A results page
 * counts occurrences only where they can decide the page, and only checks the other candidates.
 */
import { Index } from 'flexsearch';
import { countEdges, type Term } from './query';
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

/** The tokens flexsearch indexes for a doc, repeats kept: every field's, then the headline's (HEAD+token). */
export function docTokens(text: DocText): string[] {
  return encode(indexContent(text));
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

export type Buckets = (number[] | null | undefined)[];

/** flexsearch's map: each token (in the order first met) with its posting list. */
export function postingMap(index: FlexIndex): Map<string, Buckets> {
  return (index as unknown as { map: Map<string, Buckets> }).map;
}

/** A token's posting list: bucket b holds the docs where the token occurs TF_CAP - b times. */
export function postings(index: FlexIndex, token: string): Buckets | undefined {
  return postingMap(index).get(token);
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
  /**
   * Per loose term, per candidate: the fewest times one of the term's tokens occurs (capped at TF_CAP).
   * Every occurrence of the term holds each token at its own position, so the term occurs at most
   * that often, and counting can stop there.
   */
  caps: Uint8Array[];
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
  const caps = loose.map(() => new Uint8Array(docCount));
  if (terms.length === 0 || docCount === 0 || tokens.some((t) => !postings(index, t))) {
    return { terms, loose, cands, caps, tf, head, headHint };
  }
  // AND over the posting lists, shortest first: a doc stays a candidate while it is in every list.
  const lists = tokens
    .map((token) => ({ token, buckets: postings(index, token) ?? [] }))
    .sort((a, b) => size(a.buckets) - size(b.buckets));
  const seen = new Uint8Array(docCount);
  for (let i = 0; i < lists.length; i++) {
    const { token, buckets } = lists[i]!;
    const bounds = caps.filter((_, k) => loose[k]!.tokens.includes(token));
    for (let b = 0; b < buckets.length; b++) {
      const ids = buckets[b];
      if (!ids) continue;
      if (bounds.length === 0) {
        for (let j = 0; j < ids.length; j++) {
          const n = ids[j]!;
          if (seen[n] === i) seen[n] = i + 1;
        }
        continue;
      }
      const count = TF_CAP - b;
      for (let j = 0; j < ids.length; j++) {
        const n = ids[j]!;
        if (seen[n] !== i) continue;
        seen[n] = i + 1;
        for (let k = 0; k < bounds.length; k++) {
          const cap = bounds[k]!;
          const c = cap[n]!;
          if (c === 0 || c > count) cap[n] = count;
        }
      }
    }
  }
  const all = lists.length;
  for (let n = lo; n < hi; n++) if (seen[n] === all) cands.push(n);

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
  return { terms, loose, cands, caps, tf, head, headHint };
}

/** Rank keys: headline hits weigh more than any sum of counts. */
function headWeight(prep: Prepared): number {
  return TF_CAP * prep.terms.length + 1;
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
    for (let k = 0; k < prep.loose.length; k++) {
      const term = prep.loose[k]!;
      const count = countEdges(text.all, term.text, term.wordStart, term.wordEnd, prep.caps[k]![n]!);
      if (count === 0) return -1;
      tf += count;
      if (prep.headHint[n] && countEdges(text.head, term.text, term.wordStart, term.wordEnd, 1)) head++;
    }
  }
  return head * headWeight(prep) + tf;
}

/** The highest key doc n can have, from the index alone (its key if no term needs the text). */
function upperKey(prep: Prepared, n: number): number {
  let tf = prep.tf[n] ?? 0;
  for (const cap of prep.caps) tf += cap[n] ?? 0;
  return ((prep.head[n] ?? 0) + (prep.headHint[n] ?? 0)) * headWeight(prep) + tf;
}

/** Whether the text holds every loose term: verify without counting. */
function contains(prep: Prepared, text: DocText | undefined): boolean {
  if (!text) return false;
  for (const term of prep.loose) {
    const found =
      term.wordStart || term.wordEnd
        ? countEdges(text.all, term.text, term.wordStart, term.wordEnd, 1) > 0
        : text.all.includes(term.text);
    if (!found) return false;
  }
  return true;
}

/**
 * The first `want` docs in order of key, highest first, docs with equal keys in the order given
 * (newest first). A counting sort: keys are small whole numbers.
 */
export function orderByKey(docs: ArrayLike<number>, keys: ArrayLike<number>, want = Infinity): number[] {
  let max = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i]! > max) max = keys[i]!;
  const next = new Int32Array(max + 1);
  for (let i = 0; i < keys.length; i++) next[keys[i]!]!++;
  let at = 0;
  for (let k = max; k >= 0; k--) {
    const count = next[k]!;
    next[k] = at;
    at += count;
  }
  const out = new Array<number>(Math.min(want, docs.length));
  for (let i = 0; i < docs.length; i++) {
    const to = next[keys[i]!]!++;
    if (to < out.length) out[to] = docs[i]!;
  }
  return out;
}

export interface Ranked {
  /** The best `want` matches (all of them if fewer), best first. */
  order: number[];
  /** Number of matches, exact. */
  total: number;
}

/**
 * Exact search where every text is at hand (Node: server page, CLI, benchmark): the first `want`
 * results in the same order a full ranking gives, and the exact number of matches. Candidates are
 * counted in order of the highest key the index allows them; once `want` matches have keys above
 * the bound of every candidate left, those are only checked for the terms, not counted.
 */
export function rank(prep: Prepared, text: (n: number) => DocText | undefined, want = Infinity): Ranked {
  const { cands } = prep;
  if (!prep.loose.length) {
    const keys = new Int32Array(cands.length);
    for (let i = 0; i < cands.length; i++) keys[i] = verify(prep, cands[i]!, undefined);
    return { order: orderByKey(cands, keys, want), total: cands.length };
  }
  if (want >= cands.length) {
    const docs: number[] = [];
    const keys: number[] = [];
    for (const n of cands) {
      const key = verify(prep, n, text(n));
      if (key >= 0) {
        docs.push(n);
        keys.push(key);
      }
    }
    return { order: orderByKey(docs, keys, want), total: docs.length };
  }
  // Candidates by the highest key the index allows them: levels of the bound, highest first.
  const bounds = new Int32Array(cands.length);
  let top = 0;
  for (let i = 0; i < cands.length; i++) {
    const b = upperKey(prep, cands[i]!);
    bounds[i] = b;
    if (b > top) top = b;
  }
  const atLevel = new Int32Array(top + 1);
  for (const b of bounds) atLevel[b]!++;
  const docs: number[] = [];
  const keys: number[] = [];
  // hist: counted matches by key; above: how many of them have a key above the current level.
  const hist = new Int32Array(TF_CAP * prep.terms.length + prep.terms.length * headWeight(prep) + 1);
  let above = 0;
  let level = top;
  for (; level >= 0; level--) {
    above += hist[level + 1] ?? 0;
    if (!atLevel[level]) continue;
    if (above >= want) break;
    for (let i = 0; i < cands.length; i++) {
      if (bounds[i] !== level) continue;
      const n = cands[i]!;
      const key = verify(prep, n, text(n));
      if (key < 0) continue;
      docs.push(n);
      keys.push(key);
      hist[key]!++;
    }
  }
  // Every candidate left ranks below `want` counted matches: it only has to hold the terms.
  let total = docs.length;
  for (let i = 0; i < cands.length; i++) {
    if (bounds[i]! <= level && contains(prep, text(cands[i]!))) total++;
  }
  const order = docs.map((_, i) => i).sort((x, y) => docs[x]! - docs[y]!);
  return {
    order: orderByKey(
      order.map((i) => docs[i]!),
      order.map((i) => keys[i]!),
      want,
    ),
    total,
  };
}
