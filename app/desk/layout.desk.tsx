/**
 * The repair desk's own document: no reader chrome, never indexed. Its pages read the session cookie,
 * so they are rendered per request and never cached (proxy.ts and server.ts say no-store).
 */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { htmlLang } from '@/lib/i18n/locales';
import { deskLocale } from '@/lib/desk/locale';
import '../globals.css';
import './desk.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await deskLocale(), namespace: 'Desk' });
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, robots: { index: false, follow: false } };
}

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const locale = await deskLocale();
  return (
    <html lang={htmlLang(locale)}>
      <body className="desk">{children}</body>
    </html>
  );
}
