/** A printed page on screen: masthead, 版面导航, 本版导读 and the stories set in columns. */
import { getTranslations } from 'next-intl/server';
import type { PageView } from '@/lib/content';
import type { Article } from '@/lib/ingest/types';
import { IssueNav } from './issue-nav';
import { Masthead } from './masthead';
import { PageGuide } from './page-guide';
import { PageNav } from './page-nav';
import { Story } from './story';

type Props = { locale: string; view: PageView };

/** The lead is the first news story that starts on this page (papers set the top story first). */
function pickLead(articles: readonly Article[]): Article | undefined {
  return (
    articles.find((a) => a.kind === 'news' && !a.continuedFrom) ??
    articles.find((a) => a.kind === 'news') ??
    articles[0]
  );
}

export async function PageScreen({ locale, view }: Props) {
  const t = await getTranslations('Edition');
  const { issue, page } = view;
  const { date } = issue;
  const number = page.meta.page;
  const lead = pickLead(page.articles);
  const rest = page.articles.filter((a) => a !== lead);
  return (
    <div className="mx-auto max-w-[80rem] px-3 pt-3">
      <Masthead
        locale={locale}
        paper={page.meta.paper}
        date={date}
        page={number}
        pageName={page.meta.pageName}
        asHeading
      />
      <PageNav
        locale={locale}
        date={date}
        current={number}
        pages={issue.pages.map((p) => ({ page: p.meta.page, pageName: p.meta.pageName }))}
      />
      <div className="page-grid mt-4">
        <PageGuide articles={page.articles}>
          <IssueNav
            locale={locale}
            date={date}
            prev={view.prevIssue}
            next={view.nextIssue}
            otherYears={view.otherYears}
          />
        </PageGuide>
        <div className="page-body">
          {lead ? (
            <Story
              locale={locale}
              date={date}
              page={number}
              article={lead}
              links={issue.links.get(lead.id) ?? {}}
              lead
            />
          ) : (
            <p>{t('noArticles')}</p>
          )}
          <div className="page-columns columns">
            {rest.map((a) => (
              <Story
                key={a.id}
                locale={locale}
                date={date}
                page={number}
                article={a}
                links={issue.links.get(a.id) ?? {}}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
