/** Character-level tests on Chinese news text: where sentences end, how blocks compare. */

const TERMINAL = new Set(['。', '！', '？', '!', '?', '…', '；', ';', '：', ':', '）', ')', '】', '》']);
const QUOTE_CLOSE = new Set(['”', '」', '』', '’', '"']);
const SENTENCE_END_BEFORE_QUOTE = new Set(['。', '！', '？', '!', '?', '…', '.']);

/** True when a block stops mid-sentence: its continuation must be elsewhere. */
export function endsOpen(text: string): boolean {
  const t = text.trimEnd();
  const last = t.at(-1);
  if (!last) return false;
  if (QUOTE_CLOSE.has(last)) {
    // “平服365” closes a quote inside a sentence; 。” closes the sentence itself.
    const before = t.at(-2);
    return !(before && SENTENCE_END_BEFORE_QUOTE.has(before));
  }
  return !TERMINAL.has(last);
}

/** Characters that cannot open a sentence: punctuation and bound particles. */
const NON_INITIAL = new Set([
  ...'，、。；：？！）》」』】,.;:?!)%％',
  ...'的了着过地得们等之及与而则也都就才又还并且却吗呢吧啊',
]);

/** True when a block visibly starts mid-sentence (a column break or a misplaced tail). */
export function startsMidSentence(text: string): boolean {
  const t = text.trimStart();
  const first = t[0];
  if (!first) return false;
  if (NON_INITIAL.has(first)) return true;
  // A lone character before the first comma (内,独山能源 …; 年上半年 …) is a word cut in two.
  const comma = t.search(/[，,、]/);
  return comma === 1 && /\p{Script=Han}/u.test(first);
}

/** News openers that can only start an article's first paragraph. */
const OPENER =
  /^(本报讯|本报[^\s，,]{0,8}电|新华社[^\s，,]{0,12}电|中新社[^\s，,]{0,12}电|据[^\s，,]{1,10}(报道|消息)|[（(]?(本报|记者)[^）)]{0,30}[）)]?\s*(讯|报道))/;

export function isOpener(text: string): boolean {
  return OPENER.test(text.trimStart());
}

/** Sentence punctuation: a block without any is a heading-like line (subhead, banner, promo). */
export function hasSentencePunctuation(text: string): boolean {
  return /[，,。；;！!？?：:、]/.test(text);
}

/** Form used only to compare blocks: width-folded, case-folded, no whitespace. */
export function normalizeForCompare(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function hanCount(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}

/** Character-bigram set, for topical similarity between a block and an article. */
export function bigrams(text: string): Set<string> {
  const t = normalizeForCompare(text).replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

export function containment(small: Set<string>, big: Set<string>): number {
  if (small.size === 0) return 0;
  let hit = 0;
  for (const g of small) if (big.has(g)) hit++;
  return hit / small.size;
}
