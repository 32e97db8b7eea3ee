/**
 * Font size and colour scheme controls; a plain form that posts to /api/prefs when JS is off.
 * Rendered with the defaults pressed: the page is cached for every reader, and the server marks
 * this reader's choices in the finished HTML (lib/server/html.ts).
 */
import { getTranslations } from 'next-intl/server';
import { PrefGroup } from './pref-group';
import { DEFAULT_SIZE, DEFAULT_THEME, PREF_MAX_AGE, SIZE_COOKIE, THEME_COOKIE } from './prefs';

export async function ReadingPrefs() {
  const t = await getTranslations('Prefs');
  return (
    <form method="post" action="/api/prefs" aria-label={t('label')} className="flex flex-wrap gap-x-3">
      <PrefGroup
        name="size"
        cookie={SIZE_COOKIE}
        label={t('fontSize')}
        current={DEFAULT_SIZE}
        fallback={DEFAULT_SIZE}
        maxAge={PREF_MAX_AGE}
        options={[
          { value: 's', label: t('sizeS') },
          { value: 'm', label: t('sizeM') },
          { value: 'l', label: t('sizeL') },
          { value: 'xl', label: t('sizeXL') },
        ]}
      />
      <PrefGroup
        name="theme"
        cookie={THEME_COOKIE}
        label={t('theme')}
        current={DEFAULT_THEME}
        fallback={DEFAULT_THEME}
        maxAge={PREF_MAX_AGE}
        options={[
          { value: 'auto', label: t('themeAuto') },
          { value: 'light', label: t('themeLight') },
          { value: 'dark', label: t('themeDark') },
        ]}
      />
    </form>
  );
}
