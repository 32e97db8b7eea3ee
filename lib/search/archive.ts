/** Search docs from the loaded archive (lib/content/load.ts): for the index script and the CLI. */
import { contentDir, loadArchive, type Archive } from '@/lib/content/load';
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

/** Every article of a loaded archive with its date and page, in the archive's order. */
export function archiveItems(archive: Pick<Archive, 'issues'>): Located[] {
  const items: Located[] = [];
  for (const issue of archive.issues) {
    for (const p of issue.pages)
      for (const article of p.articles) items.push({ date: issue.date, page: p.meta.page, article });
  }
  return items;
}

/** What the index is segmented by (shards.ts): items grouped by the year of their date, newest year first. */
export function byYear<T extends { date: string }>(items: Iterable<T>): [string, T[]][] {
  const years = new Map<string, T[]>();
  for (const it of items) {
    const year = it.date.slice(0, 4);
    let list = years.get(year);
    if (!list) years.set(year, (list = []));
    list.push(it);
  }
  return [...years].sort(([a], [b]) => (a < b ? 1 : -1));
}

/** The search docs of CONTENT_DIR (or content/); broken files are reported on stderr and skipped. */
export function archiveDocs(dir = contentDir()): SearchDoc[] {
  return toSearchDocs(archiveItems(loadArchive(dir)));
}

/** Builds the index of CONTENT_DIR (or content/) from scratch. */
export function indexContentDir(dir = contentDir()): BuiltIndex {
  return buildIndex(archiveDocs(dir));
}
