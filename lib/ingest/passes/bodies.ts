/**
 * Pass `bodies`: turns each draft into an article body: paragraphs and in-article headings in print
 * order, bylines, jump lines. A draft with nothing left to read (its text all dropped as repeats, or a
 * heading with nothing under it) ends here: its heading goes to the furniture or the repair log.
 */
import type { RawBlock } from '../blocks';
import { splitInlineJump, type Jump } from '../bylines';
import { normalizeForCompare } from '../text';
import type { Byline, Repair } from '../types';
import { keyOf, type Body, type Draft, type Para, type ParseContext, type Pass } from './context';

/** Banners are slogans: two or more balanced phrases of 3–7 Han characters, no punctuation (砥砺实干 镇在突破). */
export function isSloganBanner(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return (
    parts.length >= 2 &&
    parts.every((p) => /^\p{Script=Han}{3,7}$/u.test(p)) &&
    Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length)) <= 1
  );
}

function buildBody(ctx: ParseContext, d: Draft): Body | null {
  const repairs: Repair[] = [];
  const bylines: Byline[] = [];
  let creditAfterText = false;
  let jump: Body['jump'];
  let continuedFrom: Body['continuedFrom'];
  const list: Para[] = [];

  const noteJump = (j: Jump, block: RawBlock, note?: string) => {
    if (j.dir === 'to') jump = { toPage: j.page };
    else continuedFrom = { fromPage: j.page };
    repairs.push({ kind: 'jump-line', line: block.line, text: block.raw, ...(note ? { note } : {}) });
  };

  const lastPara = d.items.findLastIndex((i) => i.kind === 'para' && !i.dropped);
  for (const [k, item] of d.items.entries()) {
    if (item.dropped) continue;
    // A credit between paragraphs of one story (本报记者 王伟健 above the part he wrote) is read with
    // the text it stands in, as the paper prints it; the story's own byline stands above its text.
    if (item.kind === 'byline' && list.length > 0 && k < lastPara) {
      list.push({ text: item.text, line: item.block.line, subhead: false, moved: false, fixed: false, credit: true, lines: [item.block.line] });
      continue;
    }
    switch (item.kind) {
      case 'byline': {
        if (list.length > 0) creditAfterText = true;
        for (const b of item.bylines!) bylines.push(b);
        // 本报记者 → 记者, 何以 摄 → 摄影 何以: the printed form stays in the log.
        const printed = item.text.replace(/[■□●▲◆◇★☆\s:：]/g, '');
        if (printed !== item.bylines!.map((b) => b.role + b.names.join('')).join('')) {
          repairs.push({ kind: 'byline-normalized', line: item.block.line, text: item.block.raw });
        }
        break;
      }
      case 'jump':
        noteJump(item.jump!, item.block);
        break;
      case 'heading':
        list.push({
          text: item.text,
          line: item.block.line,
          subhead: true,
          moved: false,
          fixed: false,
          printedHeading: true,
          lines: [item.block.line],
        });
        break;
      case 'para': {
        const inline = splitInlineJump(item.text);
        if (inline) noteJump(inline.jump, item.block, `jump line ${inline.marker} taken out of the paragraph`);
        list.push({
          text: inline ? inline.text : item.text,
          line: item.block.line,
          subhead: item.forced === 'subhead',
          moved: false,
          fixed: item.forced === 'subhead' || item.forced === 'para',
          lines: [item.block.line],
        });
        break;
      }
      default:
        break;
    }
  }

  const repeat = d.items.some((i) => i.dropped);
  if (list.length === 0 && (repeat || bylines.length === 0 || d.heads.length === 0)) {
    // Nothing left to read. A headline with a byline and no text (the text is on another page or
    // lost) stays an article.
    for (const h of d.heads) {
      if (repeat || (ctx.seen.get(keyOf(h)) ?? 0) > 1) repairs.push({ kind: 'repeat-dropped', line: h.block.line, text: h.block.raw });
      else ctx.toFurniture(h, 'furniture');
    }
    for (const i of d.items) {
      if (i.kind === 'byline') repairs.push({ kind: repeat ? 'repeat-dropped' : 'orphan', line: i.block.line, text: i.block.raw });
    }
    ctx.repairs.push(...repairs);
    return null;
  }
  // The converter sometimes prints a headline line twice.
  for (let k = d.heads.length - 1; k > 0; k--) {
    const h = d.heads[k]!;
    if (!ctx.edits.keep.has(h.block.line) && d.heads.slice(0, k).some((o) => normalizeForCompare(o.text) === normalizeForCompare(h.text))) {
      repairs.push({ kind: 'repeat-dropped', line: h.block.line, text: h.block.raw });
      d.heads.splice(k, 1);
    }
  }
  // A slogan in bigger type above a full headline run (## 奋进新征程 建功新时代 / ### …) is a banner.
  const first = d.heads[0];
  if (
    first &&
    first.block.level <= 2 &&
    d.heads.length >= 2 &&
    isSloganBanner(first.text) &&
    d.heads.slice(1).every((h) => h.block.level > first.block.level)
  ) {
    ctx.toFurniture(first, 'banner');
    d.heads.shift();
  }
  const titles = d.heads.map((h) => h.text).join(' ');
  return { draft: d, list, bylines, creditAfterText, jump, continuedFrom, titles, repairs };
}

export const bodiesPass: Pass = {
  name: 'bodies',
  run(ctx) {
    ctx.bodies = [];
    for (const d of ctx.drafts) {
      const body = buildBody(ctx, d);
      if (body) ctx.bodies.push(body);
    }
  },
};
