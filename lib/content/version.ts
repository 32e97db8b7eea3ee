/**
 * The archive's version: a hash of every page file's path, size and mtime (and of the overrides
 * beside it). The loader (load.ts) hashes while it parses; `archiveVersion` hashes without parsing,
 * for the build, which records the version its prerendered pages were made from
 * (lib/server/build-record.ts). Both go through `pageFileNames` and `pageStamp`, so they agree.
 * No path aliases here: next.config.ts imports it.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isIsoDate } from '../date';

const PAGE_FILE = /^(\d{1,3})[^/]*\.md$/;

/** The archive folder: CONTENT_DIR when set, else content/ in the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  // Read at request time from wherever CONTENT_DIR points: keep the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ env.CONTENT_DIR?.trim() || 'content');
}

/** The issue folders of an archive (named YYYY-MM-DD), oldest first. Throws when `dir` cannot be read. */
export function issueFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isIsoDate(d.name))
    .map((d) => d.name)
    .sort();
}

/** The page files of an issue folder (`<NN>*.md`), sorted. Throws when it cannot be read. */
export function pageFileNames(folder: string): string[] {
  return readdirSync(folder)
    .filter((n) => PAGE_FILE.test(n))
    .sort();
}

export interface PageStamp {
  /** mtime and size of the page, and of its overrides when there are some. */
  stamp: string;
  /** The editor's corrections beside the page (`<NN>.overrides.yaml`), when there are some. */
  overrides?: string;
}

/** What the version knows of a page file; undefined when it is not a file. Throws when it cannot be read. */
export function pageStamp(full: string): PageStamp | undefined {
  const st = statSync(full);
  if (!st.isFile()) return undefined;
  const sideFull = full.replace(/\.md$/, '.overrides.yaml');
  const side = existsSync(sideFull) ? statSync(sideFull) : undefined;
  const stamp = `${st.mtimeMs}:${st.size}${side ? `+${side.mtimeMs}:${side.size}` : ''}`;
  return side ? { stamp, overrides: sideFull } : { stamp };
}

/** Adds one page file to a version hash. */
export function hashPage(version: Hash, full: string, stamp: string): void {
  version.update(`${full}\0${stamp}\n`);
}

/** The version loadArchive(dir) would give, without reading or parsing a page (unreadable files are left out, as there). */
export function archiveVersion(dir: string): string {
  const version = createHash('sha1');
  let dates: string[] = [];
  try {
    dates = issueFolders(dir);
  } catch {
    // An unreadable archive has the version of an empty one, as in the loader.
  }
  for (const date of dates) {
    const folder = path.join(dir, date);
    let names: string[] = [];
    try {
      names = pageFileNames(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const full = path.join(folder, name);
      try {
        const page = pageStamp(full);
        if (page) hashPage(version, full, page.stamp);
      } catch {
        // Left out by the loader too (it reports the file).
      }
    }
  }
  return version.digest('base64url');
}
