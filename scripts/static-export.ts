/**
 * The incremental static export's bookkeeping (scripts/build-static.ts runs it): the manifest that
 * out/ keeps of what it was built from, the plan of what a new export must write, which part of the
 * site a file of the export belongs to, and the merge of a (partial) export into out/.
 *
 * What a page shows, and so when it must be written again:
 *   - an article, its card: its issue's content (the page files and their overrides): `key`;
 *   - an issue's printed pages (and /<locale>/<date>): that too, and the dates of the issues before
 *     and after it and of the same day in other years (IssueNav): `nav`;
 *   - an archive month (and its sitemap): its issues' dates and content, whether the newest issue is
 *     in it, and for a month without issues (a gap, or the calendar's months either side of the archive)
 *     the content of the last issue before it (it names that issue's paper): the month's key;
 *   - everything else (the home pages, the archive index, feeds, sitemap index, robots.txt, search
 *     page, 404): the whole archive, so it is written every time; these are few and small.
 * Nothing here reads a page: the keys come from the archive's scan (lib/content/version.ts) and a
 * hash of each changed issue's files.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  type Dirent,
} from 'node:fs';
import path from 'node:path';
import type { Listing } from '@/lib/content/version';

export const MANIFEST = '.dubao-export.json';
export const MANIFEST_FORMAT = 1;

export interface IssueRecord {
  /** Hash of the names and stamps (mtime, size) of its page files: while equal, `key` holds. */
  stamps: string;
  /** Hash of the names and bytes of its page files and their overrides. */
  key: string;
  /** Hash of the dates its printed pages link to (IssueNav). */
  nav: string;
}

export interface ExportManifest {
  format: number;
  /** Fingerprint of the code (and SITE_URL) that wrote out/: another one means a full export. */
  code: string;
  issues: Record<string, IssueRecord>;
  /** Archive months (YYYY-MM) written, with their keys. */
  months: Record<string, string>;
}

const hash = (...parts: string[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('base64url').slice(0, 22);
};

/** Each issue's stamps and content key; content is hashed only for issues whose stamps changed. */
export function issueKeys(
  listing: Pick<Listing, 'issues'>,
  before: ExportManifest | undefined,
  read: (file: string) => Buffer = readFileSync,
): Map<string, { stamps: string; key: string }> {
  const out = new Map<string, { stamps: string; key: string }>();
  for (const issue of listing.issues) {
    if (issue.files.length === 0) continue;
    const stamps = hash(...issue.files.map((f) => `${path.basename(f.full)}:${f.stamp}`));
    const old = before?.issues[issue.date];
    if (old?.stamps === stamps) {
      out.set(issue.date, { stamps, key: old.key });
      continue;
    }
    const parts = issue.files.flatMap((f) => [
      path.basename(f.full),
      hash(read(f.full).toString('base64')),
      f.side ? hash(read(f.side).toString('base64')) : '',
    ]);
    out.set(issue.date, { stamps, key: hash(...parts) });
  }
  return out;
}

const MM_DD = (date: string) => date.slice(5);

/** The dates an issue's printed pages link to: the issues before and after it, 往年今日. */
export function navKeys(dates: readonly string[]): Map<string, string> {
  const sorted = [...dates].sort();
  const byDay = new Map<string, string[]>();
  for (const d of sorted) byDay.set(MM_DD(d), [...(byDay.get(MM_DD(d)) ?? []), d]);
  return new Map(
    sorted.map((d, i) => {
      const others = (byDay.get(MM_DD(d)) ?? []).filter((o) => o !== d);
      return [d, hash(sorted[i - 1] ?? '', sorted[i + 1] ?? '', others.join(','))];
    }),
  );
}

function addMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** Every archive month the export writes (one before the first issue to one after the last), with its key. */
export function monthKeys(issues: ReadonlyMap<string, { key: string }>): Map<string, string> {
  const dates = [...issues.keys()].sort();
  const first = dates[0];
  const latest = dates.at(-1);
  if (!first || !latest) return new Map();
  const inMonth = new Map<string, string[]>();
  for (const d of dates)
    inMonth.set(d.slice(0, 7), [...(inMonth.get(d.slice(0, 7)) ?? []), `${d}:${issues.get(d)!.key}`]);
  const out = new Map<string, string>();
  const end = addMonth(latest.slice(0, 7), 1);
  for (let m = addMonth(first.slice(0, 7), -1); ; m = addMonth(m, 1)) {
    const own = inMonth.get(m);
    // A month without issues names the paper of the last issue before it (before the first: the first's).
    const near = dates.filter((d) => d < m).at(-1) ?? first;
    out.set(
      m,
      hash(m, own?.join(',') ?? `empty:${issues.get(near)!.key}`, latest.startsWith(m) ? latest : ''),
    );
    if (m === end) return out;
  }
}

export interface ArchiveState {
  code: string;
  issues: Map<string, { stamps: string; key: string }>;
}

/** The manifest of an export of this state. */
export function manifestOf(state: ArchiveState): ExportManifest {
  const nav = navKeys([...state.issues.keys()]);
  const issues: Record<string, IssueRecord> = {};
  for (const [date, k] of [...state.issues].sort(([a], [b]) => a.localeCompare(b))) {
    issues[date] = { ...k, nav: nav.get(date)! };
  }
  return {
    format: MANIFEST_FORMAT,
    code: state.code,
    issues,
    months: Object.fromEntries(monthKeys(state.issues)),
  };
}

export interface Plan {
  /** Why everything is written (no manifest, other code …), or undefined for an incremental export. */
  full?: string;
  /** Issues written whole (new or changed). */
  only: string[];
  /** Issues whose printed pages only are written (their neighbours or 往年今日 changed). */
  nav: string[];
  /** Archive months written. */
  months: string[];
  /** Issues and months whose files go. */
  removed: string[];
  removedMonths: string[];
  manifest: ExportManifest;
}

export function plan(before: ExportManifest | undefined, state: ArchiveState): Plan {
  const manifest = manifestOf(state);
  const all = {
    only: Object.keys(manifest.issues),
    nav: [],
    months: Object.keys(manifest.months),
    removed: [],
    removedMonths: [],
    manifest,
  };
  if (!before) return { ...all, full: 'no earlier export' };
  if (before.format !== MANIFEST_FORMAT) return { ...all, full: 'an export of another format' };
  if (before.code !== manifest.code) return { ...all, full: 'the code or SITE_URL changed' };
  const only = all.only.filter((d) => before.issues[d]?.key !== manifest.issues[d]!.key);
  const whole = new Set(only);
  return {
    only,
    nav: all.only.filter((d) => !whole.has(d) && before.issues[d]?.nav !== manifest.issues[d]!.nav),
    months: all.months.filter((m) => before.months[m] !== manifest.months[m]),
    removed: Object.keys(before.issues).filter((d) => !manifest.issues[d]),
    removedMonths: Object.keys(before.months).filter((m) => !manifest.months[m]),
    manifest,
  };
}

/** Where a file of the export belongs (its path relative to out/, with forward slashes). */
export type Scope =
  | { kind: 'issue'; date: string; view: boolean }
  | { kind: 'month'; month: string }
  | { kind: 'assets' }
  /** The search index and the manifest: written by their own steps, never by the merge. */
  | { kind: 'own' }
  | { kind: 'shared' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const stem = (name: string) => name.replace(/\.[^.]*$/, '');

export function scopeOf(rel: string): Scope {
  const parts = rel.split('/');
  const [a, b, c] = parts;
  if (a === MANIFEST) return { kind: 'own' };
  if (a === '_next') return { kind: 'assets' };
  if (a === 'search' && parts.length > 1) return { kind: 'own' };
  if (a === 'og' && b && DATE.test(b)) return { kind: 'issue', date: b, view: false };
  if (a === 'sitemaps' && b && parts.length === 2) return { kind: 'month', month: stem(b) };
  if (b === 'archive' && c && parts.length === 3) return { kind: 'month', month: stem(c) };
  if (b && DATE.test(stem(b))) {
    // /<locale>/<date> and /<locale>/<date>/<page> are views; deeper are articles.
    return {
      kind: 'issue',
      date: stem(b),
      view: parts.length === 2 || (parts.length === 3 && c !== undefined),
    };
  }
  return { kind: 'shared' };
}

/** Does an incremental export with this plan write the file (else it is a stand-in, left out)? */
export function wanted(scope: Scope, p: Pick<Plan, 'full' | 'only' | 'nav' | 'months'>): boolean {
  if (p.full !== undefined) return scope.kind !== 'own';
  switch (scope.kind) {
    case 'issue':
      return p.only.includes(scope.date) || (scope.view && p.nav.includes(scope.date));
    case 'month':
      return p.months.includes(scope.month);
    case 'own':
      return false;
    default:
      return true;
  }
}

function* walk(
  dir: string,
  rel = '',
  skip: (rel: string, d: Dirent) => boolean = () => false,
): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (skip(r, e)) continue;
    if (e.isDirectory()) yield* walk(path.join(dir, e.name), r, skip);
    else yield r;
  }
}

/**
 * Drops what a static reader never requests: the React Server Components payloads (`<page>.txt`
 * beside `<page>.html`, and the `__next.*` segment files) that next/link fetches for client-side
 * navigation; the static export's links are plain <a> (components/common/link.tsx). Returns the
 * files and bytes removed.
 */
export function pruneRscPayloads(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const rel of [...walk(dir)]) {
    const name = path.posix.basename(rel);
    const html = rel.replace(/\.txt$/, '.html');
    if (name.startsWith('__next.') || (rel.endsWith('.txt') && existsSync(path.join(dir, html)))) {
      const full = path.join(dir, rel);
      bytes += statSync(full).size;
      unlinkSync(full);
      files++;
    }
  }
  removeEmptyDirs(dir);
  return { files, bytes };
}

function removeEmptyDirs(dir: string, keep = true): boolean {
  let empty = true;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && removeEmptyDirs(path.join(dir, e.name), false)) continue;
    empty = false;
  }
  if (empty && !keep) rmdirSync(dir);
  return empty;
}

function sameBytes(a: string, b: string): boolean {
  try {
    if (statSync(a).size !== statSync(b).size) return false;
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

export interface MergeResult {
  written: string[];
  bytesWritten: number;
  unchanged: number;
  removed: string[];
  /** Stand-ins the export wrote for routes the plan left without params. */
  skipped: number;
}

/**
 * Merges an export (`from`, the whole site or the plan's part of it) into out/ (`to`): copies each
 * file the plan wants whose bytes differ from out/'s (an equal file keeps its mtime), and removes
 * from out/ the files of the parts the export wrote anew that it no longer has: for a full export
 * every file but the search index's; for an incremental one, those of the issues written whole or
 * gone (all their pages, articles and cards), of the months written or gone, and of the shared
 * pages. `_next/` only grows in an incremental export (the pages kept still load their chunks).
 */
export function mergeExport(from: string, to: string, p: Plan): MergeResult {
  const result: MergeResult = { written: [], bytesWritten: 0, unchanged: 0, removed: [], skipped: 0 };
  const kept = new Set<string>();
  for (const rel of walk(from)) {
    const scope = scopeOf(rel);
    if (!wanted(scope, p)) {
      result.skipped++;
      continue;
    }
    kept.add(rel);
    const src = path.join(from, rel);
    const dst = path.join(to, rel);
    if (sameBytes(src, dst)) {
      result.unchanged++;
      continue;
    }
    mkdirSync(path.dirname(dst), { recursive: true });
    copyFileSync(src, dst);
    result.written.push(rel);
    result.bytesWritten += statSync(dst).size;
  }
  const remove = (rel: string) => {
    if (kept.has(rel)) return;
    rmSync(path.join(to, rel), { force: true });
    result.removed.push(rel);
    // Its folders too, once empty (not a walk of the whole of out/).
    for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) {
      try {
        rmdirSync(path.join(to, dir));
      } catch {
        break;
      }
    }
  };
  if (p.full !== undefined) {
    for (const rel of [...walk(to)]) if (scopeOf(rel).kind !== 'own') remove(rel);
  } else {
    const issues = new Set([...p.only, ...p.removed]);
    const months = new Set([...p.months, ...p.removedMonths]);
    // Everything but the issues' folders, the cards, the assets and the search index: the shared
    // pages and the archive months (a few files per locale and per month, not per issue).
    const candidates = walk(to, '', (rel, d) => {
      const s = scopeOf(rel);
      if (d.isDirectory())
        return (
          rel === '_next' || rel === 'search' || rel === 'og' || (s.kind === 'issue' && !issues.has(s.date))
        );
      return false;
    });
    for (const rel of [...candidates]) {
      const s = scopeOf(rel);
      if (s.kind === 'shared') remove(rel);
      else if (s.kind === 'month' && months.has(s.month)) remove(rel);
      else if (s.kind === 'issue' && issues.has(s.date)) remove(rel);
    }
    for (const date of issues)
      for (const rel of [...walk(path.join(to, 'og', date), `og/${date}`)]) remove(rel);
  }
  return result;
}
