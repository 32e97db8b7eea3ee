/**
 * Query syntax and exact matching. Terms separated by spaces must all occur; "quoted phrases" (also
 * “…” and 「…」) are one term, spaces included. Matching is on folded text (see fold.ts); a term that
 * begins or ends with a letter or digit must meet a word boundary there, so PTA does not match PTAX.
 */
import { fold } from './fold';
import { charClass, termTokens } from './tokenize';

export interface Term {
  /** The folded term, as it must appear in the folded text. */
  text: string;
  /** Index tokens every matching text contains; never empty. */
  tokens: string[];
  /** True when the posting list of the single token is exactly the set of matching texts. */
  exact: boolean;
  /** The term begins / ends with a letter or digit, so a word boundary must be there. */
  wordStart: boolean;
  wordEnd: boolean;
}

const QUOTED = /"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|(\S+)/gu;

/** Parses a raw query into terms; terms without any letter, digit or Han character are dropped. */
export function parseQuery(raw: string): Term[] {
  const folded = fold(raw);
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const m of folded.matchAll(QUOTED)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (!text || seen.has(text)) continue;
    const tokens = termTokens(text);
    if (tokens.length === 0) continue;
    seen.add(text);
    terms.push({
      text,
      tokens,
      exact: tokens.length === 1 && tokens[0] === text,
      wordStart: charClass(firstChar(text)) === 'word',
      wordEnd: charClass(lastChar(text)) === 'word',
    });
  }
  return terms;
}

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const cp = text.codePointAt(i) ?? 0;
  // Step back onto the lead unit of a surrogate pair.
  if (cp >= 0xdc00 && cp <= 0xdfff && i > 0)
    return charClass(String.fromCodePoint(text.codePointAt(i - 1) ?? 0)) === 'word';
  return charClass(String.fromCodePoint(cp)) === 'word';
}

function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 0);
}

function lastChar(s: string): string {
  return Array.from(s.slice(-2)).pop() ?? '';
}

/** Positions (in folded text) where term occurs, at most `max` of them, overlapping ones included. */
export function findTerm(text: string, term: string, max = Infinity): number[] {
  if (!term) return [];
  return findEdges(
    text,
    term,
    charClass(firstChar(term)) === 'word',
    charClass(lastChar(term)) === 'word',
    max,
  );
}

/** findTerm with the boundary checks decided beforehand (see Term.wordStart / wordEnd). */
export function findEdges(
  text: string,
  term: string,
  checkStart: boolean,
  checkEnd: boolean,
  max: number,
): number[] {
  const out: number[] = [];
  let from = 0;
  while (out.length < max) {
    const at = text.indexOf(term, from);
    if (at < 0) break;
    const end = at + term.length;
    if ((!checkStart || !isWordAt(text, at - 1)) && (!checkEnd || !isWordAt(text, end))) out.push(at);
    from = at + 1;
  }
  return out;
}

/** findEdges' count without the positions: how often term occurs, counting stops at `max`. */
export function countEdges(
  text: string,
  term: string,
  checkStart: boolean,
  checkEnd: boolean,
  max: number,
): number {
  let count = 0;
  let at = -1;
  while (count < max && (at = text.indexOf(term, at + 1)) >= 0) {
    if ((!checkStart || !isWordAt(text, at - 1)) && (!checkEnd || !isWordAt(text, at + term.length))) count++;
  }
  return count;
}

/** How often a term occurs in a folded text, counted up to cap (0: it does not occur). */
export function countTerm(text: string, term: string, cap: number): number {
  return findTerm(text, term, cap).length;
}
