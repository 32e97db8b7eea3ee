/**
 * The version of the parser, as a hash of lib/ingest's sources and fitted weights (tests and fixtures
 * aside): the key
 * of the on-disk parse cache (parse-cache.ts), so any change to the parser invalidates it without
 * anyone having to remember to bump a constant. No path aliases here: next.config.ts imports it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Hash of the parser's sources under `dir`, or undefined if they are not there (a deployed bundle). */
export function ingestSourceHash(dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'lib/ingest')): string | undefined {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'fixtures') walk(full);
      } else if (/\.(tsx?|json)$/.test(e.name) && !/\.test\.tsx?$|test-helpers/.test(e.name)) files.push(full);
    }
  };
  try {
    walk(dir);
  } catch {
    return undefined;
  }
  const hash = createHash('sha1');
  for (const f of files.sort()) hash.update(path.relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex').slice(0, 16);
}
