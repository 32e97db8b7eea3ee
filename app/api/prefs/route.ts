/** Saves a reading preference posted by the no-JavaScript form, then goes back to the page. */
import { NextResponse, type NextRequest } from 'next/server';
import { PREF_MAX_AGE, SIZE_COOKIE, THEME_COOKIE, SIZES, THEMES } from '@/components/layout/prefs';

/** Where the form was posted from, as a same-site path (a relative Location keeps the host the browser used). */
function backTo(request: NextRequest): string {
  const referer = request.headers.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === request.headers.get('host') ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const response = new NextResponse(null, { status: 303, headers: { Location: backTo(request) } });
  const size = form?.get('size');
  const theme = form?.get('theme');
  const cookie = { path: '/', maxAge: PREF_MAX_AGE, sameSite: 'lax' as const };
  if (SIZES.some((s) => s === size)) response.cookies.set(SIZE_COOKIE, String(size), cookie);
  if (THEMES.some((t) => t === theme)) response.cookies.set(THEME_COOKIE, String(theme), cookie);
  return response;
}
