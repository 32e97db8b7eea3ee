/**
 * Simplified ⇄ Traditional conversion with OpenCC (opencc-js), phrase-aware: 发展 → 發展 but
 * 头发 → 頭髮. Display uses the Taiwan character standard ('tw') without vocabulary swaps (软件 stays
 * 軟件): it changes the script, never the words, so the text is still the published text, and it
 * keeps lengths (one UTF-16 unit for one), which lets search map match offsets between the two.
 * Server-side only: the dictionaries are large (see lib/i18n/localize.ts for the views).
 */
import * as cn2t from 'opencc-js/cn2t';
import * as t2cn from 'opencc-js/t2cn';
import type { Segment } from '@/lib/search/types';

const s2t = cn2t.Converter({ from: 'cn', to: 'tw' });
const t2s = t2cn.Converter({ from: 'tw', to: 'cn' });

const CACHE_MAX = 20_000;
const cache = new Map<string, string>();

/** Simplified (as published) to Traditional, phrase by phrase. Memoized: text repeats across views. */
export function toTraditional(text: string): string {
  if (!text) return text;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const out = s2t(text);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, out);
  return out;
}

/** Traditional (as a reader may type it) to Simplified: how queries meet the published text. */
export function toSimplified(text: string): string {
  return text ? t2s(text) : text;
}

/**
 * Converts text split into segments (search snippets with marked matches) as one text, so a
 * phrase across a segment edge converts as a phrase (头|发 → 頭|髮, not 頭|發); where the
 * conversion changed the length, each segment is converted on its own instead.
 */
export function segmentsToTraditional<S extends Segment>(segments: readonly S[]): S[] {
  const whole = segments.map((s) => s.text).join('');
  const converted = toTraditional(whole);
  if (converted.length !== whole.length) {
    return segments.map((s) => ({ ...s, text: toTraditional(s.text) }));
  }
  let at = 0;
  return segments.map((s) => {
    const text = converted.slice(at, at + s.text.length);
    at += s.text.length;
    return { ...s, text };
  });
}
