/** The typed shape of a printed page after reconstruction: what every other module reads. */

export type BylineRole = '记者' | '通讯员' | '摄影' | '制图' | '编辑' | '文' | '图' | '' | (string & {});

export interface Byline {
  /** 记者, 通讯员, 摄影, 制图 …; '' for a commentary's author printed as ■Name. */
  role: BylineRole;
  names: string[];
}

export type BodyBlock = { type: 'p'; text: string } | { type: 'h'; text: string };

export type ArticleKind = 'news' | 'photo' | 'commentary' | 'brief';

export interface Article {
  /** Short, URL-safe, stable across re-ingest: derived from date, page and headline. */
  id: string;
  kicker?: string;
  headline: string;
  subheadline?: string;
  kind: ArticleKind;
  bylines: Byline[];
  body: BodyBlock[];
  /** The story continues on another page: (下转2版). */
  jump?: { toPage: number };
  /** The story continues from another page: (上接1版). */
  continuedFrom?: { fromPage: number };
}

export type RepairKind =
  | 'repeat-dropped'
  | 'bleed-dropped'
  | 'column-break-joined'
  | 'fragment-moved'
  | 'fragment-kept'
  | 'heading-split'
  | 'heading-demoted'
  | 'furniture'
  | 'banner'
  | 'jump-line'
  | 'byline-normalized'
  /** A block with nothing to attach to (a byline with no article), kept here. */
  | 'orphan'
  | 'override';

export interface Repair {
  kind: RepairKind;
  /** 1-based line of the input block the repair concerns. */
  line: number;
  /** The block's text as it was in the input. */
  text: string;
  /** The article the block went to or was dropped from. */
  articleId?: string;
  /** For a dropped repeat: the line of the copy that was kept. */
  keptLine?: number;
  note?: string;
  /**
   * How sure the parser is of this decision, 0.5 (a coin toss) to 1 (certain). Set on the decisions a
   * model scores (a join, a banner, a heading that opens an article); absent means a certain rule.
   */
  confidence?: number;
}

/** A decision a fitted model made (lib/ingest/model), least certain first in `Page.decisions`. */
export interface PageDecision {
  kind: 'heading' | 'join' | 'kicker';
  line: number;
  choice: string;
  confidence: number;
  note?: string;
}

export interface Page {
  furniture: string[];
  articles: Article[];
  repairs: Repair[];
  /** The model-scored decisions, least certain first: what an editor checks first. */
  decisions?: PageDecision[];
}

/** What the text itself lacks, from the raw file's front matter. */
export interface PageMeta {
  paper: string;
  /** ISO date of the issue, YYYY-MM-DD. */
  date: string;
  /** Printed page number, 1-based. */
  page: number;
  /** Edition or page name: 平湖版, 要闻 … */
  pageName: string;
}

export interface ParsedPage extends Page {
  meta: PageMeta;
}
