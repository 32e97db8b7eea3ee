import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getRouteCacheKey } from 'next/dist/server/lib/route-cache-key';
import type { RouteKind } from 'next/dist/server/route-kind';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { BUILD_RECORD as WRITTEN_AS, siteUrlSetting } from './build-record';
import ContentCache, { BUILD_RECORD, PRERENDERED_HEADER, publishContentVersion } from './isr-cache.mjs';

const setVersion = (v: string) => publishContentVersion(v);
const page = (html: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from('rsc'),
  headers: {},
  status: 200,
});

afterEach(() => {
  ContentCache.clear();
  setVersion('');
  vi.unstubAllEnvs();
});

describe('the page cache', () => {
  it('serves a page until the content it was rendered from changes', async () => {
    const cache = new ContentCache();
    setVersion('v1');
    await cache.set('/zh/2025-07-31/1', page('<p>one</p>'));
    expect((await cache.get('/zh/2025-07-31/1'))?.value.html).toBe('<p>one</p>');
    setVersion('v2');
    expect(await cache.get('/zh/2025-07-31/1')).toBeNull();
    // The stale entry is gone, not kept beside the new one.
    expect(ContentCache.stats().entries).toBe(0);
  });

  it('keeps nothing before the content has been read (its version is unknown)', async () => {
    const cache = new ContentCache();
    await cache.set('/zh', page('x'));
    expect(ContentCache.stats().entries).toBe(0);
  });

  it('stays within its memory bound, dropping the least recently used first', async () => {
    setVersion('v1');
    const cache = new ContentCache({ maxBytes: 10_000 });
    const html = 'x'.repeat(1_000); // about 2 KB each
    for (const key of ['a', 'b', 'c', 'd']) await cache.set(key, page(html));
    await cache.get('a'); // a is now the most recently used
    await cache.set('e', page(html));
    await cache.set('f', page(html));
    expect(ContentCache.stats().bytes).toBeLessThanOrEqual(10_000);
    expect(await cache.get('a')).not.toBeNull();
    expect(await cache.get('b')).toBeNull();
    expect(await cache.get('f')).not.toBeNull();
  });

  it('drops entries by tag', async () => {
    setVersion('v1');
    const cache = new ContentCache();
    await cache.set('a', page('a'), { tags: ['t1'] });
    await cache.set('b', page('b'), { tags: ['t2'] });
    await cache.revalidateTag('t1');
    expect(await cache.get('a')).toBeNull();
    expect(await cache.get('b')).not.toBeNull();
  });
});

/**
 * A build folder as `next build` leaves one prerendered page (its .meta names the scoped key it
 * belongs to, as Next.js 16.4 writes it) and the record of the content it was made from.
 */
function fakeBuild(record: object | null) {
  const dist = mkdtempSync(path.join(tmpdir(), 'dubao-build-'));
  const page = path.join(dist, 'server', 'app', 'zh', '2025-07-31', '1');
  mkdirSync(path.dirname(page), { recursive: true });
  const key = getRouteCacheKey('/zh/2025-07-31/1', {
    kind: 'APP_PAGE' as RouteKind.APP_PAGE,
    sourceRoute: '/[locale]/[date]/[page]/page',
  });
  writeFileSync(`${page}.html`, '<p>built</p>');
  writeFileSync(`${page}.rsc`, 'rsc');
  writeFileSync(
    `${page}.meta`,
    JSON.stringify({
      headers: { 'x-nextjs-prerender': '1' },
      routeCache: {
        key,
        owner: { kind: 'APP_PAGE', sourceRoute: '/[locale]/[date]/[page]/page' },
        isFallback: false,
      },
    }),
  );
  if (record) writeFileSync(path.join(dist, BUILD_RECORD), JSON.stringify(record));
  return { dist, serverDistDir: path.join(dist, 'server'), key };
}

describe('pages prerendered by the build', () => {
  const dirs: string[] = [];
  const build = (record: object | null = { contentVersion: 'v1', siteUrl: '' }) => {
    const b = fakeBuild(record);
    dirs.push(b.dist);
    return b;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const ctx = { kind: 'APP_PAGE', isFallback: false };

  it('are served from the build output while the content is the one it was made from', async () => {
    const { serverDistDir, key } = build();
    setVersion('v1');
    const hit = await new ContentCache({ serverDistDir }).get(key, ctx);
    expect(hit?.value.html).toBe('<p>built</p>');
    expect(hit?.value.headers[PRERENDERED_HEADER]).toBe('1');
    // Kept in memory from then on; nothing written into the build.
    expect(ContentCache.stats().entries).toBe(1);
    expect(existsSync(path.join(serverDistDir, 'route-cache'))).toBe(false);
    expect(readdirSync(path.join(serverDistDir, 'app', 'zh', '2025-07-31')).sort()).toEqual([
      '1.html',
      '1.meta',
      '1.rsc',
    ]);
  });

  it('are never served once the content changed, or to a server of another content folder', async () => {
    const { serverDistDir, key } = build();
    setVersion('v1');
    expect(await new ContentCache({ serverDistDir }).get(key, ctx)).not.toBeNull();
    setVersion('v2');
    expect(await new ContentCache({ serverDistDir }).get(key, ctx)).toBeNull();
    expect(ContentCache.stats().entries).toBe(0);
  });

  it('are not served under another SITE_URL (their canonical links would name the wrong site)', async () => {
    const { serverDistDir, key } = build({ contentVersion: 'v1', siteUrl: 'https://paper.example' });
    setVersion('v1');
    vi.stubEnv('SITE_URL', 'https://other.example');
    expect(await new ContentCache({ serverDistDir }).get(key, ctx)).toBeNull();
    ContentCache.clear();
    vi.stubEnv('SITE_URL', ' https://paper.example ');
    expect(await new ContentCache({ serverDistDir }).get(key, ctx)).not.toBeNull();
  });

  it('are not read without a build record, before the content is read, while building, or for another kind', async () => {
    const unrecorded = build(null);
    setVersion('v1');
    expect(
      await new ContentCache({ serverDistDir: unrecorded.serverDistDir }).get(unrecorded.key, ctx),
    ).toBeNull();

    const { serverDistDir, key } = build();
    setVersion('');
    expect(await new ContentCache({ serverDistDir }).get(key, ctx)).toBeNull();
    setVersion('v1');
    expect(await new ContentCache({ serverDistDir }).get(key, { kind: 'FETCH' })).toBeNull();
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    expect(await new ContentCache({ serverDistDir }).get(key, ctx)).toBeNull();
  });

  it('are looked up by the key Next.js asks for: another page of the route is a miss', async () => {
    const { serverDistDir, key } = build();
    setVersion('v1');
    expect(await new ContentCache({ serverDistDir }).get(key.replace('/1', '/2'), ctx)).toBeNull();
  });

  it('use the record file and SITE_URL reading that the build writes', () => {
    expect(WRITTEN_AS).toBe(BUILD_RECORD);
    expect(siteUrlSetting({ SITE_URL: ' https://paper.example ' })).toBe('https://paper.example');
  });
});
