/** 版面导航: the pages by number and name, the current one marked, previous/next at hand. */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import { pageNumberLabel, pagePath } from '@/lib/content/urls';

type Props = {
  locale: string;
  date: string;
  pages: { page: number; pageName: string }[];
  current: number;
};

export async function PageNav({ locale, date, pages, current }: Props) {
  const t = await getTranslations('Edition');
  const i = pages.findIndex((p) => p.page === current);
  const prev = pages[i - 1];
  const next = pages[i + 1];
  return (
    <nav aria-label={t('pageNav')} className="page-nav flex flex-wrap items-center gap-x-1 gap-y-1 py-1.5">
      <span className="mr-1 font-bold">{t('pageNav')}</span>
      <ol className="flex flex-wrap gap-1">
        {pages.map((p) => (
          <li key={p.page}>
            <Link
              href={pagePath(locale, date, p.page)}
              aria-current={p.page === current ? 'page' : undefined}
              className="inline-block px-1.5 no-underline"
            >
              <span className="num">{pageNumberLabel(p.page)}</span> {p.pageName}
            </Link>
          </li>
        ))}
      </ol>
      <span className="ml-auto flex gap-3">
        {prev ? (
          <Link href={pagePath(locale, date, prev.page)} rel="prev">
            ‹ {t('prevPage')}
          </Link>
        ) : (
          <span className="text-muted">‹ {t('prevPage')}</span>
        )}
        {next ? (
          <Link href={pagePath(locale, date, next.page)} rel="next">
            {t('nextPage')} ›
          </Link>
        ) : (
          <span className="text-muted">{t('nextPage')} ›</span>
        )}
      </span>
    </nav>
  );
}
