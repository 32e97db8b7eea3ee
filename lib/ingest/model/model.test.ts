import { describe, expect, it } from 'vitest';
import { getModels } from '.';
import { CHOICE_FEATURES, HEADING_CLASSES, HEADING_FEATURES, calloutLike, headLike } from './features';
import { accuracy, fit, predict } from './logistic';
import { countText, decodeStats, encodeStats, pairPmi } from './ngram';

describe('logistic and softmax regression', () => {
  it('learns a separable binary rule and is sure of it', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = (i * 37) % 100;
      const b = (i * 53) % 100;
      xs.push([a, b]);
      ys.push(a > b ? 1 : 0);
    }
    const m = fit(['a', 'b'], ['no', 'yes'], xs, ys, { epochs: 400 });
    expect(accuracy(m, xs, ys)).toBeGreaterThan(0.97);
    expect(predict(m, [90, 10])[1]).toBeGreaterThan(0.9);
    expect(predict(m, [10, 90])[1]).toBeLessThan(0.1);
  });

  it('learns three classes', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 300; i++) {
      const c = i % 3;
      xs.push([c === 0 ? 1 : 0, c === 1 ? 1 : 0, (i % 7) / 7]);
      ys.push(c);
    }
    const m = fit(['x0', 'x1', 'noise'], ['a', 'b', 'c'], xs, ys);
    expect(accuracy(m, xs, ys)).toBe(1);
    const p = predict(m, [0, 1, 0.5]);
    expect(p.indexOf(Math.max(...p))).toBe(1);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });
});

describe('character statistics', () => {
  it('rate a pair seen together above a pair never seen', () => {
    const stats = countText(['技术培训和产品回收', '培训班', '职业培训', '开展培训']);
    expect(pairPmi(stats, '技术培', '训和产品')).toBeGreaterThan(pairPmi(stats, '技术培', '品回收'));
  });

  it('survive encoding', () => {
    const stats = countText(['新闻出版', '出版社']);
    const back = decodeStats(encodeStats(stats));
    expect(back.total).toBe(stats.total);
    expect(Array.from(back.pairs)).toEqual(Array.from(stats.pairs));
  });
});

describe('the committed weights', () => {
  it('were fitted on the features the code computes now (else: npm run train:ingest)', () => {
    const m = getModels();
    expect(m.join?.features).toEqual([...CHOICE_FEATURES]);
    expect(m.heading?.features).toEqual([...HEADING_FEATURES]);
    expect(m.heading?.classes).toEqual([...HEADING_CLASSES]);
    expect(m.stats.total).toBeGreaterThan(100_000);
    expect(m.join!.threshold).toBeGreaterThan(0);
    expect(m.join!.threshold).toBeLessThan(1);
  });
});

describe('feature helpers', () => {
  it('tell a callout and a heading line from running text', () => {
    expect(calloutLike('63%')).toBe(true);
    expect(calloutLike('800亿')).toBe(true);
    expect(calloutLike('3.57万亿')).toBe(true);
    expect(calloutLike('800亿元投资已到位，')).toBe(false);
    expect(headLike('稳就业，多措并举保“饭碗”')).toBe(true);
    expect(headLike('他说，今年的收成很好。')).toBe(false);
  });
});
