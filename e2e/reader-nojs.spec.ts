/** The same reads with JavaScript switched off: everything is server-rendered HTML and plain links. */
import { expect, test } from '@playwright/test';
import { expectStatus } from './helpers';

test('reads the paper without JavaScript', async ({ page }) => {
  await page.goto('/zh');
  await expect(page.getByRole('heading', { level: 1, name: '望川日报' })).toBeVisible();
  await expect(page.locator('.lead-story .prose-zh p').first()).toContainText('本报讯 3月13日上午10时');
  await page.getByRole('link', { name: /下一版/ }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/2');
  await page.locator('.page-body').getByRole('link', { name: '社区食堂开进家门口' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('社区食堂开进家门口');
  await expect(page.locator('article .prose-zh p')).toHaveCount(4);
});

test('follows 下转 and 上接 without JavaScript', async ({ page }) => {
  await page.goto('/zh/2025-03-14/1');
  await page.locator('.lead-story').getByRole('link', { name: '下转2版' }).click();
  await expect(page).toHaveURL(/\/zh\/2025-03-14\/2\/[A-Za-z0-9_-]+#part-2$/);
  await expect(page.getByRole('region', { name: /第02版/ })).toContainText('产城融合更紧密');
  await page.goto('/zh/2025-03-14/2');
  await page.getByRole('link', { name: '上接1版' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('望川地铁三号线全线贯通');
});

test('the calendar, the 404 page and the language switch work as plain HTML', async ({ page }) => {
  await page.goto('/zh/archive');
  await page.getByRole('link', { name: '2025年3月13日 有报纸' }).click();
  await expect(page).toHaveURL('/zh/2025-03-13');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL('/en/2025-03-13');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectStatus(page, '/zh/2025-03-14/1/no-such-article', 404);
  await expect(page.getByRole('heading', { name: '找不到这一页' })).toBeVisible();
});

test('the text size and colour controls work as a form', async ({ page, context }) => {
  // The page is the same for every reader (a shared cache may keep it): without JavaScript the
  // choice is saved, and applies once scripts run; the automatic theme and the default size apply.
  await page.goto('/zh/2025-03-14/1');
  await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '特大' }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/1');
  await page.getByRole('group', { name: '配色' }).getByRole('button', { name: '夜间' }).click();
  await expect(page).toHaveURL('/zh/2025-03-14/1');
  const saved = Object.fromEntries((await context.cookies()).map((c) => [c.name, c.value]));
  expect(saved).toMatchObject({ 'dubao-size': 'xl', 'dubao-theme': 'dark' });
  await expect(page.getByRole('heading').first()).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});
