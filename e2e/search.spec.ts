/** Search journeys against the fixture archive: as you type, the results page, the highlight, without JavaScript. */
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

test.describe('with JavaScript', () => {
  test('type a query, see highlighted results, open one and see the terms highlighted', async ({ page }) => {
    const noErrors = watchErrors(page);
    await page.goto('/zh/2025-03-13');
    const box = page.getByRole('combobox', { name: '搜索报纸' });
    await box.fill('地铁');
    const list = page.getByRole('listbox');
    await expect(list.getByRole('option').first().locator('mark').first()).toHaveText('地铁');
    await box.press('ArrowDown');
    await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/zh\/2025-03-14\/\d+\/[A-Za-z0-9_-]+\?hl=/);
    const mark = page.locator('article mark[data-hl]').first();
    await expect(mark).toHaveText('地铁');
    const anyInView = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('article mark[data-hl]')].some((m) => {
          const r = m.getBoundingClientRect();
          return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      );
    await expect.poll(anyInView).toBe(true);
    noErrors();
  });

  test('finds the phrase, not the same characters in another order', async ({ page }) => {
    await page.goto('/zh');
    await page.getByRole('combobox', { name: '搜索报纸' }).fill('铁地');
    await expect(page.getByRole('listbox')).toContainText('没有找到');
  });

  test('a query typed in Traditional finds the articles as you type, as the results page does', async ({
    page,
  }) => {
    const noErrors = watchErrors(page);
    await page.goto('/zh');
    await page.getByRole('combobox', { name: '搜索报纸' }).fill('地鐵');
    await expect(page.getByRole('listbox').getByRole('option').first().locator('mark').first()).toHaveText(
      '地铁',
    );
    noErrors();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header form leads to server-rendered results that open the article', async ({ page }) => {
    await page.goto('/zh/2025-03-13');
    await page.getByRole('combobox', { name: '搜索报纸' }).fill('地铁');
    await page.getByRole('combobox', { name: '搜索报纸' }).press('Enter');
    await expect(page).toHaveURL('/zh/search?q=%E5%9C%B0%E9%93%81');
    await expect(page.getByRole('status')).toHaveText('共 2 篇');
    const first = page.locator('.search-results li').first();
    await expect(first.locator('mark').first()).toHaveText('地铁');
    // The browser itself highlights and scrolls to the words of a text fragment, no script needed.
    await expect(first.getByRole('link')).toHaveAttribute('href', /#:~:text=%E5%9C%B0%E9%93%81/);
    await first.getByRole('link').click();
    await expect(page).toHaveURL(/\/zh\/2025-03-14\/\d+\/[A-Za-z0-9_-]+\?hl=/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('地铁三号线');
  });

  test('a shared ?q= URL with a date range shows the same results', async ({ page }) => {
    await page.goto('/zh/search?q=地铁&from=2025-03-14&to=2025-03-14');
    await expect(page.getByRole('status')).toHaveText('共 2 篇');
    await expect(page.getByLabel('起始日期')).toHaveValue('2025-03-14');
    await page.goto('/zh/search?q=地铁&to=2025-03-13');
    await expect(page.getByRole('status')).toHaveText('没有找到含“地铁”的文章。');
  });
});
