/**
 * Runs before every request but Next.js's own assets (Next.js 16 calls middleware "proxy"; it runs on Node.js):
 * 1. next-intl locale negotiation: unprefixed paths are redirected to /zh or /en;
 * 2. paths naming no date, page or article of the archive are answered with the localized 404
 *    page and status 404 (see lib/content/routes.ts for why).
 * API routes and files (icon.svg, feed.xml …) pass through. A path that is not valid
 * percent-encoded UTF-8 is answered 400 before anything else. The Content-Security-Policy is not
 * set here: it hashes the finished page's scripts, so server.ts adds it to the response.
 */
import { hasLocale } from 'next-intl';
import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from './i18n/routing';
import { readerPathExists } from './lib/content/routes';
import { archive } from './lib/content/store';
import { desk, editorFrom, refusalPage } from './lib/desk/auth';
import { SESSION_COOKIE } from './lib/desk/security';

/** The desk's POST routes: they check the session and the CSRF token themselves. */
const DESK_ROUTES = new Set(['/desk/signin', '/desk/signout', '/desk/action']);

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // Percent-encoding that is not UTF-8 (%ff, %c0%ae) makes Next.js's own decoding throw (a 500): refuse it here.
  if (!decodes(pathname)) {
    return new NextResponse('Bad request: the path is not valid percent-encoded UTF-8.\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  if (pathname.startsWith('/_next/')) return NextResponse.next();
  // The repair desk has no locale prefix and is never stored or indexed (its routes check the session).
  if (pathname === '/desk' || pathname.startsWith('/desk/')) {
    // A page of the desk without a valid session is refused here, before anything is rendered; the
    // POST routes (signin, signout, action) check for themselves.
    if (pathname.startsWith('/desk/') && !DESK_ROUTES.has(pathname)) {
      const { config } = desk();
      if (!config.enabled) return refusalPage(403, 'the desk is off: see /desk');
      if (!editorFrom(request.cookies.get(SESSION_COOKIE)?.value)) return refusalPage(401, 'not signed in, or the session has ended: sign in at /desk');
    }
    const response = NextResponse.next();
    response.headers.set('Cache-Control', 'no-store');
    response.headers.set('X-Robots-Tag', 'noindex, nofollow');
    return response;
  }
  const [locale, ...segments] = pathname.split('/').filter(Boolean);
  // Files (icon.svg, robots.txt, /zh/feed.xml …) and API routes: their routes answer for themselves.
  if (locale === 'api' || /\.[^/]*$/.test(pathname)) return NextResponse.next();
  const response = intl(request);
  if (response.headers.has('location')) return response;
  if (!hasLocale(routing.locales, locale)) return response;
  if (segments[0] === 'missing' || !readerPathExists(segments, archive())) {
    return NextResponse.rewrite(new URL(`/${locale}/missing`, request.url), { status: 404 });
  }
  return response;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Every path: Next.js's own assets (/_next/) only pass the encoding check above.
  matcher: '/:path*',
};
