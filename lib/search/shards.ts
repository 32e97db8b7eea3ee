/**
 * The static index files. Term shards: tokens are hashed into shards (a headline token goes with its
 * plain token), each shard a list of [token, docs with count 1, docs with count 2, …], doc numbers
 * delta-encoded. Doc shards: fixed runs of consecutive docs with the fields snippets and verification read.
 * A query fetches the manifest, the shards of its tokens, and the doc shards of the results it shows.
 */
import type { BuiltIndex } from './build';
import { postingMap, TF_CAP, type Buckets } from './engine';
import { HEAD } from './tokenize';
import type { SearchDoc } from './types';

export const FORMAT = 1;

export interface Manifest {
  format: number;
  /** Changes whenever the content does; appended to shard URLs. */
  version: string;
  docCount: number;
  termShards: number;
  docShardSize: number;
  dates: [string, number][];
  /** Fingerprint of the archive the files were built from (prebuilt.ts); absent for the server's own. */
  source?: string;
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

export interface ShardFiles {
  manifest: Manifest;
  /** Path relative to the index root (t/3.json, d/0.json) and its JSON text. */
  files: { path: string; body: string }[];
}

export interface ShardOptions {
  /** Aim for term shards of about this many JSON bytes. */
  termShardBytes?: number;
  docShardSize?: number;
  version?: string;
  source?: string;
}

/** The files of an index; its texts are not needed (the doc shards carry the fields they are folded from). */
export function toShards(built: Omit<BuiltIndex, 'texts'>, opts: ShardOptions = {}): ShardFiles {
  const entries = new Map<string, string>();
  let total = 0;
  for (const [tok, buckets] of postingMap(built.index)) {
    const json = JSON.stringify([tok, ...encodeBuckets(buckets)]);
    entries.set(tok, json);
    total += json.length + 1;
  }
  const termShards = Math.max(1, Math.round(total / (opts.termShardBytes ?? 64_000)));
  const groups: string[][] = Array.from({ length: termShards }, () => []);
  for (const [tok, json] of entries) groups[shardOf(tok, termShards)]!.push(json);
  const files = groups.map((g, s) => ({ path: `t/${s}.json`, body: `[${g.join(',\n')}]` }));

  const docShardSize = opts.docShardSize ?? 16;
  for (let s = 0; s * docShardSize < built.docs.length; s++) {
    const part = built.docs.slice(s * docShardSize, (s + 1) * docShardSize).map(docEntry);
    files.push({ path: `d/${s}.json`, body: JSON.stringify(part) });
  }
  const manifest: Manifest = {
    format: FORMAT,
    version: opts.version ?? String(Date.now()),
    docCount: built.docs.length,
    termShards,
    docShardSize,
    dates: built.dates,
    ...(opts.source ? { source: opts.source } : {}),
  };
  return { manifest, files };
}
