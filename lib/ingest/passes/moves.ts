/**
 * Pass `moves`: an editor's "this block belongs to that article": the block leaves the article it was
 * read into and goes to the one holding the target line, after the block named (or at the end), before
 * the article's paragraphs are rebuilt, so it is joined and ordered there like any block of that story.
 */
import type { Draft, Item, ParseContext, Pass } from './context';

function draftHolding(drafts: Draft[], line: number): { draft: Draft; item?: Item } | undefined {
  for (const draft of drafts) {
    if (draft.heads.some((h) => h.block.line === line)) return { draft };
    const item = draft.items.find((i) => i.block.line === line);
    if (item) return { draft, item };
  }
  return undefined;
}

export const movesPass: Pass = {
  name: 'moves',
  run(ctx: ParseContext) {
    for (const move of ctx.edits.moves) {
      const from = draftHolding(ctx.drafts, move.line);
      const to = draftHolding(ctx.drafts, move.to);
      // A heading is moved by a split or a kicker, not here; checkOverrides names the rule.
      if (!from?.item || !to) continue;
      const item = from.item;
      from.draft.items.splice(from.draft.items.indexOf(item), 1);
      const after = move.after === undefined ? undefined : to.draft.items.findIndex((i) => i.block.line === move.after);
      if (after === undefined || after === -1) to.draft.items.push(item);
      else to.draft.items.splice(after + 1, 0, item);
      const where = to.draft.heads[0] ?? to.draft.items[0];
      ctx.repairs.push({
        kind: 'override',
        line: item.block.line,
        text: item.block.raw,
        note: `override: moved to the article at line ${where?.block.line ?? move.to}${move.after !== undefined ? `, after line ${move.after}` : ''}`,
      });
    }
  },
};
