/** Saves a reading preference posted by the no-JavaScript form, then goes back to the page. */
import { NextResponse, type NextRequest } from 'next/server';
import {
  PREF_MAX_AGE,
  SIZE_COOKIE,
  THEME_COOKIE,
  SIZES,
  THEMES,
} from '@/components/layout/prefs';

function backTo(request: NextRequest): URL {
  const home = new URL('/', request.url);
  const referer = request.headers.get('referer');
  if (!referer) return home;
  try {
    const url = new URL(referer);
    return url.origin === home.origin ? url : home;
  } catch {
    return home;
  }
}

export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const response = NextResponse.redirect(backTo(request), 303);
  const size = form?.get('size');
  const theme = form?.get('theme');
  const cookie = { path: '/', maxAge: PREF_MAX_AGE, sameSite: 'lax' as const };
  if (SIZES.some((s) => s === size)) response.cookies.set(SIZE_COOKIE, String(size), cookie);
  if (THEMES.some((t) => t === theme)) response.cookies.set(THEME_COOKIE, String(theme), cookie);
  return response;
}
