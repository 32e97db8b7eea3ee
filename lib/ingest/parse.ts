/**
 * Rebuilds the articles of one printed page from a PDF/OCR converter's noisy markdown.
 *
 * The passes, in order: split into blocks; classify each (heading, byline, jump line, furniture,
 * paragraph); cut the page into article drafts at heading runs; drop repeated blocks, keeping the
 * copy under its own headline; fold stray banners back into the story they interrupt; then, inside
 * each article, put misplaced column tails back, rejoin column breaks and mark subheads.
 * Every input block ends in an article, the furniture or the repair log.
 */
import { splitBlocks, type RawBlock } from './blocks';
import { parseByline, parseJumpLine, splitInlineJump, type Jump } from './bylines';
import { isFurnitureText, sectionKind } from './furniture';
import { readHeadingRun, type HeadingLine } from './headings';
import { articleId, uniqueIds } from './id';
import { applyArticleOverrides, applyBlockOverrides, type Forced, type Overrides } from './overrides';
import {
  bigrams,
  endsOpen,
  hanCount,
  hasSentencePunctuation,
  isOpener,
  normalizeForCompare,
  opensParagraph,
  quoteBalance,
  spansWord,
  startsMidSentence,
  weakInitial,
} from './text';
import type { Article, ArticleKind, BodyBlock, Byline, Page, PageMeta, Repair } from './types';

type ItemKind = 'heading' | 'byline' | 'jump' | 'furniture' | 'para';

interface Item {
  kind: ItemKind;
  block: RawBlock;
  text: string;
  bylines?: Byline[];
  jump?: Jump;
  dropped?: boolean;
  /** The block's text as compared for repeats (normalizeForCompare), computed once. */
  key?: string;
  /** Set by an editor's override: the rules must not change what the block is. */
  forced?: Forced;
}

interface Draft {
  heads: Item[];
  items: Item[];
  /** Set under a section label such as ## 简讯: the items that follow are briefs. */
  section?: 'brief' | 'photo';
}

/** A paragraph on its way into an article: its text may grow as fragments join it. */
interface Para {
  text: string;
  line: number;
  subhead: boolean;
  /** Put back from elsewhere in the article (a column tail printed above its start). */
  moved?: boolean;
  /** Forced by an override to be a subhead or a paragraph. */
  fixed?: boolean;
}

export interface ParseOptions {
  /** First line of the page text in its file (after front matter), so repairs point at file lines. */
  firstLine?: number;
  /** An editor's corrections (lib/ingest/overrides.ts), logged as repairs of kind 'override'. */
  overrides?: Overrides;
}

export function parsePage(text: string, meta: PageMeta, options: ParseOptions = {}): Page {
  const repairs: Repair[] = [];
  const furniture: { line: number; text: string }[] = [];
  const toFurniture = (item: Item, kind: 'furniture' | 'banner') => {
    furniture.push({ line: item.block.line, text: item.text });
    repairs.push({ kind, line: item.block.line, text: item.block.raw });
  };

  const classified = splitBlocks(text, options.firstLine ?? 1).map((b) => classify(b, meta));
  const items = applyBlockOverrides(classified, options.overrides, repairs);
  const drafts = segment(items, toFurniture);
  // How often each heading or paragraph text occurs: a lone heading printed twice is a repeat.
  const seen = new Map<string, number>();
  for (const i of items) {
    if (i.kind !== 'heading' && i.kind !== 'para') continue;
    const key = keyOf(i);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  dropRepeats(drafts, repairs);
  foldBanners(drafts, toFurniture);

  const built: { article: Omit<Article, 'id'>; line: number; repairs: Repair[] }[] = [];
  for (const d of drafts) {
    const local: Repair[] = [];
    const article = buildArticle(d, local, toFurniture, seen);
    if (article) built.push({ article, line: d.heads[0]?.block.line ?? d.items[0]?.block.line ?? 0, repairs: local });
    else for (const r of local) repairs.push(r);
  }

  applyArticleOverrides(built, options.overrides, meta, repairs);
  const ids = uniqueIds(built.map((b) => articleId(meta.date, meta.page, b.article.headline, b.article.kicker)));
  const articles: Article[] = built.map((b, i) => {
    for (const r of b.repairs) repairs.push({ ...r, articleId: ids[i] });
    return { id: ids[i]!, ...b.article };
  });
  // Drops made before ids existed name the article by the line of its headline.
  repairs.sort((a, b) => a.line - b.line);
  furniture.sort((a, b) => a.line - b.line);
  return { furniture: furniture.map((f) => f.text), articles, repairs };
}

const keyOf = (item: Item) => (item.key ??= normalizeForCompare(item.text));

function classify(block: RawBlock, meta: PageMeta): Item {
  // Every item is made with all its fields, so they share one object shape (the passes below are hot).
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

/** Cuts the page at heading runs: each run opens an article draft. */
function segment(items: Item[], toFurniture: (i: Item, k: 'furniture') => void): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  // Under a section label (## 简讯) the items are headed one level smaller (####); a heading as big as
  // the label or bigger than the items (###) ends the section.
  let section: { level: number; itemLevel?: number; kind: 'brief' | 'photo' } | null = null;
  items.forEach((item, idx) => {
    if (item.kind === 'furniture') {
      toFurniture(item, 'furniture');
      return;
    }
    const label = item.kind === 'heading' || item.kind === 'para' ? sectionKind(item.text) : null;
    if (label) {
      toFurniture(item, 'furniture');
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

/**
 * A small heading (####) alone between two paragraphs of a story is one of its subheads (小标题), not
 * a new article: no bigger heading stands with it and no byline follows it.
 */
function isInArticleSubhead(item: Item, cur: Draft, items: Item[], idx: number): boolean {
  if (item.forced || item.block.level < 4 || cur.heads.length === 0) return false;
  if (!cur.items.some((i) => i.kind === 'para')) return false;
  const next = items.slice(idx + 1).find((i) => i.kind !== 'furniture');
  return next?.kind === 'para' && !isOpener(next.text) && hanCount(item.text) <= 20;
}

const paras = (d: Draft) => d.items.filter((i) => i.kind === 'para' && !i.dropped);

/**
 * Drops repeated paragraphs. Of the copies of one paragraph, the one kept sits in the article it
 * belongs to: the article whose opening run it is part of, else the one whose other text it
 * resembles most; within that article the first copy stays.
 */
function dropRepeats(drafts: Draft[], repairs: Repair[]) {
  const groups = new Map<string, { draft: number; item: Item }[]>();
  drafts.forEach((d, di) => {
    for (const item of d.items) {
      if (item.kind !== 'para') continue;
      const key = keyOf(item);
      if (key.length < 4) continue;
      const g = groups.get(key) ?? [];
      g.push({ draft: di, item });
      groups.set(key, g);
    }
  });
  const repeated = new Set<Item>();
  let crossArticle = false;
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    for (const c of g) repeated.add(c.item);
    if (g.some((c) => c.draft !== g[0]!.draft)) crossArticle = true;
  }
  if (repeated.size === 0) return;

  // Only a paragraph repeated in two articles needs the articles' vocabularies.
  const uniqueText = (crossArticle ? drafts : []).map((d) =>
    bigrams(
      d.heads.map((h) => h.text).join('') +
        d.items.filter((i) => i.kind === 'para' && !repeated.has(i)).map((i) => i.text).join(''),
    ),
  );
  // Bigrams shared by many articles (负责, 市民) say little about where a paragraph belongs.
  const df = new Map<number, number>();
  for (const set of uniqueText) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const weight = (g: number) => Math.log((drafts.length + 1) / ((df.get(g) ?? 0) + 0.5));
  const similarity = (text: string, di: number) => {
    let hit = 0;
    let all = 0;
    for (const g of bigrams(text)) {
      const w = weight(g);
      all += w;
      if (uniqueText[di]!.has(g)) hit += w;
    }
    return all > 0 ? hit / all : 0;
  };
  // Where each article's own (unrepeated) text starts and ends: a copy before the start opens the
  // article (only repeats stand between it and the headline); a copy after the end closes it, the
  // usual place of a bleed.
  const bounds = drafts.map((d) => {
    const own = d.items.map((i, k) => (i.kind === 'para' && !repeated.has(i) ? k : -1)).filter((k) => k >= 0);
    return { first: own[0] ?? Infinity, last: own.at(-1) ?? -1 };
  });
  const opensArticle = (di: number, item: Item) =>
    drafts[di]!.heads.length > 0 && drafts[di]!.items.indexOf(item) < bounds[di]!.first;
  const closesArticle = (di: number, item: Item) => drafts[di]!.items.indexOf(item) > bounds[di]!.last;
  /** A copy cut mid-word whose other half (…配 + 备了…) is in the article is at home there. */
  const completedIn = (di: number, item: Item) =>
    endsOpen(item.text) &&
    drafts[di]!.items.some((i) => i.kind === 'para' && !repeated.has(i) && spansWord(item.text, i.text));

  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const drafted = new Set(g.map((c) => c.draft));
    let home = g[0]!.draft;
    if (drafted.size > 1) {
      let best = -1;
      for (const di of drafted) {
        const copy = g.find((c) => c.draft === di)!;
        const score =
          (opensArticle(di, copy.item) ? 1 : 0) +
          (completedIn(di, copy.item) ? 1 : 0) -
          (closesArticle(di, copy.item) ? 0.5 : 0) +
          similarity(copy.item.text, di);
        if (score > best) {
          best = score;
          home = di;
        }
      }
    }
    const kept = g.find((c) => c.draft === home)!;
    for (const c of g) {
      if (c === kept) continue;
      c.item.dropped = true;
      repairs.push({
        kind: c.draft === home ? 'repeat-dropped' : 'bleed-dropped',
        line: c.item.block.line,
        text: c.item.block.raw,
        keptLine: kept.item.block.line,
      });
    }
  }
}

/**
 * A heading that interrupts a sentence (砥砺实干 镇在突破 between 更令人期 and 待的是) is a banner:
 * it owns no byline, and the story above it stops mid-sentence. Its draft goes back to that story.
 */
function foldBanners(drafts: Draft[], toFurniture: (i: Item, k: 'banner') => void) {
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
    toFurniture(head, 'banner');
    prev.items.push(...d.items);
    drafts.splice(i, 1);
    i--;
  }
}

function buildArticle(
  d: Draft,
  repairs: Repair[],
  toFurniture: (i: Item, k: 'furniture' | 'banner') => void,
  seen: Map<string, number>,
): Omit<Article, 'id'> | null {
  const bylines: Byline[] = [];
  let creditAfterText = false;
  let jump: Article['jump'];
  let continuedFrom: Article['continuedFrom'];
  const list: Para[] = [];

  const noteJump = (j: Jump, block: RawBlock, note?: string) => {
    if (j.dir === 'to') jump = { toPage: j.page };
    else continuedFrom = { fromPage: j.page };
    repairs.push({ kind: 'jump-line', line: block.line, text: block.raw, ...(note ? { note } : {}) });
  };

  for (const item of d.items) {
    if (item.dropped) continue;
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
        list.push({ text: item.text, line: item.block.line, subhead: true, moved: false, fixed: false });
        break;
      case 'para': {
        const inline = splitInlineJump(item.text);
        if (inline) noteJump(inline.jump, item.block, `jump line ${inline.marker} taken out of the paragraph`);
        const fixed = item.forced === 'subhead' || item.forced === 'para';
        list.push({
          text: inline ? inline.text : item.text,
          line: item.block.line,
          subhead: item.forced === 'subhead',
          moved: false,
          fixed,
        });
        break;
      }
      default:
        break;
    }
  }

  const repeat = d.items.some((i) => i.dropped);
  if (list.length === 0 && (repeat || bylines.length === 0 || d.heads.length === 0)) {
    // Nothing left to read: a whole article printed twice (its text all dropped as repeats), or a
    // heading with nothing under it (a section label, a stray title). A headline with a byline and
    // no text (the text is on another page or lost) stays an article.
    for (const h of d.heads) {
      if (repeat || (seen.get(keyOf(h)) ?? 0) > 1)
        repairs.push({ kind: 'repeat-dropped', line: h.block.line, text: h.block.raw });
      else toFurniture(h, 'furniture');
    }
    for (const i of d.items) {
      if (i.kind === 'byline') repairs.push({ kind: repeat ? 'repeat-dropped' : 'orphan', line: i.block.line, text: i.block.raw });
    }
    return null;
  }
  // The converter sometimes prints a headline line twice.
  for (let k = d.heads.length - 1; k > 0; k--) {
    const h = d.heads[k]!;
    if (d.heads.slice(0, k).some((o) => normalizeForCompare(o.text) === normalizeForCompare(h.text))) {
      repairs.push({ kind: 'repeat-dropped', line: h.block.line, text: h.block.raw });
      d.heads.splice(k, 1);
    }
  }

  // A slogan in bigger type above a full headline run (## 奋进新征程 建功新时代 / ### …) is a banner.
  const first = d.heads[0];
  if (first && first.block.level <= 2 && d.heads.length >= 2 && isSloganBanner(first.text) && d.heads.slice(1).every((h) => h.block.level > first.block.level)) {
    toFurniture(first, 'banner');
    d.heads.shift();
  }

  markSubheads(list);
  const titles = d.heads.map((h) => h.text).join(' ');
  putBackColumns(list, jump !== undefined, titles, repairs);
  joinColumnBreaks(list, jump !== undefined, titles, repairs);
  dropContained(list, repairs);

  const heads: HeadingLine[] = d.heads.map((h) => ({ level: h.block.level, text: h.text }));
  let hb;
  if (heads.length > 0) hb = readHeadingRun(heads);
  else {
    // A story without a headline on this page: a continuation (上接) or the top of the page.
    const first = list.find((p) => !p.subhead);
    hb = { headline: first ? firstSentence(first.text) : '', split: false };
  }
  if (hb.split) repairs.push({ kind: 'heading-split', line: d.heads[0]!.block.line, text: d.heads[0]!.block.raw });

  const body: BodyBlock[] = list.map((p) => (p.subhead ? { type: 'h', text: p.text } : { type: 'p', text: p.text }));
  const kind = kindOf(hb.headline, hb.kicker, bylines, body, creditAfterText, d.section);
  const article: Omit<Article, 'id'> = { headline: hb.headline, kind, bylines, body };
  if (hb.kicker) article.kicker = hb.kicker;
  if (hb.subheadline) article.subheadline = hb.subheadline;
  if (jump) article.jump = jump;
  if (continuedFrom) article.continuedFrom = continuedFrom;
  // Key order as in the expected shape: kicker, headline, subheadline, kind, bylines, body, jump.
  const { kicker, headline, subheadline, ...rest } = article;
  return { ...(kicker ? { kicker } : {}), headline, ...(subheadline ? { subheadline } : {}), ...rest };
}

/** Banners are slogans: two or more balanced phrases, no punctuation (砥砺实干 镇在突破). */
function isSloganBanner(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return (
    parts.length >= 2 &&
    parts.every((p) => /^\p{Script=Han}{3,7}$/u.test(p)) &&
    Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length)) <= 1
  );
}

function firstSentence(text: string): string {
  const m = /^(.{4,40}?)[，,。！？；]/.exec(text);
  return (m ? m[1]! : text.slice(0, 24)).trim();
}

/** A short line with no sentence punctuation between finished paragraphs is a subhead (小标题). */
function isSubheadLike(text: string): boolean {
  const n = hanCount(text);
  // A heading never ends on a particle or preposition: 走进位于高新区东片的 is half a sentence.
  return n >= 2 && text.length <= 20 && !/[，,。；;！!？?、：:]/.test(text) && !/[的地得着在和与及对将把被向从为以于等或而并且之]$/.test(text);
}

function markSubheads(list: Para[]) {
  list.forEach((p, i) => {
    if (p.subhead || p.fixed || !isSubheadLike(p.text)) return;
    const prev = list[i - 1];
    const next = list[i + 1];
    const prevClosed = !prev || prev.subhead || !endsOpen(prev.text);
    const nextStarts = !!next && !next.subhead && !startsMidSentence(next.text);
    if (prevClosed && nextStarts) p.subhead = true;
  });
}

const size = (ps: Para[]) => ps.reduce((n, p) => n + p.text.length, 0);

/**
 * The converter sometimes emits a later column before an earlier one: a column's first block (the
 * tail of a sentence cut at the foot of the column before it) then stands above the block it
 * completes. Two patterns put it back:
 * - an opener (本报讯 …) below other text: everything above the opener is a later column, and goes
 *   after the first block from the opener on that stops mid-sentence;
 * - the last block stops mid-sentence with no jump line: the first block after the lead paragraph
 *   starts the later column. The blocks from it up to where the earlier column begins (chosen so the
 *   two columns are of about equal height, the later one at most a little longer) move after it.
 */
function putBackColumns(list: Para[], jumps: boolean, titles: string, repairs: Repair[]) {
  const body = list.map((p, i) => (p.subhead ? -1 : i)).filter((i) => i >= 0);
  if (body.length < 2 || list.slice(0, body[0]).some((p) => p.subhead)) return;
  const move = (t: number, k: number, d: number) => {
    const moved = list.splice(t, k - t);
    const head = list[d - (k - t)]!;
    moved[0]!.moved = true;
    for (const p of moved.slice(1)) repairs.push({ kind: 'fragment-moved', line: p.line, text: p.text, note: `moved after line ${head.line}` });
    list.splice(list.indexOf(head) + 1, 0, ...moved);
  };

  const first = body[0]!;
  const opener = body.find((i) => i > first && isOpener(list[i]!.text));
  if (!isOpener(list[first]!.text) && opener !== undefined) {
    const d = body.find((i) => i >= opener && endsOpen(list[i]!.text));
    // Strong evidence: the later column goes back even before a jump line.
    if (d !== undefined) move(first, opener, d);
    return;
  }

  const d = body.at(-1)!;
  if (!endsOpen(list[d]!.text) || jumps) return;
  // Only when the best tail for the last block sits at the top of a column do whole columns move;
  // a tail anywhere else is simply joined (joinColumnBreaks).
  const t = bestTail(list, d, titles, true);
  if (t === -1 || t !== columnTopIndex(list, titles) || list.slice(t, d).some((p) => p.subhead)) return;
  move(t, earlierColumnStart(list, t, d, titles), d);
}

/**
 * Where the earlier column starts among list[t+1..d]: at the last block that opens a paragraph the
 * way leads do (本报讯, 入夏以来, 在…, 张三指出,: the column holding the cut sentence starts there);
 * else at the first that shares the headline's words (the story's opening paragraph); else where the
 * two columns are of about equal height (the later one at most a little longer).
 */
function earlierColumnStart(list: Para[], t: number, d: number, titles: string): number {
  const strength = (i: number) => (list[i]!.subhead ? 0 : leadStrength(list[i]!.text, titles));
  for (let i = d; i > t; i--) if (strength(i) === 2) return i;
  for (let i = t + 1; i <= d; i++) if (strength(i) === 1) return i;
  let k = d;
  for (let i = t + 1; i <= d; i++) {
    if (size(list.slice(t, i)) <= 1.2 * size(list.slice(i, d + 1))) k = i;
  }
  return k;
}

const leadCache = new Map<string, boolean>();

/** The first paragraph of a story: an opener, a time or place lead-in, or the headline's words. */
function leadLike(text: string, titles: string): boolean {
  const key = `${titles}\u0000${text.slice(0, 40)}`;
  let hit = leadCache.get(key);
  if (hit === undefined) {
    hit = isLeadLike(text, titles);
    if (leadCache.size > 10_000) leadCache.clear();
    leadCache.set(key, hit);
  }
  return hit;
}

function isLeadLike(text: string, titles: string): boolean {
  return leadStrength(text, titles) > 0;
}

/** 2: opens the way leads do (本报讯, a time or place lead-in); 1: its first sentence shares two of the headline's character pairs. */
function leadStrength(text: string, titles: string): number {
  if (isOpener(text) || opensParagraph(text)) return 2;
  const own = bigrams(titles);
  const sentence = text.split(/[。！？]/)[0] ?? text;
  let shared = 0;
  for (const g of bigrams(sentence)) if (own.has(g)) shared++;
  return shared >= 2 ? 1 : 0;
}

/**
 * A paragraph that stops mid-sentence continues in another block: usually the next one (a column
 * break), sometimes one printed elsewhere in the article (the converter emitted a later column
 * first). Each candidate is scored on what can be seen: being next, a visibly mid-sentence start,
 * a quote the open block leaves open and the candidate closes, an opener that rules it out.
 */
function joinColumnBreaks(list: Para[], jumps: boolean, titles: string, repairs: Repair[]) {
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.subhead) continue;
    while (endsOpen(p.text)) {
      const isLast = !list.slice(i + 1).some((q) => !q.subhead);
      // A story that jumps to another page stops mid-sentence by design.
      if (isLast && jumps) break;
      const best = bestTail(list, i, titles, false);
      if (best === -1) break;
      const q = list[best]!;
      const kind = best === i + 1 && !q.moved ? 'column-break-joined' : 'fragment-moved';
      repairs.push({ kind, line: q.line, text: q.text, note: `joined to line ${p.line}` });
      p.text += q.text;
      list.splice(best, 1);
      if (best < i) i--;
    }
  }
}

/** What a block's start says about it as a continuation; computed once per block. */
interface StartSigns {
  opener: boolean;
  score: number;
  closesQuote: boolean;
}
const startSigns = new WeakMap<Para, StartSigns>();

function signsOf(q: Para): StartSigns {
  let s = startSigns.get(q);
  if (!s) {
    let score = 0;
    if (startsMidSentence(q.text)) score += 3;
    // A "paragraph" of one short sentence (老师史伟洋说。) is the end of a cut one.
    if (q.text.length <= 12) score += 3;
    if (weakInitial(q.text)) score += 3;
    if (opensParagraph(q.text)) score -= 2;
    s = { opener: isOpener(q.text), score, closesQuote: quoteBalance(q.text) < 0 };
    startSigns.set(q, s);
  }
  return s;
}

function continuationScore(p: Para, q: Para, offset: number, pOpensQuote: boolean): number {
  const s = signsOf(q);
  if (s.opener) return -10;
  let score = (offset === 1 ? 3 : offset === -1 ? 1 : 0) + s.score;
  if (s.closesQuote) score += pOpensQuote ? 3 : -2;
  // The cut went through a word: 技术培 + 训和产品回收.
  if (spansWord(p.text, q.text)) score += 3;
  return score;
}

/**
 * Where a later column's first block lands when the converter emits columns out of order: the
 * body's first block, or the first after the lead paragraph and the blocks that continue it.
 */
function columnTopIndex(list: Para[], titles: string): number {
  const body = list.map((p, i) => (p.subhead ? -1 : i)).filter((i) => i >= 0);
  let at = body.length > 0 && leadLike(list[body[0]!]!.text, titles) ? 1 : 0;
  while (at > 0 && at < body.length && endsOpen(list[body[at - 1]!]!.text)) at++;
  return body[at] ?? -1;
}

function subheadBetween(list: Para[], x: number, y: number): boolean {
  for (let k = Math.min(x, y) + 1; k < Math.max(x, y); k++) if (list[k]!.subhead) return true;
  return false;
}

/** The block that best continues the open block list[i], or -1 when none is likely enough. */
function bestTail(list: Para[], i: number, titles: string, beforeOnly: boolean): number {
  const p = list[i]!;
  const opensQuote = quoteBalance(p.text) > 0;
  const top = columnTopIndex(list, titles);
  const hasSubheads = list.some((x) => x.subhead);
  let best = -1;
  let bestScore = 0;
  // The next block is looked at first, so that on a tie the plain column break wins.
  for (let k = -1; k < list.length; k++) {
    const qi = k === -1 ? i + 1 : k;
    if (qi >= list.length || (k !== -1 && qi === i + 1)) continue;
    const q = list[qi]!;
    if (qi === i || q.subhead || (beforeOnly && qi > i)) continue;
    // A block that is already the natural continuation of another open block is taken.
    if (qi > 0 && qi - 1 !== i && endsOpenAt(list, qi - 1)) continue;
    // Subheads split a story into sections; a cut sentence does not continue across one.
    if (hasSubheads && subheadBetween(list, qi, i)) continue;
    let score = continuationScore(p, q, qi - i, opensQuote);
    if (qi < i - 1 && qi === top) score += 2;
    if (score > bestScore) {
      bestScore = score;
      best = qi;
    }
  }
  return best;
}

function endsOpenAt(list: Para[], i: number): boolean {
  const p = list[i];
  return !!p && !p.subhead && endsOpen(p.text);
}

/** A block repeated inside a longer one (a partial repeat) is dropped. */
function dropContained(list: Para[], repairs: Repair[]) {
  const norms = list.map((p) => normalizeForCompare(p.text));
  for (let i = list.length - 1; i >= 0; i--) {
    const n = norms[i]!;
    if (list[i]!.subhead || n.length < 12) continue;
    const owner = norms.findIndex((m, j) => j !== i && m.length > n.length && m.includes(n));
    if (owner === -1) continue;
    repairs.push({ kind: 'repeat-dropped', line: list[i]!.line, text: list[i]!.text, keptLine: list[owner]!.line });
    list.splice(i, 1);
    norms.splice(i, 1);
  }
}

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
