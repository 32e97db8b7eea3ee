/**
 * URL text fragments (#:~:text=…) for "share this passage". Browsers match a fragment's start and
 * end on word boundaries, and in Chinese those come from a dictionary (ICU, the same one behind
 * Intl.Segmenter), so a selection that starts or ends inside a word is widened to whole words
 * first. A long selection is sent as its first and last words (text=start,end).
 */

/** Longest passage sent whole; past it only its start and end are. */
const WHOLE_MAX = 48;
/** How much of each end a start,end fragment carries (at least; widened to whole words). */
const EDGE = 12;

/** Code unit offsets where words begin or end in text. */
export function wordBoundaries(text: string, lang = 'zh'): number[] {
  const seg = new Intl.Segmenter(lang, { granularity: 'word' });
  const out = [0];
  for (const s of seg.segment(text)) out.push(s.index + s.segment.length);
  return out;
}

function snapBack(bounds: number[], i: number): number {
  return bounds.filter((b) => b <= i).at(-1) ?? 0;
}

function snapForward(bounds: number[], i: number, end: number): number {
  return bounds.find((b) => b >= i) ?? end;
}

/** Percent-encodes a fragment term; '-' ',' and '&' have meaning in the directive. */
export function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface PassageEnds {
  /** Text of the block (paragraph) where the selection starts, and the offset in it. */
  startText: string;
  startOffset: number;
  /** Text of the block where it ends, and the offset in it (exclusive). */
  endText: string;
  endOffset: number;
  /** True when both ends lie in the same block. */
  sameBlock: boolean;
}

/** The directive for a selection, e.g. "text=%E5%8F%91%E5%B1%95" or "text=start,end"; null if empty. */
export function passageDirective(p: PassageEnds, lang = 'zh'): string | null {
  const startBounds = wordBoundaries(p.startText, lang);
  const a = snapBack(startBounds, p.startOffset);
  if (p.sameBlock) {
    const b = snapForward(startBounds, p.endOffset, p.startText.length);
    const whole = clean(p.startText.slice(a, b));
    if (!whole) return null;
    if (whole.length <= WHOLE_MAX) return `text=${encodeTerm(whole)}`;
    const start = clean(p.startText.slice(a, snapForward(startBounds, a + EDGE, b)));
    const end = clean(p.startText.slice(snapBack(startBounds, b - EDGE), b));
    return `text=${encodeTerm(start)},${encodeTerm(end)}`;
  }
  const endBounds = wordBoundaries(p.endText, lang);
  const b = snapForward(endBounds, p.endOffset, p.endText.length);
  const start = clean(p.startText.slice(a, snapForward(startBounds, a + EDGE, p.startText.length)));
  const end = clean(p.endText.slice(snapBack(endBounds, Math.max(0, b - EDGE)), b));
  if (!start || !end) return start || end ? `text=${encodeTerm(start || end)}` : null;
  return `text=${encodeTerm(start)},${encodeTerm(end)}`;
}

/** The article URL opening at the passage. */
export function passageUrl(url: string, directive: string): string {
  return `${url.replace(/#.*$/, '')}#:~:${directive}`;
}
