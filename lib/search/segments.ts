/**
 * Reading a segmented index (shards.ts), the same in the browser (client.ts, files fetched) and in
 * Node (prebuilt.ts, files read): which files a query needs, and the archive's posting lists put
 * together from the segments' as the query asks for them. A token's list is made once every segment's
 * shard that may hold it is loaded: the segments' lists in manifest order, each shifted by the docs of
 * the segments before it, which is the list one index of the whole archive holds.
 */
import type { Buckets, FlexIndex } from './engine';
import { postingMap, TF_CAP } from './engine';
import { decodeEntry, segmentPath, shardOf, type Manifest, type TermEntry } from './shards';

export interface TermFile {
  seg: number;
  shard: number;
  path: string;
}

export interface DocFile {
  seg: number;
  shard: number;
  path: string;
  /** Archive doc number of the shard's first doc. */
  first: number;
}

export class SegmentedPostings {
  /** Archive doc number of each segment's first doc. */
  readonly offsets: number[];
  /** Per segment, the term shards loaded: token → buckets (doc numbers local to the segment). */
  private readonly loaded: Map<number, Map<string, Buckets>>[];
  private readonly merged = new Set<string>();

  constructor(
    readonly manifest: Manifest,
    readonly index: FlexIndex,
  ) {
    let at = 0;
    this.offsets = manifest.segments.map((s) => {
      const first = at;
      at += s.docCount;
      return first;
    });
    this.loaded = manifest.segments.map(() => new Map());
  }

  /** The term shards `tokens` need, in every segment, that are not loaded yet. */
  termFiles(tokens: string[]): TermFile[] {
    const out = new Map<string, TermFile>();
    this.manifest.segments.forEach((s, seg) => {
      for (const t of tokens) {
        if (this.merged.has(t)) continue;
        const shard = shardOf(t, s.termShards);
        const path = segmentPath(s.id, `t/${shard}.json`);
        if (!this.loaded[seg]!.has(shard)) out.set(path, { seg, shard, path });
      }
    });
    return [...out.values()];
  }

  addTermShard(file: TermFile, entries: TermEntry[]): void {
    if (!Array.isArray(entries)) throw new Error(`${file.path}: not a term shard`);
    this.loaded[file.seg]!.set(file.shard, new Map(entries.map(decodeEntry)));
  }

  /**
   * Puts the archive's posting lists of `tokens` into the index (flexsearch's map, which the query
   * step reads); every shard termFiles() named must be loaded. A token no segment holds stays absent.
   */
  merge(tokens: string[]): void {
    const map = postingMap(this.index);
    const { segments } = this.manifest;
    for (const t of tokens) {
      if (this.merged.has(t)) continue;
      const parts: [Buckets, number][] = [];
      segments.forEach((s, seg) => {
        const shard = this.loaded[seg]!.get(shardOf(t, s.termShards));
        if (!shard) throw new Error(`${segmentPath(s.id, 't/…')}: shard of "${t}" not loaded`);
        const buckets = shard.get(t);
        if (buckets) parts.push([buckets, this.offsets[seg]!]);
      });
      this.merged.add(t);
      if (!parts.length) continue;
      if (parts.length === 1 && parts[0]![1] === 0) {
        map.set(t, parts[0]![0]);
        continue;
      }
      const buckets: Buckets = [];
      for (let b = 0; b < TF_CAP; b++) {
        let size = 0;
        for (const [own] of parts) size += own[b]?.length ?? 0;
        if (!size) continue;
        const list = new Array<number>(size);
        let at = 0;
        for (const [own, offset] of parts) for (const n of own[b] ?? []) list[at++] = n + offset;
        buckets[b] = list;
      }
      map.set(t, buckets);
    }
  }

  /** The segment doc n is in. */
  segmentOf(n: number): number {
    let a = 0;
    let b = this.offsets.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (this.offsets[mid]! <= n) a = mid;
      else b = mid - 1;
    }
    return a;
  }

  /** The doc shard holding doc n. */
  docFile(n: number): DocFile {
    const seg = this.segmentOf(n);
    const s = this.manifest.segments[seg]!;
    const shard = Math.floor((n - this.offsets[seg]!) / s.docShardSize);
    return {
      seg,
      shard,
      path: segmentPath(s.id, `d/${shard}.json`),
      first: this.offsets[seg]! + shard * s.docShardSize,
    };
  }

  /** Whether `rel` names a file of this index (s/<id>/t/N.json or s/<id>/d/N.json). */
  hasFile(rel: string): boolean {
    const match = /^s\/([A-Za-z0-9_-]{1,80})\/([td])\/(0|[1-9]\d{0,8})\.json$/.exec(rel);
    if (!match) return false;
    const s = this.manifest.segments.find((x) => x.id === match[1]);
    if (!s) return false;
    const count = match[2] === 't' ? s.termShards : Math.ceil(s.docCount / s.docShardSize);
    return Number(match[3]) < count;
  }
}
