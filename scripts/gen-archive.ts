/**
 * npm run gen:archive -- --issues N --out DIR [--seed S] [--truth] [--start YYYY-MM-DD] [--damage X]
 * Writes a fictional paper's raw pages (seed-style damage included) as <DIR>/<YYYY-MM-DD>/<NN>.md;
 * with --truth also <NN>.expected.json, the clean page (`npm run eval:ingest -- --dir DIR` scores it).
 */
import { generateArchive } from '@/lib/gen/archive';

function fail(msg: string): never {
  console.error(`gen:archive: ${msg}`);
  console.error('usage: npm run gen:archive -- --issues N --out DIR [--seed S] [--truth] [--start YYYY-MM-DD] [--damage X]');
  process.exit(2);
}

const args = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`${name} needs a value`);
  return v;
};
const known = new Set(['--issues', '--out', '--seed', '--truth', '--start', '--damage']);
for (const a of args) if (a.startsWith('--') && !known.has(a)) fail(`unknown option ${a}`);

const issues = Number(value('--issues'));
if (!Number.isInteger(issues) || issues < 1) fail('--issues must be a whole number ≥ 1');
const out = value('--out') ?? fail('--out DIR is required');
const seedArg = value('--seed');
const start = value('--start');
if (start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(start)) fail(`--start must be YYYY-MM-DD, not ${start}`);
const damage = value('--damage') === undefined ? undefined : Number(value('--damage'));
if (damage !== undefined && !(damage >= 0)) fail('--damage must be a number ≥ 0');

const t0 = performance.now();
const s = generateArchive({
  issues,
  out,
  seed: seedArg === undefined ? 1 : /^\d+$/.test(seedArg) ? Number(seedArg) : seedArg,
  truth: args.includes('--truth'),
  start,
  damage,
});
const secs = (performance.now() - t0) / 1000;
console.log(
  `${s.paper}: ${s.issues} issues, ${s.pages} pages, ${s.articles} articles, ${(s.bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s → ${out}`,
);
