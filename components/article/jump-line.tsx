/**
 * (下转2版) and (上接1版) as links. Where the other part is in the archive the line links to it
 * (`href` chooses the target: another URL, or an anchor in the whole-story view); where the page
 * is missing, the line says so in words instead of linking nowhere.
 */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import type { JumpTarget } from '@/lib/content/continuations';

type Props = {
  direction: 'to' | 'from';
  target: JumpTarget;
  href: (target: Exclude<JumpTarget, { kind: 'missing' }>) => string;
};

export async function JumpLine({ direction, target, href }: Props) {
  const t = await getTranslations('Article');
  const page = target.page;
  const label = t(direction === 'to' ? 'continuedTo' : 'continuedFrom', { page });
  return (
    <p className={`jump-line ${direction}`} data-jump={direction}>
      {target.kind === 'missing' ? (
        <>
          （{label}）<span className="jump-missing">{t('missingPage', { page })}</span>
        </>
      ) : (
        <>
          （<Link href={href(target)}>{label}</Link>）
        </>
      )}
    </p>
  );
}
