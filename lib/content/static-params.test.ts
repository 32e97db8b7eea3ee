import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { articleParams, cardParams, issueParams, monthParams, pageParams, prerenderIssueCount, staticSubset } =
  await import('./static-params');

// Four issues: 2024-03-14, 2025-02-27, 2025-03-13, 2025-03-14.
const FIXTURES = path.resolve(__dirname, '../../e2e/fixtures/archive');

afterEach(() => vi.unstubAllEnvs());

describe('what a build prerenders', () => {
  it('the server build: the newest two issues, each page and article of them', () => {
    vi.stubEnv('CONTENT_DIR', FIXTURES);
    vi.stubEnv('DUBAO_STATIC', '');
    expect(issueParams()).toEqual([{ date: '2025-03-13' }, { date: '2025-03-14' }]);
    const dates = new Set([...pageParams(), ...articleParams()].map((p) => p.date));
    expect([...dates].sort()).toEqual(['2025-03-13', '2025-03-14']);
    expect(pageParams().filter((p) => p.date === '2025-03-14').map((p) => p.page)).toEqual(['1', '2', '3']);
    expect(articleParams().length).toBeGreaterThan(3);
  });

  it('as many issues as DUBAO_PRERENDER_ISSUES says, none for 0, and every one in the static export', () => {
    vi.stubEnv('CONTENT_DIR', FIXTURES);
    vi.stubEnv('DUBAO_STATIC', '');
    vi.stubEnv('DUBAO_PRERENDER_ISSUES', '3');
    expect(issueParams().map((p) => p.date)).toEqual(['2025-02-27', '2025-03-13', '2025-03-14']);
    vi.stubEnv('DUBAO_PRERENDER_ISSUES', '0');
    expect([...issueParams(), ...pageParams(), ...articleParams()]).toEqual([]);
    vi.stubEnv('DUBAO_STATIC', '1');
    expect(issueParams()).toHaveLength(4);
  });

  it('refuses a count that is not a whole number, naming the setting', () => {
    expect(prerenderIssueCount({})).toBe(2);
    expect(prerenderIssueCount({ DUBAO_PRERENDER_ISSUES: ' 5 ' })).toBe(5);
    for (const bad of ['-1', '2.5', 'all', '1e3']) {
      expect(() => prerenderIssueCount({ DUBAO_PRERENDER_ISSUES: bad })).toThrow(/^DUBAO_PRERENDER_ISSUES=/);
    }
  });
});

describe('an incremental static export writes the subset the environment names', () => {
  const subset = (only: string, nav = '', months = '') => {
    vi.stubEnv('CONTENT_DIR', FIXTURES);
    vi.stubEnv('DUBAO_STATIC', '1');
    vi.stubEnv('DUBAO_STATIC_ONLY', only);
    vi.stubEnv('DUBAO_STATIC_NAV', nav);
    vi.stubEnv('DUBAO_STATIC_MONTHS', months);
  };

  it('issues written whole, issues whose printed pages only are written, months', () => {
    subset('2025-03-14', '2025-03-13', '2025-03');
    expect(issueParams().map((p) => p.date)).toEqual(['2025-03-13', '2025-03-14']);
    expect(new Set(pageParams().map((p) => p.date))).toEqual(new Set(['2025-03-13', '2025-03-14']));
    expect(new Set(articleParams().map((p) => p.date))).toEqual(new Set(['2025-03-14']));
    expect(new Set(cardParams().map((p) => p.date))).toEqual(new Set(['2025-03-14']));
    expect(monthParams()).toEqual([{ month: '2025-03' }]);
  });

  it('a route the subset leaves empty gets one stand-in (Next.js refuses an export route without params)', () => {
    subset('', '', '');
    expect(issueParams()).toEqual([{ date: '2025-03-14' }]);
    expect(pageParams()).toHaveLength(1);
    expect(articleParams()).toHaveLength(1);
    expect(monthParams()).toHaveLength(1);
  });

  it('only in the static export, and only when DUBAO_STATIC_ONLY is set', () => {
    expect(staticSubset({ DUBAO_STATIC: '1' })).toBeUndefined();
    expect(staticSubset({ DUBAO_STATIC_ONLY: '2025-03-14' })).toBeUndefined();
    expect(staticSubset({ DUBAO_STATIC: '1', DUBAO_STATIC_ONLY: ' 2025-03-14, ' })?.only).toEqual(
      new Set(['2025-03-14']),
    );
  });

  it('one card per story: a continued part has none of its own (its pages point at the first part’s)', () => {
    vi.stubEnv('CONTENT_DIR', FIXTURES);
    vi.stubEnv('DUBAO_STATIC', '1');
    const cards = cardParams().filter((c) => c.date === '2025-03-14');
    const articles = articleParams().filter((a) => a.date === '2025-03-14');
    expect(cards.length).toBeLessThan(articles.length);
    expect(cards.every((c) => /^[A-Za-z0-9_-]+\.png$/.test(c.card))).toBe(true);
  });
});
