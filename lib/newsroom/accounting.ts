/**
 * Where every input block of a page went, and the character accounting the repair report prints.
 *
 * Characters are the printed text of a block (markup such as `#` and `**` and all whitespace left
 * out), counted in Unicode code points. Each block is counted once, by where it went:
 *   - dropped:   a repeat or bleed the rules removed (a `repeat-dropped`/`bleed-dropped` repair);
 *   - furniture: masthead, edition line, promotion, banner (`furniture`/`banner`);
 *   - logged:    kept only in the repair log: jump lines printed on their own line, orphan bylines,
 *                a headline an override replaced;
 *   - article:   everything else, found in an article: headings, bylines, paragraphs, and the
 *                blocks joined to or moved into them;
 *   - lost:      found nowhere. Must be zero.
 * so that input = article + furniture + dropped + logged + lost holds exactly, and lost = 0 is the
 * check that nothing was lost.
 */
import { splitBlocks, type RawBlock } from '@/lib/ingest/blocks';
import type { Page, Repair, RepairKind } from '@/lib/ingest/types';

export type Fate = 'article' | 'furniture' | 'dropped' | 'logged' | 'lost';

/** Where in an article a block's text was found. */
export interface Placement {
  articleId: string;
  /** 'head' for kicker/headline/subheadline, 'byline', else the index in the body. */
  part: 'head' | 'byline' | number;
}

export interface BlockFate {
  block: RawBlock;
  chars: number;
  fate: Fate;
  /** The repairs logged at this block's line. */
  repairs: Repair[];
  /** For a dropped block: the line of the copy that was kept. */
  keptLine?: number;
  placement?: Placement;
}

export interface Totals {
  input: number;
  article: number;
  furniture: number;
  dropped: number;
  logged: number;
  lost: number;
  /** Characters of the rebuilt articles as they stand (bylines normalized, jump marks taken out). */
  articleText: number;
  /** input === article + furniture + dropped + logged + lost, and lost === 0. */
  addsUp: boolean;
  blocks: Record<Fate, number>;
  repairsByKind: Partial<Record<RepairKind, number>>;
}

/** Printed characters: no whitespace, no markdown marks. */
export const charCount = (s: string) => [...s.replace(/\s+/g, '')].length;

/** As lib/ingest/coverage.ts compares: width-folded, markup, bullets and whitespace removed. */
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[■□●▲◆◇★☆*_>]/g, '')
    .replace(/\s+/g, '');

const DROPS = new Set<RepairKind>(['repeat-dropped', 'bleed-dropped']);
const FURNITURE = new Set<RepairKind>(['furniture', 'banner']);
/** Repairs after which the block's text lives in the article in a changed form. */
const REWRITTEN = new Set<RepairKind>(['byline-normalized', 'heading-split']);

export function accountPage(text: string, page: Page, firstLine = 1): { fates: BlockFate[]; totals: Totals } {
  const byLine = new Map<number, Repair[]>();
  for (const r of page.repairs) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);

  const parts: { placement: Placement; text: string }[] = [];
  for (const a of page.articles) {
    parts.push({ placement: { articleId: a.id, part: 'head' }, text: norm([a.kicker, a.headline, a.subheadline].filter(Boolean).join('')) });
    parts.push({ placement: { articleId: a.id, part: 'byline' }, text: norm(a.bylines.map((b) => b.role + b.names.join('')).join('')) });
    a.body.forEach((b, i) => parts.push({ placement: { articleId: a.id, part: i }, text: norm(b.text) }));
  }
  const logTexts = page.repairs.map((r) => norm(r.text));

  const fates = splitBlocks(text, firstLine).map((block): BlockFate => {
    const repairs = byLine.get(block.line) ?? [];
    const chars = charCount(block.text);
    const base = { block, chars, repairs };
    const drop = repairs.find((r) => DROPS.has(r.kind));
    if (drop) return { ...base, fate: 'dropped', ...(drop.keptLine ? { keptLine: drop.keptLine } : {}) };
    if (repairs.some((r) => FURNITURE.has(r.kind))) return { ...base, fate: 'furniture' };
    if (repairs.some((r) => r.kind === 'orphan' || (r.kind === 'jump-line' && !r.note))) return { ...base, fate: 'logged' };
    // A jump mark printed at the end of a paragraph (…。（下转第3版）) was taken out of it.
    const inlineJump = repairs.some((r) => r.kind === 'jump-line' && r.note);
    const needle = norm(inlineJump ? block.raw.replace(/[（(][^（）()]*[)）]\s*$/, '') : block.raw);
    const owner = repairs.find((r) => r.articleId)?.articleId;
    const found =
      parts.find((p) => p.placement.articleId === owner && p.text.includes(needle)) ?? parts.find((p) => p.text.includes(needle));
    if (found) return { ...base, fate: 'article', placement: found.placement };
    if (repairs.some((r) => REWRITTEN.has(r.kind)) && owner) return { ...base, fate: 'article', placement: { articleId: owner, part: repairs.some((r) => r.kind === 'byline-normalized') ? 'byline' : 'head' } };
    if (logTexts.some((t) => t.includes(needle))) return { ...base, fate: 'logged' };
    return { ...base, fate: 'lost' };
  });

  const sum = (f: Fate) => fates.filter((b) => b.fate === f).reduce((n, b) => n + b.chars, 0);
  const count = (f: Fate) => fates.filter((b) => b.fate === f).length;
  const input = fates.reduce((n, b) => n + b.chars, 0);
  const t = { article: sum('article'), furniture: sum('furniture'), dropped: sum('dropped'), logged: sum('logged'), lost: sum('lost') };
  const repairsByKind: Partial<Record<RepairKind, number>> = {};
  for (const r of page.repairs) repairsByKind[r.kind] = (repairsByKind[r.kind] ?? 0) + 1;
  const articleText = page.articles.reduce(
    (n, a) =>
      n +
      charCount([a.kicker, a.headline, a.subheadline].filter(Boolean).join('')) +
      charCount(a.bylines.map((b) => b.role + b.names.join('')).join('')) +
      a.body.reduce((m, b) => m + charCount(b.text), 0),
    0,
  );
  return {
    fates,
    totals: {
      input,
      ...t,
      articleText,
      addsUp: input === t.article + t.furniture + t.dropped + t.logged + t.lost && count('lost') === 0,
      blocks: { article: count('article'), furniture: count('furniture'), dropped: count('dropped'), logged: count('logged'), lost: count('lost') },
      repairsByKind,
    },
  };
}
