/**
 * The citation line offered under an article. Chinese locales follow GB/T 7714-2015 for a newspaper
 * article read online (作者. 题名[N/OL]. 报纸名, 出版日期(版次). URL.); English reads like MLA.
 */
import type { Byline } from '@/lib/ingest/types';
import { formatDateShort } from '@/lib/date';

export interface CitationInput {
  locale: string;
  paper: string;
  /** ISO date of the issue. */
  date: string;
  page: number;
  headline: string;
  url: string;
  authors: readonly string[];
}

// Photographers, illustrators and editors are credited, not cited as authors.
const NOT_AUTHORS = new Set(['摄影', '攝影', '制图', '製圖', '图', '圖', '编辑', '編輯']);

export function citationAuthors(bylines: readonly Byline[]): string[] {
  const names = bylines.filter((b) => !NOT_AUTHORS.has(b.role)).flatMap((b) => b.names);
  return [...new Set(names)];
}

export function citation({ locale, paper, date, page, headline, url, authors }: CitationInput): string {
  if (locale === 'en') {
    const who = authors.length ? `${authors.join(', ')}. ` : '';
    return `${who}“${headline}.” ${paper}, ${formatDateShort(date, 'en')}, p. ${page}. ${url}`;
  }
  const who = authors.length ? `${authors.join(', ')}. ` : '';
  return `${who}${headline}[N/OL]. ${paper}, ${date}(${page}). ${url}.`;
}
