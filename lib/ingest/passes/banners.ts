/**
 * Pass `banners`: a slogan printed across the page (a banner) reads to the converter like a headline.
 * A draft opened by such a heading goes back to the story it interrupts.
 */
import { endsOpen, hasSentencePunctuation, isOpener } from '../text';
import { paras, type ParseContext, type Pass } from './context';

/**
 * A heading that interrupts a sentence (砥砺实干 镇在突破 between 更令人期 and 待的是) is a banner:
 * it owns no byline, and the story above it stops mid-sentence. Its draft goes back to that story.
 */
function foldBanners(ctx: ParseContext): void {
  // With a heading model, banners were decided as the page was cut (pass `headings`).
  if (ctx.models.heading) return;
  const { drafts } = ctx;
  for (let i = 1; i < drafts.length; i++) {
    const d = drafts[i]!;
    const prev = drafts[i - 1]!;
    if (d.heads.length !== 1) continue;
    const head = d.heads[0]!;
    if (head.forced) continue;
    if (hasSentencePunctuation(head.text.replace(/[，,]/g, ''))) continue;
    if (d.items.some((it) => it.kind === 'byline')) continue;
    const lastPrev = paras(prev).at(-1);
    const first = paras(d)[0];
    if (!lastPrev || !first || !endsOpen(lastPrev.text) || isOpener(first.text)) continue;
    ctx.toFurniture(head, 'banner');
    prev.items.push(...d.items);
    drafts.splice(i, 1);
    i--;
  }
}

export const bannersPass: Pass = {
  name: 'banners',
  run: foldBanners,
};
