import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { Editor } from '@/lib/desk/auth';
import type { AppLocale } from '@/i18n/routing';

/** The desk's top bar: its name, the editor signed in, and signing out (a POST with the CSRF token). */
export async function DeskHeader({ locale, editor, children }: { locale: AppLocale; editor: Editor | null; children?: React.ReactNode }) {
  const t = await getTranslations({ locale, namespace: 'Desk' });
  return (
    <header className="desk-header">
      <p className="desk-title">
        <Link href="/desk" prefetch={false}>读报 · {t('title')}</Link>
      </p>
      {children}
      {editor ? (
        <form method="post" action="/desk/signout" className="desk-inline desk-who">
          <span>{t('signedInAs', { name: editor.name })}</span>
          <input type="hidden" name="csrf" value={editor.csrf} />
          <button type="submit" className="desk-btn">
            {t('signOut')}
          </button>
        </form>
      ) : null}
    </header>
  );
}
