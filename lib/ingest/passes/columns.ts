/**
 * Pass `columns`: puts back columns the converter emitted out of order, so that a story reads from its
 * first paragraph down.
 */
import { bigrams, endsOpen, isOpener, opensParagraph } from '../text';
import type { Repair } from '../types';
import type { Para, ParseContext, Pass } from './context';
import { bestTail } from './joins';

/** The later column may be at most this much longer than the earlier one (the seed's columns: 1.1). */
const COLUMN_HEIGHT_RATIO = 1.2;

const size = (ps: Para[]) => ps.reduce((n, p) => n + p.text.length, 0);

/**
 * The converter sometimes emits a later column before an earlier one: a column's first block (the
 * tail of a sentence cut at the foot of the column before it) then stands above the block it
 * completes. Two patterns put it back:
 * - an opener (本报讯 …) below other text: everything above the opener is a later column, and goes
 *   after the first block from the opener on that stops mid-sentence;
 * - the last block stops mid-sentence with no jump line: the first block after the lead paragraph
 *   starts the later column. The blocks from it up to where the earlier column begins (chosen so the
 *   two columns are of about equal height, the later one at most a little longer) move after it.
 */
function putBackColumns(ctx: ParseContext, list: Para[], jumps: boolean, titles: string, repairs: Repair[]): void {
  const body = list.map((p, i) => (p.subhead ? -1 : i)).filter((i) => i >= 0);
  if (body.length < 2 || list.slice(0, body[0]).some((p) => p.subhead)) return;
  const move = (t: number, k: number, d: number) => {
    const moved = list.splice(t, k - t);
    const head = list[d - (k - t)]!;
    moved[0]!.moved = true;
    for (const p of moved.slice(1)) repairs.push({ kind: 'fragment-moved', line: p.line, text: p.text, note: `moved after line ${head.line}` });
    list.splice(list.indexOf(head) + 1, 0, ...moved);
  };

  const first = body[0]!;
  const opener = body.find((i) => i > first && isOpener(list[i]!.text));
  if (!isOpener(list[first]!.text) && opener !== undefined) {
    const d = body.find((i) => i >= opener && endsOpen(list[i]!.text));
    // Strong evidence: the later column goes back even before a jump line.
    if (d !== undefined) move(first, opener, d);
    return;
  }

  const d = body.at(-1)!;
  if (!endsOpen(list[d]!.text) || jumps) return;
  // Only when the best tail for the last block sits at the top of a column do whole columns move;
  // a tail anywhere else is simply joined (joinColumnBreaks).
  const t = bestTail(ctx, list, d, titles, 'before').index;
  if (t === -1 || t !== columnTopIndex(ctx, list, titles) || list.slice(t, d).some((p) => p.subhead)) return;
  move(t, earlierColumnStart(list, t, d, titles), d);
}

/**
 * Where the earlier column starts among list[t+1..d]: at the last block that opens a paragraph the
 * way leads do (本报讯, 入夏以来, 在…, 张三指出,: the column holding the cut sentence starts there);
 * else at the first that shares the headline's words (the story's opening paragraph); else where the
 * two columns are of about equal height (the later one at most a little longer).
 */
function earlierColumnStart(list: Para[], t: number, d: number, titles: string): number {
  const strength = (i: number) => (list[i]!.subhead ? 0 : leadStrength(list[i]!.text, titles));
  for (let i = d; i > t; i--) if (strength(i) === 2) return i;
  for (let i = t + 1; i <= d; i++) if (strength(i) === 1) return i;
  let k = d;
  for (let i = t + 1; i <= d; i++) {
    if (size(list.slice(t, i)) <= COLUMN_HEIGHT_RATIO * size(list.slice(i, d + 1))) k = i;
  }
  return k;
}

/** The first paragraph of a story: an opener, a time or place lead-in, or the headline's words. */
function leadLike(ctx: ParseContext, text: string, titles: string): boolean {
  const key = `${titles}\u0000${text.slice(0, 40)}`;
  let hit = ctx.leadMemo.get(key);
  if (hit === undefined) {
    hit = leadStrength(text, titles) > 0;
    ctx.leadMemo.set(key, hit);
  }
  return hit;
}

/** 2: opens the way leads do (本报讯, a time or place lead-in); 1: its first sentence shares two of the headline's character pairs. */
function leadStrength(text: string, titles: string): number {
  if (isOpener(text) || opensParagraph(text)) return 2;
  const own = bigrams(titles);
  const sentence = text.split(/[。！？]/)[0] ?? text;
  let shared = 0;
  for (const g of bigrams(sentence)) if (own.has(g)) shared++;
  return shared >= 2 ? 1 : 0;
}

/**
 * Where a later column's first block lands when the converter emits columns out of order: the
 * body's first block, or the first after the lead paragraph and the blocks that continue it.
 */
export function columnTopIndex(ctx: ParseContext, list: Para[], titles: string): number {
  const body = list.map((p, i) => (p.subhead ? -1 : i)).filter((i) => i >= 0);
  let at = body.length > 0 && leadLike(ctx, list[body[0]!]!.text, titles) ? 1 : 0;
  while (at > 0 && at < body.length && endsOpen(list[body[at - 1]!]!.text)) at++;
  return body[at] ?? -1;
}

export const columnsPass: Pass = {
  name: 'columns',
  run(ctx) {
    for (const b of ctx.bodies) putBackColumns(ctx, b.list, b.jump !== undefined, b.titles, b.repairs);
  },
};
