/**
 * Pages are rendered once and then served from caches (Next.js's page cache and the server's
 * short-lived response cache), so this proves that a newsroom's change to the content folder still
 * reaches readers, within the store's rescan interval: an edited page, a new issue, a withdrawn one.
 * Its server (port 3213, started by playwright.config.ts) reads a scratch copy of the fixture
 * archive in .cache/live-archive, which this spec edits; no other spec uses it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const LIVE_DIR = path.join('.cache', 'live-archive');
const page2 = path.join(LIVE_DIR, '2025-03-14', '02.md');
// The content store rescans every 5 s; the response cache keeps a page at most 5 s more.
const WITHIN = 20_000;

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test('an edited page shows its new text on a later request', async ({ request }) => {
  const url = '/zh/2025-03-14/2';
  const before = await (await request.get(url)).text();
  expect(before).toContain('社区食堂开进家门口');
  // Served from the caches now: the same bytes again.
  expect((await request.get(url)).headers()['etag']).toBe((await request.get(url)).headers()['etag']);

  const original = readFileSync(page2, 'utf8');
  writeFileSync(page2, original.replace('### 社区食堂开进家门口', '### 社区食堂开到了家门口'));
  try {
    await expect
      .poll(async () => (await request.get(url)).text(), { timeout: WITHIN, intervals: [500] })
      .toContain('社区食堂开到了家门口');
  } finally {
    writeFileSync(page2, original);
  }
  await expect
    .poll(async () => (await request.get(url)).text(), { timeout: WITHIN, intervals: [500] })
    .toContain('社区食堂开进家门口');
});

test('a new issue appears, and a withdrawn one goes back to 404', async ({ request }) => {
  const folder = path.join(LIVE_DIR, '2025-03-15');
  const url = '/zh/2025-03-15/1';
  expect((await request.get(url)).status()).toBe(404);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, '01.md'),
    readFileSync(path.join(LIVE_DIR, '2025-03-14', '01.md'), 'utf8').replace(
      'date: 2025-03-14',
      'date: 2025-03-15',
    ),
  );
  try {
    await expect
      .poll(async () => (await request.get(url)).status(), { timeout: WITHIN, intervals: [500] })
      .toBe(200);
    // The front page follows: the newest issue is the new one.
    await expect
      .poll(async () => (await request.get('/zh')).text(), { timeout: WITHIN, intervals: [500] })
      .toContain('/zh/2025-03-15/1');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await expect
    .poll(async () => (await request.get(url)).status(), { timeout: WITHIN, intervals: [500] })
    .toBe(404);
});
