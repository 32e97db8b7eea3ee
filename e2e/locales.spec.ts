/**
 * Three reading locales: 简体 (zh), 繁體 (zh-Hant: interface and article text converted) and English
 * (interface only; the articles stay as published). Search across scripts; feeds and sitemaps.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadArchive } from '../lib/content/load';
import { watchErrors } from './helpers';
import { SEED_PORT, origin } from './ports';

const PATH = '/2025-03-14/1/c2j0kpo3';
const SEED = origin(SEED_PORT);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

test('the locale switch keeps the reader on the article, in the right script and language', async ({
  page,
}) => {
  const noErrors = watchErrors(page);
  await page.goto(`/zh${PATH}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('h1.headline')).toHaveText('望川地铁三号线全线贯通');

  await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh-Hant${PATH}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.locator('article.article-view')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.locator('h1.headline')).toHaveText('望川地鐵三號線全線貫通');
  await expect(page.getByRole('complementary', { name: '分享' })).toContainText('本文連結');
  await expect(page.locator('[data-share-url]')).toHaveText(new RegExp(`/zh-Hant${PATH}$`));

  await page.getByRole('navigation', { name: '語言' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en${PATH}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The interface is English; the article stays as published and says so.
  await expect(page.locator('article.article-view')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('h1.headline')).toHaveText('望川地铁三号线全线贯通');
  await expect(page.getByRole('complementary', { name: 'Share' })).toBeVisible();
  noErrors();
});

test('switching the language of a search keeps the search', async ({ page }) => {
  const q = encodeURIComponent('地铁 贯通');
  // Rendered per request: the server writes the query into the links.
  const html = await (await page.request.get(`/zh/search?q=${q}`)).text();
  expect(html).toContain(`href="/zh-Hant/search?q=${q.replace(/%20/g, '+')}"`);

  const noErrors = watchErrors(page);
  await page.goto(`/zh/search?q=${q}`);
  await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: '繁體中文' }).click();
  await expect(page).toHaveURL(/\/zh-Hant\/search\?q=/);
  await expect(page.locator('input[name="q"][required]')).toHaveValue('地铁 贯通');
  await expect(page.locator('ol.search-results > li').first()).toBeVisible();
  // A prerendered page has no query on the server; in the browser its links take the page's.
  await page.goto(`/zh${PATH}?hl=${encodeURIComponent('地铁')}`);
  await expect(
    page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }),
  ).toHaveAttribute('href', `/en${PATH}?hl=${encodeURIComponent('地铁')}`);
  noErrors();
});

test('each locale links the others with absolute hreflang alternates', async ({ page }) => {
  await page.goto(`/zh-Hant${PATH}`);
  const alternates = await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
  const byLang = Object.fromEntries(alternates);
  expect(Object.keys(byLang).sort()).toEqual(['en', 'x-default', 'zh-Hans', 'zh-Hant']);
  expect(byLang['zh-Hans']).toMatch(new RegExp(`^https?://[^/]+/zh${PATH}$`));
  expect(byLang['zh-Hant']).toMatch(new RegExp(`^https?://[^/]+/zh-Hant${PATH}$`));
  expect(byLang['en']).toMatch(new RegExp(`^https?://[^/]+/en${PATH}$`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/zh-Hant${PATH}$`));
});

test('a query typed in Traditional finds the Simplified article and highlights the right characters', async ({
  page,
}) => {
  await page.goto('/zh-Hant/search?q=' + encodeURIComponent('地鐵 貫通'));
  const results = page.locator('ol.search-results > li');
  await expect(results.first()).toBeVisible();
  const first = results.first().locator('a').first();
  await expect(first).toContainText('地鐵');
  await expect(first.locator('mark').first()).toHaveText(/地鐵|貫通/);
  await first.click();
  await expect(page).toHaveURL(/\/zh-Hant\/2025-03-14\/\d+\/[a-z0-9]+\?hl=/);
  const marks = page.locator('article mark[data-hl]');
  await expect(marks.first()).toBeVisible();
  const marked = await marks.allTextContents();
  expect(marked.length).toBeGreaterThan(1);
  for (const m of marked) expect(['地鐵', '貫通']).toContain(m);

  // The same Traditional query works from the Simplified and English interfaces too.
  for (const locale of ['zh', 'en']) {
    await page.goto(`/${locale}/search?q=` + encodeURIComponent('地鐵'));
    await expect(page.locator('ol.search-results > li').first().locator('mark').first()).toHaveText('地铁');
  }
});

test('the suggestions as you type are in Traditional on zh-Hant, and their link marks the article', async ({
  page,
}) => {
  const noErrors = watchErrors(page);
  await page.goto('/zh-Hant');
  await page.getByRole('combobox', { name: '搜尋報紙' }).fill('地铁');
  const first = page.getByRole('listbox').getByRole('option').first();
  await expect(first.locator('mark').first()).toHaveText('地鐵');
  await expect(first).not.toContainText('地铁');
  await expect(first.getByRole('link')).toHaveAttribute('href', /hl=%E5%9C%B0%E9%90%B5/);
  await first.getByRole('link').click();
  await expect(page).toHaveURL(/\/zh-Hant\/2025-03-14\/\d+\/[A-Za-z0-9_-]+\?hl=/);
  await expect(page.locator('article mark[data-hl]').first()).toHaveText('地鐵');
  noErrors();
});

test('if the conversion does not answer, the zh-Hant suggestions are shown as published', async ({
  page,
}) => {
  await page.route('**/api/traditional', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.goto('/zh-Hant');
  await page.getByRole('combobox', { name: '搜尋報紙' }).fill('地铁');
  const first = page.getByRole('listbox').getByRole('option').first();
  await expect(first.locator('mark').first()).toHaveText('地铁');
  await expect(first.getByRole('link')).toHaveAttribute('href', /hl=%E5%9C%B0%E9%93%81/);
});

test('the conversion endpoint names what it refuses', async ({ request }) => {
  const post = (data: unknown) => request.post('/api/traditional', { data });
  const bad = await post({
    terms: ['地铁'],
    hits: [{ id: '../x', date: '2025-03-14', page: 1, headline: [], snippet: [] }],
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/^hits\.0\.id: /);
  const notJson = await request.post('/api/traditional', {
    headers: { 'Content-Type': 'application/json' },
    data: Buffer.from('{'),
  });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error).toBe('body: not JSON');
  // A body past the bound is refused before it is parsed.
  const huge = await post({ terms: ['头发'], hits: [], pad: 'x'.repeat(70_000) });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error).toBe('body: over 65536 bytes');
  const ok = await post({ terms: ['头发'], hits: [] });
  expect(await ok.json()).toEqual({ hits: [], terms: ['頭髮'] });
});

test('the article page in three locales (screenshots for the notes)', async ({ page }) => {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.goto(`${SEED}/zh`);
  const href = await page.locator('.lead-story .headline a').first().getAttribute('href');
  const path = href!.replace(/^\/zh/, '');
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const locale of ['zh', 'zh-Hant', 'en']) {
    await page.goto(`${SEED}/${locale}${path}`);
    await expect(page.locator('h1.headline')).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/article-${locale}.png`, fullPage: true });
  }
  await page.goto(`${SEED}/zh-Hant${path}`);
  await expect(page.locator('.article-view')).toContainText('發展');
});

test.describe('feeds and discovery', () => {
  const archive = loadArchive('e2e/fixtures/archive');

  test('the Atom feed parses and lists the latest issues’ articles with absolute links', async ({
    request,
  }) => {
    const res = await request.get('/zh-Hant/feed.xml');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('xml');
    const text = await res.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = xml.parse(text).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = list(feed.entry) as { title: string; link: { '@href': string }; updated: string }[];
    const latest = archive.issues.slice(-3);
    const expected = latest.reduce((n, i) => n + i.pages.reduce((m, p) => m + p.articles.length, 0), 0);
    expect(entries).toHaveLength(expected);
    for (const e of entries)
      expect(e.link['@href']).toMatch(/^https?:\/\/[^/]+\/zh-Hant\/\d{4}-\d{2}-\d{2}\/\d+\/\w+$/);
    expect(entries.map((e) => e.title)).toContain('望川地鐵三號線全線貫通');
    expect(entries[0]!.updated.startsWith(archive.issues.at(-1)!.date)).toBe(true);
    // Feed readers' first guess redirects to the default locale's feed.
    const plain = await request.get('/feed.xml', { maxRedirects: 0 });
    expect(plain.status()).toBe(308);
    expect(plain.headers()['location']).toMatch(/\/zh\/feed\.xml$/);
  });

  test('sitemap.xml lists every issue, page and article with its locale alternates', async ({ request }) => {
    const res = await request.get('/sitemap.xml');
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const urls = list(xml.parse(text).urlset.url) as {
      loc: string;
      'xhtml:link': { '@hreflang': string; '@href': string }[];
    }[];
    const locs = new Set(urls.map((u) => new URL(u.loc).pathname));
    for (const issue of archive.issues) {
      expect(locs).toContain(`/zh/${issue.date}`);
      for (const p of issue.pages) {
        expect(locs).toContain(`/zh/${issue.date}/${p.meta.page}`);
        for (const a of p.articles) expect(locs).toContain(`/zh/${issue.date}/${p.meta.page}/${a.id}`);
      }
    }
    for (const u of urls) {
      expect(u.loc).toMatch(/^https?:\/\//);
      expect(u['xhtml:link'].map((l) => l['@hreflang']).sort()).toEqual([
        'en',
        'x-default',
        'zh-Hans',
        'zh-Hant',
      ]);
    }
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: https?:\/\/[^/\s]+\/sitemap\.xml/);
    expect(robots).toContain('Disallow: /api/');
  });
});
