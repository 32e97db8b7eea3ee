/**
 * Shared by the benchmarks (bench-build, bench-server, bench-lighthouse): run a command while
 * sampling the resident memory of its whole process tree from /proc, hold the machine's build lock,
 * generate an archive, start the production server and wait for it, find an article in an archive's oldest issue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cachedParseRawPage } from '@/lib/content/parse-cache';

const PAGE_BYTES = 4096;

/** Resident bytes of `pid` and all its descendants (summed), read from /proc. */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const self = Number(name);
      rss.set(self, Number(fields[21]) * PAGE_BYTES);
      const list = children.get(ppid) ?? [];
      list.push(self);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Samples treeRss(pid) every `ms` until stopped; returns the peak. */
export function rssSampler(pid: number, ms = 100): { stop: () => number; peak: () => number } {
  let peak = 0;
  const tick = () => {
    peak = Math.max(peak, treeRss(pid));
  };
  tick();
  const timer = setInterval(tick, ms);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

export interface Measured {
  code: number | null;
  ms: number;
  peakRss: number;
  /** The last lines of stdout and stderr, for error reports. */
  tail: string;
}

/** Runs a command to completion, measuring wall time and the peak RSS of its process tree. */
export function measure(
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string>; timeoutMs?: number; echo?: boolean; cwd?: string } = {},
): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      env: { ...process.env, ...opts.env },
      cwd: opts.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = rssSampler(child.pid!);
    let out = '';
    const keep = (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-4000);
      if (opts.echo) process.stderr.write(chunk);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          out += `\n(killed after ${opts.timeoutMs} ms)`;
          killTree(child);
        }, opts.timeoutMs)
      : undefined;
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        ms: performance.now() - started,
        peakRss: sampler.stop(),
        tail: out.split('\n').slice(-15).join('\n'),
      });
    });
  });
}

export function killTree(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  // Children first (next start forks a worker), then the process itself.
  const kids = descendants(child.pid);
  for (const p of kids.reverse()) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  child.kill('SIGTERM');
}

function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, pp] of parent) {
      if (pp !== p) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/**
 * Holds /tmp/build.lock (the team's lock around next build / start / playwright) until release() is
 * called: a `flock` child that keeps the lock while its stdin is open.
 */
export async function buildLock(): Promise<{ release: () => void; waitedMs: number }> {
  const started = performance.now();
  const holder = spawn('flock', ['/tmp/build.lock', 'sh', '-c', 'echo locked; cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
    holder.on('exit', (code) => reject(new Error(`flock exited with ${code}`)));
  });
  return { waitedMs: performance.now() - started, release: () => holder.stdin!.end() };
}

/** Generates (or reuses) an archive of `issues` daily issues ending before 2026. */
export async function ensureArchive(dir: string, issues: number): Promise<{ ms: number; reused: boolean }> {
  if (existsSync(dir) && readdirSync(dir).length === issues) return { ms: 0, reused: true };
  const start = new Date(Date.UTC(2025, 11, 31 - issues + 1)).toISOString().slice(0, 10);
  const r = await measure('npx', [
    'tsx',
    'scripts/gen-archive.ts',
    '--issues',
    String(issues),
    '--out',
    dir,
    '--start',
    start,
  ]);
  if (r.code !== 0) throw new Error(`gen:archive failed:\n${r.tail}`);
  return { ms: r.ms, reused: false };
}

/** Issue dates of an archive folder, oldest first. */
export function archiveDates(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort();
}

/** The reader path of the first article on the first page of the issue of `date`, if it parses. */
export function articlePathOn(dir: string, date: string, locale = 'zh'): string | undefined {
  const folder = path.join(dir, date);
  const first = readdirSync(folder)
    .filter((n) => /^\d+.*\.md$/.test(n))
    .sort()[0];
  if (!first) return undefined;
  const file = path.join(folder, first);
  try {
    const page = cachedParseRawPage(readFileSync(file), path.relative(process.cwd(), file));
    const article = page.articles[0];
    return article && `/${locale}/${date}/${page.meta.page}/${article.id}`;
  } catch {
    return undefined; // a broken page
  }
}

/** The first article of the archive's oldest issue that has one: its reader path. */
export function oldestArticlePath(dir: string, locale = 'zh'): string {
  for (const date of archiveDates(dir)) {
    const found = articlePathOn(dir, date, locale);
    if (found) return found;
  }
  throw new Error(`${dir}: no article found`);
}

export interface Server {
  child: ChildProcess;
  url: string;
  /** The last lines the server printed. */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the production server (server.ts, bundled by npm run build) on 127.0.0.1:port; resolves once it listens (before any
 * page is rendered). It does not warm its cache with the latest issue unless env says DUBAO_WARM=1.
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  timeoutMs = 120_000,
  /** Another server than dubao's: its arguments to node (the port is appended) and its folder. */
  other?: { args: string[]; cwd: string },
): Promise<Server> {
  const args = other?.args ?? ['.next/dubao-server.mjs', '-H', '127.0.0.1', '-p'];
  const child = spawn(process.execPath, [...args, String(port)], {
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DUBAO_WARM: '0', ...env },
    cwd: other?.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${log}`);
    // Any answer means it listens; /_next/ skips the proxy and the archive.
    const ok = await fetch(`${url}/favicon-probe.txt`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      killTree(child);
      throw new Error(`the server did not listen within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    killTree(child);
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  };
  return { child, url, log: () => log, stop };
}

/** Fetches a URL, returning status, headers and milliseconds to the last byte. */
export async function timedGet(
  url: string,
): Promise<{ status: number; ms: number; bytes: number; headers: Headers; body: string }> {
  const t = performance.now();
  const res = await fetch(url, { redirect: 'manual' });
  const body = await res.arrayBuffer();
  return {
    status: res.status,
    ms: performance.now() - t,
    bytes: body.byteLength,
    headers: res.headers,
    body: new TextDecoder().decode(body),
  };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Prints rows as an aligned plain-text table. */
export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
