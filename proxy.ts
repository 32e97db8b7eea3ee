/** Locale negotiation: redirects unprefixed paths to /zh or /en (Next.js 16 calls middleware "proxy"). */
import createMiddleware from 'next-intl/middleware';
import { routing } from './i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Everything but API routes, Next internals and files with an extension (icons, search index …).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
