/** Stable article ids: a hash of date, page and headline, so re-ingest and better rules keep links working. */
import { normalizeForCompare } from './text';

/** cyrb53: a fast 53-bit string hash (public domain), enough to tell a day's headlines apart. */
function cyrb53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * 8 base-36 characters: short enough for a chat, wide enough (2.8e12) for decades of headlines.
 * The kicker counts with the headline, run together, so a rule that learns to split a kicker off a
 * one-line heading (…上强调 推动…) does not change the id.
 */
export function articleId(date: string, page: number, headline: string, kicker = ''): string {
  const key = `${date}|${page}|${normalizeForCompare(kicker + headline).replace(/[^\p{L}\p{N}]/gu, '')}`;
  return cyrb53(key).toString(36).padStart(8, '0').slice(-8);
}

/** Ids unique within a page: a repeated headline gets -2, -3 … in reading order. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  });
}
