/** The results page body: the query and date filters as a GET form, the hits, paging. */
import { getTranslations } from 'next-intl/server';
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
  result?: SearchResult;
};

export async function SearchResults({ locale, q, from, to, page, perPage, result }: Props) {
  const t = await getTranslations('Search');
  const pageHref = (p: number) => {
    const sp = new URLSearchParams({ q });
    if (from) sp.set('from', from);
    if (to) sp.set('to', to);
    if (p > 1) sp.set('p', String(p));
    return `/${locale}/search?${sp.toString()}`;
  };
  const pages = result ? Math.ceil(result.total / perPage) : 0;
  return (
    <div className="mx-auto max-w-[48rem] px-3 py-4">
      <h1 className="mb-3 text-2xl font-bold">{q ? t('titleFor', { q }) : t('title')}</h1>
      <form
        method="get"
        action={`/${locale}/search`}
        className="search-filters mb-4 flex flex-wrap items-end gap-3 font-sans text-sm"
      >
        <label className="flex flex-col">
          {t('query')}
          <input name="q" type="search" defaultValue={q} required />
        </label>
        <label className="flex flex-col">
          {t('from')}
          <input name="from" type="date" defaultValue={from} />
        </label>
        <label className="flex flex-col">
          {t('to')}
          <input name="to" type="date" defaultValue={to} />
        </label>
        <button type="submit">{t('submit')}</button>
      </form>
      {!q && <p>{t('prompt')}</p>}
      {result && (
        <p className="mb-3 font-sans text-sm" role="status">
          {result.total ? t('count', { count: result.total }) : t('none', { q })}
        </p>
      )}
      {result && result.hits.length > 0 && (
        <ol className="search-results space-y-4">
          {result.hits.map((hit) => (
            <li key={`${hit.date}-${hit.id}`} className="border-b border-rule pb-3">
              <a href={resultHref(locale, hit, result.terms)} className="text-lg font-bold">
                <Marked segments={hit.headline} />
              </a>
              <p className="font-sans text-sm">{t('where', { date: hit.date, page: hit.page })}</p>
              <p>
                <Marked segments={hit.snippet} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={t('pages')} className="mt-4 flex justify-between font-sans">
          {page > 1 ? <a href={pageHref(page - 1)}>‹ {t('prev')}</a> : <span />}
          <span>{t('pageOf', { page, pages })}</span>
          {page < pages ? <a href={pageHref(page + 1)}>{t('next')} ›</a> : <span />}
        </nav>
      )}
    </div>
  );
}
