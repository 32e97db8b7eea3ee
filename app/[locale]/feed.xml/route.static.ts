/** /<locale>/feed.xml in the static export: the same feed, written at build time. */
import { routing } from '@/i18n/routing';

export { GET } from './route';
export const dynamic = 'force-static';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}
