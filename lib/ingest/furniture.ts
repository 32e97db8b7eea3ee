/** Page furniture: masthead, edition name, page labels, app promotions, editor credits. */
import type { PageMeta } from './types';
import { hasSentencePunctuation, normalizeForCompare } from './text';

const PROMO = /(客户端|APP|App|app|扫码|扫一扫|二维码|公众号|微信号|微博|抖音|视频号|下载|关注我们|融媒)/;
const PAGE_LABEL = /^(第\s*[0-9０-９一二三四五六七八九十]+\s*版|[A-Z]?\d{1,2}\s*版?|版次|本版.{0,6})$/;
const EDITOR = /^(责任编辑|责编|本版编辑|美术编辑|美编|校对|版式|排版|值班总编|编辑|组版)\s*[：:\s]/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(\s*(星期|周)[一二三四五六日天])?(\s*农历.*)?$/;
const SERIAL = /(国内统一连续出版物号|CN\s*\d{2}\s*[-－]\s*\d{4}|邮发代号|总第\s*\d+\s*期)/;

/** Latin-only lines (JIAXING DAILY) are the masthead's English name. */
function latinOnly(text: string): boolean {
  return /^[A-Za-z][A-Za-z .,&'-]*$/.test(text.trim());
}

export function isFurnitureText(text: string, meta: Partial<PageMeta>, heading: boolean): boolean {
  const t = text.trim();
  const n = normalizeForCompare(t);
  if (!n) return true;
  if (meta.pageName && n === normalizeForCompare(meta.pageName)) return true;
  if (meta.paper && (n === normalizeForCompare(meta.paper) || n.startsWith(normalizeForCompare(meta.paper) + '·'))) return true;
  if (latinOnly(t) && (heading || t === t.toUpperCase())) return true;
  if (PAGE_LABEL.test(t) || DATE_LINE.test(t) || EDITOR.test(t) || SERIAL.test(t)) return true;
  // A short line without sentence punctuation that advertises an app or account.
  if (t.length <= 40 && !/[。！？]/.test(t) && PROMO.test(t) && !hasSentencePunctuation(t.replace(/[:：]/g, ''))) return true;
  return false;
}
