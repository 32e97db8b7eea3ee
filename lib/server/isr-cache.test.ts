import { afterEach, describe, expect, it } from 'vitest';
import ContentCache, { publishContentVersion } from './isr-cache.mjs';

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
