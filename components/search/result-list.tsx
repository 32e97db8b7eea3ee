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
      {pages > 1 && (
        <nav aria-label={labels.pages} className="mt-4 flex justify-between font-sans">
          {page > 1 ? <a href={href(page - 1)}>‹ {labels.prev}</a> : <span />}
          <span>{labels.pageOf(page, pages)}</span>
          {page < pages ? <a href={href(page + 1)}>{labels.next} ›</a> : <span />}
        </nav>
      )}
    </>
  );
}
