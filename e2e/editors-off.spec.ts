/**
 * The repair desk on a server with no desk secret (the fixture server): off, saying how to turn it on,
 * every desk route refused; and no reader page links to it.
 */
import { expect, test } from '@playwright/test';

test('without DUBAO_DESK_TOKEN or DUBAO_DESK_USERS the desk is off and says how to turn it on', async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto('/desk');
  await expect(page.getByText('修版台未开启。')).toBeVisible();
  await expect(page.getByText(/DUBAO_DESK_TOKEN/).first()).toBeVisible();
  await expect(page.getByLabel('姓名')).toHaveCount(0);
  expect((await request.get('/desk/2025-03-14/1')).status()).toBe(403);
  const signin = await request.post('/desk/signin', {
    form: { name: '编辑', password: 'x'.repeat(20) },
    headers: { origin: baseURL! },
    maxRedirects: 0,
  });
  expect(signin.status()).toBe(403);
  expect(
    (await request.post('/desk/action', { form: { op: 'checked' }, headers: { origin: baseURL! } })).status(),
  ).toBe(403);
});

test('no reader page links to the desk', async ({ request }) => {
  for (const path of [
    '/zh',
    '/en',
    '/zh/2025-03-14/1',
    '/zh/archive',
    '/zh/search?q=地铁',
    '/robots.txt',
    '/sitemap.xml',
  ]) {
    expect(await (await request.get(path)).text(), path).not.toMatch(/\/desk\b/);
  }
});
