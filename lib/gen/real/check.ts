/**
 * Checks a damaged page against the reader (every truth block is a block splitBlocks finds, on its line,
 * with the text the truth says; every body character is printed), and counts its damage by kind.
 */
import { splitBlocks, type RawBlock } from '@/lib/ingest/blocks';
import { readRawPage } from '@/lib/ingest/raw';
import type { RealPage, TruthBlock } from './types';

/** The blocks the reader finds in the raw page, with file line numbers. */
export function rawBlocks(page: RealPage): RawBlock[] {
  const raw = readRawPage(Buffer.from(page.raw, 'utf8'), page.name);
  return splitBlocks(raw.text, raw.firstLine);
}

/** The text a truth block says it prints, or undefined when the truth does not fix it (bylines, jumps). */
export function truthText(page: RealPage, b: TruthBlock): string | undefined {
  const a = page.expected.articles[b.article];
  if (b.para !== undefined) return a?.body[b.para]?.text.slice(b.start, b.end);
  return undefined;
}

/** What is wrong with a page's truth; empty when it is exact. */
export function checkPage(page: RealPage): string[] {
  const problems: string[] = [];
  const say = (s: string): void => void (problems.length < 20 && problems.push(`${page.name}: ${s}`));
  let blocks: RawBlock[];
  try {
    blocks = rawBlocks(page);
  } catch (e) {
    return [`${page.name}: unreadable: ${(e as Error).message}`];
  }
  if (blocks.length !== page.blocks.length) say(`${blocks.length} raw blocks, ${page.blocks.length} truth blocks`);
  const furniture: string[] = [];
  page.blocks.forEach((t, i) => {
    const rb = blocks[i];
    if (!rb) return;
    if (rb.line !== t.line) say(`block ${i}: line ${rb.line}, truth says ${t.line}`);
    const a = page.expected.articles[t.article];
    if (t.role === 'furniture' || t.role === 'banner') {
      if (t.article !== -1) say(`block ${i}: ${t.role} with article ${t.article}`);
      furniture.push(rb.text);
      if (t.role === 'banner' && rb.level === 0) say(`block ${i}: banner not a heading`);
      return;
    }
    if (!a) return say(`block ${i}: no article ${t.article}`);
    if (t.para !== undefined) {
      const want = truthText(page, t);
      if (want === undefined || want !== rb.text) say(`block ${i} (line ${t.line}): prints ${JSON.stringify(rb.text.slice(0, 30))}, truth ${JSON.stringify(want?.slice(0, 30))}`);
      const level = t.role === 'heading' ? rb.level > 0 : rb.level === 0;
      if (!level) say(`block ${i}: role ${t.role} at level ${rb.level}`);
      if (t.role === 'heading' && !t.copy && a.body[t.para]?.type !== 'h') say(`block ${i}: a subhead printed as a heading is not type h`);
      return;
    }
    if (t.role === 'heading') {
      const ok = [a.kicker, a.headline, a.subheadline, a.kicker && `${a.kicker} ${a.headline}`].includes(rb.text);
      if (!ok || rb.level === 0) say(`block ${i}: heading ${JSON.stringify(rb.text)} is none of the article's`);
    } else if (t.role === 'jump') {
      if (!/^[（(](上接|下转)/.test(rb.text)) say(`block ${i}: jump ${JSON.stringify(rb.text)}`);
    } else if (t.role === 'byline') {
      for (const b of a.bylines) for (const n of b.names) if (!rb.text.replace(/\s/g, '').includes(n)) say(`block ${i}: byline lacks ${n}`);
    } else say(`block ${i}: role ${t.role} without para`);
  });
  if (JSON.stringify(furniture) !== JSON.stringify(page.expected.furniture)) say(`furniture ${JSON.stringify(furniture)} ≠ truth ${JSON.stringify(page.expected.furniture)}`);

  // Every body character printed once by the non-copy blocks, in pieces that tile each paragraph.
  page.expected.articles.forEach((a, ai) => {
    a.body.forEach((p, pi) => {
      const pieces = page.blocks
        .filter((b) => !b.copy && b.article === ai && b.para === pi)
        .sort((x, y) => x.start! - y.start!);
      let at = 0;
      for (const b of pieces) {
        if (b.start !== at) say(`article ${ai} para ${pi}: piece at ${b.start}, expected ${at}`);
        at = b.end!;
      }
      if (at !== p.text.length) say(`article ${ai} para ${pi}: printed up to ${at} of ${p.text.length}`);
    });
  });
  return problems;
}

export const DAMAGE_KINDS = [
  'furniture',
  'banner',
  'kickerSameLine',
  'kickerH3',
  'headlineH2',
  'headlineTwice',
  'subheadAsHeading',
  'cut',
  'columnsReordered',
  'adjacentCopy',
  'farCopy',
  'bleedCopy',
  'jump',
  'continued',
  'wrapped',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

/** How many of each damage a page shows, read back from its raw blocks and truth. */
export function damageCounts(page: RealPage): Record<DamageKind, number> {
  const n = Object.fromEntries(DAMAGE_KINDS.map((k) => [k, 0])) as Record<DamageKind, number>;
  const blocks = rawBlocks(page);
  const cutParas = new Set<string>();
  page.blocks.forEach((t, i) => {
    const rb = blocks[i];
    if (!rb) return;
    const a = page.expected.articles[t.article];
    if (t.role === 'furniture') n.furniture++;
    if (t.role === 'banner') n.banner++;
    if (t.copy === 'adjacent') n.adjacentCopy++;
    if (t.copy === 'far') n.farCopy++;
    if (t.copy === 'bleed') n.bleedCopy++;
    if (t.role === 'jump') n[rb.text.includes('上接') ? 'continued' : 'jump']++;
    if (t.role === 'para' && rb.lines.length > 1 && !t.copy) n.wrapped++;
    if (t.role === 'heading' && t.para !== undefined && !t.copy) n.subheadAsHeading++;
    if (t.role === 'heading' && t.para === undefined && a) {
      if (a.kicker && rb.text === `${a.kicker} ${a.headline}`) n.kickerSameLine++;
      else if (a.kicker && rb.text === a.kicker && rb.level === 3) n.kickerH3++;
      else if (rb.text === a.headline && rb.level === 2 && !t.copy) n.headlineH2++;
      if (t.copy === 'adjacent') n.headlineTwice++;
    }
    if (t.role === 'para' && !t.copy && a && (t.start! > 0 || t.end! < a.body[t.para!]!.text.length)) cutParas.add(`${t.article}/${t.para}`);
  });
  n.cut = cutParas.size;
  page.expected.articles.forEach((_, ai) => {
    const order = page.blocks.filter((b) => !b.copy && b.article === ai && b.para !== undefined).map((b) => b.para! * 1e6 + b.start!);
    if (order.some((v, i) => i > 0 && v < order[i - 1]!)) n.columnsReordered++;
  });
  return n;
}
