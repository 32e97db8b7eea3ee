/**
 * Accessibility: axe-core finds no violations on the reader's screens in both colour themes (the
 * theme is the dubao-theme cookie the header's buttons set), and a keyboard-only reader can skip to
 * the content, see where the focus is, walk the calendar and pick a search result.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const SCREENS: [string, string][] = [
  ['home', '/zh'],
  ['page', '/zh/2025-03-14/2'],
  ['article', 'article'],
  ['archive', '/zh/archive/2025-03'],
  ['search', '/zh/search?q=地铁'],
  ['404', '/zh/2025-02-30'],
  ['home (en)', '/en'],
];

async function articleUrl(page: Page): Promise<string> {
  await page.goto('/zh/2025-03-14/1');
  return (await page.locator('a[href^="/zh/2025-03-14/1/"]').first().getAttribute('href'))!;
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations, ${theme} theme`, async ({ page, context, baseURL }) => {
    test.setTimeout(90_000);
    await context.addCookies([{ name: 'dubao-theme', value: theme, url: baseURL! }]);
    await page.emulateMedia({ colorScheme: theme });
    const article = await articleUrl(page);
    const found: string[] = [];
    for (const [name, path] of SCREENS) {
      await page.goto(path === 'article' ? article : path);
      expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations) {
        found.push(
          `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
        );
      }
    }
    expect(found).toEqual([]);
  });
}

/** The focused element is visibly marked: an outline or a box shadow. */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const marked = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    return marked && r.width > 0 && r.height > 0;
  });
}

test('keyboard only: skip link, visible focus, calendar, search results', async ({ page }) => {
  await page.goto('/zh/archive/2025-03');
  // The first Tab reaches the skip link, shown when focused; Enter moves to the content.
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#content$/);

  // Tab on to the calendar's first issue day, with the focus visible all the way.
  const days = page.locator('[data-day]');
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    expect(await focusVisible(page), `Tab ${i + 1}`).toBe(true);
    if (await page.evaluate(() => document.activeElement?.closest('[data-day]') !== null)) break;
  }
  const first = await page.evaluate(() => document.activeElement?.closest('[data-day]')?.textContent ?? '');
  expect(first).not.toBe('');
  // Arrows walk the grid; Enter opens the day's issue.
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement?.closest('[data-day]')?.textContent ?? '');
  expect(second).not.toBe(first);
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => document.activeElement?.closest('[data-day]')?.textContent ?? '')).toBe(
    first,
  );
  expect(await days.count()).toBeGreaterThan(27);
  const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
  if (href) {
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  }

  // The search box from the keyboard: type, arrow to a result, Enter opens it.
  await page.goto('/zh/2025-03-13');
  const box = page.getByRole('combobox', { name: '搜索报纸' });
  for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(box).toBeFocused();
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.type('地铁');
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh\/2025-03-14\/\d+\/[A-Za-z0-9_-]+\?hl=/);

  // The results page from the keyboard: Tab reaches the results' links.
  await page.goto('/zh/search?q=地铁');
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.closest('.search-results li a') !== null);
  }
  expect(reached).toBe(true);
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/zh\/2025-03-14\/\d+\/[A-Za-z0-9_-]+\?hl=/);
});
