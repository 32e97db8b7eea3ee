/** The results page of the static export: the same form, the results filled in by the browser (StaticResults). */
import { getTranslations } from 'next-intl/server';
import { resultListLabels } from './result-list-labels';
import { SearchResults } from './search-results';
import { StaticResults } from './static-results';

type Props = { locale: string; perPage: number };

export async function StaticSearch({ locale, perPage }: Props) {
  const [t, tBox, list] = await Promise.all([
    getTranslations('Search'),
    getTranslations('SearchBox'),
    resultListLabels(),
  ]);
  // Placeholders the client fills in; a count's digit becomes {n}.
  const count = (n: number) => t('count', { count: n }).replace(String(n), '{n}');
  return (
    <>
      <SearchResults locale={locale} q="" from="" to="" page={1} perPage={perPage} />
      <div className="mx-auto max-w-[48rem] px-3">
        <StaticResults
          locale={locale}
          perPage={perPage}
          labels={{
            countOne: count(1),
            countOther: count(2),
            countAtLeastOne: t('countAtLeast', { count: 1 }).replace('1', '{n}'),
            countAtLeastOther: t('countAtLeast', { count: 2 }).replace('2', '{n}'),
            none: t('none', { q: '{q}' }),
            failed: tBox('failed'),
            ...list,
          }}
        />
      </div>
    </>
  );
}
