/**
 * The article view. A story printed across pages is shown whole, its parts marked by page, the
 * jump lines linking between the parts in this one view.
 */
import { Link } from '@/components/common/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Masthead } from '@/components/edition/masthead';
import type { ArticleView, StoryPart } from '@/lib/content';
import type { JumpTarget } from '@/lib/content/continuations';
import { articlePath, pageNumberLabel, pagePath } from '@/lib/content/urls';
import { textLang } from '@/lib/i18n/locales';
import { ArticleBody } from './article-body';
import { Bylines } from './bylines';
import { HeadlineBlock } from './headline-block';
import { JumpLine } from './jump-line';

type Props = {
  locale: string;
  view: ArticleView;
  /** Shown under the article, before the article navigation (the share panel). */
  after?: ReactNode;
};

export async function ArticleScreen({ locale, view, after }: Props) {
  const t = await getTranslations('Article');
  const { issue, page, article } = view;
  const date = issue.date;
  const parts: StoryPart[] = view.story ?? [
    { page: page.meta.page, pageName: page.meta.pageName, article, links: view.links },
  ];
  const whole = parts.length > 1;
  const inStory = new Set(parts.map((p) => p.article.id));
  const head = parts[0]!.article;
  const jumpHref = (target: Exclude<JumpTarget, { kind: 'missing' }>) =>
    target.kind === 'article' && inStory.has(target.articleId)
      ? `#part-${target.page}`
      : target.kind === 'article'
        ? articlePath(locale, date, target.page, target.articleId)
        : pagePath(locale, date, target.page);

  return (
    <div className="mx-auto max-w-[80rem] px-3 pt-3">
      <Masthead
        locale={locale}
        paper={page.meta.paper}
        date={date}
        page={page.meta.page}
        pageName={page.meta.pageName}
        compact
      />
      <p className="no-print my-3 font-sans text-sm">
        <Link href={pagePath(locale, date, page.meta.page)}>
          ‹ {t('backToPage', { page: pageNumberLabel(page.meta.page), name: page.meta.pageName })}
        </Link>
      </p>
      <article className="article-view" lang={textLang(locale)} aria-labelledby="article-title">
        <header id="article-title" className="mb-4 border-b border-rule pb-2">
          <HeadlineBlock article={head} level={1} />
          <Bylines bylines={head.bylines} />
        </header>
        {whole ? (
          <p className="story-note">
            {t('wholeStory', {
              count: parts.length,
              pages:
                locale !== 'en'
                  ? parts.map((p) => `第${p.page}版`).join('、')
                  : parts.map((p) => p.page).join(', '),
            })}
          </p>
        ) : null}
        {parts.map((part, n) => (
          <section
            key={part.article.id}
            id={`part-${part.page}`}
            aria-label={t('part', { page: pageNumberLabel(part.page), name: part.pageName })}
            aria-current={whole && part.article.id === article.id ? 'true' : undefined}
          >
            {whole ? (
              <p className="part-marker">
                <strong>
                  <Link href={pagePath(locale, date, part.page)}>
                    {t('part', { page: pageNumberLabel(part.page), name: part.pageName })}
                  </Link>
                </strong>
                <span>{t('partOf', { n: n + 1, count: parts.length })}</span>
              </p>
            ) : null}
            {n > 0 && part.article.headline !== head.headline ? (
              <h2 className="part-headline">{part.article.headline}</h2>
            ) : null}
            {part.links.prev ? <JumpLine direction="from" target={part.links.prev} href={jumpHref} /> : null}
            {n > 0 ? <Bylines bylines={part.article.bylines} /> : null}
            <ArticleBody body={part.article.body} subheadLevel={2} />
            {part.links.next ? <JumpLine direction="to" target={part.links.next} href={jumpHref} /> : null}
          </section>
        ))}
      </article>
      {after}
      <nav
        aria-label={t('articleNav')}
        className="article-nav mx-auto mt-8 grid max-w-[40rem] grid-cols-2 gap-4 pt-3"
      >
        <div>
          {view.prevArticle ? (
            <Link
              rel="prev"
              href={articlePath(locale, date, view.prevArticle.page, view.prevArticle.article.id)}
            >
              <small className="block">‹ {t('prevArticle')}</small>
              {view.prevArticle.article.headline}
            </Link>
          ) : null}
        </div>
        <div className="text-right">
          {view.nextArticle ? (
            <Link
              rel="next"
              href={articlePath(locale, date, view.nextArticle.page, view.nextArticle.article.id)}
            >
              <small className="block">{t('nextArticle')} ›</small>
              {view.nextArticle.article.headline}
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
