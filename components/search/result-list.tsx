/**
 * The hits and the pager of a results page, shared by the server-rendered page and the static
 * export's browser-side page; both pass the same translated templates (result-list-labels.ts).
 */
import type { SearchResult } from '@/lib/search/types';
import { Marked } from './marked';
import { resultHref } from './result-href';

type Props = {
  locale: string;
  q: string;
  from: string;
  to: string;
  page: number;
  perPage: number;
  result: SearchResult;
  labels: ResultListLabels;
};

/**
 * Translated templates (result-list-labels.ts); the list fills in {date}, {page} and {pages}.
 * `page` is for a count that is only a lower bound (the static export's browser search): "page N".
 */
export type ResultListLabels = Record<'where' | 'pages' | 'prev' | 'next' | 'pageOf' | 'page', string>;

/** A template with its {name}s filled in; a name without a value is left as it is. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));

/** The results page's own URL for page `p` of the same query and date range. */
export function searchPageHref(locale: string, q: string, from: string, to: string, p: number): string {
  const sp = new URLSearchParams({ q });
  if (from) sp.set('from', from);
  if (to) sp.set('to', to);
  if (p > 1) sp.set('p', String(p));
  return `/${locale}/search?${sp.toString()}`;
}

export function ResultList({ locale, q, from, to, page, perPage, result, labels }: Props) {
  const pages = Math.ceil(result.total / perPage);
  const href = (p: number) => searchPageHref(locale, q, from, to, p);
  // A lower-bound total (candidates left unchecked) cannot say how many pages there are, only
  // that there may be another.
  const more = result.exact ? page < pages : result.hits.length > 0;
  return (
    <>
      {result.hits.length > 0 && (
        <ol className="search-results space-y-4">
          {result.hits.map((hit) => (
            <li key={`${hit.date}-${hit.id}`} className="border-b border-rule pb-3">
              <a href={resultHref(locale, hit, result.terms)} className="text-lg font-bold">
                <Marked segments={hit.headline} />
              </a>
              <p className="font-sans text-sm">{fill(labels.where, { date: hit.date, page: hit.page })}</p>
              <p>
                <Marked segments={hit.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {(page > 1 || more) && (
        <nav aria-label={labels.pages} className="mt-4 flex justify-between font-sans">
          {page > 1 ? <a href={href(page - 1)}>‹ {labels.prev}</a> : <span />}
          <span>{result.exact ? fill(labels.pageOf, { page, pages }) : fill(labels.page, { page })}</span>
          {more ? <a href={href(page + 1)}>{labels.next} ›</a> : <span />}
        </nav>
      )}
    </>
  );
}
