/**
 * The reader's one data layer: pages and routes ask here, never the files. Reads the archive at
 * request time (so one build serves any CONTENT_DIR) through the in-memory store.
 */
import 'server-only';
import type { Article } from '@/lib/ingest/types';
import { storyChain, type JumpTarget, type StoryLinks } from './continuations';
import type { Archive, Issue, LoadedPage } from './load';
import { archive } from './store';

export type { Archive, Issue, LoadedPage, JumpTarget, StoryLinks };

export interface IssueSummary {
  date: string;
  paper: string;
  pages: { page: number; pageName: string }[];
}

function summarize(issue: Issue): IssueSummary {
  return {
    date: issue.date,
    paper: issue.paper,
    pages: issue.pages.map((p) => ({ page: p.meta.page, pageName: p.meta.pageName })),
  };
}

/** Every issue, oldest first. */
export function listIssues(): IssueSummary[] {
  return archive().issues.map(summarize);
}

export function latestIssue(): Issue | undefined {
  const { issues } = archive();
  return issues[issues.length - 1];
}

export function getIssue(date: string): Issue | undefined {
  return archive().byDate.get(date);
}

/** The first page an issue has (1, unless the archive lacks it): where the masthead and the issue link lead. */
export function firstPageOf(date: string): number {
  return getIssue(date)?.pages[0]?.meta.page ?? 1;
}

/** The issues before and after a date (which need not have an issue itself). */
export function adjacentIssues(date: string): { prev?: IssueSummary; next?: IssueSummary } {
  const { issues } = archive();
  const prev = issues.filter((i) => i.date < date).at(-1);
  const next = issues.find((i) => i.date > date);
  return { prev: prev && summarize(prev), next: next && summarize(next) };
}

/** Issues printed on the same month and day in other years, newest first. */
export function sameDayOtherYears(date: string): IssueSummary[] {
  const monthDay = date.slice(4);
  return archive()
    .issues.filter((i) => i.date.slice(4) === monthDay && i.date !== date)
    .reverse()
    .map(summarize);
}

export interface PageView {
  issue: Issue;
  page: LoadedPage;
  prevPage?: LoadedPage;
  nextPage?: LoadedPage;
  prevIssue?: IssueSummary;
  nextIssue?: IssueSummary;
  /** Issues printed on this month and day in other years (往年今日). */
  otherYears: IssueSummary[];
}

export function getPage(date: string, pageNumber: number): PageView | undefined {
  const issue = getIssue(date);
  if (!issue) return undefined;
  const i = issue.pages.findIndex((p) => p.meta.page === pageNumber);
  const page = issue.pages[i];
  if (!page) return undefined;
  const { prev, next } = adjacentIssues(date);
  return {
    issue,
    page,
    prevPage: issue.pages[i - 1],
    nextPage: issue.pages[i + 1],
    prevIssue: prev,
    nextIssue: next,
    otherYears: sameDayOtherYears(date),
  };
}

export interface StoryPart {
  page: number;
  pageName: string;
  article: Article;
  links: StoryLinks;
}

export interface ArticleView extends PageView {
  article: Article;
  links: StoryLinks;
  /** The article before and after this one in the issue, in print order (across pages). */
  prevArticle?: { page: number; article: Article };
  nextArticle?: { page: number; article: Article };
  /** All parts of a story printed across pages, first part first; undefined if it stands alone. */
  story?: StoryPart[];
}

/** An article by id within an issue; `page` is where the URL says it is (checked by the caller). */
export function getArticle(date: string, id: string): ArticleView | undefined {
  const issue = getIssue(date);
  const entry = issue?.articles.get(id);
  if (!issue || !entry) return undefined;
  const view = getPage(date, entry.page);
  if (!view) return undefined;
  const list = [...issue.articles.values()];
  const i = list.findIndex((e) => e.article.id === id);
  const chain = storyChain(id, issue.links);
  const story = chain?.flatMap((partId): StoryPart[] => {
    const part = issue.articles.get(partId);
    const partPage = part && issue.pages.find((p) => p.meta.page === part.page);
    if (!part || !partPage) return [];
    return [
      {
        page: part.page,
        pageName: partPage.meta.pageName,
        article: part.article,
        links: issue.links.get(partId) ?? {},
      },
    ];
  });
  return {
    ...view,
    article: entry.article,
    links: issue.links.get(id) ?? {},
    prevArticle: list[i - 1],
    nextArticle: list[i + 1],
    story,
  };
}

/** Every article in the archive with where it was printed (for search, sitemaps …). */
export function* allArticles(): Generator<{ date: string; page: number; paper: string; pageName: string; article: Article }> {
  for (const issue of archive().issues) {
    for (const p of issue.pages) {
      for (const article of p.articles) {
        yield { date: issue.date, page: p.meta.page, paper: p.meta.paper, pageName: p.meta.pageName, article };
      }
    }
  }
}
