/** Marks query matches in published text, and cuts a snippet around the first one. */
import { foldWithMap } from './fold';
import { findTerm } from './query';
import type { Segment } from './types';

/** Ranges [start, end) in the original text where any folded term matches, merged. */
export function matchRanges(text: string, terms: string[]): [number, number][] {
  const { folded, origin } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (const at of findTerm(folded, term)) {
      const end = at + term.length;
      ranges.push(origin ? [origin[at]!, origin[end]!] : [at, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text split into plain and marked segments. */
export function markText(text: string, terms: string[]): Segment[] {
  return toSegments(text, matchRanges(text, terms), 0, text.length);
}

function toSegments(text: string, ranges: [number, number][], start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let at = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    const e = Math.min(b, end);
    if (s > at) out.push({ text: text.slice(at, s) });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) out.push({ text: text.slice(at, end) });
  return out;
}

function safeCut(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

const SPACE = /\s/;

/** The text on one line: each run of white space that holds a line break becomes one space. */
export function oneLine(text: string): string {
  let out = '';
  let from = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
    let a = nl;
    while (a > from && SPACE.test(text[a - 1]!)) a--;
    let b = nl + 1;
    while (b < text.length && SPACE.test(text[b]!)) b++;
    out += text.slice(from, a) + ' ';
    from = b;
  }
  return from ? out + text.slice(from) : text;
}

/** About `size` characters of text around the first match (or from the start), matches marked. */
export function snippet(text: string, terms: string[], size = 90): Segment[] {
  const flat = oneLine(text);
  const ranges = matchRanges(flat, terms);
  const first = ranges[0]?.[0] ?? 0;
  let start = safeCut(flat, Math.max(0, first - Math.floor(size / 4)));
  const end = safeCut(flat, Math.min(flat.length, start + size));
  if (end - start < size) start = safeCut(flat, Math.max(0, end - size));
  const segs = toSegments(flat, ranges, start, end);
  if (start > 0) segs.unshift({ text: '…' });
  if (end < flat.length) segs.push({ text: '…' });
  return segs;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** HTML for the CLI's JSON: text escaped, matches in <mark>. */
export function segmentsToHtml(segs: Segment[]): string {
  return segs.map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}
