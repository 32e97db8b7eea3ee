/**
 * E2E journeys against a production build in Debian's chromium. One `next build`, two servers:
 * the content is read at request time, so the same build serves the bundled seed (port 3210) and
 * the fixture archive of a fictional paper (CONTENT_DIR=e2e/fixtures/archive, port 3211).
 * E2E_SKIP_BUILD=1 reuses an existing .next build; E2E_REUSE=1 reuses running servers.
 */
import { defineConfig, devices } from '@playwright/test';
import { DESK_TOKEN } from './e2e/desk-token';
import { BAD_PORT, DESK_PORT, FIXTURE_PORT, LIVE_PORT, SEED_PORT, STATIC_PORT } from './e2e/ports';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

const LIVE_DIR = '.cache/live-archive';
const DESK_DIR = '.cache/desk-archive';

const CI = Boolean(process.env.CI);
const build = process.env.E2E_SKIP_BUILD ? '' : 'npm run build && ';
const buildStatic = process.env.E2E_SKIP_BUILD ? '' : 'npm run build:static && ';
// Never test a stale server by accident; E2E_REUSE=1 reuses servers you started yourself.
const reuse = Boolean(process.env.E2E_REUSE) && !CI;

const chromium = {
  ...devices['Desktop Chrome'],
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'seed',
      testMatch: /reader-seed\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${SEED_PORT}` },
    },
    {
      // The e2e build reads the seed content/, as this server does: its pages come from the build.
      name: 'prerender',
      testMatch: /prerender\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${SEED_PORT}` },
    },
    {
      name: 'fixture',
      testMatch: /reader(-fixture)?\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${FIXTURE_PORT}` },
    },
    {
      name: 'no-js',
      testMatch: /reader-nojs\.spec\.ts/,
      use: { ...chromium, javaScriptEnabled: false, baseURL: `http://127.0.0.1:${FIXTURE_PORT}` },
    },
    {
      // The reading and search journeys again, on the static export (no server of ours runs).
      name: 'static',
      testMatch: /(reader|search|static)\.spec\.ts/,
      grepInvert: /without JavaScript/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${STATIC_PORT}` },
    },
    {
      // A static host has no /api/prefs to post the no-JavaScript preference form to.
      name: 'static-no-js',
      testMatch: /reader-nojs\.spec\.ts/,
      grepInvert: /work as a form/,
      use: { ...chromium, javaScriptEnabled: false, baseURL: `http://127.0.0.1:${STATIC_PORT}` },
    },
    {
      name: 'live',
      testMatch: /live\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${LIVE_PORT}` },
    },
    {
      name: 'desk',
      testMatch: /desk\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${DESK_PORT}` },
    },
    {
      // Everyone else's journeys run against the fixture archive by default. The pattern is matched
      // against the whole path: it names a file, not a folder (this worktree is wt-prerender).
      name: 'other',
      testIgnore: /\/(reader|static|live|prerender|desk)[^/]*\.spec\.ts$/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${FIXTURE_PORT}` },
    },
  ],
  // Started in order: the static export first (it compiles in a folder of its own), then the server build
  // that the next servers reuse.
  webServer: [
    {
      command: `${buildStatic}npx tsx scripts/serve-static.ts out ${STATIC_PORT}`,
      url: `http://127.0.0.1:${STATIC_PORT}/zh`,
      env: { CONTENT_DIR: 'e2e/fixtures/archive', NEXT_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: reuse,
      timeout: 600_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // The first server builds (when asked to); the others start on that build.
    dubao(SEED_PORT, 'content', { before: build, timeout: 600_000 }),
    dubao(FIXTURE_PORT, 'e2e/fixtures/archive'),
    // The bad-content corpus (broken pages, markup in text): e2e/bad-content and security specs. Its
    // rejected files are reported on stderr by design; keep the test output readable.
    dubao(BAD_PORT, 'e2e/fixtures/bad-archive', { quiet: true }),
    dubao(LIVE_PORT, LIVE_DIR, {
      before: `rm -rf ${LIVE_DIR} && mkdir -p .cache && cp -r e2e/fixtures/archive ${LIVE_DIR} && `,
      env: { DUBAO_WARM: '0' },
    }),
    dubao(DESK_PORT, DESK_DIR, {
      before: `rm -rf ${DESK_DIR} && mkdir -p .cache && cp -r e2e/fixtures/desk-archive ${DESK_DIR} && `,
      env: { DUBAO_WARM: '0', DUBAO_DESK_TOKEN: DESK_TOKEN },
    }),
  ],
});

/** The production server (server.ts, as `npm start` runs it) on a port, reading one content folder. */
function dubao(
  port: number,
  content: string,
  opts: { before?: string; timeout?: number; quiet?: boolean; env?: Record<string, string> } = {},
) {
  return {
    command: `${opts.before ?? ''}node .next/dubao-server.mjs -p ${port}`,
    url: `http://127.0.0.1:${port}/zh`,
    env: { CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: '1', ...opts.env },
    reuseExistingServer: reuse,
    timeout: opts.timeout ?? 60_000,
    stdout: 'ignore' as const,
    stderr: opts.quiet ? ('ignore' as const) : ('pipe' as const),
  };
}
