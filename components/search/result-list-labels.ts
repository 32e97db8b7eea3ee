/** The result list's templates in the request's locale: for the server's results page and the static export's. */
import { getTranslations } from 'next-intl/server';
import type { ResultListLabels } from './result-list';

export async function resultListLabels(): Promise<ResultListLabels> {
  const t = await getTranslations('Search');
  return {
    where: t('where', { date: '{date}', page: '{page}' }),
    pages: t('pages'),
    prev: t('prev'),
    next: t('next'),
    pageOf: t('pageOf', { page: '{page}', pages: '{pages}' }),
    page: t('page', { page: '{page}' }),
  };
}
