/** The localized "page not found" message, shared by not-found.tsx and the proxy's 404 route. */
import { Link } from '@/components/common/link';
import { useLocale, useTranslations } from 'next-intl';
import { archivePath } from '@/lib/content/urls';

export function NotFoundView() {
  const t = useTranslations('NotFound');
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="font-sans text-6xl font-black text-red">404</p>
      <h1 className="mt-2 font-sans text-2xl font-black">{t('title')}</h1>
      <p className="mt-4">{t('body')}</p>
      <p className="mt-6 flex justify-center gap-6 font-sans">
        <Link href={`/${locale}`}>{t('home')}</Link>
        <Link href={archivePath(locale)}>{t('archive')}</Link>
      </p>
    </div>
  );
}
