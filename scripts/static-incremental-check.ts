/**
 * tsx scripts/static-incremental-check.ts [--compare-full] [--keep]: the incremental static export
 * end to end (scripts/build-static.ts, three `next build`s of the fixture archive, a few minutes; not
 * part of `npm test`, for e2e to wire in).
 *   1. exports e2e/fixtures/archive without its newest issue (2025-03-14) from scratch;
 *   2. adds the issue and exports again: an incremental export. Every file of the other issues'
 *      articles and cards is untouched (same bytes, same mtime); the new issue's pages, articles and
 *      card are there and linked from the home page, its archive month and the archive index; the
 *      printed pages of the issue before it and of the same day a year before (往年今日) now link it;
 *   3. withdraws an issue (2025-02-27) and exports again: its files are gone, its neighbours' pages
 *      link to each other, nothing else of the other issues changed;
 *   4. with --compare-full, exports the final archive from scratch into another folder and checks that
 *      the incremental out/ holds the same files, byte for byte.
 * Works in a scratch folder ($TMPDIR/dubao-static-check), removed afterwards unless --keep.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildStatic, type BuildStaticReport } from './build-static';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const compareFull = args.includes('--compare-full');
const repo = process.cwd();
const work = path.join(tmpdir(), 'dubao-static-check');
const content = path.join(work, 'archive');
const out = path.join(work, 'out');
const NEW = '2025-03-14';
const BEFORE = '2025-03-13';
const YEAR_BEFORE = '2024-03-14';
const WITHDRAWN = '2025-02-27';

let failures = 0;
function check(ok: boolean, what: string) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

type Snapshot = Map<string, { sha: string; mtimeMs: number }>;
function snapshot(dir: string, rel = ''): Snapshot {
  const snap: Snapshot = new Map();
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of snapshot(dir, r)) snap.set(k, v);
    else {
      const full = path.join(dir, r);
      snap.set(r, {
        sha: createHash('sha256').update(readFileSync(full)).digest('hex'),
        mtimeMs: statSync(full).mtimeMs,
      });
    }
  }
  return snap;
}

const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
const has = (rel: string) => existsSync(path.join(out, rel));
const LOCALES = ['zh', 'zh-Hant', 'en'];
const isArticleOrCard = (rel: string, date: string) =>
  rel.startsWith(`og/${date}/`) ||
  LOCALES.some((l) => rel.startsWith(`${l}/${date}/`) && rel.split('/').length === 4);

async function exportNow(label: string, dir = out): Promise<BuildStaticReport> {
  const t = performance.now();
  const r = await buildStatic({ repo, out: dir, quiet: true, log: (l) => console.log(`  ${l}`) });
  console.log(`  [${label}: ${((performance.now() - t) / 1000).toFixed(1)} s]`);
  return r;
}

function untouched(before: Snapshot, after: Snapshot, dates: string[], what: string) {
  const files = [...before.keys()].filter((rel) => dates.some((d) => isArticleOrCard(rel, d)));
  const changed = files.filter((rel) => {
    const a = after.get(rel);
    const b = before.get(rel)!;
    return !a || a.sha !== b.sha || a.mtimeMs !== b.mtimeMs;
  });
  check(
    files.length > 0 && changed.length === 0,
    `${what}: ${files.length} article and card files untouched${changed.length ? ` (changed: ${changed.slice(0, 5).join(', ')})` : ''}`,
  );
}

async function main() {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  process.env.CONTENT_DIR = content;
  process.env.DUBAO_CACHE_DIR = path.join(work, 'cache');
  if (!process.env.DUBAO_STATIC_BUILD_DIR) {
    // A build folder of its own, from nothing: a compile cache left by another run cannot decide the result.
    process.env.DUBAO_STATIC_BUILD_DIR = path.join(tmpdir(), 'dubao-static-check-build');
    rmSync(process.env.DUBAO_STATIC_BUILD_DIR, { recursive: true, force: true });
  }
  const fixtures = path.join(repo, 'e2e/fixtures/archive');
  cpSync(fixtures, content, { recursive: true, filter: (src) => !src.includes(`${path.sep}${NEW}`) });

  console.log(`1. the fixture archive without ${NEW}, from scratch`);
  const first = await exportNow('full export');
  check(first.mode === 'full', 'a first export writes everything');
  check(!has(`zh/${NEW}.html`), `no ${NEW} yet`);
  const s1 = snapshot(out);
  check(![...s1.keys()].some((r) => r.endsWith('.txt') && r !== 'robots.txt'), 'no RSC payloads in out/');

  console.log(`2. ${NEW} added`);
  cpSync(path.join(fixtures, NEW), path.join(content, NEW), { recursive: true });
  const second = await exportNow('incremental export');
  check(
    second.mode === 'incremental',
    `an incremental export (${second.mode}${second.why ? `: ${second.why}` : ''})`,
  );
  check(second.plan.only.join() === NEW, `the new issue written whole (${second.plan.only.join()})`);
  check(
    [BEFORE, YEAR_BEFORE].every((d) => second.plan.nav.includes(d)),
    `the printed pages of ${BEFORE} (next issue) and ${YEAR_BEFORE} (往年今日) written again (${second.plan.nav.join()})`,
  );
  const s2 = snapshot(out);
  untouched(s1, s2, ['2024-03-14', '2025-02-27', '2025-03-13'], 'the other issues');
  for (const l of LOCALES) {
    check(has(`${l}/${NEW}.html`) && has(`${l}/${NEW}/1.html`), `${l}: the new issue's pages`);
    const articles = readdirSync(path.join(out, l, NEW, '1')).filter((n) => n.endsWith('.html'));
    check(articles.length > 0, `${l}: the new issue's articles (${articles.length} on page 1)`);
    check(
      read(`${l}.html`).includes(`href="/${l}/${NEW}/1/`),
      `${l}: the home page is the new issue's front page`,
    );
    check(
      read(`${l}/archive/2025-03.html`).includes(`href="/${l}/${NEW}"`),
      `${l}: its archive month links it`,
    );
    check(read(`${l}/archive.html`).includes(`href="/${l}/${NEW}"`), `${l}: the archive index links it`);
    check(
      read(`${l}/${BEFORE}/1.html`).includes(`href="/${l}/${NEW}"`),
      `${l}: ${BEFORE}'s pages link to the next issue`,
    );
    check(
      read(`${l}/${YEAR_BEFORE}/1.html`).includes(`href="/${l}/${NEW}"`),
      `${l}: ${YEAR_BEFORE}'s 往年今日 links it`,
    );
  }
  const cards = readdirSync(path.join(out, 'og', NEW));
  check(
    cards.length > 0 && cards.every((c) => c.endsWith('.png')),
    `the new issue's cards (${cards.length})`,
  );
  const article = readdirSync(path.join(out, 'en', NEW, '1')).find((n) => n.endsWith('.html'))!;
  const og = /<meta property="og:image" content="([^"]+)"/.exec(read(`en/${NEW}/1/${article}`))?.[1] ?? '';
  check(
    /\/og\/2025-03-14\/[^/]+\.png$/.test(og) && has(new URL(og).pathname.slice(1)),
    `en article's og:image is the one card (${og})`,
  );
  check(read(`zh/${NEW}/1.html`).includes('Content-Security-Policy'), 'new pages carry their CSP');
  check(existsSync(path.join(out, 'search/manifest.json')), 'the search index is there');

  console.log(`3. ${WITHDRAWN} withdrawn`);
  rmSync(path.join(content, WITHDRAWN), { recursive: true });
  const third = await exportNow('incremental export');
  check(
    third.mode === 'incremental' && third.plan.removed.join() === WITHDRAWN,
    `withdrawn: ${third.plan.removed.join()}`,
  );
  const s3 = snapshot(out);
  check(
    ![...s3.keys()].some((r) => r.includes(WITHDRAWN) && !r.startsWith('search/')),
    `no file of ${WITHDRAWN} is left`,
  );
  untouched(s2, s3, [YEAR_BEFORE, BEFORE, NEW], 'the remaining issues');
  check(
    read(`zh/${BEFORE}/1.html`).includes(`href="/zh/${YEAR_BEFORE}"`),
    `${BEFORE}'s previous issue is now ${YEAR_BEFORE}`,
  );

  if (compareFull) {
    console.log('4. the same archive from scratch');
    const fresh = path.join(work, 'out-full');
    await exportNow('full export', fresh);
    const a = snapshot(out);
    const b = snapshot(fresh);
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k)?.sha !== b.get(k)?.sha);
    check(
      differ.length === 0,
      `incremental out/ equals a full export (${a.size} files${differ.length ? `; differ: ${differ.slice(0, 8).join(', ')}` : ''})`,
    );
  }

  if (!keep) rmSync(work, { recursive: true, force: true });
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  process.exit(failures ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
