/**
 * The link from a search result to its article. It carries the terms (?hl=), which the article page
 * marks everywhere with JavaScript, and a text fragment (#:~:text=) at the first match as the result
 * shows it, which the browser itself highlights and scrolls to, with or without JavaScript. The
 * fragment is the share panel's passage link (components/share/text-fragment.ts): widened to whole
 * words, since browsers match fragments on word boundaries.
 */
import { passageDirective, passageUrl } from '@/components/share/text-fragment';
import { articlePath } from '@/lib/content/urls';
import type { Segment } from '@/lib/search/types';

export function resultHref(
  locale: string,
  hit: { date: string; page: number; id: string; headline?: Segment[]; snippet?: Segment[] },
  terms: string[],
): string {
  const params = new URLSearchParams();
  for (const t of terms) params.append('hl', t);
  const qs = params.toString();
  const url = articlePath(locale, hit.date, hit.page, hit.id) + (qs ? `?${qs}` : '');
  const directive = firstMatch(hit.headline) ?? firstMatch(hit.snippet);
  return directive ? passageUrl(url, directive) : url;
}

/** The text directive for the first marked segment, or undefined when none is marked. */
function firstMatch(segments: Segment[] | undefined): string | undefined {
  if (!segments) return undefined;
  const text = segments.map((s) => s.text).join('');
  let at = 0;
  for (const s of segments) {
    if (s.mark && s.text.trim()) {
      const end = at + s.text.length;
      return (
        passageDirective({
          startText: text,
          startOffset: at,
          endText: text,
          endOffset: end,
          sameBlock: true,
        }) ?? undefined
      );
    }
    at += s.text.length;
  }
  return undefined;
}
