/**
 * npm run train:ingest [-- --copies N] [--seed S] [--dry-run]
 *
 * Fits the parser's models (lib/ingest/model) on damaged real pages of the training dates, checks them
 * on the validation dates they never saw, and writes lib/ingest/model/weights.json. The blind dates are
 * not read. Prints, for each model, its accuracy on training and validation decisions, and the parser's
 * page figures on both splits before (rules only) and after.
 *
 * Rounds: the decisions the parser meets depend on the decisions it made before (a wrong join changes
 * the next candidates), so examples are collected once with the rules, once more with the first fit,
 * and the models refit on both.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damagedSets, defaultCorpusDir, loadCorpus, splitOf } from '@/lib/gen/real';
import { formatSummary, type PageLike } from '@/lib/ingest/eval';
import { locateBlocks } from '@/lib/ingest/model/text-truth';
import { countText, encodeStats } from '@/lib/ingest/model/ngram';
import { collect, copyExamples, evaluate, fitModels, modelAccuracy, withModels, type Examples } from '@/lib/ingest/model/train';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const corpusDir = defaultCorpusDir();
if (!existsSync(corpusDir)) {
  console.error(`${corpusDir}: no corpus of real pages here (set DUBAO_CORPUS to the folder of <date>/<NN>.json pages)`);
  process.exit(2);
}
const t0 = performance.now();
const copies = Number(arg('--copies') ?? 3);
const seed = arg('--seed') ?? 'train';
const sets = damagedSets({ copies: { train: copies, validation: 3, blind: 0 }, seed });
// The hand-written pages in the seed's layout (lib/ingest/fixtures, the seed among them) join the
// training pages, five times over: their text is fictional, their layout is the converter's (bylines
// under every headline, banners across a sentence), and the seed must come out exact. Their figures
// are training figures from here on.
const fixtureDir = join(process.cwd(), 'lib/ingest/fixtures');
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const name = f.replace('.expected.json', '');
    const raw = readFileSync(join(fixtureDir, `${name}.md`), 'utf8');
    const expected = JSON.parse(readFileSync(join(fixtureDir, f), 'utf8')) as PageLike;
    return { name, raw, expected, blocks: locateBlocks(raw, name, expected) };
  });
const FIXTURE_WEIGHT = 5;
const train = [...sets.train, ...Array.from({ length: FIXTURE_WEIGHT }, () => fixtures).flat()];
const validation = sets.validation;
console.log(
  `pages: training ${train.length} (${copies} damaged copies of each page of the training dates, and ${fixtures.length} hand-written pages ${FIXTURE_WEIGHT} times), validation ${validation.length} (3 damaged copies of each page of the validation dates)`,
);

// Character statistics from the clean text of the training dates only.
const clean = loadCorpus().filter((p) => splitOf(p.date) === 'train');
const stats = countText(clean.flatMap((p) => p.articles.flatMap((a) => [a.kicker ?? '', a.headline, a.subheadline ?? '', ...a.paragraphs])));
console.log(`character statistics: ${stats.total.toLocaleString('en')} characters of ${clean.length} training pages`);

const rulesOnly = withModels(stats);
const round0 = collect(train, rulesOnly);
let fitted = fitModels(round0);
const merged: Examples = collect(train, withModels(stats, fitted), copyExamples(round0));
fitted = fitModels(merged);

// The join threshold and the heading model's article bias: the pair that gives the validation pages
// the most exact paragraphs (F1 of precision and recall), each swept with the other at its default.
type Combine = 'forward' | 'mean' | 'geometric';
const f1Of = (threshold: number, bias: number, combine: Combine) => {
  const t = evaluate(validation, withModels(stats, fitted, threshold, bias, combine));
  const f1 = (2 * t.paragraphPrecision * t.paragraphRecall) / (t.paragraphPrecision + t.paragraphRecall || 1);
  console.log(
    `  joins ${combine} ≥ ${threshold.toFixed(2)}, article bias ${bias.toFixed(1)}: validation articles P ${t.articlePrecision.toFixed(3)} R ${t.articleRecall.toFixed(3)}, paragraphs P ${t.paragraphPrecision.toFixed(3)} R ${t.paragraphRecall.toFixed(3)}`,
  );
  return f1;
};
let best = { threshold: 0.5, bias: 1, combine: 'geometric' as Combine, f1: -1 };
for (const combine of ['forward', 'mean', 'geometric'] as const) {
  for (const threshold of [0.4, 0.5, 0.6]) {
    const f1 = f1Of(threshold, 1, combine);
    if (f1 > best.f1) best = { ...best, threshold, combine, f1 };
  }
}
for (const bias of [1.5, 2]) {
  const f1 = f1Of(best.threshold, bias, best.combine);
  if (f1 > best.f1) best = { ...best, bias, f1 };
}
const models = withModels(stats, fitted, best.threshold, best.bias, best.combine);

const trainAcc = modelAccuracy(fitted, collect(train, models));
const valAcc = modelAccuracy(fitted, collect(validation, models));
const pct = (x: number) => x.toFixed(3);
const acc = (x: { accuracy: number; n: number }) => `${pct(x.accuracy)} of ${x.n.toLocaleString('en')} decisions`;
console.log(`\nheading model (article / banner / subhead; article bias ${best.bias}): training ${acc(trainAcc.heading)} · validation ${acc(valAcc.heading)}`);
console.log(`join model (${best.combine} of both readings ≥ ${best.threshold}): training ${acc(trainAcc.join)} · validation ${acc(valAcc.join)}`);
console.log(`join model, read backwards: training ${acc(trainAcc.joinBack)} · validation ${acc(valAcc.joinBack)}`);
console.log(`kicker model: training ${acc(trainAcc.kicker)} · validation ${acc(valAcc.kicker)}`);
console.log('\npages, rules only:');
console.log(formatSummary('training', evaluate(train, rulesOnly)));
console.log(formatSummary('validation', evaluate(validation, rulesOnly)));
console.log('pages, fitted models:');
console.log(formatSummary('hand-written (trained on)', evaluate(fixtures, models)));
console.log(formatSummary('training', evaluate(train, models)));
console.log(formatSummary('validation', evaluate(validation, models)));

if (!process.argv.includes('--dry-run')) {
  const out = join(process.cwd(), 'lib/ingest/model/weights.json');
  const file = {
    note: `npm run train:ingest (seed ${seed}, ${copies} copies of the training dates); do not edit by hand`,
    join: models.join,
    joinBack: models.joinBack,
    heading: models.heading,
    kicker: models.kicker,
    stats: encodeStats(stats),
  };
  writeFileSync(out, JSON.stringify(file) + '\n');
  console.log(`\nwrote ${out}`);
}
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
