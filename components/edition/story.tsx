/** One story as set on the page: headline block, bylines, text and its jump lines. */
import { getTranslations } from 'next-intl/server';
import { ArticleBody } from '@/components/article/article-body';
import { Bylines } from '@/components/article/bylines';
import { HeadlineBlock } from '@/components/article/headline-block';
import { JumpLine } from '@/components/article/jump-line';
import type { JumpTarget, StoryLinks } from '@/lib/content/continuations';
import { articlePath, pagePath } from '@/lib/content/urls';
import { textLang } from '@/lib/i18n/locales';
import type { Article } from '@/lib/ingest/types';
import { storyAnchor } from './page-guide';

type Props = {
  locale: string;
  date: string;
  page: number;
  article: Article;
  links: StoryLinks;
  lead?: boolean;
};

export async function Story({ locale, date, page, article, links, lead }: Props) {
  const t = await getTranslations('Edition');
  const jumpHref = (target: Exclude<JumpTarget, { kind: 'missing' }>) =>
    target.kind === 'article'
      ? `${articlePath(locale, date, target.page, target.articleId)}#part-${target.page}`
      : pagePath(locale, date, target.page);
  const href = articlePath(locale, date, page, article.id);
  const classes = ['story', lead ? 'lead-story' : '', article.kind].filter(Boolean).join(' ');

  if (article.kind === 'photo') {
    return (
      <article id={storyAnchor(article.id)} className={classes} lang={textLang(locale)}>
        <figure className="m-0">
          <div className="story-header">
            <span className="label-tag">{t('photo')}</span>
            <HeadlineBlock article={article} level={lead ? 2 : 3} href={href} />
          </div>
          <figcaption>
            {article.body.map((b, i) => (
              <p key={i} className="photo-caption">
                {b.text}
              </p>
            ))}
            <Bylines bylines={article.bylines} className="photo-credit" />
          </figcaption>
        </figure>
      </article>
    );
  }

  return (
    <article id={storyAnchor(article.id)} className={classes} lang={textLang(locale)}>
      <div className="story-header">
        {article.kind === 'commentary' ? <span className="label-tag">{t('commentary')}</span> : null}
        {links.prev ? <JumpLine direction="from" target={links.prev} href={jumpHref} /> : null}
        <HeadlineBlock article={article} level={lead ? 2 : 3} href={href} />
        <Bylines bylines={article.bylines} />
      </div>
      <div className={lead ? 'columns' : undefined}>
        <ArticleBody body={article.body} subheadLevel={4} />
        {links.next ? <JumpLine direction="to" target={links.next} href={jumpHref} /> : null}
      </div>
    </article>
  );
}
