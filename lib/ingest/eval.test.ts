import { describe, expect, it } from 'vitest';
import { compare, formatTable, meetsTargets, normalizeHeadline, totals, type ArticleLike, type PageLike } from './eval';

const p = (text: string) => ({ type: 'p' as const, text });
const h = (text: string) => ({ type: 'h' as const, text });

const industry: ArticleLike = {
  kicker: '创新突破看半年',
  headline: '工业经济向新向优挑大梁',
  subheadline: '上半年全市实现规上工业增加值175.3亿元',
  kind: 'news',
  bylines: [
    { role: '记者', names: ['胡佳英', '居丹荔'] },
    { role: '通讯员', names: ['张心悦'] },
  ],
  body: [
    p('工业强则经济强。今年上半年,我市实现规模以上工业增加值175.3亿元,同比增长8.6%。'),
    h('产业体系更坚韧'),
    p('现代产业体系加快建设,离不开大企业的引领作用。独山港化工园区内,独山能源等企业24小时运转。'),
    p('大企业“挑大梁”,在平湖得到了淋漓尽致体现。更令人期待的是,独山能源三期另一个PTA项目开启了“百日冲刺”。'),
  ],
  jump: { toPage: 2 },
};

const photo: ArticleLike = {
  headline: '情暖老兵 共庆“八一”',
  kind: 'photo',
  bylines: [{ role: '摄影', names: ['王强'] }],
  body: [p('昨天,钟埭街道新群社区家宴中心,退役军人一起包饺子,庆祝“八一”到来。')],
};

const expected: PageLike = { furniture: ['平湖版', 'JIAXING DAILY'], articles: [industry, photo] };
const clone = (x: PageLike): PageLike => structuredClone(x);

describe('compare', () => {
  it('scores a perfect reconstruction as perfect', () => {
    const r = compare(clone(expected), expected);
    expect(r).toMatchObject({
      articlePrecision: 1,
      articleRecall: 1,
      paragraphsExact: 1,
      duplicatedParagraphs: 0,
      lostParagraphs: 0,
      foundFurniture: 2,
      mismatches: [],
    });
    expect(meetsTargets(r)).toBe(true);
  });

  it('matches headlines regardless of spacing, quote style and width', () => {
    expect(normalizeHeadline('情暖老兵 共庆"八一"')).toBe(normalizeHeadline('情暖老兵共庆“八一”'));
    const a = clone(expected);
    a.articles[1]!.headline = '情暖老兵共庆"八一"';
    const r = compare(a, expected);
    expect(r.articleRecall).toBe(1);
    expect(r.fieldMismatches.headline).toBe(1);
  });

  it('counts an unjoined column break as inexact but not lost, and a missing half as lost', () => {
    const a = clone(expected);
    const body = a.articles[0]!.body;
    body.splice(2, 1, p('现代产业体系加快建设,离不开大企业的引领作用。独山港化工园区'), p('内,独山能源等企业24小时运转。'));
    let r = compare(a, expected);
    expect(r.exactParagraphs).toBe(4);
    expect(r.lostParagraphs).toBe(0);
    expect(r.paragraphMisses).toMatchObject([{ index: 2, how: 'wrong' }]);

    body.splice(3, 1);
    r = compare(a, expected);
    expect(r.lostParagraphs).toBe(1);
    expect(meetsTargets(r)).toBe(false);
  });

  it('counts a kept repeat and a half kept beside its joined paragraph as duplicates', () => {
    const a = clone(expected);
    const body = a.articles[0]!.body;
    body.push(body[0]!);
    expect(compare(a, expected).duplicatedParagraphs).toBe(1);

    const b = clone(expected);
    b.articles[1]!.body.push(p('独山能源三期另一个PTA项目开启了“百日冲刺”。'));
    const r = compare(b, expected);
    expect(r.duplicatedParagraphs).toBe(1);
    expect(r.paragraphsExact).toBe(1);
  });

  it('scores paragraph order by longest common subsequence', () => {
    const a = clone(expected);
    const body = a.articles[0]!.body;
    [body[2], body[3]] = [body[3]!, body[2]!];
    expect(compare(a, expected).exactParagraphs).toBe(5 - 1);
  });

  it('treats a subhead printed as a paragraph as inexact', () => {
    const a = clone(expected);
    a.articles[0]!.body[1] = p('产业体系更坚韧');
    expect(compare(a, expected).paragraphsExact).toBe(4 / 5);
  });

  it('reports field mismatches for kicker, subheadline, kind, bylines and jump', () => {
    const a = clone(expected);
    const art = a.articles[0]!;
    delete art.kicker;
    art.subheadline = '另一个副题';
    art.kind = 'commentary';
    art.bylines = [{ role: '记者', names: ['胡佳英'] }];
    delete art.jump;
    a.articles[1]!.continuedFrom = { fromPage: 1 };
    const r = compare(a, expected);
    expect(r.fieldMismatches).toMatchObject({ kicker: 1, subheadline: 1, kind: 1, bylines: 1, jump: 1, continuedFrom: 1 });
    expect(r.mismatches.find((m) => m.field === 'jump')).toMatchObject({ expected: '2', actual: '—' });
  });

  it('lowers precision for invented articles and recall for missed ones', () => {
    const a = clone(expected);
    a.articles.push({ headline: '砥砺实干 镇在突破', kind: 'news', bylines: [], body: [] });
    let r = compare(a, expected);
    expect(r.articlePrecision).toBeCloseTo(2 / 3);
    expect(r.articleRecall).toBe(1);
    expect(r.unmatchedActual).toEqual(['砥砺实干 镇在突破']);

    a.articles.splice(1, 2);
    r = compare(a, expected);
    expect(r.articleRecall).toBe(0.5);
    expect(r.unmatchedExpected).toEqual(['情暖老兵 共庆“八一”']);
    // the photo caption went nowhere: lost
    expect(r.lostParagraphs).toBe(1);
  });
});

describe('totals and the table', () => {
  it('micro-averages over pages', () => {
    const good = compare(clone(expected), expected);
    const a = clone(expected);
    a.articles.pop();
    const bad = compare(a, expected);
    const t = totals([good, bad]);
    expect(t.pages).toBe(2);
    expect(t.articleRecall).toBe(3 / 4);
    expect(t.articlePrecision).toBe(1);
    expect(t.paragraphsExact).toBe(9 / 10);
    expect(meetsTargets(t)).toBe(false);
    const table = formatTable([
      { name: 'good', result: good },
      { name: 'bad', result: bad },
    ]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toMatch(/TOTAL \(2\)\s+4\/3\/3\s+1\.000\s+0\.750/);
  });
});
