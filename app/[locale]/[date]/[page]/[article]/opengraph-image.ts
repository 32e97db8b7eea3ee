/**
 * The article's link-preview image in the server build, rendered on request in the reader's locale.
 * A plain `.ts` file, so not a route of the static export, which writes one card per story instead
 * (app/og/[date]/[card]/route.static.ts; the pages' og:image points there, lib/content/seo.ts).
 */
import { OG_SIZE } from '@/components/share/og-card';
import { onDemand } from '@/lib/content/static-params';
import { articleCard } from './article-card';

export const generateStaticParams = onDemand;

export const size = OG_SIZE;
export const contentType = 'image/png';
export const alt = 'dubao';

type Props = { params: Promise<{ locale: string; date: string; page: string; article: string }> };

export default async function Image({ params }: Props) {
  const { locale, date, article } = await params;
  return (await articleCard(locale, date, article)) ?? new Response('not found', { status: 404 });
}
