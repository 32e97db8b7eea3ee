import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadArchive } from '@/lib/content/load';
import { generateArchive } from '@/lib/gen/archive';
import { archiveItems, toSearchDocs, type Located } from './archive';
import { buildIndex } from './build';
import { buildInMemory } from './memory-index';
import { search } from './search';

let root: string;
let items: Located[];
const saved = process.env.DUBAO_CACHE;
const noPause = async () => {};

beforeAll(() => {
  process.env.DUBAO_CACHE = '0';
  root = mkdtempSync(path.join(tmpdir(), 'dubao-memory-'));
  const content = path.join(root, 'content');
  generateArchive({ issues: 4, out: content, seed: 7, start: '2023-12-30' });
  generateArchive({ issues: 2, out: content, seed: 9, start: '2025-06-01' });
  items = archiveItems(loadArchive(content));
});

afterAll(() => {
  process.env.DUBAO_CACHE = saved;
  rmSync(root, { recursive: true, force: true });
});

const QUERIES = ['记者', '平湖', '的', '改造工程', '"经济 发展"', '社区 食堂'];

function expectSameAsOneIndex(index: Awaited<ReturnType<typeof buildInMemory>>['index'], of: Located[]) {
  const whole = buildIndex(toSearchDocs(of));
  for (const q of QUERIES) expect(index.search(q, { limit: 30 }), q).toEqual(search(whole, q, { limit: 30 }));
}

describe("the server's in-memory index", () => {
  it('is one segment per year, searched as one index, its files served to the browser', async () => {
    const first = await buildInMemory(items, undefined, undefined, noPause);
    expect(first.built).toEqual(['2025', '2024', '2023']);
    expectSameAsOneIndex(first.index, items);
    expect(first.files.size).toBeGreaterThan(3);
    for (const [rel, body] of first.files) expect(first.index.file(rel)).toBe(body);
    expect(first.index.file('manifest.json')).toBeUndefined();
    // A restarted server (the module loaded afresh) names its segments anew: browsers cache
    // segment files for good, so an id must never stand for two contents.
    vi.resetModules();
    const restarted = (await import('./memory-index')).buildInMemory;
    const other = await restarted(items, undefined, undefined, noPause);
    const ids = (m: typeof first) => m.index.manifest.segments.map((s) => s.id);
    expect(ids(other).filter((id) => ids(first).includes(id))).toEqual([]);
  });

  it('indexes again only the year whose articles changed', async () => {
    const first = await buildInMemory(items, undefined, undefined, noPause);
    const again = await buildInMemory(items, first, undefined, noPause);
    expect(again.built).toEqual([]);
    expect(again.years.map((y) => y.part)).toEqual(first.years.map((y) => y.part));

    // A new parse of one 2024 page gives new article objects, as the data layer does.
    const edited = items.map((it) =>
      it.date === '2024-01-01' && it.page === 1
        ? { ...it, article: { ...it.article, headline: `${it.article.headline}（更正）` } }
        : it,
    );
    const next = await buildInMemory(edited, again, undefined, noPause);
    expect(next.built).toEqual(['2024']);
    const part = (m: typeof next, year: string) => m.years.find((y) => y.year === year)!.part;
    for (const year of ['2025', '2023']) expect(part(next, year)).toBe(part(again, year));
    expect(part(next, '2024').segment.id).not.toBe(part(again, '2024').segment.id);
    expect(next.index.search('更正').total).toBeGreaterThan(0);
    expectSameAsOneIndex(next.index, edited);

    const without2023 = edited.filter((it) => !it.date.startsWith('2023'));
    const fewer = await buildInMemory(without2023, next, undefined, noPause);
    expect(fewer.built).toEqual([]);
    expect(fewer.index.manifest.segments).toHaveLength(2);
    expectSameAsOneIndex(fewer.index, without2023);
  });
});
