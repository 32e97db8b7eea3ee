/** The thin bar above the masthead: home, archive, search, reading settings, language. */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import { SearchBox } from '@/components/search/search-box';
import { archivePath } from '@/lib/content/urls';
import { LocaleSwitch } from './locale-switch';
import { ReadingPrefs } from './reading-prefs';

type Props = { locale: string };

export async function SiteHeader({ locale }: Props) {
  const [t, tl] = await Promise.all([getTranslations('Site'), getTranslations('Locale')]);
  return (
    <header className="site-bar">
      <div className="mx-auto flex max-w-[80rem] flex-wrap items-center justify-between gap-x-5 gap-y-1.5 px-3 py-1.5">
        <nav aria-label={t('name')} className="flex items-center gap-4">
          <Link href={`/${locale}`} className="font-bold text-red no-underline">
            {t('name')}
          </Link>
          <Link href={`/${locale}`}>{t('today')}</Link>
          <Link href={archivePath(locale)}>{t('archive')}</Link>
        </nav>
        <SearchBox />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <ReadingPrefs />
          <LocaleSwitch
            label={tl('label')}
            current={locale}
            locales={[
              { code: 'zh', name: tl('zh'), lang: 'zh-Hans' },
              { code: 'zh-Hant', name: tl('zhHant'), lang: 'zh-Hant' },
              { code: 'en', name: tl('en'), lang: 'en' },
            ]}
          />
        </div>
      </div>
    </header>
  );
}
