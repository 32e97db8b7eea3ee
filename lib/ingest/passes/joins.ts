/**
 * Pass `joins`: a paragraph that stops mid-sentence continues in another block (a column break), which
 * is joined to it.
 */
import { noneRow, pairRow, startRow, type JoinSite } from '../model/features';
import type { BinaryModel } from '../model';
import { choiceProbs } from '../model/logistic';
import { endsOpen, isOpener, opensParagraph, quoteBalance, spansWord, startsMidSentence, weakInitial } from '../text';
import type { Repair } from '../types';
import type { Para, ParseContext, Pass } from './context';
import { columnTopIndex } from './columns';

/** The continuation chosen for a block, and how sure the choice is; index -1 when none. */
export interface Tail {
  index: number;
  confidence: number;
}

/**
 * A paragraph that stops mid-sentence continues in another block: usually the next one (a column
 * break), sometimes one printed elsewhere in the article (the converter emitted a later column
 * first). Each candidate is scored on what can be seen: being next, a visibly mid-sentence start,
 * a quote the open block leaves open and the candidate closes, an opener that rules it out.
 */
function joinColumnBreaks(ctx: ParseContext, list: Para[], jumps: boolean, titles: string, repairs: Repair[]): void {
  if (ctx.models.join) return joinByModel(ctx, list, jumps, titles, repairs);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.subhead) continue;
    while (endsOpen(p.text)) {
      const isLast = !list.slice(i + 1).some((q) => !q.subhead);
      // A story that jumps to another page stops mid-sentence by design.
      if (isLast && jumps) break;
      const best = bestTail(ctx, list, i, titles, 'any').index;
      if (best === -1 || pinned(ctx, list[best]!)) break;
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

/**
 * With the join model, the joins of an article are chosen together: every open block is scored
 * against every block that may continue it (a closed block only against the next one: a column may
 * cut after a full stop too), and the likeliest pairs are taken first, each block continuing at most
 * one and continued by at most one, no loops. Chosen one at a time, an early block took the tail a
 * later one needed when columns were printed out of order.
 */
function joinByModel(ctx: ParseContext, list: Para[], jumps: boolean, titles: string, repairs: Repair[]): void {
  const { join: model, joinBack } = ctx.models;
  const { stats } = ctx.models;
  const top = columnTopIndex(ctx, list, titles);
  const lastBody = list.findLastIndex((q) => !q.printedHeading);
  // A line marked a subhead by its look (pass `subheads`) may still be a piece of a cut sentence: the
  // model weighs it. A heading the converter printed, a credit line, or an editor's mark stays apart.
  const joinable = (x: Para) => !x.printedHeading && !x.credit && !(x.fixed && x.subhead);
  const subheads = subheadCounts(list);
  // Every pair (p, q) where q may continue p: an open p with any block, a closed one with the next.
  const rowOf = new Map<number, Float64Array>();
  const fwd = new Map<number, number[]>();
  const bwd = new Map<number, number[]>();
  const key = (i: number, j: number) => i * 65536 + j;
  list.forEach((p, i) => {
    if (!joinable(p)) return;
    const open = endsOpen(p.text);
    // A story that jumps to another page stops mid-sentence by design.
    if (i === lastBody && (jumps || !open)) return;
    for (let j = 0; j < list.length; j++) {
      if (j === i || !joinable(list[j]!) || pinned(ctx, list[j]!) || (!open && j !== i + 1)) continue;
      const taken = j > 0 && j - 1 !== i && endsOpenAt(list, j - 1);
      rowOf.set(key(i, j), pairRow(site(list, subheads, i, j, top, taken), stats, ctx.edgeSigns));
      if (!fwd.has(i)) fwd.set(i, []);
      if (!bwd.has(j)) bwd.set(j, []);
      fwd.get(i)!.push(j);
      bwd.get(j)!.push(i);
    }
  });
  // Forward: which block continues p (or none: p ends its paragraph)?
  const pFwd = new Map<number, number>();
  const bestFor = new Map<number, { j: number; prob: number }>();
  for (const [i, cands] of fwd) {
    const p = list[i]!;
    const rows: ArrayLike<number>[] = [...cands.map((j) => rowOf.get(key(i, j))!), noneRow(p.text, i === lastBody, jumps, stats, ctx.edgeSigns)];
    ctx.options.trace?.({
      kind: 'join',
      pLines: p.lines ?? [p.line],
      qLines: cands.map((j) => list[j]!.lines ?? [list[j]!.line]),
      xs: rows,
      p: p.text,
      q: cands.map((j) => list[j]!.text),
    });
    const probs = choiceProbs(model!, rows);
    cands.forEach((j, k) => pFwd.set(key(i, j), probs[k]!));
  }
  // Backward: which block does q continue (or none: q opens a paragraph)? Read only when the two
  // readings are combined, or for the trainer.
  const pBwd = new Map<number, number>();
  const backwards = (joinBack && model!.combine !== 'forward') || ctx.options.trace;
  for (const [j, cands] of backwards ? bwd : []) {
    const q = list[j]!;
    const rows: ArrayLike<number>[] = [...cands.map((i) => rowOf.get(key(i, j))!), startRow(q.text, j === 0 || !endsOpenAt(list, j - 1), stats, ctx.edgeSigns)];
    ctx.options.trace?.({
      kind: 'joinBack',
      qLines: q.lines ?? [q.line],
      pLines: cands.map((i) => list[i]!.lines ?? [list[i]!.line]),
      xs: rows,
    });
    if (!joinBack) continue;
    const probs = choiceProbs(joinBack, rows);
    cands.forEach((i, k) => pBwd.set(key(i, j), probs[k]!));
  }
  // A pair's probability from both readings (chosen on the validation pages: model.combine).
  const pairs: { i: number; j: number; prob: number }[] = [];
  for (const [i, cands] of fwd) {
    const open = endsOpen(list[i]!.text);
    for (const j of cands) {
      const f = pFwd.get(key(i, j))!;
      const prob = combine(model!.combine, f, pBwd.get(key(i, j)));
      if (open && prob > (bestFor.get(i)?.prob ?? -1)) bestFor.set(i, { j, prob });
      // An editor's 'paragraph' on a block that stops mid-sentence says it is text that goes on: its
      // likeliest continuation is taken whatever the threshold.
      const forcedText = list[i]!.fixed && !list[i]!.subhead && open && j === bestFor.get(i)?.j;
      if (prob >= model!.threshold || forcedText) pairs.push({ i, j, prob });
    }
  }
  pairs.sort((a, b) => b.prob - a.prob || Math.abs(a.j - a.i) - Math.abs(b.j - b.i));
  const next = new Map<number, number>();
  const prev = new Map<number, number>();
  const conf = new Map<number, number>();
  for (const { i, j, prob } of pairs) {
    if (next.has(i) || prev.has(j)) continue;
    // No loop: following the chain from j must not come back to i.
    let k: number | undefined = j;
    while (k !== undefined && k !== i) k = next.get(k);
    if (k === i) continue;
    next.set(i, j);
    prev.set(j, i);
    conf.set(j, prob);
  }
  for (const [i, best] of bestFor) {
    if (next.has(i)) continue;
    const note = `from line ${list[i]!.line}`;
    ctx.decisions.push({ kind: 'join', line: list[best.j]!.line, choice: 'apart', confidence: 1 - best.prob, note });
  }
  if (next.size === 0) return;
  // Each chain is read where its first block stands.
  const out: Para[] = [];
  list.forEach((p, i) => {
    if (prev.has(i)) return;
    for (let j = next.get(i); j !== undefined; j = next.get(j)) {
      const q = list[j]!;
      const confidence = conf.get(j)!;
      const kind = j === i + 1 && !q.moved ? 'column-break-joined' : 'fragment-moved';
      repairs.push({ kind, line: q.line, text: q.text, note: `joined to line ${p.line}`, confidence });
      ctx.decisions.push({ kind: 'join', line: q.line, choice: 'joined', confidence, note: `to line ${p.line}` });
      p.text += q.text;
      p.lines = [...(p.lines ?? [p.line]), ...(q.lines ?? [q.line])];
      p.subhead = false;
    }
    out.push(p);
  });
  list.splice(0, list.length, ...out);
}

/** An editor said where this block goes (a new paragraph, or the continuation of a given one): no join picks it. */
function pinned(ctx: ParseContext, q: Para): boolean {
  return ctx.edits.breaks.has(q.line) || ctx.edits.joins.some((j) => j.line === q.line);
}

/** An editor's joins: the paragraph opened by the block `line` goes on the end of the one holding `to`. */
function applyEditorJoins(ctx: ParseContext, list: Para[], repairs: Repair[]): void {
  for (const join of ctx.edits.joins) {
    const q = list.findIndex((x) => x.line === join.line);
    const p = list.findIndex((x) => (x.lines ?? [x.line]).includes(join.to));
    if (q === -1 || p === -1 || p === q) continue;
    const [P, Q] = [list[p]!, list[q]!];
    repairs.push({ kind: 'override', line: Q.line, text: Q.text, note: `override: joined to line ${join.to}` });
    P.text += Q.text;
    P.lines = [...(P.lines ?? [P.line]), ...(Q.lines ?? [Q.line])];
    P.subhead = false;
    list.splice(q, 1);
  }
}

/** One probability for a pair from its forward and backward readings. */
function combine(how: BinaryModel['combine'], f: number, b: number | undefined): number {
  if (b === undefined || how === 'forward') return f;
  return how === 'mean' ? (f + b) / 2 : Math.sqrt(f * b);
}

/** What the join features read of the pair (list[i], list[j]). */
function site(list: Para[], subheads: number[], i: number, j: number, top: number, taken: boolean): JoinSite {
  const p = list[i]!;
  return {
    p: p.text,
    q: list[j]!.text,
    offset: j - i,
    qTop: j < i - 1 && j === top,
    qTaken: taken,
    pMoved: !!p.moved,
    qAfterClosed: j === 0 || list[j - 1]!.subhead || !endsOpen(list[j - 1]!.text),
    // Subheads split a story into sections; a cut sentence seldom continues across one, but a column
    // printed out of order puts its tail on the other side of one.
    subheadBetween: subheadBetween(subheads, i, j),
    pSubhead: p.subhead,
    qSubhead: list[j]!.subhead,
  };
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

/** How many subheads stand before each index of `list` (and before its end). */
function subheadCounts(list: Para[]): number[] {
  const counts = [0];
  for (const x of list) counts.push(counts.at(-1)! + (x.subhead ? 1 : 0));
  return counts;
}

/** A subhead stands strictly between the blocks at x and y (`counts` from subheadCounts). */
function subheadBetween(counts: number[], x: number, y: number): boolean {
  return counts[Math.max(x, y)]! - counts[Math.min(x, y) + 1]! > 0;
}

/** The block that best continues the open block list[i], or -1 when none is likely enough. */
export function bestTail(ctx: ParseContext, list: Para[], i: number, titles: string, where: 'any' | 'before' | 'next'): Tail {
  const p = list[i]!;
  const opensQuote = quoteBalance(p.text) > 0;
  const top = columnTopIndex(ctx, list, titles);
  const subheads = subheadCounts(list);
  const model = ctx.models.join;
  let best = -1;
  let bestScore = 0;
  let bestP = 0;
  const cands: number[] = [];
  const rows: ArrayLike<number>[] = [];
  // The next block is looked at first, so that on a tie the plain column break wins.
  for (let k = -1; k < list.length; k++) {
    const qi = k === -1 ? i + 1 : k;
    if (qi >= list.length || (k !== -1 && qi === i + 1)) continue;
    if (where === 'next' && qi !== i + 1) continue;
    const q = list[qi]!;
    if (qi === i || q.subhead || (where === 'before' && qi > i)) continue;
    // Subheads split a story into sections; a cut sentence does not continue across one.
    if (!model && subheadBetween(subheads, qi, i)) continue;
    // A block that is already the natural continuation of another open block is taken.
    const taken = qi > 0 && qi - 1 !== i && endsOpenAt(list, qi - 1);
    if (model) {
      cands.push(qi);
      rows.push(pairRow(site(list, subheads, i, qi, top, taken), ctx.models.stats, ctx.edgeSigns));
      continue;
    }
    if (taken) continue;
    let score = continuationScore(ctx, p, q, qi - i, opensQuote);
    if (qi < i - 1 && qi === top) score += 2;
    if (score > bestScore) {
      bestScore = score;
      best = qi;
    }
  }
  if (!model) return { index: best, confidence: 1 };
  if (cands.length > 0) {
    const last = i === list.findLastIndex((x) => !x.printedHeading);
    rows.push(noneRow(p.text, last, false, ctx.models.stats, ctx.edgeSigns));
    const probs = choiceProbs(model, rows);
    cands.forEach((qi, k) => {
      if (probs[k]! > bestP) {
        bestP = probs[k]!;
        best = qi;
      }
    });
  }
  // Left apart: as sure as the most likely continuation was unlikely.
  if (best === -1 || bestP < model.threshold) return { index: -1, confidence: 1 - bestP };
  return { index: best, confidence: bestP };
}

function endsOpenAt(list: Para[], i: number): boolean {
  const p = list[i];
  return !!p && !p.subhead && endsOpen(p.text);
}

export const joinsPass: Pass = {
  name: 'joins',
  run(ctx) {
    for (const b of ctx.bodies) {
      joinColumnBreaks(ctx, b.list, b.jump !== undefined, b.titles, b.repairs);
      if (ctx.edits.joins.length > 0) applyEditorJoins(ctx, b.list, b.repairs);
    }
  },
};
