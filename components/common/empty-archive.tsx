/** What the home page says when the archive holds no issue (e.g. an empty CONTENT_DIR). */
import { useTranslations } from 'next-intl';

export function EmptyArchive() {
  const t = useTranslations('Site');
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <p className="font-sans text-xl font-bold">{t('empty')}</p>
      <p className="mt-3 text-sm text-muted">{t('emptyHint')}</p>
    </div>
  );
}
