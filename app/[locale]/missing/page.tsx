/** Where the proxy sends (with status 404) every path that names nothing in the archive. */
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundView } from '@/components/common/not-found-view';
import { requireLocale } from '@/i18n/locale';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return { title: t('title'), robots: { index: false } };
}

export default async function Missing({ params }: Props) {
  setRequestLocale(requireLocale((await params).locale));
  return <NotFoundView />;
}
