import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { articleParams, issueParams, pageParams, prerenderIssueCount } = await import('./static-params');

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
