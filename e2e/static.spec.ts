/**
 * The static export (npm run build:static) served by a plain static file server: what differs from
 * the server build. The reading and search journeys themselves run on it too (project "static").
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectStatus, watchErrors } from './helpers';

test('/ is a static page that sends the reader to /zh', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL('/zh');
  await expect(page.locator('.masthead')).toBeVisible();
});

test('every page carries a hash-based CSP that runs its own scripts and nothing else', async ({ page }) => {
  const noErrors = watchErrors(page);
  await page.goto('/zh/2025-03-14/1');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  // The page is live (its scripts ran under the policy): the reading controls respond at once.
  await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '大', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-size', 'l');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-size', 'l');
  noErrors();
  // A script that is not in the policy does not run.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
  });
  expect(await page.evaluate(() => '__injected' in window)).toBe(false);
});

test('the results page searches in the browser from a shared ?q= URL', async ({ page }) => {
  await page.goto('/zh/search?q=地铁&from=2025-03-14&to=2025-03-14');
  await expect(page.getByRole('status')).toHaveText('共 2 篇');
  await expect(page.getByLabel('起始日期')).toHaveValue('2025-03-14');
  const first = page.locator('.search-results li').first();
  await expect(first.locator('mark').first()).toHaveText('地铁');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/zh\/2025-03-14\/\d+\/[A-Za-z0-9_-]+\?hl=/);
  await expect(page.locator('article mark[data-hl]').first()).toHaveText('地铁');
  await page.goto('/zh/search?q=地铁&to=2025-03-13');
  await expect(page.getByRole('status')).toHaveText('没有找到含“地铁”的文章。');
});

test('unknown paths answer the 404 page with status 404; feeds, sitemaps and robots.txt are files', async ({
  page,
  request,
}) => {
  await expectStatus(page, '/zh/2025-03-15', 404);
  await expect(page.getByRole('heading', { name: '找不到这一页' })).toBeVisible();
  // The global 404 (404.html) has its own few rules (app/not-found.css), not the site's stylesheet.
  const looks = await page.evaluate(() => ({
    paper: getComputedStyle(document.documentElement).backgroundColor,
    weight: getComputedStyle(document.querySelector('h1')!).fontWeight,
  }));
  expect(looks).toEqual({ paper: 'rgb(248, 244, 234)', weight: '900' });
  for (const path of ['/zh/feed.xml', '/sitemap.xml', '/search/manifest.json']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  // Browsers ask for /favicon.ico whatever the page links: it is there, not a 404 in every log.
  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  // A file host cannot redirect: /feed.xml is the default locale's feed itself.
  const feed = await request.get('/feed.xml');
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toBe(await (await request.get('/zh/feed.xml')).text());
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^Disallow: \/api\/$/m);
  expect(robots).toMatch(/^Sitemap: .+\/sitemap\.xml$/m);
});

test('nothing of the repair desk is in the export', async ({ request }) => {
  // The desk's pages are *.desk.tsx (server build only) and its routes plain .ts (left out here).
  for (const path of ['/desk', '/desk/2025-03-14/1', '/desk/signin']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect(readdirSync('out').filter((name) => name.startsWith('desk'))).toEqual([]);
});
