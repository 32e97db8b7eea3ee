/** The desk has no locale in its URLs: it speaks the editor's browser language (zh unless English or 繁體 comes first). */
import 'server-only';
import { headers } from 'next/headers';
import type { AppLocale } from '@/i18n/routing';

export function localeFor(acceptLanguage: string | null): AppLocale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (/^zh-(hant|tw|hk|mo)/.test(first)) return 'zh-Hant';
  return 'zh';
}

export async function deskLocale(): Promise<AppLocale> {
  return localeFor((await headers()).get('accept-language'));
}
