/** Character-level tests on Chinese news text: where sentences end, how blocks compare. */
import { COMMON_WORDS } from './words';

const TERMINAL = new Set(['。', '！', '？', '!', '?', '…', '：', ':', '）', ')', '】', '》']);
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
  // Circled numbers and other compatibility characters need full NFKC; plain text takes one pass.
  if (/[\u2460-\u24FF\u3200-\u33FF\uFE30-\uFE4F]/.test(text)) text = text.normalize('NFKC');
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let r = -1; // replacement: -2 drop, else a code
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0) r = -2;
    else if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0 >= 65 && c - 0xfee0 <= 90 ? c - 0xfee0 + 32 : c - 0xfee0;
    else if (c >= 65 && c <= 90) r = c + 32;
    if (r === -1) continue;
    out += text.slice(start, i);
    if (r >= 0) out += String.fromCharCode(r);
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

export function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

/** Character-bigram set (as numbers: two UTF-16 units), for topical similarity between texts. */
export function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
    if (c >= 65 && c <= 90) c += 32;
    const word = (c >= 0x4e00 && c <= 0x9fff) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
    if (!word) {
      if (c !== 32) prev = -1;
      continue;
    }
    if (prev >= 0) out.add(prev * 65536 + c);
    prev = c;
  }
  return out;
}

let words: Set<string> | null = null;

/** The last character of `a` and the first of `b` make a common word (技术培|训, 城市管|理办). */
export function spansWord(a: string, b: string): boolean {
  const x = a.at(-1);
  const y = b[0];
  if (!x || !y || !isHan(x) || !isHan(y)) return false;
  if (!words) {
    words = new Set();
    for (let i = 0; i + 1 < COMMON_WORDS.length; i += 2) words.add(COMMON_WORDS.slice(i, i + 2));
  }
  // 一项一|项见成效 is a word cut in two; 一项一|小区 is not: 小区 is the word that starts there.
  return words.has(x + y) && !words.has(b.slice(0, 2));
}

const isHan = (c: string) => c >= '\u4e00' && c <= '\u9fff';

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
  const t = text.trimStart();
  return (
    /^(近年来|近年|今年以来|今年|目前|此外|同时|与此同时|另外|据悉|据了解|据介绍|记者了解到|记者获悉|会上|会议|下一步|近日|日前|昨天|昨日|今天|当天|\d{1,2}月\d{1,2}日)/.test(t) ||
    // 在白沙乡油菜种植基地, … : a place or occasion, then a comma.
    /^(在|随着|围绕|针对|为了|截至)[^，,。；]{2,24}[，,]/.test(t) ||
    // 入夏以来, 开春以来, 上半年以来 …
    /^[^，,。；]{1,5}以来[，,]/.test(t) ||
    // 张立舟要求, … : a speaker and a verb of saying open a paragraph of a speech report.
    /^\p{Script=Han}{2,4}(指出|强调|要求|表示|认为|提出|介绍|说)[，,：:]/u.test(t)
  );
}

/** Sentence-initial words that need a subject before them: a tail after a comma (…背后,是…). */
export function weakInitial(text: string): boolean {
  const t = text.trimStart();
  // 与种粮大户算起了账: a preposition phrase with no subject (与此同时, 与去年相比 open sentences).
  if (/^(与|跟|同)(?!此同时|会|往年|去年|上年|上月|同期|全国|全省|全市)[^，,。]{1,12}(一起|一道|一同)?[^，,。]*[了着过]/.test(t)) return true;
  return /^(是|也|则|才|便|却)(?![的了否])/.test(t);
}
