/**
 * The converter's damage at the level of text: where a column may cut a paragraph, how a block is
 * hard-wrapped, and the printed furniture, jump lines and bylines (templates of our own, filled from the
 * page's metadata; no text of any real page).
 */
import type { Byline } from '@/lib/ingest/types';
import { chance, int, pick, type Rng } from '../rng';

/** A per-page rate: `base` × damage, varied from page to page (0.3–1.7 ×), at most 1. */
export const pageRate = (rng: Rng, base: number, damage: number): number =>
  Math.min(1, Math.max(0, base * damage * (0.3 + 1.4 * rng())));

const SPACE = /\s/;
const ALNUM = /[A-Za-z0-9]/;
/** Typesetting never starts a line with closing punctuation, nor ends one with an opening mark. */
const CLOSING = /[，。、；：？！）》」』”’〉】〕%,.;:?!)\]]/;
const OPENING = /[（《「『“‘〈【〔(\[]/;
/** A line ending in one of these makes splitBlocks read a wrapped block as one paragraph per line. */
const SENTENCE_END = /[。！？!?”」]/;

/**
 * Can a printed block (a column, a line) end before `text[i]` and the next start there? Anywhere a
 * printed line can break: not before closing punctuation nor after an opening mark. The reader trims
 * lines and reads a line that opens with # or > as markdown, so no whitespace on either side, no #/>/*
 * after, and never inside a surrogate pair.
 */
export function canCut(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text[i - 1]!;
  const b = text[i]!;
  if (SPACE.test(a) || SPACE.test(b) || b === '#' || b === '>' || b === '*') return false;
  if (CLOSING.test(b) || OPENING.test(a)) return false;
  const code = text.charCodeAt(i);
  return !(code >= 0xdc00 && code <= 0xdfff);
}

/** Can a block's text wrap to a new line (inside one block) before `text[i]`, and read back unchanged? */
export function canWrap(text: string, i: number): boolean {
  if (!canCut(text, i)) return false;
  // The reader puts a space between two Latin/digit lines; and lines ending sentences read as paragraphs.
  if (ALNUM.test(text[i - 1]!) && ALNUM.test(text[i]!)) return false;
  return !SENTENCE_END.test(text[i - 1]!);
}

/** A column cut anywhere in the text (after a comma, inside a quote, between digits), `min` chars from the ends. */
export function cutPoint(rng: Rng, text: string, min = 2): number | undefined {
  if (text.length < 2 * min) return undefined;
  for (let tries = 0; tries < 16; tries++) {
    const i = int(rng, min, text.length - min);
    if (canCut(text, i)) return i;
  }
  return undefined;
}

/** Hard-wrapped lines of about `width` characters, as a converter prints a column's lines. */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let pos = 0;
  while (text.length - pos > width + 3) {
    let at = -1;
    for (let d = 0; d <= 8 && at < 0; d++) {
      for (const c of [pos + width + d, pos + width - d]) {
        if (c > pos + 2 && c < text.length - 1 && canWrap(text, c)) {
          at = c;
          break;
        }
      }
    }
    if (at < 0) break;
    lines.push(text.slice(pos, at));
    pos = at;
  }
  lines.push(text.slice(pos));
  return lines;
}

/** A body subhead a converter may print as a heading: short, no sentence punctuation, not a credit or note. */
export function subheadLike(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= 20 &&
    !/[。！？!?；;…]/.test(text) &&
    !/[#*>]/.test(text) &&
    !/^[（(【\[—■□●]/.test(text) &&
    !/摄$/.test(text) &&
    !/^(本报|新华社|记者|通讯员)/.test(text)
  );
}

// --- furniture --------------------------------------------------------------------------------

const WEEK = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 24 → 二十四. */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)]! + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}

const PAGE_NAMES = ['综合', '评论', '理论', '经济', '社会', '国际', '文化', '体育', '副刊', '视点', '生态', '科技', '教育', '健康', '民生', '政治', '法治', '地方', '读者来信', '专版'];
const ENGLISH = ["PEOPLE'S DAILY", 'RENMIN RIBAO'];
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'];
const GIVEN = [...'明华伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英晨宇欣悦然博文斌浩宁凯琳璐颖鹏飞雪梅岚峰哲越'];

export function pageNameFor(rng: Rng, page: number): string {
  return page === 1 || (page <= 4 && chance(rng, 0.8)) ? '要闻' : pick(rng, PAGE_NAMES);
}

export const englishName = (rng: Rng): string => pick(rng, ENGLISH);

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The date line, in forms the paper prints on its pages or its website's page index: 2020年2月10日 星期一,
 * 人民日报 2020年2月10日 第6版, 第06版：民生, 2020年02月10日 第06版 …
 */
export function dateLine(rng: Rng, date: string, page: number, pageName: string, paper = '人民日报'): string {
  const d = new Date(`${date}T00:00:00Z`);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  const day = `${y}年${m}月${dd}日`;
  const week = WEEK[d.getUTCDay()]!;
  return pick(rng, [
    `${day} ${week}`,
    `${day}　${week}`,
    `${day} ${week} 第${pad(page)}版`,
    `${day} ${week} 第${pad(page)}版 ${pageName}`,
    `${paper} ${day} 第${page}版`,
    `${paper} ${day} ${week}`,
    `第${pad(page)}版：${pageName}`,
    `${y}年${pad(m)}月${pad(dd)}日 第${pad(page)}版`,
    `第${pad(page)}版 ${pageName} ${day}`,
  ]);
}

/** The page title: the paper's name, or the page's number and name. */
export function pageTitle(rng: Rng, paper: string, page: number, pageName: string): string {
  return pick(rng, [paper, paper, `第${pad(page)}版 ${pageName}`, `第${pad(page)}版：${pageName}`, pageName]);
}

const editorName = (rng: Rng): string => pick(rng, SURNAMES) + pick(rng, GIVEN) + (chance(rng, 0.6) ? pick(rng, GIVEN) : '');

export function editorLine(rng: Rng): string {
  return pick(rng, [
    `责任编辑：${editorName(rng)}`,
    `本版责编：${editorName(rng)} ${editorName(rng)}`,
    `责任编辑：${editorName(rng)} 美术编辑：${editorName(rng)}`,
    `本版责编：${editorName(rng)}　版式设计：${editorName(rng)}`,
  ]);
}

// --- jump lines and bylines -------------------------------------------------------------------

export function jumpLine(rng: Rng, toPage: number): string {
  return pick(rng, [`（下转第${toPage}版）`, `（下转第${cnNumber(toPage)}版）`, `(下转${toPage}版)`, `（下转${pad(toPage)}版）`]);
}

export function fromLine(rng: Rng, fromPage: number): string {
  return pick(rng, [`（上接第${fromPage}版）`, `（上接第${cnNumber(fromPage)}版）`, `(上接${fromPage}版)`, `（上接${pad(fromPage)}版）`]);
}

export type BylineStyle = 'seed' | 'oneLine' | 'box' | 'lines';
export const BYLINE_STYLES: readonly BylineStyle[] = ['seed', 'oneLine', 'box', 'lines'];

/**
 * The byline block under the headings, in one of the seed's styles (names separated by spaces):
 * seed ■记者 张三 李四 (a second role on its own line: ■记者 张三␣␣\n通讯员 李四), oneLine 本报记者 张三 李四
 * 本报通讯员 王五 (新华社记者 … for an agency story), box □记者 张三, lines 本报记者 张三␣␣\n本报通讯员 王五.
 */
export function bylineText(style: BylineStyle, bylines: Byline[], agency = '本报'): string {
  const long = (role: string): string => (role === '记者' ? `${agency}记者` : role === '通讯员' && agency === '本报' ? '本报通讯员' : role);
  const part = (b: Byline, role = b.role): string => (role ? `${role} ${b.names.join(' ')}` : b.names.join(' '));
  switch (style) {
    case 'seed':
      return bylines.map((b, i) => (i === 0 ? '■' : '') + part(b)).join('  \n');
    case 'oneLine':
      return bylines.map((b) => part(b, long(b.role))).join(' ');
    case 'box':
      return '□' + bylines.map((b) => part(b)).join(' ');
    case 'lines':
      return bylines.map((b) => part(b, long(b.role))).join('  \n');
  }
}
