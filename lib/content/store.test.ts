import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentVersion } from '@/lib/server/isr-cache.mjs';
import { archive, settled } from './store';

vi.mock('server-only', () => ({}));

const page = (headline: string) =>
  `---\npaper: 测试报\ndate: 2025-05-01\npage: 1\npageName: 要闻\n---\n\n### ${headline}\n\n正文第一段。\n`;

describe('the content store', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('answers from what it has while it rescans in the background, then serves the change', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const dir = mkdtempSync(path.join(tmpdir(), 'dubao-store-'));
    mkdirSync(path.join(dir, '2025-05-01'));
    const file = path.join(dir, '2025-05-01', '01.md');
    writeFileSync(file, page('第一版标题'));
    vi.stubEnv('CONTENT_DIR', dir);
    vi.stubEnv('DUBAO_CACHE', '0');
    const headline = () => archive().issues[0]!.pages[0]!.articles[0]!.headline;

    expect(headline()).toBe('第一版标题');
    const version = contentVersion();
    writeFileSync(file, page('改过的标题，长度也不同'));
    // Within the rescan interval nothing is looked at.
    vi.advanceTimersByTime(1_000);
    expect(headline()).toBe('第一版标题');
    // After it, the request that notices starts a rescan and is answered from the archive it had.
    vi.advanceTimersByTime(5_000);
    expect(headline()).toBe('第一版标题');
    await settled();
    expect(headline()).toBe('改过的标题，长度也不同');
    expect(contentVersion()).not.toBe(version);
  });
});

describe('the first page of an issue', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the lowest page the archive has, not page 1 when page 1 is missing', async () => {
    const { firstPageOf } = await import('./index');
    const dir = mkdtempSync(path.join(tmpdir(), 'dubao-first-'));
    mkdirSync(path.join(dir, '2025-05-01'));
    // Page 1 did not come in: the issue starts at page 3.
    writeFileSync(path.join(dir, '2025-05-01', '03.md'), page('第三版标题').replace('page: 1', 'page: 3'));
    writeFileSync(path.join(dir, '2025-05-01', '04.md'), page('第四版标题').replace('page: 1', 'page: 4'));
    vi.stubEnv('CONTENT_DIR', dir);
    vi.stubEnv('DUBAO_CACHE', '0');
    expect(firstPageOf('2025-05-01')).toBe(3);
    expect(firstPageOf('2025-05-02')).toBe(1);
  });
});
