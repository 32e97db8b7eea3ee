/**
 * Headers and script injection: every HTML response carries a strict Content-Security-Policy (scripts
 * only from the site or by the hash of an inline script the site shipped), and script smuggled in
 * through a page's text or through ?q= does not run.
 * The content cases use the bad-content archive (e2e/fixtures/bad-archive, port 3212), whose page
 * 2025-05-01/1 holds <script>, onerror and javascript: markup inside its article text.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { BAD_PORT, origin } from './ports';

const BAD = origin(BAD_PORT);
const PAYLOAD = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">"'`;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

function expectHardened(response: APIResponse, url: string) {
  const h = response.headers();
  const csp = h['content-security-policy'];
  expect(csp, `${url}: CSP`).toBeTruthy();
  const d = directives(csp!);
  const scripts = d.get('script-src') ?? [];
  // The site's own files, and inline scripts only by hash: no nonce to reuse, nothing unsafe.
  expect(scripts[0], url).toBe("'self'");
  for (const s of scripts.slice(1)) expect(s, url).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  expect(d.get('object-src'), url).toEqual(["'none'"]);
  expect(d.get('frame-ancestors'), url).toEqual(["'none'"]);
  expect(d.get('base-uri'), url).toEqual(["'none'"]);
  expect(h['x-content-type-options'], url).toBe('nosniff');
  expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options'], url).toBe('DENY');
  return d;
}

/** Records what would show that injected script ran: a dialog, a global, a CSP report of a blocked inline script. */
async function watchInjection(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  };
}

test.describe('headers', () => {
  test('every HTML response carries the strict CSP and the hardening headers, allowing exactly its own inline scripts', async ({
    request,
  }) => {
    const paths = [
      '/zh',
      '/en',
      '/zh/2025-03-14',
      '/zh/2025-03-14/1',
      '/zh/archive',
      '/zh/search?q=地铁',
      '/zh/no-such-page',
      '/zh/2025-02-30',
      '/nothing.here',
    ];
    for (const path of paths) {
      const response = await request.get(path);
      expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
      expectHardened(response, path);
      // Every executable inline script in the page is allowed by its hash; the others come from the site.
      const allowed = directives(response.headers()['content-security-policy']!).get('script-src')!;
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const [, attrs = '', body = ''] of scripts) {
        if (/type="application\/ld\+json"/.test(attrs)) continue; // data, never executed
        if (/\bsrc="/.test(attrs))
          expect(attrs, path).toMatch(/\bsrc="(\/_next\/static\/|\/prefs\.js\?v=[0-9a-f]{12}")/);
        else
          expect(allowed, path).toContain(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
      }
    }
  });

  test('pages are the same for every reader: a shared cache may keep them, browsers revalidate by ETag; hashed assets are immutable', async ({
    request,
  }) => {
    const page = await request.get('/zh/2025-03-14/1');
    expect(page.headers()['cache-control']).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600',
    );
    expect(page.headers()['vary']).not.toMatch(/\bCookie\b/i);
    expect(page.headers()['set-cookie']).toBeUndefined();
    const etag = page.headers()['etag']!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request.get('/zh/2025-03-14/1', { headers: { 'If-None-Match': etag } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe('');
    // Another reader's preferences: the same page, the same ETag.
    const dark = await request.get('/zh/2025-03-14/1', {
      headers: { Cookie: 'dubao-theme=dark; dubao-size=xl' },
    });
    expect(dark.headers()['etag']).toBe(etag);
    expect(await dark.text()).toBe(await page.text());
    const html = await page.text();
    const prefs = /src="(\/prefs\.js\?v=[0-9a-f]+)"/.exec(html)![1]!;
    const script = await request.get(prefs);
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    const js = await request.get(asset);
    expect(js.status()).toBe(200);
    expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('two readers with different preferences get byte-identical HTML, and each sees their own', async ({
    browser,
    baseURL,
  }) => {
    const url = '/zh/2025-03-14/1';
    const readers = [
      { theme: 'dark', size: 'xl' },
      { theme: 'light', size: 's' },
    ];
    const bodies: string[] = [];
    for (const r of readers) {
      const context = await browser.newContext();
      await context.addCookies([
        { name: 'dubao-theme', value: r.theme, url: baseURL! },
        { name: 'dubao-size', value: r.size, url: baseURL! },
      ]);
      bodies.push(await (await context.request.get(url)).text());
      const page = await context.newPage();
      // The first paint already has the reader's choice: the script in <head> ran before <body>.
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(r.theme);
      await expect(page.locator('html')).toHaveAttribute('data-size', r.size);
      await expect(
        page.getByRole('group', { name: '配色' }).getByRole('button', { pressed: true }),
      ).toHaveAttribute('value', r.theme);
      await context.close();
    }
    expect(bodies[0]).toBe(bodies[1]);
  });

  test('the site refuses to be framed', async ({ page }) => {
    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.setContent(`<iframe src="${BAD}/zh"></iframe>`);
    expect((await refused).text()).toMatch(
      /violates the following Content Security Policy directive: "frame-ancestors 'none'"/,
    );
  });
});

test.describe('script injection', () => {
  test('markup inside an article is shown as text and never runs', async ({ page, request }) => {
    const noInjection = await watchInjection(page);
    const response = await page.goto(`${BAD}/zh/2025-05-01/1`);
    expect(response?.status()).toBe(200);
    expectHardened(await request.get(`${BAD}/zh/2025-05-01/1`), 'bad page');
    await expect(page.getByText('夜市开张<script>window.__pwned=1</script>首日人气旺').first()).toBeVisible();
    await page.locator('a[href^="/zh/2025-05-01/1/"]', { hasText: '夜市开张' }).first().click();
    await expect(page).toHaveURL(/\/zh\/2025-05-01\/1\/[A-Za-z0-9_-]+$/);
    await expect(
      page
        .locator('article')
        .getByRole('heading', { name: '夜市开张<script>window.__pwned=1</script>首日人气旺' }),
    ).toBeVisible();
    await expect(page.locator('article')).toContainText(/<img src=x onerror="window\.(__)?pwned=2">/);
    await expect(page.locator('article')).toContainText('<b>石小满</b>');
    // The text stayed text: no element was made from it.
    expect(
      await page
        .locator('article img[src="x"], article script, article b, article a[href^="javascript:"]')
        .count(),
    ).toBe(0);
    await noInjection();
  });

  test('script in the query is shown as text and never runs', async ({ page, request }) => {
    const noInjection = await watchInjection(page);
    const url = `/zh/search?q=${encodeURIComponent(PAYLOAD)}&from=${encodeURIComponent('"><script>window.__pwned=3</script>')}`;
    const raw = await request.get(url);
    expect(raw.status()).toBe(200);
    expectHardened(raw, url);
    const html = await raw.text();
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    await page.goto(url);
    const values = await page
      .locator('input[name="q"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toContain(PAYLOAD);
    await noInjection();
  });

  test('the policy itself blocks markup that got into the HTML', async ({ page }) => {
    const noInjection = await watchInjection(page);
    // As if escaping had failed: the server's real response and headers, with markup spliced into the HTML.
    await page.route('**/zh/2025-03-14/1', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '</main>',
        '<script>window.__pwned=6</script><img src="data:," onerror="window.__pwned=7"></main>',
      );
      await route.fulfill({ response, body });
    });
    await page.goto('/zh/2025-03-14/1');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { __violations: string[] }).__violations.map((v) => v.split(' ')[0]),
        ),
      )
      .toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
    // The site's own scripts (allowed by their hashes) still ran: React hydrated the page.
    await expect
      .poll(() =>
        page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f)),
      )
      .toBe(true);
    await noInjection();
  });
});

test.describe('the production server', () => {
  // Started by hand with a mistyped option or port: a usage line and exit status 2, not a stack trace.
  for (const [argv, said] of [
    [['-p', 'abc'], /--port abc is not a port number/],
    [['--prot', '3000'], /Unknown option '--prot'/],
  ] as const) {
    test(`refuses ${argv.join(' ')} with a message`, () => {
      const run = spawnSync(process.execPath, ['.next/dubao-server.mjs', ...argv], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(said);
      expect(run.stderr).toMatch(/^usage: node \.next\/dubao-server\.mjs/m);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
