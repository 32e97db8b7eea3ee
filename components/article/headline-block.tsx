/** 引题 small above, 主题 large, 副题 below: the headline block of a story. */
import { Link } from '@/components/common/link';
import type { Article } from '@/lib/ingest/types';

type Props = {
  article: Pick<Article, 'kicker' | 'headline' | 'subheadline'>;
  level: 1 | 2 | 3;
  href?: string;
};

export function HeadlineBlock({ article, level, href }: Props) {
  const H = `h${level}` as const;
  const headline = href ? <Link href={href}>{article.headline}</Link> : article.headline;
  return (
    <hgroup>
      {article.kicker ? <p className="kicker">{article.kicker}</p> : null}
      <H className="headline">{headline}</H>
      {article.subheadline ? <p className="deck">{article.subheadline}</p> : null}
    </hgroup>
  );
}
