import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('Site');
  return (
    <footer className="site-footer mx-auto mt-10 max-w-[80rem] border-t border-rule px-3 py-4 font-sans text-xs text-muted">
      {t('footer')}
    </footer>
  );
}
