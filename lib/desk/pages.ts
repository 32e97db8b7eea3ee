/**
 * What the repair desk shows: the pages of the archive with how much of each needs an editor, and one
 * page read afresh from its files (its overrides as they are now, not as the store last scanned them):
 * every raw block with where it went, the rebuilt articles with the blocks each paragraph came from,
 * the model's least certain decisions first, and the page's history of fixes.
 *
 * Pages are found through the archive (the files the store listed), never by building a path from a
 * URL: a date and page number that are not in the archive name nothing.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { archive } from '@/lib/content/store';
import type { LoadedPage } from '@/lib/content/load';
import { displayPath } from '@/lib/content/version';
import type { PageDecision, Repair } from '@/lib/ingest/types';
import { accountPage, type BlockFate } from '@/lib/newsroom/accounting';
import { checkPage, overridesPathFor } from '@/lib/newsroom/page-check';
import { splitBlocks } from '@/lib/ingest/blocks';
import { readRawPage } from '@/lib/ingest/raw';
import { historyOf, readIfThere, versionOf, type DeskAction, type HistoryEntry } from './edits';

/** Decisions below this confidence are worth an editor's look (the model's 0.5 is a coin toss). */
export const UNSURE = 0.8;

export interface DeskPageSummary {
  date: string;
  page: number;
  pageName: string;
  articles: number;
  unsure: number;
  overrides: number;
  checked?: { by: string; at: string };
}

/** Every page of the archive, newest issue first. */
export function deskPages(): { paper: string; date: string; pages: DeskPageSummary[] }[] {
  return [...archive().issues].reverse().map((issue) => ({
    paper: issue.paper,
    date: issue.date,
    pages: issue.pages.map((p) => {
      const side = sidecarOf(p);
      return {
        date: issue.date,
        page: p.meta.page,
        pageName: p.meta.pageName,
        articles: p.articles.length,
        unsure: (p.decisions ?? []).filter((d) => d.confidence < UNSURE).length,
        overrides: p.repairs.filter((r) => r.kind === 'override').length,
        ...(side.checked ? { checked: side.checked } : {}),
      };
    }),
  }));
}

/** The archive's page for a date and page number, if there is one. */
export function findPage(date: string, page: number): LoadedPage | undefined {
  return archive().byDate.get(date)?.pages.find((p) => p.meta.page === page);
}

function sidecarOf(p: LoadedPage): { checked?: { by: string; at: string } } {
  const bytes = readIfThere(overridesPathFor(p.file));
  if (!bytes) return {};
  try {
    const c: unknown = (parse(new TextDecoder().decode(bytes)) as { checked?: unknown } | null)?.checked;
    const ok = typeof c === 'object' && c !== null && 'by' in c && 'at' in c;
    return ok ? { checked: { by: String(c.by), at: String(c.at) } } : {};
  } catch {
    // A file the parser cannot read is reported with the page (checkPage); no mark to show.
    return {};
  }
}

export interface DeskBlock extends BlockFate {
  /** The decisions the model made about this block, least certain first. */
  decisions: PageDecision[];
  /** Kind of the block as it ended up: heading (level > 0) or text. */
  heading: boolean;
}

export interface DeskArticle {
  id: string;
  kicker?: string;
  headline: string;
  subheadline?: string;
  /** A line of the article's headings (or its first block): what a move or a headline fix names. */
  line: number;
  paragraphs: { text: string; subhead: boolean; lines: number[] }[];
}

export interface DeskPage {
  date: string;
  page: number;
  pageName: string;
  paper: string;
  file: string;
  overridesFile: string;
  /** The overrides file's version as read now: every form carries it back. */
  version: string;
  history: HistoryEntry[];
  checked?: { by: string; at: string };
  blocks: DeskBlock[];
  articles: DeskArticle[];
  decisions: PageDecision[];
  repairs: Repair[];
  problems: string[];
  warnings: string[];
  lost: number;
}

/** One page read afresh from its files; undefined when the archive has no such page. */
export function deskPage(date: string, pageNo: number): DeskPage | undefined {
  const loaded = findPage(date, pageNo);
  if (!loaded) return undefined;
  const sideFile = overridesPathFor(loaded.file);
  const sideBytes = readIfThere(sideFile);
  const checked = checkPage(readFileSync(loaded.file), loaded.file, sideBytes ? { bytes: sideBytes, file: sideFile } : undefined);
  const { page } = checked;
  const { fates } = accountPage(checked.text, page, checked.firstLine);
  const decisions = page.decisions ?? [];
  const blocks: DeskBlock[] = fates.map((f) => ({
    ...f,
    heading: f.block.level > 0,
    decisions: decisions.filter((d) => d.line === f.block.line),
  }));
  const articles: DeskArticle[] = page.articles.map((a) => {
    const mine = blocks.filter((b) => b.placement?.articleId === a.id);
    const head = mine.find((b) => b.placement?.part === 'head') ?? mine[0];
    return {
      id: a.id,
      ...(a.kicker ? { kicker: a.kicker } : {}),
      headline: a.headline,
      ...(a.subheadline ? { subheadline: a.subheadline } : {}),
      line: head?.block.line ?? 0,
      paragraphs: a.body.map((b, i) => ({
        text: b.text,
        subhead: b.type === 'h',
        lines: mine.filter((m) => m.placement?.part === i).map((m) => m.block.line),
      })),
    };
  });
  const source = sideBytes ? new TextDecoder().decode(sideBytes) : '';
  const history = historyOf(source);
  const side = sidecarOf(loaded);
  return {
    date,
    page: pageNo,
    pageName: page.meta.pageName,
    paper: page.meta.paper,
    file: displayPath(loaded.file),
    overridesFile: displayPath(sideFile),
    version: versionOf(sideBytes),
    history,
    ...(side.checked ? { checked: side.checked } : {}),
    blocks,
    articles,
    decisions,
    repairs: page.repairs,
    problems: checked.problems,
    warnings: checked.warnings,
    lost: checked.totals.blocks.lost,
  };
}

/** The overrides file of an archive page (for the action handler, which has found the page already). */
export const overridesFileOf = (p: LoadedPage) => overridesPathFor(p.file);

/** The blocks of an archive page: each one's first line, and how many lines it spans. */
export function blockLinesOf(p: LoadedPage): { line: number; lines: number; heading: boolean }[] {
  const raw = readRawPage(readFileSync(p.file), p.file);
  return splitBlocks(raw.text, raw.firstLine).map((b) => ({ line: b.line, lines: b.raw.split('\n').length, heading: b.level > 0 }));
}

/**
 * What in an action does not fit the page, said for the editor: a line that starts no block of this
 * page (a form made for another page, or made up), a break that is not inside a block, a kicker or
 * banner that is not a heading.
 */
export function misfit(a: DeskAction, blocks: { line: number; lines: number; heading: boolean }[]): string | undefined {
  const starts = (n: number) => blocks.find((b) => b.line === n);
  const within = (n: number) => blocks.find((b) => n >= b.line && n < b.line + b.lines);
  if (a.op === 'checked' || a.op === 'undo') return undefined;
  if (a.op === 'break') return within(a.line) ? undefined : `line ${a.line} is in no block of this page`;
  const block = starts(a.line);
  if (!block) return `no block of this page starts at line ${a.line}`;
  if ((a.op === 'kicker' || a.op === 'banner' || a.op === 'headline-start') && !block.heading) return `line ${a.line} is not a heading`;
  for (const other of a.op === 'join' ? [a.to] : a.op === 'move' ? [a.to, ...(a.after ? [a.after] : [])] : []) {
    if (!within(other)) return `line ${other} is in no block of this page`;
  }
  if (a.op === 'join' && a.to === a.line) return 'a block cannot continue itself';
  return undefined;
}
