/**
 * The server's own index of the archive, held in memory when no prebuilt index files match it (see
 * server.ts): the same segments as the files `npm run build:search` writes, one per year, searched
 * and served to the browser the same way. When the archive changes, a year whose articles are the
 * ones the previous index holds keeps its segment; the others are merged from the cache of indexed
 * issues (index-cache.ts), tokenizing only issues not in it, with a turn of the event loop every few
 * milliseconds so the server keeps answering meanwhile.
 */
import type { Article } from '@/lib/ingest/types';
import { byYear, toSearchDocs, type Located } from './archive';
import { mergeIssuesYielding, slicer, type IssueCache } from './issue-index';
import { ShardIndex } from './prebuilt';
import { joinSegments, segmentFiles, segmentPath, type SegmentFiles } from './shards';

/** One year's segment. */
export interface YearPart {
  year: string;
  /** The articles it was built from; the data layer keeps unchanged parses, so identity is enough. */
  articles: Article[];
  part: SegmentFiles;
}

export interface MemoryIndex {
  articles: Article[];
  years: YearPart[];
  index: ShardIndex;
  /** The index files by path, for the browser. */
  files: Map<string, string>;
  /** Years indexed for this index (the others were kept). */
  built: string[];
}

let builds = 0;

const sameList = (a: Article[], b: Article[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The index of `items` (in the data layer's order), reusing the years of `prev` that did not change. */
export async function buildInMemory(
  items: Located[],
  prev?: MemoryIndex,
  cache?: IssueCache,
  pause: () => Promise<void> = slicer(),
): Promise<MemoryIndex> {
  const years: YearPart[] = [];
  const built: string[] = [];
  for (const [year, yearItems] of byYear(items)) {
    const articles = yearItems.map((it) => it.article);
    const kept = prev?.years.find((y) => y.year === year && sameList(y.articles, articles));
    if (kept) {
      years.push(kept);
      continue;
    }
    const merged = await mergeIssuesYielding(toSearchDocs(yearItems), cache, pause);
    await pause();
    // Browsers keep segment files for good: an id is never used twice, across restarts too.
    const id = `m${year}-${Date.now().toString(36)}-${(++builds).toString(36)}`;
    years.push({ year, articles, part: segmentFiles(merged, id) });
    built.push(year);
    await pause();
  }
  const manifest = joinSegments(
    years.map((y) => y.part),
    { version: `m${Date.now().toString(36)}-${builds}` },
  );
  const files = new Map<string, string>();
  for (const { part } of years)
    for (const f of part.files) files.set(segmentPath(part.segment.id, f.path), f.body);
  const index = new ShardIndex(manifest, (rel) => {
    const body = files.get(rel);
    if (body === undefined) throw new Error('not in the index');
    return body;
  });
  return { articles: items.map((it) => it.article), years, index, files, built };
}
