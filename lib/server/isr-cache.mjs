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
 * Plain JavaScript: Next.js imports this file at run time, outside its bundles.
 */

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

/** One map for the whole process: Next.js makes a handler per request. */
const store =
  /** @type {{ entries: Map<string, {value: any, lastModified: number, version: string, tags: string[], size: number}>, bytes: number }} */ (
    /** @type {any} */ (globalThis).__dubaoIsrCache ??= { entries: new Map(), bytes: 0 }
  );

export default class ContentCache {
  /** @param {{ maxBytes?: number }} [options] */
  constructor(options = {}) {
    const mb = Number(process.env.DUBAO_ISR_CACHE_MB);
    this.maxBytes = options.maxBytes ?? (Number.isFinite(mb) && mb > 0 ? mb : 256) * 1024 * 1024;
  }

  /** @param {string} key */
  async get(key) {
    const entry = store.entries.get(key);
    if (!entry) return null;
    if (entry.version !== contentVersion()) {
      drop(key);
      return null;
    }
    // Most recently used last: Map keeps insertion order.
    store.entries.delete(key);
    store.entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
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
    const size = entrySize(key, value);
    if (size > this.maxBytes) return;
    store.entries.set(key, { value, lastModified: Date.now(), version, tags: ctx.tags ?? [], size });
    store.bytes += size;
    for (const oldest of store.entries.keys()) {
      if (store.bytes <= this.maxBytes) break;
      drop(oldest);
    }
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
  }
}

/** @param {string} key */
function drop(key) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.entries.delete(key);
  store.bytes -= entry.size;
}
