/**
 * npx tsx scripts/gen-ingest-sets.ts [--out DIR] [--corpus DIR] [--seed S] [--damage D]
 *                                    [--train N] [--validation N] [--blind N]
 * Damages the real corpus pages (lib/gen/real) and writes, per split, `<out>/<split>/<date>-<NN>-<copy>.md`
 * (the raw page), `.expected.json` (the clean page) and `.blocks.json` (where every block came from), for
 * inspection and for `npm run eval:ingest -- --dir <out>/<split>`. Default out: .cache/ingest-sets
 * (git-ignored: the corpus is test data, never committed). Checks every page's truth against the reader
 * and prints pages, articles, paragraphs, the articles printed with a byline block (bylines: their names) and
 * the damage counts per split. Exits 1 if a check fails.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPage, DAMAGE_KINDS, damageCounts, damagedSets, SPLITS, type DamageKind } from '@/lib/gen/real';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string): number | undefined => (arg(name) === undefined ? undefined : Number(arg(name)));

const out = resolve(arg('--out') ?? '.cache/ingest-sets');
const started = performance.now();
const sets = damagedSets({
  corpusDir: arg('--corpus'),
  seed: arg('--seed'),
  damage: num('--damage'),
  copies: { train: num('--train'), validation: num('--validation'), blind: num('--blind') },
});
const genMs = performance.now() - started;

const problems: string[] = [];
const rows: { split: string; pages: number; articles: number; paras: number; byline: number; names: number; counts: Record<DamageKind, number> }[] = [];
for (const split of SPLITS) {
  const dir = join(out, split);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const counts = Object.fromEntries(DAMAGE_KINDS.map((k) => [k, 0])) as Record<DamageKind, number>;
  let articles = 0;
  let paras = 0;
  let byline = 0;
  let names = 0;
  for (const page of sets[split]) {
    problems.push(...checkPage(page));
    const c = damageCounts(page);
    for (const k of DAMAGE_KINDS) counts[k] += c[k];
    articles += page.expected.articles.length;
    paras += page.expected.articles.reduce((n, a) => n + a.body.length, 0);
    byline += new Set(page.blocks.filter((b) => b.role === 'byline' && !b.copy).map((b) => b.article)).size;
    names += page.expected.articles.reduce((n, a) => n + a.bylines.reduce((m, b) => m + b.names.length, 0), 0);
    writeFileSync(join(dir, `${page.name}.md`), page.raw);
    writeFileSync(join(dir, `${page.name}.expected.json`), JSON.stringify(page.expected, null, 2) + '\n');
    writeFileSync(join(dir, `${page.name}.blocks.json`), JSON.stringify(page.blocks) + '\n');
  }
  rows.push({ split, pages: sets[split].length, articles, paras, byline, names, counts });
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);
const width = Math.max(...DAMAGE_KINDS.map((k) => k.length), 10);
console.log(`${out}: generated in ${(genMs / 1000).toFixed(2)} s`);
console.log(`${'split'.padEnd(width)} ${rows.map((r) => pad(r.split, 10)).join(' ')}`);
const line = (label: string, f: (r: (typeof rows)[number]) => number): void =>
  console.log(`${label.padEnd(width)} ${rows.map((r) => pad(f(r), 10)).join(' ')}`);
line('pages', (r) => r.pages);
line('articles', (r) => r.articles);
line('paragraphs', (r) => r.paras);
line('byline', (r) => r.byline);
line('bylineNames', (r) => r.names);
for (const k of DAMAGE_KINDS) line(k, (r) => r.counts[k]);
if (problems.length) {
  console.error(`${problems.length} truth problems:`);
  for (const p of problems.slice(0, 30)) console.error(`  ${p}`);
  process.exit(1);
}
console.log('every page checked: truth blocks match the reader, every body character printed');
