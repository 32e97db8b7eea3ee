/** Home: the latest issue's front page. */
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageScreen } from '@/components/edition/page-screen';
import { EmptyArchive } from '@/components/common/empty-archive';
import { getPage, latestIssue } from '@/lib/content';
import { pageMetadata } from '@/lib/content/seo';
import { pageNumberLabel } from '@/lib/content/urls';
import { requireLocale } from '@/i18n/locale';
import { localizeView } from '@/lib/i18n/localize';

type Props = { params: Promise<{ locale: string }> };

function frontPage() {
  const issue = latestIssue();
  const first = issue?.pages[0];
  return issue && first ? getPage(issue.date, first.meta.page) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: rawLocale } = await params;
  const locale = requireLocale(rawLocale);
  const view = localizeView(frontPage(), locale);
  if (!view) return {};
  const t = await getTranslations({ locale, namespace: 'Edition' });
  const meta = view.page.meta;
  return pageMetadata(locale, meta, view.page.articles, t('pageLabel', { page: pageNumberLabel(meta.page) }));
}

export default async function Home({ params }: Props) {
  const { locale: rawLocale } = await params;
  const locale = requireLocale(rawLocale);
  setRequestLocale(locale);
  const view = localizeView(frontPage(), locale);
  if (!view) return <EmptyArchive />;
  return <PageScreen locale={locale} view={view} />;
}
