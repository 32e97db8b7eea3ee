/** The archive at one month: /zh/archive/2025-07. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArchiveScreen } from '@/components/archive/archive-screen';
import { listIssues, sameDayOtherYears } from '@/lib/content';
import { parseMonth } from '@/lib/content/params';
import { formatMonth } from '@/lib/date';
import { archivePath } from '@/lib/content/urls';
import { requireLocale } from '@/i18n/locale';
import { monthParams, onDemand } from '@/lib/content/static-params';

type Props = { params: Promise<{ locale: string; month: string }> };

// The static export writes every one out; the server build renders them on request.
// In the static export a month's page shows that month alone (ArchiveScreen's monthOnly), so that
// adding an issue rewrites its month's page, not every month's.
export const generateStaticParams = process.env.DUBAO_STATIC ? monthParams : onDemand;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: rawLocale, month } = await params;
  const locale = requireLocale(rawLocale);
  const m = parseMonth(month);
  if (!m) return {};
  const t = await getTranslations({ locale, namespace: 'Archive' });
  return {
    title: `${t('title')} ${formatMonth(m.year, m.month, locale)}`,
    alternates: { canonical: archivePath(locale, m.year, m.month) },
  };
}

export default async function ArchiveMonth({ params }: Props) {
  const { locale: rawLocale, month } = await params;
  const locale = requireLocale(rawLocale);
  setRequestLocale(locale);
  const m = parseMonth(month);
  if (!m) notFound();
  const issues = listIssues();
  const latest = issues.at(-1);
  if (process.env.DUBAO_STATIC) {
    const inMonth = issues.filter((i) => i.date.startsWith(month));
    // The paper's name from this month's issues, else from the last issue before it (or the first:
    // the calendar's month before the archive); the newest issue is marked only in its own month.
    const near = inMonth.at(-1) ?? issues.filter((i) => i.date < month).at(-1) ?? issues[0];
    const current = latest && inMonth.includes(latest) ? latest.date : '';
    return (
      <ArchiveScreen
        locale={locale}
        year={m.year}
        month={m.month}
        issues={inMonth}
        latest={near && { ...near, date: current }}
        otherYears={[]}
        monthOnly
      />
    );
  }
  return (
    <ArchiveScreen
      locale={locale}
      year={m.year}
      month={m.month}
      issues={issues}
      latest={latest}
      otherYears={latest ? sameDayOtherYears(latest.date) : []}
    />
  );
}
