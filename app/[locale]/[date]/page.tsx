/** An issue by date: its front page (the canonical URL is the page's own). */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageScreen } from '@/components/edition/page-screen';
import { getIssue, getPage } from '@/lib/content';
import { parseDate } from '@/lib/content/params';
import { pageMetadata } from '@/lib/content/seo';
import { pageNumberLabel } from '@/lib/content/urls';
import { requireLocale } from '@/i18n/locale';
import { localizeView } from '@/lib/i18n/localize';
import { issueParams } from '@/lib/content/static-params';

type Props = { params: Promise<{ locale: string; date: string }> };

// The static export writes every one out; the server build the newest issues' (the rest on request).
export const generateStaticParams = issueParams;

function load(dateParam: string) {
  const date = parseDate(dateParam);
  const first = date ? getIssue(date)?.pages[0] : undefined;
  return date && first ? getPage(date, first.meta.page) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: rawLocale, date } = await params;
  const locale = requireLocale(rawLocale);
  const view = localizeView(load(date), locale);
  if (!view) return {};
  const t = await getTranslations({ locale, namespace: 'Edition' });
  const meta = view.page.meta;
  return pageMetadata(locale, meta, view.page.articles, t('pageLabel', { page: pageNumberLabel(meta.page) }));
}

export default async function IssuePage({ params }: Props) {
  const { locale: rawLocale, date } = await params;
  const locale = requireLocale(rawLocale);
  setRequestLocale(locale);
  const view = localizeView(load(date), locale);
  if (!view) notFound();
  return <PageScreen locale={locale} view={view} />;
}
