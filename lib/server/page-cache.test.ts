import { describe, expect, it } from 'vitest';
import { PageCache, pageKey, type FinishedResponse } from './page-cache';

const page = (body: string, status = 200): FinishedResponse => ({
  status,
  headers: { 'content-type': 'text/html' },
  body: Buffer.from(body),
  etag: `"${body}"`,
});

describe('which requests the response cache may answer', () => {
  const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });
  it('keeps whole-page GETs and HEADs, keyed by URL and preferences', () => {
    expect(pageKey(get('/zh/2025-03-14/1'), 'm.auto')).toBe('m.auto\n/zh/2025-03-14/1');
    expect(pageKey({ ...get('/zh/search?q=地铁'), method: 'HEAD' }, 'xl.dark')).toBe(
      'xl.dark\n/zh/search?q=地铁',
    );
  });
  it('leaves Next.js’s own requests, files, the API and other methods to Next.js', () => {
    expect(pageKey(get('/zh', { rsc: '1' }), 'm.auto')).toBeUndefined();
    expect(pageKey(get('/zh', { 'next-router-prefetch': '1' }), 'm.auto')).toBeUndefined();
    expect(pageKey(get('/_next/static/chunks/a.js'), 'm.auto')).toBeUndefined();
    expect(pageKey(get('/api/search/manifest.json'), 'm.auto')).toBeUndefined();
    expect(pageKey({ ...get('/api/prefs'), method: 'POST' }, 'm.auto')).toBeUndefined();
    expect(pageKey(get('http://evil.example/zh'), 'm.auto')).toBeUndefined();
  });
});

describe('the response cache', () => {
  it('answers until its entry expires or the content changes', () => {
    let now = 0;
    const cache = new PageCache(5_000, 1 << 20, () => now);
    cache.set('a', page('one'), 'v1');
    expect(cache.get('a', 'v1')?.body.toString()).toBe('one');
    expect(cache.get('a', 'v2')).toBeUndefined();
    cache.set('a', page('two'), 'v2');
    now = 4_999;
    expect(cache.get('a', 'v2')?.body.toString()).toBe('two');
    now = 5_000;
    expect(cache.get('a', 'v2')).toBeUndefined();
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('keeps 200 and 404 answers only, and nothing before the content is known', () => {
    const cache = new PageCache(5_000, 1 << 20);
    cache.set('ok', page('x'), 'v');
    cache.set('missing', page('x', 404), 'v');
    cache.set('error', page('x', 500), 'v');
    cache.set('redirect', page('x', 307), 'v');
    cache.set('unknown', page('x'), '');
    expect(cache.stats().entries).toBe(2);
    expect(cache.get('error', 'v')).toBeUndefined();
  });

  it('stays within its memory bound, least recently used out first', () => {
    const cache = new PageCache(60_000, 5_000);
    const body = 'x'.repeat(1_000);
    for (const key of ['a', 'b', 'c']) cache.set(key, page(body), 'v');
    cache.get('a', 'v');
    cache.set('d', page(body), 'v');
    expect(cache.stats().bytes).toBeLessThanOrEqual(5_000);
    expect(cache.get('a', 'v')).toBeDefined();
    expect(cache.get('b', 'v')).toBeUndefined();
    expect(cache.get('d', 'v')).toBeDefined();
  });
});
