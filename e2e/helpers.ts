/** Shared bits of the reader journeys. */
import { expect, type Page } from '@playwright/test';

/** Full-page screenshots at phone and desktop widths, saved under test-results/screenshots. */
export async function shoot(page: Page, name: string) {
  for (const [label, width, height] of [
    ['phone', 390, 844],
    ['desktop', 1280, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/${name}-${label}.png`, fullPage: true });
  }
}

/** Fails the test on any uncaught error or console error in the page. */
export function watchErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return () => expect(errors, 'errors in the browser').toEqual([]);
}

export async function expectStatus(page: Page, path: string, status: number) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
}
