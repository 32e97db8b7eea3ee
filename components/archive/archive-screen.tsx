/** The archive: a month's calendar, that month's issues, every month with issues, 往年今日. */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import type { IssueSummary } from '@/lib/content';
import { formatMonth } from '@/lib/date';
import { archivePath } from '@/lib/content/urls';
import { IssueList } from './issue-list';
import { MonthCalendar } from './month-calendar';

type Props = {
  locale: string;
  year: number;
  month: number;
  issues: readonly IssueSummary[];
  latest?: IssueSummary;
  otherYears: readonly IssueSummary[];
  /**
   * A month's page of the static export: `issues` are that month's alone, and the page says nothing
   * of the rest of the archive (the count, every month, 往年今日: the archive index has them), so a
   * new issue rewrites its own month's page and not every month's (scripts/build-static.ts).
   */
  monthOnly?: boolean;
};

export async function ArchiveScreen({ locale, year, month, issues, latest, otherYears, monthOnly }: Props) {
  const t = await getTranslations('Archive');
  const prefix = `${year}-${String(month).padStart(2, '0')}`;
  const inMonth = issues.filter((i) => i.date.startsWith(prefix));
  const months = new Map<string, number>();
  for (const i of issues) months.set(i.date.slice(0, 7), (months.get(i.date.slice(0, 7)) ?? 0) + 1);
  const paper = latest?.paper ?? '';
  return (
    <div className="mx-auto max-w-[64rem] px-3 pt-4">
      <header className="masthead mb-4">
        <h1 className="masthead-name">{t('title')}</h1>
        <p className="masthead-line">
          {t('description', { paper })}
          {monthOnly ? null : <> {t('issueCount', { count: issues.length })}</>}
        </p>
      </header>
      <div className="grid gap-8 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="calendar-title">
          <MonthCalendar
            locale={locale}
            year={year}
            month={month}
            issueDates={new Set(issues.map((i) => i.date))}
            current={latest?.date}
          />
          {inMonth.length > 0 ? (
            <div className="mt-4">
              <IssueList locale={locale} issues={[...inMonth].reverse()} />
            </div>
          ) : null}
        </section>
        <div className="space-y-6">
          {otherYears.length > 0 ? (
            <section aria-labelledby="other-years" className="guide-box">
              <h2 id="other-years">{t('otherYears')}</h2>
              <IssueList locale={locale} issues={otherYears} />
            </section>
          ) : null}
          <section aria-labelledby="all-months">
            <h2 id="all-months" className="mb-2 border-b border-ink font-sans font-black">
              {monthOnly ? <Link href={archivePath(locale)}>{t('allIssues')}</Link> : t('allIssues')}
            </h2>
            {monthOnly ? null : (
              <ul className="grid grid-cols-2 gap-x-4 font-sans text-sm">
                {[...months.entries()].reverse().map(([ym, count]) => {
                  const [y, m] = ym.split('-').map(Number) as [number, number];
                  return (
                    <li key={ym} className="flex justify-between border-b border-dotted border-rule py-1">
                      <Link
                        href={archivePath(locale, y, m)}
                        aria-current={ym === prefix ? 'page' : undefined}
                        className="aria-[current=page]:font-bold"
                      >
                        {formatMonth(y, m, locale)}
                      </Link>
                      <span className="text-muted">{t('issueCount', { count })}</span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
