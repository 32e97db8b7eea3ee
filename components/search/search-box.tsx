/** The header's search box: a plain GET form to /<locale>/search, enhanced by a client leaf. */
import { useLocale, useTranslations } from 'next-intl';
import { SearchSuggest } from './search-suggest';

export function SearchBox() {
  const locale = useLocale();
  const t = useTranslations('SearchBox');
  return (
    <SearchSuggest
      action={`/${locale}/search`}
      locale={locale}
      labels={{
        label: t('label'),
        placeholder: t('placeholder'),
        submit: t('submit'),
        suggestions: t('suggestions'),
        all: t('all'),
        none: t('none'),
        failed: t('failed'),
      }}
    />
  );
}
