/**
 * Measures a reconstructed page against the page a human editor expects (fixtures, generated ground truth,
 * damaged real pages). Pure: no I/O. Articles are matched by normalized headline. Paragraph metrics compare
 * body blocks by text alone (block type ignored; text trimmed and all whitespace removed):
 *
 * - paragraph recall: truth body blocks that the matched output article holds with the same text;
 *   paragraph precision: output body blocks (all output articles) that claim a not-yet-claimed truth block
 *   of the truth article matched to their article. One-to-one (multiset): each block is claimed once.
 * - order: pairs of consecutive truth blocks (i, i+1) whose output blocks are also consecutive.
 * - repeated blocks: output blocks (≥ 8 chars) equal to an earlier one or inside a longer one, beyond the truth's.
 * - merged: truth blocks not found whose text (≥ 4 chars) sits inside a longer output block.
 * - cross-article joins: output blocks holding ≥ 2 eight-character windows owned by one truth article
 *   and ≥ 2 owned by another (and not themselves a truth block).
 * - lost: truth blocks whose text is nowhere in the output.
 */
import type { ArticleKind, BodyBlock, Byline } from './types';

export interface ArticleLike {
  kicker?: string;
  headline: string;
  subheadline?: string;
  kind: ArticleKind | string;
  bylines: Byline[];
  body: BodyBlock[];
  jump?: { toPage: number };
  continuedFrom?: { fromPage: number };
}

export interface PageLike {
  furniture?: string[];
  articles: ArticleLike[];
}

export type EvalField = 'headline' | 'kicker' | 'subheadline' | 'kind' | 'bylines' | 'jump' | 'continuedFrom';
export const EVAL_FIELDS: readonly EvalField[] = [
  'headline',
  'kicker',
  'subheadline',
  'kind',
  'bylines',
  'jump',
  'continuedFrom',
];

export interface FieldMismatch {
  field: EvalField;
  headline: string;
  expected: string;
  actual: string;
}

export interface ParagraphMiss {
  headline: string;
  /** Position of the paragraph in the expected article's body, 0-based. */
  index: number;
  expected: string;
  /**
   * lost: its text is nowhere in the output; merged: inside a longer output block; wrong: present
   * otherwise (split, or in an article with another headline).
   */
  how: 'lost' | 'merged' | 'wrong';
}

/** An output body block that holds the text of two (or more) truth articles. */
export interface CrossJoin {
  /** The headline of the output article holding the block. */
  headline: string;
  /** Position of the block in that article's body, 0-based. */
  index: number;
  text: string;
  /** Headlines of the truth articles whose text it holds, most windows first. */
  articles: string[];
}

/** Consecutive truth blocks i, i+1 both found whose output blocks are not consecutive. */
export interface OrderMiss {
  headline: string;
  /** Index of the first block of the pair in the truth article's body. */
  index: number;
  expected: string;
}

/** An output body block that claims no truth block (an invented, split, merged or misplaced block). */
export interface ExtraBlock {
  headline: string;
  index: number;
  text: string;
}

export interface EvalCounts {
  expectedArticles: number;
  actualArticles: number;
  matchedArticles: number;
  /** Truth body blocks (any type), all truth articles. */
  expectedParagraphs: number;
  /** Output body blocks (any type), all output articles. */
  actualParagraphs: number;
  /** Truth blocks found with the same text in the matched output article (one-to-one). */
  exactParagraphs: number;
  /** Pairs of consecutive truth blocks, all truth articles. */
  expectedPairs: number;
  /** Those pairs found as consecutive blocks of the matched output article. */
  keptPairs: number;
  /** Repeated blocks left: output repeats beyond the truth's own (see duplicatedBlocks). */
  duplicatedParagraphs: number;
  /** Truth blocks not found whose text sits inside a longer output block. */
  mergedParagraphs: number;
  /** Output blocks that hold the text of two truth articles. */
  crossArticleJoins: number;
  lostParagraphs: number;
  fieldMismatches: Record<EvalField, number>;
  expectedFurniture: number;
  foundFurniture: number;
}

/** Ratios derived from EvalCounts (per page, or micro-averaged over pages in totals). */
export interface EvalRatios {
  articlePrecision: number;
  articleRecall: number;
  paragraphPrecision: number;
  paragraphRecall: number;
  /** Alias of paragraphRecall (the name older callers read). */
  paragraphsExact: number;
  order: number;
}

export interface EvalResult extends EvalCounts, EvalRatios {
  mismatches: FieldMismatch[];
  unmatchedExpected: string[];
  unmatchedActual: string[];
  paragraphMisses: ParagraphMiss[];
  /** Output blocks that repeat (or are contained in) another output block. */
  duplicates: string[];
  crossJoins: CrossJoin[];
  orderMisses: OrderMiss[];
  extraBlocks: ExtraBlock[];
}

export const TARGETS = {
  articlePrecision: 0.99,
  articleRecall: 0.99,
  paragraphPrecision: 0.97,
  paragraphRecall: 0.97,
  /** Alias of paragraphRecall. */
  paragraphsExact: 0.97,
  order: 0.97,
  duplicatedParagraphs: 0,
  crossArticleJoins: 0,
  lostParagraphs: 0,
} as const;

/** Headline key: NFKC, without whitespace, punctuation and symbols (so “” vs "" or a stray space do not matter). */
export function normalizeHeadline(s: string): string {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Whitespace removed (which trims too): the key every text metric compares. */
const stripSpace = (s: string): string => s.replace(/\s+/g, '');

const MIN_DUP_LENGTH = 8;
const MIN_MERGED_LENGTH = 4;

/**
 * Body blocks (any type, whitespace removed) of at least 8 characters that equal an earlier block of the
 * page or sit inside a longer one (a repeat, or a half kept beside the paragraph it was joined into).
 */
export function duplicatedBlocks(page: PageLike): string[] {
  const texts = page.articles.flatMap((a) => a.body.map((b) => stripSpace(b.text)));
  const dups: string[] = [];
  texts.forEach((t, i) => {
    if (t.length < MIN_DUP_LENGTH) return;
    const dup = texts.some((o, j) => (o === t ? j < i : o.length > t.length && o.includes(t)));
    if (dup) dups.push(t);
  });
  return dups;
}

/** Window length for the survival and cross-article checks: long enough that a CJK window is specific to its place. */
const GRAM = 8;

/** Every GRAM-character window of the output's text (whitespace removed), for the survival check. */
function gramsOf(pieces: string[]): { grams: Set<string>; joined: string } {
  const grams = new Set<string>();
  const parts = pieces.map(stripSpace).filter(Boolean);
  for (const p of parts) for (let i = 0; i + GRAM <= p.length; i++) grams.add(p.slice(i, i + GRAM));
  return { grams, joined: parts.join('\u0000') };
}

/**
 * True when every character of the text is still somewhere in the output: inside a window of GRAM
 * characters that the output also holds. A paragraph glued to the wrong neighbour survives (it is
 * wrong, not lost); a dropped paragraph, or a dropped piece of one, does not.
 */
function survives(text: string, out: { grams: Set<string>; joined: string }): boolean {
  const target = stripSpace(text);
  if (target.length <= GRAM) return target === '' || out.joined.includes(target);
  let coveredTo = 0;
  for (let i = 0; i + GRAM <= target.length; i++) {
    if (out.grams.has(target.slice(i, i + GRAM))) {
      if (i > coveredTo) return false;
      coveredTo = i + GRAM;
    }
  }
  return coveredTo === target.length;
}

/** Which truth article owns each GRAM-window of body text; -1 for a window two articles share. */
function windowOwners(expected: PageLike): Map<string, number> {
  const owner = new Map<string, number>();
  expected.articles.forEach((e, ai) => {
    for (const b of e.body) {
      const t = stripSpace(b.text);
      for (let i = 0; i + GRAM <= t.length; i++) {
        const w = t.slice(i, i + GRAM);
        const o = owner.get(w);
        if (o === undefined) owner.set(w, ai);
        else if (o !== ai) owner.set(w, -1);
      }
    }
  });
  return owner;
}

/** Truth articles (index → distinct owned windows) whose text a block holds. */
function ownersIn(text: string, owner: Map<string, number>): Map<number, number> {
  const seen = new Set<string>();
  const counts = new Map<number, number>();
  for (let i = 0; i + GRAM <= text.length; i++) {
    const w = text.slice(i, i + GRAM);
    if (seen.has(w)) continue;
    seen.add(w);
    const o = owner.get(w);
    if (o === undefined || o < 0) continue;
    counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  return counts;
}

/** Windows of one article a block must hold (and of a second) to count as a join across articles. */
const MIN_WINDOWS = 2;

/**
 * One-to-one matching of a truth article's blocks to its output article's blocks by text. Each truth block
 * takes, among the unclaimed output blocks with its text, the one right after the previous truth block's
 * (so a stray earlier copy does not break the order), else the first. Returns the output index per truth
 * block (-1: not found).
 */
function matchBlocks(truth: string[], output: string[]): number[] {
  const free = new Map<string, number[]>();
  output.forEach((t, j) => {
    const list = free.get(t);
    if (list) list.push(j);
    else free.set(t, [j]);
  });
  const at: number[] = [];
  truth.forEach((t, i) => {
    const list = free.get(t);
    if (!list || list.length === 0) {
      at.push(-1);
      return;
    }
    const prev = i > 0 ? at[i - 1]! : -2;
    const next = prev >= 0 ? list.indexOf(prev + 1) : -1;
    const k = next >= 0 ? next : 0;
    at.push(list[k]!);
    list.splice(k, 1);
  });
  return at;
}

function show(v: unknown): string {
  return v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
}

function bylineKey(bs: Byline[]): string {
  return JSON.stringify(bs.map((b) => ({ role: b.role.trim(), names: b.names.map((n) => n.trim()) })));
}

function emptyFieldCounts(): Record<EvalField, number> {
  return Object.fromEntries(EVAL_FIELDS.map((f) => [f, 0])) as Record<EvalField, number>;
}

export function compare(actual: PageLike, expected: PageLike): EvalResult {
  const used = new Array<boolean>(actual.articles.length).fill(false);
  /** For each output article, the truth article matched to it (-1: none). */
  const truthOf = new Array<number>(actual.articles.length).fill(-1);
  const actualKeys = actual.articles.map((a) => normalizeHeadline(a.headline));
  const pairs: [ArticleLike, ArticleLike | undefined, number][] = expected.articles.map((e, ei) => {
    const key = normalizeHeadline(e.headline);
    const idx = actualKeys.findIndex((k, i) => !used[i] && k === key);
    if (idx < 0) return [e, undefined, -1];
    used[idx] = true;
    truthOf[idx] = ei;
    return [e, actual.articles[idx], idx];
  });

  const out = gramsOf([
    ...(actual.furniture ?? []),
    ...actual.articles.flatMap((a) => [
      a.kicker ?? '',
      a.headline,
      a.subheadline ?? '',
      ...a.body.map((b) => b.text),
    ]),
  ]);
  const outTexts = actual.articles.map((a) => a.body.map((b) => stripSpace(b.text)));
  const allOut = outTexts.flat();
  /** Per output article, which of its blocks claimed a truth block. */
  const claimed = outTexts.map((ts) => new Array<boolean>(ts.length).fill(false));

  const mismatches: FieldMismatch[] = [];
  const fieldMismatches = emptyFieldCounts();
  const paragraphMisses: ParagraphMiss[] = [];
  const orderMisses: OrderMiss[] = [];
  let expectedParagraphs = 0;
  let exactParagraphs = 0;
  let expectedPairs = 0;
  let keptPairs = 0;
  let mergedParagraphs = 0;
  let lostParagraphs = 0;

  for (const [e, a, ai] of pairs) {
    const truth = e.body.map((b) => stripSpace(b.text));
    expectedParagraphs += truth.length;
    expectedPairs += Math.max(0, truth.length - 1);
    const at = a ? matchBlocks(truth, outTexts[ai]!) : truth.map(() => -1);
    truth.forEach((t, index) => {
      const j = at[index]!;
      if (index > 0) {
        const i0 = at[index - 1]!;
        if (i0 >= 0 && j >= 0) {
          if (j === i0 + 1) keptPairs++;
          else orderMisses.push({ headline: e.headline, index: index - 1, expected: e.body[index - 1]!.text });
        }
      }
      if (j >= 0) {
        exactParagraphs++;
        claimed[ai]![j] = true;
        return;
      }
      const lost = !survives(t, out);
      const merged = !lost && t.length >= MIN_MERGED_LENGTH && allOut.some((o) => o.length > t.length && o.includes(t));
      if (lost) lostParagraphs++;
      if (merged) mergedParagraphs++;
      paragraphMisses.push({
        headline: e.headline,
        index,
        expected: e.body[index]!.text,
        how: lost ? 'lost' : merged ? 'merged' : 'wrong',
      });
    });
    if (!a) continue;
    const fields: [EvalField, string, string][] = [
      ['headline', e.headline.trim(), a.headline.trim()],
      ['kicker', e.kicker?.trim() ?? '', a.kicker?.trim() ?? ''],
      ['subheadline', e.subheadline?.trim() ?? '', a.subheadline?.trim() ?? ''],
      ['kind', e.kind, a.kind],
      ['bylines', bylineKey(e.bylines), bylineKey(a.bylines)],
      ['jump', show(e.jump?.toPage), show(a.jump?.toPage)],
      ['continuedFrom', show(e.continuedFrom?.fromPage), show(a.continuedFrom?.fromPage)],
    ];
    for (const [field, ev, av] of fields) {
      if (ev === av) continue;
      fieldMismatches[field]++;
      mismatches.push({ field, headline: e.headline, expected: ev || '—', actual: av || '—' });
    }
  }

  const extraBlocks: ExtraBlock[] = [];
  actual.articles.forEach((a, ai) =>
    a.body.forEach((b, index) => {
      if (!claimed[ai]![index]) extraBlocks.push({ headline: a.headline, index, text: b.text });
    }),
  );

  // Joins across articles: a block holding owned windows of two truth articles, unless it is a truth block.
  const owner = windowOwners(expected);
  const truthTexts = new Set(expected.articles.flatMap((e) => e.body.map((b) => stripSpace(b.text))));
  const crossJoins: CrossJoin[] = [];
  actual.articles.forEach((a, ai) =>
    outTexts[ai]!.forEach((t, index) => {
      if (truthTexts.has(t)) return;
      const owners = [...ownersIn(t, owner)].filter(([, n]) => n >= MIN_WINDOWS).sort((x, y) => y[1] - x[1]);
      if (owners.length < 2) return;
      crossJoins.push({
        headline: a.headline,
        index,
        text: a.body[index]!.text,
        articles: owners.map(([o]) => expected.articles[o]!.headline),
      });
    }),
  );

  const duplicates = duplicatedBlocks(actual);
  const duplicatedParagraphs = Math.max(0, duplicates.length - duplicatedBlocks(expected).length);
  const actualFurniture = new Set((actual.furniture ?? []).map(normalizeHeadline));
  const expectedFurniture = expected.furniture ?? [];
  const matchedArticles = pairs.filter(([, a]) => a).length;

  const counts: EvalCounts = {
    expectedArticles: expected.articles.length,
    actualArticles: actual.articles.length,
    matchedArticles,
    expectedParagraphs,
    actualParagraphs: allOut.length,
    exactParagraphs,
    expectedPairs,
    keptPairs,
    duplicatedParagraphs,
    mergedParagraphs,
    crossArticleJoins: crossJoins.length,
    lostParagraphs,
    fieldMismatches,
    expectedFurniture: expectedFurniture.length,
    foundFurniture: expectedFurniture.filter((f) => actualFurniture.has(normalizeHeadline(f))).length,
  };
  return {
    ...counts,
    ...ratios(counts),
    mismatches,
    unmatchedExpected: pairs.filter(([, a]) => !a).map(([e]) => e.headline),
    unmatchedActual: actual.articles.filter((_, i) => !used[i]).map((a) => a.headline),
    paragraphMisses,
    duplicates,
    crossJoins,
    orderMisses,
    extraBlocks,
  };
}

/** 1 when there is nothing to find (an empty page found empty is right). */
function ratio(n: number, d: number): number {
  return d === 0 ? (n === 0 ? 1 : 0) : n / d;
}

function ratios(c: EvalCounts): EvalRatios {
  const paragraphRecall = ratio(c.exactParagraphs, c.expectedParagraphs);
  return {
    articlePrecision: ratio(c.matchedArticles, c.actualArticles),
    articleRecall: ratio(c.matchedArticles, c.expectedArticles),
    paragraphPrecision: ratio(c.exactParagraphs, c.actualParagraphs),
    paragraphRecall,
    paragraphsExact: paragraphRecall,
    order: ratio(c.keptPairs, c.expectedPairs),
  };
}

export interface EvalTotals extends EvalCounts, EvalRatios {
  pages: number;
}

/** Micro-averaged totals over many pages: counts summed, ratios taken of the sums. */
export function totals(results: EvalCounts[]): EvalTotals {
  const sum = (f: (r: EvalCounts) => number): number => results.reduce((s, r) => s + f(r), 0);
  const fieldMismatches = emptyFieldCounts();
  for (const r of results) for (const f of EVAL_FIELDS) fieldMismatches[f] += r.fieldMismatches[f];
  const t: EvalCounts = {
    expectedArticles: sum((r) => r.expectedArticles),
    actualArticles: sum((r) => r.actualArticles),
    matchedArticles: sum((r) => r.matchedArticles),
    expectedParagraphs: sum((r) => r.expectedParagraphs),
    actualParagraphs: sum((r) => r.actualParagraphs),
    exactParagraphs: sum((r) => r.exactParagraphs),
    expectedPairs: sum((r) => r.expectedPairs),
    keptPairs: sum((r) => r.keptPairs),
    duplicatedParagraphs: sum((r) => r.duplicatedParagraphs),
    mergedParagraphs: sum((r) => r.mergedParagraphs),
    crossArticleJoins: sum((r) => r.crossArticleJoins),
    lostParagraphs: sum((r) => r.lostParagraphs),
    fieldMismatches,
    expectedFurniture: sum((r) => r.expectedFurniture),
    foundFurniture: sum((r) => r.foundFurniture),
  };
  return { ...t, ...ratios(t), pages: results.length };
}

type TargetFields = Pick<
  EvalTotals,
  | 'articlePrecision'
  | 'articleRecall'
  | 'paragraphPrecision'
  | 'paragraphRecall'
  | 'order'
  | 'duplicatedParagraphs'
  | 'crossArticleJoins'
  | 'lostParagraphs'
>;

/** Which targets a result or total misses (empty: all met). */
export function missedTargets(t: TargetFields): string[] {
  const missed: string[] = [];
  for (const k of ['articlePrecision', 'articleRecall', 'paragraphPrecision', 'paragraphRecall', 'order'] as const)
    if (!(t[k] >= TARGETS[k])) missed.push(`${k} ${t[k].toFixed(3)} < ${TARGETS[k]}`);
  for (const k of ['duplicatedParagraphs', 'crossArticleJoins', 'lostParagraphs'] as const)
    if (t[k] > TARGETS[k]) missed.push(`${k} ${t[k]} > ${TARGETS[k]}`);
  return missed;
}

/**
 * The targets: articles P/R ≥ 0.99, paragraphs P/R ≥ 0.97, order ≥ 0.97, no repeated block left, no join
 * across articles, nothing lost.
 */
export function meetsTargets(t: TargetFields): boolean {
  return missedTargets(t).length === 0;
}

/** The targets in words, for a "below target" line. */
export const TARGETS_TEXT = `articles P/R ≥ ${TARGETS.articlePrecision}, paragraphs P/R ≥ ${TARGETS.paragraphPrecision}, order ≥ ${TARGETS.order}, 0 repeats, 0 cross-article joins, 0 lost`;

const pct = (x: number): string => x.toFixed(3);
/** .973, 1.000: a ratio in the summary line. */
const frac = (x: number): string => x.toFixed(3).replace(/^0\./, '.');
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));

/**
 * One line of figures for a set of pages:
 * `name (P pages, A articles, N paragraphs): articles P .xxx R .xxx · paragraphs P .xxx R .xxx · order .xxx
 * · repeats N · merged N · cross-article joins N · lost N`.
 */
export function formatSummary(name: string, t: EvalTotals): string {
  return (
    `${name} (${t.pages} pages, ${t.expectedArticles} articles, ${t.expectedParagraphs} paragraphs): ` +
    `articles P ${frac(t.articlePrecision)} R ${frac(t.articleRecall)} · ` +
    `paragraphs P ${frac(t.paragraphPrecision)} R ${frac(t.paragraphRecall)} · ` +
    `order ${frac(t.order)} · repeats ${t.duplicatedParagraphs} · merged ${t.mergedParagraphs} · ` +
    `cross-article joins ${t.crossArticleJoins} · lost ${t.lostParagraphs}`
  );
}

/**
 * A fixed-width table, one row per page, and a totals row. Columns: articles expected/actual/matched,
 * article P and R, paragraphs expected/actual/exact, paragraph P and R, order, repeated blocks, merged,
 * cross-article joins, lost, field mismatches.
 */
export function formatTable(rows: { name: string; result: EvalCounts & EvalRatios }[]): string {
  const t = totals(rows.map((r) => r.result));
  const width = Math.max(8, ...rows.map((r) => [...r.name].length)) + 2;
  const head =
    pad('page', width) +
    pad('art e/a/m', 12) +
    pad('P', 7) +
    pad('R', 7) +
    pad('para e/a/x', 16) +
    pad('pP', 7) +
    pad('pR', 7) +
    pad('ord', 7) +
    pad('rep', 5) +
    pad('mrg', 5) +
    pad('join', 6) +
    pad('lost', 6) +
    'fields';
  const line = (name: string, r: EvalCounts & EvalRatios): string => {
    const fields = EVAL_FIELDS.filter((f) => r.fieldMismatches[f] > 0)
      .map((f) => `${f}:${r.fieldMismatches[f]}`)
      .join(' ');
    return (
      pad(name, width) +
      pad(`${r.expectedArticles}/${r.actualArticles}/${r.matchedArticles}`, 12) +
      pad(pct(r.articlePrecision), 7) +
      pad(pct(r.articleRecall), 7) +
      pad(`${r.expectedParagraphs}/${r.actualParagraphs}/${r.exactParagraphs}`, 16) +
      pad(pct(r.paragraphPrecision), 7) +
      pad(pct(r.paragraphRecall), 7) +
      pad(pct(r.order), 7) +
      pad(String(r.duplicatedParagraphs), 5) +
      pad(String(r.mergedParagraphs), 5) +
      pad(String(r.crossArticleJoins), 6) +
      pad(String(r.lostParagraphs), 6) +
      (fields || '—')
    );
  };
  return [head, ...rows.map((r) => line(r.name, r.result)), line(`TOTAL (${t.pages})`, t)].join('\n');
}
