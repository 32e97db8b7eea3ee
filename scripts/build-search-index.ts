/**
 * Writes the static search index to public/search/ (run by `npm run build` before `next build`):
 * manifest.json, term shards t/N.json and doc shards d/N.json. Reads CONTENT_DIR or content/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexContentDir } from '@/lib/search/archive';
import { toShards } from '@/lib/search/shards';

const out = path.resolve(process.argv[2] ?? 'public/search');
const started = performance.now();
const built = indexContentDir();
const hash = createHash('sha256');
for (const d of built.docs) hash.update(JSON.stringify(d));
const { manifest, files } = toShards(built, { version: hash.digest('hex').slice(0, 12) });

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 't'), { recursive: true });
mkdirSync(path.join(out, 'd'), { recursive: true });
let bytes = 0;
for (const f of files) {
  writeFileSync(path.join(out, f.path), f.body);
  bytes += Buffer.byteLength(f.body);
}
writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest));
const ms = Math.round(performance.now() - started);
console.log(
  `search index: ${built.docs.length} articles, ${manifest.termShards} term shards, ${files.length} files, ` +
    `${(bytes / 1024).toFixed(0)} KiB in ${path.relative(process.cwd(), out)} (${ms} ms)`,
);
