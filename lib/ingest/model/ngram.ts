/**
 * Character statistics of real Chinese news text: how often a character, and a pair of characters,
 * occur. The parser asks them one thing: across a place where a column may have cut a sentence, do the
 * last character before and the first after read as running text (技术培|训) or as two texts (…。|在)?
 *
 * Counts are kept in hashed buckets of log-counts (one byte each), so the table is small, holds no
 * text, and cannot give back the text it was counted on.
 */

/** Buckets for pairs and for single characters: collisions cost a little precision, nothing else. */
export const PAIR_BUCKETS = 1 << 16;
export const CHAR_BUCKETS = 1 << 13;

export interface CharStats {
  /** Total characters counted. */
  total: number;
  /** Log-count per bucket, quantized: byte = round(8 · ln(1 + count)). */
  pairs: Uint8Array;
  chars: Uint8Array;
  /** Texts (paragraphs) counted, and how often each character opens one and closes one. */
  texts: number;
  starts: Uint8Array;
  ends: Uint8Array;
}

const hash = (x: number, buckets: number): number => (Math.imul(x, 2654435761) >>> 0) % buckets;
const pairKey = (a: number, b: number): number => hash(a * 65537 + b, PAIR_BUCKETS);
const charKey = (a: number): number => hash(a, CHAR_BUCKETS);

/** Counts characters and adjacent pairs of texts (each text on its own: no pair across two texts). */
export function countText(texts: Iterable<string>): CharStats {
  const pairs = new Float64Array(PAIR_BUCKETS);
  const chars = new Float64Array(CHAR_BUCKETS);
  const starts = new Float64Array(CHAR_BUCKETS);
  const ends = new Float64Array(CHAR_BUCKETS);
  let total = 0;
  let count = 0;
  for (const raw of texts) {
    const t = raw.trim();
    if (!t) continue;
    count++;
    starts[charKey(fold(t.charCodeAt(0)))]!++;
    ends[charKey(fold(t.charCodeAt(t.length - 1)))]!++;
    let prev = -1;
    for (let i = 0; i < t.length; i++) {
      const c = fold(t.charCodeAt(i));
      if (c === 32) continue;
      chars[charKey(c)]!++;
      total++;
      if (prev >= 0) pairs[pairKey(prev, c)]!++;
      prev = c;
    }
  }
  const q = (v: Float64Array) => Uint8Array.from(v, (n) => Math.min(255, Math.round(8 * Math.log1p(n))));
  return { total, pairs: q(pairs), chars: q(chars), texts: count, starts: q(starts), ends: q(ends) };
}

/** Full-width ASCII to ASCII, so ，and , count as one. */
function fold(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/** Byte back to a count: a table, not a call (the join model asks for millions a second). */
const UNQ = Float64Array.from({ length: 256 }, (_, b) => Math.expm1(b / 8));
const unq = (b: number) => UNQ[b]!;

/**
 * Pointwise mutual information of the pair (a, b), in nats, smoothed: high when b often follows a
 * (培训), near zero or below when they meet by chance. 0 when a text is empty.
 */
export function pairPmi(stats: CharStats, a: string, b: string): number {
  const x = a.at(-1);
  const y = b[0];
  if (!x || !y) return 0;
  const cx = fold(x.charCodeAt(0));
  const cy = fold(y.charCodeAt(0));
  const nxy = unq(stats.pairs[pairKey(cx, cy)]!) + 0.1;
  const nx = unq(stats.chars[charKey(cx)]!) + 1;
  const ny = unq(stats.chars[charKey(cy)]!) + 1;
  return Math.log(nxy) + Math.log(stats.total + 1) - Math.log(nx) - Math.log(ny);
}

/**
 * How much likelier the character is to open a paragraph than to stand anywhere (log ratio): high for
 * 据, 在, “; low for 的, 了, ，. `end` asks the same of closing one.
 */
export function edgeRatio(stats: CharStats, text: string, end: boolean): number {
  const t = end ? text.trimEnd() : text.trimStart();
  const ch = end ? t.at(-1) : t[0];
  if (!ch || stats.texts === 0) return 0;
  const k = charKey(fold(ch.charCodeAt(0)));
  const edge = unq((end ? stats.ends : stats.starts)[k]!) + 0.5;
  const any = unq(stats.chars[k]!) + 1;
  return Math.log(edge / stats.texts) - Math.log(any / (stats.total + 1));
}

export interface EncodedStats {
  total: number;
  texts: number;
  pairs: string;
  chars: string;
  starts: string;
  ends: string;
}

export function encodeStats(s: CharStats): EncodedStats {
  const b64 = (bytes: Uint8Array) => {
    let bin = '';
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
    return btoa(bin);
  };
  return { total: s.total, texts: s.texts, pairs: b64(s.pairs), chars: b64(s.chars), starts: b64(s.starts), ends: b64(s.ends) };
}

export function decodeStats(e: EncodedStats): CharStats {
  const bytes = (b64: string) => {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  };
  return { total: e.total, texts: e.texts, pairs: bytes(e.pairs), chars: bytes(e.chars), starts: bytes(e.starts), ends: bytes(e.ends) };
}

/**
 * How much of one text's vocabulary another shares, each character pair weighed by its rarity in news
 * text (a name or a place counts, 发展 or 工作 hardly): 0 to 1. The texts come as their pair sets
 * (lib/ingest/text.ts `bigrams`: a pair is first · 65536 + second).
 */
export function sharedVocabulary(stats: CharStats, mine: Set<number>, theirs: Set<number>): number {
  if (mine.size === 0) return 0;
  let hit = 0;
  let all = 0;
  for (const key of mine) {
    const n = unq(stats.pairs[pairKey(Math.floor(key / 65536), key % 65536)]!);
    const w = Math.log((stats.total + 1) / (n + 1));
    all += w;
    if (theirs.has(key)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}
