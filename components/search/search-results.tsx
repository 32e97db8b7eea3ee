/** The results page body: the query and date filters as a GET form, the hits, paging. */
import { getTranslations } from 'next-intl/server';
import type { SearchResult } from '@/lib/search/types';
import { ResultList } from './result-list';
import { resultListLabels } from './result-list-labels';

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
  const [t, labels] = await Promise.all([getTranslations('Search'), resultListLabels()]);
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
      {result && (
        <ResultList
          locale={locale}
          q={q}
          from={from}
          to={to}
          page={page}
          perPage={perPage}
          result={result}
          labels={labels}
        />
      )}
    </div>
  );
}
