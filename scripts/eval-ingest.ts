/**
 * npm run eval:ingest [-- options]
 *
 * Scores the parser (lib/ingest) against ground truth with lib/ingest/eval and prints the figures.
 *
 * Default (no --dir): when the corpus of real pages exists (env DUBAO_CORPUS, else ../shared/corpus/rmrb
 * from the working directory), damages its pages with lib/gen/real, parses every page of each split and
 * prints one summary line per split (train, validation, blind), then one for lib/ingest/fixtures. Without
 * the corpus it scores the fixtures as --dir does.
 *   --split S       only that split (train, validation, blind or fixtures)
 *   --seed S        damage seed (passed to damagedSets)
 *   --copies N      damaged copies of each page, every split (default: 3 of each, as the trainer makes)
 *   --damage X      damage rate (passed to damagedSets)
 *   --details S     then the per-page misses of split S (first 200 lines; --all for everything)
 *
 * --dir DIR: every `<name>.md` under DIR with a `<name>.expected.json` beside it (lib/ingest/fixtures, or a
 * generated archive written with --truth): a table, the details of every miss (not with --quiet), totals.
 *
 * The figures are a report: exit 0 whatever they are, unless --strict is given (then 1 when a scored set
 * (--dir: the set; default: validation and blind, or the one --split names) is below target).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { damagedSets, defaultCorpusDir, SPLITS } from '@/lib/gen/real';
import { parsePage, readRawPage } from '@/lib/ingest';
import {
  compare,
  formatSummary,
  formatTable,
  meetsTargets,
  missedTargets,
  TARGETS_TEXT,
  totals,
  type EvalResult,
  type EvalTotals,
  type PageLike,
} from '@/lib/ingest/eval';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(name);

function fail(message: string): never {
  console.error(`eval:ingest: ${message}`);
  process.exit(2);
}

function pagesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...pagesUnder(path));
    else if (name.endsWith('.md') && existsSync(path.replace(/\.md$/, '.expected.json'))) out.push(path);
  }
  return out;
}

const clip = (s: string, n = 60): string => ([...s].length > n ? [...s].slice(0, n).join('') + '…' : s);

function details(name: string, r: EvalResult): string[] {
  const lines: string[] = [];
  const of = (h: string): string => `《${clip(h, 24)}》`;
  for (const j of r.crossJoins)
    lines.push(`  cross-article join, block ${j.index + 1} of ${of(j.headline)} holds ${j.articles.map(of).join(' + ')}: ${clip(j.text)}`);
  for (const h of r.unmatchedExpected) lines.push(`  missed article: ${h}`);
  for (const h of r.unmatchedActual) lines.push(`  invented article: ${h}`);
  for (const m of r.mismatches) lines.push(`  ${m.field} of ${of(m.headline)}: expected ${m.expected} | got ${m.actual}`);
  for (const m of r.paragraphMisses) lines.push(`  ${m.how} paragraph ${m.index + 1} of ${of(m.headline)}: ${clip(m.expected)}`);
  for (const m of r.orderMisses) lines.push(`  order: paragraph ${m.index + 2} of ${of(m.headline)} does not follow ${m.index + 1}: ${clip(m.expected, 30)}`);
  for (const d of r.duplicates) lines.push(`  repeated: ${clip(d)}`);
  for (const b of r.extraBlocks) lines.push(`  extra block ${b.index + 1} of ${of(b.headline)}: ${clip(b.text)}`);
  return lines.length ? [`${name}:`, ...lines] : [];
}

const perfect = (r: EvalResult): boolean =>
  r.articlePrecision === 1 &&
  r.articleRecall === 1 &&
  r.paragraphPrecision === 1 &&
  r.paragraphRecall === 1 &&
  r.order === 1 &&
  r.duplicatedParagraphs === 0 &&
  r.mergedParagraphs === 0 &&
  r.crossArticleJoins === 0 &&
  r.lostParagraphs === 0 &&
  r.mismatches.length === 0;

interface Scored {
  rows: { name: string; result: EvalResult }[];
  notes: string[];
  /** Time spent reading and parsing (not scoring), ms. */
  parseMs: number;
}

/** Parses and scores pages given as raw file bytes with their truth. */
function score(pages: { name: string; bytes: Uint8Array; expected: PageLike }[]): Scored {
  const rows: Scored['rows'] = [];
  const notes: string[] = [];
  let parseMs = 0;
  for (const { name, bytes, expected } of pages) {
    let actual: PageLike;
    const t0 = performance.now();
    try {
      const raw = readRawPage(bytes, name);
      actual = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine });
    } catch (e) {
      notes.push(`${name}: parser threw: ${(e as Error).message}`);
      actual = { furniture: [], articles: [] };
    }
    parseMs += performance.now() - t0;
    rows.push({ name, result: compare(actual, expected) });
  }
  return { rows, notes, parseMs };
}

function fixturePages(dir: string): { name: string; bytes: Uint8Array; expected: PageLike }[] {
  return pagesUnder(dir).map((file) => ({
    name: relative(dir, file).replace(/\.md$/, ''),
    bytes: readFileSync(file),
    expected: JSON.parse(readFileSync(file.replace(/\.md$/, '.expected.json'), 'utf8')) as PageLike,
  }));
}

/** A path as typed relative to the working directory, or absolute when it lies outside it. */
function shown(path: string): string {
  const r = relative(process.cwd(), path);
  return r === '' || r.startsWith('..') ? path : r;
}

function timing(s: Scored): string {
  const n = s.rows.length;
  return `parsed in ${(s.parseMs / 1000).toFixed(2)} s${n ? ` (${Math.round(n / (s.parseMs / 1000))} pages/s)` : ''}`;
}

const verdict = (t: EvalTotals): string => (meetsTargets(t) ? 'targets met' : 'below target');

/** Lines of per-page misses, the worst pages (joins across articles, then lost text) first, capped. */
function detailLines(s: Scored, all: boolean): string[] {
  const worst = [...s.rows]
    .filter((r) => !perfect(r.result))
    .sort((a, b) => b.result.crossArticleJoins - a.result.crossArticleJoins || b.result.lostParagraphs - a.result.lostParagraphs);
  const lines = [...s.notes, ...worst.flatMap((r) => details(r.name, r.result))];
  const cap = 200;
  if (all || lines.length <= cap) return lines;
  return [...lines.slice(0, cap), `… ${lines.length - cap} more lines (--all for everything)`];
}

/** --dir: the table of every page, the misses, the totals. */
function dirMode(dir: string, strict: boolean): void {
  const pages = fixturePages(dir);
  if (pages.length === 0) fail(`${dir}: no <name>.md with a <name>.expected.json beside it`);
  const s = score(pages);
  // Many pages (a generated archive): list only the imperfect ones; the totals cover all.
  const listed = s.rows.length > 60 ? s.rows.filter((r) => !perfect(r.result)) : s.rows;
  if (listed.length < s.rows.length) console.log(`${s.rows.length - listed.length} of ${s.rows.length} pages perfect; the others:`);
  console.log(formatTable(listed));
  const notes = flag('--quiet') ? s.notes : [...s.notes, ...s.rows.flatMap((r) => details(r.name, r.result))];
  if (notes.length) console.log('\n' + notes.join('\n'));
  const t = totals(s.rows.map((r) => r.result));
  console.log(`\n${formatSummary(shown(dir), t)} · furniture found ${t.foundFurniture}/${t.expectedFurniture} · ${timing(s)}`);
  const missed = missedTargets(t);
  console.log(missed.length === 0 ? 'targets met' : `below target (${TARGETS_TEXT}): ${missed.join(', ')}`);
  if (strict && missed.length) process.exitCode = 1;
}

function defaultMode(strict: boolean): void {
  const only = arg('--split');
  if (only !== undefined && !(SPLITS as readonly string[]).includes(only) && only !== 'fixtures')
    fail(`--split must be one of ${[...SPLITS, 'fixtures'].join(', ')}`);
  const detailsOf = arg('--details');
  if (detailsOf !== undefined && !(SPLITS as readonly string[]).includes(detailsOf) && detailsOf !== 'fixtures')
    fail(`--details must be one of ${[...SPLITS, 'fixtures'].join(', ')}`);
  const copiesArg = arg('--copies');
  const copies = copiesArg === undefined ? undefined : Number(copiesArg);
  if (copies !== undefined && !(Number.isInteger(copies) && copies >= 1)) fail('--copies must be a whole number ≥ 1');
  const seed = arg('--seed');
  const damageArg = arg('--damage');
  const damage = damageArg === undefined ? undefined : Number(damageArg);
  if (damage !== undefined && !(damage >= 0)) fail('--damage must be a number ≥ 0');
  const all = flag('--all');

  const scored = new Map<string, Scored>();
  const corpusDir = defaultCorpusDir();
  const wantSplits = SPLITS.filter((s) => only === undefined || only === s);
  if (wantSplits.length > 0) {
    const g0 = performance.now();
    const sets = damagedSets({
      corpusDir,
      ...(seed !== undefined ? { seed } : {}),
      ...(damage !== undefined ? { damage } : {}),
      copies: { train: copies ?? 3, validation: copies ?? 3, blind: copies ?? 3 },
    });
    console.log(
      `corpus ${shown(corpusDir)}${seed !== undefined ? ` · seed ${seed}` : ''}${copies !== undefined ? ` · ${copies} copies` : ''}${damage !== undefined ? ` · damage ${damage}` : ''} · damaged in ${((performance.now() - g0) / 1000).toFixed(2)} s`,
    );
    for (const split of wantSplits) {
      const pages = sets[split].map((p) => ({ name: p.name, bytes: Buffer.from(p.raw), expected: p.expected }));
      const s = score(pages);
      scored.set(split, s);
      const t = totals(s.rows.map((r) => r.result));
      console.log(`${formatSummary(split, t)} · ${timing(s)} · ${verdict(t)}`);
      if (strict && split !== 'train' && !meetsTargets(t)) process.exitCode = 1;
    }
  }
  if (only === undefined || only === 'fixtures') {
    const dir = join(process.cwd(), 'lib/ingest/fixtures');
    const s = score(fixturePages(dir));
    scored.set('fixtures', s);
    const t = totals(s.rows.map((r) => r.result));
    console.log(`${formatSummary('fixtures', t)} · ${timing(s)} · ${verdict(t)}`);
    if (strict && only === 'fixtures' && !meetsTargets(t)) process.exitCode = 1;
  }
  console.log(`targets: ${TARGETS_TEXT}`);

  if (detailsOf !== undefined) {
    const s = scored.get(detailsOf);
    if (!s) console.log(`\n${detailsOf}: not scored in this run`);
    else {
      const lines = detailLines(s, all);
      console.log(`\n${detailsOf}: ${s.rows.filter((r) => !perfect(r.result)).length} of ${s.rows.length} pages with misses`);
      if (lines.length) console.log(lines.join('\n'));
    }
  }
}

function main(): void {
  const strict = flag('--strict');
  const dir = arg('--dir');
  if (dir !== undefined) return dirMode(resolve(dir), strict);
  const corpus = defaultCorpusDir();
  if (!existsSync(corpus)) {
    console.log(`no corpus at ${corpus} (set DUBAO_CORPUS): scoring lib/ingest/fixtures`);
    return dirMode(join(process.cwd(), 'lib/ingest/fixtures'), strict);
  }
  defaultMode(strict);
}

main();
