import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageParser } from '@/lib/content/load';
import { parsePageFile } from '@/lib/content/parse-cache';
import { generateArchive } from '@/lib/gen/archive';
import { archiveDocs } from './archive';
import { buildIndex } from './build';
import { DiskIssueCache } from './index-cache';
import { openPrebuilt } from './prebuilt';
import { search } from './search';
import { buildSegmented, type SegmentedBuildOptions } from './segmented-build';

let root: string;
let content: string;
let out: string;
let cacheDir: string;
const saved = process.env.DUBAO_CACHE;
const SHARDS = { termShardBytes: 6_000, docShardSize: 8 };

beforeAll(() => {
  process.env.DUBAO_CACHE = '0';
  root = mkdtempSync(path.join(tmpdir(), 'dubao-segments-'));
  content = path.join(root, 'content');
  out = path.join(root, 'search');
  cacheDir = path.join(root, 'cache');
  // Three years: 2023 (two issues), 2024 (two), 2025 (two).
  generateArchive({ issues: 4, out: content, seed: 7, start: '2023-12-30' });
  generateArchive({ issues: 2, out: content, seed: 9, start: '2025-06-01' });
});

afterAll(() => {
  process.env.DUBAO_CACHE = saved;
  rmSync(root, { recursive: true, force: true });
});

/** Every file under `dir`, by relative path; a segment's record without its cache entries (a build without a cache has none). */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const body = readFileSync(full, 'utf8');
        files.set(
          path.relative(dir, full),
          e.name === 'segment.json' ? JSON.stringify({ ...JSON.parse(body), cacheEntries: [] }) : body,
        );
      }
    }
  };
  walk(dir);
  return files;
}

/** Paths whose files differ (or are in one tree only): none when the trees are the same. */
function differ(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

/** The build as the script runs it, with the files it parsed; and a build from scratch to compare. */
function build(extra: Partial<SegmentedBuildOptions> = {}) {
  const parsed: string[] = [];
  const parse: PageParser = (bytes, file, side) => {
    parsed.push(path.basename(path.dirname(file)));
    return parsePageFile(bytes, file, side);
  };
  const cache = new DiskIssueCache({ dir: cacheDir, version: 'idx-1' });
  const r = buildSegmented({ dir: content, out, cache, load: { parse }, codeVersion: 'code-1', ...SHARDS, ...extra });
  const pruned = cache.prune();
  const scratch = path.join(root, 'scratch');
  rmSync(scratch, { recursive: true, force: true });
  buildSegmented({ dir: content, out: scratch, codeVersion: 'code-1', ...SHARDS, ...extra });
  return { ...r, parsed, pruned, same: tree(out), scratch: tree(scratch) };
}

const years = () => readdirSync(path.join(out, 's')).map((n) => n.slice(0, 4)).sort();

describe('the segmented search index build', () => {
  it('writes one segment per year, newest first, searched as one index', () => {
    const r = build();
    expect(r.built).toEqual(['2025', '2024', '2023']);
    expect(r.kept).toEqual([]);
    expect(r.manifest.segments.map((s) => s.id.slice(0, 4))).toEqual(['2025', '2024', '2023']);
    expect(differ(r.same, r.scratch)).toEqual([]);
    expect(r.changedWhileRead).toBe(false);

    const docs = archiveDocs(content);
    expect(r.manifest.docCount).toBe(docs.length);
    const whole = buildIndex(docs);
    const index = openPrebuilt(out, content)!;
    expect(index).toBeDefined();
    for (const q of ['记者', '平湖', '的', whole.docs[3]!.headline.slice(0, 4)]) {
      expect(index.search(q, { limit: 50 }), q).toEqual(search(whole, q, { limit: 50 }));
    }
  });

  it('reads no page when nothing changed, and keeps the cache entries of kept segments', () => {
    const r = build();
    expect(r.built).toEqual([]);
    expect(r.kept).toEqual(['2025', '2024', '2023']);
    expect(r.parsed).toEqual([]);
    expect(r.files).toBe(1);
    expect(r.pruned).toBe(0);
    expect(readdirSync(cacheDir)).toHaveLength(6);
    expect(differ(r.same, r.scratch)).toEqual([]);
  });

  it('rebuilds only the year of an edited page, indexing only its issue again', () => {
    const before = tree(out);
    appendFileSync(path.join(content, '2024-01-01', '01.md'), '\n本报讯 更正：原文“青浦”应为“平湖独山港”。\n');
    const r = build();
    expect(r.built).toEqual(['2024']);
    expect(r.kept).toEqual(['2025', '2023']);
    expect(new Set(r.parsed)).toEqual(new Set(['2024-01-01', '2024-01-02']));
    expect(r.issues).toEqual({ indexed: 1, reused: 1 });
    expect(r.removed).toBe(1);
    expect(years()).toEqual(['2023', '2024', '2025']);
    expect(differ(r.same, r.scratch)).toEqual([]);
    // The other years' files are untouched, so their URLs (and browsers' caches of them) hold.
    for (const [rel, body] of before) if (/^s\/(2023|2025)-/.test(rel)) expect(r.same.get(rel)).toBe(body);
    expect(r.pruned).toBe(1);
  });

  it('takes a new issue into its year alone, and drops a year whose issues are gone', () => {
    generateArchive({ issues: 1, out: content, seed: 11, start: '2025-06-03' });
    const added = build();
    expect(added.built).toEqual(['2025']);
    expect(added.issues).toEqual({ indexed: 1, reused: 2 });
    expect(differ(added.same, added.scratch)).toEqual([]);

    rmSync(path.join(content, '2023-12-30'), { recursive: true });
    rmSync(path.join(content, '2023-12-31'), { recursive: true });
    const removed = build();
    expect(removed.built).toEqual([]);
    expect(removed.manifest.segments.map((s) => s.id.slice(0, 4))).toEqual(['2025', '2024']);
    expect(years()).toEqual(['2024', '2025']);
    expect(differ(removed.same, removed.scratch)).toEqual([]);
  });

  it('builds a segment again when its folder is damaged, and removes files of the old layout', () => {
    const [newest, older] = build().manifest.segments.map((s) => path.join(out, 's', s.id));
    rmSync(path.join(older!, 't', '0.json'));
    writeFileSync(path.join(newest!, 'segment.json'), '{"format":2,');
    mkdirSync(path.join(out, 't'));
    writeFileSync(path.join(out, 't', '0.json'), '[]');
    const r = build();
    expect(r.built).toEqual(['2025', '2024']);
    expect(r.issues.indexed).toBe(0);
    expect(differ(r.same, r.scratch)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 's']);
  });

  it('builds every year again when the code or the shard sizes change', () => {
    expect(build({ codeVersion: 'code-2' }).built).toEqual(['2025', '2024']);
    expect(build({ codeVersion: 'code-2', docShardSize: 4 }).built).toEqual(['2025', '2024']);
    // Without a code version (no sources to hash), nothing can be trusted: every year is built.
    expect(build({ codeVersion: undefined }).built).toEqual(['2025', '2024']);
  });
});
