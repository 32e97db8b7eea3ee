import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleArchive, loadArchive, scanArchive, scanArchiveAsync, type LoadOptions } from './load';
import { parsePageFile } from './parse-cache';
import { readerPathExists } from './routes';

const FIXTURES = path.resolve(__dirname, '../../e2e/fixtures/archive');

describe('loading an archive folder', () => {
  const archive = loadArchive(FIXTURES, { onError: () => {} });

  it('groups the pages into issues, oldest first, pages in order', () => {
    expect(archive.errors).toEqual([]);
    expect(archive.issues.map((i) => i.date)).toEqual(['2024-03-14', '2025-02-27', '2025-03-13', '2025-03-14']);
    const latest = archive.byDate.get('2025-03-14')!;
    expect(latest.paper).toBe('望川日报');
    expect(latest.pages.map((p) => [p.meta.page, p.meta.pageName])).toEqual([
      [1, '要闻'],
      [2, '城事'],
      [3, '文体'],
    ]);
  });

  it('links the story continued from page 1 to page 2, and marks page 4 missing', () => {
    const issue = archive.byDate.get('2025-03-14')!;
    const byHeadline = (h: string) => [...issue.articles.values()].find((e) => e.article.headline === h)!;
    const start = byHeadline('望川地铁三号线全线贯通');
    const rest = byHeadline('地铁三号线全线贯通');
    expect(start.page).toBe(1);
    expect(issue.links.get(start.article.id)?.next).toEqual({ kind: 'article', page: 2, articleId: rest.article.id });
    expect(issue.links.get(rest.article.id)?.prev).toEqual({ kind: 'article', page: 1, articleId: start.article.id });
    expect(issue.links.get(byHeadline('老城区改造 留住街巷烟火气').article.id)?.next).toEqual({
      kind: 'missing',
      page: 4,
    });
  });

  it('knows which reader paths exist', () => {
    const issue = archive.byDate.get('2025-03-14')!;
    const id = [...issue.articles.keys()][0]!;
    for (const ok of [[], ['archive'], ['archive', '2031-01'], ['search', 'x'], ['2025-03-14'], ['2025-03-14', '3'], ['2025-03-14', '1', id]]) {
      expect(readerPathExists(ok, archive), ok.join('/')).toBe(true);
    }
    for (const bad of [['2025-03-15'], ['2025-03-14', '4'], ['2025-03-14', '01'], ['2025-03-14', '1', 'nope'], ['archive', '2025-13'], ['archive', '2025-03', 'x'], ['x'], ['2025-03-14', '1', id, 'x']]) {
      expect(readerPathExists(bad, archive), bad.join('/')).toBe(false);
    }
  });
});

describe('a broken file', () => {
  it('is reported with its name and skipped; the rest of the archive still loads', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dubao-'));
    mkdirSync(path.join(dir, '2025-01-02'));
    writeFileSync(path.join(dir, '2025-01-02', '01.md'), '---\npaper: 测试报\ndate: 2025-01-02\npage: 1\npageName: 要闻\n---\n\n### 一条新闻\n\n正文第一段。\n');
    writeFileSync(path.join(dir, '2025-01-02', '02.md'), 'no front matter here');
    writeFileSync(path.join(dir, '2025-01-02', '03.md'), '---\npaper: 测试报\ndate: 2025-01-03\npage: 3\npageName: 文体\n---\n\n### 另一条\n\n正文。\n');
    const messages: string[] = [];
    const archive = loadArchive(dir, { onError: (m) => messages.push(m) });
    expect(archive.issues).toHaveLength(1);
    expect(archive.issues[0]!.pages.map((p) => p.meta.page)).toEqual([1]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/02\.md/);
    expect(messages[1]).toMatch(/03\.md:1: front matter date 2025-01-03 is not the folder's date 2025-01-02/);
  });

  it('an unreadable content folder is one error, not a crash', () => {
    const messages: string[] = [];
    const archive = loadArchive('/nonexistent/dubao', { onError: (m) => messages.push(m) });
    expect(archive.issues).toEqual([]);
    expect(messages[0]).toMatch(/cannot read the content folder/);
  });
});

describe('an editor’s overrides beside a page', () => {
  it('are applied when the archive is loaded, and a change to them is picked up', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dubao-ov-'));
    mkdirSync(path.join(dir, '2025-03-12'));
    const page = path.join(dir, '2025-03-12', '01.md');
    writeFileSync(
      page,
      '---\npaper: 青禾日报\ndate: 2025-03-12\npage: 1\npageName: 要闻\n---\n### 图书馆夜间开放\n■记者 吴八\n\n市图书馆延长开放时间。\n\n读者点赞\n\n首晚接待读者六百余人次。\n',
    );
    const cache = new Map();
    const load = () => loadArchive(dir, { onError: () => {}, cache, parse: undefined });
    const body = () => load().issues[0]!.pages[0]!.articles[0]!.body.map((b) => b.type);
    expect(body()).toEqual(['p', 'h', 'p']);
    // Line 7 is the headline: the editor sets a better one.
    writeFileSync(path.join(dir, '2025-03-12', '01.overrides.yaml'), 'headline:\n  7: 图书馆延长夜间开放时间\n');
    const loaded = load().issues[0]!.pages[0]!;
    expect(loaded.articles[0]!.headline).toBe('图书馆延长夜间开放时间');
    expect(loaded.repairs.some((r) => r.kind === 'override')).toBe(true);
  });
});

describe('overrides that cannot be read', () => {
  it('are reported by name, and the page loads without them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dubao-ov-bad-'));
    mkdirSync(path.join(dir, '2025-03-12'));
    writeFileSync(
      path.join(dir, '2025-03-12', '01.md'),
      '---\npaper: 青禾日报\ndate: 2025-03-12\npage: 1\npageName: 要闻\n---\n### 图书馆夜间开放\n\n市图书馆延长开放时间。\n',
    );
    // A folder where the editor's file should be.
    mkdirSync(path.join(dir, '2025-03-12', '01.overrides.yaml'));
    const messages: string[] = [];
    const archive = loadArchive(dir, { onError: (m) => messages.push(m), parse: parsePageFile });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/01\.overrides\.yaml: overrides not applied \(not a file\)$/);
    expect(archive.issues[0]!.pages[0]!.articles[0]!.headline).toBe('图书馆夜间开放');
  });
});

describe('reloading an archive', () => {
  const page = (date: string, n: number, headline: string) =>
    `---\npaper: 测试报\ndate: ${date}\npage: ${n}\npageName: 要闻\n---\n\n### ${headline}\n\n正文第一段。\n`;
  function archiveDir() {
    const dir = mkdtempSync(path.join(tmpdir(), 'dubao-reload-'));
    for (const date of ['2025-01-01', '2025-01-02', '2025-01-03']) {
      mkdirSync(path.join(dir, date));
      writeFileSync(path.join(dir, date, '01.md'), page(date, 1, `${date} 头条`));
      writeFileSync(path.join(dir, date, '02.md'), page(date, 2, `${date} 二版`));
    }
    writeFileSync(path.join(dir, '2025-01-02', '03.md'), 'no front matter');
    return dir;
  }

  it('lists the same files with the same fingerprint, synchronously or not', async () => {
    const dir = archiveDir();
    mkdirSync(path.join(dir, 'not-a-date'));
    const listing = scanArchive(dir);
    expect(await scanArchiveAsync(dir)).toEqual(listing);
    expect(listing.issues.map((i) => [i.date, i.files.length])).toEqual([
      ['2025-01-01', 2],
      ['2025-01-02', 3],
      ['2025-01-03', 2],
    ]);
    expect((await scanArchiveAsync('/nonexistent/dubao')).errors[0]).toMatch(/cannot read the content folder/);
  });

  it('rebuilds only the issues whose files changed, and keeps the errors of the rest without repeating them', () => {
    const dir = archiveDir();
    const known: NonNullable<LoadOptions['issues']> = new Map();
    const messages: string[] = [];
    const load = () => assembleArchive(scanArchive(dir), { issues: known, onError: (m) => messages.push(m) });
    const first = load();
    expect(messages).toHaveLength(1);
    expect(first.errors).toEqual(messages);

    const same = load();
    expect(same.version).toBe(first.version);
    expect(same.issues.every((issue, i) => issue === first.issues[i])).toBe(true);
    expect(same.errors).toEqual(first.errors);
    expect(messages).toHaveLength(1);

    writeFileSync(path.join(dir, '2025-01-03', '02.md'), page('2025-01-03', 2, '改过的二版'));
    rmSync(path.join(dir, '2025-01-01'), { recursive: true });
    const next = load();
    expect(next.version).not.toBe(first.version);
    expect(next.issues.map((i) => i.date)).toEqual(['2025-01-02', '2025-01-03']);
    expect(next.issues[0]).toBe(first.issues[1]);
    expect(next.issues[1]).not.toBe(first.issues[2]);
    expect(next.issues[1]!.pages[1]!.articles[0]!.headline).toBe('改过的二版');
    expect(next.errors).toHaveLength(1);
    expect([...known.keys()]).toEqual(['2025-01-02', '2025-01-03']);
  });
});
