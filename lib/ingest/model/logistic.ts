/**
 * Logistic and softmax regression: the scorers behind the parser's ambiguous decisions. Prediction is
 * a dot product per class; `fit` is batch gradient descent with L2, on standardized features, small
 * enough to train on this machine in seconds. Pure: no I/O.
 */

/** A fitted model as committed in weights.json: one weight row per class (one row for a binary model). */
export interface LinearModel {
  /** Feature names, in the order of every row. */
  features: string[];
  /** Class names; a binary model has two and one weight row (for the second class). */
  classes: string[];
  mean: number[];
  std: number[];
  /** weights[c][f]; the last entry of each row is the bias. */
  weights: number[][];
}

/** Mean and standard deviation of each of the first n features over `rows` (a constant feature: σ 1). */
function moments(rows: readonly (readonly number[])[], n: number): { mean: number[]; std: number[] } {
  const mean = new Array<number>(n).fill(0);
  const std = new Array<number>(n).fill(0);
  for (const x of rows) for (let f = 0; f < n; f++) mean[f]! += x[f]! / rows.length;
  for (const x of rows) for (let f = 0; f < n; f++) std[f]! += (x[f]! - mean[f]!) ** 2 / rows.length;
  for (let f = 0; f < n; f++) std[f] = Math.sqrt(std[f]!) || 1;
  return { mean, std };
}

function standardize(m: LinearModel, x: readonly number[], out: number[]): number[] {
  for (let f = 0; f < m.features.length; f++) out[f] = (x[f]! - m.mean[f]!) / m.std[f]!;
  return out;
}

/**
 * A model with its standardization folded into the weights (w/σ, and the bias less Σ w·μ/σ), so a
 * score is one dot product on the raw features, with nothing allocated. Made once per model object.
 */
interface Folded {
  rows: Float64Array[];
  bias: number[];
}
const folded = new WeakMap<LinearModel, Folded>();

function fold(m: LinearModel): Folded {
  let f = folded.get(m);
  if (!f) {
    const n = m.features.length;
    f = { rows: [], bias: [] };
    for (const row of m.weights) {
      const w = new Float64Array(n);
      let bias = row[n] ?? 0;
      for (let k = 0; k < n; k++) {
        w[k] = row[k]! / m.std[k]!;
        bias -= (row[k]! * m.mean[k]!) / m.std[k]!;
      }
      f.rows.push(w);
      f.bias.push(bias);
    }
    folded.set(m, f);
  }
  return f;
}

function score(w: Float64Array, bias: number, x: ArrayLike<number>): number {
  let s = bias;
  for (let k = 0; k < w.length; k++) s += w[k]! * x[k]!;
  return s;
}

/** Class probabilities for one feature vector. */
export function predict(m: LinearModel, x: readonly number[]): number[] {
  const f = fold(m);
  const logits = f.rows.map((w, c) => score(w, f.bias[c]!, x));
  if (logits.length === 1) {
    const p = 1 / (1 + Math.exp(-logits[0]!));
    return [1 - p, p];
  }
  return softmax(logits);
}

function softmax(s: number[]): number[] {
  const top = Math.max(...s);
  const e = s.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  epochs?: number;
  rate?: number;
  /** Weight of each class in the loss (to balance rare classes); 1 by default. */
  classWeight?: number[];
}

/**
 * Fits a softmax regression (binary: logistic) on rows `xs` with class indices `ys`.
 * Full-batch gradient descent with Adam; deterministic.
 */
export function fit(features: string[], classes: string[], xs: number[][], ys: number[], opts: FitOptions = {}): LinearModel {
  const n = features.length;
  const k = classes.length === 2 ? 1 : classes.length;
  const { mean, std } = moments(xs, n);
  const model: LinearModel = { features, classes, mean, std, weights: Array.from({ length: k }, () => new Array<number>(n + 1).fill(0)) };
  const zs = xs.map((x) => standardize(model, x, new Array<number>(n)));
  const l2 = opts.l2 ?? 1e-3;
  const rate = opts.rate ?? 0.05;
  const epochs = opts.epochs ?? 300;
  const cw = opts.classWeight ?? classes.map(() => 1);
  const m1 = model.weights.map((r) => r.map(() => 0));
  const m2 = model.weights.map((r) => r.map(() => 0));
  const totalWeight = ys.reduce((s, y) => s + cw[y]!, 0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = model.weights.map((r) => r.map(() => 0));
    zs.forEach((z, i) => {
      const y = ys[i]!;
      const w = cw[y]! / totalWeight;
      const p = predictStandardized(model, z);
      for (let c = 0; c < k; c++) {
        const target = k === 1 ? (y === 1 ? 1 : 0) : y === c ? 1 : 0;
        const err = ((k === 1 ? p[1]! : p[c]!) - target) * w;
        const g = grad[c]!;
        for (let f = 0; f < n; f++) g[f]! += err * z[f]!;
        g[n]! += err;
      }
    });
    for (let c = 0; c < k; c++) {
      for (let f = 0; f <= n; f++) {
        const g = grad[c]![f]! + (f < n ? l2 * model.weights[c]![f]! : 0);
        m1[c]![f] = 0.9 * m1[c]![f]! + 0.1 * g;
        m2[c]![f] = 0.999 * m2[c]![f]! + 0.001 * g * g;
        const mh = m1[c]![f]! / (1 - 0.9 ** epoch);
        const vh = m2[c]![f]! / (1 - 0.999 ** epoch);
        model.weights[c]![f]! -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
  }
  // Rounded: the committed file stays small and diffs stay readable.
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return {
    ...model,
    mean: model.mean.map(round),
    std: model.std.map(round),
    weights: model.weights.map((r) => r.map(round)),
  };
}

function predictStandardized(m: LinearModel, z: readonly number[]): number[] {
  const n = m.features.length;
  const logits = m.weights.map((row) => {
    let v = row[n]!;
    for (let f = 0; f < n; f++) v += row[f]! * z[f]!;
    return v;
  });
  if (logits.length === 1) {
    const p = 1 / (1 + Math.exp(-logits[0]!));
    return [1 - p, p];
  }
  return softmax(logits);
}

/** Share of rows whose most probable class is the true one. */
export function accuracy(m: LinearModel, xs: number[][], ys: number[], threshold = 0.5): number {
  let right = 0;
  xs.forEach((x, i) => {
    const p = predict(m, x);
    const guess = p.length === 2 ? (p[1]! >= threshold ? 1 : 0) : p.indexOf(Math.max(...p));
    if (guess === ys[i]) right++;
  });
  return xs.length ? right / xs.length : 1;
}

/**
 * A choice among candidates (conditional logit): one weight row scores every candidate of a group, and
 * the group's probabilities are the softmax of the scores. Fitted on groups whose chosen candidate is
 * known (`y`), so a candidate is judged against the others it competes with, not against all.
 */
export function fitChoice(features: string[], groups: { xs: number[][]; y: number }[], opts: FitOptions = {}): LinearModel {
  const n = features.length;
  const all = groups.flatMap((g) => g.xs);
  const { mean, std } = moments(all, n);
  const model: LinearModel = { features, classes: ['score'], mean, std, weights: [new Array<number>(n + 1).fill(0)] };
  const zs = groups.map((g) => g.xs.map((x) => standardize(model, x, new Array<number>(n))));
  const l2 = opts.l2 ?? 1e-3;
  const rate = opts.rate ?? 0.05;
  const epochs = opts.epochs ?? 300;
  const w = model.weights[0]!;
  const m1 = new Array<number>(n).fill(0);
  const m2 = new Array<number>(n).fill(0);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Array<number>(n).fill(0);
    zs.forEach((z, gi) => {
      const p = softmaxScores(w, z, n);
      const y = groups[gi]!.y;
      z.forEach((zk, k) => {
        const err = (p[k]! - (k === y ? 1 : 0)) / zs.length;
        for (let f = 0; f < n; f++) grad[f]! += err * zk[f]!;
      });
    });
    for (let f = 0; f < n; f++) {
      const g = grad[f]! + l2 * w[f]!;
      m1[f] = 0.9 * m1[f]! + 0.1 * g;
      m2[f] = 0.999 * m2[f]! + 0.001 * g * g;
      w[f]! -= (rate * (m1[f]! / (1 - 0.9 ** epoch))) / (Math.sqrt(m2[f]! / (1 - 0.999 ** epoch)) + 1e-8);
    }
  }
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { ...model, mean: mean.map(round), std: std.map(round), weights: [w.map(round)] };
}

function softmaxScores(w: number[], zs: number[][], n: number): number[] {
  return softmax(
    zs.map((z) => {
      let v = 0;
      for (let f = 0; f < n; f++) v += w[f]! * z[f]!;
      return v;
    }),
  );
}

/** The probabilities a choice model gives the candidates of one group. */
export function choiceProbs(m: LinearModel, xs: readonly ArrayLike<number>[]): number[] {
  const f = fold(m);
  return softmax(xs.map((x) => score(f.rows[0]!, f.bias[0]!, x)));
}
