/**
 * lib/gen/real: real newspaper pages (the clean corpus) printed as a PDF converter's damaged markdown,
 * with exact ground truth, split by date into train / validation / blind sets for the page parser.
 * The corpus is test data: it is read from disk (DUBAO_CORPUS or ../shared/corpus/rmrb), never copied here.
 */
import { createRng } from '../rng';
import { loadCorpus, slogansOf, sourceArticles, splitOf } from './corpus';
import { damagePage } from './page';
import type { RealPage, Split } from './types';

export type { Rng } from '../rng';
export type {
  CopyKind,
  CorpusArticle,
  CorpusPage,
  DamageOptions,
  ExpectedArticle,
  ExpectedRealPage,
  RealPage,
  Split,
  TruthBlock,
  TruthRole,
} from './types';
export { creditsOf, defaultCorpusDir, loadCorpus, parseByline, slogansOf, sourceArticles, splitOf, TRAIN_LAST, VALIDATION_LAST, type Agency, type Credits, type SourceArticle } from './corpus';
export { damagePage } from './page';
export { checkPage, damageCounts, DAMAGE_KINDS, rawBlocks, truthText, type DamageKind } from './check';

export const SPLITS: readonly Split[] = ['train', 'validation', 'blind'];

export interface DamagedSetsOptions {
  corpusDir?: string;
  /** Damaged copies of each page per split (default train 3, validation 1, blind 1). */
  copies?: { train?: number; validation?: number; blind?: number };
  /** Seeds every page's generator together with the page's name (default 1). */
  seed?: string | number;
  damage?: number;
}

/**
 * Every corpus page with at least one article, damaged `copies` times, by split. Page `<date>-<NN>-<k>`
 * is drawn from the seed `${seed}:<date>-<NN>-<k>`, so a page does not change when others are added.
 * Banner slogans come from the train split only, for every split.
 */
export function damagedSets(opts: DamagedSetsOptions = {}): Record<Split, RealPage[]> {
  const corpus = loadCorpus(opts.corpusDir);
  const copies: Record<Split, number> = {
    train: opts.copies?.train ?? 3,
    validation: opts.copies?.validation ?? 1,
    blind: opts.copies?.blind ?? 1,
  };
  const seed = opts.seed ?? 1;
  const slogans = slogansOf(corpus.filter((p) => splitOf(p.date) === 'train'));
  // Reporters named in each split's own text: bylines borrow from the split they print in.
  const reporters: Record<Split, string[]> = { train: [], validation: [], blind: [] };
  for (const page of corpus) {
    const names = sourceArticles(page).flatMap((a) => (a.credits?.bylines ?? []).flatMap((b) => b.names));
    reporters[splitOf(page.date)].push(...names);
  }
  for (const k of Object.keys(reporters) as Split[]) reporters[k] = [...new Set(reporters[k])].sort();
  const out: Record<Split, RealPage[]> = { train: [], validation: [], blind: [] };
  for (const page of corpus) {
    if (sourceArticles(page).length === 0) continue;
    const split = splitOf(page.date);
    for (let k = 0; k < copies[split]; k++) {
      const name = `${page.date}-${String(page.page).padStart(2, '0')}-${k}`;
      const p = damagePage(page, createRng(`${seed}:${name}`), { damage: opts.damage, slogans, reporters: reporters[split] });
      out[split].push({ ...p, name });
    }
  }
  return out;
}
