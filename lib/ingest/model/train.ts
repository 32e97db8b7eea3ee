/**
 * Fits the parser's models on damaged real pages with known truth (lib/gen/real): collects every
 * decision the parser scores (trace), labels it from the page's block provenance, fits, and measures.
 * Used by scripts/train-ingest.ts; pure apart from the pages it is given.
 */
import { compare, totals, type EvalTotals, type PageLike } from '../eval';
import { readRawPage } from '../raw';
import { parsePage } from '../parse';
import type { BinaryModel, Models } from '.';
import { BACK_FEATURES, CHOICE_FEATURES, HEADING_CLASSES, HEADING_FEATURES, KICKER_FEATURES } from './features';
import { accuracy, choiceProbs, fit, fitChoice, type LinearModel } from './logistic';
import type { CharStats } from './ngram';

/** What the trainer needs of a generated page (lib/gen/real's RealPage). */
export interface TruthPage {
  name: string;
  raw: string;
  blocks: { line: number; role: string; article: number; para?: number; start?: number; end?: number; copy?: string }[];
  expected: PageLike;
}

interface Rows {
  xs: number[][];
  ys: number[];
}

/** Join choices: one group per open block, its candidates' rows and the 'none' row; y the right one. */
type Groups = { xs: number[][]; y: number }[];

export interface Examples {
  heading: Rows;
  join: Groups;
  joinBack: Groups;
  kicker: Rows;
}

const rows = (r?: Rows): Rows => ({ xs: [...(r?.xs ?? [])], ys: [...(r?.ys ?? [])] });
export const copyExamples = (e?: Examples): Examples => ({
  heading: rows(e?.heading),
  join: [...(e?.join ?? [])],
  joinBack: [...(e?.joinBack ?? [])],
  kicker: rows(e?.kicker),
});

const squash = (s: string) => s.replace(/\s+/g, '');

/** The class of a heading block from its provenance; undefined when it teaches nothing (a printed copy). */
function headingLabel(b: TruthPage['blocks'][number] | undefined): number | undefined {
  if (!b || b.copy) return undefined;
  if (b.role === 'banner' || b.role === 'furniture') return HEADING_CLASSES.indexOf('banner');
  if (b.role === 'heading') return HEADING_CLASSES.indexOf(b.para === undefined ? 'article' : 'subhead');
  // A paragraph printed as a heading line that is not a body subhead does not occur; a byline never.
  return undefined;
}

/** 1 when the block at qLine prints the text right after the block at pLine ends, in the same paragraph. */
function joinLabel(p: TruthPage['blocks'][number] | undefined, q: TruthPage['blocks'][number] | undefined): number | undefined {
  // A printed copy stands for its source: the parser may keep either copy of a repeat, and the one it
  // keeps continues the cut sentence all the same.
  if (!p || !q) return undefined;
  if (p.para === undefined || q.para === undefined) return 0;
  return p.article === q.article && p.para === q.para && q.start === p.end ? 1 : 0;
}

/** Parses every page with `models`, tracing its decisions, and labels them from the truth. */
export function collect(pages: TruthPage[], models: Models, into: Examples = copyExamples()): Examples {
  for (const page of pages) {
    const byLine = new Map(page.blocks.map((b) => [b.line, b]));
    const raw = readRawPage(Buffer.from(page.raw), page.name);
    parsePage(raw.text, raw.meta, {
      firstLine: raw.firstLine,
      models,
      trace(site) {
        if (site.kind === 'heading') {
          const y = headingLabel(byLine.get(site.line));
          if (y === undefined) return;
          into.heading.xs.push(site.features);
          into.heading.ys.push(y);
        } else if (site.kind === 'kicker') {
          const b = byLine.get(site.line);
          const truth = b && b.role === 'heading' && b.para === undefined && !b.copy ? page.expected.articles[b.article] : undefined;
          if (!truth) return;
          into.kicker.xs.push(site.features);
          into.kicker.ys.push(truth.kicker !== undefined && squash(truth.kicker) === squash(site.left) ? 1 : 0);
        } else if (site.kind === 'joinBack') {
          const qb = byLine.get(site.qLines[0]!);
          if (!qb) return;
          const hit = site.pLines.findIndex((pl) => joinLabel(byLine.get(pl.at(-1)!), qb) === 1);
          into.joinBack.push({ xs: site.xs.map((x) => Array.from(x)), y: hit === -1 ? site.xs.length - 1 : hit });
        } else {
          const pb = byLine.get(site.pLines.at(-1)!);
          if (!pb) return;
          // The right candidate continues p's text where it stops; none (the last row) when no candidate does.
          const hit = site.qLines.findIndex((ql) => joinLabel(pb, byLine.get(ql[0]!)) === 1);
          into.join.push({ xs: site.xs.map((x) => Array.from(x)), y: hit === -1 ? site.xs.length - 1 : hit });
        }
      },
    });
  }
  return into;
}

export interface Fitted {
  heading: LinearModel;
  join: LinearModel;
  joinBack: LinearModel;
  kicker: LinearModel;
}

/** L2 strength: the validation accuracy was flat from 1e-4 to 1e-2 in the first runs; 1e-3 sits between. */
const L2 = 1e-3;

export function fitModels(ex: Examples): Fitted {
  // No class weights: the classes keep the frequencies real pages have; the cost of taking a headline
  // for a banner is put in at the choice (articleBias), not in the fit.
  return {
    heading: fit([...HEADING_FEATURES], [...HEADING_CLASSES], ex.heading.xs, ex.heading.ys, { l2: L2, epochs: 400 }),
    join: fitChoice([...CHOICE_FEATURES], ex.join, { l2: L2, epochs: 400 }),
    joinBack: fitChoice([...BACK_FEATURES], ex.joinBack, { l2: L2, epochs: 400 }),
    kicker: fit([...KICKER_FEATURES], ['headline', 'kicker'], ex.kicker.xs, ex.kicker.ys, { l2: L2, epochs: 400 }),
  };
}

export function modelAccuracy(f: Fitted, ex: Examples): Record<'heading' | 'join' | 'joinBack' | 'kicker', { accuracy: number; n: number }> {
  return {
    heading: { accuracy: accuracy(f.heading, ex.heading.xs, ex.heading.ys), n: ex.heading.ys.length },
    join: { accuracy: choiceAccuracy(f.join, ex.join), n: ex.join.length },
    joinBack: { accuracy: choiceAccuracy(f.joinBack, ex.joinBack), n: ex.joinBack.length },
    kicker: { accuracy: accuracy(f.kicker, ex.kicker.xs, ex.kicker.ys), n: ex.kicker.ys.length },
  };
}

/** Share of join choices whose likeliest option is the right one. */
function choiceAccuracy(m: LinearModel, groups: Groups): number {
  let right = 0;
  for (const g of groups) {
    const p = choiceProbs(m, g.xs);
    if (p.indexOf(Math.max(...p)) === g.y) right++;
  }
  return groups.length ? right / groups.length : 1;
}

export function withModels(
  stats: CharStats,
  f?: Fitted,
  threshold = 0.5,
  articleBias = 1,
  combine: BinaryModel['combine'] = 'geometric',
): Models {
  if (!f) return { stats };
  // The kicker model divides a line where its probability passes one half: no sweep needed.
  return {
    stats,
    heading: { ...f.heading, articleBias },
    join: { ...f.join, threshold, combine },
    joinBack: f.joinBack,
    kicker: { ...f.kicker, threshold: 0.5 },
  };
}

/** End-to-end figures of the parser with `models` on pages with truth (lib/ingest/eval). */
export function evaluate(pages: (TruthPage & { expected: PageLike })[], models: Models): EvalTotals {
  const results = pages.map((page) => {
    const raw = readRawPage(Buffer.from(page.raw), page.name);
    return compare(parsePage(raw.text, raw.meta, { firstLine: raw.firstLine, models }), page.expected);
  });
  return totals(results);
}
