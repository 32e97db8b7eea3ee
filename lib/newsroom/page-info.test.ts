import { describe, expect, it } from 'vitest';
import { defaultPageName, numberFromFileName, pageNameFromText, pageNumbers } from './page-info';

describe('page number from the file name', () => {
  it.each([
    ['01.txt', 1],
    ['page-3.md', 3],
    ['p12.md', 12],
    ['A2.txt', 2],
    ['第03版.txt', 3],
    ['2025-07-31_02.txt', 2],
    ['000_3ca735ac978f3637.txt', 0],
    ['3ca735ac.txt', undefined],
    ['notes.txt', undefined],
  ])('%s → %s', (name, page) => expect(numberFromFileName(name)).toBe(page));

  it('counts from 0 when the converter does (000_…), for the whole batch', () => {
    expect(pageNumbers(['000_aa.txt', '001_bb.txt'])).toEqual({ pages: [1, 2], zeroBased: true });
    expect(pageNumbers(['01.txt', 'x.txt'])).toEqual({ pages: [1, undefined], zeroBased: false });
  });
});

describe('page name from the top of the page', () => {
  it.each([
    ['\n\n# 平湖版\n\n平湖发布', 1, '平湖版'],
    ['青禾日报\n\n2025年3月12日 星期三\n\n# 第03版 综合新闻\n', 3, '综合新闻'],
    ['\nA2 要闻·综合\n\n2025年6月18日', 2, '要闻·综合'],
    ['2025年8月15日 星期五 第02版 要闻\n', 2, '要闻'],
    ['2025年3月12日 星期三 第01版\n\n### 标题\n', 1, undefined],
    // The edition line of another page is not this page's name.
    ['第04版 评论\n', 3, undefined],
  ])('%j (page %d) → %s', (text, page, name) => expect(pageNameFromText(text, page)).toBe(name));

  it('knows the configured page names', () => {
    expect(pageNameFromText('## 今日关注\n\n### 标题', 1, ['今日关注'])).toBe('今日关注');
  });
});

describe('the page name when the text names none', () => {
  it.each([
    [1, '第01版'],
    [3, '第03版'],
    [12, '第12版'],
    [100, '第100版'],
  ])('page %d → %s', (page, name) => expect(defaultPageName(page)).toBe(name));
});
