/**
 * The server's short-lived cache of finished HTML responses (server.ts), in front of Next.js.
 *
 * Next.js serves a cached page (lib/server/isr-cache.mjs) in a few milliseconds, most of it its own
 * routing, the proxy and response building; under a morning's load that is the ceiling. So a
 * finished response (the reader's preferences applied, its policy computed) is kept for a few
 * seconds and sent again as is to the next reader asking for the same URL with the same
 * preferences. Seconds, not longer: Next.js (through the proxy) is what notices a changed content
 * folder, so it must see a request for each page every few seconds; an entry made under another
 * content fingerprint is a miss at once. Only whole-document GETs are kept (not Next.js's RSC and
 * prefetch requests, which carry their own headers), only 200 and 404 answers, and only up to a
 * memory bound, least recently used first out.
 */

export interface FinishedResponse {
  status: number;
  headers: Record<string, string | string[] | number>;
  body: Buffer;
  etag: string;
}

/** Requests Next.js answers differently from a plain page load (client navigation, prefetch, actions). */
const NEXT_HEADERS = [
  'rsc',
  'next-router-prefetch',
  'next-router-state-tree',
  'next-url',
  'next-action',
  'purpose',
];

interface RequestLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The cache key of a request, or undefined when it must go to Next.js. prefs is the part of the
 * response that depends on the reader (their preference cookies), already normalized.
 */
export function pageKey(req: RequestLike, prefs: string): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const url = req.url ?? '';
  // Next.js's own files and the API have their own caching; only reader pages come here.
  if (!url.startsWith('/') || url.startsWith('/_next/') || url.startsWith('/api/')) return undefined;
  // The repair desk differs per editor and must show a fix at once: never kept.
  if (/^\/desk(\/|\?|$)/.test(url)) return undefined;
  if (NEXT_HEADERS.some((h) => req.headers[h] !== undefined)) return undefined;
  return `${prefs}\n${url}`;
}

interface Entry {
  response: FinishedResponse;
  version: string;
  expires: number;
  size: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, version: string): FinishedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.expires <= this.now()) {
      this.drop(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.response;
  }

  set(key: string, response: FinishedResponse, version: string): void {
    this.drop(key);
    if (!version || (response.status !== 200 && response.status !== 404)) return;
    const size = key.length * 2 + response.body.length + 512;
    if (size > this.maxBytes) return;
    this.entries.set(key, { response, version, expires: this.now() + this.ttlMs, size });
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}
