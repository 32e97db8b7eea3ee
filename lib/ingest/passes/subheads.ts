/**
 * Pass `subheads`: inside a story, a short line without sentence punctuation between finished
 * paragraphs is a subhead (小标题).
 */
import { endsOpen, hanCount, startsMidSentence } from '../text';
import type { Para, Pass } from './context';

/** The longest subhead, in characters: the longest in the fixtures and the seed is 20. */
const SUBHEAD_MAX_CHARS = 20;

/** A short line with no sentence punctuation between finished paragraphs is a subhead (小标题). */
function isSubheadLike(text: string): boolean {
  const n = hanCount(text);
  // A heading never ends on a particle or preposition: 走进位于高新区东片的 is half a sentence.
  return n >= 2 && text.length <= SUBHEAD_MAX_CHARS && !/[，,。；;！!？?、：:]/.test(text) && !/[的地得着在和与及对将把被向从为以于等或而并且之]$/.test(text);
}

export function markSubheads(list: Para[]): void {
  list.forEach((p, i) => {
    if (p.subhead || p.fixed || !isSubheadLike(p.text)) return;
    const prev = list[i - 1];
    const next = list[i + 1];
    const prevClosed = !prev || prev.subhead || !endsOpen(prev.text);
    const nextStarts = !!next && !next.subhead && !startsMidSentence(next.text);
    if (prevClosed && nextStarts) p.subhead = true;
  });
}

export const subheadsPass: Pass = {
  name: 'subheads',
  run(ctx) {
    for (const b of ctx.bodies) markSubheads(b.list);
  },
};
