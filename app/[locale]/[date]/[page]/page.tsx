/** One printed page of an issue: /zh/2025-07-31/1. */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageScreen } from '@/components/edition/page-screen';
import { getPage } from '@/lib/content';
import { parseDate, parsePageNumber } from '@/lib/content/params';
import { pageMetadata } from '@/lib/content/seo';
import { pageNumberLabel } from '@/lib/content/urls';
import { requireLocale } from '@/i18n/locale';
import { localizeView } from '@/lib/i18n/localize';
import { pageParams } from '@/lib/content/static-params';

type Props = { params: Promise<{ locale: string; date: string; page: string }> };

// The static export writes every one out; the server build the newest issues' (the rest on request).
export const generateStaticParams = pageParams;

function load(dateParam: string, pageParam: string) {
  const date = parseDate(dateParam);
  const page = parsePageNumber(pageParam);
  return date && page ? getPage(date, page) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: rawLocale, date, page } = await params;
  const locale = requireLocale(rawLocale);
  const view = localizeView(load(date, page), locale);
  if (!view) return {};
  const t = await getTranslations({ locale, namespace: 'Edition' });
  const meta = view.page.meta;
  return pageMetadata(locale, meta, view.page.articles, t('pageLabel', { page: pageNumberLabel(meta.page) }));
}

export default async function PrintedPage({ params }: Props) {
  const { locale: rawLocale, date, page } = await params;
  const locale = requireLocale(rawLocale);
  setRequestLocale(locale);
  const view = localizeView(load(date, page), locale);
  if (!view) notFound();
  return <PageScreen locale={locale} view={view} />;
}
