import { describe, expect, it } from 'vitest';
import { citation, citationAuthors } from './citation';

const base = {
  paper: '平湖日报',
  date: '2025-07-31',
  page: 1,
  headline: '当湖街道推进老旧小区改造',
  url: 'https://dubao.example/zh/2025-07-31/1/abc',
  authors: ['徐玉霞', '夏晓蕾'],
};

describe('citation', () => {
  it('follows GB/T 7714 for a newspaper read online in Chinese locales', () => {
    expect(citation({ ...base, locale: 'zh' })).toBe(
      '徐玉霞, 夏晓蕾. 当湖街道推进老旧小区改造[N/OL]. 平湖日报, 2025-07-31(1). https://dubao.example/zh/2025-07-31/1/abc.',
    );
  });

  it('leaves out the author part when nobody is named', () => {
    expect(citation({ ...base, locale: 'zh-Hant', authors: [] })).toBe(
      '当湖街道推进老旧小区改造[N/OL]. 平湖日报, 2025-07-31(1). https://dubao.example/zh/2025-07-31/1/abc.',
    );
  });

  it('reads like MLA in English, with the date in words and the page', () => {
    expect(citation({ ...base, locale: 'en', authors: ['徐玉霞'] })).toBe(
      '徐玉霞. “当湖街道推进老旧小区改造.” 平湖日报, 31 July 2025, p. 1. https://dubao.example/zh/2025-07-31/1/abc',
    );
  });

  it('cites writers, not photographers or editors, each once', () => {
    expect(
      citationAuthors([
        { role: '记者', names: ['徐玉霞'] },
        { role: '通讯员', names: ['夏晓蕾', '徐玉霞'] },
        { role: '摄影', names: ['王强'] },
        { role: '', names: ['黄雨欣'] },
      ]),
    ).toEqual(['徐玉霞', '夏晓蕾', '黄雨欣']);
  });
});
