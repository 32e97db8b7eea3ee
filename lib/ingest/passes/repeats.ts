/**
 * Pass `repeats`: the converter prints some blocks two to four times, next to each other or far away
 * (a bleed: one story's opening again at the end of another). One copy stays, the others are logged.
 */
import { bigrams, endsOpen, normalizeForCompare, spansWord } from '../text';
import type { Repair } from '../types';
import { keyOf, type Body, type Draft, type Item, type Para, type Pass } from './context';

/** A repeat shorter than this (4 characters after normalizing) may be a coincidence (一是, 二是). */
const MIN_REPEAT_KEY = 4;

/**
 * Drops repeated paragraphs. Of the copies of one paragraph, the one kept sits in the article it
 * belongs to: the article whose opening run it is part of, else the one whose other text it
 * resembles most; within that article the first copy stays.
 */
function dropRepeats(drafts: Draft[], repairs: Repair[], keep: ReadonlySet<number>): void {
  const groups = new Map<string, { draft: number; item: Item }[]>();
  drafts.forEach((d, di) => {
    for (const item of d.items) {
      if (item.kind !== 'para') continue;
      const key = keyOf(item);
      if (key.length < MIN_REPEAT_KEY) continue;
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
      // An editor's keep: the copy stays where it stands.
      if (c === kept || keep.has(c.item.block.line)) continue;
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
 * A subhead printed again inside its story (the heading model keeps each copy of a repeated `####` as
 * a subhead) is a repeat: a story never carries the same subhead twice.
 */
function dropRepeatedSubheads(drafts: Draft[], repairs: Repair[], keep: ReadonlySet<number>): void {
  for (const d of drafts) {
    const kept = new Map<string, Item>();
    for (const item of d.items) {
      if (item.kind !== 'heading' || item.dropped || item.forced || keep.has(item.block.line)) continue;
      const first = kept.get(keyOf(item));
      if (!first) {
        kept.set(keyOf(item), item);
        continue;
      }
      item.dropped = true;
      repairs.push({ kind: 'repeat-dropped', line: item.block.line, text: item.block.raw, keptLine: first.block.line });
    }
  }
}

export const repeatsPass: Pass = {
  name: 'repeats',
  run(ctx) {
    dropRepeats(ctx.drafts, ctx.repairs, ctx.edits.keep);
    dropRepeatedSubheads(ctx.drafts, ctx.repairs, ctx.edits.keep);
  },
};

/** A partial repeat must be this long (normalized) to be dropped: shorter text recurs by chance. */
const MIN_CONTAINED = 12;

/** A block repeated inside a longer one (a partial repeat) is dropped. */
function dropContained(list: Para[], repairs: Repair[], keep: ReadonlySet<number>): void {
  const norms = list.map((p) => normalizeForCompare(p.text));
  for (let i = list.length - 1; i >= 0; i--) {
    const n = norms[i]!;
    if (list[i]!.subhead || n.length < MIN_CONTAINED || keep.has(list[i]!.line)) continue;
    const owner = norms.findIndex((m, j) => j !== i && m.length > n.length && m.includes(n));
    if (owner === -1) continue;
    repairs.push({ kind: 'repeat-dropped', line: list[i]!.line, text: list[i]!.text, keptLine: list[owner]!.line });
    list.splice(i, 1);
    norms.splice(i, 1);
  }
}

/**
 * A block of one story found inside a paragraph of another is a partial repeat too: the converter
 * printed a piece of the next story's opening at the foot of this one (a bleed), and the piece stayed
 * apart from the copy that was kept.
 */
function dropContainedAcross(bodies: Body[], keep: ReadonlySet<number>): void {
  const norms = bodies.map((b) => b.list.map((p) => normalizeForCompare(p.text)));
  bodies.forEach((b, bi) => {
    for (let i = b.list.length - 1; i >= 0; i--) {
      const n = norms[bi]![i]!;
      if (b.list[i]!.subhead || n.length < MIN_CONTAINED || keep.has(b.list[i]!.line)) continue;
      let owner: { body: number; index: number } | undefined;
      norms.forEach((ms, oj) => {
        if (oj === bi || owner) return;
        const k = ms.findIndex((m) => m.length > n.length && m.includes(n));
        if (k !== -1) owner = { body: oj, index: k };
      });
      if (!owner) continue;
      const keptLine = bodies[owner.body]!.list[owner.index]!.line;
      b.repairs.push({ kind: 'bleed-dropped', line: b.list[i]!.line, text: b.list[i]!.text, keptLine });
      b.list.splice(i, 1);
      norms[bi]!.splice(i, 1);
    }
  });
}

export const containedPass: Pass = {
  name: 'contained',
  run(ctx) {
    for (const b of ctx.bodies) dropContained(b.list, b.repairs, ctx.edits.keep);
    dropContainedAcross(ctx.bodies, ctx.edits.keep);
  },
};
