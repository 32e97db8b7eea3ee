/** Search docs from the loaded archive (lib/content/load.ts): for the index script and the CLI. */
import { contentDir, loadArchive } from '@/lib/content/load';
import type { Article } from '@/lib/ingest/types';
import { buildIndex, toSearchDoc, type BuiltIndex } from './build';
import type { SearchDoc } from './types';

export interface Located {
  date: string;
  page: number;
  article: Article;
}

export function toSearchDocs(items: Iterable<Located>): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const { date, page, article } of items) docs.push(toSearchDoc(article, { date, page }));
  return docs;
}

/** The search docs of CONTENT_DIR (or content/); broken files are reported on stderr and skipped. */
export function archiveDocs(dir = contentDir()): SearchDoc[] {
  const archive = loadArchive(dir);
  const items: Located[] = [];
  for (const issue of archive.issues) {
    for (const p of issue.pages)
      for (const article of p.articles) items.push({ date: issue.date, page: p.meta.page, article });
  }
  return toSearchDocs(items);
}

/** Builds the index of CONTENT_DIR (or content/) from scratch. */
export function indexContentDir(dir = contentDir()): BuiltIndex {
  return buildIndex(archiveDocs(dir));
}
