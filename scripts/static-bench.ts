/**
 * tsx scripts/static-bench.ts [--sizes 10,365,3650] [--dir DIR]: what adding one issue to the static
 * export costs as the archive grows (scripts/build-static.ts). For each size N it generates a
 * fictional paper of N+1 issues (gen:archive, kept in DIR, default $TMPDIR/dubao-static-bench), holds
 * the newest back, makes the out/ of the first N, adds the newest and times the export that follows:
 * wall time, files and bytes written, and what `next build` rendered.
 *
 * The out/ of the first N issues: at the smallest size a real full export. At the larger ones a full
 * export would take hours, so out/ holds what the incremental step reads, made without rendering:
 * the manifest (.dubao-export.json, as a full export of those N issues records it), the search index
 * of the N issues (lib/search/segmented-build.ts, which also fills the parse cache as a full export
 * leaves it), and a stand-in file for every issue's page in every locale (the merge lists the locale
 * folders), and the `_next/` assets of the smallest size's real export (the same code's). The pages of
 * the old issues themselves are never read by the step, only listed.
 * `next build` itself reads the whole archive (from the parse cache) to list and render.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateArchive } from '@/lib/gen/archive';
import { scanArchive } from '@/lib/content/load';
import { DiskIssueCache } from '@/lib/search/index-cache';
import { buildSegmented } from '@/lib/search/segmented-build';
import { buildStatic, codeFingerprint, type BuildStaticReport } from './build-static';
import { issueKeys, MANIFEST, manifestOf } from './static-export';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const sizes = opt('--sizes', '10,365,3650').split(',').map(Number);
const base = path.resolve(opt('--dir', path.join(tmpdir(), 'dubao-static-bench')));
const repo = process.cwd();
const LOCALES = ['zh', 'zh-Hant', 'en'];

function prepare(n: number): { archive: string; held: string; newest: string } {
  const archive = path.join(base, `archive-${n}`);
  const held = path.join(base, `held-${n}`);
  if (!existsSync(path.join(archive, '.complete'))) {
    rmSync(archive, { recursive: true, force: true });
    generateArchive({ issues: n + 1, out: archive, seed: 1 });
    writeFileSync(path.join(archive, '.complete'), '');
  }
  if (existsSync(held)) {
    // A run stopped between: put the newest issue back with the rest before holding it back again.
    for (const d of readdirSync(held)) cpSync(path.join(held, d), path.join(archive, d), { recursive: true });
    rmSync(held, { recursive: true, force: true });
  }
  const newest = readdirSync(archive)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort()
    .at(-1)!;
  mkdirSync(held, { recursive: true });
  cpSync(path.join(archive, newest), path.join(held, newest), { recursive: true });
  rmSync(path.join(archive, newest), { recursive: true });
  return { archive, held, newest };
}

/** The out/ of an archive as the incremental step reads it, without rendering a page (see above). */
function skeletonOut(out: string, archive: string, assets?: string) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // The scripts and styles of an export of the same code (the smallest size's), as a full export has them.
  if (assets && existsSync(assets)) cpSync(assets, path.join(out, '_next'), { recursive: true });
  const listing = scanArchive(archive);
  const cache = DiskIssueCache.open();
  buildSegmented({ dir: archive, out: path.join(out, 'search'), cache });
  const manifest = manifestOf({ code: codeFingerprint(repo), issues: issueKeys(listing, undefined) });
  writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest)}\n`);
  for (const l of LOCALES) {
    mkdirSync(path.join(out, l), { recursive: true });
    for (const date of Object.keys(manifest.issues)) {
      writeFileSync(path.join(out, l, `${date}.html`), 'stand-in');
      mkdirSync(path.join(out, l, date), { recursive: true });
    }
  }
}

async function benchSize(n: number): Promise<string[]> {
  const { archive, held, newest } = prepare(n);
  const out = path.join(base, `out-${n}`);
  process.env.CONTENT_DIR = archive;
  process.env.DUBAO_CACHE_DIR = path.join(base, `cache-${n}`);
  const quiet = { repo, out, quiet: true, log: (l: string) => console.error(`[${n}] ${l}`) };
  let how: string;
  if (n <= 50) {
    rmSync(out, { recursive: true, force: true });
    const full = await buildStatic(quiet);
    how = `full export (${full.seconds.toFixed(0)} s)`;
  } else {
    const t = performance.now();
    skeletonOut(out, archive, path.join(base, `out-${sizes[0]}`, '_next'));
    how = `skeleton out/ (${((performance.now() - t) / 1000).toFixed(0)} s)`;
  }
  cpSync(path.join(held, newest), path.join(archive, newest), { recursive: true });
  rmSync(held, { recursive: true, force: true });
  const r: BuildStaticReport = await buildStatic(quiet);
  if (r.mode !== 'incremental')
    throw new Error(`[${n}] expected an incremental export, got ${r.mode} (${r.why})`);
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  return [
    String(n),
    how,
    `${r.seconds.toFixed(1)} s`,
    `${r.nextBuildSeconds.toFixed(1)} s`,
    `${r.merge.filesWritten} (${mb(r.merge.bytesWritten)})`,
    `${r.search.files} (${mb(r.search.bytes)})`,
    `${r.merge.unchanged} unchanged, ${r.merge.standIns} stand-ins`,
    `${r.plan.only.length} whole, ${r.plan.nav.length} nav, ${r.plan.months.length} months`,
  ];
}

async function main() {
  mkdirSync(base, { recursive: true });
  const rows: string[][] = [];
  for (const n of sizes) {
    rows.push(await benchSize(n));
    console.error(rows.at(-1)!.join(' | '));
  }
  const heads = [
    'issues',
    'out/ before',
    'add one issue',
    'of which next build',
    'files written (bytes)',
    'search files (bytes)',
    'merge',
    'plan',
  ];
  console.log(`| ${heads.join(' | ')} |\n|${heads.map(() => ' --- ').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
