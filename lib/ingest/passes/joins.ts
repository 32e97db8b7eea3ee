/**
 * Pass `joins`: a paragraph that stops mid-sentence continues in another block (a column break), which
 * is joined to it.
 */
import { endsOpen, isOpener, opensParagraph, quoteBalance, spansWord, startsMidSentence, weakInitial } from '../text';
import type { Repair } from '../types';
import type { Para, ParseContext, Pass } from './context';
import { columnTopIndex } from './columns';

/**
 * A paragraph that stops mid-sentence continues in another block: usually the next one (a column
 * break), sometimes one printed elsewhere in the article (the converter emitted a later column
 * first). Each candidate is scored on what can be seen: being next, a visibly mid-sentence start,
 * a quote the open block leaves open and the candidate closes, an opener that rules it out.
 */
function joinColumnBreaks(ctx: ParseContext, list: Para[], jumps: boolean, titles: string, repairs: Repair[]): void {
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.subhead) continue;
    while (endsOpen(p.text)) {
      const isLast = !list.slice(i + 1).some((q) => !q.subhead);
      // A story that jumps to another page stops mid-sentence by design.
      if (isLast && jumps) break;
      const best = bestTail(ctx, list, i, titles, false);
      if (best === -1) break;
      const q = list[best]!;
      const kind = best === i + 1 && !q.moved ? 'column-break-joined' : 'fragment-moved';
      repairs.push({ kind, line: q.line, text: q.text, note: `joined to line ${p.line}` });
      p.text += q.text;
      p.lines = [...(p.lines ?? [p.line]), ...(q.lines ?? [q.line])];
      list.splice(best, 1);
      if (best < i) i--;
    }
  }
}

/** What a block's start says about it as a continuation; computed once per block. */
interface StartSigns {
  opener: boolean;
  score: number;
  closesQuote: boolean;
}

function signsOf(ctx: ParseContext, q: Para): StartSigns {
  let s = ctx.startSigns.get(q);
  if (!s) {
    let score = 0;
    if (startsMidSentence(q.text)) score += 3;
    // A "paragraph" of one short sentence (老师史伟洋说。) is the end of a cut one.
    if (q.text.length <= 12) score += 3;
    if (weakInitial(q.text)) score += 3;
    if (opensParagraph(q.text)) score -= 2;
    s = { opener: isOpener(q.text), score, closesQuote: quoteBalance(q.text) < 0 };
    ctx.startSigns.set(q, s);
  }
  return s;
}

function continuationScore(ctx: ParseContext, p: Para, q: Para, offset: number, pOpensQuote: boolean): number {
  const s = signsOf(ctx, q);
  if (s.opener) return -10;
  let score = (offset === 1 ? 3 : offset === -1 ? 1 : 0) + s.score;
  if (s.closesQuote) score += pOpensQuote ? 3 : -2;
  // The cut went through a word: 技术培 + 训和产品回收.
  if (spansWord(p.text, q.text)) score += 3;
  return score;
}

function subheadBetween(list: Para[], x: number, y: number): boolean {
  for (let k = Math.min(x, y) + 1; k < Math.max(x, y); k++) if (list[k]!.subhead) return true;
  return false;
}

/** The block that best continues the open block list[i], or -1 when none is likely enough. */
export function bestTail(ctx: ParseContext, list: Para[], i: number, titles: string, beforeOnly: boolean): number {
  const p = list[i]!;
  const opensQuote = quoteBalance(p.text) > 0;
  const top = columnTopIndex(ctx, list, titles);
  const hasSubheads = list.some((x) => x.subhead);
  let best = -1;
  let bestScore = 0;
  // The next block is looked at first, so that on a tie the plain column break wins.
  for (let k = -1; k < list.length; k++) {
    const qi = k === -1 ? i + 1 : k;
    if (qi >= list.length || (k !== -1 && qi === i + 1)) continue;
    const q = list[qi]!;
    if (qi === i || q.subhead || (beforeOnly && qi > i)) continue;
    // A block that is already the natural continuation of another open block is taken.
    if (qi > 0 && qi - 1 !== i && endsOpenAt(list, qi - 1)) continue;
    // Subheads split a story into sections; a cut sentence does not continue across one.
    if (hasSubheads && subheadBetween(list, qi, i)) continue;
    let score = continuationScore(ctx, p, q, qi - i, opensQuote);
    if (qi < i - 1 && qi === top) score += 2;
    if (score > bestScore) {
      bestScore = score;
      best = qi;
    }
  }
  return best;
}

function endsOpenAt(list: Para[], i: number): boolean {
  const p = list[i];
  return !!p && !p.subhead && endsOpen(p.text);
}

export const joinsPass: Pass = {
  name: 'joins',
  run(ctx) {
    for (const b of ctx.bodies) joinColumnBreaks(ctx, b.list, b.jump !== undefined, b.titles, b.repairs);
  },
};
