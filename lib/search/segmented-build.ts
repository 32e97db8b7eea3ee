/**
 * The static index as `npm run build:search` writes it: one segment per year of issues (shards.ts),
 * each in its own folder `s/<id>/`, the manifest listing them newest first. A segment's id carries a
 * key: a hash of the indexing and parsing code's versions, the shard sizes, and the name and stamp
 * (mtime and size, the overrides' too: the content scan's) of every page file of its year. A build
 * scans the archive (no page is read), keeps every segment whose key is unchanged as it is on disk,
 * and reads, parses and indexes only the years whose files changed, their unchanged issues coming
 * from the cache of indexed issues (index-cache.ts). Publishing today's issue therefore rewrites
 * this year's segment, however long the archive. The files are those a build from scratch writes.
 *
 * Each segment folder gets its record (segment.json) after its shards, and the manifest is replaced
 * after every segment it lists is complete; folders it no longer lists are removed after that, so a
 * server or a browser reading the old manifest meanwhile still finds its files.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assembleArchive, type LoadOptions } from '@/lib/content/load';
import { scanArchive, type Listing } from '@/lib/content/version';
import { archiveItems, byYear, toSearchDocs } from './archive';
import { indexVersion, type DiskIssueCache } from './index-cache';
import { mergeIssues, type IssueCache } from './issue-index';
import { archiveFingerprint, parserVersion } from './prebuilt';
import {
  DOC_SHARD_SIZE,
  FORMAT,
  SEGMENT_TERM_BYTES,
  joinSegments,
  segmentFiles,
  SEGMENT_ID,
  type Manifest,
  type Segment,
  type SegmentOptions,
} from './shards';

/** What a segment folder records about itself (segment.json, written last). */
export interface SegmentRecord {
  format: number;
  key: string;
  segment: Segment;
  dates: [string, number][];
  /** The cache entries of its issues, kept while the segment is (DiskIssueCache.keep). */
  cacheEntries: string[];
}

export interface SegmentedBuildOptions extends SegmentOptions {
  /** The archive (absolute, as contentDir() gives it: the manifest's source fingerprints it). */
  dir: string;
  /** The index folder (public/search). */
  out: string;
  cache?: DiskIssueCache;
  /** How pages are parsed and broken files reported (defaults: the parse cache, console.error). */
  load?: Pick<LoadOptions, 'parse' | 'onError'>;
  /** The code's version in every key; defaults to the indexing code's and the parser's. Undefined: no segment is reused. */
  codeVersion?: string;
}

export interface SegmentedBuild {
  manifest: Manifest;
  /** Years indexed this time, and years whose segment was kept. */
  built: string[];
  kept: string[];
  issues: { indexed: number; reused: number };
  /** Files and bytes written this time. */
  files: number;
  bytes: number;
  /** Segment folders (and files of an older layout) removed. */
  removed: number;
  /** A page file changed while the build read the archive: the manifest then has no source. */
  changedWhileRead: boolean;
}

const RECORD = 'segment.json';

function defaultCodeVersion(): string | undefined {
  const index = indexVersion();
  const parser = parserVersion();
  return index && parser ? `${index}\0${parser}` : undefined;
}

/** The key of a year's segment: its files as the scan found them, and the code that indexes them. */
export function segmentKey(
  dir: string,
  year: string,
  issues: Listing['issues'],
  code: string,
  opts: SegmentOptions,
): string {
  const hash = createHash('sha256').update(
    `dubao search segment ${FORMAT}\0code ${code}\0shards ${opts.termShardBytes ?? SEGMENT_TERM_BYTES}/${opts.docShardSize ?? DOC_SHARD_SIZE}\0year ${year}\n`,
  );
  for (const issue of issues) {
    hash.update(`issue ${issue.date}\0${issue.errors.join('\0')}\n`);
    for (const f of issue.files) hash.update(`${path.relative(dir, f.full)}\0${f.stamp}\n`);
  }
  return hash.digest('hex').slice(0, 20);
}

/** A segment folder's record if the folder is complete and was built under `key`. */
function readRecord(folder: string, id: string, key: string): SegmentRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(path.join(folder, RECORD), 'utf8')) as SegmentRecord;
    if (r?.format !== FORMAT || r.key !== key || r.segment?.id !== id) return undefined;
    if (!Array.isArray(r.dates) || !Array.isArray(r.cacheEntries)) return undefined;
    const { termShards, docShardSize, docCount } = r.segment;
    // Every shard the record promises is there (a folder half removed by hand is built again).
    const count = (sub: string) => readdirSync(path.join(folder, sub)).filter((n) => n.endsWith('.json')).length;
    if (count('t') !== termShards || count('d') !== Math.ceil(docCount / docShardSize)) return undefined;
    return r;
  } catch {
    return undefined;
  }
}

/** Writes (or keeps) one segment per year of the archive in `out`, then the manifest. */
export function buildSegmented(opts: SegmentedBuildOptions): SegmentedBuild {
  const { dir, out, cache } = opts;
  const shardOpts: SegmentOptions = { termShardBytes: opts.termShardBytes, docShardSize: opts.docShardSize };
  const code = 'codeVersion' in opts ? opts.codeVersion : defaultCodeVersion();
  const onError = opts.load?.onError ?? console.error;
  const listing = scanArchive(dir);
  for (const message of listing.errors) onError(message);

  const result: Omit<SegmentedBuild, 'manifest' | 'changedWhileRead'> = {
    built: [],
    kept: [],
    issues: { indexed: 0, reused: 0 },
    files: 0,
    bytes: 0,
    removed: 0,
  };
  const records: SegmentRecord[] = [];
  // Newest year first: the archive's doc numbers run newest first.
  for (const [year, issues] of byYear(listing.issues)) {
    const key = code ? segmentKey(dir, year, issues, code, shardOpts) : `x${Date.now().toString(36)}`;
    const id = `${year}-${key}`;
    if (!SEGMENT_ID.test(id)) throw new Error(`${dir}: cannot name the search segment of year ${year}`);
    const folder = path.join(out, 's', id);
    const kept = code ? readRecord(folder, id, key) : undefined;
    if (kept) {
      cache?.keep(kept.cacheEntries);
      records.push(kept);
      result.kept.push(year);
      continue;
    }

    // Only this year's pages are read (through the parse cache) and its changed issues indexed.
    const archive = assembleArchive(
      { dir, issues, errors: [], version: '' },
      { parse: opts.load?.parse, onError },
    );
    const docs = toSearchDocs(archiveItems(archive));
    if (docs.length === 0) continue;
    const cacheEntries: string[] = [];
    const recording: IssueCache | undefined = cache && {
      get: (d) => {
        cacheEntries.push(cache.nameOf(d));
        return cache.get(d);
      },
      set: (d, terms) => cache.set(d, terms),
    };
    const merged = mergeIssues(docs, recording);
    result.issues.indexed += merged.stats.indexed;
    result.issues.reused += merged.stats.reused;
    const part = segmentFiles(merged, id, shardOpts);

    rmSync(folder, { recursive: true, force: true });
    mkdirSync(path.join(folder, 't'), { recursive: true });
    mkdirSync(path.join(folder, 'd'), { recursive: true });
    for (const f of part.files) {
      writeFileSync(path.join(folder, f.path), f.body);
      result.bytes += Buffer.byteLength(f.body);
    }
    const record: SegmentRecord = { format: FORMAT, key, segment: part.segment, dates: part.dates, cacheEntries };
    writeFileSync(path.join(folder, RECORD), JSON.stringify(record));
    result.files += part.files.length + 1;
    records.push(record);
    result.built.push(year);
  }

  // A file that changed while it was read leaves the index without a source: servers index in memory.
  const changedWhileRead = scanArchive(dir).version !== listing.version;
  const source = changedWhileRead ? undefined : archiveFingerprint(dir, parserVersion(), listing.version);
  const version = createHash('sha256')
    .update(records.map((r) => r.segment.id).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const manifest = joinSegments(records, { version, source });
  mkdirSync(path.join(out, 's'), { recursive: true });
  const tmp = path.join(out, `manifest.json.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(manifest));
  renameSync(tmp, path.join(out, 'manifest.json'));
  result.files++;

  // What the manifest no longer lists: older segments, and the files of the one-folder layout before segments.
  const ids = new Set(records.map((r) => r.segment.id));
  for (const name of readdirSync(out)) {
    if (name === 'manifest.json' || name === 's') continue;
    rmSync(path.join(out, name), { recursive: true, force: true });
    result.removed++;
  }
  for (const name of readdirSync(path.join(out, 's'))) {
    if (ids.has(name)) continue;
    rmSync(path.join(out, 's', name), { recursive: true, force: true });
    result.removed++;
  }
  return { manifest, changedWhileRead, ...result };
}
