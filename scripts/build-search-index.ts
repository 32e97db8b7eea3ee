/**
 * Writes the static search index to public/search/ (run by `npm run build` before `next build`):
 * manifest.json, term shards t/N.json and doc shards d/N.json. Reads CONTENT_DIR or content/.
 * The manifest's `source` fingerprints that archive, so a server reading the same archive uses these
 * files instead of indexing it again (lib/search/prebuilt.ts).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { contentDir } from '@/lib/content/load';
import { indexContentDir } from '@/lib/search/archive';
import { archiveFingerprint, writeIndexFiles } from '@/lib/search/prebuilt';
import { toShards } from '@/lib/search/shards';

const out = path.resolve(process.argv[2] ?? 'public/search');
const started = performance.now();
const dir = contentDir();
const before = archiveFingerprint(dir);
const built = indexContentDir(dir);
// A file that changed while it was read leaves the index without a source: servers index in memory.
const source = archiveFingerprint(dir) === before ? before : undefined;
const hash = createHash('sha256');
for (const d of built.docs) hash.update(JSON.stringify(d));
const { manifest, files } = toShards(built, { version: hash.digest('hex').slice(0, 12), source });
const bytes = writeIndexFiles(out, { manifest, files });
const ms = Math.round(performance.now() - started);
console.log(
  `search index: ${built.docs.length} articles, ${manifest.termShards} term shards, ${files.length} files, ` +
    `${(bytes / 1024).toFixed(0)} KiB in ${path.relative(process.cwd(), out)} (${ms} ms)` +
    (source ? '' : ' — the archive changed while it was read: servers will index it themselves'),
);
