/**
 * The features the parser's models score, one list per decision. Each is a plain number read off the
 * text around the decision; the names are committed with the weights, so a model and the code that
 * feeds it cannot drift apart unnoticed (weights.test.ts checks the names).
 */
import {
  bigrams,
  endsOpen,
  hasSentencePunctuation,
  isOpener,
  opensParagraph,
  quoteBalance,
  spansWord,
  startsMidSentence,
  weakInitial,
} from '../text';
import { KICKER_END } from '../headings';
import { edgeRatio, pairPmi, sharedVocabulary, type CharStats } from './ngram';

const HAN = /\p{Script=Han}/u;
const b = (v: boolean): number => (v ? 1 : 0);
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** A short line that reads as a heading, callout or caption rather than running text. */
export function headLike(text: string): boolean {
  return text.length <= 24 && !/[。！？；!?;]/.test(text);
}

/** A figure printed as its own line (63%, 800亿, 3.57万亿, 13.95亿人次). */
export function calloutLike(text: string): boolean {
  return text.length <= 12 && /^[\d.,，％%]+[\p{Script=Han}%％]{0,4}$/u.test(text.trim());
}

export const JOIN_FEATURES = [
  'p_open',
  'p_end_comma',
  'p_end_han',
  'p_end_digit',
  'p_end_term',
  'p_end_quote',
  'p_headlike',
  'p_callout',
  'p_opens_quote',
  'p_len',
  'q_mid',
  'q_weak',
  'q_opener',
  'q_opens_para',
  'q_quote_open',
  'q_closes_quote',
  'quote_pair',
  'q_short',
  'q_len',
  'q_headlike',
  'q_start_han',
  'q_start_digit',
  'q_open',
  'spans_word',
  'pmi',
  'next',
  'prev',
  'far',
  'before',
  'q_top',
  'q_taken',
  'p_moved',
  'p_endness',
  'q_startness',
  'far_pmi',
  'far_spans',
  'far_startness',
  'far_endness',
  'q_after_closed',
  'subhead_between',
  'p_subhead',
  'q_subhead',
  'p_open_long',
  'p_tail_clause',
  'p_tiny',
] as const;

export interface JoinSite {
  p: string;
  q: string;
  /** Position of q relative to p in the article's block list (1: the next block). */
  offset: number;
  /** q is where a later column's first block lands when columns are printed out of order. */
  qTop: boolean;
  /** q is already the natural continuation of another open block (the block before it is open). */
  qTaken: boolean;
  pMoved: boolean;
  /** The block before q ends a sentence, or q is the first: q may be the top of a column. */
  qAfterClosed: boolean;
  subheadBetween: boolean;
  /** p, q were marked subheads by their look (pass `subheads`). */
  pSubhead: boolean;
  qSubhead: boolean;
}

/** What a block's two edges say, computed once per block (a page has n blocks and up to n² pairs). */
export interface EdgeSigns {
  open: number;
  endComma: number;
  endHan: number;
  endDigit: number;
  endTerm: number;
  endQuote: number;
  headLike: number;
  callout: number;
  opensQuote: number;
  closesQuote: number;
  lenLog: number;
  endness: number;
  mid: number;
  weak: number;
  opener: number;
  opensPara: number;
  quoteOpen: number;
  short: number;
  startHan: number;
  startDigit: number;
  startness: number;
  /** Length of the last clause (after the last comma or stop): a cut falls anywhere in a clause. */
  tailClause: number;
}

export function edgeSigns(text: string, stats: CharStats): EdgeSigns {
  const last = text.trimEnd().at(-1) ?? '';
  const first = text.trimStart()[0] ?? '';
  const balance = quoteBalance(text);
  return {
    open: b(endsOpen(text)),
    endComma: b(/[，、；,;：:]/.test(last)),
    endHan: b(HAN.test(last)),
    endDigit: b(/[0-9０-９]/.test(last)),
    endTerm: b(/[。！？!?…]/.test(last)),
    endQuote: b(/[”」』’"]/.test(last)),
    headLike: b(headLike(text)),
    callout: b(calloutLike(text)),
    opensQuote: b(balance > 0),
    closesQuote: b(balance < 0),
    lenLog: Math.log1p(text.length),
    endness: clamp(edgeRatio(stats, text, true), -6, 6),
    mid: b(startsMidSentence(text)),
    weak: b(weakInitial(text)),
    opener: b(isOpener(text)),
    opensPara: b(opensParagraph(text)),
    quoteOpen: b(/^[“「『]/.test(first)),
    short: b(text.length <= 12),
    startHan: b(HAN.test(first)),
    startDigit: b(/[0-9０-９]/.test(first)),
    startness: clamp(edgeRatio(stats, text, false), -6, 6),
    tailClause: Math.log1p(tailClause(text.trimEnd())),
  };
}

/** Characters after the last comma or stop (the whole text without one). */
function tailClause(t: string): number {
  let k = t.length - 1;
  while (k >= 0 && !CLAUSE_END.has(t[k]!)) k--;
  return t.length - 1 - k;
}
const CLAUSE_END = new Set([...'，、；：。！？,;:']);

/** The edge signs of a text, from `memo` when it has them (one memo per parse). */
export function signsOf(text: string, stats: CharStats, memo?: Map<string, EdgeSigns>): EdgeSigns {
  let s = memo?.get(text);
  if (!s) {
    s = edgeSigns(text, stats);
    memo?.set(text, s);
  }
  return s;
}

/**
 * The pair's features as a row of a join choice, forward or backward: zeros after them in the option
 * slots of either layout (each model reads only its own width).
 */
export function pairRow(s: JoinSite, stats: CharStats, memo?: Map<string, EdgeSigns>): Float64Array {
  const row = new Float64Array(CHOICE_WIDTH);
  row.set(pairValues(s, stats, memo));
  return row;
}

function pairValues(s: JoinSite, stats: CharStats, memo?: Map<string, EdgeSigns>): number[] {
  const { p, q, offset } = s;
  const P = signsOf(p, stats, memo);
  const Q = signsOf(q, stats, memo);
  const pmi = clamp(pairPmi(stats, p, q), -6, 8);
  const spans = b(spansWord(p, q));
  // Far from p, a block must show by its own text that it continues p: the features of the cut,
  // weighed again by distance (a linear model cannot make that trade itself).
  const far = Math.log1p(Math.abs(offset)) - Math.log(2);
  return [
    P.open,
    P.endComma,
    P.endHan,
    P.endDigit,
    P.endTerm,
    P.endQuote,
    P.headLike,
    P.callout,
    P.opensQuote,
    P.lenLog,
    Q.mid,
    Q.weak,
    Q.opener,
    Q.opensPara,
    Q.quoteOpen,
    Q.closesQuote,
    P.opensQuote * Q.closesQuote,
    Q.short,
    Q.lenLog,
    Q.headLike,
    Q.startHan,
    Q.startDigit,
    Q.open,
    spans,
    pmi,
    b(offset === 1),
    b(offset === -1),
    Math.log1p(Math.abs(offset)),
    b(offset < 0),
    b(s.qTop),
    b(s.qTaken),
    b(s.pMoved),
    P.endness,
    Q.startness,
    far * pmi,
    far * spans,
    far * Q.startness,
    far * P.endness,
    b(s.qAfterClosed),
    b(s.subheadBetween),
    b(s.pSubhead),
    b(s.qSubhead),
    ...openBlock(P, p),
  ];
}

/**
 * What an open block's length says, in the pair rows and the 'none' rows alike: a long block that
 * stops without punctuation is a cut paragraph, a short one may be a subhead; a cut falls anywhere in
 * a clause, a subhead ends one; a block of a few characters is a cut near a paragraph's start.
 */
function openBlock(P: EdgeSigns, p: string): number[] {
  return [P.open * P.lenLog, P.open * P.tailClause, b(p.length <= 6)];
}

/** The 'no continuation here' option of a join choice: what the open block itself says. */
export const NONE_FEATURES = [
  'none',
  'none_p_open',
  'none_p_term',
  'none_p_comma',
  'none_p_han',
  'none_p_headlike',
  'none_p_callout',
  'none_p_len',
  'none_p_endness',
  'none_p_last',
  'none_jumps',
  'none_p_open_long',
  'none_p_tail_clause',
  'none_p_tiny',
] as const;

/** Features of a join choice's candidates: a pair's features, then the 'none' option's. */
export const CHOICE_FEATURES = [...JOIN_FEATURES, ...NONE_FEATURES] as const;

/** The 'none' row of a join choice for the open block p. */
export function noneRow(p: string, last: boolean, jumps: boolean, stats: CharStats, memo?: Map<string, EdgeSigns>): number[] {
  const P = signsOf(p, stats, memo);
  return [
    ...new Array<number>(JOIN_FEATURES.length).fill(0),
    1,
    P.open,
    P.endTerm,
    P.endComma,
    P.endHan,
    P.headLike,
    P.callout,
    P.lenLog,
    P.endness,
    b(last),
    b(last && jumps),
    ...openBlock(P, p),
  ];
}

/** The 'continues nothing' option of a backward join choice: what the block's start says by itself. */
export const START_FEATURES = [
  'start',
  'start_mid',
  'start_weak',
  'start_opener',
  'start_opens_para',
  'start_quote_open',
  'start_closes_quote',
  'start_startness',
  'start_len',
  'start_headlike',
  'start_after_closed',
] as const;

/** Width of a pair's row: its features, then room for either choice's option slots. */
const CHOICE_WIDTH = JOIN_FEATURES.length + Math.max(NONE_FEATURES.length, START_FEATURES.length);

/** Features of a backward join choice: a pair's features, then the 'opens a paragraph' option's. */
export const BACK_FEATURES = [...JOIN_FEATURES, ...START_FEATURES] as const;

/** The 'continues nothing' row of a backward choice for block q. */
export function startRow(q: string, afterClosed: boolean, stats: CharStats, memo?: Map<string, EdgeSigns>): number[] {
  const Q = signsOf(q, stats, memo);
  return [
    ...new Array<number>(JOIN_FEATURES.length).fill(0),
    1,
    Q.mid,
    Q.weak,
    Q.opener,
    Q.opensPara,
    Q.quoteOpen,
    Q.closesQuote,
    Q.startness,
    Q.lenLog,
    Q.headLike,
    b(afterClosed),
  ];
}

export const HEADING_CLASSES = ['article', 'banner', 'subhead'] as const;
export type HeadingClass = (typeof HEADING_CLASSES)[number];

const HEADING_BASE = [
  'lvl1',
  'lvl2',
  'lvl3',
  'lvl4',
  'rel_level',
  'han_len',
  'short',
  'long',
  'has_comma',
  'has_stop',
  'has_colon',
  'two_phrases',
  'ends_dash',
  'has_digit',
  'has_quote',
  'ends_particle',
  'prev_open',
  'prev_heading',
  'next_para',
  'next_byline',
  'next_heading',
  'next_jump',
  'next_none',
  'next_mid',
  'next_opener',
  'pmi_across',
  'spans_across',
  'cur_paras',
  'overlap_cur',
  'overlap_next',
  'seen_twice',
  'has_paren',
  'next_startness',
  'prev_endness',
  'continuity',
  'continuity_rare',
  'lvl4_continuity',
  'lvl4_overlap_next',
  'lvl4_byline',
  'lvl4_paren',
  'short_continuity',
] as const;

/**
 * The heading's context, crossed with every base feature: a linear model cannot by itself let, say,
 * the heading's size change what its words mean. Each of these splits the base features in two.
 */
const HEADING_CONTEXTS = ['lvl4', 'prev_open', 'next_byline', 'next_para'] as const;

export const HEADING_FEATURES = [
  ...HEADING_BASE,
  ...HEADING_CONTEXTS.flatMap((c) => HEADING_BASE.map((f) => `${c}*${f}`)),
] as const;

const CONTEXT_INDEX = HEADING_CONTEXTS.map((c) => HEADING_BASE.indexOf(c));

export interface HeadingSite {
  text: string;
  level: number;
  /** The smallest heading level among the current article's headings. */
  articleLevel: number;
  /** The current article's last paragraph, if any. */
  prev?: string;
  prevIsHeading: boolean;
  next: 'para' | 'byline' | 'heading' | 'jump' | 'none';
  /** The first paragraph after the heading (and any headings right after it). */
  nextPara?: string;
  curParas: number;
  /** Text of the current article so far, and of the few paragraphs after the heading. */
  /** Text of the current story (its headings and latest paragraphs), and of the few paragraphs after. */
  curText: string;
  nextText: string;
  seen: number;
}

/** Share of `grams` that `other` holds. */
function overlap(grams: Set<number>, other: Set<number>): number {
  if (grams.size === 0) return 0;
  let hit = 0;
  for (const g of grams) if (other.has(g)) hit++;
  return hit / grams.size;
}

export function headingFeatures(s: HeadingSite, stats: CharStats): number[] {
  const base = headingBase(s, stats);
  const out = [...base];
  for (const ci of CONTEXT_INDEX) {
    const c = base[ci]!;
    for (const v of base) out.push(c * v);
  }
  return out;
}

function headingBase(s: HeadingSite, stats: CharStats): number[] {
  const t = s.text.trim();
  const grams = bigrams(t);
  let han = 0;
  for (const c of t) if (HAN.test(c)) han++;
  const curGrams = bigrams(s.curText);
  const nextGrams = bigrams(s.nextText);
  const continuity = overlap(nextGrams, curGrams);
  const rare = sharedVocabulary(stats, nextGrams, curGrams);
  const overlapNext = overlap(grams, nextGrams);
  const lvl4 = b(s.level >= 4);
  const paren = b(/[（(][^）)]+[）)]$/.test(t));
  return [
    b(s.level <= 1),
    b(s.level === 2),
    b(s.level === 3),
    b(s.level >= 4),
    clamp(s.level - s.articleLevel, -3, 3),
    Math.log1p(han),
    b(han <= 8),
    b(han > 20),
    b(/[，,、]/.test(t)),
    b(/[。！？；!?;]/.test(t)),
    b(/[：:]/.test(t)),
    b(/^\S+\s+\S+$/.test(t) && !hasSentencePunctuation(t)),
    b(/(——|—|-)$/.test(t)),
    b(/\d/.test(t)),
    b(/[“”「」《》]/.test(t)),
    b(/[的地得了着在和与及对将把被向从为以于等或而并且之]$/.test(t)),
    b(s.prev !== undefined && endsOpen(s.prev)),
    b(s.prevIsHeading),
    b(s.next === 'para'),
    b(s.next === 'byline'),
    b(s.next === 'heading'),
    b(s.next === 'jump'),
    b(s.next === 'none'),
    b(s.nextPara !== undefined && (startsMidSentence(s.nextPara) || weakInitial(s.nextPara))),
    b(s.nextPara !== undefined && (isOpener(s.nextPara) || opensParagraph(s.nextPara))),
    s.prev !== undefined && s.nextPara !== undefined ? clamp(pairPmi(stats, s.prev, s.nextPara), -6, 8) : 0,
    b(s.prev !== undefined && s.nextPara !== undefined && spansWord(s.prev, s.nextPara)),
    Math.log1p(s.curParas),
    overlap(grams, curGrams),
    overlapNext,
    b(s.seen > 1),
    paren,
    s.nextPara !== undefined ? clamp(edgeRatio(stats, s.nextPara, false), -6, 6) : 0,
    s.prev !== undefined ? clamp(edgeRatio(stats, s.prev, true), -6, 6) : 0,
    // Does the text after the heading go on with the story before it (a banner or subhead inside
    // one story) or start another (a headline)? Share of its character pairs the story already has.
    continuity,
    rare,
    lvl4 * rare,
    lvl4 * overlapNext,
    lvl4 * b(s.next === 'byline'),
    lvl4 * paren,
    b(han <= 8) * rare,
  ];
}

export const KICKER_FEATURES = [
  'left_len',
  'right_len',
  'left_dash',
  'left_colon',
  'left_verb',
  'left_comma',
  'left_spaces',
  'right_spaces',
  'right_paren',
  'left_paren',
  'left_digit',
  'right_digit',
  'first_space',
  'last_space',
  'right_quote',
] as const;

/** A place where a heading line may divide into kicker (left) and headline (right). */
export interface KickerSite {
  left: string;
  right: string;
  /** Which space of the line this is, and how many there are. */
  index: number;
  spaces: number;
}

export function kickerFeatures(s: KickerSite): number[] {
  const hanLen = (t: string) => [...t].filter((c) => HAN.test(c)).length;
  const left = s.left.trim();
  const right = s.right.trim();
  return [
    Math.log1p(hanLen(left)),
    Math.log1p(hanLen(right)),
    b(/[—–-]$/.test(left)),
    b(/[：:]$/.test(left)),
    b(KICKER_END.test(left)),
    b(/[，,、]/.test(left)),
    (left.match(/\s+/g) ?? []).length,
    (right.match(/\s+/g) ?? []).length,
    b(/[（(][^）)]+[）)]$/.test(right)),
    b(/[（(]/.test(left)),
    b(/\d/.test(left)),
    b(/\d/.test(right)),
    b(s.index === 0),
    b(s.index === s.spaces - 1),
    b(/[“”「」]/.test(right)),
  ];
}

/** Every way to divide a heading line at a space: the sites the kicker model scores. */
export function kickerSites(text: string): KickerSite[] {
  const t = text.trim();
  const gaps = [...t.matchAll(/\s+/g)];
  return gaps.map((m, index) => ({
    left: t.slice(0, m.index),
    right: t.slice(m.index + m[0].length),
    index,
    spaces: gaps.length,
  }));
}
