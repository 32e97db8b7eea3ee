/**
 * Reads an archive of raw pages from disk: `<dir>/<YYYY-MM-DD>/<NN>*.md`, one file per printed
 * page, parses each and groups the pages into issues. Pure Node (no Next.js): the reader's data
 * layer, the search index builder and CLIs share it. A broken file is reported and skipped; it
 * never takes other pages or issues down.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article, ParsedPage } from '@/lib/ingest/types';
import { isIsoDate } from '@/lib/date';
import { linkContinuations, type StoryLinks } from './continuations';
import { cachedParseRawPage, type Sidecar } from './parse-cache';

export interface LoadedPage extends ParsedPage {
  /** Path of the raw file, relative to the working directory where possible. */
  file: string;
}

export interface Issue {
  date: string;
  paper: string;
  /** Sorted by page number. */
  pages: LoadedPage[];
  /** Every article of the issue by id, with its page. */
  articles: Map<string, { page: number; article: Article }>;
  /** Where each jump line (下转/上接) leads. */
  links: Map<string, StoryLinks>;
}

export interface Archive {
  dir: string;
  /** Oldest first. */
  issues: Issue[];
  byDate: Map<string, Issue>;
  errors: string[];
  /** Changes whenever a page file (or its overrides) is added, removed or changed: names, sizes and mtimes hashed. */
  version: string;
}

export type PageParser = (bytes: Uint8Array, file: string, sidecar?: Sidecar) => ParsedPage;

export interface LoadOptions {
  /** Defaults to parseRawPage through the on-disk cache of parsed pages (parse-cache.ts). */
  parse?: PageParser;
  /** Called once per broken file or folder; defaults to console.error. */
  onError?: (message: string) => void;
  /** Reuse parses of unchanged files (keyed by path, mtime and size) across loads. */
  cache?: Map<string, { stamp: string; page: ParsedPage }>;
  /** Reuse whole issues whose files are unchanged across loads (assembleArchive). */
  issues?: Map<string, { key: string; issue: Issue | undefined; errors: string[] }>;
}

/** The archive folder: CONTENT_DIR when set, else content/ in the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  // Read at request time from wherever CONTENT_DIR points: keep the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ env.CONTENT_DIR?.trim() || 'content');
}

const PAGE_FILE = /^(\d{1,3})[^/]*\.md$/;

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** The issue folders of an archive (named YYYY-MM-DD), oldest first. Throws when `dir` cannot be read. */
export function issueFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isIsoDate(d.name))
    .map((d) => d.name)
    .sort();
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

export function loadArchive(dir: string, options: LoadOptions = {}): Archive {
  return assembleArchive(scanArchive(dir), options);
}

/**
 * Reads and parses what a scan listed into issues. With `options.issues`, an issue whose files all
 * have the stamps they had last time is taken as it was (its errors are kept, not reported again).
 */
export function assembleArchive(listing: Listing, options: LoadOptions = {}): Archive {
  const parse = options.parse ?? cachedParseRawPage;
  const errors: string[] = [];
  const report = (message: string, into: string[] = errors) => {
    into.push(message);
    (options.onError ?? console.error)(message);
  };
  for (const message of listing.errors) report(message);

  const issues: Issue[] = [];
  const known = options.issues;
  for (const { date, files, errors: scanErrors } of listing.issues) {
    const key = files.map((f) => `${f.full}\0${f.stamp}`).join('\n') + scanErrors.join('\n');
    const before = known?.get(date);
    if (before?.key === key) {
      errors.push(...before.errors);
      if (before.issue) issues.push(before.issue);
      continue;
    }
    const issueErrors: string[] = [];
    for (const message of scanErrors) report(message, issueErrors);
    const pages = new Map<number, LoadedPage>();
    for (const { full, side, stamp } of files) {
      const file = displayPath(full);
      try {
        const cached = options.cache?.get(full);
        let parsed = cached?.stamp === stamp ? cached.page : undefined;
        if (!parsed) {
          const sidecar = side ? { bytes: readFileSync(side), file: displayPath(side) } : undefined;
          parsed = parse(readFileSync(full), file, sidecar);
          for (const w of (parsed as { warnings?: string[] }).warnings ?? []) console.warn(`${file}: warning: ${w}`);
        }
        options.cache?.set(full, { stamp, page: parsed });
        if (parsed.meta.date !== date) {
          report(`${file}:1: front matter date ${parsed.meta.date} is not the folder's date ${date}`, issueErrors);
          continue;
        }
        const taken = pages.get(parsed.meta.page);
        if (taken) {
          report(`${file}:1: page ${parsed.meta.page} is already given by ${taken.file}`, issueErrors);
          continue;
        }
        pages.set(parsed.meta.page, { ...parsed, file });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        report(message.startsWith(file) ? message : `${file}: ${message}`, issueErrors);
      }
    }
    const issue =
      pages.size === 0
        ? undefined
        : buildIssue(date, [...pages.values()].sort((a, b) => a.meta.page - b.meta.page), (m) =>
            report(m, issueErrors),
          );
    known?.set(date, { key, issue, errors: issueErrors });
    errors.push(...issueErrors);
    if (issue) issues.push(issue);
  }
  if (known) {
    const dates = new Set(listing.issues.map((i) => i.date));
    for (const date of known.keys()) if (!dates.has(date)) known.delete(date);
  }
  return {
    dir: listing.dir,
    issues,
    byDate: new Map(issues.map((i) => [i.date, i])),
    errors,
    version: listing.version,
  };
}

function buildIssue(date: string, pages: LoadedPage[], report: (m: string) => void): Issue {
  const articles = new Map<string, { page: number; article: Article }>();
  for (const p of pages) {
    for (const article of p.articles) {
      const other = articles.get(article.id);
      if (other) {
        report(`${p.file}: article id ${article.id} is also used on page ${other.page}; the later one is hidden`);
        continue;
      }
      articles.set(article.id, { page: p.meta.page, article });
    }
  }
  const links = linkContinuations(pages.map((p) => ({ page: p.meta.page, articles: p.articles })));
  return { date, paper: pages[0]?.meta.paper ?? '', pages, articles, links };
}
