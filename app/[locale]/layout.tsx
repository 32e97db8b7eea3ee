import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { PrefsScript } from '@/components/layout/static-prefs';
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
  const t = await getTranslations('Site');
  // Pages are rendered once for every reader and are the same for all of them (a shared cache may keep
  // them): the reader's own preferences (cookies) are put on <html> by /prefs.js before the first paint.
  return (
    // The preferences on <html> are the reader's, not the render's: React need not match them.
    <html lang={htmlLang(locale)} suppressHydrationWarning>
      <head>
        <PrefsScript />
      </head>
      <body>
        <a href="#content" className="skip-link">
          {t('skipToContent')}
        </a>
        <SiteHeader locale={locale} />
        <main id="content">{children}</main>
        <SiteFooter />
      </body>
    </html>
  );
}
