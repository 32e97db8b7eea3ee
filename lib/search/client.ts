/**
 * Search in the browser over the static index files: fetches the manifest, then only the term shards
 * of the query's tokens and the doc shards of the candidates it verifies and shows. Loaded on demand
 * (dynamic import) when the reader starts a search, never with a reading page.
 */
import { dateOf, docRange, docText } from './build';
import { createIndex, orderByKey, prepare, queryTokens, verify, type FlexIndex } from './engine';
import { parseQuery } from './query';
import { toHit } from './search';
import { SegmentedPostings } from './segments';
import { entryDoc, type DocEntry, type Manifest, type TermEntry } from './shards';
import { simplifyQuery } from './simplify';
import type { DocText, SearchDoc, SearchOptions, SearchResult } from './types';

/** How many candidates a preview verifies before it stops and reports a lower bound. */
const VERIFY_BUDGET = 48;
const BATCH = 16;

export class SearchClient {
  private manifest?: Promise<{ m: Manifest; postings: SegmentedPostings }>;
  private readonly index: FlexIndex = createIndex();
  private readonly termShards = new Map<string, Promise<void>>();
  private readonly docShards = new Map<string, Promise<SearchDoc[]>>();
  private readonly texts = new Map<number, DocText>();

  constructor(
    private readonly base = '/search',
    private readonly fetcher: (url: string) => Promise<unknown> = async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return res.json();
    },
  ) {}

  private getManifest(): Promise<{ m: Manifest; postings: SegmentedPostings }> {
    return (this.manifest ??= (this.fetcher(`${this.base}/manifest.json`) as Promise<Manifest>).then((m) => {
      if (!Array.isArray(m?.segments)) throw new Error(`${this.base}/manifest.json: not a search index of this version`);
      return { m, postings: new SegmentedPostings(m, this.index) };
    }));
  }

  /** Segment files are named by their content (the segment id), so their URLs need no version. */
  private async loadTokens(postings: SegmentedPostings, tokens: string[]): Promise<void> {
    await Promise.all(
      postings.termFiles(tokens).map((f) => {
        let p = this.termShards.get(f.path);
        if (!p) {
          p = (this.fetcher(`${this.base}/${f.path}`) as Promise<TermEntry[]>).then((entries) =>
            postings.addTermShard(f, entries),
          );
          this.termShards.set(f.path, p);
        }
        return p;
      }),
    );
    postings.merge(tokens);
  }

  private docShard(m: Manifest, postings: SegmentedPostings, n: number): Promise<SearchDoc[]> {
    const f = postings.docFile(n);
    let p = this.docShards.get(f.path);
    if (!p) {
      p = (this.fetcher(`${this.base}/${f.path}`) as Promise<DocEntry[]>).then((entries) =>
        entries.map((e, i) => {
          const doc = entryDoc(e, dateOf(m.dates, f.first + i));
          this.texts.set(f.first + i, docText(doc));
          return doc;
        }),
      );
      this.docShards.set(f.path, p);
    }
    return p;
  }

  private async loadDocs(m: Manifest, postings: SegmentedPostings, ns: number[]): Promise<void> {
    await Promise.all(ns.map((n) => this.docShard(m, postings, n)));
  }

  private async doc(m: Manifest, postings: SegmentedPostings, n: number): Promise<SearchDoc> {
    const docs = await this.docShard(m, postings, n);
    return docs[n - postings.docFile(n).first]!;
  }

  /**
   * Exact when every term is answered by the index alone (one or two Han characters, one word);
   * otherwise candidates are verified headline hits first, then newest first, within a budget,
   * and `exact` is false if the budget ran out before the candidates did.
   */
  async search(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
    // A query typed in Traditional is converted first, as the server's results page does.
    const [{ m, postings }, simplified] = await Promise.all([this.getManifest(), simplifyQuery(query)]);
    const terms = parseQuery(simplified);
    const termTexts = terms.map((t) => t.text);
    await this.loadTokens(postings, queryTokens(terms));
    const [lo, hi] = docRange(m.dates, m.docCount, opts.from, opts.to);
    const prep = prepare(this.index, m.docCount, terms, lo, hi);
    const want = (opts.offset ?? 0) + (opts.limit ?? 10);

    let order: number[];
    let exact = true;
    if (!prep.loose.length) {
      order = orderByKey(
        prep.cands,
        prep.cands.map((n) => verify(prep, n, undefined)),
      );
    } else {
      const queue = orderByKey(
        prep.cands,
        prep.cands.map((n) => prep.headHint[n] ?? 0),
      );
      const docs: number[] = [];
      const keys: number[] = [];
      let i = 0;
      // A later page of results needs more checked: the budget grows with the page asked for.
      while (i < queue.length && docs.length < want && i < VERIFY_BUDGET + want) {
        const batch = queue.slice(i, i + BATCH);
        i += batch.length;
        await this.loadDocs(m, postings, batch);
        for (const n of batch) {
          const key = verify(prep, n, this.texts.get(n));
          if (key >= 0) {
            docs.push(n);
            keys.push(key);
          }
        }
      }
      exact = i >= queue.length;
      order = orderByKey(docs, keys);
    }
    const page = order.slice(opts.offset ?? 0, want);
    await this.loadDocs(m, postings, page);
    const hits = await Promise.all(
      page.map(async (n) => toHit(await this.doc(m, postings, n), termTexts, dateOf(m.dates, n))),
    );
    return { hits, total: order.length, exact, terms: termTexts };
  }
}
