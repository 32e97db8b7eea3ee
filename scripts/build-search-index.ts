/**
 * Writes the static search index to public/search/ (run by `npm run build` before `next build`):
 * manifest.json, term shards t/N.json and doc shards d/N.json. Reads CONTENT_DIR or content/.
 * The manifest's `source` fingerprints that archive, so a server reading the same archive uses these
 * files instead of indexing it again (lib/search/prebuilt.ts).
 * Incremental: each issue's postings are cached by a hash of its articles (lib/search/index-cache.ts,
 * beside the parse cache), so only issues that changed are tokenized again; the files are the same
 * as a build from scratch. Cache entries of issues no longer in the archive are removed afterwards,
 * and so are the parse cache's entries of other parser versions.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { contentDir } from '@/lib/content/load';
import { pruneParseCache } from '@/lib/content/parse-cache';
import { archiveDocs } from '@/lib/search/archive';
import { DiskIssueCache } from '@/lib/search/index-cache';
import { mergeIssues } from '@/lib/search/issue-index';
import { archiveFingerprint, writeIndexFiles } from '@/lib/search/prebuilt';
import { toShards } from '@/lib/search/shards';

const out = path.resolve(process.argv[2] ?? 'public/search');
const started = performance.now();
const dir = contentDir();
const before = archiveFingerprint(dir);
const cache = DiskIssueCache.open();
const built = mergeIssues(archiveDocs(dir), cache);
// A file that changed while it was read leaves the index without a source: servers index in memory.
const source = archiveFingerprint(dir) === before ? before : undefined;
const hash = createHash('sha256');
for (const d of built.docs) hash.update(JSON.stringify(d));
const { manifest, files } = toShards(built, { version: hash.digest('hex').slice(0, 12), source });
const bytes = writeIndexFiles(out, { manifest, files });
const pruned = cache?.prune() ?? 0;
// Parses of another parser version can never be read again.
const stale = pruneParseCache();
if (stale.length) console.log(`parse cache: removed ${stale.length} folder(s) of other parser versions`);
const ms = Math.round(performance.now() - started);
const { reused, indexed } = built.stats;
console.log(
  `search index: ${built.docs.length} articles, ${manifest.termShards} term shards, ${files.length} files, ` +
    `${(bytes / 1024).toFixed(0)} KiB in ${path.relative(process.cwd(), out)} (${ms} ms; ` +
    `${indexed} issues indexed, ${reused} from the cache${pruned ? `, ${pruned} stale entries removed` : ''}` +
    `${cache ? '' : ', cache off'})` +
    (source ? '' : ' — the archive changed while it was read: servers will index it themselves'),
);
