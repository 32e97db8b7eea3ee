/** Pass `blocks`: splits the page into blocks and says what each is (heading, byline, jump line, furniture, paragraph). */
import { cutBlocks, splitBlocks, type RawBlock } from '../blocks';
import { parseByline, parseJumpLine, type Jump } from '../bylines';
import { isFurnitureText } from '../furniture';
import { applyBlockOverrides, blockAt, breakLines, editsOf } from '../overrides';
import type { Byline, PageMeta } from '../types';
import { keyOf, type Item, type ItemKind, type Pass } from './context';

export function classify(block: RawBlock, meta: PageMeta): Item {
  // Every item is made with all its fields, so they share one object shape (the passes are hot).
  const item = (kind: ItemKind, bylines?: Byline[], jump?: Jump): Item => ({
    kind,
    block,
    text: block.text,
    bylines,
    jump,
    dropped: false,
    key: undefined,
    forced: undefined,
  });
  if (block.level > 0) return item(isFurnitureText(block.text, meta, block.level) ? 'furniture' : 'heading');
  const jump = parseJumpLine(block.text);
  if (jump) return item('jump', undefined, jump);
  const bylines = parseByline(block.lines);
  if (bylines) return item('byline', bylines);
  return item(isFurnitureText(block.text, meta, 0) ? 'furniture' : 'para');
}

export const blocksPass: Pass = {
  name: 'blocks',
  run(ctx) {
    const { overrides } = ctx.options;
    const whole = splitBlocks(ctx.text, ctx.options.firstLine ?? 1);
    const blocks = cutBlocks(whole, breakLines(overrides));
    ctx.edits = editsOf(overrides, blocks);
    const classified = blocks.map((b) => classify(b, ctx.meta));
    ctx.items = applyBlockOverrides(classified, overrides, ctx.repairs);
    for (const b of blocks) {
      // A cut block is logged whole, as it stood in the input.
      const text = ctx.edits.breaks.has(b.line) ? (blockAt(whole, b.line)?.raw ?? b.raw) : '';
      if (text) ctx.repairs.push({ kind: 'override', line: b.line, text, note: 'override: a new paragraph starts here' });
      if (ctx.edits.keep.has(b.line)) ctx.repairs.push({ kind: 'override', line: b.line, text: b.raw, note: 'override: kept, not dropped as a repeat' });
    }
    for (const i of ctx.items) {
      if (i.kind !== 'heading' && i.kind !== 'para') continue;
      const key = keyOf(i);
      ctx.seen.set(key, (ctx.seen.get(key) ?? 0) + 1);
    }
  },
};
