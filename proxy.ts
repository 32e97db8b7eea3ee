/**
 * Runs before every request but Next.js's own assets (Next.js 16 calls middleware "proxy"; it runs on Node.js):
 * 1. a fresh CSP nonce: the Content-Security-Policy goes on the response and on the request, where
 *    Next.js reads the nonce and puts it on the scripts it ships (see lib/security/csp.ts);
 * 2. next-intl locale negotiation: unprefixed paths are redirected to /zh or /en;
 * 3. paths naming no date, page or article of the archive are answered with the localized 404
 *    page and status 404, rendered on the server (see lib/content/routes.ts for why).
 * API routes and files (icon.svg, feed.xml …) get only step 1: a missing file's 404 page is HTML too.
 * A path that is not valid percent-encoded UTF-8 is answered 400 before anything else.
 */
import { hasLocale } from 'next-intl';
import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from './i18n/routing';
import { readerPathExists } from './lib/content/routes';
import { archive } from './lib/content/store';
import { contentSecurityPolicy, makeNonce } from './lib/security/csp';

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
  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  headers.set('x-nonce', nonce);
  const response = route(new NextRequest(request, { headers }), headers);
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

function route(request: NextRequest, headers: Headers): NextResponse {
  const [locale, ...segments] = request.nextUrl.pathname.split('/').filter(Boolean);
  // Files (icon.svg, robots.txt, /zh/feed.xml …) and API routes: their routes answer for themselves.
  if (locale === 'api' || /\.[^/]*$/.test(request.nextUrl.pathname)) {
    return NextResponse.next({ request: { headers } });
  }
  const response = intl(request);
  if (response.headers.has('location')) return response;
  if (!hasLocale(routing.locales, locale)) return response;
  if (segments[0] === 'missing' || !readerPathExists(segments, archive())) {
    return NextResponse.rewrite(new URL(`/${locale}/missing`, request.url), {
      status: 404,
      request: { headers },
    });
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
