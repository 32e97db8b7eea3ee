/**
 * Runs before every page request (Next.js 16 calls middleware "proxy"; it runs on Node.js):
 * 1. next-intl locale negotiation: unprefixed paths are redirected to /zh or /en;
 * 2. paths naming no date, page or article of the archive are answered with the localized 404
 *    page and status 404, rendered on the server (see lib/content/routes.ts for why).
 */
import { hasLocale } from 'next-intl';
import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './i18n/routing';
import { readerPathExists } from './lib/content/routes';
import { archive } from './lib/content/store';

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const response = intl(request);
  if (response.headers.has('location')) return response;
  const [locale, ...segments] = request.nextUrl.pathname.split('/').filter(Boolean);
  if (!hasLocale(routing.locales, locale)) return response;
  if (segments[0] === 'missing' || !readerPathExists(segments, archive())) {
    return NextResponse.rewrite(new URL(`/${locale}/missing`, request.url), { status: 404 });
  }
  return response;
}

export const config = {
  // Everything but API routes, Next internals and files with an extension (icons, search index …).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
