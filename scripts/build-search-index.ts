/**
 * Writes the static search index to public/search/ (run by `npm run build` before `next build`):
 * manifest.json and one segment per year of issues, s/<id>/ with term shards t/N.json and doc shards
 * d/N.json (lib/search/shards.ts). Reads CONTENT_DIR or content/. The manifest's `source`
 * fingerprints that archive, so a server reading the same archive uses these files instead of
 * indexing it again (lib/search/prebuilt.ts).
 * Incremental (lib/search/segmented-build.ts): a year whose page files are unchanged keeps its
 * segment without a page being read; in a year that changed, only the changed issues are tokenized
 * again (lib/search/index-cache.ts). Cache entries no segment uses are removed afterwards, and so are
 * the parse cache's entries of other parser versions.
 */
import path from 'node:path';
import { contentDir } from '@/lib/content/load';
import { pruneParseCache } from '@/lib/content/parse-cache';
import { DiskIssueCache } from '@/lib/search/index-cache';
import { buildSegmented } from '@/lib/search/segmented-build';

const out = path.resolve(process.argv[2] ?? 'public/search');
const started = performance.now();
const cache = DiskIssueCache.open();
const r = buildSegmented({ dir: contentDir(), out, cache });
const pruned = cache?.prune() ?? 0;
// Parses of another parser version can never be read again.
const stale = pruneParseCache();
if (stale.length) console.log(`parse cache: removed ${stale.length} folder(s) of other parser versions`);
const ms = Math.round(performance.now() - started);
const { manifest, built, kept, issues } = r;
const years = (ys: string[]) => (ys.length > 3 ? `${ys.length} years` : ys.join(', ') || 'none');
console.log(
  `search index: ${manifest.docCount} articles in ${manifest.segments.length} segment(s), ` +
    `${path.relative(process.cwd(), out)} (${ms} ms; built ${years(built)}, kept ${years(kept)}; ` +
    `${r.files} files, ${(r.bytes / 1024).toFixed(0)} KiB written; ` +
    `${issues.indexed} issues indexed, ${issues.reused} from the cache` +
    `${pruned ? `, ${pruned} stale entries removed` : ''}${cache ? '' : ', cache off'})` +
    (r.changedWhileRead ? ' — the archive changed while it was read: servers will index it themselves' : ''),
);
