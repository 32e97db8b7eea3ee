/**
 * Reader journeys on the fixture archive of 望川日报 (a made-up paper): four issues, a story
 * continued from page 1 to page 2, and one whose continuation page is not in the archive.
 */
import { expect, test } from '@playwright/test';
import { expectStatus, shoot, watchErrors } from './helpers';

test("home is the latest issue's front page, set like a newspaper", async ({ page }) => {
  const check = watchErrors(page);
  await page.goto('/zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1, name: '望川日报' })).toBeVisible();
  const masthead = page.locator('.masthead');
  await expect(masthead).toContainText('第01版');
  await expect(masthead).toContainText('要闻');
  await expect(masthead).toContainText('2025年3月14日 星期五');
  await expect(masthead).toContainText('农历乙巳年二月十五');
  const nav = page.getByRole('navigation', { name: '版面导航' });
  await expect(nav.getByRole('link')).toHaveText([/01\s*要闻/, /02\s*城事/, /03\s*文体/, /下一版/]);
  await expect(nav.getByRole('link', { name: /01\s*要闻/ })).toHaveAttribute('aria-current', 'page');
  // The lead story: kicker, headline, deck and bylines, its text in columns.
  const lead = page.locator('.lead-story');
  await expect(lead.locator('.kicker')).toHaveText('一城两岸 半小时通达');
  await expect(lead.getByRole('heading', { name: '望川地铁三号线全线贯通' })).toBeVisible();
  await expect(lead.locator('.deck')).toContainText('全长41.6公里');
  await expect(lead.locator('.bylines')).toHaveText(/■记者 柯远舟 林霁月\s*通讯员 施乐安/);
  // 本版导读 lists every story and jumps to it.
  const guide = page.getByRole('navigation', { name: '本版导读' });
  await expect(guide.getByRole('link')).toHaveCount(5);
  await guide.getByRole('link', { name: '樱花绽放迎春归' }).click();
  await expect(page).toHaveURL(/#story-/);
  await expect(page.locator('.story.photo .photo-credit')).toHaveText('■摄影 程一帆');
  await expect(page.locator('.story.commentary .bylines')).toHaveText('■钟晓岚');
  await shoot(page, 'fixture-page-1');
  check();
});

test('moves through the pages of an issue and between issues', async ({ page }) => {
  await page.goto('/zh/2025-03-14/1');
  await page.getByRole('link', { name: /下一版/ }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/2');
  await expect(page.locator('.masthead')).toContainText('城事');
  await page.getByRole('link', { name: /03\s*文体/ }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/3');
  await expect(page.getByRole('heading', { name: '望川马拉松3月23日开跑' })).toBeVisible();
  await page.getByRole('link', { name: /上一版/ }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/2');
  // The previous issue, and 往年今日.
  await page.getByRole('link', { name: /上一期/ }).click();
  await expect(page).toHaveURL('/zh/2025-03-13');
  await expect(page.locator('.masthead')).toContainText('2025年3月13日 星期四');
  await page.goto('/zh/2025-03-14/1');
  await page.getByRole('region', { name: '往年今日' }).getByRole('link', { name: '2024年3月14日' }).click();
  await expect(page).toHaveURL('/zh/2024-03-14');
  await expect(page.getByRole('heading', { name: '望川江大桥主体工程完工' })).toBeVisible();
});

test('opens an article: headline hierarchy, bylines, indented Song paragraphs, prev/next', async ({
  page,
}) => {
  const check = watchErrors(page);
  await page.goto('/zh/2025-03-14/1');
  await page.locator('.page-body').getByRole('link', { name: '春风十里 植绿正当时' }).click();
  await expect(page).toHaveURL(/^.*\/zh\/2025-03-14\/1\/[A-Za-z0-9_-]+$/);
  const article = page.locator('article.article-view');
  await expect(article).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('春风十里 植绿正当时');
  await expect(article.locator('.deck')).toHaveText('全市义务植树活动启动，今春计划新增绿地120公顷');
  await expect(article.locator('.bylines').first()).toHaveText('■记者 唐映雪');
  const paragraphs = article.locator('.prose-zh p');
  await expect(paragraphs).toHaveCount(3); // the repeated paragraph is printed once
  const style = await paragraphs.first().evaluate((p) => {
    const s = getComputedStyle(p);
    return {
      indent: parseFloat(s.textIndent),
      size: parseFloat(s.fontSize),
      line: parseFloat(s.lineHeight),
      font: s.fontFamily,
    };
  });
  expect(style.indent).toBeCloseTo(style.size * 2, 0);
  expect(style.line / style.size).toBeGreaterThan(1.7);
  expect(style.font).toContain('Serif CJK');
  await expect(page).toHaveTitle(/春风十里 植绿正当时/);
  await page.getByRole('link', { name: /下一篇/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('老城区改造 留住街巷烟火气');
  await page.getByRole('link', { name: /上一篇/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('春风十里 植绿正当时');
  await page.getByRole('link', { name: /返回第01版/ }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/1');
  check();
});

test('follows 下转2版 to the continuation and 上接1版 back; the story reads whole', async ({ page }) => {
  await page.goto('/zh/2025-03-14/1');
  await page.locator('.lead-story').getByRole('link', { name: '下转2版' }).click();
  await expect(page).toHaveURL(/\/zh\/2025-03-14\/2\/[A-Za-z0-9_-]+#part-2$/);
  // Both parts in one view, marked by page, the head's headline on top.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('望川地铁三号线全线贯通');
  await expect(page.locator('.story-note')).toContainText('本文分2部分刊于第1版、第2版');
  await expect(page.getByRole('region', { name: /第01版/ })).toContainText('盾构机');
  const part2 = page.getByRole('region', { name: /第02版/ });
  await expect(part2).toContainText('产城融合更紧密');
  await expect(part2).toHaveAttribute('aria-current', 'true');
  // Inside the whole-story view, the jump lines are anchors between the parts.
  await part2.getByRole('link', { name: '上接1版' }).click();
  await expect(page).toHaveURL(/#part-1$/);
  await shoot(page, 'fixture-article-continued');
  // On page 2 itself, 上接1版 goes back to the start on page 1.
  await page.goto('/zh/2025-03-14/2');
  await page.getByRole('link', { name: '上接1版' }).click();
  await expect(page).toHaveURL(/\/zh\/2025-03-14\/1\/[A-Za-z0-9_-]+#part-1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('望川地铁三号线全线贯通');
});

test('a jump to a page the archive lacks is said in words, not linked', async ({ page }) => {
  await page.goto('/zh/2025-03-14/1');
  const story = page.locator('.story', { hasText: '老城区改造' });
  const jump = story.locator('[data-jump=to]');
  await expect(jump).toContainText('下转4版');
  await expect(jump).toContainText('第4版未收录在本报库中');
  await expect(jump.getByRole('link')).toHaveCount(0);
});

test('walks the archive calendar with the keyboard', async ({ page }) => {
  const check = watchErrors(page);
  await page.goto('/zh/archive');
  await expect(page.getByRole('heading', { name: '2025年3月' })).toBeVisible();
  const day14 = page.getByRole('link', { name: '2025年3月14日 有报纸' });
  await expect(day14).toHaveAttribute('aria-current', 'date');
  await day14.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(':focus')).toHaveAttribute('data-day', '13');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).toHaveAttribute('data-day', '6');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/zh/2025-03-13');
  await page.goto('/zh/archive/2025-03');
  await page.getByRole('link', { name: '2025年3月13日 有报纸' }).focus();
  await page.keyboard.press('PageUp');
  await expect(page).toHaveURL('/zh/archive/2025-02');
  await expect(page.getByRole('link', { name: '2025年2月27日 有报纸' })).toBeVisible();
  await shoot(page, 'fixture-archive');
  check();
});

test('unknown dates, pages, articles and malformed paths answer a localized 404', async ({ page }) => {
  for (const path of [
    '/zh/2025-03-15',
    '/zh/2025-02-30',
    '/zh/2025-03-14/9',
    '/zh/2025-03-14/01',
    '/zh/2025-03-14/1/no-such-article',
    '/zh/2025-03-14/1/%E4%B8%AD',
    '/zh/archive/2025-13',
    '/zh/not-a-date',
    '/zh/a/b/c/d/e',
  ]) {
    await expectStatus(page, path, 404);
    await expect(page.getByRole('heading', { name: '找不到这一页' })).toBeVisible();
  }
  await expectStatus(page, '/en/2025-03-14/9', 404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a page links its stylesheet, a file cached across pages, and carries no copy of it', async ({
  request,
}) => {
  const html = await (await request.get('/zh/2025-03-14/1')).text();
  const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => m[1]!);
  expect(hrefs.length).toBeGreaterThan(0);
  // Inlined (experimental.inlineCss) it came twice per page: in <style> and in the React payload.
  expect(html).not.toContain('<style data-precedence');
  for (const href of hrefs) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type']).toContain('text/css');
    expect(html).not.toContain((await res.text()).slice(0, 80));
  }
});

test('switches the language and keeps the place', async ({ page }) => {
  await page.goto('/zh/2025-03-14/2');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL('/en/2025-03-14/2');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.masthead')).toContainText('Friday, 14 March 2025');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  // The articles stay in Chinese and say so.
  await expect(page.locator('article.story').first()).toHaveAttribute('lang', 'zh-Hans');
  await page.getByRole('link', { name: '简体中文' }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/2');
});

test('carries title, description, canonical, Open Graph, Twitter and NewsArticle JSON-LD', async ({
  page,
}) => {
  await page.goto('/zh/2025-03-14/2');
  await page.locator('.page-body').getByRole('link', { name: '社区食堂开进家门口' }).click();
  await expect(page).toHaveURL(/\/zh\/2025-03-14\/2\/[A-Za-z0-9_-]+$/);
  const url = new URL(page.url());
  await expect(page).toHaveTitle('社区食堂开进家门口 - 望川日报 | 读报');
  const head = page.locator('head');
  await expect(head.locator('meta[name=description]')).toHaveAttribute('content', /^本报讯 上午11点/);
  await expect(head.locator('link[rel=canonical]')).toHaveAttribute(
    'href',
    `http://localhost:3000${url.pathname}`,
  );
  await expect(head.locator('link[rel=alternate][hreflang=en]')).toHaveAttribute(
    'href',
    /\/en\/2025-03-14\/2\//,
  );
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', '社区食堂开进家门口');
  // The card shows the article's Open Graph image (opengraph-image.tsx) large.
  await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(ld).toMatchObject({
    '@type': 'NewsArticle',
    headline: '社区食堂开进家门口',
    datePublished: '2025-03-14',
    printPage: '2',
    author: [
      { '@type': 'Person', name: '余向晚', jobTitle: '记者' },
      { '@type': 'Person', name: '方可', jobTitle: '通讯员' },
    ],
  });
});

test('remembers the text size and the colour scheme; follows the system by default', async ({
  page,
  browser,
}) => {
  await page.goto('/zh/2025-03-14/1');
  const size = () =>
    page
      .locator('.lead-story .prose-zh p')
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const before = await size();
  await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '大', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-size', 'l');
  expect(await size()).toBeGreaterThan(before);
  await page.getByRole('group', { name: '配色' }).getByRole('button', { name: '夜间' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-size', 'l');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(26, 25, 22)');
  // A fresh visitor whose system is dark gets the dark paper without choosing anything.
  const dark = await browser.newContext({ colorScheme: 'dark', baseURL: test.info().project.use.baseURL });
  const darkPage = await dark.newPage();
  await darkPage.goto('/zh/2025-03-14/1');
  expect(await darkPage.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
    'rgb(26, 25, 22)',
  );
  await dark.close();
});

test('prints an article without the site chrome', async ({ page }) => {
  await page.goto('/zh/2025-03-14/1');
  await page.locator('.page-body').getByRole('link', { name: '春风十里 植绿正当时' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-bar')).toBeHidden();
  await expect(page.locator('.article-nav')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  );
});
