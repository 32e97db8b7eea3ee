/**
 * Pass `assemble`: reads each body's heading run (引题, 主题, 副题), decides the article's kind, applies
 * an editor's article overrides and gives every article its id.
 */
import { readHeadingRun, splitOneLine, type HeadingLine, type LineSplitter } from '../headings';
import { kickerFeatures, kickerSites } from '../model/features';
import { predict } from '../model/logistic';
import { articleId, uniqueIds } from '../id';
import { applyArticleOverrides } from '../overrides';
import type { Article, ArticleKind, BodyBlock, Byline } from '../types';
import type { Body, Built, ParseContext, Pass } from './context';

function firstSentence(text: string): string {
  const m = /^(.{4,40}?)[，,。！？；]/.exec(text);
  return (m ? m[1]! : text.slice(0, 24)).trim();
}

/** The kicker model's way to divide a heading line: the likeliest space, if likely enough. */
function modelSplitter(ctx: ParseContext, line: number): LineSplitter {
  const model = ctx.models.kicker;
  if (!model) return splitOneLine;
  return (text) => {
    let best: { left: string; right: string; prob: number } | undefined;
    for (const site of kickerSites(text)) {
      const features = kickerFeatures(site);
      ctx.options.trace?.({ kind: 'kicker', line, features, left: site.left });
      const prob = predict(model, features)[1]!;
      if (!best || prob > best.prob) best = { left: site.left, right: site.right, prob };
    }
    if (!best) return { headline: text };
    const split = best.prob >= model.threshold;
    ctx.decisions.push({ kind: 'kicker', line, choice: split ? 'kicker' : 'headline', confidence: split ? best.prob : 1 - best.prob, note: best.left });
    return split ? { kicker: best.left, headline: best.right } : { headline: text };
  };
}

function assembleArticle(ctx: ParseContext, b: Body): Built {
  const { draft: d, list, bylines, repairs } = b;
  const heads: HeadingLine[] = d.heads.map((h) => ({ level: h.block.level, text: h.text }));
  // An editor's kicker: the line is the 引题 whatever its size; the rest of the run is read as usual.
  const kicker = d.heads[0]?.forced === 'kicker' && heads.length > 1 ? heads.shift()!.text : undefined;
  let hb;
  if (kicker) {
    const rest = readHeadingRun(heads, (text) => ({ headline: text }));
    hb = { ...rest, kicker: [kicker, rest.kicker].filter(Boolean).join(' ') };
  } else if (heads.length > 0) hb = readHeadingRun(heads, modelSplitter(ctx, d.heads[0]!.block.line));
  else {
    // A story without a headline on this page: a continuation (上接) or the top of the page.
    const first = list.find((p) => !p.subhead);
    hb = { headline: first ? firstSentence(first.text) : '', split: false };
  }
  if (hb.split) repairs.push({ kind: 'heading-split', line: d.heads[0]!.block.line, text: d.heads[0]!.block.raw });

  const body: BodyBlock[] = list.map((p) => (p.subhead ? { type: 'h', text: p.text } : { type: 'p', text: p.text }));
  const kind = kindOf(hb.headline, hb.kicker, bylines, body, b.creditAfterText, d.section);
  // Key order as in the expected shape: kicker, headline, subheadline, kind, bylines, body, jump.
  const article: Omit<Article, 'id'> = {
    ...(hb.kicker ? { kicker: hb.kicker } : {}),
    headline: hb.headline,
    ...(hb.subheadline ? { subheadline: hb.subheadline } : {}),
    kind,
    bylines,
    body,
    ...(b.jump ? { jump: b.jump } : {}),
    ...(b.continuedFrom ? { continuedFrom: b.continuedFrom } : {}),
  };
  return { article, line: d.heads[0]?.block.line ?? d.items[0]?.block.line ?? 0, repairs };
}

function assemble(ctx: ParseContext): void {
  ctx.built = ctx.bodies.map((b) => assembleArticle(ctx, b));
  applyArticleOverrides(ctx.built, ctx.options.overrides, ctx.meta, ctx.repairs);
  const ids = uniqueIds(ctx.built.map((b) => articleId(ctx.meta.date, ctx.meta.page, b.article.headline, b.article.kicker)));
  ctx.articles = ctx.built.map((b, i) => {
    for (const r of b.repairs) ctx.repairs.push({ ...r, articleId: ids[i] });
    return { id: ids[i]!, ...b.article };
  });
}

export const assemblePass: Pass = {
  name: 'assemble',
  run: assemble,
};

const PHOTO_ROLES = /^(摄影|摄|摄影记者|图|图片|文[/／]图|图[/／]文)$/;
/** A drawing credited after its caption (漫画, 制图) is a picture item too. */
const DRAWING_ROLES = /^(制图|漫画|绘图|绘)$/;
const COMMENTARY = /(评论|短评|时评|快评|社论|述评|随笔|杂谈|锐评|评论员|观点)/;

function kindOf(
  headline: string,
  kicker: string | undefined,
  bylines: Byline[],
  body: BodyBlock[],
  creditAfterText: boolean,
  section?: 'brief' | 'photo',
): ArticleKind {
  const paraCount = body.filter((b) => b.type === 'p').length;
  const photoCredit =
    bylines.some((b) => PHOTO_ROLES.test(b.role)) ||
    (creditAfterText && paraCount <= 1 && bylines.length > 0 && bylines.every((b) => DRAWING_ROLES.test(b.role)));
  if (section === 'photo' || (photoCredit && (paraCount <= 1 || (paraCount <= 2 && (creditAfterText || /图/.test(bylines[0]!.role))))))
    return 'photo';
  // Under 简讯 an item is a brief; a story with a byline or several paragraphs is not.
  if (section === 'brief' && bylines.length === 0 && paraCount <= 2) return 'brief';
  if (bylines.some((b) => b.role === '' || /评论员/.test(b.role)) || COMMENTARY.test(`${kicker ?? ''}${headline}`))
    return 'commentary';
  return 'news';
}
