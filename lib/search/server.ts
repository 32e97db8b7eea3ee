/** The server's search: the reader's data layer indexed in memory, rebuilt when the archive changes. */
import 'server-only';
import { allArticles } from '@/lib/content';
import type { Article } from '@/lib/ingest/types';
import { toSearchDocs } from './archive';
import { buildIndex, type BuiltIndex } from './build';
import { search } from './search';
import { toShards, type Manifest } from './shards';
import type { SearchOptions, SearchResult } from './types';

interface Cached {
  /** The articles the index was built from; the data layer keeps unchanged parses, so identity is enough. */
  articles: Article[];
  built: BuiltIndex;
  files?: { manifest: Manifest; files: Map<string, string> };
}

const store = globalThis as typeof globalThis & { __dubaoSearch?: Cached };

function current(): BuiltIndex {
  return state().built;
}

function state(): Cached {
  const items = [...allArticles()];
  const cached = store.__dubaoSearch;
  if (
    cached &&
    cached.articles.length === items.length &&
    items.every((it, i) => it.article === cached.articles[i])
  ) {
    return cached;
  }
  const built = buildIndex(toSearchDocs(items));
  store.__dubaoSearch = { articles: items.map((it) => it.article), built };
  return store.__dubaoSearch;
}

let builds = 0;

/** The static index files of the current archive, made once per archive change. */
export function searchFiles(): { manifest: Manifest; files: Map<string, string> } {
  const c = state();
  if (!c.files) {
    const { manifest, files } = toShards(c.built, { version: `${Date.now().toString(36)}-${++builds}` });
    c.files = { manifest, files: new Map(files.map((f) => [f.path, f.body])) };
  }
  return c.files;
}

export function serverSearch(query: string, opts: SearchOptions = {}): SearchResult {
  return search(current(), query, opts);
}
