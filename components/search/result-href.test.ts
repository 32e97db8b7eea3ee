import { describe, expect, it } from 'vitest';
import { resultHref } from './result-href';

const base = { date: '2025-03-14', page: 1, id: 'abc123' };
const fragment = (href: string) => decodeURIComponent(href.split('#:~:text=')[1] ?? '');

describe('the link from a result', () => {
  it('carries the terms and a text fragment at the first match, the headline’s before the snippet’s', () => {
    const href = resultHref(
      'zh',
      {
        ...base,
        headline: [{ text: '地铁', mark: true }, { text: '三号线全线贯通' }],
        snippet: [{ text: '…乘坐' }, { text: '地铁', mark: true }],
      },
      ['地铁'],
    );
    expect(href).toMatch(/^\/zh\/2025-03-14\/1\/abc123\?hl=%E5%9C%B0%E9%93%81#:~:text=/);
    expect(fragment(href)).toBe('地铁');
  });

  it('widens a match inside a word to the whole word (browsers match fragments on word boundaries)', () => {
    // 展经 starts inside 发展 and ends inside 经济.
    const href = resultHref(
      'zh',
      { ...base, snippet: [{ text: '平湖市发' }, { text: '展经', mark: true }, { text: '济，' }] },
      ['展经'],
    );
    expect(fragment(href)).toBe('发展经济');
  });

  it('escapes the directive’s separators and leaves the fragment out when nothing is marked', () => {
    const href = resultHref('en', { ...base, snippet: [{ text: 'A-B, C', mark: true }] }, ['a-b']);
    expect(href.split('#:~:')[1]).toBe('text=A%2DB%2C%20C');
    expect(resultHref('zh', { ...base, headline: [{ text: '地铁' }] }, [])).toBe('/zh/2025-03-14/1/abc123');
  });
});
