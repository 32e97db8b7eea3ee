import { describe, expect, it } from 'vitest';
import { resultHref, textFragment } from './result-href';

const hit = {
  date: '2025-03-14',
  page: 1,
  id: 'abc123',
  headline: [{ text: '地铁', mark: true as const }, { text: '三号线全线贯通' }],
  snippet: [
    { text: '…乘坐' },
    { text: '地铁', mark: true as const },
    { text: '和 A-B, C&D 线' },
    { text: 'A-B', mark: true as const },
  ],
};

describe('the link from a result', () => {
  it('carries the terms and a text fragment of the words as the result shows them', () => {
    expect(resultHref('zh', hit, ['地铁', 'a-b'])).toBe(
      '/zh/2025-03-14/1/abc123?hl=%E5%9C%B0%E9%93%81&hl=a-b#:~:text=%E5%9C%B0%E9%93%81&text=A%2DB',
    );
  });

  it('escapes the directive’s separators and leaves the fragment out when nothing is marked', () => {
    expect(textFragment({ snippet: [{ text: 'x,y&z', mark: true }] })).toBe('#:~:text=x%2Cy%26z');
    expect(textFragment({ headline: [{ text: '地铁' }] })).toBe('');
    expect(resultHref('en', { date: '2025-03-14', page: 2, id: 'z' }, [])).toBe('/en/2025-03-14/2/z');
  });
});
