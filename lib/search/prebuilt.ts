/**
 * The index files `npm run build:search` wrote, used by the server instead of indexing the archive
 * again, when they describe the archive it reads: the manifest's `source` is a fingerprint of that
 * archive (the content version the content store keeps, and the parser version), so checking it
 * costs the server nothing. Shards are read on demand, like the browser does, so the first
 * search reads the manifest, the term shards of its tokens and the doc shards it verifies or shows.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ingestSourceHash } from '@/lib/content/parser-version';
import { archiveVersion } from '@/lib/content/version';
import { dateOf, docText } from './build';
import { createIndex } from './engine';
import { searchView, type IndexView } from './search';
import { SegmentedPostings } from './segments';
import { entryDoc, FORMAT, SEGMENT_ID, type DocEntry, type Manifest, type ShardFiles, type TermEntry } from './shards';
import type { DocText, SearchDoc, SearchOptions, SearchResult } from './types';

/** The parser version the parse cache uses (parse-cache.ts): inlined in a Next.js bundle, else hashed. */
export function parserVersion(): string {
  return process.env.DUBAO_PARSER_VERSION || ingestSourceHash() || '';
}

/**
 * Fingerprint of the archive in `dir` for the index files: the archive's version (every page file
 * and its overrides with size and mtime, lib/content/version.ts) with the parser and index formats.
 * A server passes the version its content store already holds, so checking costs no walk of the
 * archive; the build step scans it.
 */
export function archiveFingerprint(
  dir: string,
  parser = parserVersion(),
  version = archiveVersion(dir),
): string {
  return createHash('sha256')
    .update(`search ${FORMAT}\0parser ${parser}\0content ${version}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * An index over its files (shards.ts), each read on demand through `text` (which throws, naming the
 * file, if it cannot): the prebuilt files on disk, or the server's own index held in memory.
 */
export class ShardIndex {
  private readonly view: IndexView;
  protected readonly postings: SegmentedPostings;
  private readonly docShards = new Map<string, SearchDoc[]>();
  /** Folded texts of the docs read so far, by doc number (an array: verification reads thousands). */
  private readonly texts: (DocText | undefined)[];

  constructor(
    readonly manifest: Manifest,
    /** The JSON text of an index file, by its path from the index root. */
    private readonly text: (rel: string) => string,
    /** How an error names a file. */
    private readonly name: (rel: string) => string = (rel) => rel,
  ) {
    const index = createIndex();
    const m = manifest;
    const postings = (this.postings = new SegmentedPostings(m, index));
    this.texts = new Array<DocText | undefined>(m.docCount).fill(undefined);
    const shardOfDoc = (n: number) => this.docShards.get(postings.docFile(n).path)!;
    this.view = {
      index,
      docCount: m.docCount,
      dates: m.dates,
      doc: (n) => shardOfDoc(n)[n - postings.docFile(n).first]!,
      text: (n) => this.texts[n],
      needTokens: (tokens) => {
        for (const f of postings.termFiles(tokens)) postings.addTermShard(f, this.json(f.path) as TermEntry[]);
        postings.merge(tokens);
      },
      needDocs: (ns) => {
        for (const n of ns) {
          const f = postings.docFile(n);
          if (this.docShards.has(f.path)) continue;
          const entries = this.json(f.path) as DocEntry[];
          if (!Array.isArray(entries)) throw new Error(`${this.name(f.path)}: not a doc shard`);
          const docs = entries.map((e, i) => {
            const doc = entryDoc(e, dateOf(m.dates, f.first + i));
            this.texts[f.first + i] = docText(doc);
            return doc;
          });
          this.docShards.set(f.path, docs);
        }
      },
    };
  }

  private json(rel: string): unknown {
    try {
      return JSON.parse(this.text(rel));
    } catch (err) {
      throw new Error(`${this.name(rel)}: cannot read the search index (${(err as Error).message})`);
    }
  }

  /** The text of an index file (s/<id>/t/N.json, s/<id>/d/N.json) for the browser, or undefined for any other path. */
  file(rel: string): string | undefined {
    return this.postings.hasFile(rel) ? this.text(rel) : undefined;
  }

  search(query: string, opts: SearchOptions = {}): SearchResult {
    return searchView(this.view, query, opts);
  }
}

/** A prebuilt index read from its folder; throws (naming the file) if a shard is missing or broken. */
export class PrebuiltIndex extends ShardIndex {
  constructor(
    readonly dir: string,
    manifest: Manifest,
  ) {
    super(
      manifest,
      (rel) => readFileSync(path.join(dir, rel), 'utf8'),
      (rel) => `${path.join(dir, rel)} (prebuilt)`,
    );
  }
}

export function readManifest(indexDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(path.join(indexDir, 'manifest.json'), 'utf8')) as Manifest;
    const valid =
      m?.format === FORMAT &&
      Number.isSafeInteger(m.docCount) &&
      m.docCount >= 0 &&
      Array.isArray(m.segments) &&
      Array.isArray(m.dates) &&
      m.segments.every((s) => SEGMENT_ID.test(s?.id)) &&
      m.segments.reduce((sum, s) => sum + s.docCount, 0) === m.docCount;
    return valid ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The prebuilt index in `indexDir` if it was built from the archive in `contentDir` as it is now;
 * `prev` is kept (with the shards it has read) while it still is.
 */
export function openPrebuilt(
  indexDir: string,
  contentDir: string,
  prev?: PrebuiltIndex,
  fingerprint = archiveFingerprint(contentDir),
): PrebuiltIndex | undefined {
  const manifest = readManifest(indexDir);
  if (!manifest?.source || manifest.source !== fingerprint) return undefined;
  if (
    prev &&
    prev.dir === indexDir &&
    prev.manifest.version === manifest.version &&
    prev.manifest.source === fingerprint
  )
    return prev;
  return new PrebuiltIndex(indexDir, manifest);
}

/** Writes the index files (replacing the folder) and returns their total size in bytes. */
export function writeIndexFiles(out: string, { manifest, files }: ShardFiles): number {
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const f of files) {
    mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
    writeFileSync(path.join(out, f.path), f.body);
    bytes += Buffer.byteLength(f.body);
  }
  // The manifest last: a folder without one is not an index.
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
  return bytes;
}
