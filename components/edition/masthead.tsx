/** 报头: the paper's name in red, then the page, the date line and the lunar date. */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import { formatDateLine, formatLunarDate } from '@/lib/date';
import { firstPageOf } from '@/lib/content';
import { pageNumberLabel, pagePath } from '@/lib/content/urls';
import { localizeText } from '@/lib/i18n/localize';
import { textLang } from '@/lib/i18n/locales';

type Props = {
  locale: string;
  paper: string;
  date: string;
  page: number;
  pageName: string;
  /** The page view names the paper as its h1; the article view keeps h1 for the headline. */
  asHeading?: boolean;
  compact?: boolean;
};

export async function Masthead({ locale, paper, date, page, pageName, asHeading, compact }: Props) {
  const t = await getTranslations('Edition');
  const Name = asHeading ? 'h1' : 'p';
  return (
    <header className={compact ? 'masthead masthead-compact' : 'masthead'}>
      <Name className="masthead-name">
        <Link href={pagePath(locale, date, firstPageOf(date))}>{paper}</Link>
      </Name>
      <div className="masthead-line flex flex-wrap items-baseline justify-between gap-x-4">
        <span>
          <span className="page-badge">{t('pageLabel', { page: pageNumberLabel(page) })}</span>{' '}
          <span className="font-bold">{pageName}</span>
        </span>
        <span>
          <time dateTime={date}>{formatDateLine(date, locale)}</time>{' '}
          <span lang={textLang(locale)} className="text-muted">
            {localizeText(formatLunarDate(date), locale)}
          </span>
        </span>
      </div>
    </header>
  );
}
