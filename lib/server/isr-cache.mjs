// @ts-check
/**
 * Next.js's cache handler (next.config.ts `cacheHandler`) for the reader's pages: rendered pages,
 * RSC payloads and route responses kept in this process's memory, as long as the archive is the
 * one they were rendered from. Pages render on their first request and are then served from here
 * (incremental static regeneration) until a file under CONTENT_DIR changes: the content store
 * (lib/content/store.ts) publishes a fingerprint of every page file it read, and an entry made under
 * another fingerprint is a miss. So an edited page shows on its next request, not after a timer, and
 * one build can serve any content folder (nothing of one archive leaks into a server of another).
 * Memory is bounded: least recently used entries go first once DUBAO_ISR_CACHE_MB (default 256) is
 * reached.
 *
 * The pages the build prerendered (the newest issues, lib/content/static-params.ts) are read from
 * the build output on a miss, but only while the server's content fingerprint and SITE_URL are those
 * the build recorded (.next/dubao-build.json, lib/server/build-record.ts); otherwise, or while
 * building, a miss is a miss. Next.js itself never reads them once a cacheHandler is configured (its
 * IncrementalCache asks only the handler), so the reading is delegated to Next.js's own
 * FileSystemCache, read-only: it checks that a prerendered file belongs to the key asked for. Such
 * pages carry `x-dubao-prerendered: 1`.
 *
 * Plain JavaScript: Next.js imports this file at run time, outside its bundles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const VERSION = Symbol.for('dubao.contentVersion');

/** Called by the content store (lib/content/store.ts) each time it has read the archive. */
export function publishContentVersion(version) {
  /** @type {Record<symbol, string | undefined>} */ (/** @type {unknown} */ (globalThis))[VERSION] = version;
}

/** The fingerprint of the archive as the content store last read it; '' before its first read. */
export function contentVersion() {
  return (
    /** @type {Record<symbol, string | undefined>} */ (/** @type {unknown} */ (globalThis))[VERSION] ?? ''
  );
}

/** Bytes an entry takes, roughly (strings count as UTF-16). */
export function entrySize(key, value) {
  if (!value) return key.length + 32;
  let size = key.length;
  if (typeof value.html === 'string') size += value.html.length * 2;
  if (value.rscData) size += value.rscData.byteLength ?? value.rscData.length ?? 0;
  if (value.body) size += value.body.byteLength ?? value.body.length ?? 0;
  if (value.segmentData) for (const [k, v] of value.segmentData) size += k.length * 2 + (v?.byteLength ?? 0);
  if (value.kind === 'FETCH') size += JSON.stringify(value.data ?? '').length * 2;
  if (typeof value.postponed === 'string') size += value.postponed.length * 2;
  return size;
}

/** Written by lib/server/build-record.ts into the build folder at build time. */
export const BUILD_RECORD = 'dubao-build.json';
/** Response header of a page read from the build's prerendered output. */
export const PRERENDERED_HEADER = 'x-dubao-prerendered';
/** Entry kinds Next.js prerenders into files (FETCH and IMAGE entries are never read from the build). */
const BUILT_KINDS = new Set(['APP_PAGE', 'APP_ROUTE', 'PAGES']);

/**
 * @typedef {{ value: any, lastModified: number, version: string, tags: string[], size: number }} Entry
 * @typedef {{ get(key: string, ctx: object): Promise<{ value: any, lastModified: number } | null> }} Reader
 * @typedef {{ dir: string, record: { contentVersion: string, siteUrl: string } | undefined, reader?: Promise<Reader> }} BuildOutput
 */

/** One map for the whole process: Next.js makes a handler per request. */
const store =
  /** @type {{ entries: Map<string, Entry>, bytes: number, builds: Map<string, BuildOutput> }} */ (
    /** @type {any} */ (globalThis).__dubaoIsrCache ??= { entries: new Map(), bytes: 0, builds: new Map() }
  );

export default class ContentCache {
  /**
   * Next.js passes its context (serverDistDir: the build's server folder, among others).
   * @param {{ maxBytes?: number, serverDistDir?: string }} [options]
   */
  constructor(options = {}) {
    const mb = Number(process.env.DUBAO_ISR_CACHE_MB);
    this.maxBytes = options.maxBytes ?? (Number.isFinite(mb) && mb > 0 ? mb : 256) * 1024 * 1024;
    // While building, the prerendered files are being written: nothing to read yet.
    const building = process.env.NEXT_PHASE === 'phase-production-build';
    this.build = options.serverDistDir && !building ? buildOutput(options.serverDistDir) : undefined;
  }

  /**
   * @param {string} key
   * @param {{ kind?: string }} [ctx] Next.js's context: the entry's kind, whether it is a fallback …
   */
  async get(key, ctx) {
    const entry = store.entries.get(key);
    if (entry && entry.version === contentVersion()) {
      // Most recently used last: Map keeps insertion order.
      store.entries.delete(key);
      store.entries.set(key, entry);
      return { value: entry.value, lastModified: entry.lastModified };
    }
    if (entry) drop(key);
    return this.fromBuild(key, ctx);
  }

  /**
   * The page as the build prerendered it, if it did and the server's content is the build's.
   * @param {string} key
   * @param {{ kind?: string }} [ctx]
   */
  async fromBuild(key, ctx) {
    const version = contentVersion();
    const record = this.build?.record;
    if (!this.build || !record || !version || !ctx?.kind || !BUILT_KINDS.has(ctx.kind)) return null;
    if (record.contentVersion !== version || record.siteUrl !== siteUrlSetting()) return null;
    const data = await (await buildReader(this.build)).get(key, ctx);
    if (!data?.value) return null;
    const value = { ...data.value, headers: { ...data.value.headers, [PRERENDERED_HEADER]: '1' } };
    // Kept under the version it was checked against: if the content changed meanwhile, the next get misses.
    keep(this.maxBytes, key, { value, lastModified: data.lastModified, version, tags: [] });
    return { value, lastModified: data.lastModified };
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {{ tags?: string[] }} [ctx]
   */
  async set(key, value, ctx = {}) {
    drop(key);
    const version = contentVersion();
    // Before the store has read the archive (a build, a route that reads no content) nothing can
    // tell whether the entry is current: do not keep it.
    if (!version) return;
    keep(this.maxBytes, key, { value, lastModified: Date.now(), version, tags: ctx.tags ?? [] });
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    for (const [key, entry] of store.entries) if (entry.tags.some((t) => list.includes(t))) drop(key);
  }

  resetRequestCache() {}

  /** For tests and the load benchmark: entries and bytes held now. */
  static stats() {
    return { entries: store.entries.size, bytes: store.bytes };
  }

  static clear() {
    store.entries.clear();
    store.bytes = 0;
    store.builds.clear();
  }
}

/**
 * @param {number} maxBytes
 * @param {string} key
 * @param {Omit<Entry, 'size'>} entry
 */
function keep(maxBytes, key, entry) {
  drop(key);
  const size = entrySize(key, entry.value);
  if (size > maxBytes) return;
  store.entries.set(key, { ...entry, size });
  store.bytes += size;
  for (const oldest of store.entries.keys()) {
    if (store.bytes <= maxBytes) break;
    drop(oldest);
  }
}

/** @param {string} key */
function drop(key) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.bytes -= entry.size;
}

/** SITE_URL as the build recorded it (lib/server/build-record.ts siteUrlSetting). */
function siteUrlSetting() {
  return process.env.SITE_URL?.trim() ?? '';
}

/**
 * The build output under Next.js's server folder and its record, read once per process. No record
 * (an older build, a static export, `next build` run without our config): nothing is read from it.
 * @param {string} serverDistDir
 * @returns {BuildOutput}
 */
function buildOutput(serverDistDir) {
  let build = store.builds.get(serverDistDir);
  if (!build) {
    build = { dir: serverDistDir, record: readRecord(path.join(serverDistDir, '..', BUILD_RECORD)) };
    store.builds.set(serverDistDir, build);
  }
  return build;
}

/**
 * @param {string} file
 * @returns {BuildOutput['record']}
 */
function readRecord(file) {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    if (
      typeof record?.contentVersion === 'string' &&
      record.contentVersion &&
      typeof record.siteUrl === 'string'
    ) {
      return { contentVersion: record.contentVersion, siteUrl: record.siteUrl };
    }
    console.warn(`isr-cache: ${file}: not a build record; prerendered pages are not served`);
  } catch (err) {
    const code = /** @type {NodeJS.ErrnoException} */ (err).code;
    if (code !== 'ENOENT') console.warn(`isr-cache: ${file}: ${/** @type {Error} */ (err).message}`);
  }
  return undefined;
}

/**
 * Next.js's FileSystemCache over the build folder, made read-only: it is given no way to write
 * (no write methods, flushToDisk off) and no memory of its own (this handler keeps what it reads).
 * @param {BuildOutput} build
 * @returns {Promise<Reader>}
 */
function buildReader(build) {
  build.reader ??= import(
    /* turbopackIgnore: true */ /* webpackIgnore: true */ 'next/dist/server/lib/incremental-cache/file-system-cache.js'
  ).then((mod) => {
    const FileSystemCache = mod.default?.default ?? mod.default;
    return new FileSystemCache({
      fs: { existsSync, readFileSync, readFile, stat },
      serverDistDir: build.dir,
      flushToDisk: false,
      maxMemoryCacheSize: 0,
      revalidatedTags: [],
    });
  });
  return build.reader;
}
