/** The shapes of lib/gen/real: clean corpus pages in, damaged raw pages with exact ground truth out. */
import type { BodyBlock, Byline } from '@/lib/ingest/types';

export type Split = 'train' | 'validation' | 'blind';

/** One article as the corpus holds it (the paper's website text, clean, in the website's order). */
export interface CorpusArticle {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  paragraphs: string[];
}

/** One printed page of the corpus: `<dir>/<YYYY-MM-DD>/<NN>.json`. */
export interface CorpusPage {
  paper: string;
  date: string;
  page: number;
  articles: CorpusArticle[];
}

export type TruthRole = 'furniture' | 'banner' | 'heading' | 'byline' | 'jump' | 'para';
export type CopyKind = 'adjacent' | 'far' | 'bleed';

/** Where one block of a damaged raw page came from. */
export interface TruthBlock {
  /** 1-based line of the block in the raw file (front matter included): RawBlock.line of splitBlocks(text, firstLine). */
  line: number;
  role: TruthRole;
  /**
   * Index into expected.articles; -1 for furniture and banners. For a copy ('far', 'bleed') it is the
   * article whose text the copy prints (its source), not the article it was printed inside.
   */
  article: number;
  /** role 'para' (and a body subhead printed as a heading): index into that article's expected body. */
  para?: number;
  /** UTF-16 offsets (String.slice) of the piece of body[para].text this block prints. */
  start?: number;
  end?: number;
  /** This block is an extra printed copy (the parser should drop it). */
  copy?: CopyKind;
}

export interface ExpectedArticle {
  kicker?: string;
  headline: string;
  subheadline?: string;
  kind: 'news' | 'photo' | 'commentary' | 'brief';
  bylines: Byline[];
  body: BodyBlock[];
  jump?: { toPage: number };
  continuedFrom?: { fromPage: number };
}

export interface ExpectedRealPage {
  /** The page furniture and banners exactly as printed (markdown markers removed), in print order. */
  furniture: string[];
  articles: ExpectedArticle[];
}

export interface RealPage {
  /** `<date>-<NN>-<copy>`, e.g. '2019-02-11-01-0'. */
  name: string;
  split: Split;
  /** The whole file, front matter included. */
  raw: string;
  expected: ExpectedRealPage;
  /** One per block of the raw page, in file order. */
  blocks: TruthBlock[];
}

export interface DamageOptions {
  /** 0 prints a clean page (headings, bylines, one block per paragraph); 1 (default) the usual rates; higher is harsher. */
  damage?: number;
  /** Banner texts to draw from (damagedSets passes the train split's). None: no banners. */
  slogans?: string[];
  /** Reporters' names (from the corpus's own credits) for articles whose text names nobody. */
  reporters?: string[];
}
