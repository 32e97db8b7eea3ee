/** lib/ingest: raw page text in, typed articles out. Pure: no Next.js, no file system. */
import { parsePage } from './parse';
import { IngestError, readRawPage } from './raw';
import type { ParsedPage } from './types';

export { parsePage, type ParseOptions } from './parse';
export { IngestError, readRawPage, decodePage, pageMetaSchema, MAX_PAGE_BYTES, type RawPage } from './raw';
export type * from './types';

/** Reads, validates and parses one raw page file's bytes. Throws IngestError naming file and line. */
export function parseRawPage(bytes: Uint8Array, file: string): ParsedPage & { warnings: string[] } {
  const raw = readRawPage(bytes, file);
  const page = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine });
  if (page.articles.length === 0) {
    throw new IngestError(file, raw.firstLine, 'no article found: the page has no headline with text under it');
  }
  return { meta: raw.meta, ...page, warnings: raw.warnings };
}
