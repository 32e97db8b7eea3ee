/**
 * The static index files, in segments: each segment indexes a run of issues (a year, as
 * `npm run build:search` writes them, segmented-build.ts) in its own folder `s/<id>/`, so a new or
 * edited issue rewrites its year's segment and leaves the others as they are. In a segment, term
 * shards: tokens are hashed into shards (a headline token goes with its plain token), each shard a
 * list of [token, docs with count 1, docs with count 2, …], doc numbers delta-encoded and local to the
 * segment. Doc shards: fixed runs of consecutive docs with the fields snippets and verification read.
 * The manifest lists the segments newest first: a doc's number in the archive is its number in its
 * segment plus the docs of the segments before it, so the archive is numbered as one index would
 * number it (newest issue first). A query fetches the manifest, the shard of each of its tokens in
 * every segment, and the doc shards of the results it verifies and shows (segments.ts).
 */
import type { BuiltIndex } from './build';
import { postingMap, TF_CAP, type Buckets } from './engine';
import { HEAD } from './tokenize';
import type { SearchDoc } from './types';

export const FORMAT = 2;

/** One segment's index: its files are s/<id>/t/N.json and s/<id>/d/N.json. */
export interface Segment {
  /** Changes whenever the segment's content does, so its files can be cached for good. */
  id: string;
  docCount: number;
  termShards: number;
  docShardSize: number;
}

export interface Manifest {
  format: number;
  /** Changes whenever the content does. */
  version: string;
  docCount: number;
  /** Newest first. */
  segments: Segment[];
  /** [date, first doc number of that issue] over the whole archive, dates descending. */
  dates: [string, number][];
  /** Fingerprint of the archive the files were built from (prebuilt.ts); absent for the server's own. */
  source?: string;
}

export const SEGMENT_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Path of a segment's file (t/3.json, d/0.json) from the index root. */
export function segmentPath(id: string, rel: string): string {
  return `s/${id}/${rel}`;
}

/** [token, ...count buckets]: bucket k lists (delta-encoded) the docs where the token occurs k+1 times, 0 if none. */
export type TermEntry = [string, ...(number[] | 0)[]];
/** [id, page, headline, kicker, subheadline, bylines, body] */
export type DocEntry = [string, number, string, string, string, string, string];

/** FNV-1a over UTF-16 units; the shard of a token (its headline twin shares it). */
export function shardOf(token: string, shards: number): number {
  const t = token.startsWith(HEAD) ? token.slice(HEAD.length) : token;
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

function encodeBuckets(buckets: Buckets): (number[] | 0)[] {
  const out: (number[] | 0)[] = [];
  for (let tf = 1; tf <= TF_CAP; tf++) {
    const ids = buckets[TF_CAP - tf];
    if (!ids?.length) {
      out.push(0);
      continue;
    }
    const sorted = ids; // docs are added in ascending order
    out.push(sorted.map((n, i) => (i ? n - sorted[i - 1]! : n)));
  }
  while (out.at(-1) === 0) out.pop();
  return out;
}

/** Back to flexsearch's map entry: [token, buckets by score]. */
export function decodeEntry(entry: TermEntry): [string, number[][]] {
  const [token, ...byTf] = entry;
  const buckets: number[][] = [];
  byTf.forEach((deltas, k) => {
    if (!deltas) return;
    let n = 0;
    buckets[TF_CAP - 1 - k] = deltas.map((d) => (n += d));
  });
  return [token, buckets];
}

export function docEntry(d: SearchDoc): DocEntry {
  return [d.id, d.page, d.headline, d.kicker ?? '', d.subheadline ?? '', d.bylines, d.body];
}

export function entryDoc(e: DocEntry, date: string): SearchDoc {
  const [id, page, headline, kicker, subheadline, bylines, body] = e;
  return {
    id,
    date,
    page,
    headline,
    kicker: kicker || undefined,
    subheadline: subheadline || undefined,
    bylines,
    body,
  };
}

export interface IndexFile {
  path: string;
  body: string;
}

export interface ShardFiles {
  manifest: Manifest;
  /** Path relative to the index root (s/<id>/t/3.json, s/<id>/d/0.json) and its JSON text. */
  files: IndexFile[];
}

/**
 * A query reads one term shard per token in every segment, so segments have small ones: at 100,000
 * articles in 8 yearly segments, 8 KB shards make a query fetch what 64 KB shards of one index did
 * (194 KiB gzip median, bench:search), 16 KB ones 17% more, 64 KB ones 2.6 times as much.
 */
export const SEGMENT_TERM_BYTES = 8_000;
export const DOC_SHARD_SIZE = 16;

export interface SegmentOptions {
  /** Aim for term shards of about this many JSON bytes (default SEGMENT_TERM_BYTES). */
  termShardBytes?: number;
  /** Docs per doc shard (default DOC_SHARD_SIZE). */
  docShardSize?: number;
}

export interface ShardOptions extends SegmentOptions {
  version?: string;
  source?: string;
}

export interface SegmentFiles {
  segment: Segment;
  /** The segment's own date table (doc numbers local to it). */
  dates: [string, number][];
  /** Paths relative to the segment's folder (t/3.json, d/0.json). */
  files: IndexFile[];
}

/** The files of one segment; its texts are not needed (the doc shards carry the fields they are folded from). */
export function segmentFiles(
  built: Omit<BuiltIndex, 'texts'>,
  id: string,
  opts: SegmentOptions = {},
): SegmentFiles {
  const entries = new Map<string, string>();
  let total = 0;
  for (const [tok, buckets] of postingMap(built.index)) {
    const json = JSON.stringify([tok, ...encodeBuckets(buckets)]);
    entries.set(tok, json);
    total += json.length + 1;
  }
  const termShards = Math.max(1, Math.round(total / (opts.termShardBytes ?? SEGMENT_TERM_BYTES)));
  const groups: string[][] = Array.from({ length: termShards }, () => []);
  for (const [tok, json] of entries) groups[shardOf(tok, termShards)]!.push(json);
  const files = groups.map((g, s) => ({ path: `t/${s}.json`, body: `[${g.join(',\n')}]` }));

  const docShardSize = opts.docShardSize ?? DOC_SHARD_SIZE;
  for (let s = 0; s * docShardSize < built.docs.length; s++) {
    const part = built.docs.slice(s * docShardSize, (s + 1) * docShardSize).map(docEntry);
    files.push({ path: `d/${s}.json`, body: JSON.stringify(part) });
  }
  return {
    segment: { id, docCount: built.docs.length, termShards, docShardSize },
    dates: built.dates,
    files,
  };
}

/** The manifest of segments given newest first, each with its own date table. */
export function joinSegments(
  parts: { segment: Segment; dates: [string, number][] }[],
  opts: { version: string; source?: string },
): Manifest {
  const dates: [string, number][] = [];
  let docCount = 0;
  for (const { segment, dates: own } of parts) {
    for (const [date, first] of own) dates.push([date, docCount + first]);
    docCount += segment.docCount;
  }
  return {
    format: FORMAT,
    version: opts.version,
    docCount,
    segments: parts.map((p) => p.segment),
    dates,
    ...(opts.source ? { source: opts.source } : {}),
  };
}

/** The files of an index as one segment, its term shards 64 KB by default (tests, benchmarks). */
export function toShards(built: Omit<BuiltIndex, 'texts'>, opts: ShardOptions = {}): ShardFiles {
  const version = opts.version ?? String(Date.now());
  const id = `all-${version}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  const part = segmentFiles(built, id, { termShardBytes: 64_000, ...opts });
  return {
    manifest: joinSegments([part], { version, source: opts.source }),
    files: part.files.map((f) => ({ path: segmentPath(id, f.path), body: f.body })),
  };
}
