/**
 * The archive's index put together from one index per issue, so a rebuild tokenizes only the issues
 * that changed: each issue is indexed alone (doc numbers local to the issue), and the issues are then
 * merged newest first, their doc numbers shifted by the docs before them. flexsearch keeps tokens in
 * the order first met and each posting list in the order added, so the merge gives the very map that
 * indexing every doc in one index gives (buildIndex), and the same index files.
 */
import { dateTable, docText, sortDocs, type BuiltIndex } from './build';
import { createIndex, docTokens, postingMap, TF_CAP, type Buckets } from './engine';
import type { SearchDoc } from './types';

/**
 * An issue's postings, compact so the cache reads them fast: its tokens in the order first met, and
 * per token in `data`: a mask of its non-empty count buckets (bit b for flexsearch's bucket b, the docs
 * where it occurs TF_CAP - b times), then per bucket in ascending b its length and its doc numbers
 * (local to the issue, ascending).
 */
export interface IssueTerms {
  tokens: string[];
  data: Uint32Array;
}

/** Where indexed issues are kept between builds (index-cache.ts); `docs` are one issue's, in index order. */
export interface IssueCache {
  get(docs: SearchDoc[]): IssueTerms | undefined;
  set(docs: SearchDoc[], terms: IssueTerms): void;
}

/**
 * Indexes one issue's docs (in index order) alone, as flexsearch fills its map with our options
 * (engine.ts: one tokenizer pass, no context, our score): each distinct token of a doc, in the order
 * first met, gets the doc in bucket TF_CAP - min(count, TF_CAP). The tests hold it to buildIndex.
 */
export function indexIssue(docs: SearchDoc[]): IssueTerms {
  const lists = new Map<string, number[][]>();
  docs.forEach((d, n) => {
    const counts = new Map<string, number>();
    for (const t of docTokens(docText(d))) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, count] of counts) {
      let buckets = lists.get(t);
      if (!buckets) lists.set(t, (buckets = []));
      (buckets[TF_CAP - Math.min(count, TF_CAP)] ??= []).push(n);
    }
  });
  const tokens: string[] = [];
  const data: number[] = [];
  for (const [token, buckets] of lists) {
    tokens.push(token);
    const at = data.push(0) - 1;
    buckets.forEach((ids, b) => {
      data[at]! |= 1 << b;
      data.push(ids.length);
      for (const n of ids) data.push(n);
    });
  }
  return { tokens, data: Uint32Array.from(data) };
}

/** Whether `terms` are well formed for an issue of `docs` docs (the cache checks what it reads). */
export function validTerms({ tokens, data }: IssueTerms, docs: number): boolean {
  let at = 0;
  for (const token of tokens) {
    const mask = data[at++];
    if (typeof token !== 'string' || !token || mask === undefined || mask === 0 || mask >= 1 << TF_CAP)
      return false;
    for (let b = 0; b < TF_CAP; b++) {
      if (!(mask & (1 << b))) continue;
      const n = data[at++] ?? 0;
      if (n === 0 || at + n > data.length) return false;
      let prev = -1;
      for (const end = at + n; at < end; at++) {
        if (data[at]! <= prev || data[at]! >= docs) return false;
        prev = data[at]!;
      }
    }
  }
  return at === data.length;
}

/** Runs of docs of one issue, in index order (newest issue first). */
export function issuesOf(sorted: SearchDoc[]): SearchDoc[][] {
  const out: SearchDoc[][] = [];
  for (const d of sorted) {
    const last = out.at(-1);
    if (last?.[0]!.date === d.date) last.push(d);
    else out.push([d]);
  }
  return out;
}

export interface MergeStats {
  /** Issues taken from the cache, and issues indexed. */
  reused: number;
  indexed: number;
}

export type MergedIndex = Omit<BuiltIndex, 'texts'> & { stats: MergeStats };

/**
 * The merge, one issue per step, so a caller can yield between steps (mergeIssuesYielding). Two passes:
 * the first collects the issues, numbers the tokens in the order first met and sums the length of
 * every posting list; the second fills lists made at their final length (growing tens of thousands
 * of lists push by push cost more than tokenizing at 3,650 issues).
 */
export function* mergeSteps(input: SearchDoc[], cache?: IssueCache): Generator<void, MergedIndex> {
  const docs = sortDocs(input);
  const stats: MergeStats = { reused: 0, indexed: 0 };
  const tokenIds = new Map<string, number>();
  /** Per issue: its postings and its tokens' numbers. */
  const parts: { data: Uint32Array; ids: Int32Array; docs: number }[] = [];
  /** Length of token t's bucket b at t * TF_CAP + b. */
  let sizes = new Int32Array(1024 * TF_CAP);
  for (const issue of issuesOf(docs)) {
    let terms = cache?.get(issue);
    if (terms) stats.reused++;
    else {
      terms = indexIssue(issue);
      cache?.set(issue, terms);
      stats.indexed++;
    }
    const { tokens, data } = terms;
    const ids = new Int32Array(tokens.length);
    let at = 0;
    for (let k = 0; k < tokens.length; k++) {
      let id = tokenIds.get(tokens[k]!);
      if (id === undefined) {
        tokenIds.set(tokens[k]!, (id = tokenIds.size));
        if ((id + 1) * TF_CAP > sizes.length) {
          const more = new Int32Array(sizes.length * 2);
          more.set(sizes);
          sizes = more;
        }
      }
      ids[k] = id;
      const mask = data[at++]!;
      for (let b = 0; b < TF_CAP; b++) {
        if (!(mask & (1 << b))) continue;
        const n = data[at++]!;
        sizes[id * TF_CAP + b]! += n;
        at += n;
      }
    }
    parts.push({ data, ids, docs: issue.length });
    yield;
  }

  const index = createIndex();
  const map = postingMap(index);
  const lists: Buckets[] = [];
  for (const [token, id] of tokenIds) {
    const buckets: Buckets = [];
    for (let b = 0; b < TF_CAP; b++) {
      const size = sizes[id * TF_CAP + b]!;
      if (size) buckets[b] = new Array<number>(size);
    }
    map.set(token, buckets);
    // Making the lists of a large archive takes a moment too.
    if (lists.push(buckets) % 4096 === 0) yield;
  }
  const filled = new Int32Array(sizes.length);
  let offset = 0;
  // Each issue is let go once its postings are in.
  for (let part = parts.shift(); part; part = parts.shift()) {
    const { data, ids } = part;
    let at = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const mask = data[at++]!;
      for (let b = 0; b < TF_CAP; b++) {
        if (!(mask & (1 << b))) continue;
        const to = lists[id]![b]!;
        const n = data[at++]!;
        let f = filled[id * TF_CAP + b]!;
        for (const end = at + n; at < end; at++) to[f++] = data[at]! + offset;
        filled[id * TF_CAP + b] = f;
      }
    }
    offset += part.docs;
    yield;
  }
  return { index, docs, dates: dateTable(docs), stats };
}

/** The index of `input`, merged from its issues, reusing the ones in `cache`. */
export function mergeIssues(input: SearchDoc[], cache?: IssueCache): MergedIndex {
  const steps = mergeSteps(input, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A pause that turns the event loop once `sliceMs` have passed since the last turn. */
export function slicer(sliceMs = 20): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

/**
 * mergeIssues with a turn of the event loop whenever `sliceMs` have passed, so a server indexing a
 * large archive keeps answering other requests meanwhile.
 */
export async function mergeIssuesYielding(
  input: SearchDoc[],
  cache?: IssueCache,
  pause: () => Promise<void> = slicer(),
): Promise<MergedIndex> {
  const steps = mergeSteps(input, cache);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
}
