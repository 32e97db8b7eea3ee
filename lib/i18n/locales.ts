/**
 * What each reading locale means for language tags: the interface language (<html lang>), the
 * script the article text is shown in, hreflang and Open Graph tags. Pure, safe for client code.
 */

export const LOCALE_INFO = {
  zh: { htmlLang: 'zh-Hans', textLang: 'zh-Hans', hreflang: 'zh-Hans', og: 'zh_CN', name: '简体' },
  'zh-Hant': { htmlLang: 'zh-Hant', textLang: 'zh-Hant', hreflang: 'zh-Hant', og: 'zh_TW', name: '繁體' },
  // The interface is English; the articles stay as published, in Simplified characters.
  en: { htmlLang: 'en', textLang: 'zh-Hans', hreflang: 'en', og: 'en_GB', name: 'English' },
} as const;

export type ReadingLocale = keyof typeof LOCALE_INFO;

export const READING_LOCALES = Object.keys(LOCALE_INFO) as ReadingLocale[];

function info(locale: string) {
  return LOCALE_INFO[locale as ReadingLocale] ?? LOCALE_INFO.zh;
}

/** The lang attribute of the page (interface language). */
export function htmlLang(locale: string): string {
  return info(locale).htmlLang;
}

/** The lang attribute of article text shown in this locale. */
export function textLang(locale: string): string {
  return info(locale).textLang;
}

export function hreflang(locale: string): string {
  return info(locale).hreflang;
}

export function ogLocale(locale: string): string {
  return info(locale).og;
}

/** True where article text is shown in Traditional characters. */
export function isTraditional(locale: string): boolean {
  return locale === 'zh-Hant';
}
