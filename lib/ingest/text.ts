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

/**
 * Characters that cannot open a sentence: punctuation and particles that never start a word.
 * (就, 等, 了 … are left out: 就业, 等待, 了解 open sentences every day.)
 */
const NON_INITIAL = new Set([...'，、。；：？！）》」』】,.;:?!)%％们吗呢吧啊']);

/** True when a block visibly starts mid-sentence (a column break or a misplaced tail). */
export function startsMidSentence(text: string): boolean {
  const t = text.trimStart();
  const first = t[0];
  if (!first) return false;
  if (NON_INITIAL.has(first)) return true;
  if (first === '的' && !/^的(确|士|哥)/.test(t)) return true;
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

/** Quotes opened and not closed (positive), or closed without being opened (negative). */
export function quoteBalance(text: string): number {
  let depth = 0;
  let unopened = 0;
  for (const c of text) {
    if (c === '“' || c === '「') depth++;
    else if (c === '”' || c === '」') {
      if (depth > 0) depth--;
      else unopened++;
    }
  }
  return depth - unopened;
}

/** Adverbials that typically open a new paragraph (近年来, 今年以来, 据悉 …). */
export function opensParagraph(text: string): boolean {
  return /^(近年来|近年|今年以来|今年|目前|此外|同时|与此同时|另外|据悉|据了解|据介绍|记者了解到|记者获悉|会上|会议|下一步|近日|日前|昨天|昨日|今天|当天|\d{1,2}月\d{1,2}日)/.test(
    text.trimStart(),
  );
}

/** Sentence-initial words that need a subject before them: a tail after a comma (…背后,是…). */
export function weakInitial(text: string): boolean {
  return /^(是|也|则|才|便|却)(?![的了否])/.test(text.trimStart());
}
