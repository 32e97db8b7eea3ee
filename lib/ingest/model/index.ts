/**
 * The parser's fitted models (weights.json, written by `npm run train:ingest`): the join model (does
 * this block continue that cut sentence?), the heading model (does this heading open an article, or is
 * it a banner or a subhead?) and the character statistics both read. Decoded once; read-only.
 */
import type { LinearModel } from './logistic';
import { CHAR_BUCKETS, PAIR_BUCKETS, decodeStats, type CharStats, type EncodedStats } from './ngram';
import weights from './weights.json';

export interface BinaryModel extends LinearModel {
  /** Join when the probability is at least this; chosen on the validation pages. */
  threshold: number;
  /** How a join's forward and backward readings make one probability; chosen on the validation pages. */
  combine?: 'forward' | 'mean' | 'geometric';
}

export interface HeadingModel extends LinearModel {
  /**
   * Multiplies the probability of 'article' before the choice: a headline taken for a banner loses a
   * whole story, a banner taken for a headline one paragraph break. Chosen on the validation pages.
   */
  articleBias: number;
}

export interface Models {
  join?: BinaryModel;
  /** The join read backwards: which block does this one continue, or does it open a paragraph? */
  joinBack?: LinearModel;
  /** Does a heading line divide at this space into a kicker and the headline? */
  kicker?: BinaryModel;
  heading?: HeadingModel;
  stats: CharStats;
}

interface WeightsFile {
  join?: BinaryModel | null;
  joinBack?: LinearModel | null;
  kicker?: BinaryModel | null;
  heading?: HeadingModel | null;
  stats?: EncodedStats | null;
}

const EMPTY: CharStats = {
  total: 0,
  texts: 0,
  pairs: new Uint8Array(PAIR_BUCKETS),
  chars: new Uint8Array(CHAR_BUCKETS),
  starts: new Uint8Array(CHAR_BUCKETS),
  ends: new Uint8Array(CHAR_BUCKETS),
};

let models: Models | undefined;

export function getModels(): Models {
  if (!models) {
    const w = weights as WeightsFile;
    models = {
      ...(w.join ? { join: w.join } : {}),
      ...(w.joinBack ? { joinBack: w.joinBack } : {}),
      ...(w.kicker ? { kicker: w.kicker } : {}),
      ...(w.heading ? { heading: w.heading } : {}),
      stats: w.stats ? decodeStats(w.stats) : EMPTY,
    };
  }
  return models;
}
