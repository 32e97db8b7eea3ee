/** The archive at the latest issue's month. */
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ArchiveScreen } from '@/components/archive/archive-screen';
import { listIssues, sameDayOtherYears } from '@/lib/content';
import { archivePath } from '@/lib/content/urls';
import { requireLocale } from '@/i18n/locale';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: rawLocale } = await params;
  const locale = requireLocale(rawLocale);
  const t = await getTranslations({ locale, namespace: 'Archive' });
  return { title: t('title'), alternates: { canonical: archivePath(locale) } };
}

export default async function ArchiveIndex({ params }: Props) {
  const { locale: rawLocale } = await params;
  const locale = requireLocale(rawLocale);
  setRequestLocale(locale);
  const issues = listIssues();
  const latest = issues.at(-1);
  const [year, month] = (latest?.date ?? new Date().toISOString()).split('-').map(Number) as [number, number];
  return (
    <ArchiveScreen
      locale={locale}
      year={year}
      month={month}
      issues={issues}
      latest={latest}
      otherYears={latest ? sameDayOtherYears(latest.date) : []}
    />
  );
}
