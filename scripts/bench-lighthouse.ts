/**
 * npm run bench:lighthouse [-- --no-build]   (LH_RUNS=3: runs per route, taken in turns; the median run is shown, and the spread)
 * Page speed of the production build: builds (under /tmp/build.lock), serves CONTENT_DIR (default the
 * fixture archive) on 127.0.0.1 and runs Lighthouse 12 (mobile profile, simulated throttling) in
 * Debian's chromium on a printed page, an article and a search results page. Prints the four category
 * scores, LCP, TBT and CLS, whether a web font delays the first paint of text, and the client
 * JavaScript each route loads (gzip) against the framework's baseline: the bare global 404 page of the
 * same build (/_not-found: no component of ours), from .next/diagnostics/route-bundle-stats.json.
 *
 * For scale, the same audit runs in the same run on a bare Next.js app (the same next and react, one
 * page with a headline and a paragraph, no code of ours; built in a temporary folder): what the
 * framework alone scores on this machine.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildLock, measure, printTable, startServer } from './bench-util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const CHROME_FLAGS = CHROMIUM_ARGS;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PORT = 3291;
const BARE_PORT = 3293;
const RUNS = Number(process.env.LH_RUNS ?? 3);

type LhResult = {
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      score: number | null;
      numericValue?: number;
      scoreDisplayMode?: string;
      details?: { items?: unknown[] };
    }
  >;
};

/** gzip bytes of a route's first-load chunks, and the chunk list. */
function routeChunks(stats: { route: string; firstLoadChunkPaths: string[] }[], route: string): string[] {
  const entry = stats.find((s) => s.route === route);
  if (!entry)
    throw new Error(
      `route-bundle-stats.json has no route ${route} (routes: ${stats.map((s) => s.route).join(', ')})`,
    );
  return entry.firstLoadChunkPaths;
}

const score0 = (lhr: LhResult) => Math.round((lhr.categories.performance?.score ?? 0) * 100);
/** The lowest and highest value of an audit over the runs, in ms. */
function spread(runs: LhResult[], audit: string): string {
  const values = runs.map((r) => Math.round(r.audits[audit]?.numericValue ?? NaN));
  return `${Math.min(...values)}–${Math.max(...values)} ms`;
}

const gz = (files: string[]) =>
  files.reduce((n, f) => n + gzipSync(readFileSync(path.resolve(f)), { level: 9 }).length, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A Next.js app with nothing of ours in it, beside the project's node_modules. */
function writeBareApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dubao-bare-next-'));
  mkdirSync(path.join(dir, 'app'));
  const files: Record<string, string> = {
    'package.json': '{"name":"bare-next","private":true}',
    // The node_modules link points outside the folder: let Turbopack resolve through it.
    'next.config.mjs': "export default { turbopack: { root: '/' }, outputFileTracingRoot: '/' };",
    'app/layout.jsx': `export const metadata = { title: '空白页', description: '没有 dubao 代码的 Next.js 页面' };
export default function Layout({ children }) {
  return <html lang="zh-CN"><body>{children}</body></html>;
}`,
    'app/page.jsx': `export default function Page() {
  return <main><h1>空白页</h1><p>这一页只有 Next.js 和 React：没有读报的任何代码。</p></main>;
}`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  // Without it the browser's request for /favicon.ico is a console error that costs best practices.
  mkdirSync(path.join(dir, 'public'));
  copyFileSync('public/favicon.ico', path.join(dir, 'public/favicon.ico'));
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

async function main() {
  const build = !process.argv.includes('--no-build');
  const content = process.env.CONTENT_DIR || 'e2e/fixtures/archive';
  // Canonical URLs on the origin being audited (Lighthouse fails a canonical that points elsewhere).
  const env = { CONTENT_DIR: content, NEXT_TELEMETRY_DISABLED: '1', SITE_URL: `http://127.0.0.1:${PORT}` };
  const lock = await buildLock();
  try {
    if (build) {
      const r = await measure('npx', ['next', 'build'], { env });
      if (r.code !== 0) throw new Error(`next build failed:\n${r.tail}`);
      const bundled = await measure('npm', ['run', '-s', 'build:server'], { env });
      if (bundled.code !== 0) throw new Error(`bundling server.ts failed:\n${bundled.tail}`);
    }
    const bareDir = writeBareApp();
    const next = path.resolve('node_modules/next/dist/bin/next');
    let bare: Awaited<ReturnType<typeof startServer>> | undefined;
    const server = await startServer(PORT, env);
    try {
      const bareBuild = await measure(process.execPath, [next, 'build'], { cwd: bareDir, env });
      if (bareBuild.code !== 0) throw new Error(`building the bare Next.js app failed:\n${bareBuild.tail}`);
      bare = await startServer(BARE_PORT, {}, 60_000, {
        args: [next, 'start', '-H', '127.0.0.1', '-p'],
        cwd: bareDir,
      });
      // The routes to audit, from the archive the server reads: the latest issue's front page, its first article.
      const home = await (await fetch(`${server.url}/zh`)).text();
      const articleHref = /href="(\/zh\/\d{4}-\d{2}-\d{2}\/\d+\/[A-Za-z0-9_-]+)"/.exec(home)?.[1];
      const pageHref = articleHref?.replace(/\/[^/]+$/, '');
      if (!articleHref || !pageHref) throw new Error('no article link on /zh');
      const articleHtml = await (await fetch(server.url + articleHref)).text();
      const headline = /<h1[^>]*>([^<]{2})/.exec(articleHtml)?.[1] ?? '新闻';
      const routes = [
        ['page', server.url, pageHref],
        ['article', server.url, articleHref],
        ['search', server.url, `/zh/search?q=${encodeURIComponent(headline)}`],
        ['bare Next.js page', bare.url, '/'],
      ] as const;

      const { default: lighthouse } = await import('lighthouse');
      const chromeLauncher = await import('chrome-launcher');
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM_PATH,
        chromeFlags: CHROME_FLAGS,
      });
      const rows: string[][] = [];
      const fonts: string[] = [];
      try {
        // Warm each route once, so the audits measure serving it, not the first parse of the archive.
        for (const [, origin, href] of routes) await fetch(origin + href);
        // The routes take turns, run after run, so a slow spell of the machine falls on all of them
        // alike (one run on a shared machine is noisy, TBT above all).
        const runsOf: LhResult[][] = routes.map(() => []);
        for (let round = 0; round < RUNS; round++) {
          for (const [i, [name, origin, href]] of routes.entries()) {
            // A run Lighthouse could not finish (its runtimeError: no paint seen, a timeout) is not a
            // score of 0: it is said and run again, twice at most.
            for (let failed = 0; ;) {
              const run = await lighthouse(origin + href, {
                port: chrome.port,
                output: 'json',
                logLevel: 'error',
                onlyCategories: [...CATEGORIES],
                formFactor: 'mobile',
              });
              const lhr = run?.lhr as unknown as LhResult | undefined;
              const error = !lhr
                ? 'no result'
                : lhr.runtimeError && `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
              if (!error) {
                runsOf[i]!.push(lhr!);
                break;
              }
              console.error(`${name}: Lighthouse run failed (${error})`);
              if (++failed > 2) throw new Error(`lighthouse failed three times on ${href}`);
            }
          }
        }
        for (const [i, [name, , href]] of routes.entries()) {
          const runs = runsOf[i]!;
          runs.sort(
            (a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0),
          );
          const lhr = runs[Math.floor(runs.length / 2)]!;
          const score = (c: string) => String(Math.round((lhr.categories[c]?.score ?? 0) * 100));
          const num = (a: string) => lhr.audits[a]?.numericValue ?? NaN;
          rows.push([
            name,
            href.length > 40 ? `${href.slice(0, 39)}…` : href,
            ...CATEGORIES.map(score),
            `${Math.round(num('largest-contentful-paint'))} ms`,
            `${Math.round(num('total-blocking-time'))} ms`,
            num('cumulative-layout-shift').toFixed(3),
            // The spread of the runs: how far one audit of the same build can move.
            `${score0(runs[0]!)}–${score0(runs.at(-1)!)}`,
            spread(runs, 'largest-contentful-paint'),
            spread(runs, 'total-blocking-time'),
          ]);
          const fontDisplay = lhr.audits['font-display'];
          const fontRequests = (lhr.audits['network-requests']?.details?.items ?? []).filter(
            (item) => (item as { resourceType?: string }).resourceType === 'Font',
          ).length;
          fonts.push(
            `${name}: ${fontRequests} web font request(s); font-display audit ${
              fontDisplay?.scoreDisplayMode === 'notApplicable'
                ? 'not applicable (no web font)'
                : `score ${fontDisplay?.score}`
            }`,
          );
          const failing = Object.entries(lhr.audits)
            .filter(
              ([, a]) =>
                a.score !== null &&
                a.score < 1 &&
                a.scoreDisplayMode !== 'informative' &&
                a.scoreDisplayMode !== 'manual',
            )
            .map(([id]) => id);
          if (failing.length) console.error(`${name}: audits below full marks: ${failing.join(', ')}`);
        }
      } finally {
        chrome.kill();
      }
      console.log(
        `\nLighthouse 12, mobile profile (simulated throttling), Debian chromium, median of ${RUNS} runs per route (the routes in turns)\n`,
      );
      printTable(
        [
          'route',
          'path',
          'perf',
          'a11y',
          'best practices',
          'SEO',
          'LCP',
          'TBT',
          'CLS',
          'perf, all runs',
          'LCP, all runs',
          'TBT, all runs',
        ],
        rows,
      );
      console.log(`\nweb fonts and the first paint:\n  ${fonts.join('\n  ')}`);
    } finally {
      await server.stop();
      await bare?.stop();
      rmSync(bareDir, { recursive: true, force: true });
    }

    const stats = JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8')) as {
      route: string;
      firstLoadChunkPaths: string[];
    }[];
    const baseline = routeChunks(stats, '/_not-found');
    const base = new Set(baseline);
    const js = [
      '/[locale]/[date]/[page]',
      '/[locale]/[date]/[page]/[article]',
      '/[locale]/search',
      '/[locale]/archive',
    ].map((route) => {
      const chunks = routeChunks(stats, route);
      const own = chunks.filter((c) => !base.has(c));
      return [route, kb(gz(chunks)), kb(gz(own)), String(own.length)];
    });
    console.log(
      `\nclient JavaScript on first load, gzip (baseline: /_not-found, ${kb(gz(baseline))} in ${baseline.length} chunks)\n`,
    );
    printTable(['route', 'total', 'own, on top of the baseline', 'own chunks'], js);
  } finally {
    lock.release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
