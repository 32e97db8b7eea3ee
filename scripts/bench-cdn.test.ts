import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIZE_COOKIE, THEME_COOKIE, toSize, toTheme } from '@/components/layout/prefs';
import { createRng } from '@/lib/gen/rng';
import {
  cacheability,
  lastFetched,
  machineCpuSeconds,
  classify,
  makeReaders,
  planMorning,
  prefCookieChoices,
  renderConfig,
  searchWords,
  tallyAccessLog,
} from './bench-cdn';

const template = readFileSync(path.join(__dirname, 'bench-cdn', 'nginx.conf.template'), 'utf8');

/** A tiny archive: what planMorning reads of one. */
function archive(issues: number) {
  return {
    issues: Array.from({ length: issues }, (_, i) => ({
      date: `2025-12-${String(i + 1).padStart(2, '0')}`,
      pages: [1, 2, 3].map((page) => ({
        meta: { page },
        articles: [0, 1, 2].map((a) => ({ id: `a${page}${a}`, headline: `第${i}期新闻标题发展${page}${a}` })),
      })),
    })),
  } as unknown as Parameters<typeof planMorning>[0];
}

describe('bench:cdn', () => {
  it('fills every placeholder of the nginx template, and never keys on cookies or overrides the origin', () => {
    const conf = renderConfig(template, {
      dir: '/tmp/x',
      port: 1,
      counterPort: 2,
      originPort: 3,
      workers: 1,
      user: '',
      tempPaths: '    proxy_temp_path /tmp/x/tmp/proxy;',
    });
    expect(conf).not.toMatch(/\{\{\w+\}\}/);
    expect(conf).toContain('listen 127.0.0.1:1;');
    expect(conf).toContain('server 127.0.0.1:3;');
    for (const d of [
      'proxy_cache_lock on;',
      'proxy_cache_revalidate on;',
      'proxy_cache_background_update on;',
      'proxy_cache_use_stale updating;',
      'add_header X-Cache-Status $upstream_cache_status always;',
    ])
      expect(conf).toContain(d);
    const directives = conf.replace(/#.*$/gm, '');
    expect(directives).toMatch(/proxy_cache_key \$scheme:\/\/\$http_host\$request_uri;/);
    expect(directives).not.toMatch(/cookie/i);
    expect(directives).not.toMatch(/proxy_ignore_headers|proxy_cache_valid|listen (?!127\.0\.0\.1)/);
    expect(() =>
      renderConfig('{{NOPE}}', {
        dir: '',
        port: 1,
        counterPort: 2,
        originPort: 3,
        workers: 1,
        user: '',
        tempPaths: '',
      }),
    ).toThrow(/NOPE/);
  });

  it('gives half the readers preference cookies the server understands', () => {
    const readers = makeReaders(createRng(1), 100);
    expect(readers.filter((r) => r.cookies)).toHaveLength(50);
    for (const r of readers) {
      expect(r.headers['accept-language']).toMatch(/^zh-CN/);
      expect(r.headers['accept-encoding']).toMatch(/gzip.*br/);
      expect(Boolean(r.headers.cookie)).toBe(r.cookies);
    }
    const choices = prefCookieChoices();
    expect(choices).toHaveLength(5 * 4 - 1); // size or none × theme or none, not neither
    for (const cookie of choices)
      for (const part of cookie.split('; ')) {
        const [name, value] = part.split('=');
        if (name === SIZE_COOKIE) expect(toSize(value)).toBe(value);
        else if (name === THEME_COOKIE) expect(toTheme(value)).toBe(value);
        else throw new Error(`unknown cookie ${part}`);
      }
  });

  it('plans a morning of ~80% newest issue, ~5% search, ~15% older, the same for the same seed', () => {
    const a = archive(10);
    const m = planMorning(a, 1, 20_000);
    const share = (k: string) => m.requests.filter((r) => r.kind === k).length / m.requests.length;
    expect(share('newest')).toBeCloseTo(0.8, 1);
    expect(share('search')).toBeCloseTo(0.05, 1);
    expect(share('older')).toBeCloseTo(0.15, 1);
    for (const r of m.requests) expect(classify(r.path, m.newest.date)).toBe(r.kind);
    expect(m.requests.some((r) => r.path === '/zh')).toBe(true);
    expect(m.requests.some((r) => r.path.startsWith('/zh/search?q=%E'))).toBe(true);
    expect(planMorning(a, 1, 100).requests).toEqual(m.requests.slice(0, 100));
    expect(planMorning(a, 2, 100).requests).not.toEqual(m.requests.slice(0, 100));
  });

  it('searches for Han words of the headlines', () => {
    const words = searchWords(['新闻发展 2025', '共同富裕在行动'], createRng(3), 10);
    expect(words.length).toBeGreaterThan(3);
    for (const w of words) expect(w).toMatch(/^\p{Script=Han}{2,3}$/u);
  });

  it('counts the cache log: hits are HIT, STALE and UPDATING', () => {
    const log = [
      '1764870000.001 HIT 200 100 0.000 "/zh"',
      '1764870000.002 MISS 200 100 0.010 "/zh/2025-12-10/1"',
      '1764870000.003 UPDATING 200 100 0.000 "/zh/2025-12-10/1/a10"',
      '1764870000.004 EXPIRED 200 100 0.010 "/zh/search?q=x"',
      '1764870000.005 - 200 100 0.010 "/zh/2025-12-01/1"',
      '1764870000.006 MISS 499 0 2.000 "/zh/2025-12-02/1"',
      'garbage',
      '',
    ].join('\n');
    const t = tallyAccessLog(log, '2025-12-10');
    expect(t.lines).toBe(5);
    expect(t.cut).toBe(1);
    expect(t.hits).toBe(2);
    expect(t.statuses).toEqual({ HIT: 1, MISS: 1, UPDATING: 1, EXPIRED: 1, '-': 1 });
    expect(t.byClass.newest).toEqual({ lines: 3, hits: 2 });
    expect(t.byClass.search).toEqual({ lines: 1, hits: 0 });
    expect(t.byClass.older).toEqual({ lines: 1, hits: 0 });
  });

  it('says what a shared cache may do with a response', () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(
      cacheability(h({ 'cache-control': 'private, no-cache', vary: 'Cookie, Accept-Encoding' })),
    ).toMatch(/not stored.*private/);
    expect(
      cacheability(
        h({ 'cache-control': 'public, s-maxage=60, stale-while-revalidate=600', vary: 'Accept-Encoding' }),
      ),
    ).toBe('fresh for 60 s; then served stale for up to 600 s while refreshed');
    expect(cacheability(h({ 'cache-control': 'public, max-age=0, s-maxage=30', vary: 'Cookie' }))).toMatch(
      /fresh for 30 s; one copy per Cookie header/,
    );
    expect(cacheability(h({}))).toMatch(/no freshness lifetime/);
    expect(cacheability(h({ 'cache-control': 'public, no-cache' }))).toMatch(/not stored.*no-cache/);
  });

  it('finds when the origin last served a URL, and the machine CPU from /proc/stat', () => {
    const log = [
      '100.5 200 9 0.01 "/zh/x" "gzip, deflate, br, zstd"',
      '101.25 200 9 0.01 "/zh/x/1" "gzip, deflate, br"',
      '102.75 200 9 0.01 "/zh/x" "gzip, deflate, br"',
    ].join('\n');
    expect(lastFetched(log, '/zh/x')).toBe(102.75);
    expect(lastFetched(log, '/zh/x', 'gzip, deflate, br, zstd')).toBe(100.5);
    expect(lastFetched(log, '/zh/y')).toBeUndefined();
    // user nice system idle iowait irq softirq steal: busy = all but idle and iowait.
    expect(machineCpuSeconds('cpu  100 0 50 1000 30 5 5 0 0 0\ncpu0 1 2 3\n')).toBeCloseTo(160 / 100, 5);
  });
});
