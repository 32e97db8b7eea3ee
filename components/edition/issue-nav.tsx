/** Previous/next issue and 往年今日 (the same day in other years), beside the page. */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import type { IssueSummary } from '@/lib/content';
import { formatDateShort } from '@/lib/date';
import { archivePath, issuePath } from '@/lib/content/urls';

type Props = {
  locale: string;
  date: string;
  prev?: IssueSummary;
  next?: IssueSummary;
  otherYears: readonly IssueSummary[];
};

export async function IssueNav({ locale, date, prev, next, otherYears }: Props) {
  const t = await getTranslations('Archive');
  const [year, month] = date.split('-').map(Number) as [number, number];
  return (
    <div className="issue-nav mt-4 space-y-3 font-sans text-sm leading-relaxed">
      <nav aria-label={t('allIssues')} className="grid grid-cols-2 gap-2 border-y border-rule py-2">
        {prev ? (
          <Link href={issuePath(locale, prev.date)} rel="prev">
            <small className="block text-muted">‹ {t('prevIssue')}</small>
            {formatDateShort(prev.date, locale)}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={issuePath(locale, next.date)} rel="next" className="text-right">
            <small className="block text-muted">{t('nextIssue')} ›</small>
            {formatDateShort(next.date, locale)}
          </Link>
        ) : (
          <span />
        )}
        <Link href={archivePath(locale, year, month)} className="col-span-2 text-center">
          {t('title')}
        </Link>
      </nav>
      {otherYears.length > 0 ? (
        <section aria-labelledby="other-years-title">
          <h2 id="other-years-title" className="font-black text-red">
            {t('otherYears')}
          </h2>
          <ul>
            {otherYears.map((i) => (
              <li key={i.date}>
                <Link href={issuePath(locale, i.date)}>{formatDateShort(i.date, locale)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
