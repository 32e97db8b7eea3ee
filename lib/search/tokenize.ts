/**
 * The tokenizer shared by indexing and querying. Chinese has no spaces, so Han text is indexed as
 * single characters plus overlapping character pairs (bigrams); letters and digits form word tokens
 * (pta, 175.3, 2025, g60). A query term is looked up by its bigrams (or its one character), and the
 * candidates are then verified against the text, so the index only has to never miss.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Prefix of tokens taken from the headline: a second, small posting list that ranks headline hits first. */
export const HEAD = '^';

export type CharClass = 'han' | 'word' | 'other';

export function charClass(ch: string): CharClass {
  if (ch.length === 1) {
    const c = ch.charCodeAt(0);
    // Fast paths for the bulk of the text: ASCII and the basic CJK block.
    if (c < 0x80) {
      return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)
        ? 'word'
        : 'other';
    }
    if (c >= 0x4e00 && c <= 0x9fff) return 'han';
  }
  if (HAN.test(ch)) return 'han';
  return WORD.test(ch) ? 'word' : 'other';
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export interface Run {
  kind: 'han' | 'word';
  /** Code points (a Han run) or the whole word as one element (a word run). */
  text: string;
}

/**
 * Splits folded text into Han runs and word runs; everything else separates them.
 * A dot between digits stays inside the word, so 175.3 is one run.
 */
export function runs(folded: string): Run[] {
  const out: Run[] = [];
  const chars = Array.from(folded);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    const cls = charClass(ch);
    if (cls === 'other') {
      i++;
      continue;
    }
    let j = i + 1;
    if (cls === 'han') {
      while (j < chars.length && charClass(chars[j]!) === 'han') j++;
    } else {
      while (j < chars.length) {
        const c = chars[j]!;
        if (charClass(c) === 'word') j++;
        else if (c === '.' && isDigit(chars[j - 1]) && isDigit(chars[j + 1])) j++;
        else break;
      }
    }
    out.push({ kind: cls, text: chars.slice(i, j).join('') });
    i = j;
  }
  return out;
}

/**
 * Tokens of a word run: the word, and for a dotted number every run of its parts
 * (2025.7.31 -> 2025.7.31, 2025.7, 7.31, 2025, 7, 31), since a search for 2025 or 7.31 should find it.
 */
function wordTokens(word: string, out: string[]): void {
  if (!word.includes('.')) {
    out.push(word);
    return;
  }
  const parts = word.split('.');
  for (let a = 0; a < parts.length; a++) {
    for (let b = a + 1; b <= parts.length; b++) out.push(parts.slice(a, b).join('.'));
  }
}

/** Every token of a folded text, in order, repeats kept (the index counts them). */
export function indexTokens(folded: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const run of runs(folded)) {
    if (run.kind === 'word') {
      const before = out.length;
      wordTokens(run.text, out);
      if (prefix) for (let k = before; k < out.length; k++) out[k] = prefix + out[k];
      continue;
    }
    const chars = Array.from(run.text);
    for (let k = 0; k < chars.length; k++) {
      out.push(prefix + chars[k]);
      if (k + 1 < chars.length) out.push(prefix + chars[k] + chars[k + 1]);
    }
  }
  return out;
}

/**
 * Tokens that any text containing the folded term must contain: bigrams covering each Han run (its
 * one character if the run is a single character), and each word whole.
 */
export function termTokens(folded: string): string[] {
  const out = new Set<string>();
  for (const run of runs(folded)) {
    if (run.kind === 'word') {
      out.add(run.text);
      continue;
    }
    const chars = Array.from(run.text);
    if (chars.length === 1) out.add(chars[0]!);
    // Every other bigram plus the last covers each character; verification checks the order, so the
    // bigrams in between would only cost more posting lists (and, in the browser, more shards).
    for (let k = 0; k + 1 < chars.length; k += 2) out.add(chars[k]! + chars[k + 1]!);
    if (chars.length > 2 && chars.length % 2 === 1)
      out.add(chars[chars.length - 2]! + chars[chars.length - 1]!);
  }
  return [...out];
}
