/**
 * npm run bench:search: builds our index, a plain-bigram flexsearch baseline, MiniSearch and Pagefind
 * over the same synthetic archives and times the same fixed queries, checked against brute force.
 * BENCH_SIZES=2000,20000 overrides the archive sizes; the comparisons run only up to 20,000 articles.
 * Our latency is the call the results page and the CLI make: search() for the first page of 20 hits,
 * snippets and exact total included; a second row times ranking every match (searchDocs).
 */
import { gzipSync } from 'node:zlib';
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { BENCH_QUERIES, generateCorpus } from '@/lib/search/bench/corpus';
import { pagefindEngine } from '@/lib/search/bench/pagefind';
import { buildIndex } from '@/lib/search/build';
import { SearchClient } from '@/lib/search/client';
import { parseQuery, findTerm, type Term } from '@/lib/search/query';
import { search, searchDocs } from '@/lib/search/search';
import { byYear } from '@/lib/search/archive';
import { mergeIssues } from '@/lib/search/issue-index';
import { joinSegments, segmentFiles, segmentPath, toShards, type ShardFiles } from '@/lib/search/shards';
import { indexTokens } from '@/lib/search/tokenize';
import type { DocText } from '@/lib/search/types';

const SIZES = (process.env.BENCH_SIZES ?? '20000,100000').split(',').map(Number);
const COMPARE_UP_TO = Number(process.env.BENCH_COMPARE_UP_TO ?? 20000);

interface Row {
  engine: string;
  articles: number;
  buildS: number;
  rawPerDoc: number;
  gzPerDoc: number;
  textGzPerDoc?: number;
  queryKbMedian?: number;
  queryKbMax?: number;
  medianMs: number;
  p95Ms: number;
  recall: number;
  precision: number;
}

const gz = (s: string | Uint8Array) => gzipSync(s, { level: 6 }).length;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? 0;
};

function containsAll(text: DocText, terms: Term[]): boolean {
  return terms.length > 0 && terms.every((t) => findTerm(text.all, t.text, 1).length > 0);
}

function truthOf(texts: DocText[]): Map<string, Set<number>> {
  const truth = new Map<string, Set<number>>();
  for (const q of BENCH_QUERIES) {
    const terms = parseQuery(q);
    const set = new Set<number>();
    texts.forEach((t, n) => containsAll(t, terms) && set.add(n));
    truth.set(q, set);
  }
  return truth;
}

/** Latency per query: best of 3 runs, after a warm-up. */
function latency(run: (q: string) => unknown) {
  for (const q of BENCH_QUERIES) run(q);
  const times: number[] = [];
  for (const q of BENCH_QUERIES) {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      run(q);
      best = Math.min(best, performance.now() - t0);
    }
    times.push(best);
  }
  return { medianMs: pct(times, 0.5), p95Ms: pct(times, 0.95) };
}

/** Recall and precision over all queries. */
function quality(run: (q: string) => Iterable<number>, truth: Map<string, Set<number>>) {
  let hit = 0;
  let found = 0;
  let relevant = 0;
  for (const q of BENCH_QUERIES) {
    const result = [...run(q)];
    const want = truth.get(q)!;
    found += result.length;
    relevant += want.size;
    for (const n of result) if (want.has(n)) hit++;
  }
  return { recall: relevant ? hit / relevant : 1, precision: found ? hit / found : 1 };
}

function measure(run: (q: string) => Iterable<number>, truth: Map<string, Set<number>>) {
  return { ...latency(run), ...quality(run, truth) };
}

const PAGE = 20;

/**
 * The results page gives the first PAGE of the ranking searchDocs gives and its length as the total;
 * recall and precision are those of the whole ranking, so the page must agree with it.
 */
function checkPages(built: ReturnType<typeof buildIndex>) {
  for (const q of BENCH_QUERIES) {
    const all = searchDocs(built, q);
    const page = search(built, q, { limit: PAGE });
    const want = all.slice(0, PAGE).map((n) => built.docs[n]!.id);
    if (page.total !== all.length || page.hits.map((h) => h.id).join() !== want.join()) {
      throw new Error(`${q}: the results page does not match the full ranking`);
    }
  }
}

const MARK = '\u0002';
const splitQuery = (s: string) => (s.startsWith(MARK) ? s.slice(1).split(MARK) : indexTokens(s));

/** What the browser client downloads per query (gzip KiB), and the ids it shows, from these files. */
function clientDownloads({ manifest, files }: ShardFiles) {
  const sizes = new Map<string, number>();
  const bodies = new Map<string, string>();
  let termRaw = 0;
  let termGz = 0;
  let docGz = 0;
  for (const f of files) {
    const g = gz(f.body);
    sizes.set(f.path, g);
    bodies.set(f.path, f.body);
    if (f.path.includes('/t/')) {
      termRaw += Buffer.byteLength(f.body);
      termGz += g;
    } else docGz += g;
  }
  const manifestJson = JSON.stringify(manifest);
  const results: string[] = [];
  const requests: number[] = [];
  const kb = (async () => {
    const out: number[] = [];
    for (const q of BENCH_QUERIES) {
      let bytes = 0;
      let count = 0;
      const client = new SearchClient('', async (url) => {
        const path = url.replace(/^\//, '').replace(/\?.*$/, '');
        count++;
        if (path === 'manifest.json') {
          bytes += gz(manifestJson);
          return JSON.parse(manifestJson);
        }
        bytes += sizes.get(path) ?? 0;
        return JSON.parse(bodies.get(path) ?? '[]');
      });
      const r = await client.search(q, { limit: 10 });
      results.push(`${r.total} ${r.exact} ${r.hits.map((h) => h.id).join()}`);
      out.push(bytes / 1024);
      requests.push(count);
    }
    return out;
  })();
  return {
    termRaw,
    termGz,
    docGz,
    files: files.length,
    kb,
    results: kb.then(() => results),
    requests: kb.then(() => requests),
  };
}

async function benchOurs(
  size: number,
  texts: DocText[],
  built: ReturnType<typeof buildIndex>,
  buildS: number,
  truth: Map<string, Set<number>>,
): Promise<Row[]> {
  const one = clientDownloads(toShards(built, { version: 'bench' }));
  // As `npm run build:search` writes it: one segment per year, each indexed alone.
  const merged = byYear(built.docs).map(([y, docs]) => [y, mergeIssues(docs)] as const);
  const segmented = (termShardBytes?: number) => {
    const parts = merged.map(([y, m]) => segmentFiles(m, `y${y}`, { termShardBytes }));
    return clientDownloads({
      manifest: joinSegments(parts, { version: 'bench' }),
      files: parts.flatMap((p) => p.files.map((f) => ({ path: segmentPath(p.segment.id, f.path), body: f.body }))),
    });
  };
  const show = (name: string, d: ReturnType<typeof clientDownloads>, kb: number[], reqs: number[]) =>
    `${name}: ${pct(kb, 0.5).toFixed(1)} / ${Math.max(...kb).toFixed(1)} KiB, ${pct(reqs, 0.5)} / ${Math.max(...reqs)} requests, ${d.files} files`;
  const lines = [show('one index, 64 KB term shards', one, await one.kb, await one.requests)];
  for (const bytes of [64_000, 16_000, 8_000]) {
    const seg = segmented(bytes);
    const [a, b] = [await one.results, await seg.results];
    BENCH_QUERIES.forEach((q, i) => {
      if (a[i] !== b[i]) throw new Error(`${q}: the segmented index gives other results than the single one`);
    });
    lines.push(show(`${merged.length} segments by year, ${bytes / 1000} KB term shards`, seg, await seg.kb, await seg.requests));
  }
  console.error(`[${size}] what the browser fetches per query (gzip, median / max):\n  ${lines.join('\n  ')}`);
  const downloads = await one.kb;
  const termRaw = one.termRaw;
  const termGz = one.termGz;
  const docGz = one.docGz;
  void texts;
  checkPages(built);
  const q = quality((query) => searchDocs(built, query), truth);
  const row = {
    articles: size,
    buildS,
    rawPerDoc: termRaw / size,
    gzPerDoc: termGz / size,
    textGzPerDoc: docGz / size,
    queryKbMedian: pct(downloads, 0.5),
    queryKbMax: Math.max(...downloads),
    ...q,
  };
  return [
    {
      engine: `dubao (bigram+word, flexsearch, verified): results page, ${PAGE} hits with snippets`,
      ...row,
      ...latency((query) => search(built, query, { limit: PAGE })),
    },
    {
      engine: 'dubao: every match ranked (searchDocs)',
      ...row,
      ...latency((query) => searchDocs(built, query)),
    },
  ];
}

function benchPlainBigrams(size: number, texts: DocText[], truth: Map<string, Set<number>>): Row {
  const t0 = performance.now();
  const index = new Index({ encode: splitQuery });
  texts.forEach((t, n) => index.add(n, t.all));
  const buildS = (performance.now() - t0) / 1000;
  let raw = 0;
  let gzBytes = 0;
  index.export((_key: string, data: string) => {
    raw += Buffer.byteLength(data);
    gzBytes += gz(data);
  });
  const m = measure((q) => {
    const terms = parseQuery(q);
    if (!terms.length) return [];
    const tokens = [...new Set(terms.flatMap((t) => t.tokens))];
    const cands = index.search(MARK + tokens.join(MARK), { limit: size }) as number[];
    return cands.filter((n) => containsAll(texts[n]!, terms));
  }, truth);
  return {
    engine: 'plain bigrams in flexsearch + verification',
    articles: size,
    buildS,
    rawPerDoc: raw / size,
    gzPerDoc: gzBytes / size,
    ...m,
  };
}

function benchMiniSearch(size: number, texts: DocText[], truth: Map<string, Set<number>>): Row {
  const t0 = performance.now();
  const ms = new MiniSearch<{ id: number; t: string }>({
    fields: ['t'],
    tokenize: splitQuery,
    processTerm: (t) => t,
    searchOptions: { combineWith: 'AND', tokenize: splitQuery, processTerm: (t) => t },
  });
  ms.addAll(texts.map((t, n) => ({ id: n, t: t.all })));
  const buildS = (performance.now() - t0) / 1000;
  const json = JSON.stringify(ms);
  const m = measure((q) => {
    const terms = parseQuery(q);
    if (!terms.length) return [];
    const tokens = [...new Set(terms.flatMap((t) => t.tokens))];
    return ms
      .search(MARK + tokens.join(MARK))
      .map((r) => r.id as number)
      .filter((n) => containsAll(texts[n]!, terms));
  }, truth);
  return {
    engine: 'MiniSearch (same tokens) + verification',
    articles: size,
    buildS,
    rawPerDoc: Buffer.byteLength(json) / size,
    gzPerDoc: gz(json) / size,
    ...m,
  };
}

function fmt(row: Row): string {
  const n = (x: number | undefined, d = 1) => (x === undefined ? '—' : x.toFixed(d));
  return `| ${row.engine} | ${row.articles} | ${n(row.buildS)} | ${n(row.rawPerDoc, 0)} | ${n(row.gzPerDoc, 0)} | ${n(row.textGzPerDoc, 0)} | ${n(row.queryKbMedian)} / ${n(row.queryKbMax)} | ${n(row.medianMs, 3)} | ${n(row.p95Ms, 3)} | ${n(row.recall, 3)} | ${n(row.precision, 3)} |`;
}

async function main() {
  console.log(`queries: ${BENCH_QUERIES.length}`);
  const rows: Row[] = [];
  for (const size of SIZES) {
    const docs = generateCorpus({ articles: size });
    const t0 = performance.now();
    const built = buildIndex(docs);
    const buildS = (performance.now() - t0) / 1000;
    const truth = truthOf(built.texts);
    console.error(`[${size}] built in ${buildS.toFixed(1)} s; ground truth ready`);
    for (const row of await benchOurs(size, built.texts, built, buildS, truth)) {
      rows.push(row);
      console.error(fmt(row));
    }
    if (size <= COMPARE_UP_TO) {
      rows.push(benchPlainBigrams(size, built.texts, truth));
      console.error(fmt(rows.at(-1)!));
      rows.push(benchMiniSearch(size, built.texts, truth));
      console.error(fmt(rows.at(-1)!));
      const pf = await pagefindEngine(built.docs, truth, BENCH_QUERIES);
      if (pf) rows.push({ engine: 'Pagefind (zh)', articles: size, ...pf });
      if (pf) console.error(fmt(rows.at(-1)!));
    }
  }
  console.log(
    '| engine | articles | build s | index B/article raw | index B/article gzip | text B/article gzip | KiB gzip per query (median / max) | median ms | p95 ms | recall | precision |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(fmt(r));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
