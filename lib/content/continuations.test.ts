import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/ingest/types';
import { headlineSimilarity, linkContinuations, storyChain } from './continuations';

function article(id: string, headline: string, extra: Partial<Article> = {}): Article {
  return { id, headline, kind: 'news', bylines: [], body: [{ type: 'p', text: '正文。' }], ...extra };
}

describe('headline similarity', () => {
  it('scores a shortened reprint as the same story and strangers low', () => {
    expect(headlineSimilarity('工业经济向新向优挑大梁', '工业经济挑大梁')).toBeGreaterThan(0.5);
    expect(headlineSimilarity('小区“路梗阻” 协商来解决', '小区路梗阻协商来解决')).toBe(1);
    expect(headlineSimilarity('工业经济向新向优挑大梁', '小区路梗阻协商来解决')).toBeLessThan(0.2);
  });
});

describe('linking 下转 and 上接', () => {
  // Two stories jump from page 1 to page 2; page 2 prints them in the other order.
  const pages = [
    {
      page: 1,
      articles: [
        article('road', '小区“路梗阻” 协商来解决', { jump: { toPage: 2 } }),
        article('ind', '工业经济向新向优挑大梁', { kicker: '创新突破看半年', jump: { toPage: 2 } }),
        article('gone', '港区新航线开通', { jump: { toPage: 5 } }),
      ],
    },
    {
      page: 2,
      articles: [
        article('ind2', '工业经济挑大梁', { continuedFrom: { fromPage: 1 } }),
        article('other', '一条本版新闻'),
        article('road2', '小区路梗阻协商来解决', { continuedFrom: { fromPage: 1 }, jump: { toPage: 3 } }),
      ],
    },
    { page: 3, articles: [article('road3', '协商来解决', { continuedFrom: { fromPage: 2 } })] },
    { page: 4, articles: [article('orphan', '无头续文', { continuedFrom: { fromPage: 9 } })] },
  ];
  const links = linkContinuations(pages);

  it('matches each jump to its own continuation by headline, not by order', () => {
    expect(links.get('road')?.next).toEqual({ kind: 'article', page: 2, articleId: 'road2' });
    expect(links.get('ind')?.next).toEqual({ kind: 'article', page: 2, articleId: 'ind2' });
    expect(links.get('ind2')?.prev).toEqual({ kind: 'article', page: 1, articleId: 'ind' });
  });
  it('marks a jump to a page not in the archive as missing', () => {
    expect(links.get('gone')?.next).toEqual({ kind: 'missing', page: 5 });
    expect(links.get('orphan')?.prev).toEqual({ kind: 'missing', page: 9 });
  });
  it('follows a story over three pages whichever part you start from', () => {
    expect(storyChain('road3', links)).toEqual(['road', 'road2', 'road3']);
    expect(storyChain('road', links)).toEqual(['road', 'road2', 'road3']);
    expect(storyChain('other', links)).toBeNull();
  });
  it('pairs unlike headlines in print order when nothing else decides', () => {
    const l = linkContinuations([
      { page: 1, articles: [article('a', '甲乙丙丁', { jump: { toPage: 2 } })] },
      { page: 2, articles: [article('b', '子丑寅卯', { continuedFrom: { fromPage: 1 } })] },
    ]);
    expect(l.get('a')?.next).toEqual({ kind: 'article', page: 2, articleId: 'b' });
  });
  it('links to the page when the continuation is not recognised on it', () => {
    const l = linkContinuations([
      { page: 1, articles: [article('a', '甲乙丙丁', { jump: { toPage: 2 } })] },
      { page: 2, articles: [article('b', '子丑寅卯')] },
    ]);
    expect(l.get('a')?.next).toEqual({ kind: 'page', page: 2 });
  });
});
