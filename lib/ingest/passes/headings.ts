/**
 * Pass `headings`: cuts the page into article drafts at heading runs. A heading either opens an
 * article, or stays inside the current one as a subhead (小标题); section labels (## 简讯) are furniture
 * and say what kind of items follow.
 */
import { sectionKind } from '../furniture';
import { hanCount, isOpener } from '../text';
import type { Draft, Item, ParseContext, Pass } from './context';

/** A subhead is a short line: 20 Han characters is the longest in the fixtures and the seed. */
const SUBHEAD_MAX_HAN = 20;

/**
 * A small heading (####) alone between two paragraphs of a story is one of its subheads (小标题), not
 * a new article: no bigger heading stands with it and no byline follows it.
 */
function isInArticleSubhead(item: Item, cur: Draft, items: Item[], idx: number): boolean {
  if (item.forced || item.block.level < 4 || cur.heads.length === 0) return false;
  if (!cur.items.some((i) => i.kind === 'para')) return false;
  const next = items.slice(idx + 1).find((i) => i.kind !== 'furniture');
  return next?.kind === 'para' && !isOpener(next.text) && hanCount(item.text) <= SUBHEAD_MAX_HAN;
}

export function segment(ctx: ParseContext): Draft[] {
  const { items } = ctx;
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  // Under a section label (## 简讯) the items are headed one level smaller (####); a heading as big as
  // the label or bigger than the items (###) ends the section.
  let section: { level: number; itemLevel?: number; kind: 'brief' | 'photo' } | null = null;
  items.forEach((item, idx) => {
    if (item.kind === 'furniture') {
      ctx.toFurniture(item, 'furniture');
      return;
    }
    const label = item.kind === 'heading' || item.kind === 'para' ? sectionKind(item.text) : null;
    if (label) {
      ctx.toFurniture(item, 'furniture');
      section = { level: item.block.level || 9, kind: label };
      cur = null;
      return;
    }
    if (item.kind === 'heading' && cur && !section && isInArticleSubhead(item, cur, items, idx)) {
      cur.items.push(item);
      return;
    }
    if (item.kind === 'heading') {
      if (section) {
        const lvl = item.block.level;
        if (section.itemLevel === undefined && lvl >= section.level) section.itemLevel = lvl;
        else if (lvl < (section.itemLevel ?? section.level)) section = null;
      }
      if (!cur || cur.items.length > 0 || item.forced === 'head') {
        cur = { heads: [], items: [], ...(section ? { section: section.kind } : {}) };
        drafts.push(cur);
      }
      cur.heads.push(item);
      return;
    }
    if (!cur) {
      cur = { heads: [], items: [] };
      drafts.push(cur);
    }
    cur.items.push(item);
  });
  return drafts;
}

export const headingsPass: Pass = {
  name: 'headings',
  run(ctx) {
    ctx.drafts = segment(ctx);
  },
};
