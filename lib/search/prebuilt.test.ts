import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '@/lib/content/load';
import { generateArchive } from '@/lib/gen/archive';
import { indexContentDir } from './archive';
import type { BuiltIndex } from './build';
import { archiveFingerprint, openPrebuilt, PrebuiltIndex, writeIndexFiles } from './prebuilt';
import { search } from './search';
import { buildSegmented } from './segmented-build';
import { toShards, type Manifest } from './shards';
import type { SearchOptions } from './types';

let root: string;
let content: string;
let out: string;
let built: BuiltIndex;
const saved = process.env.DUBAO_CACHE;

beforeAll(() => {
  process.env.DUBAO_CACHE = '0';
  root = mkdtempSync(path.join(tmpdir(), 'dubao-prebuilt-'));
  content = path.join(root, 'content');
  out = path.join(root, 'search');
  // Across a new year: two segments (2024's three issues, 2025's three).
  generateArchive({ issues: 6, out: content, seed: 7, start: '2024-12-29' });
  built = indexContentDir(content);
  // Small shards, so a query reads some of them and not all.
  buildSegmented({ dir: content, out, termShardBytes: 8_000, docShardSize: 8, codeVersion: 'test' });
});

afterAll(() => {
  process.env.DUBAO_CACHE = saved;
  rmSync(root, { recursive: true, force: true });
});

/** Queries from the generated text: headline and body pieces of several lengths, pairs, and misses. */
function queries(): [string, SearchOptions][] {
  const qs: [string, SearchOptions][] = [];
  const docs = built.docs.filter((_, n) => n % 23 === 0);
  for (const d of docs) {
    const h = d.headline.replace(/\s/g, '');
    const b = d.body.replace(/\s/g, '').slice(10);
    qs.push(
      [h.slice(0, 1), {}],
      [h.slice(0, 2), { limit: 5 }],
      [h.slice(1, 5), {}],
      [b.slice(0, 3), { offset: 2 }],
    );
    qs.push([`${b.slice(0, 2)} ${h.slice(0, 2)}`, {}], [b.slice(0, 8), {}]);
    qs.push(
      [h.slice(0, 2), { from: d.date, to: d.date }],
      [b.slice(0, 1), { from: '2024-12-31', limit: 50 }],
    );
  }
  qs.push(['的', { limit: 1000 }], ['不存在的词语组合', {}], ['', {}], ['"经济 发展"', {}]);
  return qs;
}

describe('prebuilt index files', () => {
  it('answer exactly as the index built in memory, read lazily', () => {
    const qs = queries();
    expect(qs.length).toBeGreaterThan(40);
    const shared = openPrebuilt(out, content);
    expect(shared).toBeInstanceOf(PrebuiltIndex);
    let found = 0;
    for (const [q, opts] of qs) {
      const want = search(built, q, opts);
      if (want.total > 0) found++;
      expect(shared!.search(q, opts), q).toEqual(want);
      // A fresh instance has read nothing yet: each query alone reads what it needs.
      expect(new PrebuiltIndex(out, shared!.manifest).search(q, opts), q).toEqual(want);
    }
    expect(found).toBeGreaterThan(qs.length / 2);
    // About 100 searches, half of them reading their files afresh: seconds on a busy 2-core machine.
  }, 30_000);

  it('serve the files written, and nothing outside them', () => {
    const p = openPrebuilt(out, content)!;
    expect(p.manifest.segments.map((s) => s.id.slice(0, 4))).toEqual(['2025', '2024']);
    const [newer, older] = p.manifest.segments.map((s) => `s/${s.id}`);
    for (const rel of [`${newer}/t/0.json`, `${older}/t/1.json`, `${older}/d/1.json`])
      expect(p.file(rel)).toBe(readFileSync(path.join(out, rel), 'utf8'));
    expect(p.file(`${older}/t/${p.manifest.segments[1]!.termShards}.json`)).toBeUndefined();
    expect(p.file(`${older}/segment.json`)).toBeUndefined();
    expect(p.file('../content/2025-01-01/01.md')).toBeUndefined();
    expect(p.file(`${newer}/t/01.json`)).toBeUndefined();
    expect(p.file('s/2023-abc/t/0.json')).toBeUndefined();
    expect(p.file('manifest.json')).toBeUndefined();
  });

  it('are not used for another or a changed archive, or without a fingerprint', () => {
    const other = path.join(root, 'other');
    generateArchive({ issues: 2, out: other, seed: 8, start: '2025-03-01' });
    expect(openPrebuilt(out, other)).toBeUndefined();
    expect(openPrebuilt(out, path.join(root, 'missing'))).toBeUndefined();

    // Files of the one-folder layout before segments (format 1), or a manifest whose segments do not add up.
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const old = path.join(root, 'old-format');
    for (const bad of [
      { ...manifest, format: 1, segments: undefined, termShards: 3 },
      { ...manifest, docCount: manifest.docCount + 1 },
      { ...manifest, segments: [{ ...manifest.segments[0]!, id: '../../content' }, manifest.segments[1]!] },
    ]) {
      mkdirSync(old, { recursive: true });
      writeFileSync(path.join(old, 'manifest.json'), JSON.stringify(bad));
      expect(openPrebuilt(old, content)).toBeUndefined();
    }

    const unsourced = path.join(root, 'unsourced');
    writeIndexFiles(unsourced, toShards(built, { version: 'v1' }));
    expect(openPrebuilt(unsourced, content)).toBeUndefined();

    const copy = path.join(root, 'copy');
    generateArchive({ issues: 6, out: copy, seed: 7, start: '2025-03-01' });
    const fp = archiveFingerprint(copy);
    const page = path.join(copy, '2025-03-02', '01.md');
    appendFileSync(page, '\n补充一段。\n');
    expect(archiveFingerprint(copy)).not.toBe(fp);
    writeFileSync(path.join(copy, '2025-03-02', '01.overrides.yaml'), 'x: 1\n');
    expect(archiveFingerprint(copy)).not.toBe(fp);
    expect(archiveFingerprint(copy, 'another parser')).not.toBe(archiveFingerprint(copy));
    // The server checks with the version its content store loaded: it must be the build step's.
    const loaded = loadArchive(copy, { onError: () => {} }).version;
    expect(archiveFingerprint(copy, undefined, loaded)).toBe(archiveFingerprint(copy));
  });
});
