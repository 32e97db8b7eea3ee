import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('server-only', () => ({}));
const { saveAction } = await import('./edits');
const { deskPage, deskPages, findPage, misfit, blockLinesOf, overridesFileOf } = await import('./pages');
const { localeFor } = await import('./locale');

// The e2e journey's page: three known errors (e2e/fixtures/desk-archive/README.md).
const dir = mkdtempSync(path.join(tmpdir(), 'desk-pages-'));
const saved = process.env.CONTENT_DIR;
beforeAll(() => {
  cpSync(path.join(__dirname, '..', '..', 'e2e', 'fixtures', 'desk-archive', '2025-03-20'), path.join(dir, '2025-03-20'), { recursive: true });
  process.env.CONTENT_DIR = dir;
});
afterAll(() => {
  process.env.CONTENT_DIR = saved;
});

describe('the desk’s view of a page', () => {
  it('lists the archive’s pages, and finds a page only in the archive', () => {
    expect(deskPages()).toEqual([
      { paper: '望川日报', date: '2025-03-20', pages: [expect.objectContaining({ page: 1, pageName: '要闻', articles: 3, overrides: 0 })] },
    ]);
    expect(findPage('2025-03-20', 2)).toBeUndefined();
    expect(deskPage('2025-03-21', 1)).toBeUndefined();
  });

  it('shows each block with where it went, and the articles with the lines they came from', () => {
    const view = deskPage('2025-03-20', 1)!;
    expect(view.version).toBe('none');
    expect(view.blocks.find((b) => b.block.line === 22)).toMatchObject({ fate: 'article', heading: true, placement: { part: 'head' } });
    const library = view.articles.find((a) => a.headline === '图书馆延长夜间开放时间')!;
    expect(library.line).toBe(30);
    expect(library.paragraphs.at(-1)).toMatchObject({ text: '老街改造还将同步更新排水管网，解决雨季积水问题。', lines: [38] });
    expect(view.lost).toBe(0);
  });

  it('reads the page afresh after a fix, with the fix in its history', async () => {
    const page = findPage('2025-03-20', 1)!;
    await saveAction(overridesFileOf(page), 'none', { op: 'banner', line: 22 }, '王编辑');
    const view = deskPage('2025-03-20', 1)!;
    expect(view.articles.map((a) => a.headline)).toEqual(['城西老街改造启动', '图书馆延长夜间开放时间']);
    expect(view.history).toEqual([expect.objectContaining({ n: 1, by: '王编辑', op: 'banner' })]);
    expect(view.version).not.toBe('none');
  });
});

describe('misfit: an action that does not fit the page is named', () => {
  const blocks = () => blockLinesOf(findPage('2025-03-20', 1)!);
  it.each([
    [{ op: 'banner', line: 22 }, undefined],
    [{ op: 'banner', line: 24 }, 'line 24 is not a heading'],
    [{ op: 'subhead', line: 23 }, 'no block of this page starts at line 23'],
    [{ op: 'break', line: 999 }, 'line 999 is in no block of this page'],
    [{ op: 'move', line: 38, to: 14, after: 500 }, 'line 500 is in no block of this page'],
    [{ op: 'join', line: 28, to: 28 }, 'a block cannot continue itself'],
    [{ op: 'checked' }, undefined],
  ] as const)('%j → %s', (action, problem) => {
    expect(misfit(action, blocks())).toBe(problem);
  });
});

describe('the desk’s language', () => {
  it.each([
    ['zh-CN,zh;q=0.9', 'zh'],
    ['en-US,en;q=0.8', 'en'],
    ['zh-TW', 'zh-Hant'],
    ['', 'zh'],
    [null, 'zh'],
  ] as const)('%s → %s', (header, locale) => {
    expect(localeFor(header)).toBe(locale);
  });
});
