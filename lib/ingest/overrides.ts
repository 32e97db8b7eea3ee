/**
 * Editors' overrides: a sidecar `content/<date>/<NN>.overrides.yaml` that corrects what the repair
 * rules got wrong, without code. Lines are lines of the page file (front matter included), as the
 * repair report shows them; any line of a block names the block.
 *
 *   subhead: [42]                 # this block is a subhead (小标题) of its article
 *   paragraph: [57]               # body text, not a subhead or heading (an open sentence still
 *                                 # joins the block that continues it: 独山港化工园区 …)
 *   furniture: [12]               # this block is page furniture (masthead, promotion)
 *   banner: [30]                  # this heading is a banner (a slogan across the page), not a headline
 *   kicker: [18]                  # this heading is the 引题 of the headline below it
 *   split:                        # a new article starts at this block
 *     - { line: 80, headline: 新标题 }   # headline needed unless the block is itself a heading
 *   break: [64]                   # a new paragraph starts at this line (inside a block: the block
 *                                 # is cut there), never joined to the text before it
 *   join: [{ line: 70, to: 66 }]  # the block at 70 continues the paragraph holding line 66
 *   move: [{ line: 91, to: 23, after: 40 }]  # the block at 91 belongs to the article headed at 23,
 *                                 # after the block at 40 (without after: at the article's end)
 *   keep: [52]                    # a block dropped as a repeat is kept where it stands
 *   headline: { 23: 正确的标题 }  # by a line of the article's headings, or the article's id
 *   kind: { 23: commentary }      # news | photo | commentary | brief
 *   checked: { by: 王编辑, at: 2025-07-31T09:12:00Z }   # an editor read the page through
 *   history: […]                  # what the repair desk changed, who and when (lib/desk/edits.ts)
 *
 * Pure: `readOverrides` validates bytes, the parser applies the result through
 * `applyBlockOverrides` (before articles are cut), the passes read `editsOf` (moves, joins, breaks,
 * kept repeats) and `applyArticleOverrides` runs before ids are made.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { RawBlock } from './blocks';
import { articleId, uniqueIds } from './id';
import { IngestError } from './raw';
import type { Article, ArticleKind, Repair } from './types';

const KINDS = ['news', 'photo', 'commentary', 'brief'] as const;
/** The keys an overrides file may hold, for messages. */
export const OVERRIDE_KEYS = ['subhead', 'paragraph', 'furniture', 'banner', 'kicker', 'split', 'break', 'join', 'move', 'keep', 'headline', 'kind', 'checked', 'history'] as const;
const lineNo = z.number().int().min(1, 'a line number is 1 or more');
/** A map key naming an article: a line number or an article id. */
const target = z.union([z.coerce.number().int().min(1), z.string().regex(/^[0-9a-z]{8}(-\d+)?$/, 'an article id or a line number')]);

export const overridesSchema = z
  .object({
    subhead: z.array(lineNo).default([]),
    paragraph: z.array(lineNo).default([]),
    furniture: z.array(lineNo).default([]),
    banner: z.array(lineNo).default([]),
    kicker: z.array(lineNo).default([]),
    break: z.array(lineNo).default([]),
    keep: z.array(lineNo).default([]),
    join: z.array(z.object({ line: lineNo, to: lineNo }).strict()).default([]),
    move: z.array(z.object({ line: lineNo, to: lineNo, after: lineNo.optional() }).strict()).default([]),
    checked: z.object({ by: z.string().min(1), at: z.string().min(1) }).strict().optional(),
    // The desk's log (lib/desk/edits.ts reads it); the parser only needs it to be a list of records.
    history: z.array(z.record(z.string(), z.unknown())).default([]),
    split: z
      .array(z.union([lineNo, z.object({ line: lineNo, headline: z.string().trim().min(1).optional() }).strict()]))
      .default([]),
    headline: z.record(z.string(), z.string().trim().min(1, 'a headline must not be empty')).default({}),
    kind: z.record(z.string(), z.enum(KINDS)).default({}),
  })
  .strict();

export type OverrideOp =
  | 'subhead'
  | 'paragraph'
  | 'furniture'
  | 'banner'
  | 'kicker'
  | 'split'
  | 'break'
  | 'join'
  | 'move'
  | 'keep'
  | 'headline'
  | 'kind';

export interface OverrideRule {
  op: OverrideOp;
  /** The page line the rule names (block rules, and article rules keyed by line). */
  line?: number;
  /** Article rules keyed by the id the rules gave the article. */
  articleId?: string;
  headline?: string;
  kind?: ArticleKind;
  /** join: the line of the paragraph continued; move: a line of the article the block goes to. */
  to?: number;
  /** move: the block goes after the block holding this line. */
  after?: number;
  /** Line in the overrides file, for messages. */
  at?: number;
}

export interface Overrides {
  /** The overrides file, for messages. */
  file?: string;
  rules: OverrideRule[];
}

/** How an override marks an item for the parser. */
export type Forced = 'subhead' | 'para' | 'furniture' | 'banner' | 'head' | 'kicker';

/** Builds rules from the schema's shape (used by readOverrides, and by tests with plain objects). */
export function overridesFrom(input: unknown, file?: string, at?: (path: (string | number)[]) => number | undefined): Overrides {
  const data = overridesSchema.parse(input);
  const rules: OverrideRule[] = [];
  const where = (path: (string | number)[]) => {
    const line = at?.(path);
    return line ? { at: line } : {};
  };
  for (const op of ['subhead', 'paragraph', 'furniture', 'banner', 'kicker', 'break', 'keep'] as const) {
    data[op].forEach((line, i) => rules.push({ op, line, ...where([op, i]) }));
  }
  data.join.forEach((j, i) => rules.push({ op: 'join', line: j.line, to: j.to, ...where(['join', i]) }));
  data.move.forEach((m, i) => rules.push({ op: 'move', line: m.line, to: m.to, ...(m.after ? { after: m.after } : {}), ...where(['move', i]) }));
  data.split.forEach((s, i) => {
    const rule: OverrideRule = typeof s === 'number' ? { op: 'split', line: s } : { op: 'split', line: s.line };
    if (typeof s !== 'number' && s.headline) rule.headline = s.headline;
    rules.push({ ...rule, ...where(['split', i]) });
  });
  for (const [key, headline] of Object.entries(data.headline)) rules.push({ op: 'headline', ...keyOf(key), headline, ...where(['headline', key]) });
  for (const [key, kind] of Object.entries(data.kind)) rules.push({ op: 'kind', ...keyOf(key), kind, ...where(['kind', key]) });
  return { ...(file ? { file } : {}), rules };
}

function keyOf(key: string): { line: number } | { articleId: string } {
  const parsed = target.safeParse(/^\d+$/.test(key) ? Number(key) : key);
  if (!parsed.success) throw new z.ZodError(parsed.error.issues);
  return typeof parsed.data === 'number' ? { line: parsed.data } : { articleId: parsed.data };
}

/** Validates an overrides file. Throws IngestError `<file>:<line>: <what is wrong>`. */
export function readOverrides(bytes: Uint8Array, file: string): Overrides {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new IngestError(file, undefined, 'the overrides file must be UTF-8 text');
  }
  if (text.trim() === '') return { file, rules: [] };
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) throw new IngestError(file, err.linePos?.[0].line, `not valid YAML: ${err.message.split('\n')[0]}`);
  const lineAt = (path: (string | number)[]) => {
    const node = nodeAt(doc.contents, path);
    return node?.range ? lc.linePos(node.range[0]).line : undefined;
  };
  const data: unknown = doc.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new IngestError(file, 1, `overrides must be key: value lines (${OVERRIDE_KEYS.join(', ')})`);
  }
  try {
    return overridesFrom(data, file, lineAt);
  } catch (e) {
    if (!(e instanceof z.ZodError)) throw e;
    const issue = e.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const what =
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.join(', ')} (known: ${OVERRIDE_KEYS.join(', ')})`
        : `${path.join('.') || 'overrides'}: ${issue.message}`;
    const line = lineAt(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path) ?? lineAt(path.slice(0, 1)) ?? 1;
    throw new IngestError(file, line, what);
  }
}

/** The YAML node at a path of keys and indexes (map keys may be numbers in the file). */
function nodeAt(node: unknown, path: (string | number)[]): YamlNode | undefined {
  let cur = node;
  for (const key of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(key));
      if (!pair) return undefined;
      cur = pair.value ?? pair.key;
    } else if (isSeq(cur) && typeof key === 'number') cur = cur.items[key];
    else return undefined;
  }
  return cur as YamlNode | undefined;
}

/** The block that `line` falls in: its first line or any line of it. */
export function blockAt<B extends { line: number; raw: string }>(blocks: B[], line: number): B | undefined {
  return blocks.find((b) => line >= b.line && line < b.line + b.raw.split('\n').length);
}

interface ItemLike {
  kind: string;
  block: RawBlock;
  text: string;
  forced?: Forced;
}

const BLOCK_OPS = new Set<OverrideOp>(['subhead', 'paragraph', 'furniture', 'banner', 'kicker', 'split', 'break', 'join', 'move', 'keep']);
/** The rules applied to the items as they are classified; the others are read by later passes (editsOf). */
const ITEM_OPS = new Set<OverrideOp>(['subhead', 'paragraph', 'furniture', 'banner', 'kicker', 'split']);

/**
 * Applies the block rules to the classified items, before the page is cut into articles. A split
 * before a paragraph inserts a heading item that carries the given headline. Rules naming no block
 * are skipped here; `checkOverrides` reports them.
 */
export function applyBlockOverrides<T extends ItemLike>(items: T[], overrides: Overrides | undefined, repairs: Repair[]): T[] {
  if (!overrides) return items;
  const out = [...items];
  for (const rule of overrides.rules) {
    if (!ITEM_OPS.has(rule.op) || rule.line === undefined) continue;
    // Inserted headings have no raw text: rules name the page's own blocks.
    const item = out.find((i) => i.block.raw !== '' && blockAt([i.block], rule.line!));
    if (!item) continue;
    const log = (note: string) => repairs.push({ kind: 'override', line: item.block.line, text: item.block.raw, note });
    switch (rule.op) {
      case 'subhead':
        Object.assign(item, { kind: 'para', forced: 'subhead' });
        log('override: subhead');
        break;
      case 'paragraph':
        Object.assign(item, { kind: 'para', forced: 'para' });
        log('override: paragraph');
        break;
      case 'furniture':
        Object.assign(item, { kind: 'furniture', forced: 'furniture' });
        log('override: furniture');
        break;
      case 'banner':
        Object.assign(item, { kind: 'furniture', forced: 'banner' });
        log('override: banner');
        break;
      case 'kicker':
        // A kicker opens the article whose headline follows it.
        Object.assign(item, { kind: 'heading', forced: 'kicker' });
        log('override: kicker of the headline below');
        break;
      case 'split': {
        if (item.kind === 'heading' && !rule.headline) {
          item.forced = 'head';
          log('override: a new article starts at this heading');
          break;
        }
        if (!rule.headline) break;
        const block: RawBlock = { line: item.block.line, level: 3, lines: [rule.headline], text: rule.headline, raw: '' };
        out.splice(out.indexOf(item), 0, { ...item, kind: 'heading', block, text: rule.headline, forced: 'head' } as T);
        log(`override: a new article starts here, headline “${rule.headline}”`);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** The rules later passes read, their lines resolved to the first line of the block they name. */
export interface BlockEdits {
  /** Blocks that open a paragraph: never joined to the text before them. */
  breaks: Set<number>;
  /** Blocks dropped as repeats that an editor keeps. */
  keep: Set<number>;
  /** The block `line` continues the paragraph holding the block `to`. */
  joins: { line: number; to: number }[];
  /** The block `line` goes to the article holding the block `to`, after the block `after` (or at its end). */
  moves: { line: number; to: number; after?: number }[];
}

export const NO_EDITS: BlockEdits = { breaks: new Set(), keep: new Set(), joins: [], moves: [] };

/** The lines inside blocks where a `break` cuts a block in two (cutBlocks). */
export function breakLines(overrides: Overrides | undefined): number[] {
  return (overrides?.rules ?? []).filter((r) => r.op === 'break' && r.line !== undefined).map((r) => r.line!);
}

/** Resolves the rules that later passes read (after the blocks were cut at `breakLines`). */
export function editsOf(overrides: Overrides | undefined, blocks: RawBlock[]): BlockEdits {
  if (!overrides || overrides.rules.length === 0) return NO_EDITS;
  const first = (line: number | undefined) => (line === undefined ? undefined : blockAt(blocks, line)?.line);
  const edits: BlockEdits = { breaks: new Set(), keep: new Set(), joins: [], moves: [] };
  for (const r of overrides.rules) {
    const line = first(r.line);
    if (line === undefined) continue;
    if (r.op === 'break') edits.breaks.add(line);
    else if (r.op === 'keep') edits.keep.add(line);
    else if (r.op === 'join' && first(r.to) !== undefined) edits.joins.push({ line, to: first(r.to)! });
    else if (r.op === 'move' && first(r.to) !== undefined) {
      const after = first(r.after);
      edits.moves.push({ line, to: first(r.to)!, ...(after !== undefined ? { after } : {}) });
    }
  }
  return edits;
}

interface BuiltLike {
  article: Omit<Article, 'id'>;
  /** First line of the article's draft (its first heading, else its first block). */
  line: number;
}

/** Applies the article rules (headline, kind) before ids are made, so an id follows the corrected headline. */
export function applyArticleOverrides(
  built: BuiltLike[],
  overrides: Overrides | undefined,
  meta: { date: string; page: number },
  repairs: Repair[],
): void {
  if (!overrides) return;
  const ids = uniqueIds(built.map((b) => articleId(meta.date, meta.page, b.article.headline, b.article.kicker)));
  for (const rule of overrides.rules) {
    if (rule.op !== 'headline' && rule.op !== 'kind') continue;
    const i = articleIndex(built, ids, rule);
    if (i === -1) continue;
    const b = built[i]!;
    if (rule.op === 'headline' && rule.headline) {
      repairs.push({ kind: 'override', line: b.line, text: b.article.headline, note: `override: headline set to “${rule.headline}”` });
      b.article.headline = rule.headline;
    } else if (rule.op === 'kind' && rule.kind) {
      repairs.push({ kind: 'override', line: b.line, text: b.article.headline, note: rule.kind === b.article.kind ? `override: kind ${rule.kind} (unchanged)` : `override: kind ${b.article.kind} → ${rule.kind}` });
      b.article.kind = rule.kind;
    }
  }
}

/** The article a rule names: by the id the rules gave it, or the last article starting at or before the line. */
function articleIndex(built: BuiltLike[], ids: string[], rule: OverrideRule): number {
  if (rule.articleId) return ids.indexOf(rule.articleId);
  if (rule.line === undefined) return -1;
  let best = -1;
  built.forEach((b, i) => {
    if (b.line <= rule.line! && (best === -1 || b.line >= built[best]!.line)) best = i;
  });
  return best;
}

/**
 * What in the overrides does not fit the page: a line in no block, a split before a paragraph
 * without a headline. Each message names the overrides file and line.
 */
export function checkOverrides(overrides: Overrides, blocks: RawBlock[], articleIds: string[] = []): string[] {
  const where = (r: OverrideRule) => `${overrides.file ?? 'overrides'}${r.at ? `:${r.at}` : ''}`;
  const problems: string[] = [];
  for (const r of overrides.rules) {
    if (r.articleId) {
      if (articleIds.length > 0 && !articleIds.includes(r.articleId)) problems.push(`${where(r)}: no article ${r.articleId} on this page`);
      continue;
    }
    if (r.line === undefined) continue;
    const block = blockAt(blocks, r.line);
    if (!block) {
      if (BLOCK_OPS.has(r.op) || (blocks[0] && r.line < blocks[0].line)) problems.push(`${where(r)}: ${r.op}: no block of the page starts at or spans line ${r.line}`);
      continue;
    }
    if ((r.op === 'join' || r.op === 'move') && r.to !== undefined && !blockAt(blocks, r.to)) {
      problems.push(`${where(r)}: ${r.op}: no block of the page starts at or spans line ${r.to}`);
    }
    if (r.op === 'move' && r.after !== undefined && !blockAt(blocks, r.after)) {
      problems.push(`${where(r)}: move: no block of the page starts at or spans line ${r.after}`);
    }
    if (r.op === 'move' && block.level > 0) problems.push(`${where(r)}: move: line ${r.line} is a heading; a heading opens an article (split) or is a kicker, a banner or a subhead`);
    if ((r.op === 'kicker' || r.op === 'banner') && block.level === 0) problems.push(`${where(r)}: ${r.op}: line ${r.line} is not a heading`);
    if (r.op === 'split' && !r.headline && block.level === 0) {
      problems.push(`${where(r)}: split at line ${r.line}: the block is not a heading, so give the new article a headline ({ line: ${r.line}, headline: … })`);
    }
  }
  return problems;
}
