/**
 * /feed.xml in the static export: a file host cannot answer with the server's redirect to
 * /zh/feed.xml, so the default locale's feed itself is written here (its self link and entries point
 * at /zh).
 */
import { routing } from '@/i18n/routing';
import { GET as localeFeed } from '../[locale]/feed.xml/route';

export const dynamic = 'force-static';

export function GET(request: Request) {
  return localeFeed(request, { params: Promise.resolve({ locale: routing.defaultLocale }) });
}
