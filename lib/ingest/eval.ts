/**
 * Measures a reconstructed page against the page a human editor expects (fixtures, generated ground truth).
 * Pure: no I/O. Articles are matched by normalized headline; paragraphs must be exactly right (trimmed
 * text and block type) and in order within a matched article.
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
  /** lost: its text is nowhere in the output; wrong: present, but not as this exact block in order. */
  how: 'lost' | 'wrong';
}

export interface EvalCounts {
  expectedArticles: number;
  actualArticles: number;
  matchedArticles: number;
  expectedParagraphs: number;
  exactParagraphs: number;
  duplicatedParagraphs: number;
  lostParagraphs: number;
  fieldMismatches: Record<EvalField, number>;
  expectedFurniture: number;
  foundFurniture: number;
}

export interface EvalResult extends EvalCounts {
  articlePrecision: number;
  articleRecall: number;
  paragraphsExact: number;
  mismatches: FieldMismatch[];
  unmatchedExpected: string[];
  unmatchedActual: string[];
  paragraphMisses: ParagraphMiss[];
  /** Output blocks that repeat (or are contained in) another output block. */
  duplicates: string[];
}

export const TARGETS = { articlePrecision: 0.98, articleRecall: 0.98, paragraphsExact: 0.95 } as const;

/** Headline key: NFKC, without whitespace, punctuation and symbols (so “” vs "" or a stray space do not matter). */
export function normalizeHeadline(s: string): string {
  return s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

const blockKey = (b: BodyBlock): string => `${b.type}\u0000${b.text.trim()}`;

/** Length of the longest common subsequence of two key lists. */
function lcs(a: string[], b: string[]): { length: number; matchedA: boolean[] } {
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = t[i]!;
    const next = t[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
    }
  }
  const matchedA = new Array<boolean>(n).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      matchedA[i] = true;
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return { length: t[0]![0]!, matchedA };
}

const MIN_DUP_LENGTH = 8;

/** Body paragraphs that equal an earlier one or sit inside a longer one (a repeat or a half kept twice). */
export function duplicatedBlocks(page: PageLike): string[] {
  const texts = page.articles.flatMap((a) => a.body.filter((b) => b.type === 'p').map((b) => b.text.trim()));
  const dups: string[] = [];
  texts.forEach((t, i) => {
    if (t.length < MIN_DUP_LENGTH) return;
    const dup = texts.some((o, j) => (o === t ? j < i : o.length > t.length && o.includes(t)));
    if (dup) dups.push(t);
  });
  return dups;
}

const stripSpace = (s: string): string => s.replace(/\s+/g, '');

/** Window length for the survival check: long enough that a CJK window is specific to its place. */
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
  const actualKeys = actual.articles.map((a) => normalizeHeadline(a.headline));
  const pairs: [ArticleLike, ArticleLike | undefined][] = expected.articles.map((e) => {
    const key = normalizeHeadline(e.headline);
    const idx = actualKeys.findIndex((k, i) => !used[i] && k === key);
    if (idx < 0) return [e, undefined];
    used[idx] = true;
    return [e, actual.articles[idx]];
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

  const mismatches: FieldMismatch[] = [];
  const fieldMismatches = emptyFieldCounts();
  const paragraphMisses: ParagraphMiss[] = [];
  let expectedParagraphs = 0;
  let exactParagraphs = 0;
  let lostParagraphs = 0;

  for (const [e, a] of pairs) {
    expectedParagraphs += e.body.length;
    const matchedA = a
      ? lcs(e.body.map(blockKey), a.body.map(blockKey)).matchedA
      : new Array<boolean>(e.body.length).fill(false);
    e.body.forEach((b, index) => {
      if (matchedA[index]) {
        exactParagraphs++;
        return;
      }
      const lost = !survives(b.text, out);
      if (lost) lostParagraphs++;
      paragraphMisses.push({ headline: e.headline, index, expected: b.text, how: lost ? 'lost' : 'wrong' });
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

  const duplicates = duplicatedBlocks(actual);
  const duplicatedParagraphs = Math.max(0, duplicates.length - duplicatedBlocks(expected).length);
  const actualFurniture = new Set((actual.furniture ?? []).map(normalizeHeadline));
  const expectedFurniture = expected.furniture ?? [];
  const matchedArticles = pairs.filter(([, a]) => a).length;

  return {
    expectedArticles: expected.articles.length,
    actualArticles: actual.articles.length,
    matchedArticles,
    articlePrecision: ratio(matchedArticles, actual.articles.length),
    articleRecall: ratio(matchedArticles, expected.articles.length),
    expectedParagraphs,
    exactParagraphs,
    paragraphsExact: ratio(exactParagraphs, expectedParagraphs),
    duplicatedParagraphs,
    lostParagraphs,
    fieldMismatches,
    expectedFurniture: expectedFurniture.length,
    foundFurniture: expectedFurniture.filter((f) => actualFurniture.has(normalizeHeadline(f))).length,
    mismatches,
    unmatchedExpected: pairs.filter(([, a]) => !a).map(([e]) => e.headline),
    unmatchedActual: actual.articles.filter((_, i) => !used[i]).map((a) => a.headline),
    paragraphMisses,
    duplicates,
  };
}

/** 1 when there is nothing to find (an empty page found empty is right). */
function ratio(n: number, d: number): number {
  return d === 0 ? (n === 0 ? 1 : 0) : n / d;
}

export interface EvalTotals extends EvalCounts {
  pages: number;
  articlePrecision: number;
  articleRecall: number;
  paragraphsExact: number;
}

/** Micro-averaged totals over many pages. */
export function totals(results: EvalCounts[]): EvalTotals {
  const sum = (f: (r: EvalCounts) => number): number => results.reduce((s, r) => s + f(r), 0);
  const fieldMismatches = emptyFieldCounts();
  for (const r of results) for (const f of EVAL_FIELDS) fieldMismatches[f] += r.fieldMismatches[f];
  const t: EvalCounts = {
    expectedArticles: sum((r) => r.expectedArticles),
    actualArticles: sum((r) => r.actualArticles),
    matchedArticles: sum((r) => r.matchedArticles),
    expectedParagraphs: sum((r) => r.expectedParagraphs),
    exactParagraphs: sum((r) => r.exactParagraphs),
    duplicatedParagraphs: sum((r) => r.duplicatedParagraphs),
    lostParagraphs: sum((r) => r.lostParagraphs),
    fieldMismatches,
    expectedFurniture: sum((r) => r.expectedFurniture),
    foundFurniture: sum((r) => r.foundFurniture),
  };
  return {
    ...t,
    pages: results.length,
    articlePrecision: ratio(t.matchedArticles, t.actualArticles),
    articleRecall: ratio(t.matchedArticles, t.expectedArticles),
    paragraphsExact: ratio(t.exactParagraphs, t.expectedParagraphs),
  };
}

/** The targets of issue 2: P/R ≥ 0.98, paragraphs exact ≥ 0.95, nothing duplicated, nothing lost. */
export function meetsTargets(t: Pick<EvalTotals, 'articlePrecision' | 'articleRecall' | 'paragraphsExact' | 'duplicatedParagraphs' | 'lostParagraphs'>): boolean {
  return (
    t.articlePrecision >= TARGETS.articlePrecision &&
    t.articleRecall >= TARGETS.articleRecall &&
    t.paragraphsExact >= TARGETS.paragraphsExact &&
    t.duplicatedParagraphs === 0 &&
    t.lostParagraphs === 0
  );
}

const pct = (x: number): string => x.toFixed(3);
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));

/** A fixed-width table, one row per page, and a totals row. */
export function formatTable(rows: { name: string; result: EvalCounts & { articlePrecision: number; articleRecall: number; paragraphsExact: number } }[]): string {
  const t = totals(rows.map((r) => r.result));
  const width = Math.max(8, ...rows.map((r) => [...r.name].length)) + 2;
  const head = `${pad('page', width)}${pad('art e/a/m', 17)}${pad('P', 7)}${pad('R', 7)}${pad('para', 14)}${pad('exact', 7)}${pad('dup', 5)}${pad('lost', 6)}fields`;
  const line = (name: string, r: typeof t | (typeof rows)[number]['result']): string => {
    const fields = EVAL_FIELDS.filter((f) => r.fieldMismatches[f] > 0)
      .map((f) => `${f}:${r.fieldMismatches[f]}`)
      .join(' ');
    return (
      pad(name, width) +
      pad(`${r.expectedArticles}/${r.actualArticles}/${r.matchedArticles}`, 17) +
      pad(pct(r.articlePrecision), 7) +
      pad(pct(r.articleRecall), 7) +
      pad(`${r.exactParagraphs}/${r.expectedParagraphs}`, 14) +
      pad(pct(r.paragraphsExact), 7) +
      pad(String(r.duplicatedParagraphs), 5) +
      pad(String(r.lostParagraphs), 6) +
      (fields || '—')
    );
  };
  return [head, ...rows.map((r) => line(r.name, r.result)), line(`TOTAL (${t.pages})`, t)].join('\n');
}
