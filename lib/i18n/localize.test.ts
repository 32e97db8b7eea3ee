import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/lib/ingest/types';

vi.mock('server-only', () => ({}));
const { localizeView, localizeText } = await import('./localize');

const article: Article = {
  id: 'fa-zhan',
  kicker: '乡村振兴',
  headline: '头发与发展',
  kind: 'news',
  bylines: [{ role: '记者', names: ['张发'] }],
  body: [
    { type: 'h', text: '后来' },
    { type: 'p', text: '经济发展。' },
  ],
  jump: { toPage: 2 },
};

describe('localizeView', () => {
  const view = {
    page: { meta: { paper: '平湖日报', date: '2025-07-31', page: 1, pageName: '要闻' } },
    article,
  };

  it('converts printed text for zh-Hant and leaves ids, dates and numbers', () => {
    const out = localizeView(view, 'zh-Hant');
    expect(out.article.headline).toBe('頭髮與發展');
    expect(out.article.kicker).toBe('鄉村振興');
    expect(out.article.bylines).toEqual([{ role: '記者', names: ['張發'] }]);
    expect(out.article.body).toEqual([
      { type: 'h', text: '後來' },
      { type: 'p', text: '經濟發展。' },
    ]);
    expect(out.page.meta).toEqual({ paper: '平湖日報', date: '2025-07-31', page: 1, pageName: '要聞' });
    expect(out.article.id).toBe('fa-zhan');
    expect(out.article.jump).toEqual({ toPage: 2 });
    // The archive's objects are never changed.
    expect(article.headline).toBe('头发与发展');
  });

  it('returns the view as published for zh and en', () => {
    expect(localizeView(view, 'zh')).toBe(view);
    expect(localizeView(view, 'en')).toBe(view);
    expect(localizeView(undefined, 'zh-Hant')).toBeUndefined();
  });

  it('converts a shared article once (same object out)', () => {
    const a = localizeView({ article }, 'zh-Hant').article;
    const b = localizeView({ article }, 'zh-Hant').article;
    expect(a).toBe(b);
  });

  it('localizeText', () => {
    expect(localizeText('农历乙巳年闰六月初七', 'zh-Hant')).toBe('農曆乙巳年閏六月初七');
    expect(localizeText('农历', 'en')).toBe('农历');
  });
});
