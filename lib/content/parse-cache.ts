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

type Entry = { page: ParsedPage } | { error: { file: string; line: number | undefined; reason: string } };

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
  let entry: Entry | undefined;
  try {
    entry = JSON.parse(readFileSync(where, 'utf8')) as Entry;
  } catch {
    // Not cached yet (or unreadable): parse below.
  }
  if (!entry) {
    try {
      entry = { page: parsePageFile(bytes, file, sidecar) };
    } catch (err) {
      if (!(err instanceof IngestError)) throw err; // a parser bug is not an answer to keep
      entry = { error: { file: err.file, line: err.line, reason: err.reason } };
    }
    store(where, entry);
  }
  if ('error' in entry) throw new IngestError(entry.error.file, entry.error.line, entry.error.reason);
  return entry.page;
}

function store(where: string, entry: Entry) {
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

/**
 * Removes the parses no current reader can use: folders of other parser versions, and the
 * unversioned `<ab>/` folders of the layout before versions had their own. Anything else in the
 * cache folder (the search index's issues) is left alone. Returns the folders removed.
 */
export function pruneParseCache(): string[] {
  const v = parserVersion();
  const dir = cacheDir();
  if (!v || !dir) return [];
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed; // no cache yet
  }
  for (const name of names) {
    if (name === `v-${v}` || !/^(v-[0-9a-f]+|[0-9a-f]{2})$/.test(name)) continue;
    try {
      rmSync(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to remove (permissions): it only costs disk.
    }
  }
  return removed;
}
