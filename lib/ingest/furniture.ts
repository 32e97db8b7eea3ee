/** Page furniture: masthead, edition name, page labels, app promotions, editor credits. */
import type { PageMeta } from './types';
import { hasSentencePunctuation, normalizeForCompare } from './text';

const PROMO = /(客户端|APP|App|app|扫码|扫一扫|二维码|公众号|微信号|微博|抖音|视频号|下载|关注我们|融媒|欢迎来稿|投稿邮箱|来稿|新闻热线|报料)/;
// 第01版 / A2 / 08版, alone or followed by the page's name (第06版 经济, A2 要闻·综合).
const PAGE_LABEL = /^(第\s*[0-9０-９一二三四五六七八九十]+\s*版|[A-Z]\d{1,2}|\d{1,2}\s*版?|版次|本版.{0,6})(\s+[^\s，,。]{1,10})?$/;
const CREDIT = /^[^，,。]{2,16}\s+(出品|制作|主办|协办|承办|联合出品)$/;
const EDITOR = /^(责任编辑|责编|本版编辑|美术编辑|美编|校对|版式|排版|值班总编|编辑|组版)\s*[：:\s]/;
// 2025年7月31日 星期四, with the lunar date or the page label and name after it.
const DATE_LINE =
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(\s*(星期|周)[一二三四五六日天])?(\s*农历\S*)?(\s+(第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版|[A-Z]\d{1,2}))?(\s+[^\s，,。]{1,8})?$/;
const SERIAL = /(国内统一连续出版物号|CN\s*\d{2}\s*[-－]\s*\d{4}|邮发代号|总第\s*\d+\s*期)/;

/** Latin-only lines (JIAXING DAILY) are the masthead's English name. */
function latinOnly(text: string): boolean {
  return /^[A-Za-z][A-Za-z .,&'-]*$/.test(text.trim());
}

const metaNames = new WeakMap<object, { page: string; paper: string }>();

const HEAD_TOKEN =
  /^(第\s*[0-9０-９一二三四五六七八九十]+\s*版|[0-9]{1,2}版|[A-Z]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|(星期|周)[一二三四五六日天]|农历\S+)$/;

/**
 * A running head in any order: every token (between spaces, colons, dots) a page label, a date, a
 * weekday, the page's name or the paper's (第20版 文化 2020年2月10日, 人民日报 2020年2月10日 第6版).
 */
function runningHead(t: string, names: { page: string; paper: string }): boolean {
  const tokens = t.split(/[\s:：·|｜]+/).filter(Boolean);
  if (tokens.length < 2) return false;
  let label = false;
  for (const tok of tokens) {
    const n = normalizeForCompare(tok);
    if (HEAD_TOKEN.test(tok)) label = true;
    else if (n !== names.page && n !== names.paper) return false;
  }
  return label;
}

/** `level`: the heading level (# count), 0 for a plain block. */
export function isFurnitureText(text: string, meta: Partial<PageMeta>, level: number): boolean {
  const heading = level > 0;
  const t = text.trim();
  if (!t) return true;
  // Furniture is short; a paragraph of news is not worth the checks below.
  if (t.length > 60) return false;
  const n = normalizeForCompare(t);
  let names = metaNames.get(meta);
  if (!names) {
    names = { page: normalizeForCompare(meta.pageName ?? ''), paper: normalizeForCompare(meta.paper ?? '') };
    metaNames.set(meta, names);
  }
  if (names.page && n === names.page) return true;
  if (names.paper && (n === names.paper || n.startsWith(names.paper + '·'))) return true;
  // The edition line (# 县域·乡镇 for the page 县域) and a running head (溱阳日报 2025年8月21日 星期四).
  if (level === 1 && names.page && t.length <= 12 && n.includes(names.page)) return true;
  if (names.paper && n.startsWith(names.paper) && n.length > names.paper.length) {
    const rest = t.slice(t.indexOf(meta.paper!.trim().slice(-1)) + 1).trim();
    if (DATE_LINE.test(rest) || PAGE_LABEL.test(rest)) return true;
  }
  if (latinOnly(t) && (heading || t === t.toUpperCase())) return true;
  if (runningHead(t, names)) return true;
  if (PAGE_LABEL.test(t) || DATE_LINE.test(t) || EDITOR.test(t) || SERIAL.test(t) || CREDIT.test(t)) return true;
  // A short line without sentence punctuation that advertises an app or account.
  if (t.length <= 40 && !/[。！？]/.test(t) && PROMO.test(t) && !hasSentencePunctuation(t.replace(/[:：]/g, ''))) return true;
  return false;
}

/** Section labels above a group of items (## 简讯): furniture, and the kind of what follows. */
const SECTION = /^(简讯|快讯|短讯|新闻速递|速递|要闻简报|资讯|动态|速览|一周要闻|新闻简报|.{1,4}简讯|图片新闻|图说.{0,4}|新闻图片)$/;

export function sectionKind(text: string): 'brief' | 'photo' | null {
  const t = text.replace(/\s+/g, '');
  if (!SECTION.test(t)) return null;
  return /图/.test(t) ? 'photo' : 'brief';
}
