/**
 * The hits and the pager of a results page, shared by the server-rendered page and the static
 * export's browser-side page; each passes its own translated labels.
 */
import type { SearchHit, SearchResult } from '@/lib/search/types';
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
  labels: {
    where: (hit: SearchHit) => string;
    pages: string;
    prev: string;
    next: string;
    pageOf: (page: number, pages: number) => string;
    /** For a count that is only a lower bound (the static export's browser search): "page N". */
    page: (page: number) => string;
  };
};

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
              <p className="font-sans text-sm">{labels.where(hit)}</p>
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
          <span>{result.exact ? labels.pageOf(page, pages) : labels.page(page)}</span>
          {more ? <a href={href(page + 1)}>{labels.next} ›</a> : <span />}
        </nav>
      )}
    </>
  );
}
