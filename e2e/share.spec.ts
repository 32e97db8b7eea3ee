/** Sharing an article: copy its link, scan its QR code, cite it, share a passage; the link preview image. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { watchErrors } from './helpers';
import { SEED_PORT, origin } from './ports';

const ARTICLE = '/zh/2025-03-14/1/c2j0kpo3';
const SEED = origin(SEED_PORT);

async function decodeQr(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.locator('[data-qr] svg').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('with JavaScript', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copy the link: a visible confirmation and the article URL on the clipboard', async ({ page }) => {
    const noErrors = watchErrors(page);
    await page.goto(ARTICLE);
    const share = page.getByRole('complementary', { name: '分享' });
    const url = await share.locator('[data-share-url]').textContent();
    expect(url).toMatch(new RegExp(`^https?://[^/]+${ARTICLE}$`));
    await share.getByRole('button', { name: '复制链接' }).click();
    await expect(share.getByRole('status').first()).toHaveText(/链接已复制/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    await share.getByRole('button', { name: '复制引用' }).click();
    const citation = await share.locator('[data-citation]').textContent();
    expect(citation).toContain('望川地铁三号线全线贯通[N/OL]');
    expect(citation).toContain('2025-03-14(1)');
    expect(citation).toContain(url!);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    noErrors();
  });

  test('the copy buttons are in the server HTML: nothing pops in after hydration', async ({ request }) => {
    const html = await (await request.get(ARTICLE)).text();
    expect(html).toMatch(/<span class="js-only[^"]*"><button type="button"[^>]*>复制链接<\/button>/);
    expect(html).toMatch(/<button type="button"[^>]*>复制引用<\/button>/);
  });

  test('the QR code decodes to the article URL', async ({ page }) => {
    await page.goto(ARTICLE);
    const url = await page.locator('[data-share-url]').textContent();
    expect(await decodeQr(page)).toBe(url);
  });

  test('share a passage: the link opens the article scrolled to that text', async ({ page, context }) => {
    await page.goto(ARTICLE);
    const last = page.locator('.article-view .prose-zh p').last();
    const passage = await last.evaluate((p) => {
      // Select from the 3rd to the 15th character of the last paragraph, cutting words on purpose.
      const text = p.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 2);
      range.setEnd(text, 15);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return range.toString();
    });
    const bar = page.getByRole('region', { name: '分享选中的文字' });
    await bar.getByRole('button', { name: '分享选中的文字' }).click();
    await expect(bar.getByRole('status')).toContainText('段落链接已复制');
    const href = await bar.locator('[data-passage-link]').getAttribute('href');
    expect(href).toMatch(new RegExp(`${ARTICLE}#:~:text=`));
    const fragment = decodeURIComponent(href!.split('#:~:text=')[1]!);
    expect(fragment).toContain(passage.slice(2, 10));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);

    // Open it in a short window so the passage starts below the fold.
    const reader = await context.newPage();
    await reader.setViewportSize({ width: 390, height: 480 });
    await reader.goto(href!.replace(/^https?:\/\/[^/]+/, ''));
    const target = reader.locator('.article-view .prose-zh p').last();
    await expect.poll(() => reader.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(target).toBeInViewport();
  });

  test('link preview: Open Graph tags are absolute and the image is a 1200×630 PNG with the headline', async ({
    page,
    request,
  }) => {
    await page.goto(ARTICLE);
    const meta = (p: string) =>
      page.locator(`meta[property="${p}"], meta[name="${p}"]`).first().getAttribute('content');
    const image = await meta('og:image');
    expect(image).toMatch(new RegExp(`^https?://[^/]+${ARTICLE}/opengraph-image`));
    expect(await meta('og:url')).toMatch(new RegExp(`^https?://[^/]+${ARTICLE}$`));
    expect(await meta('og:image:width')).toBe('1200');
    expect(await meta('og:image:height')).toBe('630');
    expect(await meta('twitter:card')).toBe('summary_large_image');
    const res = await request.get(new URL(image!).pathname + new URL(image!).search);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
  });

  test('the seed lead article link preview (saved for the notes)', async ({ page, request }) => {
    await page.goto(`${SEED}/zh`);
    const lead = page.locator('.lead-story .headline a').first();
    const href = await lead.getAttribute('href');
    await page.goto(`${SEED}${href}`);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    const res = await request.get(`${SEED}${new URL(image!).pathname}${new URL(image!).search}`);
    const body = await res.body();
    expect(pngSize(body)).toEqual({ width: 1200, height: 630 });
    // A card with the real headline in real glyphs is much larger than one of blank boxes.
    expect(body.length).toBeGreaterThan(20_000);
    mkdirSync('test-results/screenshots', { recursive: true });
    writeFileSync('test-results/screenshots/og-seed-lead.png', body);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the link, the citation and the QR code are on the page as text and SVG', async ({ page }) => {
    await page.goto(ARTICLE);
    const share = page.getByRole('complementary', { name: '分享' });
    await expect(share.locator('[data-share-url]')).toHaveText(new RegExp(`${ARTICLE}$`));
    await expect(share.locator('[data-citation]')).toContainText('望川地铁三号线全线贯通');
    await expect(share.getByRole('img', { name: '本文链接的二维码' })).toBeVisible();
    // Buttons that could not work are not offered.
    await expect(share.getByRole('button')).toHaveCount(0);
    const url = await share.locator('[data-share-url]').textContent();
    expect(await decodeQr(page)).toBe(url);
  });
});
