/** Turns a run of heading lines into the headline block: 引题 (kicker), 主题 (headline), 副题 (subheadline). */

export interface HeadingLine {
  level: number;
  text: string;
}

export interface HeadlineBlock {
  kicker?: string;
  headline: string;
  subheadline?: string;
  /** True when a kicker and headline printed on one line were split. */
  split: boolean;
}

/** A kicker that ends the way 引题 do: a speaker and a verb of saying, a time clause, a colon. */
export const KICKER_END = /(强调|指出|表示|要求|提出|寄语|称|说|时|之际|期间|上|中|：|:)$/;

/** 副题 read like a summary: led by a dash, or a clause with commas and figures. */
function looksLikeDeck(text: string): boolean {
  return /^[—–-]{1,2}/.test(text) || (/[，,]/.test(text) && /\d/.test(text));
}

/** Splits "仲旭东在…上强调 推动… 积蓄…" into a kicker and the headline. */
export function splitOneLine(text: string): { kicker?: string; headline: string } {
  const parts = text.split(/\s+/).filter(Boolean);
  if (parts.length >= 2) {
    const first = parts[0]!;
    const rest = parts.slice(1).join(' ');
    if (first.length >= 8 && KICKER_END.test(first) && rest.replace(/\s/g, '').length >= 6) {
      return { kicker: first, headline: rest };
    }
  }
  return { headline: text };
}

/** Splits one heading line into a kicker and the headline (splitOneLine, or a fitted model). */
export type LineSplitter = (text: string) => { kicker?: string; headline: string };

export function readHeadingRun(run: HeadingLine[], splitLine: LineSplitter = splitOneLine): HeadlineBlock {
  if (run.length === 0) throw new Error('empty heading run');
  if (run.length === 1) {
    const { kicker, headline } = splitLine(run[0]!.text);
    return { kicker, headline, split: kicker !== undefined };
  }
  const top = Math.min(...run.map((h) => h.level));
  const main = run.map((h, i) => ({ ...h, i })).filter((h) => h.level === top);
  let headIdx: number;
  if (main.length === 1) headIdx = main[0]!.i;
  else {
    // Two lines at the main size: the later one is the headline unless it reads like a deck.
    const last = main.at(-1)!;
    headIdx = looksLikeDeck(last.text) && !looksLikeDeck(main[0]!.text) ? main[0]!.i : last.i;
  }
  const kickers: string[] = [];
  const decks: string[] = [];
  run.forEach((h, i) => {
    if (i === headIdx) return;
    if (looksLikeDeck(h.text)) decks.push(h.text);
    // Before the headline: a kicker, unless a kicker is already taken and this line is smaller
    // (the converter printed the deck between kicker and headline: ### #### ###).
    else if (i < headIdx && (h.level === top || kickers.length === 0)) kickers.push(h.text);
    else decks.push(h.text);
  });
  // The headline line itself may carry its kicker (…上强调 推动…) when no kicker line stands above it.
  const one = kickers.length === 0 ? splitLine(run[headIdx]!.text) : { headline: run[headIdx]!.text };
  if (one.kicker) kickers.push(one.kicker);
  return {
    kicker: kickers.length ? kickers.join(' ') : undefined,
    headline: one.headline,
    subheadline: decks.length ? decks.join(' ') : undefined,
    split: one.kicker !== undefined,
  };
}
