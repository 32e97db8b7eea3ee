/** What a raw page's file name and top lines say about it: the page number and the page name. */
import { pageNumberLabel } from '@/lib/content/urls';

/** A page number in a file name: 01.txt, page-3.md, A2.txt, 第03版.txt, 000_3ca735ac.txt. */
export function numberFromFileName(name: string): number | undefined {
  const stem = name
    .replace(/\.[^.]*$/, '')
    // An issue date in the name is not the page: 2025-07-31_02.txt.
    .replace(/(?:19|20)\d{2}[-_.]?\d{2}[-_.]?\d{2}/g, ' ');
  for (const token of stem.split(/[\s_.\-—]+/)) {
    const m = /^(?:page|pg|p|第|[A-Za-z])?(\d{1,3})版?$/i.exec(token);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Page numbers for a batch of files. A converter that counts from 000 numbers pages from 0, so when
 * any name in the batch carries 0 every number is shifted by one (000_… is page 1).
 */
export function pageNumbers(names: string[]): { pages: (number | undefined)[]; zeroBased: boolean } {
  const nums = names.map(numberFromFileName);
  const zeroBased = nums.some((n) => n === 0);
  return { pages: nums.map((n) => (n === undefined ? undefined : zeroBased ? n + 1 : n)), zeroBased };
}

const NAME = /^[\p{Script=Han}·・]{2,10}$/u;

/**
 * The page name printed at the top of the page: a heading such as `# 平湖版`, a known page name
 * from the configuration, or an edition line `第03版 综合新闻` / `A2 要闻·综合` for this page.
 */
export function pageNameFromText(text: string, page: number, known: string[] = []): string | undefined {
  const top = text
    .split('\n')
    .map((l) => l.replace(/^#{1,6}\s+/, '').replace(/\*\*/g, '').trim())
    .filter(Boolean)
    .slice(0, 12);
  for (const line of top) {
    if (known.includes(line)) return line;
    if (/^[\p{Script=Han}]{1,8}版$/u.test(line) && !/^第/.test(line)) return line;
    const edition = new RegExp(`(?:第\\s*0*${page}\\s*版|^[A-Z]0*${page})\\s*[：:]?\\s+(\\S+)`).exec(line);
    if (edition && NAME.test(edition[1]!)) return edition[1];
  }
  return undefined;
}

/** The page name for a page whose text names no edition: the page label as papers print it, 第03版. */
export function defaultPageName(page: number): string {
  return `第${pageNumberLabel(page)}版`;
}
