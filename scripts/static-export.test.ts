import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  issueKeys,
  manifestOf,
  mergeExport,
  monthKeys,
  navKeys,
  plan,
  pruneRscPayloads,
  scopeOf,
  type ArchiveState,
} from './static-export';

const state = (code: string, issues: Record<string, string>): ArchiveState => ({
  code,
  issues: new Map(Object.entries(issues).map(([d, key]) => [d, { stamps: `s-${key}`, key }])),
});

describe('the plan of an incremental export', () => {
  const ten = Object.fromEntries(
    Array.from({ length: 10 }, (_, i) => [`2025-01-${String(i + 1).padStart(2, '0')}`, `k${i + 1}`]),
  );

  it('writes everything without an earlier export, or when the code changed', () => {
    const p = plan(undefined, state('c1', ten));
    expect(p.full).toBe('no earlier export');
    expect(p.only).toHaveLength(10);
    expect(p.months).toEqual(['2024-12', '2025-01', '2025-02']);
    expect(plan(p.manifest, state('c2', ten)).full).toBe('the code or SITE_URL changed');
  });

  it('nothing when nothing changed', () => {
    const before = manifestOf(state('c', ten));
    const p = plan(before, state('c', ten));
    expect(p.full).toBeUndefined();
    expect([p.only, p.nav, p.months, p.removed, p.removedMonths]).toEqual([[], [], [], [], []]);
  });

  it('a new issue: itself whole, the printed pages of the one before, its month and the month after', () => {
    const before = manifestOf(state('c', ten));
    const p = plan(before, state('c', { ...ten, '2025-01-11': 'k11' }));
    expect(p.full).toBeUndefined();
    expect(p.only).toEqual(['2025-01-11']);
    expect(p.nav).toEqual(['2025-01-10']);
    // Its month changed; the month after the last is still February, but its key follows the newest issue.
    expect(p.months).toEqual(['2025-01', '2025-02']);
    expect(p.removed).toEqual([]);
  });

  it('a new issue in a new month: the old month too (it no longer holds the newest issue) and the next', () => {
    const before = manifestOf(state('c', ten));
    const p = plan(before, state('c', { ...ten, '2025-02-01': 'kf' }));
    expect(p.months).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('a changed issue is written whole; its neighbours are not (they show its date only)', () => {
    const before = manifestOf(state('c', ten));
    const p = plan(before, state('c', { ...ten, '2025-01-05': 'changed' }));
    expect(p.only).toEqual(['2025-01-05']);
    expect(p.nav).toEqual([]);
    expect(p.months).toEqual(['2025-01']);
  });

  it('a withdrawn issue: its files go, both neighbours link to each other now', () => {
    const before = manifestOf(state('c', ten));
    const rest = { ...ten };
    delete rest['2025-01-05'];
    const p = plan(before, state('c', rest));
    expect(p.removed).toEqual(['2025-01-05']);
    expect(p.only).toEqual([]);
    expect(p.nav).toEqual(['2025-01-04', '2025-01-06']);
  });

  it('往年今日: an issue on the same day of another year rewrites that issue’s printed pages', () => {
    const before = manifestOf(state('c', ten));
    const p = plan(before, state('c', { ...ten, '2026-01-03': 'next year' }));
    expect(p.only).toEqual(['2026-01-03']);
    expect(p.nav.sort()).toEqual(['2025-01-03', '2025-01-10']);
    // The months between are new (the calendar runs from one before the first to one after the last).
    expect(p.months).toContain('2025-06');
    expect(p.removedMonths).toEqual([]);
    // The next issue after it leaves those months (a gap of months without issues) alone.
    const q = plan(
      p.manifest,
      state('c', { ...ten, '2026-01-03': 'next year', '2026-01-04': 'and the day after' }),
    );
    expect(q.months).toEqual(['2026-01', '2026-02']);
  });

  it('keys: content is hashed only when the stamps changed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dubao-keys-'));
    try {
      const file = path.join(dir, '01.md');
      writeFileSync(file, 'a');
      const listing = { issues: [{ date: '2025-01-01', files: [{ full: file, stamp: '1:1' }], errors: [] }] };
      const first = issueKeys(listing, undefined);
      const before = manifestOf({ code: 'c', issues: first });
      let reads = 0;
      const read = (f: string) => {
        reads++;
        return readFileSync(f);
      };
      expect(issueKeys(listing, before, read)).toEqual(first);
      expect(reads).toBe(0);
      // Touched, same bytes: read again, same key (a fresh checkout does not rebuild everything).
      const touched = { issues: [{ ...listing.issues[0]!, files: [{ full: file, stamp: '2:1' }] }] };
      expect(issueKeys(touched, before, read).get('2025-01-01')!.key).toBe(first.get('2025-01-01')!.key);
      expect(reads).toBe(1);
      writeFileSync(file, 'b');
      expect(issueKeys(touched, before, read).get('2025-01-01')!.key).not.toBe(first.get('2025-01-01')!.key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nav and month keys depend on what those pages show', () => {
    const nav = navKeys(['2024-03-14', '2025-03-13', '2025-03-14']);
    expect(nav.get('2024-03-14')).not.toBe(navKeys(['2024-03-14', '2025-03-13']).get('2024-03-14'));
    const months = monthKeys(new Map([['2025-03-14', { key: 'a' }]]));
    expect([...months.keys()]).toEqual(['2025-02', '2025-03', '2025-04']);
  });
});

describe('where a file of the export belongs', () => {
  it.each([
    ['zh/2025-01-05.html', { kind: 'issue', date: '2025-01-05', view: true }],
    ['zh-Hant/2025-01-05/3.html', { kind: 'issue', date: '2025-01-05', view: true }],
    ['en/2025-01-05/3/ab12cd.html', { kind: 'issue', date: '2025-01-05', view: false }],
    ['og/2025-01-05/ab12cd.png', { kind: 'issue', date: '2025-01-05', view: false }],
    ['zh/archive/2025-01.html', { kind: 'month', month: '2025-01' }],
    ['sitemaps/2025-01.xml', { kind: 'month', month: '2025-01' }],
    ['zh/archive.html', { kind: 'shared' }],
    ['zh.html', { kind: 'shared' }],
    ['zh/feed.xml', { kind: 'shared' }],
    ['404.html', { kind: 'shared' }],
    ['_next/static/chunks/a.js', { kind: 'assets' }],
    ['search/manifest.json', { kind: 'own' }],
    ['.dubao-export.json', { kind: 'own' }],
  ])('%s', (rel, scope) => expect(scopeOf(rel)).toEqual(scope));
});

describe('merging an export into out/', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const put = (dir: string, files: Record<string, string>) => {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
  };

  it('writes what changed, keeps equal files (and their mtime), removes withdrawn issues, leaves stand-ins out', () => {
    root = mkdtempSync(path.join(tmpdir(), 'dubao-merge-'));
    const out = path.join(root, 'out');
    const exp = path.join(root, 'export');
    put(out, {
      'zh.html': 'home old',
      'zh/2025-01-01.html': 'i1',
      'zh/2025-01-01/1.html': 'p1',
      'zh/2025-01-01/1/a.html': 'a1',
      'og/2025-01-01/a.png': 'c1',
      'zh/2025-01-02.html': 'i2 old nav',
      'zh/2025-01-02/1.html': 'p2 old nav',
      'zh/2025-01-02/1/b.html': 'b2',
      'zh/2025-01-03.html': 'withdrawn',
      'zh/2025-01-03/1/c.html': 'withdrawn',
      'og/2025-01-03/c.png': 'withdrawn',
      'zh/archive/2025-01.html': 'month old',
      'zh/archive/2024-12.html': 'month before',
      '_next/static/old.js': 'old chunk',
      'search/manifest.json': '{}',
      'zh/gone-shared.html': 'a shared page no longer written',
    });
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(out, 'zh/2025-01-01/1/a.html'), old, old);
    utimesSync(path.join(out, 'zh/2025-01-02/1/b.html'), old, old);
    put(exp, {
      'zh.html': 'home new',
      'zh/2025-01-02.html': 'i2 new nav',
      'zh/2025-01-02/1.html': 'p2 new nav',
      'zh/2025-01-02/1/b.html': 'stand-in article, not to be merged',
      'zh/2025-01-04.html': 'i4',
      'zh/2025-01-04/1.html': 'p4',
      'zh/2025-01-04/1/d.html': 'd4',
      'og/2025-01-04/d.png': 'c4',
      'zh/archive/2025-01.html': 'month new',
      'zh/archive/2024-12.html': 'stand-in month',
      '_next/static/new.js': 'new chunk',
    });
    const p = {
      only: ['2025-01-04'],
      nav: ['2025-01-02'],
      months: ['2025-01'],
      removed: ['2025-01-03'],
      removedMonths: [],
      manifest: manifestOf({ code: 'c', issues: new Map() }),
    };
    const r = mergeExport(exp, out, p);
    expect(r.written.sort()).toEqual(
      [
        'zh.html',
        'zh/2025-01-02.html',
        'zh/2025-01-02/1.html',
        'zh/2025-01-04.html',
        'zh/2025-01-04/1.html',
        'zh/2025-01-04/1/d.html',
        'og/2025-01-04/d.png',
        'zh/archive/2025-01.html',
        '_next/static/new.js',
      ].sort(),
    );
    expect(r.skipped).toBe(2);
    expect(r.removed.sort()).toEqual(
      ['og/2025-01-03/c.png', 'zh/2025-01-03.html', 'zh/2025-01-03/1/c.html', 'zh/gone-shared.html'].sort(),
    );
    expect(existsSync(path.join(out, 'zh/2025-01-03'))).toBe(false);
    expect(existsSync(path.join(out, 'og/2025-01-03'))).toBe(false);
    // Untouched: other issues' articles (bytes and mtime), the month not written, old chunks, search.
    expect(readFileSync(path.join(out, 'zh/2025-01-02/1/b.html'), 'utf8')).toBe('b2');
    expect(statSync(path.join(out, 'zh/2025-01-01/1/a.html')).mtimeMs).toBe(old.getTime());
    expect(readFileSync(path.join(out, 'zh/archive/2024-12.html'), 'utf8')).toBe('month before');
    expect(existsSync(path.join(out, '_next/static/old.js'))).toBe(true);
    expect(existsSync(path.join(out, 'search/manifest.json'))).toBe(true);
    // Merging the same export again writes nothing.
    expect(mergeExport(exp, out, p).written).toEqual([]);
  });

  it('a full export makes out/ exactly the export, but for the search index', () => {
    root = mkdtempSync(path.join(tmpdir(), 'dubao-merge-'));
    const out = path.join(root, 'out');
    const exp = path.join(root, 'export');
    put(out, { 'zh.html': 'old', 'zh/2025-01-01/1/a.html': 'old', 'search/manifest.json': '{}' });
    put(exp, { 'zh.html': 'new' });
    const p = { ...plan(undefined, { code: 'c', issues: new Map() }) };
    const r = mergeExport(exp, out, p);
    expect(r.written).toEqual(['zh.html']);
    expect(r.removed).toEqual(['zh/2025-01-01/1/a.html']);
    expect(existsSync(path.join(out, 'search/manifest.json'))).toBe(true);
  });

  it('drops the React Server Components payloads, keeps robots.txt', () => {
    root = mkdtempSync(path.join(tmpdir(), 'dubao-rsc-'));
    put(root, {
      'zh.html': 'h',
      'zh.txt': 'rsc',
      'zh/2025-01-01/1.html': 'h',
      'zh/2025-01-01/1.txt': 'rsc',
      'zh/2025-01-01/1/__next._full.txt': 'rsc',
      'en/404/__next._tree.txt': 'rsc',
      'robots.txt': 'User-Agent: *',
    });
    expect(pruneRscPayloads(root)).toEqual({ files: 4, bytes: 12 });
    expect(existsSync(path.join(root, 'robots.txt'))).toBe(true);
    expect(existsSync(path.join(root, 'en'))).toBe(false);
  });
});
