/**
 * Parsed pages cached on disk by content hash, so a restart, a rebuild or the search index step
 * re-parses only the raw files that changed: `.cache/ingest/v-<parser version>/<ab>/<sha1>.json` (or
 * DUBAO_CACHE_DIR; DUBAO_CACHE=0 turns it off). The key hashes the parser version, the file's path
 * and its bytes; a page the parser rejects is cached as its IngestError, so a broken file is not
 * re-parsed either. Entries of other parser versions can never be read again: the build's index step
 * removes them (pruneParseCache), so a parser change does not leave the old parses behind for good.
 *
 * The parser version is a hash of lib/ingest's sources (parser-version.ts). Next.js bundles have no
 * sources at run time: next.config.ts computes the hash at build time and inlines it as
 * DUBAO_PARSER_VERSION; scripts and tests compute it from the working tree.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IngestError, parsePage, parseRawPage, readRawPage } from '@/lib/ingest';
import { readOverrides } from '@/lib/ingest/overrides';
import type { ParsedPage } from '@/lib/ingest/types';
import { ingestSourceHash } from './parser-version';

/** A parse as the cache keeps it: the page, or the IngestError the parser refused it with. */
export type ParseEntry =
  | { page: ParsedPage }
  | { error: { file: string; line: number | undefined; reason: string } };

let version: string | undefined | null = null;

function parserVersion(): string | undefined {
  if (version === null) version = process.env.DUBAO_PARSER_VERSION || ingestSourceHash();
  return version;
}

/** The folder of the parse cache, undefined when it is off; the search index keeps its own cache inside. */
export function cacheDir(): string | undefined {
  if (process.env.DUBAO_CACHE === '0') return undefined;
  return path.resolve(/*turbopackIgnore: true*/ process.env.DUBAO_CACHE_DIR?.trim() || '.cache/ingest');
}

/** An editor's corrections for a page: the sidecar `<NN>.overrides.yaml` next to it. */
export interface Sidecar {
  bytes: Uint8Array;
  file: string;
}

/** Reads, validates and parses a raw page, applying its sidecar overrides if it has one. */
export function parsePageFile(bytes: Uint8Array, file: string, sidecar?: Sidecar): ParsedPage {
  if (!sidecar) return parseRawPage(bytes, file);
  const raw = readRawPage(bytes, file);
  const overrides = readOverrides(sidecar.bytes, sidecar.file);
  const page = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine, overrides });
  if (page.articles.length === 0) {
    throw new IngestError(file, raw.firstLine, 'no article found: the page has no headline with text under it');
  }
  return { meta: raw.meta, ...page, warnings: raw.warnings } as ParsedPage;
}

/** parsePageFile through the disk cache; without a parser version or cache folder it just parses. */
export function cachedParseRawPage(bytes: Uint8Array, file: string, sidecar?: Sidecar): ParsedPage {
  const v = parserVersion();
  const dir = cacheDir();
  if (!v || !dir) return parsePageFile(bytes, file, sidecar);
  const hash = createHash('sha1').update(v).update('\0').update(file).update('\0').update(bytes);
  if (sidecar) hash.update('\0overrides\0').update(sidecar.bytes);
  const key = hash.digest('hex');
  const where = path.join(dir, `v-${v}`, key.slice(0, 2), `${key}.json`);
  let entry: ParseEntry | undefined;
  try {
    entry = JSON.parse(readFileSync(where, 'utf8')) as ParseEntry;
  } catch {
    // Not cached yet (or unreadable): parse below.
  }
  if (!entry) {
    try {
      entry = { page: parsePageFile(bytes, file, sidecar) };
    } catch (err) {
      entry = refusalEntry(err);
      if (!entry) throw err; // a parser bug is not an answer to keep
    }
    store(where, entry);
  }
  return pageOfEntry(entry);
}

function store(where: string, entry: unknown) {
  try {
    mkdirSync(path.dirname(where), { recursive: true });
    // Write then rename, so a reader in another process never sees half a file.
    const tmp = `${where}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, where);
  } catch {
    // A read-only disk only costs speed.
  }
}

/** The page of an entry; an entry of a refused page throws its IngestError again. */
export function pageOfEntry(entry: ParseEntry): ParsedPage {
  if ('error' in entry) throw new IngestError(entry.error.file, entry.error.line, entry.error.reason);
  return entry.page;
}

/** The entry to keep for a parse that threw: only a refusal (IngestError) is an answer to keep. */
export function refusalEntry(err: unknown): ParseEntry | undefined {
  return err instanceof IngestError ? { error: { file: err.file, line: err.line, reason: err.reason } } : undefined;
}

/**
 * Issue packs: all the parses of one issue folder in one file, `v-<parser version>/issues/<hash of
 * the archive folder>/<hash of the issue date>.json`, under the key of its files' names and stamps
 * (mtime and size). A restart then reads one file per unchanged issue instead of every raw page (to
 * hash it) and every page's entry: at 3,650 issues, 3,650 reads instead of 58,000. The entries by
 * content hash above stay the ground truth (a fresh checkout has new mtimes, so every pack misses
 * once and is written again from them). One pack per folder, replaced when the folder changes; the
 * packs of an archive's removed issues go at its next full load (pruneIssuePacks).
 */
function packsDir(archive: string): string | undefined {
  const v = parserVersion();
  const dir = cacheDir();
  if (!v || !dir) return undefined;
  return path.join(dir, `v-${v}`, 'issues', sha1(path.resolve(archive)).slice(0, 16));
}

const sha1 = (text: string, encoding: 'hex' | 'base64url' = 'hex') =>
  createHash('sha1').update(text).digest(encoding);
/** An issue's pack in its archive's folder of packs. */
const packName = (date: string) => `${sha1(date)}.json`;

function packPath(archive: string, date: string): string | undefined {
  const dir = packsDir(archive);
  return dir && path.join(dir, packName(date));
}

/**
 * Removes the packs of an archive's issues that are gone (`dates` are all the issues it has now),
 * and the packs of the layout before archives had folders of their own. Other archives' packs in
 * the same cache are left alone.
 */
export function pruneIssuePacks(archive: string, dates: string[]): void {
  const dir = packsDir(archive);
  if (!dir) return;
  const keep = new Set(dates.map(packName));
  for (const name of listDir(dir)) if (name.endsWith('.json') && !keep.has(name)) removeQuietly(path.join(dir, name));
  const issues = path.dirname(dir);
  for (const name of listDir(issues)) if (/^[0-9a-f]{40}\.json$/.test(name)) removeQuietly(path.join(issues, name));
}

/** A folder's entries; none if it does not exist yet. */
function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Removes a file or folder of the cache; false if it may not (permissions): that only costs disk. */
function removeQuietly(where: string): boolean {
  try {
    rmSync(where, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

const packKey = (key: string) => sha1(key, 'base64url');

/** The entries (by file path) of an issue's pack, if it was written under this key; else undefined. */
export function readIssuePack(archive: string, date: string, key: string): Map<string, ParseEntry> | undefined {
  const where = packPath(archive, date);
  if (!where) return undefined;
  try {
    const pack = JSON.parse(readFileSync(where, 'utf8')) as { key?: unknown; entries?: unknown };
    if (pack.key !== packKey(key) || !Array.isArray(pack.entries)) return undefined;
    return new Map(pack.entries as [string, ParseEntry][]);
  } catch {
    return undefined; // none yet, or unreadable: the issue is read page by page and packed again
  }
}

/** Keeps an issue's entries as its pack under this key (replacing the pack of its old files). */
export function writeIssuePack(archive: string, date: string, key: string, entries: Map<string, ParseEntry>): void {
  const where = packPath(archive, date);
  if (where) store(where, { key: packKey(key), entries: [...entries] });
}

/**
 * Removes the parses no current reader can use: folders of other parser versions, and the
 * unversioned `<ab>/` folders of the layout before versions had their own. Anything else in the
 * cache folder (the search index's issues) is left alone. Returns the folders removed.
 */
export function pruneParseCache(): string[] {
  const v = parserVersion();
  const dir = cacheDir();
  if (!v || !dir) return [];
  const stale = listDir(dir).filter((name) => name !== `v-${v}` && /^(v-[0-9a-f]+|[0-9a-f]{2})$/.test(name));
  return stale.filter((name) => removeQuietly(path.join(dir, name)));
}
