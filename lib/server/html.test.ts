import { describe, expect, it } from 'vitest';
import { cacheControlFor, finishPage, sharedMaxAge } from './html';

const page = '<!DOCTYPE html><html lang="zh-Hans"><head><script>self.__next_f.push([1,"a"])</script></head><body><p>正文</p></body></html>';

describe('finishing a page', () => {
  it('leaves the HTML as rendered: the same bytes for every reader', () => {
    expect(finishPage(page).html).toBe(page);
  });

  it('computes the policy from the page’s own scripts, for a header', () => {
    const { policy } = finishPage(page);
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe('how long caches keep a page', () => {
  it('reader pages and their 404s: public for shared caches, revalidated by browsers', () => {
    expect(cacheControlFor('/zh/2025-03-14/1', 200, 60)).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
    expect(cacheControlFor('/zh/2099-01-01', 404, 30)).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=300');
  });

  it('the desk and errors: never stored', () => {
    expect(cacheControlFor('/desk', 200)).toBe('no-store');
    expect(cacheControlFor('/desk/2025-03-14/1', 200)).toBe('no-store');
    expect(cacheControlFor('/zh', 500)).toBe('no-store');
  });

  it('DUBAO_S_MAXAGE sets the shared lifetime; nonsense falls back to 60 s', () => {
    expect(sharedMaxAge({ DUBAO_S_MAXAGE: '300' })).toBe(300);
    expect(sharedMaxAge({ DUBAO_S_MAXAGE: 'soon' })).toBe(60);
    expect(sharedMaxAge({})).toBe(60);
  });
});
