/**
 * npm run bench:server [-- --issues 3650 --dir DIR --no-build]
 * Server speed with a large archive: generates (or reuses, see bench:build) an archive of N issues,
 * builds (under /tmp/build.lock; --no-build reuses .next), starts the production server (server.ts) on it and measures
 *   - the first request after start (the server reads the whole archive through the parse cache),
 *   - cold renders: the first request of an article in each of 20 old issues,
 *   - warm renders: one article requested again 50 times, then for 12 s while the server rescans
 *     the archive in the background (every 5 s),
 *   - the first search (no index files match the archive: the server indexes every article in
 *     memory, one segment per year, taking the issues the cache of indexed issues holds),
 *   - a search after one page of the newest issue changed: the time until a search finds the new
 *     text (the store's rescan every 5 s, then only that year indexed again), and that request's own,
 * and the server's resident memory (whole process tree) at each step.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  archiveDates,
  articlePathOn,
  buildLock,
  ensureArchive,
  mb,
  measure,
  printTable,
  startServer,
  timedGet,
  treeRss,
} from './bench-util';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const issues = Number(opt('--issues', '3650'));
const base = path.resolve(opt('--dir', path.join(tmpdir(), 'dubao-bench')));
const PORT = 3292;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
const p95 = (xs: number[]) => quantile(xs, 0.95);
const ms = (x: number) => `${x.toFixed(0)} ms`;

// The correction the last step appends to a page of the newest issue (and takes out again).
const PHRASE = '琥珀星辰测速更正';
const CORRECTION = new RegExp(`\\n本报讯 ${PHRASE}：\\d+。\\n`, 'g');

/** The page without any correction of this benchmark (one a run that stopped half way left behind). */
function withoutCorrection(file: string) {
  const text = readFileSync(file, 'utf8');
  const clean = text.replace(CORRECTION, '');
  if (clean !== text) writeFileSync(file, clean);
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true }).length;
  } catch {
    return 0;
  }
}

async function main() {
  const archive = path.join(base, `archive-${issues}`);
  const cache = path.join(base, `cache-${issues}`);
  const gen = await ensureArchive(archive, issues);
  console.error(
    `archive ${gen.reused ? 'reused' : 'generated'}: ${archive}; parse cache ${cache} holds ${countFiles(cache)} entries`,
  );
  const dates = archiveDates(archive);
  // The page the last step corrects: as generated, or a search would find the correction at once.
  const newest = path.join(archive, dates.at(-1)!);
  const corrected = path.join(newest, readdirSync(newest).filter((n) => n.endsWith('.md')).sort()[0]!);
  withoutCorrection(corrected);
  // Twenty issues from the oldest year, spread out; they have not been requested since the start.
  const old = dates.slice(0, Math.min(dates.length, 365));
  const picks = Array.from({ length: 20 }, (_, i) => old[Math.floor((i * old.length) / 20)]!)
    .map((d) => articlePathOn(archive, d))
    .filter((p): p is string => Boolean(p));
  const env = { CONTENT_DIR: archive, DUBAO_CACHE_DIR: cache, NEXT_TELEMETRY_DISABLED: '1' };

  const lock = await buildLock();
  try {
    if (!args.includes('--no-build')) {
      const b = await measure('npx', ['next', 'build'], { env });
      if (b.code !== 0) throw new Error(`next build failed:\n${b.tail}`);
      const bundled = await measure('npm', ['run', '-s', 'build:server'], { env });
      if (bundled.code !== 0) throw new Error(`bundling server.ts failed:\n${bundled.tail}`);
    }
    const server = await startServer(PORT, env);
    const rows: string[][] = [];
    try {
      const rss = () => mb(treeRss(server.child.pid!));
      rows.push(['server listening, nothing read yet', '', rss()]);
      const first = await timedGet(server.url + picks[0]!);
      if (first.status !== 200) throw new Error(`${picks[0]} answered ${first.status}:\n${server.log()}`);
      rows.push([`first request (reads ${issues} issues), ${picks[0]}`, ms(first.ms), rss()]);
      const cold: number[] = [];
      for (const p of picks.slice(1)) {
        const r = await timedGet(server.url + p);
        if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
        cold.push(r.ms);
      }
      rows.push([
        `cold article render, ${cold.length} old issues (median / p95)`,
        `${ms(median(cold))} / ${ms(p95(cold))}`,
        rss(),
      ]);
      const warm: number[] = [];
      for (let i = 0; i < 50; i++) warm.push((await timedGet(server.url + picks[1]!)).ms);
      rows.push([
        `warm article render, 50 requests (median / p95)`,
        `${ms(median(warm))} / ${ms(p95(warm))}`,
        rss(),
      ]);
      // Across 12 s the server rescans the archive twice or more (every 5 s): no request should wait for it.
      const steady: number[] = [];
      for (const end = Date.now() + 12_000; Date.now() < end;) {
        steady.push((await timedGet(server.url + picks[1]!)).ms);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      rows.push([
        `warm article over 12 s of archive rescans, ${steady.length} requests (median / p99 / max)`,
        `${ms(median(steady))} / ${ms(quantile(steady, 0.99))} / ${ms(Math.max(...steady))}`,
        rss(),
      ]);
      const latest = await timedGet(`${server.url}/zh`);
      rows.push(['front page of the latest issue', ms(latest.ms), rss()]);
      const search = await timedGet(`${server.url}/zh/search?q=${encodeURIComponent('记者')}`);
      rows.push([
        `first search (indexes every article in memory), status ${search.status}`,
        ms(search.ms),
        rss(),
      ]);
      const again = await timedGet(`${server.url}/zh/search?q=${encodeURIComponent('发展')}`);
      rows.push(['second search', ms(again.ms), rss()]);
      // A correction to today's paper: only its year should be indexed again.
      const phrase = PHRASE;
      appendFileSync(corrected, `\n本报讯 ${phrase}：${Date.now()}。\n`);
      const edited = Date.now();
      let found: { ms: number; at: number } | undefined;
      for (let i = 0; !found && Date.now() - edited < 120_000; i++) {
        // A distinct URL each time: the response cache keeps a page for 5 s.
        const r = await timedGet(`${server.url}/zh/search?q=${encodeURIComponent(phrase)}&n=${i}`);
        if (r.status === 200 && r.body.includes('<mark>琥珀星辰')) found = { ms: r.ms, at: Date.now() - edited };
        else await new Promise((resolve) => setTimeout(resolve, 250));
      }
      rows.push([
        'one page of the newest issue changed: until a search finds it (incl. the 5 s rescan) / that search',
        found ? `${ms(found.at)} / ${ms(found.ms)}` : 'not found in 120 s',
        rss(),
      ]);
    } finally {
      await server.stop();
      withoutCorrection(corrected);
    }
    console.log(`\nserver speed and memory at ${issues} issues (server.ts, 127.0.0.1)\n`);
    printTable(['step', 'time', 'server RSS'], rows);
  } finally {
    lock.release();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
