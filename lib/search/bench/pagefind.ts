/**
 * Pagefind in the benchmark: indexes the same docs through its Node API, then runs its own search
 * runtime (pagefind.js + wasm) in Node, with fetch served from the output folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { SearchDoc } from '../types';

interface PagefindRuntime {
  options(o: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { id: string; data(): Promise<unknown> }[] }>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export async function pagefindEngine(docs: SearchDoc[], truth: Map<string, Set<number>>, queries: string[]) {
  // pagefind is ESM-only; a dynamic import loads it from CommonJS too.
  const pagefind = await import('pagefind');
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  // Sequential adds: the service answers one record at a time anyway.
  for (let n = 0; n < docs.length; n++) {
    const d = docs[n]!;
    const content = [d.headline, d.kicker, d.subheadline, d.bylines, d.body].filter(Boolean).join('\n');
    await index.addCustomRecord({ url: `/a/${n}`, content, language: 'zh', meta: { title: d.headline } });
  }
  const out = mkdtempSync(path.join(tmpdir(), 'pagefind-bench-'));
  await index.writeFiles({ outputPath: out });
  await pagefind.close();
  const buildS = (performance.now() - t0) / 1000;

  let indexGz = 0;
  let indexRaw = 0;
  let textGz = 0;
  const idToDoc = new Map<string, number>();
  for (const file of walk(out)) {
    const size = statSync(file).size;
    if (file.endsWith('.pf_fragment')) {
      textGz += size;
      const json = gunzipSync(readFileSync(file))
        .toString('utf8')
        .replace(/^pagefind_dcd/, '');
      const url = (JSON.parse(json) as { url: string }).url;
      idToDoc.set(path.basename(file, '.pf_fragment'), Number(url.slice(3)));
    } else if (file.endsWith('.pf_index') || file.endsWith('.pf_meta') || file.endsWith('.pf_filter')) {
      indexGz += size;
      indexRaw += gunzipSync(readFileSync(file)).length;
    }
  }

  let downloaded = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string | URL) => {
    const u = String(url);
    if (!u.startsWith('file://')) return realFetch(url);
    const body = readFileSync(new URL(u));
    if (!/pagefind\.js|\.pagefind$/.test(u)) downloaded += body.length;
    return new Response(body, { status: 200 });
  }) as typeof fetch;
  try {
    const entry = pathToFileURL(path.join(out, 'pagefind.js')).href;
    const load = async (tag: string) => {
      const pf = (await import(`${entry}?${tag}`)) as PagefindRuntime;
      await pf.options({ basePath: pathToFileURL(out).href + '/' });
      await pf.init();
      return pf;
    };
    // Bytes: a cold runtime per query, the first 10 results' fragments loaded as a results list would.
    const downloads: number[] = [];
    for (let i = 0; i < queries.length; i++) {
      const pf = await load(`cold${i}`);
      downloaded = 0;
      const r = await pf.search(queries[i]!);
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      downloads.push(downloaded / 1024);
    }
    const pf = await load('warm');
    for (const q of queries) await pf.search(q);
    const times: number[] = [];
    let hit = 0;
    let found = 0;
    let relevant = 0;
    for (const q of queries) {
      let best = Infinity;
      let ids: string[] = [];
      for (let k = 0; k < 3; k++) {
        const s = performance.now();
        ids = (await pf.search(q)).results.map((x) => x.id);
        best = Math.min(best, performance.now() - s);
      }
      times.push(best);
      const want = truth.get(q)!;
      relevant += want.size;
      found += ids.length;
      for (const id of ids) if (want.has(idToDoc.get(id) ?? -1)) hit++;
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const at = (xs: number[], p: number) => sorted(xs)[Math.floor((xs.length - 1) * p)] ?? 0;
    return {
      buildS,
      rawPerDoc: indexRaw / docs.length,
      gzPerDoc: indexGz / docs.length,
      textGzPerDoc: textGz / docs.length,
      queryKbMedian: at(downloads, 0.5),
      queryKbMax: Math.max(...downloads),
      medianMs: at(times, 0.5),
      p95Ms: at(times, 0.95),
      recall: relevant ? hit / relevant : 1,
      precision: found ? hit / found : 1,
    };
  } finally {
    globalThis.fetch = realFetch;
    rmSync(out, { recursive: true, force: true });
  }
}
