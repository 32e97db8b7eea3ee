/**
 * Lays clean articles out as a PDF converter's raw markdown, with the seed's kinds of damage, and keeps
 * the clean page as ground truth. Damage: column breaks (also across a banner), the tail of a sentence
 * printed above its start, the second column printed before the first (also twice), adjacent repeats
 * (2–4 copies), far repeats, bleeds of one article's opening at the end of another, headings at the
 * wrong levels (kicker+headline on one line, ###/####/### runs), furniture mixed in.
 */
import type { PageMeta } from '@/lib/ingest/types';
import {
  briefArticles,
  commentaryArticle,
  continuationArticle,
  makeCtx,
  makePaper,
  newsArticle,
  photoArticle,
  type CleanArticle,
  type Paper,
  names,
} from './articles';
import { chance, fork, int, pick, type Rng } from './rng';
import { BANNERS, PROMOS, SPEECH_VERBS } from './vocab';

export interface ExpectedPage {
  furniture: string[];
  articles: CleanArticle[];
}

export interface Jump {
  headline: string;
  fromPage: number;
  toPage: number;
}

export interface GenerateOptions {
  paper?: Paper;
  date?: string;
  page?: number;
  pageName?: string;
  /** 0 prints the page clean; 1 (default) at the usual rates; higher is harsher. */
  damage?: number;
  /** Pages later in the issue that this page's stories may jump to. */
  jumpTo?: number[];
  /** Stories continued here from earlier pages. */
  continuations?: Jump[];
}

export interface GeneratedPage {
  meta: PageMeta;
  raw: string;
  expected: ExpectedPage;
  /** The jumps this page made, to be continued on their pages. */
  jumps: Jump[];
}

const PAGE_NAMES = ['要闻', '要闻', '综合', '经济', '民生', '社会', '文体', '评论', '乡村振兴', '城事', '视觉', '专版'];
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const WEEK = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** One printed piece of an article's body: a whole block, or a piece of a paragraph cut by a column break. */
interface Unit {
  text: string;
  para: number;
  /** -1 whole, 0 the start of a cut paragraph, 1 its tail. */
  part: -1 | 0 | 1;
  banner?: boolean;
}

interface Laid {
  article: CleanArticle;
  units: Unit[];
  /** The units as cut, before any reordering: the clean print order. */
  clean: Unit[];
  swapped: boolean;
}

const CJK = /[\u4e00-\u9fff]/;
const CONT = /[\u4e00-\u9fffA-Za-z0-9]/;

/** A cut inside a sentence: between two characters that are not punctuation, away from the ends. */
function cutPoint(rng: Rng, text: string): number | undefined {
  const chars = [...text];
  if (chars.length < 30) return undefined;
  for (let tries = 0; tries < 12; tries++) {
    const i = int(rng, Math.max(10, Math.floor(chars.length * 0.2)), Math.floor(chars.length * 0.85));
    const before = chars[i - 1] ?? '';
    const after = chars[i] ?? '';
    const around = chars.slice(i - 1, i + 1).join('');
    if (CJK.test(before) && CONT.test(after) && !/\d/.test(around.replace(/^./, '')) && chars.length - i >= 4) {
      return chars.slice(0, i).join('').length;
    }
  }
  return undefined;
}

function layArticle(rng: Rng, a: CleanArticle, damage: number, banner: () => string | undefined): Laid {
  const clean: Unit[] = [];
  a.body.forEach((b, para) => {
    const cut = b.type === 'p' && a.kind !== 'brief' && a.kind !== 'photo' && chance(rng, 0.28 * damage) ? cutPoint(rng, b.text) : undefined;
    if (cut === undefined) clean.push({ text: b.text, para, part: -1 });
    else clean.push({ text: b.text.slice(0, cut), para, part: 0 }, { text: b.text.slice(cut), para, part: 1 });
  });
  let units = [...clean];
  let swapped = false;

  // The second column printed before the first, as in the seed: [tail, later paragraphs, lead, start].
  const ps = a.body.filter((b) => b.type === 'p').length;
  const cutParas = clean.filter((u) => u.part === 0).map((u) => u.para);
  const k = cutParas.find((p) => p >= 1 && p <= ps - 2);
  if (a.body[0]?.text.startsWith('本报讯') && ps === a.body.length && k !== undefined && chance(rng, 0.35 * damage)) {
    const at = units.findIndex((u) => u.para === k && u.part === 1);
    const col1 = units.slice(0, at);
    const col2 = units.slice(at);
    units = [...col2, ...(chance(rng, 0.3) ? col2 : []), ...col1];
    swapped = true;
  } else {
    for (let i = 0; i + 1 < units.length; i++) {
      const u = units[i]!;
      if (u.part !== 0) continue;
      if (u.para >= 1 && chance(rng, 0.15 * damage)) {
        units[i] = units[i + 1]!;
        units[i + 1] = u;
        i++;
      } else {
        const b = banner();
        if (b) units.splice(i + 1, 0, { text: b, para: -1, part: -1, banner: true });
      }
    }
  }
  // Adjacent repeats: a block printed 2–4 times.
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!;
    if (!u.banner && chance(rng, 0.05 * damage)) units.splice(i + 1, 0, ...new Array<Unit>(int(rng, 1, 3)).fill(u));
  }
  return { article: a, units, clean, swapped };
}

/** Positions between units where a stray copy can sit without splitting a cut paragraph from its tail. */
function boundaries(units: Unit[]): number[] {
  const out: number[] = [];
  for (let i = 1; i <= units.length; i++) {
    const prev = units[i - 1]!;
    if (prev.part !== 0 && !prev.banner) out.push(i);
  }
  return out;
}

function headingLines(rng: Rng, a: CleanArticle): string[] {
  const { kicker: k, headline: h, subheadline: s } = a;
  if (!k && !s) return [a.kind === 'news' && chance(rng, 0.08) ? `#### ${h}` : `### ${h}`];
  if (!k) return [`### ${h}`, `#### ${s}`];
  const speech = SPEECH_VERBS.some((v) => k.endsWith(v));
  if (speech && chance(rng, 0.6)) return [`### ${k} ${h}`, ...(s ? [`#### ${s}`] : [])];
  if (s) return chance(rng, 0.5) ? [`#### ${k}`, `### ${h}`, `#### ${s}`] : [`### ${k}`, `#### ${s}`, `### ${h}`];
  if (a.kind === 'commentary' && chance(rng, 0.3)) return [`### ${k}`, `### ${h}`];
  return [`#### ${k}`, `### ${h}`];
}

const ROLE_PRINT: Record<string, string> = { 记者: '本报记者', 通讯员: '通讯员', 见习记者: '见习记者', 制图: '制图' };

function bylineBlock(rng: Rng, a: CleanArticle, paper: Paper): string | undefined {
  const b = a.bylines;
  if (b.length === 0) return undefined;
  if (a.kind === 'commentary') return `${pick(rng, ['■', '□ ', '■ '])}${b[0]!.names.join(' ')}`;
  if (a.kind === 'photo') {
    const ns = b[0]!.names;
    if (paper.bylineStyle === 'oneLine' && ns.length === 1) return `本报记者 ${ns[0]} 摄`;
    return `${paper.bylineStyle === 'box' ? '□' : '■'}摄影 ${ns.join(' ')}`;
  }
  switch (paper.bylineStyle) {
    case 'seed':
      return b.map((x, i) => `${i === 0 ? '■' : ''}${x.role} ${x.names.join(' ')}`).join('  \n');
    case 'box':
      return '□' + b.map((x) => `${x.role} ${x.names.join(' ')}`).join(' ');
    case 'oneLine':
      return b.map((x) => `${ROLE_PRINT[x.role] ?? x.role} ${x.names.join(' ')}`).join(' ');
  }
}

const jumpLine = (rng: Rng, p: number): string =>
  pick(rng, [`(下转${p}版)`, `（下转第${CN[p] ?? p}版）`, `（下转${p}版）`, `（下转第${p}版）`]);
const fromLine = (rng: Rng, p: number): string =>
  pick(rng, [`(上接${p}版)`, `（上接第${CN[p] ?? p}版）`, `（上接${p}版）`, `（上接第${p}版）`]);

export function generatePage(rng: Rng, opts: GenerateOptions = {}): GeneratedPage {
  const paper = opts.paper ?? makePaper(rng);
  const date = opts.date ?? '2025-07-31';
  const page = opts.page ?? 1;
  const pageName = opts.pageName ?? PAGE_NAMES[(page - 1) % PAGE_NAMES.length]!;
  const damage = opts.damage ?? 1;
  const used = new Set<string>();
  const ctx = () => makeCtx(fork(rng), paper, date, used);

  // The articles, in print order.
  const articles: CleanArticle[] = [];
  const seen = new Set<string>();
  const add = (a: CleanArticle): void => {
    if (seen.has(a.headline)) return;
    seen.add(a.headline);
    articles.push(a);
  };
  for (const j of opts.continuations ?? []) add(continuationArticle(ctx(), j.headline, j.fromPage));
  const target = int(rng, 4, 8);
  let briefs = false;
  for (let tries = 0; articles.length < target && tries < 40; tries++) {
    const r = rng();
    if (r < 0.68) add(newsArticle(ctx()));
    else if (r < 0.8) add(photoArticle(ctx()));
    else if (r < 0.92) add(commentaryArticle(ctx()));
    else if (!briefs && articles.length <= target - 3) {
      briefs = true;
      for (const b of briefArticles(ctx())) add(b);
    }
  }
  const jumps: Jump[] = [];
  const targets = [...(opts.jumpTo ?? [])];
  for (const a of articles) {
    if (targets.length === 0) break;
    if (a.kind === 'news' && !a.continuedFrom && chance(rng, 0.45)) {
      const toPage = targets.splice(int(rng, 0, targets.length - 1), 1)[0]!;
      a.jump = { toPage };
      jumps.push({ headline: a.headline, fromPage: page, toPage });
    }
  }

  // Lay out and damage each article's body.
  let bannerLeft = chance(rng, 0.4 * damage) ? 1 : 0;
  const banner = (): string | undefined => {
    if (bannerLeft === 0 || !chance(rng, 0.3)) return undefined;
    bannerLeft--;
    return pick(rng, BANNERS);
  };
  const laid = articles.map((a) => layArticle(rng, a, damage, banner));

  // A paragraph printed again far away, in a later article.
  const bodyArts = laid.map((l, i) => ({ l, i })).filter(({ l }) => l.article.kind !== 'brief');
  if (bodyArts.length >= 2 && chance(rng, 0.35 * damage)) {
    const src = pick(rng, bodyArts.slice(0, -1));
    const later = bodyArts.filter(({ i, l }) => i > src.i && !l.swapped);
    const dst = later.length ? pick(rng, later) : src;
    const whole = src.l.clean.filter((u) => u.part === -1 && src.l.article.body[u.para]?.type === 'p');
    const spots = boundaries(dst.l.units);
    if (dst !== src && whole.length && spots.length) dst.l.units.splice(pick(rng, spots), 0, { ...pick(rng, whole), para: -2 });
  }
  // The opening paragraphs of one article printed again at the end of another.
  const bleedSrc = bodyArts.filter(({ l }) => !l.swapped && l.clean.length >= 3 && l.article.kind === 'news');
  if (bleedSrc.length && bodyArts.length >= 2 && chance(rng, 0.3 * damage)) {
    const src = pick(rng, bleedSrc);
    const dsts = bodyArts.filter(({ i, l }) => i !== src.i && !l.swapped);
    const dst = dsts.length ? pick(rng, dsts) : undefined;
    const n = int(rng, 2, Math.min(3, src.l.clean.length - 1));
    dst?.l.units.push(...src.l.clean.slice(0, n).map((u) => ({ ...u, para: -3 })));
  }

  // Print.
  const blocks: string[] = [];
  const furniture: string[] = [];
  const furn = (text: string, md = ''): void => {
    blocks.push(md + text);
    furniture.push(text);
  };
  const fresh = (pool: string[]): string => {
    const free = pool.filter((t) => !used.has(t));
    const t = pick(rng, free.length ? free : pool);
    used.add(t);
    return t;
  };
  const d = new Date(`${date}T00:00:00Z`);
  const dateLine = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEK[d.getUTCDay()]}`;
  const promo = (): string => fresh(PROMOS).replace(/\{paper\}/g, paper.name).replace(/\{short\}/g, paper.short);
  if (paper.bylineStyle === 'seed') {
    furn(pageName, '# ');
    if (chance(rng, 0.7)) furn(promo());
    furn(paper.english, '## ');
  } else {
    furn(paper.name, '# ');
    if (chance(rng, 0.5)) furn(paper.english, '## ');
    furn(`${dateLine} 第${String(page).padStart(2, '0')}版 ${pageName}`);
  }
  let briefsLabel = false;
  laid.forEach((l, i) => {
    const a = l.article;
    if (a.kind === 'brief') {
      if (!briefsLabel) furn('简讯', '## ');
      briefsLabel = true;
      blocks.push(`#### ${a.headline}`, ...l.units.map((u) => u.text));
      return;
    }
    blocks.push(...headingLines(rng, a));
    if (a.continuedFrom) blocks.push(fromLine(rng, a.continuedFrom.fromPage));
    const by = bylineBlock(rng, a, paper);
    if (by && a.kind !== 'photo') blocks.push(by);
    for (const u of l.units) {
      if (u.banner) furn(u.text, '### ');
      else blocks.push(u.text);
    }
    if (by && a.kind === 'photo') blocks.push(by);
    if (a.jump) blocks.push(jumpLine(rng, a.jump.toPage));
    if (i < laid.length - 1 && chance(rng, 0.12)) furn(promo());
  });
  if (chance(rng, 0.5)) furn(`责任编辑：${names(rng, 1)[0]} 美术编辑：${names(rng, 1)[0]}`);

  const meta: PageMeta = { paper: paper.name, date, page, pageName };
  const raw = `---\npaper: ${paper.name}\ndate: ${date}\npage: ${page}\npageName: ${pageName}\n---\n\n${blocks.join('\n\n')}\n`;
  return { meta, raw, expected: { furniture, articles }, jumps };
}

export interface GeneratedIssue {
  paper: Paper;
  date: string;
  pages: GeneratedPage[];
}

/** One issue of 4–12 pages (or `pages`); stories on the first pages jump to later ones. */
export function generateIssue(rng: Rng, opts: { paper: Paper; date: string; pages?: number; damage?: number }): GeneratedIssue {
  const count = opts.pages ?? int(rng, 4, 12);
  const pending = new Map<number, Jump[]>();
  const pages: GeneratedPage[] = [];
  for (let page = 1; page <= count; page++) {
    const jumpTo = page <= 2 ? [page + 1, page + 2].filter((p) => p <= count) : [];
    const g = generatePage(rng, {
      paper: opts.paper,
      date: opts.date,
      page,
      damage: opts.damage,
      jumpTo: jumpTo.filter((p) => !pending.has(p)),
      continuations: pending.get(page) ?? [],
    });
    for (const j of g.jumps) pending.set(j.toPage, [...(pending.get(j.toPage) ?? []), j]);
    pages.push(g);
  }
  return { paper: opts.paper, date: opts.date, pages };
}
