/**
 * The link from a search result to its article. It carries the terms (?hl=), which the article page
 * marks everywhere with JavaScript, and a text fragment (#:~:text=) with the words as the result
 * shows them, which the browser itself highlights and scrolls to, with or without JavaScript.
 */
import { articlePath } from '@/lib/content/urls';
import type { Segment } from '@/lib/search/types';

/** At most this many text directives: the first match is the one scrolled to. */
const FRAGMENTS = 3;

export function resultHref(
  locale: string,
  hit: { date: string; page: number; id: string; headline?: Segment[]; snippet?: Segment[] },
  terms: string[],
): string {
  const params = new URLSearchParams();
  for (const t of terms) params.append('hl', t);
  const qs = params.toString();
  return articlePath(locale, hit.date, hit.page, hit.id) + (qs ? `?${qs}` : '') + textFragment(hit);
}

/** `#:~:text=…` for the marked words of the result (as printed, not folded), or '' when none. */
export function textFragment(hit: { headline?: Segment[]; snippet?: Segment[] }): string {
  const words = new Set<string>();
  for (const s of [...(hit.headline ?? []), ...(hit.snippet ?? [])]) {
    const text = s.text.trim();
    if (s.mark && text) words.add(text);
  }
  if (!words.size) return '';
  // The directive's own separators (-, &, ,) must not appear unescaped in its text.
  const encode = (w: string) => encodeURIComponent(w).replace(/-/g, '%2D').replace(/,/g, '%2C');
  return `#:~:${[...words]
    .slice(0, FRAGMENTS)
    .map((w) => `text=${encode(w)}`)
    .join('&')}`;
}
