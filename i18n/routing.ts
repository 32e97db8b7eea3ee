/**
 * Locales and URL scheme: every route sits under /zh (简体), /zh-Hant (繁體) or /en;
 * zh is the default.
 */
import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['zh', 'zh-Hant', 'en'],
  defaultLocale: 'zh',
  localePrefix: 'always',
  // Every URL names its locale. A NEXT_LOCALE cookie on each response would keep shared HTTP caches
  // from storing any page (server.ts sends them public); `/` goes by the browser's language.
  localeCookie: false,
});

export type AppLocale = (typeof routing.locales)[number];
