/**
 * Pass `headings`: cuts the page into article drafts at heading runs. A heading either opens an
 * article, or stays inside the current one as a subhead (小标题); section labels (## 简讯) are furniture
 * and say what kind of items follow.
 */
import { sectionKind } from '../furniture';
import { predict } from '../model/logistic';
import { HEADING_CLASSES, headingFeatures, type HeadingClass, type HeadingSite } from '../model/features';
import { hanCount, isOpener } from '../text';
import { keyOf, type Draft, type Item, type ParseContext, type Pass } from './context';

/** How many paragraphs after a heading are read for its vocabulary (the heading's own story starts there). */
const NEXT_TEXT_PARAS = 3;
/** And how many before it stand for the story it interrupts: its latest text, which bounds the cost. */
const CUR_TEXT_PARAS = 6;

/** What the heading model sees of a heading that follows paragraphs of the current draft. */
function headingSite(ctx: ParseContext, item: Item, cur: Draft, idx: number): HeadingSite {
  const { items } = ctx;
  const curParas = cur.items.filter((i) => i.kind === 'para');
  let j = idx + 1;
  while (j < items.length && items[j]!.kind === 'furniture') j++;
  const nextItem = items[j];
  const next: HeadingSite['next'] = nextItem ? (nextItem.kind === 'furniture' ? 'none' : nextItem.kind) : 'none';
  const after: Item[] = [];
  for (let a = idx + 1; a < items.length && after.length < NEXT_TEXT_PARAS; a++) if (items[a]!.kind === 'para') after.push(items[a]!);
  // The paragraph the heading interrupts, if it does: the first one after it and any headings right after it.
  let k = j;
  while (k < items.length && (items[k]!.kind === 'heading' || items[k]!.kind === 'furniture')) k++;
  const nextPara = items[k]?.kind === 'para' ? items[k]!.text : undefined;
  let before = idx - 1;
  while (before >= 0 && items[before]!.kind === 'furniture') before--;
  const prevItem = items[before];
  return {
    text: item.text,
    level: item.block.level,
    articleLevel: Math.min(...cur.heads.map((h) => h.block.level), 9),
    prev: curParas.at(-1)?.text,
    prevIsHeading: prevItem?.kind === 'heading',
    next,
    nextPara,
    curParas: curParas.length,
    curText: [...cur.heads, ...curParas.slice(-CUR_TEXT_PARAS)].map((i) => i.text).join(''),
    nextText: after.map((p) => p.text).join(''),
    seen: ctx.seen.get(keyOf(item)) ?? 0,
  };
}

/** The heading model's call on a heading after paragraphs; undefined without a model. */
function classifyHeading(ctx: ParseContext, item: Item, cur: Draft, idx: number): { choice: HeadingClass; confidence: number } | undefined {
  const model = ctx.models.heading;
  if (!model) return undefined;
  const features = headingFeatures(headingSite(ctx, item, cur, idx), ctx.models.stats);
  ctx.options.trace?.({ kind: 'heading', line: item.block.line, features });
  const p = predict(model, features);
  const scaled = p.map((v, c) => (HEADING_CLASSES[c] === 'article' ? v * model.articleBias : v));
  const best = scaled.indexOf(Math.max(...scaled));
  const choice = HEADING_CLASSES[best]!;
  ctx.decisions.push({ kind: 'heading', line: item.block.line, choice, confidence: p[best]! });
  return { choice, confidence: p[best]! };
}

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

/** The next block after items[idx] (furniture aside) is a heading. */
function headsItems(items: Item[], idx: number): boolean {
  return items.slice(idx + 1).find((i) => i.kind !== 'furniture')?.kind === 'heading';
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
      ctx.toFurniture(item, item.forced === 'banner' ? 'banner' : 'furniture');
      return;
    }
    // A column label (## 简讯) over headed items is furniture, and its items briefs. Over plain text it
    // is a headline like any other (人民日报 prints 新闻速递 as one story, its items' titles in the text).
    const label = (item.kind === 'heading' || item.kind === 'para') && headsItems(items, idx) ? sectionKind(item.text) : null;
    if (label) {
      ctx.toFurniture(item, 'furniture');
      section = { level: item.block.level || 9, kind: label };
      cur = null;
      return;
    }
    if (item.kind === 'heading' && cur && !section && !item.forced && cur.items.some((i) => i.kind === 'para')) {
      const call = classifyHeading(ctx, item, cur, idx);
      if (call?.choice === 'banner') {
        ctx.toFurniture(item, 'banner', call.confidence);
        return;
      }
      if (call ? call.choice === 'subhead' : isInArticleSubhead(item, cur, items, idx)) {
        cur.items.push(item);
        return;
      }
    }
    if (item.kind === 'heading') {
      if (section) {
        const lvl = item.block.level;
        if (section.itemLevel === undefined && lvl >= section.level) section.itemLevel = lvl;
        else if (lvl < (section.itemLevel ?? section.level)) section = null;
      }
      const opens = item.forced === 'head' || item.forced === 'kicker';
      // The heading after an editor's kicker is its headline: it stays in the kicker's run.
      const underKicker = cur?.heads.at(-1)?.forced === 'kicker' && cur.items.length === 0;
      if (!cur || cur.items.length > 0 || (opens && !underKicker)) {
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
