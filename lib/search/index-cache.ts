/**
 * Indexed issues (issue-index.ts) kept on disk between builds, inside the parse cache's folder:
 * `.cache/ingest/search/<key>.idx` (DUBAO_CACHE_DIR moves both, DUBAO_CACHE=0 turns both off). The
 * key hashes the version of the indexing code and the issue's search docs, so a changed issue, or
 * changed indexing code, is indexed again. A file is a line with the SHA-1 of the rest, a line of JSON
 * (key, doc count, tokens) and the postings as 32-bit words (IssueTerms); a damaged or unreadable
 * file is reported and replaced, never used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import path from 'node:path';
import { cacheDir } from '@/lib/content/parse-cache';
import { searchSourceHash } from './index-version';
import { validTerms, type IssueCache, type IssueTerms } from './issue-index';
import type { SearchDoc } from './types';

/** The layout of the files below (words in the machine's byte order); part of the key. */
const FORMAT = `1${endianness()}`;

/** The key's version: the indexing code's, and the Unicode tables fold() normalizes with. */
export function indexVersion(): string | undefined {
  const code = process.env.DUBAO_SEARCH_VERSION || searchSourceHash();
  return code ? `${FORMAT}:${code}:${process.versions.unicode}` : undefined;
}

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

export interface DiskCacheOptions {
  dir: string;
  version: string;
  /** Called for each damaged or unreadable file; defaults to console.error. */
  onError?: (message: string) => void;
}

export class DiskIssueCache implements IssueCache {
  /** File names read or written through this cache. */
  private readonly used = new Set<string>();
  private readonly keys = new WeakMap<SearchDoc[], string>();

  constructor(private readonly opts: DiskCacheOptions) {}

  /** The cache in the parse cache's folder, or undefined when it is off or the indexing code has no version. */
  static open(onError?: (message: string) => void): DiskIssueCache | undefined {
    const dir = cacheDir();
    const version = indexVersion();
    return dir && version
      ? new DiskIssueCache({ dir: path.join(dir, 'search'), version, onError })
      : undefined;
  }

  private file(docs: SearchDoc[]): { key: string; file: string } {
    let key = this.keys.get(docs);
    if (!key) this.keys.set(docs, (key = sha1(`${this.opts.version}\0${JSON.stringify(docs)}`)));
    this.used.add(`${key}.idx`);
    return { key, file: path.join(this.opts.dir, `${key}.idx`) };
  }

  get(docs: SearchDoc[]): IssueTerms | undefined {
    const { key, file } = this.file(docs);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.report(`${file}: cannot read it (${(err as Error).message})`, docs);
      return undefined;
    }
    try {
      return readEntry(bytes, key, docs.length);
    } catch (err) {
      this.report(`${file}: damaged (${(err as Error).message})`, docs);
      return undefined;
    }
  }

  set(docs: SearchDoc[], terms: IssueTerms): void {
    const { key, file } = this.file(docs);
    const head = Buffer.from(`${JSON.stringify({ key, docs: docs.length, tokens: terms.tokens })}\n`);
    const data = Buffer.from(terms.data.buffer, terms.data.byteOffset, terms.data.byteLength);
    const sum = createHash('sha1').update(head).update(data).digest('hex');
    // Write then rename, so a reader in another process never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.opts.dir, { recursive: true });
      writeFileSync(tmp, Buffer.concat([Buffer.from(`${sum}\n`), head, data]));
      try {
        renameSync(tmp, file);
      } catch {
        // Something unreadable in its place (a folder, say): replace it.
        rmSync(file, { recursive: true, force: true });
        renameSync(tmp, file);
      }
    } catch {
      // A read-only disk only costs speed (prune() removes what is left of the write).
    }
  }

  /** The file name of an issue's entry (the segment build records them, segmented-build.ts). */
  nameOf(docs: SearchDoc[]): string {
    return path.basename(this.file(docs).file);
  }

  /** Marks entries as in use without reading them: their issues are in a segment kept as it was. */
  keep(names: Iterable<string>): void {
    for (const name of names) if (/^[0-9a-f]{40}\.idx$/.test(name)) this.used.add(name);
  }

  /** Removes every file this cache has not read or written: issues gone from the archive or changed since. */
  prune(): number {
    let removed = 0;
    try {
      for (const name of readdirSync(this.opts.dir)) {
        if (this.used.has(name)) continue;
        rmSync(path.join(this.opts.dir, name), { force: true, recursive: true });
        removed++;
      }
    } catch {
      // No folder yet, or not ours to clean: nothing to prune.
    }
    return removed;
  }

  private report(message: string, docs: SearchDoc[]) {
    (this.opts.onError ?? console.error)(
      `search index cache: ${message}; indexing issue ${docs[0]?.date} again`,
    );
  }
}

/** The terms in a file, checked against its key and the issue's doc count; throws if they do not fit. */
function readEntry(bytes: Buffer, key: string, docs: number): IssueTerms {
  const cut = bytes.indexOf(10);
  const rest = bytes.subarray(cut + 1);
  if (cut < 0 || bytes.toString('latin1', 0, cut) !== sha1(rest))
    throw new Error('its checksum does not match');
  const line = rest.indexOf(10);
  const head = JSON.parse(rest.toString('utf8', 0, line)) as {
    key?: unknown;
    docs?: unknown;
    tokens?: unknown;
  };
  const words = rest.subarray(line + 1);
  if (head.key !== key || head.docs !== docs || words.length % 4) throw new Error('not this issue');
  // A copy: the file's bytes need not be aligned for 32-bit words.
  const data = new Uint32Array(words.length / 4);
  Buffer.from(data.buffer).set(words);
  const terms = { tokens: head.tokens as string[], data };
  if (!Array.isArray(head.tokens) || !validTerms(terms, docs))
    throw new Error('its postings do not fit the issue');
  return terms;
}
