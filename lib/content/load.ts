/**
 * Reads an archive of raw pages from disk: `<dir>/<YYYY-MM-DD>/<NN>*.md`, one file per printed
 * page, parses each and groups the pages into issues. Pure Node (no Next.js): the reader's data
 * layer, the search index builder and CLIs share it. A broken file is reported and skipped; it
 * never takes other pages or issues down.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, ParsedPage } from '@/lib/ingest/types';
import { linkContinuations, type StoryLinks } from './continuations';
import { cachedParseRawPage, type Sidecar } from './parse-cache';
import { hashPage, issueFolders, pageFileNames, pageStamp } from './version';

export { contentDir, issueFolders } from './version';

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
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function loadArchive(dir: string, options: LoadOptions = {}): Archive {
  const parse = options.parse ?? cachedParseRawPage;
  const errors: string[] = [];
  const report = (message: string) => {
    errors.push(message);
    (options.onError ?? console.error)(message);
  };

  let dates: string[];
  try {
    dates = issueFolders(dir);
  } catch (err) {
    report(`${displayPath(dir)}: cannot read the content folder (${(err as Error).message})`);
    dates = [];
  }

  const issues: Issue[] = [];
  const version = createHash('sha1');
  for (const date of dates) {
    const folder = path.join(dir, date);
    const pages = new Map<number, LoadedPage>();
    let names: string[] = [];
    try {
      names = pageFileNames(folder);
    } catch (err) {
      report(`${displayPath(folder)}: cannot read the issue folder (${(err as Error).message})`);
    }
    for (const name of names) {
      const full = path.join(folder, name);
      const file = displayPath(full);
      try {
        const stamped = pageStamp(full);
        if (!stamped) continue;
        // An editor's corrections sit beside the page as <NN>.overrides.yaml.
        const { stamp, overrides } = stamped;
        hashPage(version, full, stamp);
        const cached = options.cache?.get(full);
        let parsed = cached?.stamp === stamp ? cached.page : undefined;
        if (!parsed) {
          const sidecar = overrides ? { bytes: readFileSync(overrides), file: displayPath(overrides) } : undefined;
          parsed = parse(readFileSync(full), file, sidecar);
          for (const w of (parsed as { warnings?: string[] }).warnings ?? []) console.warn(`${file}: warning: ${w}`);
        }
        options.cache?.set(full, { stamp, page: parsed });
        if (parsed.meta.date !== date) {
          report(`${file}:1: front matter date ${parsed.meta.date} is not the folder's date ${date}`);
          continue;
        }
        const taken = pages.get(parsed.meta.page);
        if (taken) {
          report(`${file}:1: page ${parsed.meta.page} is already given by ${taken.file}`);
          continue;
        }
        pages.set(parsed.meta.page, { ...parsed, file });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        report(message.startsWith(file) ? message : `${file}: ${message}`);
      }
    }
    if (pages.size === 0) continue;
    issues.push(buildIssue(date, [...pages.values()].sort((a, b) => a.meta.page - b.meta.page), report));
  }
  return { dir, issues, byDate: new Map(issues.map((i) => [i.date, i])), errors, version: version.digest('base64url') };
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
