/**
 * Locales and URL scheme: every route sits under /zh (简体), /zh-Hant (繁體) or /en;
 * zh is the default.
 */
import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['zh', 'zh-Hant', 'en'],
  defaultLocale: 'zh',
  localePrefix: 'always',
});

export type AppLocale = (typeof routing.locales)[number];
