/** A compact list of issues: date line and number of pages, each linking to the issue. */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import type { IssueSummary } from '@/lib/content';
import { formatDateLine } from '@/lib/date';
import { issuePath } from '@/lib/content/urls';

type Props = { locale: string; issues: readonly IssueSummary[] };

export async function IssueList({ locale, issues }: Props) {
  const t = await getTranslations('Archive');
  return (
    <ul className="font-sans text-sm">
      {issues.map((i) => (
        <li key={i.date} className="flex justify-between gap-2 border-b border-dotted border-rule py-1">
          <Link href={issuePath(locale, i.date)}>{formatDateLine(i.date, locale)}</Link>
          <span className="text-muted">{t('pages', { count: i.pages.length })}</span>
        </li>
      ))}
    </ul>
  );
}
