/**
 * The repair desk (/desk) on its own server (port 3214, playwright.config.ts): a scratch copy of
 * e2e/fixtures/desk-archive and a desk token. First an editor's journey (sign in, fix the three known
 * errors of the fixture page, see the reader and search follow, undo), then the attacks, each refused
 * with its status and nothing written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { issueSession, sessionKey } from '../lib/desk/security';
import { DESK_TOKEN } from './desk-token';

test.describe.configure({ mode: 'serial' });

const OVERRIDES = path.join('.cache', 'desk-archive', '2025-03-20', '01.overrides.yaml');
const PAGE = '/desk/2025-03-20/1';
const fileState = () => {
  try {
    return createHash('sha256').update(readFileSync(OVERRIDES)).digest('hex');
  } catch {
    return 'absent';
  }
};
const key = sessionKey({ enabled: true, mode: 'token', token: DESK_TOKEN }, {});

/** Signs in through the form's route; returns the session cookie and a CSRF token from the page. */
async function signIn(baseURL: string, name: string) {
  // Its own context: the session goes only where a case sends it (a context keeps the cookies it is given).
  const request = await playwrightRequest.newContext({ baseURL });
  const res = await request.post('/desk/signin', {
    form: { name, password: DESK_TOKEN },
    headers: { origin: baseURL },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  const cookie = /dubao_desk=([^;]+)/.exec(res.headers()['set-cookie'] ?? '')![1]!;
  const html = await (await request.get(PAGE, { headers: { cookie: `dubao_desk=${cookie}` } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)![1]!;
  const version = /name="version" value="([^"]+)"/.exec(html)![1]!;
  await request.dispose();
  return { cookie: `dubao_desk=${cookie}`, csrf, version };
}

/** Clicks one of a block's one-click fixes. */
async function fix(page: Page, line: number, op: string) {
  await page.getByRole('button', { name: `第 ${line} 行：${op}` }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存修改' })).toBeVisible();
}

test.describe('an editor’s journey', () => {
  test('sign in, fix three errors, the reader and search follow, undo restores', async ({ page }) => {
    const before = fileState();
    expect(before).toBe('absent');
    await page.goto('/desk');
    await expect(page.getByRole('heading', { name: '修版台', level: 1 })).toBeVisible();
    await page.getByLabel('姓名').fill('王编辑');
    await page.getByLabel('口令或密码').fill(DESK_TOKEN);
    const started = Date.now();
    let actions = 0;
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '第1版 要闻' }).click();
    await expect(page.getByRole('heading', { name: /望川日报 2025-03-20 第1版 要闻/ })).toBeVisible();

    // 1. A banner read as a headline: one click.
    await fix(page, 22, '横幅');
    actions += 1;
    // 2. A subhead joined to the paragraph under it: one click.
    await fix(page, 26, '小标题');
    actions += 1;
    // 3. A paragraph read into the wrong article: open the form, pick the article, apply.
    const block = page.locator('#L38');
    await block.getByText('这块属于另一篇文章').click();
    await block.getByLabel('属于文章').selectOption({ label: '14 城西老街改造启动' });
    await block.getByRole('button', { name: '确定' }).click();
    actions += 3;
    await expect(page.getByRole('status').filter({ hasText: '已保存修改 #3' })).toBeVisible();

    // The reader shows the fixed article.
    await page.goto('/zh/2025-03-20/1');
    await page.getByRole('link', { name: '城西老街改造启动' }).first().click();
    const article = page.locator('article').first();
    await expect(article.getByRole('heading', { name: '分段施工' })).toBeVisible();
    await expect(article).toContainText('居民代表说：“石板路一块都不能少。”');
    await expect(article).toContainText('老街改造还将同步更新排水管网');
    const seconds = (Date.now() - started) / 1000;
    test
      .info()
      .annotations.push({
        type: 'desk journey',
        description: `${actions} actions, ${seconds.toFixed(1)} s from sign-in to the reader showing the three fixes`,
      });
    console.log(
      `desk journey: ${actions} actions, ${seconds.toFixed(1)} s from sign-in to the reader showing the three fixes`,
    );
    await page.goto('/zh/2025-03-20/1');
    await expect(page.getByRole('link', { name: '留住乡愁 守护文脉' })).toHaveCount(0);

    // Search finds the moved paragraph in its article.
    await expect(async () => {
      await page.goto('/zh/search?q=排水管网');
      await expect(page.getByRole('link', { name: /城西老街改造启动/ }).first()).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 20_000 });

    // Every fix is kept, with who made it.
    const kept = readFileSync(OVERRIDES, 'utf8');
    expect(kept).toMatch(/banner: \[ 22 \]/);
    expect(kept).toMatch(/subhead: \[ 26 \]/);
    expect(kept).toMatch(/by: 王编辑/);

    // Undo the move from the history: the paragraph goes back where the parser put it.
    await page.goto(PAGE);
    await page.getByRole('button', { name: '撤销 #3' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存修改 #4' })).toBeVisible();
    await page.goto('/zh/2025-03-20/1');
    await page.getByRole('link', { name: '城西老街改造启动' }).first().click();
    await expect(page.locator('article').first()).not.toContainText('排水管网');
    await page.goto(PAGE);
    await expect(page.getByRole('listitem').filter({ hasText: /^#3 ·/ })).toContainText('已由 #4 撤销');
  });

  test('a second editor saving against a stale version is refused with who changed it, and nothing is lost', async ({
    browser,
  }) => {
    const [a, b] = [await browser.newPage(), await browser.newPage()];
    for (const [p, name] of [
      [a, '甲编辑'],
      [b, '乙编辑'],
    ] as const) {
      await p.goto('/desk');
      await p.getByLabel('姓名').fill(name);
      await p.getByLabel('口令或密码').fill(DESK_TOKEN);
      await p.getByRole('button', { name: '登录' }).click();
      await p.goto(PAGE);
    }
    await fix(a, 10, '版面元素');
    await b.getByRole('button', { name: '第 12 行：版面元素' }).click();
    await expect(b.getByRole('alert')).toContainText('甲编辑');
    const kept = readFileSync(OVERRIDES, 'utf8');
    expect(kept).toMatch(/furniture: \[ 10 \]/);
    expect(kept).not.toMatch(/12 \]/);
  });

  test('axe finds no violation, and the desk works from the keyboard', async ({ page }) => {
    await page.goto('/desk');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel('姓名').focus();
    await page.keyboard.type('键盘编辑');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DESK_TOKEN);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
    await page.goto(PAGE);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    // Mark the page checked with the keyboard alone.
    const mark = page.getByRole('button', { name: '标记本版已核' });
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(/已核：键盘编辑/)).toBeVisible();
  });
});

test.describe('attacks on the desk are refused, and nothing is written', () => {
  test('routes and actions without a session, with a forged or expired cookie, or without the CSRF token', async ({
    request,
    baseURL,
  }) => {
    const before = fileState();
    const origin = { origin: baseURL! };
    const session = await signIn(baseURL!, '安全测试');
    const form = {
      csrf: session.csrf,
      date: '2025-03-20',
      page: '1',
      version: session.version,
      op: 'banner',
      line: '22',
    };
    const expired = `dubao_desk=${issueSession(key, '安全测试', Date.now() - 9 * 3600_000)}`;
    const forged = session.cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const otherKey = `dubao_desk=${issueSession(Buffer.alloc(32, 7), '安全测试')}`;
    const cases: { what: string; status: number; run: () => ReturnType<APIRequestContext['get']> }[] = [
      { what: 'page without a session', status: 401, run: () => request.get(PAGE) },
      {
        what: 'page with a forged cookie',
        status: 401,
        run: () => request.get(PAGE, { headers: { cookie: forged } }),
      },
      {
        what: 'page with an expired cookie',
        status: 401,
        run: () => request.get(PAGE, { headers: { cookie: expired } }),
      },
      {
        what: 'page with a cookie signed by another key',
        status: 401,
        run: () => request.get(PAGE, { headers: { cookie: otherKey } }),
      },
      {
        what: 'action without a session',
        status: 401,
        run: () => request.post('/desk/action', { form, headers: origin }),
      },
      {
        what: 'action with a forged cookie',
        status: 401,
        run: () => request.post('/desk/action', { form, headers: { ...origin, cookie: forged } }),
      },
      {
        what: 'action with an expired cookie',
        status: 401,
        run: () => request.post('/desk/action', { form, headers: { ...origin, cookie: expired } }),
      },
      {
        what: 'action without the CSRF token',
        status: 403,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, csrf: '' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'action with another session’s CSRF token',
        status: 403,
        run: async () => {
          const other = await signIn(baseURL!, '另一位');
          return request.post('/desk/action', {
            form: { ...form, csrf: other.csrf },
            headers: { ...origin, cookie: session.cookie },
          });
        },
      },
      {
        what: 'action from another site',
        status: 403,
        run: () =>
          request.post('/desk/action', {
            form,
            headers: { origin: 'https://evil.example', cookie: session.cookie },
          }),
      },
      {
        what: 'action with no Origin at all',
        status: 403,
        run: () => request.post('/desk/action', { form, headers: { cookie: session.cookie } }),
      },
      {
        what: 'sign-out without the CSRF token',
        status: 403,
        run: () =>
          request.post('/desk/signout', {
            form: { csrf: 'x' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'action on a page the archive does not have',
        status: 404,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, page: '7' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'action naming a line of another page (no block starts there)',
        status: 400,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, line: '23' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'action against another version of the page',
        status: 409,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, version: '0123456789abcdef' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'traversal in the date',
        status: 400,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, date: '../../etc' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'traversal in the page',
        status: 400,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, page: '../01' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'traversal in the page path',
        status: 404,
        run: () =>
          request.get('/desk/2025-03-20/..%2f..%2fpackage.json', { headers: { cookie: session.cookie } }),
      },
      {
        what: 'an oversized body',
        status: 413,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, text: '长'.repeat(20_000) },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
      {
        what: 'an action that is not one',
        status: 400,
        run: () =>
          request.post('/desk/action', {
            form: { ...form, op: 'rm -rf' },
            headers: { ...origin, cookie: session.cookie },
          }),
      },
    ];
    for (const c of cases) {
      const res = await c.run();
      expect(res.status(), c.what).toBe(c.status);
      expect(res.headers()['cache-control'], c.what).toBe('no-store');
      expect(fileState(), `${c.what}: nothing written`).toBe(before);
    }
  });

  test('the session cookie is HttpOnly, SameSite=Strict and scoped to the desk; desk pages are never stored or indexed', async ({
    request,
    baseURL,
  }) => {
    const res = await request.post('/desk/signin', {
      form: { name: '头部检查', password: DESK_TOKEN },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    const cookie = res.headers()['set-cookie']!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/desk/);
    // Plain HTTP here: Secure would keep the browser from sending it back.
    expect(cookie).not.toMatch(/Secure/);
    const desk = await request.get('/desk');
    expect(desk.headers()['cache-control']).toBe('no-store');
    expect(desk.headers()['x-robots-tag']).toBe('noindex, nofollow');
    expect(await desk.text()).toContain('name="robots" content="noindex, nofollow"');
  });
});

// Last: it leaves this address locked out of signing in for a minute.
test.describe('sign-in guessing', () => {
  test('sign-in: a wrong token is refused, and guessing is limited', async ({ request, baseURL }) => {
    const tries = [];
    for (let i = 0; i < 6; i++) {
      tries.push(
        (
          await request.post('/desk/signin', {
            form: { name: '猜口令', password: `guess-${i}` },
            headers: { origin: baseURL! },
            maxRedirects: 0,
          })
        ).status(),
      );
    }
    expect(tries).toEqual([401, 401, 401, 401, 401, 429]);
    // From another site, the form is refused before the password is looked at.
    const cross = await request.post('/desk/signin', {
      form: { name: '编辑', password: DESK_TOKEN },
      headers: { origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(cross.status()).toBe(403);
  });
});
