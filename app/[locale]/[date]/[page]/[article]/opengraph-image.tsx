/** The article's link-preview image: its headline, paper, date and page on a 1200×630 card. */
import { getTranslations } from 'next-intl/server';
import { hasLocale } from 'next-intl';
import { ogCard, OG_SIZE } from '@/components/share/og-card';
import { getArticle } from '@/lib/content';
import { parseArticleId, parseDate } from '@/lib/content/params';
import { articleParamsEveryLocale, onDemand } from '@/lib/content/static-params';
import { pageNumberLabel, siteUrl } from '@/lib/content/urls';
import { formatDateLine } from '@/lib/date';
import { localizeView } from '@/lib/i18n/localize';
import { routing } from '@/i18n/routing';

// The static export writes one card per article; the server build keeps rendering them on request.
export const generateStaticParams = process.env.DUBAO_STATIC ? articleParamsEveryLocale : onDemand;

export const size = OG_SIZE;
export const contentType = 'image/png';
export const alt = 'dubao';

type Props = { params: Promise<{ locale: string; date: string; page: string; article: string }> };

export default async function Image({ params }: Props) {
  const { locale, date: rawDate, article: rawId } = await params;
  const date = parseDate(rawDate);
  const id = parseArticleId(rawId);
  const view = hasLocale(routing.locales, locale) && date && id ? getArticle(date, id) : undefined;
  if (!view || !hasLocale(routing.locales, locale)) return new Response('not found', { status: 404 });
  const local = localizeView(view, locale);
  const first = local.story?.[0];
  const head = first?.article ?? local.article;
  const [tSite, tEdition] = await Promise.all([
    getTranslations({ locale, namespace: 'Site' }),
    getTranslations({ locale, namespace: 'Edition' }),
  ]);
  const page = first?.page ?? local.page.meta.page;
  const pageName = first?.pageName ?? local.page.meta.pageName;
  return ogCard({
    paper: local.page.meta.paper,
    dateLine: formatDateLine(local.issue.date, locale),
    pageLine: `${tEdition('pageLabel', { page: pageNumberLabel(page) })} ${pageName}`,
    kicker: head.kicker,
    headline: head.headline,
    deck: head.subheadline,
    site: `${tSite('name')} · ${new URL(siteUrl()).host}`,
  });
}
