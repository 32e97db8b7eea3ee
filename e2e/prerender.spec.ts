/**
 * The server build prerenders the newest issues (lib/content/static-params.ts) and the page cache
 * serves them from the build output only while the server's content is the one the build read
 * (lib/server/isr-cache.mjs, which marks such pages `x-dubao-prerendered: 1`). The e2e build reads
 * the seed content/, as the seed server (port 3210) does: its pages come from the build, on their
 * first request too (a page rendered first would be kept without the mark). The fixture server
 * (3211) reads another folder, so it renders everything. The last test changes the seed's version
 * without changing a word (an empty overrides file beside page 1), so other journeys on the seed
 * server are not disturbed, and removes it again.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { watchErrors } from './helpers';
import { FIXTURE_PORT, origin } from './ports';

const FIXTURE = origin(FIXTURE_PORT);
const ISSUE = '2025-07-31';
const SIDECAR = path.join('content', ISSUE, '01.overrides.yaml');
// The content store rescans every 5 s; the server's response cache keeps a page at most 5 s more.
const WITHIN = 20_000;

const prerendered = (r: APIResponse) => r.headers()['x-dubao-prerendered'] === '1';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(() => {
  // Left over from an interrupted run, it would keep the seed server off the build's pages.
  if (existsSync(SIDECAR))
    throw new Error(`${SIDECAR} exists: remove it (it is made and removed by this spec)`);
});

/** An article of the seed issue that the other journeys and the server's warm-up do not open (zh-Hant, not the lead). */
async function quietArticle(request: APIRequestContext): Promise<string> {
  const html = await (await request.get(`/zh/${ISSUE}/1`)).text();
  const ids = [...html.matchAll(new RegExp(`href="/zh/${ISSUE}/1/([\\w-]+)"`, 'g'))].map((m) => m[1]!);
  expect(ids.length, 'articles linked from page 1').toBeGreaterThan(2);
  return `/zh-Hant/${ISSUE}/1/${ids.at(-1)}`;
}

test('the newest issue is served from the build, in every locale, from its first request', async ({
  request,
}) => {
  for (const url of [await quietArticle(request), `/en/${ISSUE}`, `/zh-Hant/${ISSUE}/1`, '/en']) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()['x-nextjs-cache'], url).toBe('HIT');
    expect(prerendered(res), `${url} from the build`).toBe(true);
  }
});

test('client-side navigation between prerendered pages works (their RSC payloads come from the build too)', async ({
  page,
}) => {
  const check = watchErrors(page);
  await page.goto(`/zh-Hant/${ISSUE}/1`);
  const link = page.locator(`main a[href^="/zh-Hant/${ISSUE}/1/"]`).last();
  const href = await link.getAttribute('href');
  const rsc = page.waitForResponse((r) => r.url().includes(href!) && r.request().headers()['rsc'] === '1');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('h1.headline')).toBeVisible();
  expect((await rsc).status()).toBe(200);
  check();
});

test('an issue the build did not prerender renders on its first request', async ({ request }) => {
  // The fixture server's content is not the build's: nothing of it comes from the build.
  const res = await request.get(`${FIXTURE}/zh-Hant/2024-03-14/1`);
  expect(res.status()).toBe(200);
  expect(await res.text(), 'the fixture paper, in Traditional script').toMatch(/<title>望川日報 第01版/);
  expect(prerendered(res)).toBe(false);
});

test('once the content changes the build’s pages are no longer served, and again when it is back', async ({
  request,
}) => {
  const url = `/zh/${ISSUE}/1`;
  expect(prerendered(await request.get(url))).toBe(true);
  writeFileSync(SIDECAR, '# e2e/prerender.spec.ts: changes the content version, not a word\nsubhead: []\n');
  try {
    await expect
      .poll(async () => prerendered(await request.get(url)), { timeout: WITHIN, intervals: [500] })
      .toBe(false);
    // Rendered again from the (unchanged) text.
    const rendered = await request.get(url);
    expect(rendered.status()).toBe(200);
    expect(await rendered.text(), 'the same page').toMatch(/<title>嘉兴日报 第01版/);
  } finally {
    rmSync(SIDECAR, { force: true });
  }
  await expect
    .poll(async () => prerendered(await request.get(url)), { timeout: WITHIN, intervals: [500] })
    .toBe(true);
});
