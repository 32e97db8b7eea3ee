/**
 * The repair desk's fixes, written to the page's overrides file (`<NN>.overrides.yaml`, read by the
 * parser through lib/ingest/overrides.ts). The raw page is never touched.
 *
 * Every fix is one rule added to the file and one entry appended to its `history:` list: who, when,
 * what was added and what it replaced (a block is one thing at a time: marking a subhead a banner
 * takes back the subhead). Undoing entry n removes what n added and puts back what it replaced, and is
 * itself an entry, so the history of a page reads top to bottom and any fix can be reverted.
 *
 * Edits go through the `yaml` library's document model, so an editor's hand-written comments and key
 * order survive. A file is written only if the parser accepts it (readOverrides), atomically
 * (a temporary file renamed over the old one), and only if it is still the version the editor saw.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument, type Document, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { readOverrides } from '@/lib/ingest/overrides';

const line = z.coerce.number().int().min(1).max(1_000_000);
const text = z.string().trim().min(1).max(200);

/** What an editor can do to a page: each is one click or one short form on the desk. */
export const actionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.enum(['subhead', 'paragraph', 'furniture', 'banner', 'kicker', 'headline-start', 'break', 'keep']), line }),
  z.object({ op: z.literal('split'), line, headline: text.optional() }),
  z.object({ op: z.literal('join'), line, to: line }),
  z.object({ op: z.literal('move'), line, to: line, after: line.optional() }),
  z.object({ op: z.literal('headline'), line, text }),
  z.object({ op: z.literal('checked') }),
  z.object({ op: z.literal('undo'), n: z.coerce.number().int().min(1) }),
]);
export type DeskAction = z.infer<typeof actionSchema>;

/** One value in the file: an item of a list key, an entry of a map key, or a whole key. */
interface Slot {
  key: string;
  /** For map keys (headline): the entry's key. */
  entry?: string;
  value: unknown;
}

export interface HistoryEntry {
  n: number;
  at: string;
  by: string;
  op: DeskAction['op'];
  /** What the fix added, and what it took back; an undo names the entry it undoes. */
  added?: Slot;
  replaced?: Slot[];
  undoes?: number;
  /** Set on an entry that was undone: by which entry. */
  undoneBy?: number;
}

/** A block is one of these at a time: a new one replaces the old. */
const BLOCK_KINDS = ['subhead', 'paragraph', 'furniture', 'banner', 'kicker'] as const;
const LIST_KEYS = new Set(['subhead', 'paragraph', 'furniture', 'banner', 'kicker', 'split', 'break', 'keep', 'join', 'move']);

/** The version an editor saw: a hash of the file's bytes ('none' before the first fix). */
export function versionOf(bytes: Uint8Array | undefined): string {
  return bytes && bytes.length > 0 ? createHash('sha256').update(bytes).digest('hex').slice(0, 16) : 'none';
}

const lineOf = (v: unknown): number | undefined => (typeof v === 'number' ? v : isRecord(v) && typeof v.line === 'number' ? v.line : undefined);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function listOf(doc: Document, key: string): unknown[] {
  const v: unknown = doc.toJS()?.[key];
  return Array.isArray(v) ? v : [];
}

function add(doc: Document, slot: Slot): void {
  if (slot.entry !== undefined) {
    if (!isMap(doc.get(slot.key))) doc.set(slot.key, doc.createNode({}));
    doc.setIn([slot.key, slot.entry], slot.value);
  } else if (LIST_KEYS.has(slot.key)) {
    const seq = doc.get(slot.key);
    if (isSeq(seq)) {
      if (!listOf(doc, slot.key).some((v) => same(v, slot.value))) seq.add(doc.createNode(slot.value));
    } else {
      const node = doc.createNode([slot.value]);
      // One line per key: subhead: [42, 57], move: [{ line: 91, to: 23 }].
      node.flow = true;
      doc.set(slot.key, node);
    }
  } else doc.set(slot.key, doc.createNode(slot.value));
}

function remove(doc: Document, slot: Slot): void {
  if (slot.entry !== undefined) {
    const map = doc.get(slot.key);
    if (!isMap(map)) return;
    if (same(doc.getIn([slot.key, slot.entry]), slot.value)) map.delete(slot.entry);
    if (map.items.length === 0) doc.delete(slot.key);
  } else if (LIST_KEYS.has(slot.key)) {
    const seq = doc.get(slot.key);
    if (!isSeq(seq)) return;
    const i = listOf(doc, slot.key).findIndex((v) => same(v, slot.value));
    if (i !== -1) seq.delete(i);
    if (seq.items.length === 0) doc.delete(slot.key);
  } else if (same(doc.toJS()?.[slot.key], slot.value)) doc.delete(slot.key);
}

/** What a block of `line` is now said to be, in the keys an action of `keys` replaces. */
function heldAt(doc: Document, keys: readonly string[], at: number): Slot[] {
  return keys.flatMap((key) => listOf(doc, key).filter((v) => lineOf(v) === at).map((value) => ({ key, value })));
}

export function historyOf(source: string): HistoryEntry[] {
  const h: unknown = parseDocument(source).toJS()?.history;
  return Array.isArray(h) ? (h.filter(isRecord) as unknown as HistoryEntry[]) : [];
}

/**
 * Applies one action to the overrides file's text and returns the new text. Throws DeskError with a
 * message for the editor when the action cannot apply (an undo of an entry that does not exist).
 */
export function applyAction(source: string, action: DeskAction, by: string, now: Date): string {
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new DeskError(`the overrides file is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as never;
  const history = historyOf(source);
  const n = Math.max(0, ...history.map((e) => e.n)) + 1;
  const entry: HistoryEntry = { n, at: now.toISOString(), by, op: action.op };

  if (action.op === 'undo') {
    const target = history.find((e) => e.n === action.n);
    if (!target || target.op === 'undo') throw new DeskError(`there is no fix #${action.n} to undo`);
    if (target.undoneBy) throw new DeskError(`fix #${action.n} was already undone (by #${target.undoneBy})`);
    if (target.added) remove(doc, target.added);
    for (const r of target.replaced ?? []) add(doc, r);
    entry.undoes = action.n;
    const seq = doc.get('history');
    if (isSeq(seq)) {
      const i = history.findIndex((e) => e.n === action.n);
      doc.setIn(['history', i, 'undoneBy'], n);
    }
  } else {
    const { added, replaces } = slotFor(doc, action, by, now);
    const replaced = replaces.filter((r) => !same(r, added));
    for (const r of replaced) remove(doc, r);
    add(doc, added);
    entry.added = added;
    if (replaced.length > 0) entry.replaced = replaced;
  }
  if (!isSeq(doc.get('history'))) doc.set('history', doc.createNode([]));
  // One line per entry, the log kept at the end of the file under the rules it explains.
  const node = doc.createNode(entry);
  node.flow = true;
  (doc.get('history') as YAMLSeq).add(node);
  if (isMap(doc.contents)) {
    const items = doc.contents.items;
    const i = items.findIndex((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === 'history');
    if (i !== -1 && i !== items.length - 1) items.push(...items.splice(i, 1));
  }
  return doc.toString({ lineWidth: 0 });
}

/** The value an action adds, and what it takes back. */
function slotFor(doc: Document, a: Exclude<DeskAction, { op: 'undo' }>, by: string, now: Date): { added: Slot; replaces: Slot[] } {
  switch (a.op) {
    case 'subhead':
    case 'paragraph':
    case 'furniture':
    case 'banner':
    case 'kicker':
      // Also takes back "a new article starts here" at that heading.
      return { added: { key: a.op, value: a.line }, replaces: [...heldAt(doc, BLOCK_KINDS, a.line), ...heldAt(doc, ['split'], a.line)] };
    case 'headline-start':
      return { added: { key: 'split', value: a.line }, replaces: [...heldAt(doc, BLOCK_KINDS, a.line), ...heldAt(doc, ['split'], a.line)] };
    case 'split':
      return {
        added: { key: 'split', value: a.headline ? { line: a.line, headline: a.headline } : a.line },
        replaces: heldAt(doc, ['split'], a.line),
      };
    case 'break':
      // A new paragraph here undoes "join this block to …" at the same block.
      return { added: { key: 'break', value: a.line }, replaces: heldAt(doc, ['join'], a.line) };
    case 'keep':
      return { added: { key: 'keep', value: a.line }, replaces: [] };
    case 'join':
      return { added: { key: 'join', value: { line: a.line, to: a.to } }, replaces: heldAt(doc, ['join', 'break'], a.line) };
    case 'move':
      return {
        added: { key: 'move', value: { line: a.line, to: a.to, ...(a.after ? { after: a.after } : {}) } },
        replaces: heldAt(doc, ['move'], a.line),
      };
    case 'headline': {
      const entry = String(a.line);
      const was: unknown = doc.getIn(['headline', entry]);
      return { added: { key: 'headline', entry, value: a.text }, replaces: was === undefined ? [] : [{ key: 'headline', entry, value: was }] };
    }
    case 'checked': {
      const was: unknown = doc.toJS()?.checked;
      return { added: { key: 'checked', value: { by, at: now.toISOString() } }, replaces: was === undefined ? [] : [{ key: 'checked', value: was }] };
    }
  }
}

/** A fix that cannot be made, said for the editor. */
export class DeskError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** One write at a time per file in this process: the version check and the write happen together. */
const queues = new Map<string, Promise<unknown>>();

export interface Saved {
  version: string;
  entry: HistoryEntry;
}

/**
 * Applies an action to the overrides file at `file` if it is still at `expected` (the version the
 * editor's page showed); else refuses with a DeskError (409) that says who changed it.
 */
export function saveAction(file: string, expected: string, action: DeskAction, by: string, now = new Date()): Promise<Saved> {
  const run = async (): Promise<Saved> => {
    const bytes = readIfThere(file);
    const version = versionOf(bytes);
    if (version !== expected) {
      const last = historyOf(new TextDecoder().decode(bytes ?? new Uint8Array())).at(-1);
      const who = last ? `${last.by} (fix #${last.n}, ${last.at})` : 'someone';
      throw new DeskError(`this page was changed by ${who} after you opened it. Nothing was saved: reload the page and make the fix again.`, 409);
    }
    const source = bytes ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : '';
    const next = applyAction(source, action, by, now);
    const out = new TextEncoder().encode(next);
    // The parser must accept what the desk writes (throws IngestError naming the file and line).
    readOverrides(out, file);
    writeAtomic(file, out);
    const entry = historyOf(next).at(-1)!;
    return { version: versionOf(out), entry };
  };
  const prev = queues.get(file) ?? Promise.resolve();
  const done = prev.then(run, run);
  const tail = done.catch(() => undefined);
  queues.set(file, tail);
  void tail.then(() => {
    if (queues.get(file) === tail) queues.delete(file);
  });
  return done;
}

export function readIfThere(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes beside the file and renames over it: a reader sees the old file or the new one, never half. */
export function writeAtomic(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
