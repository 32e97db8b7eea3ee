import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { StaticPrefs } from '@/components/layout/static-prefs';
import { SIZE_COOKIE, THEME_COOKIE, toSize, toTheme } from '@/components/layout/prefs';
import { siteUrl } from '@/lib/content/urls';
import { htmlLang } from '@/lib/i18n/locales';
import { routing } from '@/i18n/routing';
import '../globals.css';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Omit<Props, 'children'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Site' });
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t('name'), template: `%s | ${t('name')}` },
    description: t('description'),
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Reading preferences come from cookies so the first paint is already right (no script, no flash).
  // The static export has no request: there <StaticPrefs> applies the cookies before the first paint.
  const [jar, t] = await Promise.all([
    process.env.DUBAO_STATIC ? undefined : cookies(),
    getTranslations('Site'),
  ]);
  const size = toSize(jar?.get(SIZE_COOKIE)?.value);
  const theme = toTheme(jar?.get(THEME_COOKIE)?.value);
  return (
    <html
      lang={htmlLang(locale)}
      data-size={size === 'm' ? undefined : size}
      data-theme={theme === 'auto' ? undefined : theme}
    >
      {process.env.DUBAO_STATIC ? (
        <head>
          <StaticPrefs />
        </head>
      ) : null}
      <body>
        <a href="#content" className="skip-link">
          {t('skipToContent')}
        </a>
        <SiteHeader locale={locale} size={size} theme={theme} />
        <main id="content">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
