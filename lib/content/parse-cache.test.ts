import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedParseRawPage, pruneParseCache } from './parse-cache';
import { ingestSourceHash } from './parser-version';

const page = (headline: string) =>
  new TextEncoder().encode(`---\npaper: 测试报\ndate: 2025-01-02\npage: 1\npageName: 要闻\n---\n\n### ${headline}\n\n正文第一段。\n`);

function cached(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
}

describe('the on-disk parse cache', () => {
  let dir: string;
  const saved = process.env.DUBAO_CACHE_DIR;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dubao-cache-'));
    process.env.DUBAO_CACHE_DIR = dir;
  });
  afterAll(() => {
    process.env.DUBAO_CACHE_DIR = saved;
  });

  it('stores a parse by content hash and reads it back instead of parsing again', () => {
    const first = cachedParseRawPage(page('一条新闻'), 'x/01.md');
    expect(first.articles[0]?.headline).toBe('一条新闻');
    const [file] = cached(dir);
    expect(file).toMatch(/^v-[0-9a-f]{16}\/[0-9a-f]{2}\/[0-9a-f]{40}\.json$/);
    // Doctor the cached entry: the next load must return it, proving the parser did not run.
    const where = path.join(dir, file!);
    writeFileSync(where, readFileSync(where, 'utf8').replace('一条新闻', '缓存里的标题'));
    expect(cachedParseRawPage(page('一条新闻'), 'x/01.md').articles[0]?.headline).toBe('缓存里的标题');
  });

  it('parses a changed file afresh, under a new key', () => {
    const before = cached(dir).length;
    expect(cachedParseRawPage(page('另一条新闻'), 'x/01.md').articles[0]?.headline).toBe('另一条新闻');
    expect(cached(dir).length).toBe(before + 1);
  });

  it('keeps a rejected page as its error, naming file and line', () => {
    const broken = new TextEncoder().encode('no front matter here');
    expect(() => cachedParseRawPage(broken, 'x/02.md')).toThrow(/^x\/02\.md(:\d+)?: /);
    const before = cached(dir).length;
    expect(() => cachedParseRawPage(broken, 'x/02.md')).toThrow(/^x\/02\.md(:\d+)?: /);
    expect(cached(dir).length).toBe(before);
  });

  it('prunes the parses of other parser versions and of the old layout, and nothing else', () => {
    const current = cached(dir);
    expect(current.length).toBeGreaterThan(0);
    for (const stale of ['v-0123456789abcdef/ab', 'cd']) {
      mkdirSync(path.join(dir, stale), { recursive: true });
      writeFileSync(path.join(dir, stale, `${'0'.repeat(40)}.json`), '{}');
    }
    mkdirSync(path.join(dir, 'search'));
    writeFileSync(path.join(dir, 'search', 'x.idx'), '');
    expect(pruneParseCache().sort()).toEqual(['cd', 'v-0123456789abcdef']);
    expect(cached(dir)).toEqual(current);
    expect(existsSync(path.join(dir, 'search', 'x.idx'))).toBe(true);
    expect(pruneParseCache()).toEqual([]);
  });

  it('versions the cache by the parser sources', () => {
    expect(ingestSourceHash()).toMatch(/^[0-9a-f]{16}$/);
    expect(ingestSourceHash('/nonexistent')).toBeUndefined();
  });
});
