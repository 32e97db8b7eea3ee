/**
 * The state one parse carries from pass to pass. Everything a pass learns about the page lives here,
 * made anew for every page: no module-level cache, so a page parses the same whatever came before.
 */
import type { RawBlock } from '../blocks';
import type { Jump } from '../bylines';
import { NO_EDITS, type BlockEdits, type Forced, type Overrides } from '../overrides';
import type { Models } from '../model';
import { getModels } from '../model';
import type { EdgeSigns } from '../model/features';
import { normalizeForCompare } from '../text';
import type { Article, Byline, PageMeta, Repair } from '../types';

export type ItemKind = 'heading' | 'byline' | 'jump' | 'furniture' | 'para';

/** One input block and what the passes decided it is. */
export interface Item {
  kind: ItemKind;
  block: RawBlock;
  text: string;
  bylines?: Byline[];
  jump?: Jump;
  dropped?: boolean;
  /** The block's text as compared for repeats (normalizeForCompare), computed once. */
  key?: string;
  /** Set by an editor's override: the passes must not change what the block is. */
  forced?: Forced;
}

/** The blocks of one article before it is assembled: its heading run and what follows. */
export interface Draft {
  heads: Item[];
  items: Item[];
  /** Set under a section label such as ## 简讯: the items that follow are briefs. */
  section?: 'brief' | 'photo';
}

/** A paragraph on its way into an article: its text may grow as fragments join it. */
export interface Para {
  text: string;
  line: number;
  subhead: boolean;
  /** Put back from elsewhere in the article (a column tail printed above its start). */
  moved?: boolean;
  /** Forced by an override to be a subhead or a paragraph. */
  fixed?: boolean;
  /** A credit line (本报记者 王伟健) printed between paragraphs: never part of a sentence. */
  credit?: boolean;
  /** A heading line the converter printed inside the story (a subhead), not a plain block. */
  printedHeading?: boolean;
  /** Lines of the input blocks this paragraph holds (its own first). */
  lines?: number[];
}

/** A draft turned into an article body: the passes after `bodies` work on these. */
export interface Body {
  draft: Draft;
  list: Para[];
  bylines: Byline[];
  /** A credit printed after the text (a photo's or drawing's credit). */
  creditAfterText: boolean;
  jump?: Article['jump'];
  continuedFrom?: Article['continuedFrom'];
  /** The headline run's text, for tests of how a paragraph relates to the headline. */
  titles: string;
  /** Repairs inside this article, given the article's id when it has one. */
  repairs: Repair[];
}

export interface Built {
  article: Omit<Article, 'id'>;
  line: number;
  repairs: Repair[];
}

export interface ParseOptions {
  /** First line of the page text in its file (after front matter), so repairs point at file lines. */
  firstLine?: number;
  /** An editor's corrections (lib/ingest/overrides.ts), logged as repairs of kind 'override'. */
  overrides?: Overrides;
  /** The fitted models to decide with (default: the committed weights); the trainer passes its own. */
  models?: Models;
  /** Called with every scored decision, its candidates included: how the trainer collects examples. */
  trace?: (site: TracedSite) => void;
}

/** A scored decision as the trainer sees it: the features and the input lines it concerns. */
export type TracedSite =
  | { kind: 'heading'; line: number; features: number[] }
  | { kind: 'kicker'; line: number; features: number[]; left: string }
  /** A join choice: the open block, its candidates, and one row per candidate plus the 'none' row last. */
  | { kind: 'join'; pLines: number[]; qLines: number[][]; xs: ArrayLike<number>[]; p: string; q: string[] }
  /** The same pairs read backwards: the block q, the blocks it may continue, the 'opens a paragraph' row last. */
  | { kind: 'joinBack'; qLines: number[]; pLines: number[][]; xs: ArrayLike<number>[] };

/** One decision a model made, with its confidence: what an editor should check first. */
export interface Decision {
  kind: 'heading' | 'join' | 'kicker';
  /** Line of the block decided about (the heading; the block joined or left apart). */
  line: number;
  /** What was decided: article, banner, subhead; joined, apart. */
  choice: string;
  /** Probability of the choice made, 0.5 to 1 (a binary choice) or 1/3 to 1 (a three-way one). */
  confidence: number;
  note?: string;
}

export class ParseContext {
  readonly repairs: Repair[] = [];
  readonly furniture: { line: number; text: string }[] = [];
  items: Item[] = [];
  drafts: Draft[] = [];
  bodies: Body[] = [];
  built: Built[] = [];
  articles: Article[] = [];
  /** How often each heading or paragraph text occurs on the page: a lone heading printed twice is a repeat. */
  readonly seen = new Map<string, number>();
  readonly decisions: Decision[] = [];
  /** An editor's breaks, joins, moves and kept repeats, resolved to blocks (pass `blocks`). */
  edits: BlockEdits = NO_EDITS;
  readonly models: Models;
  /** Per-parse memo of lead tests, keyed by the article's titles and the block's start. */
  readonly leadMemo = new Map<string, boolean>();
  /** Per-parse memo of what a block's start says about it as a continuation (lib/ingest/passes/joins.ts). */
  readonly startSigns = new Map<Para, { opener: boolean; score: number; closesQuote: boolean }>();
  /** Per-parse memo of what each block's edges say to the join model (lib/ingest/model/features.ts). */
  readonly edgeSigns = new Map<string, EdgeSigns>();

  constructor(
    readonly text: string,
    readonly meta: PageMeta,
    readonly options: ParseOptions,
  ) {
    this.models = options.models ?? getModels();
  }

  toFurniture(item: Item, kind: 'furniture' | 'banner', confidence?: number): void {
    this.furniture.push({ line: item.block.line, text: item.text });
    this.repairs.push({ kind, line: item.block.line, text: item.block.raw, ...(confidence !== undefined ? { confidence } : {}) });
  }
}

export const keyOf = (item: Item): string => (item.key ??= normalizeForCompare(item.text));

/** The paragraphs of a draft still on the page. */
export const paras = (d: Draft): Item[] => d.items.filter((i) => i.kind === 'para' && !i.dropped);

/** A pass reads and writes the context; `parsePage` runs them in order. */
export interface Pass {
  name: string;
  run(ctx: ParseContext): void;
}
