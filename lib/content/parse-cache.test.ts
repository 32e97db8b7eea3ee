import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assembleArchive, loadArchive, scanArchive, type Archive } from './load';
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

describe('issue packs: one file per unchanged issue on a restart', () => {
  // Each test has its own cache and archive: issue 2025-01-02 (甲, 乙) and 2025-01-03 (丙, and a
  // page without front matter).
  let cache: string;
  let archive: string;
  const saved = process.env.DUBAO_CACHE_DIR;
  const raw = (date: string, n: number, headline: string) =>
    `---\npaper: 测试报\ndate: ${date}\npage: ${n}\npageName: 要闻\n---\n\n### ${headline}\n\n正文第一段，${headline}。\n`;
  const packs = () =>
    readdirSync(cache, { recursive: true, encoding: 'utf8' })
      .filter((f) => /^v-[0-9a-f]+\/issues\/[0-9a-f]{16}\/[0-9a-f]{40}\.json$/.test(f))
      .sort();
  const headlines = (a: Archive) => a.issues.map((i) => i.pages.map((p) => p.articles[0]?.headline).join(' '));
  const quiet = { onError: () => {} };
  /** Rewrites every pack's text: a load that shows the doctored text read no page of that issue. */
  const doctor = (from: string, to: string) => {
    for (const f of packs()) {
      const where = path.join(cache, f);
      writeFileSync(where, readFileSync(where, 'utf8').replaceAll(from, to));
    }
  };
  /** Rewrites a page with a later mtime (the stamp a rescan compares). */
  const edit = (date: string, n: number, headline: string) => {
    const file = path.join(archive, date, `0${n}.md`);
    writeFileSync(file, raw(date, n, headline));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
  };

  beforeEach(() => {
    cache = mkdtempSync(path.join(tmpdir(), 'dubao-packs-'));
    archive = mkdtempSync(path.join(tmpdir(), 'dubao-packs-archive-'));
    process.env.DUBAO_CACHE_DIR = cache;
    for (const [date, pages] of [
      ['2025-01-02', ['甲', '乙']],
      ['2025-01-03', ['丙']],
    ] as const) {
      mkdirSync(path.join(archive, date));
      pages.forEach((h, i) => writeFileSync(path.join(archive, date, `0${i + 1}.md`), raw(date, i + 1, h)));
    }
    writeFileSync(path.join(archive, '2025-01-03', '02.md'), 'no front matter here');
  });
  afterEach(() => {
    process.env.DUBAO_CACHE_DIR = saved;
    rmSync(cache, { recursive: true, force: true });
    rmSync(archive, { recursive: true, force: true });
  });

  it('packs each issue on the first load; later loads give the same archive and the same errors', () => {
    const byPage = loadArchive(archive, { ...quiet, packs: false });
    expect(packs()).toEqual([]);
    expect(headlines(byPage)).toEqual(['甲 乙', '丙']);
    expect(byPage.errors).toHaveLength(1);
    const first = loadArchive(archive, quiet);
    expect(packs()).toHaveLength(2);
    const second = loadArchive(archive, quiet);
    for (const a of [first, second]) {
      expect(headlines(a)).toEqual(headlines(byPage));
      expect(a.errors).toEqual(byPage.errors);
      expect(a.version).toBe(byPage.version);
    }
  });

  it('reads an unchanged issue from its pack, not from its pages', () => {
    loadArchive(archive, quiet);
    doctor('甲', '包里的甲');
    expect(headlines(loadArchive(archive, quiet))).toEqual(['包里的甲 乙', '丙']);
    expect(headlines(loadArchive(archive, { ...quiet, packs: false }))).toEqual(['甲 乙', '丙']);
  });

  it('re-reads and re-packs only the issue whose file changed', () => {
    loadArchive(archive, quiet);
    doctor('甲', '包里的甲');
    const before = new Map(packs().map((f) => [f, readFileSync(path.join(cache, f), 'utf8')]));
    edit('2025-01-03', 1, '丁丁');
    expect(headlines(loadArchive(archive, quiet))).toEqual(['包里的甲 乙', '丁丁']);
    const after = packs();
    expect(after).toEqual([...before.keys()]);
    const changed = after.filter((f) => readFileSync(path.join(cache, f), 'utf8') !== before.get(f));
    expect(changed).toHaveLength(1);
    expect(readFileSync(path.join(cache, changed[0]!), 'utf8')).toContain('丁丁');
  });

  it('packs an issue the server re-reads after a change, from the pages it holds and the new one', () => {
    loadArchive(archive, quiet);
    doctor('甲', '包里的甲');
    // As the content store loads: parses and issues kept in memory between rescans.
    const held = { ...quiet, cache: new Map(), issues: new Map() };
    expect(headlines(loadArchive(archive, held))).toEqual(['包里的甲 乙', '丙']);
    edit('2025-01-02', 2, '戊戊');
    expect(headlines(loadArchive(archive, held))).toEqual(['包里的甲 戊戊', '丙']);
    // A restart (nothing in memory) finds that pack: 甲 is still the doctored one, so no page was read.
    expect(headlines(loadArchive(archive, quiet))).toEqual(['包里的甲 戊戊', '丙']);
  });

  it('takes a damaged pack for none: the issue is read page by page and packed again', () => {
    loadArchive(archive, quiet);
    for (const f of packs()) writeFileSync(path.join(cache, f), '{"key": "');
    expect(headlines(loadArchive(archive, quiet))).toEqual(['甲 乙', '丙']);
    expect(packs()).toHaveLength(2);
    for (const f of packs()) expect(() => JSON.parse(readFileSync(path.join(cache, f), 'utf8'))).not.toThrow();
  });

  it('packs no issue with a page it could not read (that is not an answer to keep)', () => {
    const folder = path.join(archive, '2025-01-04');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '01.md'), raw('2025-01-04', 1, '己'));
    writeFileSync(path.join(folder, '02.md'), raw('2025-01-04', 2, '庚'));
    const listing = scanArchive(archive);
    // Gone between the scan and the read: reported by name, the rest of the issue still shown.
    rmSync(path.join(folder, '02.md'));
    const errors: string[] = [];
    const loaded = assembleArchive(listing, { onError: (m) => errors.push(m) });
    expect(headlines(loaded)).toEqual(['甲 乙', '丙', '己']);
    expect(errors.filter((m) => m.includes('2025-01-04'))).toEqual([
      expect.stringMatching(/2025-01-04\/02\.md: ENOENT/),
    ]);
    // The two complete issues are packed, the third is not.
    expect(packs()).toHaveLength(2);
  });

  it("drops the packs of removed issues at the next start, not other archives' packs in the same cache", () => {
    const other = mkdtempSync(path.join(tmpdir(), 'dubao-packs-other-'));
    try {
      mkdirSync(path.join(other, '2025-02-01'));
      writeFileSync(path.join(other, '2025-02-01', '01.md'), raw('2025-02-01', 1, '辛'));
      loadArchive(other, quiet);
      const [ofOther] = packs();
      const folder = path.join(archive, '2025-01-05');
      mkdirSync(folder);
      writeFileSync(path.join(folder, '01.md'), raw('2025-01-05', 1, '壬'));
      loadArchive(archive, quiet);
      const all = packs();
      expect(all).toHaveLength(4);
      // A pack of the layout before archives had folders of their own.
      const legacy = path.join(cache, path.dirname(path.dirname(ofOther!)), 'a'.repeat(40) + '.json');
      writeFileSync(legacy, '{}');
      rmSync(folder, { recursive: true });
      // A rescan (issues held in memory) keeps the pack; the next full load removes it and the legacy one.
      loadArchive(archive, { ...quiet, issues: new Map() });
      expect(packs()).toEqual(all);
      expect(headlines(loadArchive(archive, quiet))).toEqual(['甲 乙', '丙']);
      expect(all.filter((f) => !packs().includes(f))).toHaveLength(1);
      expect(existsSync(legacy)).toBe(false);
      // The other archive's pack is still there, and still the one its next start reads.
      expect(packs()).toContain(ofOther);
      const where = path.join(cache, ofOther!);
      writeFileSync(where, readFileSync(where, 'utf8').replaceAll('辛', '包里的辛'));
      expect(headlines(loadArchive(other, quiet))).toEqual(['包里的辛']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('writes no pack when the cache is off', () => {
    process.env.DUBAO_CACHE = '0';
    try {
      expect(headlines(loadArchive(archive, quiet))).toEqual(['甲 乙', '丙']);
      expect(readdirSync(cache)).toEqual([]);
    } finally {
      delete process.env.DUBAO_CACHE;
    }
  });
});
