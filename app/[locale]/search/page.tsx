/** /<locale>/search?q=&from=&to=&p=: results rendered by the server, so it works without JavaScript and URLs can be shared. */
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import { SearchResults } from '@/components/search/search-results';
import { StaticSearch } from '@/components/search/static-search';
import { serverSearch } from '@/lib/search/server';
import { queryForIndex, traditionalResult } from '@/lib/i18n/search';
import { isTraditional } from '@/lib/i18n/locales';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const PER_PAGE = 20;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

// A static host has no query string at build time: the static export's page searches in the browser.
const NO_QUERY: Props['searchParams'] = Promise.resolve({});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ locale }, sp] = await Promise.all([params, process.env.DUBAO_STATIC ? NO_QUERY : searchParams]);
  const t = await getTranslations({ locale: locale as AppLocale, namespace: 'Search' });
  const q = one(sp.q);
  return { title: q ? t('titleFor', { q }) : t('title'), robots: { index: false } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  if (process.env.DUBAO_STATIC) {
    const { locale } = await params;
    setRequestLocale(locale as AppLocale);
    return <StaticSearch locale={locale} perPage={PER_PAGE} />;
  }
  const [{ locale }, sp] = await Promise.all([params, searchParams]);
  setRequestLocale(locale as AppLocale);
  const q = one(sp.q).slice(0, 200);
  const from = ISO.test(one(sp.from)) ? one(sp.from) : '';
  const to = ISO.test(one(sp.to)) ? one(sp.to) : '';
  const page = Math.max(1, Math.min(1000, Number.parseInt(one(sp.p), 10) || 1));
  const result = q
    ? await serverSearch(queryForIndex(q), {
        from: from || undefined,
        to: to || undefined,
        offset: (page - 1) * PER_PAGE,
        limit: PER_PAGE,
      })
    : undefined;
  // A Traditional reader sees the (Simplified) index's results converted.
  return (
    <SearchResults
      locale={locale}
      q={q}
      from={from}
      to={to}
      page={page}
      perPage={PER_PAGE}
      result={result && isTraditional(locale) ? traditionalResult(result) : result}
    />
  );
}
