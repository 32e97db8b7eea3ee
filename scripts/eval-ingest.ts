/**
 * npm run eval:ingest [-- --dir DIR] [--quiet]
 * Parses every `<name>.md` that has a `<name>.expected.json` beside it (default: lib/ingest/fixtures,
 * or a generated archive written with --truth), scores it with lib/ingest/eval and prints a table,
 * the details of every miss, and totals. Exits 1 below the targets of issue 2.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePage, readRawPage } from '@/lib/ingest';
import { compare, formatTable, meetsTargets, TARGETS, totals, type EvalResult, type PageLike } from '@/lib/ingest/eval';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
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
  for (const h of r.unmatchedExpected) lines.push(`  missed article: ${h}`);
  for (const h of r.unmatchedActual) lines.push(`  invented article: ${h}`);
  for (const m of r.mismatches) lines.push(`  ${m.field} of 《${clip(m.headline, 24)}》: expected ${m.expected} | got ${m.actual}`);
  for (const m of r.paragraphMisses) lines.push(`  ${m.how} paragraph ${m.index + 1} of 《${clip(m.headline, 24)}》: ${clip(m.expected)}`);
  for (const d of r.duplicates) lines.push(`  duplicated: ${clip(d)}`);
  return lines.length ? [`${name}:`, ...lines] : [];
}

const dir = arg('--dir') ?? join(process.cwd(), 'lib/ingest/fixtures');
const quiet = process.argv.includes('--quiet');
const files = pagesUnder(dir);
if (files.length === 0) {
  console.error(`${dir}: no <name>.md with a <name>.expected.json beside it`);
  process.exit(2);
}

const rows: { name: string; result: EvalResult }[] = [];
const notes: string[] = [];
for (const file of files) {
  const name = relative(dir, file).replace(/\.md$/, '');
  const expected = JSON.parse(readFileSync(file.replace(/\.md$/, '.expected.json'), 'utf8')) as PageLike;
  let actual: PageLike;
  try {
    const raw = readRawPage(readFileSync(file), file);
    actual = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine });
  } catch (e) {
    notes.push(`${name}: parser threw: ${(e as Error).message}`);
    actual = { furniture: [], articles: [] };
  }
  const result = compare(actual, expected);
  rows.push({ name, result });
  if (!quiet) notes.push(...details(name, result));
}

// Many pages (a generated archive): list only the imperfect ones; the totals cover all.
const perfect = (r: EvalResult): boolean =>
  r.articlePrecision === 1 && r.articleRecall === 1 && r.paragraphsExact === 1 && r.duplicatedParagraphs === 0 && r.lostParagraphs === 0 && r.mismatches.length === 0;
const shown = rows.length > 60 ? rows.filter((r) => !perfect(r.result)) : rows;
if (shown.length < rows.length) console.log(`${rows.length - shown.length} of ${rows.length} pages perfect; the others:`);
console.log(formatTable(shown));
if (notes.length) console.log('\n' + notes.join('\n'));
const t = totals(rows.map((r) => r.result));
console.log(
  `\n${rows.length} pages: articles P ${t.articlePrecision.toFixed(3)} R ${t.articleRecall.toFixed(3)} · paragraphs exact ${t.paragraphsExact.toFixed(3)} · duplicated ${t.duplicatedParagraphs} · lost ${t.lostParagraphs} · furniture found ${t.foundFurniture}/${t.expectedFurniture}`,
);
const ok = meetsTargets(t);
console.log(
  ok
    ? 'targets met'
    : `BELOW TARGET (P/R ≥ ${TARGETS.articlePrecision}, paragraphs exact ≥ ${TARGETS.paragraphsExact}, 0 duplicated, 0 lost)`,
);
process.exitCode = ok ? 0 : 1;
