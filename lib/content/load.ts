/**
 * Reads an archive of raw pages from disk: `<dir>/<YYYY-MM-DD>/<NN>*.md`, one file per printed
 * page, parses each and groups the pages into issues. Pure Node (no Next.js): the reader's data
 * layer, the search index builder and CLIs share it. A broken file is reported and skipped; it
 * never takes other pages or issues down.
 */
import { readFileSync } from 'node:fs';
import type { Article, ParsedPage } from '@/lib/ingest/types';
import { linkContinuations, type StoryLinks } from './continuations';
import {
  cachedParseRawPage,
  pageOfEntry,
  pruneIssuePacks,
  readIssuePack,
  refusalEntry,
  writeIssuePack,
  type ParseEntry,
  type Sidecar,
} from './parse-cache';
import { displayPath, scanArchive, type Listing } from './version';

export { contentDir, scanArchive, scanArchiveAsync, type Listing, type PageFile } from './version';

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
  /**
   * Read an unchanged issue from its pack in the parse cache, one file (parse-cache.ts), and pack
   * the issues read page by page. Only with the default parser; default true.
   */
  packs?: boolean;
}

/** The archive folder: CONTENT_DIR when set, else content/ in the working directory. */
export function loadArchive(dir: string, options: LoadOptions = {}): Archive {
  return assembleArchive(scanArchive(dir), options);
}

/**
 * Reads and parses what a scan listed into issues. With `options.issues`, an issue whose files all
 * have the stamps they had last time is taken as it was (its errors are kept, not reported again).
 */
export function assembleArchive(listing: Listing, options: LoadOptions = {}): Archive {
  const parse = options.parse ?? cachedParseRawPage;
  const packs = !options.parse && options.packs !== false;
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
    // The issue's pack, read when a page is first needed from disk (a rescan has the rest in memory).
    let pack: Map<string, ParseEntry> | undefined | null = null;
    const fromPack = (full: string) => {
      if (pack === null) pack = packs ? readIssuePack(listing.dir, date, key) : undefined;
      return pack?.get(full);
    };
    // The entries for a new pack: written only if every file gave one.
    const packing = packs ? new Map<string, ParseEntry>() : undefined;
    const pages = new Map<number, LoadedPage>();
    for (const { full, side, stamp } of files) {
      const file = displayPath(full);
      try {
        const cached = options.cache?.get(full);
        let parsed = cached?.stamp === stamp ? cached.page : undefined;
        if (!parsed) {
          const packed = fromPack(full);
          if (packed) {
            parsed = pageOfEntry(packed);
          } else {
            try {
              const sidecar = side ? { bytes: readFileSync(side), file: displayPath(side) } : undefined;
              parsed = parse(readFileSync(full), file, sidecar);
              packing?.set(full, { page: parsed });
            } catch (err) {
              // A refusal is kept; a file that could not be read leaves the pack incomplete, unwritten.
              const refusal = refusalEntry(err);
              if (refusal) packing?.set(full, refusal);
              throw err;
            }
          }
          for (const w of (parsed as { warnings?: string[] }).warnings ?? []) console.warn(`${file}: warning: ${w}`);
        } else {
          packing?.set(full, { page: parsed });
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
    if (!pack && packing?.size === files.length) writeIssuePack(listing.dir, date, key, packing);
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
  // A full load (a start, not a rescan) also drops the packs of issues no longer in the archive.
  if (packs && !known) pruneIssuePacks(listing.dir, listing.issues.map((i) => i.date));
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
