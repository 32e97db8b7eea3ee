/**
 * The version of the indexing code: lib/search's sources and flexsearch's version, hashed, so a change
 * to the tokenizer or the index invalidates the cache of indexed issues (index-cache.ts) by itself.
 * A Next.js bundle has no sources: next.config.ts pins it as DUBAO_SEARCH_VERSION at build time.
 * No path aliases here: next.config.ts imports it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestSourceHash } from '../content/parser-version';

/** Undefined when the sources or flexsearch's package file are not there (a deployed bundle). */
export function searchSourceHash(root = process.cwd()): string | undefined {
  const sources = ingestSourceHash(path.resolve(/*turbopackIgnore: true*/ root, 'lib/search'));
  try {
    const pkg = readFileSync(
      path.resolve(/*turbopackIgnore: true*/ root, 'node_modules/flexsearch/package.json'),
      'utf8',
    );
    const flexsearch = (JSON.parse(pkg) as { version?: string }).version;
    return sources && flexsearch ? `${sources}-${flexsearch}` : undefined;
  } catch {
    return undefined;
  }
}
