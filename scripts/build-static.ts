/**
 * npm run build:static [-- <out> --full --quiet --report <file.json>]: the site as plain files in
 * out/ (or <out>), for any CDN or object store, written incrementally.
 *
 * out/.dubao-export.json records what out/ was built from: a fingerprint of the code (and SITE_URL),
 * and for each issue a key of its page files and overrides, and of the dates its pages link to
 * (scripts/static-export.ts). A run scans the archive (no page is read; an issue whose files' stamps
 * changed is hashed), plans, and when the code is the one out/ was built with, asks `next build` for
 * the new and changed issues only, the printed pages of their neighbours and of the same day in
 * other years, the archive months they touch, and the pages that list the whole archive (home pages,
 * archive index, feeds, sitemaps, robots.txt, search page, 404). It merges that into out/: files of
 * equal bytes are left alone (their mtime too), withdrawn issues' files are removed; then the search
 * index's segments of the years that changed (lib/search/segmented-build.ts) and the manifest. No
 * manifest, other code or --full: everything is written, and out/ is made exactly that.
 *
 * The export is compiled in a project folder of its own (DUBAO_STATIC_BUILD_DIR, default
 * $TMPDIR/dubao-static-<hash of this checkout>): a copy of the sources, with node_modules linked. With
 * output 'export', Next.js 16 compiles into .next whatever distDir says, and .next is the server
 * build's. The folder is kept between runs for Next.js's compile cache.
 *
 * What a static reader never requests is left out: the React Server Components payloads (`*.txt`,
 * `__next.*`; links are plain <a> there, components/common/link.tsx). Each HTML file written gets
 * its Content-Security-Policy <meta> (scripts/static-csp.ts), before the merge, so only those files
 * are read and rewritten.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentDir, scanArchive } from '@/lib/content/load';
import { siteUrl } from '@/lib/content/urls';
import { DiskIssueCache } from '@/lib/search/index-cache';
import { buildSegmented } from '@/lib/search/segmented-build';
import {
  MANIFEST,
  mergeExport,
  plan,
  pruneRscPayloads,
  issueKeys,
  type ExportManifest,
  type Plan,
} from './static-export';
import { withPolicy } from './static-csp';

/** What goes into the export: copied into the build folder, and hashed into the code's fingerprint. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'i18n', 'messages', 'public'];
const SOURCE_FILES = [
  'next.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'global.ts',
  'dubao.config.json',
  'next-env.d.ts',
];
/** Scripts whose changes change the files written (hashed, not copied). */
const SCRIPT_FILES = ['scripts/build-static.ts', 'scripts/static-export.ts', 'scripts/static-csp.ts'];

const isTest = (rel: string) => /\.test\.tsx?$/.test(rel);
const skipSource = (rel: string) =>
  isTest(rel) || rel === 'public/search' || rel.startsWith('public/search/');

function* files(root: string, rel: string): Generator<string> {
  const full = path.join(root, rel);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    yield rel;
    return;
  }
  for (const name of readdirSync(full).sort()) {
    const r = `${rel}/${name}`;
    if (!skipSource(r)) yield* files(root, r);
  }
}

const sources = (repo: string) => [...SOURCE_DIRS, ...SOURCE_FILES].flatMap((r) => [...files(repo, r)]);

/** The code's fingerprint: every source of the export, the scripts that post-process it, SITE_URL. */
export function codeFingerprint(repo: string): string {
  const h = createHash('sha256');
  for (const rel of [...sources(repo), ...SCRIPT_FILES]) {
    h.update(rel)
      .update('\0')
      .update(readFileSync(path.join(repo, rel)))
      .update('\0');
  }
  h.update(`SITE_URL=${siteUrl()}`);
  return h.digest('hex').slice(0, 24);
}

/** Makes the build folder's sources those of the checkout (copying only what differs, mtimes kept). */
function syncSources(repo: string, stage: string) {
  mkdirSync(stage, { recursive: true });
  const want = new Set(sources(repo));
  for (const rel of want) {
    const src = path.join(repo, rel);
    const dst = path.join(stage, rel);
    const s = statSync(src);
    const d = existsSync(dst) ? statSync(dst) : undefined;
    if (d && d.size === s.size && d.mtimeMs === s.mtimeMs) continue;
    mkdirSync(path.dirname(dst), { recursive: true });
    copyFileSync(src, dst);
    utimesSync(dst, s.atime, s.mtime);
  }
  for (const top of SOURCE_DIRS) {
    for (const rel of [...files(stage, top)]) if (!want.has(rel)) rmSync(path.join(stage, rel));
  }
  const modules = path.join(stage, 'node_modules');
  if (!existsSync(modules)) {
    rmSync(modules, { force: true });
    symlinkSync(path.join(repo, 'node_modules'), modules);
  } else if (!lstatSync(modules).isSymbolicLink()) {
    throw new Error(`${modules} should be a link to ${path.join(repo, 'node_modules')}`);
  }
}

/** The deepest folder holding both (the bundler's root must hold the sources and node_modules). */
function commonRoot(a: string, b: string): string {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  let i = 0;
  while (i < pa.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join(path.sep) || path.sep;
}

/** One export at a time per build folder: <folder>.lock, made atomically, waited for (a stale one after an hour). */
async function lockFolder(dir: string): Promise<() => void> {
  const lock = `${dir}.lock`;
  for (let waited = 0; ; waited += 2) {
    try {
      mkdirSync(lock);
      return () => rmSync(lock, { recursive: true, force: true });
    } catch {
      if (waited === 0) console.error(`build:static: waiting for another export in ${dir} (${lock})`);
      try {
        if (Date.now() - statSync(lock).mtimeMs > 3_600_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Gone meanwhile.
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; quiet: boolean },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: opts.quiet ? 'pipe' : 'inherit' });
    let log = '';
    const keep = (b: Buffer) => {
      log = (log + b.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${log}`)),
    );
  });
}

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(full);
    else if (e.name.endsWith('.html')) yield full;
  }
}

/** Each HTML file of the export gets its Content-Security-Policy (scripts/static-csp.ts). */
function addPolicies(dir: string): number {
  let n = 0;
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    const next = withPolicy(html, (body) => {
      throw new Error(
        `${path.relative(dir, file)}: an inline script the site did not ship: ${body.slice(0, 80)}`,
      );
    });
    writeFileSync(file, next);
    n++;
  }
  return n;
}

export interface BuildStaticOptions {
  repo?: string;
  out?: string;
  full?: boolean;
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface BuildStaticReport {
  mode: 'full' | 'incremental' | 'nothing to do';
  why?: string;
  seconds: number;
  nextBuildSeconds: number;
  plan: Pick<Plan, 'only' | 'nav' | 'months' | 'removed' | 'removedMonths'>;
  /** Pages written by `next build` (before the merge), RSC payloads dropped. */
  exported: { files: number; rscFilesDropped: number; rscBytesDropped: number; htmlWithPolicy: number };
  merge: { filesWritten: number; bytesWritten: number; unchanged: number; removed: number; standIns: number };
  search: { files: number; bytes: number; built: string[]; kept: string[] };
  manifestBytes: number;
}

const LIST_LIMIT = 100_000;

export async function buildStatic(opts: BuildStaticOptions = {}): Promise<BuildStaticReport> {
  const started = performance.now();
  const log = opts.log ?? ((line: string) => console.log(line));
  const repo = path.resolve(opts.repo ?? process.cwd());
  const out = path.resolve(opts.out ?? 'out');
  const content = contentDir();
  const stage = path.resolve(
    process.env.DUBAO_STATIC_BUILD_DIR?.trim() ||
      path.join(tmpdir(), `dubao-static-${createHash('sha256').update(repo).digest('hex').slice(0, 10)}`),
  );

  const manifestFile = path.join(out, MANIFEST);
  let before: ExportManifest | undefined;
  try {
    before = JSON.parse(readFileSync(manifestFile, 'utf8')) as ExportManifest;
  } catch {
    before = undefined;
  }
  const code = codeFingerprint(repo);
  const listing = scanArchive(content);
  const p = plan(before, { code, issues: issueKeys(listing, before) });
  if (opts.full && p.full === undefined)
    Object.assign(p, plan(undefined, { code, issues: issueKeys(listing, before) }), {
      full: 'asked (--full)',
    });
  const lists = { only: p.only.join(','), nav: p.nav.join(','), months: p.months.join(',') };
  if (p.full === undefined && Object.values(lists).some((l) => l.length > LIST_LIMIT)) {
    Object.assign(p, plan(undefined, { code, issues: issueKeys(listing, before) }), {
      full: 'too many changes for one list',
    });
  }
  const nothing =
    p.full === undefined &&
    [p.only, p.nav, p.months, p.removed, p.removedMonths].every((l) => l.length === 0);
  log(
    p.full !== undefined
      ? `build:static: everything (${p.full}): ${p.only.length} issues, ${p.months.length} archive months`
      : nothing
        ? 'build:static: out/ is up to date with the archive'
        : `build:static: ${p.only.length} issue(s) whole [${p.only.slice(0, 5).join(', ')}${p.only.length > 5 ? ' …' : ''}], ` +
          `the pages of ${p.nav.length} more, ${p.months.length} month(s), ${p.removed.length} withdrawn`,
  );

  const report: BuildStaticReport = {
    mode: p.full !== undefined ? 'full' : nothing ? 'nothing to do' : 'incremental',
    why: p.full,
    seconds: 0,
    nextBuildSeconds: 0,
    plan: { only: p.only, nav: p.nav, months: p.months, removed: p.removed, removedMonths: p.removedMonths },
    exported: { files: 0, rscFilesDropped: 0, rscBytesDropped: 0, htmlWithPolicy: 0 },
    merge: { filesWritten: 0, bytesWritten: 0, unchanged: 0, removed: 0, standIns: 0 },
    search: { files: 0, bytes: 0, built: [], kept: [] },
    manifestBytes: 0,
  };

  if (!nothing) {
    const unlock = await lockFolder(stage);
    try {
      syncSources(repo, stage);
      const exported = path.join(stage, 'out');
      rmSync(exported, { recursive: true, force: true });
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DUBAO_STATIC: '1',
        DUBAO_STATIC_ROOT: commonRoot(stage, repo),
        DUBAO_STATIC_BUILD_ID: `dubao-${code}`,
        CONTENT_DIR: content,
        DUBAO_CACHE_DIR: path.resolve(repo, process.env.DUBAO_CACHE_DIR?.trim() || '.cache/ingest'),
        NEXT_TELEMETRY_DISABLED: '1',
        // `next build` prerenders with the development React when NODE_ENV says so and then fails on
        // /_global-error ("reading 'useContext'"): a shell or CI that exports NODE_ENV=test must not leak in.
        NODE_ENV: 'production',
      };
      if (p.full === undefined) {
        Object.assign(env, {
          DUBAO_STATIC_ONLY: lists.only,
          DUBAO_STATIC_NAV: lists.nav,
          DUBAO_STATIC_MONTHS: lists.months,
          DUBAO_STATIC_SKIP_TYPECHECK: '1',
        });
      } else {
        for (const k of ['DUBAO_STATIC_ONLY', 'DUBAO_STATIC_NAV', 'DUBAO_STATIC_MONTHS']) delete env[k];
      }
      const t = performance.now();
      await run(process.execPath, [path.join(repo, 'node_modules/next/dist/bin/next'), 'build'], {
        cwd: stage,
        env,
        quiet: opts.quiet ?? false,
      });
      report.nextBuildSeconds = (performance.now() - t) / 1000;
      const pruned = pruneRscPayloads(exported);
      report.exported = {
        files: 0,
        rscFilesDropped: pruned.files,
        rscBytesDropped: pruned.bytes,
        htmlWithPolicy: addPolicies(exported),
      };
      mkdirSync(out, { recursive: true });
      const merged = mergeExport(exported, out, p);
      report.exported.files = merged.written.length + merged.unchanged + merged.skipped;
      report.merge = {
        filesWritten: merged.written.length,
        bytesWritten: merged.bytesWritten,
        unchanged: merged.unchanged,
        removed: merged.removed.length,
        standIns: merged.skipped,
      };
    } finally {
      unlock();
    }
  }

  // The search index's years that changed (a no-op when none did).
  const cache = DiskIssueCache.open();
  const search = buildSegmented({ dir: content, out: path.join(out, 'search'), cache });
  cache?.prune();
  report.search = { files: search.files, bytes: search.bytes, built: search.built, kept: search.kept };

  const text = `${JSON.stringify(p.manifest)}\n`;
  if (!before || text !== readFileSync(manifestFile, 'utf8')) {
    writeFileSync(`${manifestFile}.tmp`, text);
    renameSync(`${manifestFile}.tmp`, manifestFile);
    report.manifestBytes = Buffer.byteLength(text);
  }
  report.seconds = (performance.now() - started) / 1000;
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  log(
    `build:static: ${report.mode} in ${report.seconds.toFixed(1)} s (next build ${report.nextBuildSeconds.toFixed(1)} s): ` +
      `${report.merge.filesWritten} files written (${mb(report.merge.bytesWritten)}), ${report.merge.unchanged} unchanged, ` +
      `${report.merge.removed} removed, ${report.merge.standIns} stand-ins left out; ` +
      `RSC payloads dropped: ${report.exported.rscFilesDropped} (${mb(report.exported.rscBytesDropped)}); ` +
      `search: ${search.files} files (${mb(search.bytes)}), years built ${search.built.join(', ') || 'none'}; → ${path.relative(process.cwd(), out) || '.'}`,
  );
  return report;
}

async function main() {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const reportFile = value('--report');
  const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--report');
  const report = await buildStatic({
    out: positional[0],
    full: args.includes('--full'),
    quiet: args.includes('--quiet'),
  });
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
