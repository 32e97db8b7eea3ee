/**
 * npm run bench:build [-- --sizes 10,365,3650 --dir DIR --skip-search | --index-only]
 * Does the build grow with the archive? For each archive size: generates a fictional paper
 * (gen:archive, kept in DIR for reuse, default $TMPDIR/dubao-bench), then measures wall time and the
 * peak RSS of the process tree of
 *   1. the search index step (scripts/build-search-index.ts) with an empty parse cache and no
 *      index files of an earlier run,
 *   2. the same again after one page of the newest issue changed (the parse cache keeps the rest,
 *      the other years' segments are kept),
 *   3. `next build` with CONTENT_DIR pointing at the archive (held under /tmp/build.lock), which
 *      prerenders the newest issues (DUBAO_PRERENDER_ISSUES, default 2; counted from its manifest),
 * then starts the server on that build and opens an article of the newest issue (expects 200, read
 * from the build: x-dubao-prerendered) and one of the oldest year (expects 200, rendered on this
 * first request), and runs a first search (on the index files of step 1, as `npm run build`
 * leaves them).
 * --skip-search leaves out steps 1 and 2 and the search: `next build` then starts from an empty parse
 * cache (step 1 would have filled it, as it does in `npm run build`), so it parses the archive itself.
 * --index-only measures steps 1 and 2 alone (no `next build`, no server); take /tmp/build.lock
 * around the whole run yourself then (`flock /tmp/build.lock npm run bench:build -- --index-only`).
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  archiveDates,
  articlePathOn,
  buildLock,
  ensureArchive,
  mb,
  measure,
  oldestArticlePath,
  printTable,
  secs,
  startServer,
  timedGet,
  type Measured,
} from './bench-util';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const sizes = opt('--sizes', '10,365,3650').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('bench:build: --sizes takes whole numbers, e.g. 10,365,3650');
  process.exit(2);
}
const base = path.resolve(opt('--dir', path.join(tmpdir(), 'dubao-bench')));
const skipSearch = args.includes('--skip-search');
const indexOnly = args.includes('--index-only');
const STEP_TIMEOUT = 40 * 60_000;
// The index step holds every article of the archive at once; give it room at 3,650 issues.
const HEAP = { NODE_OPTIONS: '--max-old-space-size=8192' };

function check(step: string, r: Measured): Measured {
  if (r.code !== 0) throw new Error(`${step} failed (exit ${r.code}):\n${r.tail}`);
  return r;
}

const fmt = (r: Measured) => `${secs(r.ms)} / ${mb(r.peakRss)}`;

/** Appends a paragraph to the newest issue's last page: a re-ingest should re-parse that one file. */
function touchOnePage(archive: string) {
  const newest = readdirSync(archive).sort().at(-1)!;
  const last = readdirSync(path.join(archive, newest))
    .filter((n) => n.endsWith('.md'))
    .sort()
    .at(-1)!;
  appendFileSync(path.join(archive, newest, last), `\n本报讯 更正：${Date.now()}。\n`);
}

async function benchSize(issues: number): Promise<string[]> {
  const archive = path.join(base, `archive-${issues}`);
  const cache = path.join(base, `cache-${issues}`);
  const index = path.join(base, `search-${issues}`);
  mkdirSync(base, { recursive: true });
  const gen = await ensureArchive(archive, issues);
  console.error(`[${issues}] archive ${gen.reused ? 'reused' : `generated in ${secs(gen.ms)}`}: ${archive}`);
  // Cold: no parse cache, no cache of indexed issues, no segments of an earlier run to keep.
  rmSync(cache, { recursive: true, force: true });
  rmSync(index, { recursive: true, force: true });
  const env = { CONTENT_DIR: archive, DUBAO_CACHE_DIR: cache, NEXT_TELEMETRY_DISABLED: '1' };

  const indexRun = () =>
    measure('npx', ['tsx', 'scripts/build-search-index.ts', index], {
      env: { ...env, ...HEAP },
      timeoutMs: STEP_TIMEOUT,
    });
  let cold: Measured | undefined;
  let warm: Measured | undefined;
  if (!skipSearch) {
    cold = check('search index', await indexRun());
    console.error(
      `[${issues}] search index, cold cache: ${fmt(cold)} — ${cold.tail.trim().split('\n').at(-1)}`,
    );
  }
  touchOnePage(archive);
  if (!skipSearch) {
    warm = check('search index (warm)', await indexRun());
    console.error(
      `[${issues}] search index, one page changed: ${fmt(warm)} — ${warm.tail.trim().split('\n').at(-1)}`,
    );
  }
  if (indexOnly) return [String(issues), cold ? fmt(cold) : '', warm ? fmt(warm) : ''];

  const lock = await buildLock();
  try {
    const build = check(
      'next build',
      await measure('npx', ['next', 'build'], { env, timeoutMs: STEP_TIMEOUT }),
    );
    const routes = prerenderedRoutes();
    console.error(
      `[${issues}] next build: ${fmt(build)}, ${routes} (waited ${secs(lock.waitedMs)} for the build lock)`,
    );
    check('bundling server.ts', await measure('npm', ['run', '-s', 'build:server'], { env }));
    // The server searches the index files the step above wrote, as after `npm run build`.
    const server = await startServer(3290, { ...env, DUBAO_SEARCH_DIR: index });
    let newest: string;
    let opened: string;
    let searched = '–';
    try {
      const latest = newestArticlePath(archive);
      const n = await timedGet(server.url + latest);
      newest = `${n.status} in ${secs(n.ms)}`;
      console.error(
        `[${issues}] GET ${latest}: ${newest}, x-nextjs-cache ${n.headers.get('x-nextjs-cache')}`,
      );
      if (n.status !== 200 || n.headers.get('x-dubao-prerendered') !== '1') {
        throw new Error(
          `${latest} was not served from the build (${n.status}); the server said:\n${server.log()}`,
        );
      }
      const where = oldestArticlePath(archive);
      const r = await timedGet(server.url + where);
      opened = `${r.status} in ${secs(r.ms)}`;
      console.error(`[${issues}] GET ${where}: ${opened}`);
      if (r.status !== 200 || r.headers.get('x-dubao-prerendered'))
        throw new Error(
          `${where} answered ${r.status} (or from the build); the server said:\n${server.log()}`,
        );
      if (!skipSearch) {
        const q = await timedGet(`${server.url}/zh/search?q=${encodeURIComponent('记者')}`);
        searched = `${q.status} in ${secs(q.ms)}`;
        console.error(`[${issues}] first search: ${searched}`);
      }
    } finally {
      await server.stop();
    }
    const skipped = '–';
    return [
      String(issues),
      cold ? fmt(cold) : skipped,
      warm ? fmt(warm) : skipped,
      fmt(build),
      routes,
      newest,
      opened,
      searched,
    ];
  } finally {
    lock.release();
  }
}

/** Pages `next build` prerendered from the archive (issues, pages, articles in every locale), from its manifest. */
function prerenderedRoutes(): string {
  const manifest = JSON.parse(readFileSync('.next/prerender-manifest.json', 'utf8')) as {
    routes: Record<string, { srcRoute?: string | null }>;
  };
  const all = Object.values(manifest.routes);
  const reader = all.filter((r) => r.srcRoute?.startsWith('/[locale]/[date]')).length;
  return `${reader} of ${all.length} routes`;
}

/** An article of the newest issue in zh-Hant (the server's warm-up, off here anyway, opens zh only). */
function newestArticlePath(archive: string): string {
  for (const date of archiveDates(archive).reverse()) {
    const found = articlePathOn(archive, date, 'zh-Hant');
    if (found) return found;
  }
  throw new Error(`${archive}: no article found`);
}

async function main() {
  const rows: string[][] = [];
  for (const n of sizes) rows.push(await benchSize(n));
  console.log('\nwall time / peak RSS of the process tree, by archive size (issues)\n');
  const heads = ['issues', 'search index (cold cache)', 'search index (1 page changed)'];
  const server = [
    'next build',
    'prerendered',
    'newest article (first request)',
    'oldest article (first request)',
    'first search (server)',
  ];
  printTable(indexOnly ? heads : [...heads, ...server], rows);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
