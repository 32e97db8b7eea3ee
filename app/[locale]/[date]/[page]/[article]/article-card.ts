/**
 * An article's link-preview card (1200×630): its headline (the story's first part's), paper, date and
 * page. Drawn on request by the server build's opengraph-image.ts (one per locale) and once per story
 * by the static export's /og/<date>/<id>.png (app/og, in the default locale).
 */
import { getTranslations } from 'next-intl/server';
import { hasLocale } from 'next-intl';
import type { ImageResponse } from 'next/og';
import { ogCard } from '@/components/share/og-card';
import { getArticle } from '@/lib/content';
import { parseArticleId, parseDate } from '@/lib/content/params';
import { pageNumberLabel, siteUrl } from '@/lib/content/urls';
import { formatDateLine } from '@/lib/date';
import { localizeView } from '@/lib/i18n/localize';
import { routing } from '@/i18n/routing';

/** The card, or undefined when there is no such article (or locale). */
export async function articleCard(
  locale: string,
  rawDate: string,
  rawId: string,
): Promise<ImageResponse | undefined> {
  const date = parseDate(rawDate);
  const id = parseArticleId(rawId);
  const view = hasLocale(routing.locales, locale) && date && id ? getArticle(date, id) : undefined;
  if (!view || !hasLocale(routing.locales, locale)) return undefined;
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
