/**
 * What the archive holds, without reading a page: its issue folders, their page files and each
 * file's stamp (mtime and size, its overrides' too), hashed into the archive's version. The loader
 * (load.ts) reads and parses what the scan lists; the content store rescans asynchronously; the build
 * records the version its prerendered pages were made from (lib/server/build-record.ts). One scan
 * for all three, so they agree. No path aliases here: next.config.ts imports it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isIsoDate } from '../date';

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  // Read at request time from wherever CONTENT_DIR points: keep the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ env.CONTENT_DIR?.trim() || 'content');
}

const PAGE_FILE = /^(\d{1,3})[^/]*\.md$/;

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** One page file as the scan found it: its stamp (mtime and size, its overrides' too) says whether it changed. */
export interface PageFile {
  full: string;
  /** The overrides sidecar beside it, if there is one. */
  side?: string;
  stamp: string;
}

/** What a scan of the archive found, before anything is read or parsed. */
export interface Listing {
  dir: string;
  issues: { date: string; files: PageFile[]; errors: string[] }[];
  errors: string[];
  /** Hash of every page file's path and stamp (Archive.version). */
  version: string;
}

/** A file-system call the scan needs; the scan runs the same steps synchronously or asynchronously. */
type FsCall = { op: 'dirs'; path: string } | { op: 'names'; path: string } | { op: 'stats'; paths: string[] };
type Stat = { isFile: boolean; stamp: string } | Error;

function* scanSteps(dir: string): Generator<FsCall, Listing, string[] | Stat[] | Error> {
  const errors: string[] = [];
  const dates = yield { op: 'dirs', path: dir };
  if (dates instanceof Error) errors.push(`${displayPath(dir)}: cannot read the content folder (${dates.message})`);
  const issues: Listing['issues'] = [];
  const version = createHash('sha1');
  for (const date of dates instanceof Error ? [] : (dates as string[]).filter(isIsoDate).sort()) {
    const folder = path.join(dir, date);
    const issue: Listing['issues'][number] = { date, files: [], errors: [] };
    issues.push(issue);
    const names = yield { op: 'names', path: folder };
    if (names instanceof Error) {
      issue.errors.push(`${displayPath(folder)}: cannot read the issue folder (${names.message})`);
      continue;
    }
    const listed = new Set(names as string[]);
    const pages = (names as string[]).filter((n) => PAGE_FILE.test(n)).sort();
    // An editor's corrections sit beside the page as <NN>.overrides.yaml.
    const sides = pages.map((n) => n.replace(/\.md$/, '.overrides.yaml')).map((n) => (listed.has(n) ? n : undefined));
    const stats = (yield {
      op: 'stats',
      paths: [...pages, ...sides.filter((n) => n !== undefined)].map((n) => path.join(folder, n)),
    }) as Stat[];
    let s = pages.length;
    pages.forEach((name, i) => {
      const full = path.join(folder, name);
      const st = stats[i]!;
      const sideName = sides[i];
      const side = sideName === undefined ? undefined : stats[s++];
      if (st instanceof Error) {
        issue.errors.push(`${displayPath(full)}: ${st.message}`);
        return;
      }
      if (!st.isFile) return;
      const usable = side && !(side instanceof Error) && side.isFile;
      if (side && !usable) {
        const why = side instanceof Error ? side.message : 'not a file';
        issue.errors.push(`${displayPath(path.join(folder, sideName!))}: overrides not applied (${why})`);
      }
      const stamp = `${st.stamp}${usable ? `+${side.stamp}` : ''}`;
      version.update(`${full}\0${stamp}\n`);
      issue.files.push({ full, stamp, ...(usable ? { side: path.join(folder, sideName!) } : {}) });
    });
  }
  return { dir, issues, errors, version: version.digest('base64url') };
}

const toStat = (st: Stats): Stat => ({ isFile: st.isFile(), stamp: `${st.mtimeMs}:${st.size}` });
const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

function callSync(call: FsCall): string[] | Stat[] | Error {
  try {
    if (call.op === 'dirs')
      return readdirSync(call.path, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    if (call.op === 'names') return readdirSync(call.path);
    return call.paths.map((p) => {
      try {
        return toStat(statSync(p));
      } catch (err) {
        return asError(err);
      }
    });
  } catch (err) {
    return asError(err);
  }
}

async function callAsync(call: FsCall): Promise<string[] | Stat[] | Error> {
  try {
    if (call.op === 'dirs')
      return (await readdir(call.path, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    if (call.op === 'names') return await readdir(call.path);
    return await Promise.all(call.paths.map((p) => stat(p).then(toStat, asError)));
  } catch (err) {
    return asError(err);
  }
}

/** Lists the archive's page files with their stamps; reads no page. */
export function scanArchive(dir: string): Listing {
  const steps = scanSteps(dir);
  let step = steps.next();
  while (!step.done) step = steps.next(callSync(step.value));
  return step.value;
}

/** The same scan without blocking: the server rescans this way while it keeps answering. */
export async function scanArchiveAsync(dir: string): Promise<Listing> {
  const steps = scanSteps(dir);
  let step = steps.next();
  while (!step.done) step = steps.next(await callAsync(step.value));
  return step.value;
}

/** The archive's version (Archive.version) without reading or parsing a page. */
export function archiveVersion(dir: string): string {
  return scanArchive(dir).version;
}
