/**
 * npm run bench:cdn [-- --issues 30 --duration 20 --connections 50 --json FILE]: the production
 * server behind a real shared HTTP cache (nginx proxy_cache, as a CDN edge would be), side by side
 * with the server alone, in one run:
 *   - installs nginx with apt when it is missing (nginx-light, else nginx), writes a temporary
 *     config from scripts/bench-cdn/nginx.conf.template (127.0.0.1 only; the cache follows the
 *     origin's Cache-Control and Vary and keys on the URL, never the cookies) and runs it as a child;
 *   - content: a generated archive of --issues issues (kept in $TMPDIR/dubao-bench), or CONTENT_DIR;
 *   - replays a morning with autocannon: ~80% of requests on the newest issue (home, front page, its
 *     pages and articles, the top stories most), ~5% searches for words of the archive, ~15% pages
 *     and articles of older issues, from readers with browser headers, half of them with preference
 *     cookies; a warm-up, then --duration seconds straight to the server, the same through the cache;
 *   - prints requests/s, p50/p99 latency, errors, non-2xx, bytes, the cache's hit ratio (every line
 *     of its access log), the requests that reached the server and its CPU seconds per run;
 *   - edits a headline of the newest issue's front page and polls it every 250 ms through the cache
 *     (and straight) until the new headline shows: how long readers see the old page;
 *   - targets: hit ratio ≥ 0.95, cached req/s ≥ 5× direct, no errors (PASS/FAIL; exit 1 on a FAIL).
 * Takes /tmp/build.lock while the server runs (--no-lock does not). Not part of npm test.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, loadArchive, type Archive } from '@/lib/content/load';
import { cachedParseRawPage } from '@/lib/content/parse-cache';
import { articlePath, issuePath, pagePath } from '@/lib/content/urls';
import { SIZES, SIZE_COOKIE, THEMES, THEME_COOKIE } from '@/components/layout/prefs';
import { createRng, type Rng } from '@/lib/gen/rng';
import { buildLock, ensureArchive, killTree, printTable, startServer, type Server } from './bench-util';

const USAGE = `usage: npx tsx scripts/bench-cdn.ts [options]   (npm run bench:cdn -- [options])

The production server (.next/dubao-server.mjs) behind nginx's proxy_cache, against the server alone.

  --issues N          generate an archive of N issues (default 30; ignored when CONTENT_DIR is set)
  --duration S        seconds of load per run, through the cache and straight (default 20)
  --warmup S          seconds of the same load before each run, not counted (default 5)
  --connections C     concurrent connections (default 50)
  --fresh-timeout S   how long to wait for an edited page to show through the cache (default 90)
  --json FILE         also write the results to FILE as JSON
  --no-lock           do not take /tmp/build.lock around the server
  --help              this text

Env: CONTENT_DIR (use this archive; one page of its newest issue is edited and restored),
DUBAO_CACHE_DIR (the parse cache), NGINX (the nginx binary to use), and the server's own
(DUBAO_S_MAXAGE…). Needs nginx: installed with apt-get (nginx-light, else nginx) when missing, as root;
without it only the server alone is measured.`;

export const TARGETS = { hitRatio: 0.95, speedup: 5 } as const;
const HOST = '127.0.0.1';
// Like .next/dubao-server.mjs, found from the repository root (where npm runs the script).
const TEMPLATE = path.resolve('scripts/bench-cdn/nginx.conf.template');

// --- The morning's requests -------------------------------------------------------------------

export type RequestClass = 'newest' | 'search' | 'older';

export interface Reader {
  headers: Record<string, string>;
  cookies: boolean;
}

export interface MorningRequest {
  path: string;
  kind: RequestClass;
  reader: number;
}

export interface Morning {
  readers: Reader[];
  requests: MorningRequest[];
  /** Every distinct path of each class (for the printout). */
  paths: Record<RequestClass, number>;
  newest: { date: string; frontPage: number };
}

const ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const BROWSERS = [
  {
    share: 0.65,
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
    encoding: 'gzip, deflate, br, zstd',
  },
  {
    share: 0.3,
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    encoding: 'gzip, deflate, br',
  },
  {
    share: 0.05,
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    encoding: 'gzip, deflate, br, zstd',
  },
];

/** The preference cookies a reader who changed them carries (lib/server/html.ts prefsFromCookies). */
export function prefCookieChoices(): string[] {
  const out: string[] = [];
  for (const size of [undefined, ...SIZES])
    for (const theme of [undefined, ...THEMES]) {
      const parts = [size && `${SIZE_COOKIE}=${size}`, theme && `${THEME_COOKIE}=${theme}`].filter(Boolean);
      if (parts.length) out.push(parts.join('; '));
    }
  return out;
}

/** Readers with browser headers; half of them carry preference cookies, as real readers do. */
export function makeReaders(rng: Rng, count: number): Reader[] {
  const cookies = prefCookieChoices();
  return Array.from({ length: count }, (_, i) => {
    let r = rng();
    const browser = BROWSERS.find((b) => (r -= b.share) < 0) ?? BROWSERS[0]!;
    const headers: Record<string, string> = {
      accept: ACCEPT,
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
      'accept-encoding': browser.encoding,
      'user-agent': browser.ua,
    };
    const withCookies = i % 2 === 1;
    if (withCookies) headers.cookie = cookies[Math.floor(rng() * cookies.length)]!;
    return { headers, cookies: withCookies };
  });
}

/** Picks from weighted items; weights need not sum to 1. */
function weighted<T>(items: { item: T; weight: number }[]): (rng: Rng) => T {
  const total = items.reduce((s, x) => s + x.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const x of items) cumulative.push((acc += x.weight / total));
  return (rng) => {
    const r = rng();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!.item;
  };
}

/** Han words of two or three characters from headlines: what readers search for. */
export function searchWords(headlines: string[], rng: Rng, count: number): string[] {
  const words = new Set<string>();
  for (let tries = 0; words.size < count && tries < count * 50 && headlines.length; tries++) {
    const han = headlines[Math.floor(rng() * headlines.length)]!.replace(/[^\p{Script=Han}]/gu, '');
    if (han.length < 2) continue;
    const len = han.length >= 3 && rng() < 0.3 ? 3 : 2;
    const at = Math.floor(rng() * (han.length - len + 1));
    words.add(han.slice(at, at + len));
  }
  return [...words];
}

/**
 * The morning as a list of requests (seeded: the same list for both runs). Shares: newest issue
 * 80% (home 15, issue 10, pages 25, articles 50, the earlier pages and stories more), search 5%
 * (one word, or two), older issues 15% (pages 30, articles 70, any issue alike).
 */
export function planMorning(
  archive: Pick<Archive, 'issues'>,
  seed: number,
  count: number,
  readerCount = 2000,
): Morning {
  const rng = createRng(seed);
  const newest = archive.issues.at(-1);
  if (!newest?.pages.length) throw new Error('the archive has no issue with pages');
  const locale = 'zh';
  const pages = newest.pages.map((p, i) => ({
    item: pagePath(locale, newest.date, p.meta.page),
    weight: 1 / (i + 1),
  }));
  const articles = newest.pages
    .flatMap((p) => p.articles.map((a) => articlePath(locale, newest.date, p.meta.page, a.id)))
    .map((item, rank) => ({ item, weight: 1 / Math.pow(rank + 1, 0.8) }));
  const pickPage = weighted(pages);
  const pickArticle = articles.length ? weighted(articles) : pickPage;
  const newestPick = weighted<() => string>([
    { item: () => `/${locale}`, weight: 15 },
    { item: () => issuePath(locale, newest.date), weight: 10 },
    { item: () => pickPage(rng), weight: 25 },
    { item: () => pickArticle(rng), weight: 50 },
  ]);

  const older = archive.issues.slice(0, -1);
  const olderPages = older.flatMap((i) => i.pages.map((p) => pagePath(locale, i.date, p.meta.page)));
  const olderArticles = older.flatMap((i) =>
    i.pages.flatMap((p) => p.articles.map((a) => articlePath(locale, i.date, p.meta.page, a.id))),
  );
  const headlines = archive.issues
    .slice(-60)
    .flatMap((i) => i.pages.flatMap((p) => p.articles.map((a) => a.headline)));
  const words = searchWords(headlines, rng, 40);
  const searches = words.map((w, i) => {
    const q = i % 4 === 3 && words.length > 1 ? `${w} ${words[(i * 7) % words.length]}` : w;
    return `/${locale}/search?q=${encodeURIComponent(q)}`;
  });

  const classes = weighted<RequestClass>([
    { item: 'newest', weight: 80 },
    { item: 'search', weight: searches.length ? 5 : 0 },
    { item: 'older', weight: olderPages.length ? 15 : 0 },
  ]);
  const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)]!;
  const requests: MorningRequest[] = [];
  for (let i = 0; i < count; i++) {
    const kind = classes(rng);
    const p =
      kind === 'newest'
        ? newestPick(rng)()
        : kind === 'search'
          ? pick(searches)
          : rng() < 0.3 || !olderArticles.length
            ? pick(olderPages)
            : pick(olderArticles);
    requests.push({ path: p, kind, reader: Math.floor(rng() * readerCount) });
  }
  return {
    readers: makeReaders(createRng(seed + 1), readerCount),
    requests,
    paths: {
      newest: 2 + pages.length + articles.length,
      search: searches.length,
      older: olderPages.length + olderArticles.length,
    },
    newest: { date: newest.date, frontPage: newest.pages[0]!.meta.page },
  };
}

/** Which class a URL of the morning belongs to. */
export function classify(url: string, newestDate: string): RequestClass {
  if (url.startsWith('/zh/search')) return 'search';
  if (url === '/zh' || url.startsWith(`/zh/${newestDate}`)) return 'newest';
  return 'older';
}

// --- nginx --------------------------------------------------------------------------------------

export interface CacheTally {
  /** Reader requests answered (lines, less those cut by the end of the run). */
  lines: number;
  /** Requests the load generator dropped when the run ended (status 499): not counted. */
  cut: number;
  /** Lines per $upstream_cache_status ('-' when the cache was not asked). */
  statuses: Record<string, number>;
  /** HIT, STALE and UPDATING: answered from the cache without waiting for the origin. */
  hits: number;
  byClass: Record<RequestClass, { lines: number; hits: number }>;
}

const SERVED_FROM_CACHE = new Set(['HIT', 'STALE', 'UPDATING']);

/** Counts the edge's access log lines (log_format cdn of the template). */
export function tallyAccessLog(text: string, newestDate: string): CacheTally {
  const tally: CacheTally = {
    lines: 0,
    cut: 0,
    statuses: {},
    hits: 0,
    byClass: { newest: { lines: 0, hits: 0 }, search: { lines: 0, hits: 0 }, older: { lines: 0, hits: 0 } },
  };
  for (const line of text.split('\n')) {
    const m = /^[\d.]+ (\S+) (\d{3}) \d+ \S+ "([^"]*)"$/.exec(line.trim());
    if (!m) continue;
    const [, status, code, url] = m;
    if (code === '499') {
      tally.cut++;
      continue;
    }
    tally.lines++;
    tally.statuses[status!] = (tally.statuses[status!] ?? 0) + 1;
    const hit = SERVED_FROM_CACHE.has(status!);
    if (hit) tally.hits++;
    const c = tally.byClass[classify(url!, newestDate)];
    c.lines++;
    if (hit) c.hits++;
  }
  return tally;
}

/** The nginx config: the template with its placeholders filled. */
export function renderConfig(
  template: string,
  values: {
    dir: string;
    port: number;
    counterPort: number;
    originPort: number;
    workers: number;
    user: string;
    tempPaths: string;
  },
): string {
  const map: Record<string, string> = {
    DIR: values.dir,
    PORT: String(values.port),
    COUNTER_PORT: String(values.counterPort),
    ORIGIN_PORT: String(values.originPort),
    WORKERS: String(values.workers),
    USER: values.user,
    TEMP_PATHS: values.tempPaths,
  };
  const out = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (!(name in map)) throw new Error(`nginx template: unknown placeholder ${whole}`);
    return map[name]!;
  });
  return out;
}

function findNginx(): string | undefined {
  for (const dir of [
    ...(process.env.PATH ?? '').split(':'),
    '/usr/sbin',
    '/usr/local/sbin',
    '/usr/local/nginx/sbin',
  ]) {
    if (dir && existsSync(path.join(dir, 'nginx'))) return path.join(dir, 'nginx');
  }
  return undefined;
}

/** nginx's binary, installed with apt-get if missing; undefined (with the reason printed) when it cannot be had. */
function ensureNginx(): { bin?: string; why?: string } {
  const named = process.env.NGINX;
  if (named)
    return existsSync(named) ? { bin: named } : { why: `NGINX=${named}: no such file (nothing installed)` };
  const found = findNginx();
  if (found) return { bin: found };
  if (!existsSync('/usr/bin/apt-get'))
    return {
      why: 'nginx is not installed and there is no apt-get here: install nginx (with its proxy module)',
    };
  if (process.getuid?.() !== 0)
    return {
      why: 'nginx is not installed and installing it needs root: sudo apt-get install -y nginx-light',
    };
  const run = (args: string[]) => {
    console.error(`bench:cdn: $ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, {
      stdio: ['ignore', 2, 2],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 300_000,
    });
    return r.status === 0;
  };
  console.error(
    'bench:cdn: nginx not found: installing it with apt-get (the package may start its own service; this benchmark runs its own nginx)',
  );
  if (!run(['update', '-q'])) console.error('bench:cdn: apt-get update failed; trying the install anyway');
  for (const pkg of ['nginx-light', 'nginx']) {
    if (run(['install', '-y', '-q', '--no-install-recommends', pkg]) && findNginx()) {
      console.error(`bench:cdn: installed ${pkg}: ${findNginx()}`);
      return { bin: findNginx() };
    }
  }
  return { why: 'nginx is missing and apt-get could not install nginx-light or nginx (see apt-get above)' };
}

interface Nginx {
  child: ChildProcess;
  url: string;
  dir: string;
  accessLog: string;
  originLog: string;
  stop: () => Promise<void>;
}

export async function startNginx(
  bin: string,
  ports: { port: number; counterPort: number; originPort: number },
): Promise<Nginx> {
  if (!existsSync(TEMPLATE))
    throw new Error(`${TEMPLATE} is missing: run bench:cdn from the repository root`);
  const version = spawnSync(bin, ['-V'], { encoding: 'utf8' });
  const configure = `${version.stdout}${version.stderr}`;
  if (/--without-http_proxy_module/.test(configure))
    throw new Error(`${bin} was built without the proxy module: install nginx-light or nginx`);
  const dir = mkdtempSync(path.join(tmpdir(), 'dubao-cdn-'));
  // nginx's workers run as an unprivileged user when it is started as root: they must reach the cache.
  if (process.getuid?.() === 0) chmodSync(dir, 0o755);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .filter((m) => m === 'client_body' || m === 'proxy' || !configure.includes(`--without-http_${m}_module`))
    .map((m) => `    ${m}_temp_path ${dir}/tmp/${m};`)
    .join('\n');
  mkdirSync(path.join(dir, 'tmp'));
  const template = readFileSync(TEMPLATE, 'utf8');
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    renderConfig(template, {
      dir,
      ...ports,
      workers: 1,
      user: process.getuid?.() === 0 ? 'user nobody nogroup;' : '',
      tempPaths: temp,
    }),
  );
  const args = ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')];
  const test = spawnSync(bin, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused ${conf}:\n${test.stderr}${test.stdout}`);
  const child = spawn(bin, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const url = `http://${HOST}:${ports.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited (${child.exitCode}):\n${err}${readLog(path.join(dir, 'error.log'))}`);
    const ok = await fetch(`${url}/favicon-probe.txt`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (i > 100) throw new Error(`nginx did not answer on ${url}:\n${err}`);
    await sleep(100);
  }
  const stop = async () => {
    if (child.exitCode === null) {
      killTree(child);
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  };
  return {
    child,
    url,
    dir,
    accessLog: path.join(dir, 'access.log'),
    originLog: path.join(dir, 'origin.log'),
    stop,
  };
}

/**
 * When the origin last answered `url` for the cache (epoch seconds), from the counter's log; with
 * `encoding`, only for readers sending that Accept-Encoding (the cache keeps one copy per value).
 */
export function lastFetched(originLog: string, url: string, encoding?: string): number | undefined {
  let last: number | undefined;
  for (const line of originLog.split('\n')) {
    const m = /^([\d.]+) \d{3} \d+ \S+ "([^"]*)"(?: "([^"]*)")?$/.exec(line.trim());
    if (m && m[2] === url && (encoding === undefined || m[3] === encoding))
      last = Math.max(last ?? 0, Number(m[1]));
  }
  return last;
}

const readLog = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
const logSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const readFrom = (file: string, offset: number) =>
  existsSync(file) ? readFileSync(file).subarray(offset).toString('utf8') : '';

// --- Measuring -------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  return Number(r.stdout?.trim()) || 100;
})();

/** CPU seconds (user + system) used so far by pid and its live descendants, from /proc. */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  const walk = (p: number) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const kid of kids ? kids.split(/\s+/) : []) walk(Number(kid));
      }
    } catch {
      // The process ended.
    }
  };
  walk(pid);
  return ticks / TICKS;
}

/** CPU seconds the whole machine spent busy so far (all cores), from /proc/stat. */
export function machineCpuSeconds(stat = readFileSync('/proc/stat', 'utf8')): number {
  const cpu = /^cpu\s+(.*)$/m.exec(stat)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal …: all but idle and iowait is busy.
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - (cpu[3] ?? 0) - (cpu[4] ?? 0)) / TICKS;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Run {
  target: 'cache' | 'direct';
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytes: number;
  serverCpu: number;
  cacheCpu?: number;
  loadCpu: number;
  /** CPU seconds of everything else on the machine during the run (other people's builds, tests). */
  otherCpu: number;
  /** Requests that reached the server (through the cache: from the counter's log). */
  serverRequests: number;
  cache?: CacheTally;
}

/** Drives `base` with the morning's requests, in order from the start of the list. */
async function drive(base: string, morning: Morning, seconds: number, connections: number) {
  let next = 0;
  const { requests, readers } = morning;
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const r = requests[next++ % requests.length]!;
          return { ...req, path: r.path, headers: readers[r.reader]!.headers };
        },
      },
    ],
  });
}

async function measureRun(
  target: Run['target'],
  base: string,
  morning: Morning,
  warmup: Morning,
  opts: { duration: number; warmup: number; connections: number; server: Server; nginx?: Nginx },
): Promise<Run> {
  if (opts.warmup > 0) await drive(base, warmup, opts.warmup, opts.connections);
  const access = opts.nginx ? logSize(opts.nginx.accessLog) : 0;
  const origin = opts.nginx ? logSize(opts.nginx.originLog) : 0;
  const cpu0 = treeCpuSeconds(opts.server.child.pid!);
  const nginx0 = opts.nginx ? treeCpuSeconds(opts.nginx.child.pid!) : 0;
  const load0 = process.cpuUsage();
  const machine0 = machineCpuSeconds();
  const r = await drive(base, morning, opts.duration, opts.connections);
  const machine = machineCpuSeconds() - machine0;
  const load = process.cpuUsage(load0);
  const serverCpu = treeCpuSeconds(opts.server.child.pid!) - cpu0;
  const cacheCpu = opts.nginx ? treeCpuSeconds(opts.nginx.child.pid!) - nginx0 : undefined;
  const loadCpu = (load.user + load.system) / 1e6;
  await sleep(300); // the last log lines
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {}))
    statusCodes[code] = (s as { count: number }).count;
  const answered = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const run: Run = {
    target,
    requests: answered,
    reqPerSec: answered / opts.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
    bytes: r.throughput.total,
    serverCpu,
    cacheCpu,
    loadCpu,
    otherCpu: Math.max(0, machine - serverCpu - (cacheCpu ?? 0) - loadCpu),
    serverRequests: answered,
  };
  if (opts.nginx) {
    run.cache = tallyAccessLog(readFrom(opts.nginx.accessLog, access), morning.newest.date);
    run.serverRequests = readFrom(opts.nginx.originLog, origin)
      .split('\n')
      .filter((l) => l.trim()).length;
  }
  return run;
}

// --- The edited page --------------------------------------------------------------------------

interface Edit {
  file: string;
  url: string;
  marker: string;
  how: string;
  restore: () => void;
}

/**
 * Puts a marker before a headline of the page file (the first one printed as a heading line that
 * the parser still reads as a headline), or appends a one-line story when none is; restore() puts
 * the file back byte for byte, its mtime too.
 */
export function editHeadline(file: string, marker: string): { text: string; how: string } | undefined {
  const original = readFileSync(file);
  const text = original.toString('utf8');
  const page = cachedParseRawPage(original, path.relative(process.cwd(), file));
  for (const article of page.articles) {
    const line = new RegExp(
      `^(#{1,6}[ \\t]*)${article.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`,
      'm',
    );
    if (!line.test(text)) continue;
    const edited = text.replace(line, (_, hashes: string) => `${hashes}${marker}${article.headline}`);
    const check = cachedParseRawPage(Buffer.from(edited), path.relative(process.cwd(), file));
    if (check.articles.some((a) => a.headline.includes(marker)))
      return { text: edited, how: `headline「${article.headline}」→「${marker}${article.headline}」` };
  }
  return undefined;
}

function applyEdit(dir: string, date: string, pageNumber: number): Edit {
  const folder = path.join(dir, date);
  const name = readdirSync(folder)
    .filter((n) => n.endsWith('.md') && Number(/^\D*(\d+)/.exec(n)?.[1]) === pageNumber)
    .sort()[0];
  if (!name) throw new Error(`no page file for page ${pageNumber} in ${folder}`);
  const file = path.join(folder, name);
  const original = readFileSync(file);
  const stat = statSync(file);
  const marker = `测速更正${String(Date.now()).slice(-5)}`;
  const edit = editHeadline(file, marker);
  const text = edit?.text ?? `${original.toString('utf8')}\n### ${marker}\n\n本报讯 ${marker}。\n`;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    writeFileSync(file, original);
    utimesSync(file, stat.atime, stat.mtime);
  };
  writeFileSync(file, text);
  return {
    file,
    url: pagePath('zh', date, pageNumber),
    marker,
    how: edit?.how ?? `no headline of the page could be edited: appended the story「${marker}」`,
    restore,
  };
}

async function fetchText(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** Seconds until each base serves `marker` at `url`, polling every 250 ms (undefined: not within the timeout). */
async function untilFresh(
  bases: Record<string, string>,
  url: string,
  marker: string,
  headers: Record<string, string>,
  timeoutS: number,
) {
  const started = performance.now();
  const seen: Record<string, number | undefined> = {};
  const pending = new Set(Object.keys(bases));
  while (pending.size && performance.now() - started < timeoutS * 1000) {
    await Promise.all(
      [...pending].map(async (name) => {
        const r = await fetchText(bases[name]! + url, headers).catch(() => undefined);
        if (r?.status === 200 && r.body.includes(marker)) {
          seen[name] = (performance.now() - started) / 1000;
          pending.delete(name);
        }
      }),
    );
    await sleep(250);
  }
  return seen;
}

// --- Output -----------------------------------------------------------------------------------

function headerDump(label: string, r: { status: number; headers: Headers }) {
  const lines = [`${label}: HTTP ${r.status}`];
  r.headers.forEach((value, name) => {
    lines.push(
      `  ${name}: ${value.length > 100 ? `${value.slice(0, 100)}… (${value.length} chars)` : value}`,
    );
  });
  return lines.join('\n');
}

/** What a shared cache (nginx here) may do with a response, by its headers (RFC 9111). */
export function cacheability(headers: Headers): string {
  const cc = (headers.get('cache-control') ?? '').toLowerCase();
  const vary = (headers.get('vary') ?? '').toLowerCase();
  const why: string[] = [];
  if (/\bprivate\b/.test(cc)) why.push('private');
  if (/\bno-store\b/.test(cc)) why.push('no-store');
  if (/\bno-cache\b/.test(cc)) why.push('no-cache');
  if (headers.get('set-cookie')) why.push('Set-Cookie');
  if (/(^|,)\s*\*\s*(,|$)/.test(vary)) why.push('Vary: *');
  if (why.length) return `not stored by a shared cache (${why.join(', ')}): every request goes to the origin`;
  const fresh = /\bs-maxage=(\d+)/.exec(cc) ?? /\bmax-age=(\d+)/.exec(cc);
  if (!fresh || fresh[1] === '0')
    return 'no freshness lifetime (no s-maxage or max-age): not stored by nginx';
  const swr = /\bstale-while-revalidate=(\d+)/.exec(cc);
  return [
    `fresh for ${fresh[1]} s`,
    swr ? `then served stale for up to ${swr[1]} s while refreshed` : '',
    /\bcookie\b/.test(vary) ? 'one copy per Cookie header (Vary: Cookie)' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

const f1 = (x: number) => x.toFixed(1);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function verdict(ok: boolean) {
  return ok ? 'PASS' : 'FAIL';
}

// --- Main -------------------------------------------------------------------------------------

async function main() {
  let values;
  try {
    values = parseArgs({
      options: {
        issues: { type: 'string', default: '30' },
        duration: { type: 'string', default: '20' },
        warmup: { type: 'string', default: '5' },
        connections: { type: 'string', default: '50' },
        'fresh-timeout': { type: 'string', default: '90' },
        json: { type: 'string' },
        'no-lock': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`bench:cdn: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min) {
      console.error(`bench:cdn: --${name} must be a number ≥ ${min}\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  const issues = num('issues', 2);
  const duration = num('duration', 1);
  const warmupS = num('warmup', 0);
  const connections = num('connections', 1);
  const freshTimeout = num('fresh-timeout', 1);

  // Everything started is stopped, and the edited page put back, however the run ends.
  const cleanups: (() => void | Promise<void>)[] = [];
  const cleanup = async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()!();
      } catch (err) {
        console.error(`bench:cdn: cleanup: ${(err as Error).message}`);
      }
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`bench:cdn: ${signal}: stopping`);
      void cleanup().then(() => process.exit(130));
    });

  try {
    const nginx = ensureNginx();
    if (!nginx.bin)
      console.error(`bench:cdn: ${nginx.why}\nbench:cdn: measuring the server alone (no cache column)`);

    // Content: CONTENT_DIR, or a generated archive kept for the next run.
    let dir: string;
    const env: Record<string, string> = { NEXT_TELEMETRY_DISABLED: '1', DUBAO_WARM: '1' };
    if (process.env.CONTENT_DIR) {
      dir = path.resolve(process.env.CONTENT_DIR);
      if (!existsSync(dir)) throw new Error(`CONTENT_DIR ${dir} does not exist`);
    } else {
      const base = path.join(tmpdir(), 'dubao-bench');
      dir = path.join(base, `archive-${issues}`);
      const gen = await ensureArchive(dir, issues);
      console.error(
        `bench:cdn: archive ${gen.reused ? 'reused' : `generated in ${f1(gen.ms / 1000)} s`}: ${dir}`,
      );
      env.DUBAO_CACHE_DIR = process.env.DUBAO_CACHE_DIR ?? path.join(base, `cache-${issues}`);
      process.env.DUBAO_CACHE_DIR = env.DUBAO_CACHE_DIR;
    }
    env.CONTENT_DIR = dir;
    process.env.CONTENT_DIR = dir;
    const archive = loadArchive(contentDir(), { onError: () => {} });
    if (!archive.issues.length) throw new Error(`no issue in ${dir}`);
    const morning = planMorning(archive, 1, 200_000);
    const warmup = planMorning(archive, 2, 200_000);
    const shares = (k: RequestClass) =>
      pct(morning.requests.filter((r) => r.kind === k).length / morning.requests.length);
    console.error(
      `bench:cdn: ${archive.issues.length} issues, newest ${morning.newest.date}; a morning of ` +
        `${shares('newest')} newest issue (${morning.paths.newest} URLs), ${shares('search')} search (${morning.paths.search} queries), ` +
        `${shares('older')} older issues (${morning.paths.older} URLs); ${morning.readers.length} readers, half with preference cookies`,
    );

    if (!values['no-lock']) {
      console.error('bench:cdn: waiting for /tmp/build.lock…');
      const lock = await buildLock();
      cleanups.push(() => lock.release());
      console.error(`bench:cdn: holding /tmp/build.lock (waited ${f1(lock.waitedMs / 1000)} s)`);
    }
    if (!existsSync('.next/dubao-server.mjs'))
      throw new Error('no production build (.next/dubao-server.mjs is missing): run npm run build first');

    const [originPort, edgePort, counterPort] = [await freePort(), await freePort(), await freePort()];
    const server = await startServer(originPort, env);
    cleanups.push(() => server.stop());
    // DUBAO_WARM=1: the server renders the newest issue after it listens, as it would on a morning.
    const warmStart = performance.now();
    while (
      !/is rendered|warming the cache failed/.test(server.log()) &&
      performance.now() - warmStart < 120_000
    )
      await sleep(200);
    const warmLine =
      /dubao: the issue of .*|server: warming the cache failed.*/.exec(server.log())?.[0] ??
      'not done within 120 s';
    console.error(`bench:cdn: server on ${server.url} (pid ${server.child.pid}); ${warmLine}`);

    let edge: Nginx | undefined;
    if (nginx.bin) {
      edge = await startNginx(nginx.bin, { port: edgePort, counterPort, originPort });
      const e = edge;
      cleanups.push(async () => {
        await e.stop();
        rmSync(e.dir, { recursive: true, force: true });
      });
      console.error(
        `bench:cdn: nginx (${nginx.bin}) caching on ${edge.url} (pid ${edge.child.pid}), config ${edge.dir}/nginx.conf`,
      );
    }

    // What the origin says about a page and an article, as a reader without cookies gets them.
    const plain = morning.readers[0]!.headers;
    const samplePage = pagePath('zh', morning.newest.date, morning.newest.frontPage);
    const newest = archive.issues.at(-1)!;
    const firstArticle = newest.pages.find((p) => p.articles.length);
    const sampleArticle = firstArticle
      ? articlePath('zh', newest.date, firstArticle.meta.page, firstArticle.articles[0]!.id)
      : samplePage;
    const headerReport: string[] = [];
    const verdicts: Record<string, string> = {};
    let pageCacheControl = '';
    for (const [label, url] of [
      ['page', samplePage],
      ['article', sampleArticle],
    ] as const) {
      const direct = await fetchText(server.url + url, plain);
      verdicts[label] = cacheability(direct.headers);
      if (label === 'page') pageCacheControl = direct.headers.get('cache-control') ?? '';
      if (edge) {
        await fetchText(edge.url + url, plain);
        const second = await fetch(edge.url + url, { method: 'HEAD', headers: plain });
        headerReport.push(headerDump(`${label} ${url} through the cache (HEAD, second request)`, second));
      } else headerReport.push(headerDump(`${label} ${url} from the server`, direct));
    }

    const opts = { duration, warmup: warmupS, connections, server };
    console.error(
      `bench:cdn: straight to the server: ${warmupS} s warm-up, ${duration} s measured, ${connections} connections`,
    );
    const direct = await measureRun('direct', server.url, morning, warmup, opts);
    let cached: Run | undefined;
    if (edge) {
      console.error(
        `bench:cdn: through the cache: ${warmupS} s warm-up, ${duration} s measured, ${connections} connections`,
      );
      cached = await measureRun('cache', edge.url, morning, warmup, { ...opts, nginx: edge });
    }

    // An editor changes a headline of today's front page: how long until readers see it?
    console.error(
      `bench:cdn: editing a headline of ${morning.newest.date} page ${morning.newest.frontPage}, polling every 250 ms (at most ${freshTimeout} s)`,
    );
    const edit = applyEdit(dir, morning.newest.date, morning.newest.frontPage);
    cleanups.push(() => edit.restore());
    // How old the cache's copy was at the edit: the wait through the cache depends on it.
    const fetchedAt = edge
      ? lastFetched(readLog(edge.originLog), edit.url, plain['accept-encoding'])
      : undefined;
    const copyAge = fetchedAt === undefined ? undefined : Date.now() / 1000 - fetchedAt;
    const fresh = await untilFresh(
      { ...(edge ? { cache: edge.url } : {}), direct: server.url },
      edit.url,
      edit.marker,
      plain,
      freshTimeout,
    );
    edit.restore();

    // --- The report ---
    console.log(
      `\nbench:cdn: ${archive.issues.length} issues (${path.relative(process.cwd(), dir) || dir}), ${connections} connections, ` +
        `${duration} s per run after ${warmupS} s of warm-up; nginx proxy_cache vs the server alone, one machine (127.0.0.1)\n`,
    );
    for (const h of headerReport) console.log(h);
    console.log(`\norigin's headers say: page: ${verdicts.page}; article: ${verdicts.article}\n`);

    const cores = availableParallelism();
    const runs = [cached, direct];
    const cell = (fn: (r: Run) => string) => runs.map((r) => (r ? fn(r) : 'n/a (no nginx)'));
    const statusList = (r: Run) =>
      Object.entries(r.statusCodes)
        .sort()
        .map(([c, n]) => `${c}×${n}`)
        .join(' ');
    const rows: string[][] = [
      ['requests answered', ...cell((r) => String(r.requests))],
      ['requests/s', ...cell((r) => r.reqPerSec.toFixed(0))],
      ['latency p50 / p99', ...cell((r) => `${r.p50} / ${r.p99} ms`)],
      ['errors / timeouts', ...cell((r) => `${r.errors} / ${r.timeouts}`)],
      ['non-2xx (statuses)', ...cell((r) => `${r.non2xx} (${statusList(r)})`)],
      [
        'bytes received',
        ...cell(
          (r) =>
            `${(r.bytes / 1e6).toFixed(1)} MB (${(r.bytes / Math.max(1, r.requests) / 1024).toFixed(1)} KB/req)`,
        ),
      ],
      [
        'cache hit ratio (HIT+STALE+UPDATING)',
        ...cell((r) =>
          r.cache
            ? `${(r.cache.hits / Math.max(1, r.cache.lines)).toFixed(3)} of ${r.cache.lines} logged`
            : '—',
        ),
      ],
      ...(['newest', 'search', 'older'] as const).map((k) => [
        `  hit ratio, ${k}`,
        ...cell((r) =>
          r.cache
            ? `${(r.cache.byClass[k].hits / Math.max(1, r.cache.byClass[k].lines)).toFixed(3)} of ${r.cache.byClass[k].lines}`
            : '—',
        ),
      ]),
      ['cut by the end of the run (499, not counted)', ...cell((r) => (r.cache ? String(r.cache.cut) : '—'))],
      [
        'cache statuses',
        ...cell((r) =>
          r.cache
            ? Object.entries(r.cache.statuses)
                .sort((a, b) => b[1] - a[1])
                .map(([s, n]) => `${s} ${n}`)
                .join(', ')
            : '—',
        ),
      ],
      [
        'requests that reached the server',
        ...cell(
          (r) =>
            `${r.serverRequests} (${r.serverRequests === r.requests ? 'all' : pct(r.serverRequests / Math.max(1, r.requests))})`,
        ),
      ],
      [
        'server CPU seconds',
        ...cell((r) => `${r.serverCpu.toFixed(1)} s (${pct(r.serverCpu / duration)} of a core)`),
      ],
      ['nginx CPU seconds', ...cell((r) => (r.cacheCpu === undefined ? '—' : `${r.cacheCpu.toFixed(1)} s`))],
      ['load generator CPU seconds', ...cell((r) => `${r.loadCpu.toFixed(1)} s`)],
      [
        `other processes' CPU seconds (${cores} cores)`,
        ...cell(
          (r) =>
            `${r.otherCpu.toFixed(1)} s${r.otherCpu > duration * 0.25 ? ' (a busy machine: numbers are low)' : ''}`,
        ),
      ],
      [
        'edited headline served after',
        fresh.cache === undefined
          ? edge
            ? `not within ${freshTimeout} s`
            : 'n/a (no nginx)'
          : `${fresh.cache.toFixed(2)} s`,
        fresh.direct === undefined ? `not within ${freshTimeout} s` : `${fresh.direct.toFixed(2)} s`,
      ],
    ];
    printTable(['', 'through the cache (nginx)', 'straight to the server'], rows);
    console.log(
      `\nedit: ${path.relative(process.cwd(), edit.file) || edit.file} ${edit.how} (restored after); polled ${edit.url}`,
    );
    if (edge) {
      const sMaxAge = /\bs-maxage=(\d+)/.exec(pageCacheControl)?.[1];
      console.log(
        `the cache's copy of ${edit.url} was ${copyAge === undefined ? 'never' : `${copyAge.toFixed(1)} s old (last fetched from the server for this reader's Accept-Encoding)`} at the edit; ` +
          (sMaxAge
            ? `with s-maxage=${sMaxAge} a reader may get the old page for up to ~${sMaxAge} s plus the server's own delay (the "straight" column)`
            : 'the page is not kept by the cache: readers wait only for the server'),
      );
    }

    const hitRatio = cached?.cache ? cached.cache.hits / Math.max(1, cached.cache.lines) : 0;
    const speedup = cached ? cached.reqPerSec / Math.max(1, direct.reqPerSec) : 0;
    const failures = (r: Run | undefined) => (r ? r.errors + r.timeouts + r.non2xx : 0);
    const errorCount = failures(cached) + failures(direct);
    const targets = [
      {
        name: `cache hit ratio ≥ ${TARGETS.hitRatio}`,
        value: cached ? hitRatio.toFixed(3) : 'no cache',
        pass: !!cached && hitRatio >= TARGETS.hitRatio,
      },
      {
        name: `cached req/s ≥ ${TARGETS.speedup}× direct`,
        value: cached ? `${speedup.toFixed(2)}×` : 'no cache',
        pass: !!cached && speedup >= TARGETS.speedup,
      },
      {
        name: '0 errors (errors, timeouts, non-2xx; both runs)',
        value: String(errorCount),
        pass: errorCount === 0,
      },
    ];
    console.log('\ntargets:');
    printTable(
      ['target', 'measured', ''],
      targets.map((t) => [t.name, t.value, verdict(t.pass)]),
    );
    if (values.json) {
      mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
      writeFileSync(
        values.json,
        JSON.stringify(
          {
            issues: archive.issues.length,
            content: dir,
            connections,
            duration,
            warmup: warmupS,
            nginx: nginx.bin ?? null,
            nginxMissing: nginx.why ?? null,
            headers: headerReport,
            cacheability: verdicts,
            runs: { cache: cached ?? null, direct },
            edit: {
              cacheCopyAgeS: copyAge ?? null,
              file: edit.file,
              url: edit.url,
              how: edit.how,
              freshThroughCacheS: fresh.cache ?? null,
              freshDirectS: fresh.direct ?? null,
              timeoutS: freshTimeout,
            },
            targets,
          },
          null,
          2,
        ) + '\n',
      );
      console.log(`\nwritten: ${values.json}`);
    }
    if (targets.some((t) => !t.pass)) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename))
  main().catch((err: unknown) => {
    console.error(`bench:cdn: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
