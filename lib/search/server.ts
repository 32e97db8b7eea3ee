/** The server's search: the reader's data layer indexed in memory, rebuilt when the archive changes. */
import 'server-only';
import { allArticles } from '@/lib/content';
import type { Article } from '@/lib/ingest/types';
import { toSearchDocs } from './archive';
import { buildIndex, type BuiltIndex } from './build';
import { search } from './search';
import type { SearchOptions, SearchResult } from './types';

interface Cached {
  /** The articles the index was built from; the data layer keeps unchanged parses, so identity is enough. */
  articles: Article[];
  built: BuiltIndex;
}

const store = globalThis as typeof globalThis & { __dubaoSearch?: Cached };

function current(): BuiltIndex {
  const items = [...allArticles()];
  const cached = store.__dubaoSearch;
  if (
    cached &&
    cached.articles.length === items.length &&
    items.every((it, i) => it.article === cached.articles[i])
  ) {
    return cached.built;
  }
  const built = buildIndex(toSearchDocs(items));
  store.__dubaoSearch = { articles: items.map((it) => it.article), built };
  return built;
}

export function serverSearch(query: string, opts: SearchOptions = {}): SearchResult {
  return search(current(), query, opts);
}
