/**
 * The server's search. When the index files the build wrote (public/search, or DUBAO_SEARCH_DIR)
 * describe the archive this server reads, it searches them, reading shards on demand (prebuilt.ts);
 * otherwise (another CONTENT_DIR, an edited archive, `next dev`) it indexes the reader's data layer
 * in memory, in the same segments, one per year: when the archive changes, only the years whose
 * articles changed are indexed again, in slices so that other requests are served meanwhile.
 */
import 'server-only';
import path from 'node:path';
import { allArticles } from '@/lib/content';
import { contentDir } from '@/lib/content/load';
import { archive } from '@/lib/content/store';
import type { Article } from '@/lib/ingest/types';
import { DiskIssueCache } from './index-cache';
import { buildInMemory, type MemoryIndex } from './memory-index';
import { archiveFingerprint, openPrebuilt, parserVersion, type PrebuiltIndex } from './prebuilt';
import type { Manifest } from './shards';
import type { SearchOptions, SearchResult } from './types';

interface Prebuilt {
  indexDir: string;
  contentDir: string;
  checkedAt: number;
  index?: PrebuiltIndex;
}

/** How long a check that the prebuilt files still match the archive holds (as the data layer's rescan). */
const RECHECK_MS = 5_000;

const store = globalThis as typeof globalThis & {
  __dubaoSearch?: MemoryIndex;
  __dubaoSearchBuild?: { articles: Article[]; done: Promise<MemoryIndex> };
  __dubaoPrebuilt?: Prebuilt;
};

function indexDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DUBAO_SEARCH_DIR?.trim() || 'public/search');
}

/** The prebuilt index if it matches the archive (checked at most every few seconds). */
function prebuilt(): PrebuiltIndex | undefined {
  // In development the search code may have changed since the files were written.
  if (process.env.NODE_ENV === 'development') return undefined;
  const dirs = { indexDir: indexDir(), contentDir: contentDir() };
  const p = store.__dubaoPrebuilt;
  const now = Date.now();
  const same = p?.indexDir === dirs.indexDir && p.contentDir === dirs.contentDir;
  if (same && now - p.checkedAt < RECHECK_MS) return p.index;
  // The content store's version: no walk of the archive here (it rescans in the background).
  const fingerprint = archiveFingerprint(dirs.contentDir, parserVersion(), archive().version);
  const index = openPrebuilt(dirs.indexDir, dirs.contentDir, same ? p.index : undefined, fingerprint);
  store.__dubaoPrebuilt = { ...dirs, checkedAt: now, index };
  return index;
}

/** Stop using prebuilt files that failed to read until the next check. */
function dropPrebuilt(err: unknown) {
  console.error(`search: ${(err as Error).message}; indexing the archive in memory`);
  if (store.__dubaoPrebuilt) store.__dubaoPrebuilt.index = undefined;
}

/** The in-memory index of the archive as it is now; concurrent searches share one build. */
function state(): MemoryIndex | Promise<MemoryIndex> {
  const items = [...allArticles()];
  const same = (articles: Article[]) =>
    articles.length === items.length && items.every((it, i) => it.article === articles[i]);
  const cached = store.__dubaoSearch;
  if (cached && same(cached.articles)) return cached;
  const pending = store.__dubaoSearchBuild;
  if (pending && same(pending.articles)) return pending.done;
  const articles = items.map((it) => it.article);
  // In development the search code may have changed since the cache's version was pinned (next.config.ts).
  const cache = process.env.NODE_ENV === 'development' ? undefined : DiskIssueCache.open();
  const done = buildInMemory(items, cached, cache).then((next) => {
    // A newer archive may have started its own build meanwhile: keep whichever is current.
    if (store.__dubaoSearchBuild?.done === done) {
      store.__dubaoSearch = next;
      store.__dubaoSearchBuild = undefined;
    }
    return next;
  });
  store.__dubaoSearchBuild = { articles, done };
  return done;
}

/** The static index files of the current archive: the prebuilt ones, or made once per archive change. */
export async function searchFiles(): Promise<{
  manifest: Manifest;
  files: { get(path: string): string | undefined };
}> {
  const p = prebuilt();
  if (p) {
    const get = (file: string) => {
      try {
        return p.file(file);
      } catch (err) {
        console.error(`search: ${(err as Error).message}`);
        return undefined;
      }
    };
    return { manifest: p.manifest, files: { get } };
  }
  const c = await state();
  return { manifest: c.index.manifest, files: c.files };
}

export async function serverSearch(query: string, opts: SearchOptions = {}): Promise<SearchResult> {
  const p = prebuilt();
  if (p) {
    try {
      return p.search(query, opts);
    } catch (err) {
      dropPrebuilt(err);
    }
  }
  return (await state()).index.search(query, opts);
}
