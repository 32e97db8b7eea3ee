/**
 * npm run bench:load [-- --duration 30 --connections 100 --port 3290]: the production server under load.
 * Starts the production server (server.ts) on 127.0.0.1 (reusing .next, or building once), drives the page, article,
 * search-results and 404 routes with autocannon, each for --duration seconds, and prints requests/s,
 * p50/p99 latency, errors, responses by status class and the server's RSS before and after. The same
 * HTML, saved to files and served by a plain Node static server in the same run, gives the ratio.
 * Reads CONTENT_DIR (default content/). --rounds N repeats the run (does memory settle?). Loopback only.
 * Not part of npm test.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, loadArchive } from '@/lib/content/load';
import { articlePath, pagePath } from '@/lib/content/urls';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '100' },
    port: { type: 'string', default: '3290' },
    'static-port': { type: 'string', default: '3291' },
    out: { type: 'string', default: 'bench-out/load.json' },
    // Repeat the whole run to see whether memory settles or keeps growing.
    rounds: { type: 'string', default: '1' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const port = Number(values.port);
const staticPort = Number(values['static-port']);
const HOST = '127.0.0.1';

function routes(): { name: string; path: string; status: number }[] {
  const archive = loadArchive(contentDir(), { onError: () => {} });
  const issue = archive.issues.at(-1);
  const page = issue?.pages[0];
  const article = page?.articles[0];
  if (!issue || !page || !article) throw new Error(`no issue to load in ${contentDir()}`);
  const query =
    [...article.headline.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 2).join('') ||
    article.headline.slice(0, 2);
  return [
    { name: 'page', path: pagePath('zh', issue.date, page.meta.page), status: 200 },
    { name: 'article', path: articlePath('zh', issue.date, page.meta.page, article.id), status: 200 },
    { name: 'search', path: `/zh/search?q=${encodeURIComponent(query)}`, status: 200 },
    { name: '404', path: '/zh/2025-02-30', status: 404 },
  ];
}

/** Resident and peak memory of a process and its children, from /proc (Linux). */
function memory(pid: number): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  const walk = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const kid of kids ? kids.split(/\s+/) : []) walk(Number(kid));
      }
    } catch {
      /* the process ended */
    }
  };
  walk(pid);
  return { rss, peak };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before answering ${url}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`no answer from ${url} after 60 s`);
}

function stop(child: ChildProcess | undefined) {
  if (child && child.exitCode === null) child.kill('SIGTERM');
}

/** A plain static file server: the floor any server-rendered page is compared with. */
const STATIC_SERVER = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path');
const [dir, port, host] = process.argv.slice(1);
const files = new Map(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
http.createServer((req, res) => {
  const name = new URL(req.url, 'http://x').pathname.slice(1);
  const body = files.get(name);
  if (!body) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('not found'); }
  res.writeHead(name.startsWith('404') ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}).listen(Number(port), host);
`;

interface Row {
  route: string;
  server: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  byClass: Record<string, number>;
  unexpected: number;
  /** RSS of the Next.js server after this run, bytes (0 for the static server). */
  rssAfter: number;
}

async function drive(route: string, server: string, url: string, status: number): Promise<Row> {
  const r = await autocannon({ url, connections, duration, timeout: 10 });
  const byClass = { '2xx': r['2xx'], '3xx': r['3xx'], '4xx': r['4xx'], '5xx': r['5xx'] };
  const expected = r.statusCodeStats?.[`${status}` as `${number}`]?.count ?? 0;
  const answered = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    route,
    server,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    byClass,
    unexpected: answered - expected,
    rssAfter: 0,
  };
}

async function main() {
  if (!existsSync('.next/dubao-server.mjs')) {
    console.log('no production build in .next: building once (npm run build)…');
    const built = spawnSync('npm', ['run', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (built.status !== 0) throw new Error('next build failed');
  }
  const list = routes();
  let server: ChildProcess | undefined;
  let files: ChildProcess | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'dubao-load-'));
  const cleanup = () => {
    stop(server);
    stop(files);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    server = spawn(process.execPath, ['.next/dubao-server.mjs', '-H', HOST, '-p', String(port)], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', DUBAO_WARM: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://${HOST}:${port}`;
    await waitFor(`${base}/zh`, server);

    // Warm up every route, and save its HTML for the static server.
    for (const r of list) {
      let body = '';
      for (let i = 0; i < 20; i++) {
        const res = await fetch(base + r.path, { redirect: 'manual' });
        if (res.status !== r.status) throw new Error(`${r.path}: ${res.status}, expected ${r.status}`);
        body = await res.text();
      }
      writeFileSync(path.join(dir, `${r.name}.html`), body);
    }
    files = spawn(process.execPath, ['-e', STATIC_SERVER, dir, String(staticPort), HOST], {
      stdio: 'inherit',
    });
    await waitFor(`http://${HOST}:${staticPort}/page.html`, files);

    const before = memory(server.pid!);
    console.log(
      `load: ${connections} connections, ${duration} s per route and server, content ${path.relative(process.cwd(), contentDir()) || '.'}; ` +
        `server RSS before ${mb(before.rss)}`,
    );
    const rows: Row[] = [];
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(memory(server!.pid!).rss), 1000);
    for (let round = 0; round < Number(values.rounds); round++)
      for (const r of list) {
        const row = await drive(r.name, 'next', base + r.path, r.status);
        row.rssAfter = memory(server.pid!).rss;
        rows.push(row);
        rows.push(await drive(r.name, 'static', `http://${HOST}:${staticPort}/${r.name}.html`, r.status));
      }
    clearInterval(sampler);
    // Let the collector settle before the last reading.
    await new Promise((res) => setTimeout(res, 3000));
    const after = memory(server.pid!);

    const pad = (s: string | number, n: number) => String(s).padStart(n);
    console.log(
      `\n${'route'.padEnd(8)}${pad('server', 8)}${pad('req/s', 8)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('errors', 8)}` +
        `${pad('2xx', 8)}${pad('3xx', 6)}${pad('4xx', 8)}${pad('5xx', 6)}${pad('static/next', 13)}${pad('RSS after', 11)}`,
    );
    for (const row of rows) {
      const i = rows.indexOf(row);
      const twin = rows[row.server === 'next' ? i + 1 : i - 1]!;
      const ratio =
        row.server === 'next' ? `${(twin.reqPerSec / Math.max(1, row.reqPerSec)).toFixed(1)}x` : '';
      console.log(
        `${row.route.padEnd(8)}${pad(row.server, 8)}${pad(row.reqPerSec, 8)}${pad(row.p50, 8)}${pad(row.p99, 8)}${pad(row.errors, 8)}` +
          `${pad(row.byClass['2xx']!, 8)}${pad(row.byClass['3xx']!, 6)}${pad(row.byClass['4xx']!, 8)}${pad(row.byClass['5xx']!, 6)}${pad(ratio, 13)}${pad(row.rssAfter ? mb(row.rssAfter) : '', 11)}`,
      );
    }
    const peak = Math.max(before.rss, ...samples, after.rss);
    console.log(
      `\nserver memory (RSS of server.ts and any children): before ${mb(before.rss)}, peak ${mb(peak)}, after ${mb(after.rss)} ` +
        `(${after.rss >= before.rss ? '+' : ''}${(((after.rss - before.rss) / before.rss) * 100).toFixed(0)}%)`,
    );
    const next = rows.filter((r) => r.server === 'next');
    const errors = next.reduce((n, r) => n + r.errors, 0);
    const fivexx = next.reduce((n, r) => n + r.byClass['5xx']!, 0);
    const unexpected = next.reduce((n, r) => n + r.unexpected, 0);
    console.log(`targets: errors ${errors} (0), 5xx ${fivexx} (0), unexpected statuses ${unexpected} (0)`);
    mkdirSync(path.dirname(values.out!), { recursive: true });
    writeFileSync(
      values.out!,
      JSON.stringify({ connections, duration, before, after, peak, rows }, null, 2) + '\n',
    );
    console.log(`kept as ${values.out}`);
    if (errors + fivexx + unexpected > 0) process.exitCode = 1;
  } finally {
    cleanup();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:load: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
