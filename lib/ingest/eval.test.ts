import { describe, expect, it } from 'vitest';
import {
  compare,
  duplicatedBlocks,
  formatSummary,
  formatTable,
  meetsTargets,
  missedTargets,
  normalizeHeadline,
  totals,
  type ArticleLike,
  type PageLike,
} from './eval';

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
      paragraphPrecision: 1,
      paragraphRecall: 1,
      paragraphsExact: 1,
      order: 1,
      expectedParagraphs: 5,
      actualParagraphs: 5,
      exactParagraphs: 5,
      expectedPairs: 3,
      keptPairs: 3,
      duplicatedParagraphs: 0,
      mergedParagraphs: 0,
      crossArticleJoins: 0,
      lostParagraphs: 0,
      foundFurniture: 2,
      mismatches: [],
      paragraphMisses: [],
      crossJoins: [],
      orderMisses: [],
      extraBlocks: [],
    });
    expect(missedTargets(r)).toEqual([]);
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

  it('counts an unjoined column break (a split paragraph) as inexact but not lost, and a missing half as lost', () => {
    const a = clone(expected);
    const body = a.articles[0]!.body;
    body.splice(2, 1, p('现代产业体系加快建设,离不开大企业的引领作用。独山港化工园区'), p('内,独山能源等企业24小时运转。'));
    let r = compare(a, expected);
    expect(r.exactParagraphs).toBe(4);
    expect(r.paragraphRecall).toBe(4 / 5);
    // two output blocks, neither of them a truth paragraph
    expect(r.actualParagraphs).toBe(6);
    expect(r.paragraphPrecision).toBe(4 / 6);
    expect(r.extraBlocks.map((b) => b.index)).toEqual([2, 3]);
    // the pairs around the split paragraph are not kept: it was not found
    expect(r.keptPairs).toBe(1);
    expect(r.order).toBe(1 / 3);
    // neither half holds the whole paragraph: not merged, and one article's text: no join
    expect(r.mergedParagraphs).toBe(0);
    expect(r.crossArticleJoins).toBe(0);
    expect(r.lostParagraphs).toBe(0);
    expect(r.paragraphMisses).toMatchObject([{ index: 2, how: 'wrong' }]);
    expect(meetsTargets(r)).toBe(false);

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
    expect(r.paragraphPrecision).toBe(5 / 6);
    expect(meetsTargets(r)).toBe(false);
  });

  it('counts a repeat the truth itself prints only once it exceeds the truth', () => {
    const t = clone(expected);
    t.articles[1]!.body.push(t.articles[0]!.body[0]!);
    expect(duplicatedBlocks(t)).toHaveLength(1);
    expect(compare(clone(t), t).duplicatedParagraphs).toBe(0);
  });

  it('counts a paragraph merged with one of another article as merged and as a join across articles', () => {
    const a = clone(expected);
    const last = a.articles[0]!.body.pop()!;
    const caption = a.articles[1]!.body[0]!;
    a.articles[1]!.body[0] = p(last.text + caption.text);
    const r = compare(a, expected);
    expect(r.crossArticleJoins).toBe(1);
    expect(r.crossJoins).toMatchObject([{ headline: '情暖老兵 共庆“八一”', index: 0, articles: [industry.headline, photo.headline] }]);
    expect(r.mergedParagraphs).toBe(2);
    expect(r.paragraphMisses).toMatchObject([
      { headline: industry.headline, index: 3, how: 'merged' },
      { headline: photo.headline, index: 0, how: 'merged' },
    ]);
    expect(r.lostParagraphs).toBe(0);
    expect(r.paragraphRecall).toBe(3 / 5);
    expect(r.paragraphPrecision).toBe(3 / 4);
    expect(missedTargets(r)).toContain('crossArticleJoins 1 > 0');
  });

  it('counts a paragraph merged with its neighbour in the same article as merged, not as a join', () => {
    const a = clone(expected);
    const body = a.articles[0]!.body;
    body.splice(2, 2, p(body[2]!.text + body[3]!.text));
    const r = compare(a, expected);
    expect(r.mergedParagraphs).toBe(2);
    expect(r.crossArticleJoins).toBe(0);
    expect(r.paragraphRecall).toBe(3 / 5);
    expect(r.paragraphPrecision).toBe(3 / 4);
    expect(r.order).toBe(1 / 3);
  });

  it('needs two windows of each article for a join, and ignores windows two articles share', () => {
    const shared = '全市上下齐心协力共同推进';
    const t: PageLike = {
      articles: [
        { headline: '甲', kind: 'news', bylines: [], body: [p(`${shared}甲地的水利工程建设进展顺利。`)] },
        { headline: '乙', kind: 'news', bylines: [], body: [p(`${shared}乙地的乡村振兴成效明显。`)] },
      ],
    };
    const a = clone(t);
    // the phrase both articles print belongs to neither: 乙's paragraph with it once more is no join
    a.articles[1]!.body[0] = p(`${shared}乙地的乡村振兴成效明显。${shared}`);
    expect(compare(a, t).crossArticleJoins).toBe(0);
    // a paragraph of 甲 with a 4-character tail of 乙 (no window of 乙): not a join
    a.articles[0]!.body[0] = p(`${shared}甲地的水利工程建设进展顺利。成效明显`);
    expect(compare(a, t).crossArticleJoins).toBe(0);
    // with ten characters of 乙 (three of its windows) it is
    a.articles[0]!.body[0] = p(`${shared}甲地的水利工程建设进展顺利。乙地的乡村振兴成效明显`);
    expect(compare(a, t).crossArticleJoins).toBe(1);
    // a block of an unmatched (misnamed) output article is checked too
    a.articles[0]!.headline = '丙';
    expect(compare(a, t).crossArticleJoins).toBe(1);
  });

  it('scores a swapped pair by the adjacent pairs kept, not by the paragraphs found', () => {
    const a = clone(expected);
    const body = a.articles[0]!.body;
    [body[2], body[3]] = [body[3]!, body[2]!];
    const r = compare(a, expected);
    // every paragraph is there …
    expect(r.exactParagraphs).toBe(5);
    expect(r.paragraphPrecision).toBe(1);
    // … but of (0,1) (1,2) (2,3) only (0,1) is still consecutive
    expect(r.expectedPairs).toBe(3);
    expect(r.keptPairs).toBe(1);
    expect(r.order).toBe(1 / 3);
    expect(r.orderMisses.map((m) => m.index)).toEqual([1, 2]);
    expect(missedTargets(r)).toEqual(['order 0.333 < 0.97']);
  });

  it('keeps the order of a pair when a stray copy of the second block sits earlier', () => {
    const a = clone(expected);
    const body = a.articles[0]!.body;
    body.unshift(body[3]!);
    const r = compare(a, expected);
    expect(r.order).toBe(1);
    expect(r.paragraphPrecision).toBe(5 / 6);
    expect(r.duplicatedParagraphs).toBe(1);
  });

  it('ignores the block type: a subhead printed as a paragraph is the same text', () => {
    const a = clone(expected);
    a.articles[0]!.body[1] = p('产业体系更坚韧');
    const r = compare(a, expected);
    expect(r.paragraphsExact).toBe(1);
    expect(r.order).toBe(1);
  });

  it('compares text with all whitespace removed', () => {
    const a = clone(expected);
    a.articles[1]!.body[0] = p('  昨天, 钟埭街道新群社区家宴中心,\n退役军人一起包饺子,庆祝“八一”到来。 ');
    expect(compare(a, expected).paragraphRecall).toBe(1);
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
    expect(t.paragraphRecall).toBe(9 / 10);
    expect(t.paragraphPrecision).toBe(1);
    expect(t.order).toBe(1);
    expect(t.actualParagraphs).toBe(9);
    expect(meetsTargets(t)).toBe(false);
    expect(formatSummary('fixtures', t)).toBe(
      'fixtures (2 pages, 4 articles, 10 paragraphs): articles P 1.000 R .750 · paragraphs P 1.000 R .900 · order 1.000 · repeats 0 · merged 0 · cross-article joins 0 · lost 1',
    );
    const table = formatTable([
      { name: 'good', result: good },
      { name: 'bad', result: bad },
    ]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toMatch(/TOTAL \(2\)\s+4\/3\/3\s+1\.000\s+0\.750\s+10\/9\/9\s+1\.000\s+0\.900\s+1\.000\s+0\s+0\s+0\s+1\s+—/);
  });

  it('micro-averages order and paragraph precision over the summed counts, not the page ratios', () => {
    const a = clone(expected);
    [a.articles[0]!.body[2], a.articles[0]!.body[3]] = [a.articles[0]!.body[3]!, a.articles[0]!.body[2]!];
    const swapped = compare(a, expected);
    const single: PageLike = { articles: [{ headline: '单', kind: 'news', bylines: [], body: [p('只有一段话的短消息。'), p('没有了。')] }] };
    const ok = compare(clone(single), single);
    const t = totals([swapped, ok]);
    expect(t.expectedPairs).toBe(4);
    expect(t.keptPairs).toBe(2);
    expect(t.order).toBe(2 / 4);
  });
});
