/**
 * damagePage: one clean corpus page printed as a PDF converter's raw markdown, with the seed's damage,
 * and the exact ground truth (the clean page, and where every printed block came from).
 *
 * Per article: headings at the converter's levels (kicker on the headline's line, ### kicker, ## first
 * headline, a headline printed twice), a byline block, body subheads printed as ####, column cuts at any
 * character, the body's columns printed in another order, hard-wrapped lines, banners inside the text,
 * blocks printed 2–4 times, jump lines (the story cut off, or continued from another page). Across
 * articles: a paragraph printed again in a later article, the next article's opening bled into the end
 * of the previous one. Every rate is drawn per page and scaled by `damage`.
 */
import type { BodyBlock } from '@/lib/ingest/types';
import { chance, int, pick, sample, type Rng } from '../rng';
import { sourceArticles, splitOf, type SourceArticle } from './corpus';
import {
  BYLINE_STYLES,
  bylineText,
  cutPoint,
  dateLine,
  editorLine,
  englishName,
  fromLine,
  jumpLine,
  pageNameFor,
  pageRate,
  pageTitle,
  subheadLike,
  wrapLines,
} from './damage';
import type { CopyKind, CorpusPage, DamageOptions, ExpectedArticle, RealPage, TruthBlock } from './types';

/** Base rates at damage 1 (each varied per page by pageRate). */
const RATE = {
  title: 0.85,
  english: 0.45,
  dateLine: 0.7,
  editor: 0.45,
  furnitureBetween: 0.2,
  firstHeadlineH2: 0.3,
  kickerOdd: 0.5,
  headlineTwice: 0.05,
  subheadAsHeading: 0.15,
  cut: 0.25,
  columns: 0.35,
  banner: 0.35,
  adjacent: 0.025,
  far: 0.3,
  bleed: 0.3,
  jumpFirst: 0.6,
  jumpOther: 0.05,
  continuedFirst: 0.25,
  continuedOther: 0.03,
  wrap: 0.2,
} as const;

/**
 * How often an article whose text names its reporters prints them as a byline block under its headings
 * (not damage: the paper's layout, the same at every damage level). With no names found, none is printed.
 */
const BYLINE_FOUND = 0.85;
/** Share of articles naming no reporter that get a byline of borrowed real names (the seed: every news story has one). */
const BYLINE_BORROWED = 0.7;

/** A long paragraph: may be cut by a column, wrapped into lines. */
const LONG = 40;

/** One printed piece of a body paragraph (or a subhead printed as a heading). */
interface Unit {
  para: number;
  start: number;
  end: number;
  heading: boolean;
  /** The block's lines (one unless hard-wrapped). */
  lines: string[];
}

type Item = { unit: Unit; copy?: CopyKind; article?: number } | { banner: string; md: string };

interface Plan {
  src: SourceArticle;
  /** Who sent the story, for a byline style that says so (本报记者 / 新华社记者). */
  agency: string;
  truth: ExpectedArticle;
  /** Units in clean (reading) order. */
  units: Unit[];
  /** What is printed after the article's headings and byline, in print order. */
  seq: Item[];
  /** Printed at the end, as a bleed from the next article: before or after the jump line. */
  bleed: Item[];
  bleedAfterJump: boolean;
}

interface Printed {
  text: string;
  truth: Omit<TruthBlock, 'line'>;
}

const isUnit = (i: Item): i is { unit: Unit; copy?: CopyKind; article?: number } => 'unit' in i;

/** Is position `p` of `seq` (between seq[p-1] and seq[p]) the inside of a cut paragraph? */
function insideCut(seq: Item[], p: number): boolean {
  const a = seq[p - 1];
  const b = seq[p];
  return !!a && !!b && isUnit(a) && isUnit(b) && a.unit.para === b.unit.para && a.unit.end === b.unit.start;
}

/** Non-identity orders of 2 and 3 columns. */
const ORDERS: Record<number, number[][]> = {
  2: [[1, 0]],
  3: [[1, 2, 0], [2, 0, 1], [2, 1, 0], [1, 0, 2], [0, 2, 1]],
};

function planArticle(
  rng: Rng,
  src: SourceArticle,
  idx: number,
  page: number,
  rates: Record<keyof typeof RATE, number>,
  reporters: readonly string[],
): Plan {
  // Key order as an editor writes it: kicker, headline, subheadline, kind, bylines, body, jump, continuedFrom.
  // The byline: credit lines moved out of the text always print; reporters the text names, most of the time.
  const credits = !src.bylines.length && src.credits && chance(rng, BYLINE_FOUND) ? src.credits : undefined;
  let bylines = src.bylines.length ? src.bylines : (credits?.bylines ?? []);
  // A city paper prints a byline under nearly every headline, as the seed does; where the text names
  // nobody, real reporters' names from other articles of the same split stand in.
  if (!bylines.length && !src.credits && reporters.length >= 3 && chance(rng, BYLINE_BORROWED)) {
    bylines = [{ role: '记者', names: sample(rng, reporters, chance(rng, 0.6) ? 1 : 2) }];
    if (chance(rng, 0.3)) bylines.push({ role: '通讯员', names: sample(rng, reporters.filter((n) => !bylines[0]!.names.includes(n)), 1) });
  }
  const ordered: ExpectedArticle = {
    ...(src.kicker ? { kicker: src.kicker } : {}),
    headline: src.headline,
    ...(src.subheadline ? { subheadline: src.subheadline } : {}),
    kind: 'news',
    bylines: bylines.map((b) => ({ role: b.role, names: [...b.names] })),
    body: [],
  };

  // Continued from an earlier page; cut off with a jump to a later one.
  const first = idx === 0;
  if (page >= 2 && chance(rng, first ? rates.continuedFirst : rates.continuedOther)) {
    ordered.continuedFrom = { fromPage: page <= 4 || chance(rng, 0.5) ? 1 : int(rng, 1, page - 1) };
  }
  let paras = [...src.paras];
  if (!ordered.continuedFrom && paras.length >= 2 && chance(rng, page <= 2 && first ? rates.jumpFirst : rates.jumpOther)) {
    const keep = int(rng, 1, paras.length - 1);
    const next = paras[keep]!;
    const head = chance(rng, 0.5) && next.length >= 16 ? cutPoint(rng, next, 6) : undefined;
    paras = [...paras.slice(0, keep), ...(head !== undefined ? [next.slice(0, head)] : [])];
    ordered.jump = { toPage: page + int(rng, 1, 3) };
  }

  // The body as printed: subheads as #### sometimes, long paragraphs cut by a column, wrapped.
  const units: Unit[] = [];
  const body: BodyBlock[] = [];
  paras.forEach((text, para) => {
    if (para > 0 && subheadLike(text) && chance(rng, rates.subheadAsHeading)) {
      body.push({ type: 'h', text });
      units.push({ para, start: 0, end: text.length, heading: true, lines: [text] });
      return;
    }
    body.push({ type: 'p', text });
    const cut = text.length >= LONG && chance(rng, rates.cut) ? cutPoint(rng, text) : undefined;
    const spans: [number, number][] = cut === undefined ? [[0, text.length]] : [[0, cut], [cut, text.length]];
    for (const [start, end] of spans) {
      const piece = text.slice(start, end);
      const wrap = piece.length >= LONG && chance(rng, rates.wrap);
      units.push({ para, start, end, heading: false, lines: wrap ? wrapLines(piece, int(rng, 12, 36)) : [piece] });
    }
  });
  ordered.body = body;

  // The columns printed in another order: split at cut paragraphs, a tail above its head.
  let seq: Item[] = units.map((unit) => ({ unit }));
  const tails = units.map((u, i) => (u.start > 0 ? i : -1)).filter((i) => i > 0);
  if (tails.length && chance(rng, rates.columns)) {
    const at = sample(rng, tails, tails.length >= 2 && chance(rng, 0.4) ? 2 : 1).sort((a, b) => a - b);
    const bounds = [0, ...at, units.length];
    const cols = bounds.slice(0, -1).map((b, i) => seq.slice(b, bounds[i + 1]));
    seq = pick(rng, ORDERS[cols.length]!).flatMap((c) => cols[c]!);
  }

  // Blocks printed 2–4 times in a row.
  for (let i = seq.length - 1; i >= 0; i--) {
    const it = seq[i]!;
    if (isUnit(it) && chance(rng, rates.adjacent)) {
      seq.splice(i + 1, 0, ...Array.from({ length: int(rng, 1, 3) }, (): Item => ({ unit: it.unit, copy: 'adjacent' })));
    }
  }
  return { src, agency: credits?.agency ?? '本报', truth: ordered, units, seq, bleed: [], bleedAfterJump: chance(rng, 0.5) };
}

/** Prints one corpus page with damage. Throws when the page has no article to print. */
export function damagePage(page: CorpusPage, rng: Rng, opts: DamageOptions = {}): RealPage {
  const damage = opts.damage ?? 1;
  const srcs = sourceArticles(page);
  if (srcs.length === 0) throw new Error(`${page.date} page ${page.page}: no article to print`);
  const rates = Object.fromEntries(Object.entries(RATE).map(([k, base]) => [k, pageRate(rng, base, damage)])) as Record<keyof typeof RATE, number>;
  const once = (base: number): boolean => chance(rng, Math.min(1, base * damage));
  const pageName = pageNameFor(rng, page.page);
  const style = pick(rng, BYLINE_STYLES);

  const plans = srcs.map((s, i) => planArticle(rng, s, i, page.page, rates, opts.reporters ?? []));

  // Banners inside an article: between the halves of a cut sentence, or between two paragraphs.
  const onPage = new Set<string>();
  for (const s of srcs) for (const t of [s.kicker, s.headline, s.subheadline, ...s.paras]) if (t) onPage.add(t);
  const slogans = (opts.slogans ?? []).filter((s) => !s.split(' ').some((w) => onPage.has(w)) && !onPage.has(s));
  const banners = slogans.length && chance(rng, rates.banner) ? (chance(rng, 0.25) ? 2 : 1) : 0;
  for (let b = 0; b < banners; b++) {
    const hosts = plans.filter((p) => p.seq.length >= 2);
    if (!hosts.length) break;
    const host = pick(rng, hosts);
    const cuts = host.seq.map((_, p) => p).filter((p) => p > 0 && insideCut(host.seq, p));
    const at = cuts.length && chance(rng, 0.6) ? pick(rng, cuts) : int(rng, 1, host.seq.length - 1);
    host.seq.splice(at, 0, { banner: pick(rng, slogans), md: chance(rng, 0.75) ? '### ' : '## ' });
  }

  // A paragraph printed again far away, in a later article.
  if (plans.length >= 2 && chance(rng, rates.far)) {
    const from = int(rng, 0, plans.length - 2);
    const to = int(rng, from + 1, plans.length - 1);
    const paras = plans[from]!.truth.body.map((b, i) => (b.type === 'p' ? i : -1)).filter((i) => i >= 0);
    if (paras.length) {
      const para = pick(rng, paras);
      const text = plans[from]!.truth.body[para]!.text;
      const seq = plans[to]!.seq;
      const spots = Array.from({ length: seq.length + 1 }, (_, p) => p).filter((p) => p > 0 && !insideCut(seq, p));
      const unit: Unit = { para, start: 0, end: text.length, heading: false, lines: [text] };
      if (spots.length) seq.splice(pick(rng, spots), 0, { unit, copy: 'far', article: from });
    }
  }

  // The opening of the next article printed at the end of the previous one (the real one stays).
  if (plans.length >= 2 && chance(rng, rates.bleed)) {
    const prev = int(rng, 0, plans.length - 2);
    const next = plans[prev + 1]!;
    if (next.units.length >= 2) {
      const n = int(rng, 1, Math.min(2, next.units.length - 1));
      plans[prev]!.bleed = next.units.slice(0, n).map((unit) => ({ unit, copy: 'bleed', article: prev + 1 }));
    }
  }

  // Print.
  const out: Printed[] = [];
  const furniture: string[] = [];
  const furn = (text: string, md = ''): void => {
    out.push({ text: md + text, truth: { role: 'furniture', article: -1 } });
    furniture.push(text);
  };
  const emit = (it: Item, article: number): void => {
    if (!isUnit(it)) {
      out.push({ text: it.md + it.banner, truth: { role: 'banner', article: -1 } });
      furniture.push(it.banner);
      return;
    }
    const u = it.unit;
    const truth: Omit<TruthBlock, 'line'> = { role: u.heading ? 'heading' : 'para', article: it.article ?? article, para: u.para, start: u.start, end: u.end };
    if (it.copy) truth.copy = it.copy;
    out.push({ text: u.heading ? `${subheadMd} ${u.lines[0]}` : u.lines.join('\n'), truth });
  };

  // Heading levels come from type sizes: a small story's headline is sometimes set as small as a
  // subhead (the seed's converter: ### for headlines, #### for decks, kickers and subheads).
  const subheadMd = '####';
  const title = once(RATE.title);
  if (title) furn(pageTitle(rng, page.paper, page.page, pageName), '# ');
  if (title && once(RATE.english)) furn(englishName(rng), '## ');
  const editorAtTop = chance(rng, 0.3);
  if (once(RATE.dateLine)) furn(dateLine(rng, page.date, page.page, pageName, page.paper));
  if (editorAtTop && once(RATE.editor)) furn(editorLine(rng));
  const between = plans.length >= 2 && once(RATE.furnitureBetween) ? int(rng, 1, plans.length - 1) : -1;

  plans.forEach((plan, i) => {
    if (i === between) furn(chance(rng, 0.5) ? editorLine(rng) : dateLine(rng, page.date, page.page, pageName, page.paper));
    const { truth } = plan;
    const head = (text: string, copy?: CopyKind): void => {
      out.push({ text, truth: copy ? { role: 'heading', article: i, copy } : { role: 'heading', article: i } });
    };
    const h = i === 0 && chance(rng, rates.firstHeadlineH2) ? '##' : i > 0 && chance(rng, 0.1) ? '####' : '###';
    const kickerStyle = truth.kicker && chance(rng, rates.kickerOdd) ? pick(rng, ['line', 'h3'] as const) : 'h4';
    if (truth.kicker && kickerStyle === 'line') head(`${h} ${truth.kicker} ${truth.headline}`);
    else {
      if (truth.kicker) head(`${kickerStyle === 'h3' ? '###' : '####'} ${truth.kicker}`);
      head(`${h} ${truth.headline}`);
    }
    if (chance(rng, rates.headlineTwice)) head(`${h} ${truth.headline}`, 'adjacent');
    if (truth.subheadline) head(`#### ${truth.subheadline}`);

    const from = truth.continuedFrom ? fromLine(rng, truth.continuedFrom.fromPage) : undefined;
    const fromFirst = chance(rng, 0.5);
    if (from && fromFirst) out.push({ text: from, truth: { role: 'jump', article: i } });
    if (truth.bylines.length) out.push({ text: bylineText(style, truth.bylines, plan.agency), truth: { role: 'byline', article: i } });
    if (from && !fromFirst) out.push({ text: from, truth: { role: 'jump', article: i } });

    for (const it of plan.seq) emit(it, i);
    if (!plan.bleedAfterJump || !truth.jump) for (const it of plan.bleed) emit(it, i);
    if (truth.jump) out.push({ text: jumpLine(rng, truth.jump.toPage), truth: { role: 'jump', article: i } });
    if (plan.bleedAfterJump && truth.jump) for (const it of plan.bleed) emit(it, i);
  });
  if (!editorAtTop && once(RATE.editor)) furn(editorLine(rng));

  // The file: front matter, a blank line, blocks separated by blank lines.
  const front = `---\npaper: ${page.paper}\ndate: ${page.date}\npage: ${page.page}\npageName: ${pageName}\n---\n\n`;
  let line = front.split('\n').length;
  const blocks: TruthBlock[] = out.map((b) => {
    const t: TruthBlock = { line, ...b.truth };
    line += b.text.split('\n').length + 1;
    return t;
  });
  return {
    name: `${page.date}-${String(page.page).padStart(2, '0')}-0`,
    split: splitOf(page.date),
    raw: `${front}${out.map((b) => b.text).join('\n\n')}\n`,
    expected: { furniture, articles: plans.map((p) => p.truth) },
    blocks,
  };
}
