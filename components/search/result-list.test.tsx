import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '@/lib/search/types';
import { ResultList } from './result-list';

const labels = {
  where: '{date} 第{page}版',
  pages: '结果分页',
  prev: '上一页',
  next: '下一页',
  pageOf: '第 {page} / {pages} 页',
  page: '第 {page} 页',
};
const hit = (i: number) => ({
  id: `a${i}`,
  date: '2025-03-14',
  page: 1,
  headline: [{ text: `h${i}` }],
  snippet: [],
});
const result = (total: number, exact: boolean, hits = 2): SearchResult => ({
  hits: Array.from({ length: hits }, (_, i) => hit(i)),
  total,
  exact,
  terms: ['地铁'],
});
const render = (r: SearchResult, page = 1) =>
  renderToStaticMarkup(
    <ResultList locale="zh" q="地铁" from="" to="" page={page} perPage={2} result={r} labels={labels} />,
  );

describe('the results pager', () => {
  it('counts pages from an exact total', () => {
    const html = render(result(5, true));
    expect(html).toContain('第 1 / 3 页');
    expect(html).toContain('href="/zh/search?q=%E5%9C%B0%E9%93%81&amp;p=2"');
    expect(render(result(5, true), 3)).not.toContain('下一页');
  });

  it('leaves the next page open when the total is only a lower bound', () => {
    // The browser checked only some candidates: 2 found so far, maybe more.
    const html = render(result(2, false));
    expect(html).toContain('第 1 页');
    expect(html).not.toContain(' / ');
    expect(html).toContain('下一页');
    // A page that found nothing more ends the walk.
    expect(render(result(2, false, 0), 2)).not.toContain('下一页');
  });

  it('fills the templates of each hit', () => {
    expect(render(result(2, true))).toContain('2025-03-14 第1版');
  });

  it('shows no pager for one exact page', () => {
    expect(render(result(2, true))).not.toContain('结果分页');
  });
});
