/**
 * Rebuilds the articles of one printed page from a PDF/OCR converter's noisy markdown, as a list of
 * named passes over one parse's context (lib/ingest/passes). Every input block ends in an article, the
 * furniture or the repair log.
 */
import { assemblePass } from './passes/assemble';
import { bannersPass } from './passes/banners';
import { blocksPass } from './passes/blocks';
import { bodiesPass } from './passes/bodies';
import { columnsPass } from './passes/columns';
import { ParseContext, type ParseOptions, type Pass } from './passes/context';
import { headingsPass } from './passes/headings';
import { joinsPass } from './passes/joins';
import { movesPass } from './passes/moves';
import { containedPass, repeatsPass } from './passes/repeats';
import { subheadsPass } from './passes/subheads';
import type { Page, PageMeta } from './types';

export type { ParseOptions } from './passes/context';

/** The passes, in order. */
export const PASSES: readonly Pass[] = [
  blocksPass, // split into blocks; classify each (heading, byline, jump line, furniture, paragraph)
  headingsPass, // cut the page into article drafts at heading runs
  repeatsPass, // drop repeated blocks, keeping the copy under its own headline
  bannersPass, // fold banners back into the story they interrupt
  movesPass, // an editor's moves: a block to the article it belongs to
  bodiesPass, // each draft's paragraphs, bylines and jump lines
  subheadsPass, // short unpunctuated lines between paragraphs are subheads
  columnsPass, // put back columns emitted out of order
  joinsPass, // rejoin paragraphs cut by a column break
  containedPass, // drop partial repeats inside a longer paragraph
  assemblePass, // headline run, kind, overrides, ids
];

export function parsePage(text: string, meta: PageMeta, options: ParseOptions = {}): Page {
  const ctx = new ParseContext(text, meta, options);
  for (const pass of PASSES) pass.run(ctx);
  // Drops made before ids existed name the article by the line of its headline.
  ctx.repairs.sort((a, b) => a.line - b.line);
  ctx.furniture.sort((a, b) => a.line - b.line);
  const decisions = [...ctx.decisions].sort((a, b) => a.confidence - b.confidence || a.line - b.line);
  return { furniture: ctx.furniture.map((f) => f.text), articles: ctx.articles, repairs: ctx.repairs, decisions };
}
