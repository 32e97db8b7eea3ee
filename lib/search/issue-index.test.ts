import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '@/lib/gen/archive';
import { archiveDocs } from './archive';
import { buildIndex } from './build';
import { DiskIssueCache } from './index-cache';
import { mergeIssues } from './issue-index';
import { toShards } from './shards';

let root: string;
let content: string;
let cacheDir: string;
const saved = process.env.DUBAO_CACHE;
// Small shards, so a wrong posting anywhere shows in the bytes of several files.
const SHARDS = { version: 'v1', termShardBytes: 6_000, docShardSize: 8 };

beforeAll(() => {
  process.env.DUBAO_CACHE = '0';
  root = mkdtempSync(path.join(tmpdir(), 'dubao-incr-'));
  content = path.join(root, 'content');
  cacheDir = path.join(root, 'cache');
  generateArchive({ issues: 5, out: content, seed: 7, start: '2025-03-01' });
  // A gap, for an issue added in the middle later.
  rmSync(path.join(content, '2025-03-03'), { recursive: true });
});

afterAll(() => {
  process.env.DUBAO_CACHE = saved;
  rmSync(root, { recursive: true, force: true });
});

/** `npm run build:search` as the script runs it, against a build from scratch of the same archive. */
function build(version = 'code-1') {
  const errors: string[] = [];
  const cache = new DiskIssueCache({ dir: cacheDir, version, onError: (m) => errors.push(m) });
  const docs = archiveDocs(content);
  const merged = mergeIssues(docs, cache);
  const pruned = cache.prune();
  return {
    incremental: toShards(merged, SHARDS),
    scratch: toShards(buildIndex(docs), SHARDS),
    stats: merged.stats,
    pruned,
    errors,
  };
}

const entries = () => readdirSync(cacheDir).sort();

describe('the incremental search index build', () => {
  let before: ReturnType<typeof build>['scratch'];

  it('writes the same files as a build from scratch, cold and with nothing changed', () => {
    const cold = build();
    expect(cold.stats).toEqual({ reused: 0, indexed: 4 });
    expect(cold.incremental).toEqual(cold.scratch);
    expect(cold.scratch.files.filter((f) => f.path.includes('/t/')).length).toBeGreaterThan(3);
    expect(entries()).toHaveLength(4);

    const again = build();
    expect(again.stats).toEqual({ reused: 4, indexed: 0 });
    expect(again.incremental).toEqual(again.scratch);
    expect(again.errors).toEqual([]);
    before = again.scratch;
  });

  it('indexes again only an issue with an edited page', () => {
    appendFileSync(
      path.join(content, '2025-03-02', '01.md'),
      '\n本报讯 更正：原文“青浦”应为“平湖独山港”。\n',
    );
    const r = build();
    expect(r.stats).toEqual({ reused: 3, indexed: 1 });
    expect(r.incremental).toEqual(r.scratch);
    expect(r.scratch.files).not.toEqual(before.files);
    // The entry of the issue before the edit is gone.
    expect(r.pruned).toBe(1);
    expect(entries()).toHaveLength(4);
  });

  it('takes an issue added as the newest or in the middle, renumbering the rest', () => {
    generateArchive({ issues: 1, out: content, seed: 11, start: '2025-03-06' });
    const newest = build();
    expect(newest.stats).toEqual({ reused: 4, indexed: 1 });
    expect(newest.incremental).toEqual(newest.scratch);

    generateArchive({ issues: 1, out: content, seed: 12, start: '2025-03-03' });
    const middle = build();
    expect(middle.stats).toEqual({ reused: 5, indexed: 1 });
    expect(middle.incremental).toEqual(middle.scratch);
    expect(middle.scratch.manifest.dates.map(([d]) => d)).toEqual([
      '2025-03-06',
      '2025-03-05',
      '2025-03-04',
      '2025-03-03',
      '2025-03-02',
      '2025-03-01',
    ]);
  });

  it('drops a removed issue and its cache entry', () => {
    rmSync(path.join(content, '2025-03-04'), { recursive: true });
    const r = build();
    expect(r.stats).toEqual({ reused: 5, indexed: 0 });
    expect(r.incremental).toEqual(r.scratch);
    expect(r.pruned).toBe(1);
    expect(entries()).toHaveLength(5);
  });

  it('reports a damaged or unreadable cache entry and indexes that issue again', () => {
    const [first, second] = entries();
    const damaged = path.join(cacheDir, first!);
    // One bit of the postings flipped: the file still has its length and its first line.
    const bytes = readFileSync(damaged);
    bytes[bytes.length - 3]! ^= 1;
    writeFileSync(damaged, bytes);
    const unreadable = path.join(cacheDir, second!);
    rmSync(unreadable);
    mkdirSync(unreadable);
    const r = build();
    expect(r.stats).toEqual({ reused: 3, indexed: 2 });
    expect(r.incremental).toEqual(r.scratch);
    expect(r.errors).toHaveLength(2);
    expect(r.errors.join('\n')).toContain(`${damaged}: damaged (its checksum does not match)`);
    expect(r.errors.join('\n')).toContain(`${unreadable}: cannot read it`);

    const after = build();
    expect(after.stats).toEqual({ reused: 5, indexed: 0 });
    expect(after.errors).toEqual([]);
  });

  it('indexes everything again when the indexing code changes', () => {
    const r = build('code-2');
    expect(r.stats).toEqual({ reused: 0, indexed: 5 });
    expect(r.incremental).toEqual(r.scratch);
    expect(r.pruned).toBe(5);
  });
});
