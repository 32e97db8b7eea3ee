import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitBlocks } from '@/lib/ingest/blocks';
import { readRawPage } from '@/lib/ingest/raw';
import { createRng } from '../rng';
import {
  checkPage,
  creditsOf,
  DAMAGE_KINDS,
  damageCounts,
  damagedSets,
  damagePage,
  loadCorpus,
  parseByline,
  slogansOf,
  sourceArticles,
  splitOf,
  type CorpusArticle,
  type CorpusPage,
  type RealPage,
} from '.';

// Small made-up pages (never corpus text).
const art = (headline: string, paragraphs: string[], kicker: string | null = null, subheadline: string | null = null): CorpusArticle => ({
  kicker,
  headline,
  subheadline,
  paragraphs,
});

const A1 = art(
  '山村种出致富果',
  [
    '本报记者 王 明 李小红',
    '本报讯 清晨的雾气还没散去，果园里已经热闹起来。果农们提着竹篮穿行在树间，把熟透的果子一个个摘下，装车运往镇上的收购点。',
    '“今年雨水足，果子又大又甜。”老果农笑着说，他家的十二亩果园预计能卖出三万多元，比去年多了近五千元。',
    '果园里的新鲜事',
    '镇上请来的技术员教大家修枝、施肥、防虫，还帮着联系了网店。如今，村里的果子不愁卖，一部分还卖到了外省的超市里。',
    '村干部说，下一步打算建一个小型冷库，让果子能多放些日子，错开上市高峰，卖个好价钱。',
  ],
  '小果子 大产业——',
  '全村果园面积扩大到五百亩',
);
const A2 = art('河道清了 鱼儿回来了', [
  '入冬以来，沿河各村组织志愿者清理河道垃圾，拆除违建的养殖棚，种上了一排排水杉。',
  '新华社记者 赵大山摄',
  '住在河边的大爷说，小时候常在河里游泳摸鱼，后来河水变臭，再没人下河。如今水变清了，鱼也多了，傍晚常有人来钓鱼散步。',
  '清理河道不是一阵风，各村都定了河长，每周巡河两次，发现问题当天处理，并在村务公开栏里张贴巡河记录。',
]);
const A3 = art('社区食堂开张', [
  '社区食堂开在老年活动中心一楼，每天供应早餐和午餐，老人凭卡就餐可享受优惠。',
  '“饭菜软烂可口，价格也实惠。”一位八十多岁的老人说，子女上班忙，有了食堂，再也不用自己做饭了。',
  '食堂还开通了送餐服务，行动不便的老人打个电话，志愿者就把饭菜送上门。',
]);
const AD = art('广告', ['某某品牌冬季大促销，全场商品八折起，欢迎广大市民前来选购，详情请咨询门店。']);
const EMPTY = art('图片新闻', []);
const TINY = art('本版图片', ['本版制图：某某']);

const page = (date: string, n: number, articles: CorpusArticle[]): CorpusPage => ({ paper: '测试日报', date, page: n, articles });
const P1 = page('2019-03-04', 1, [A1, AD, A2, EMPTY, A3, TINY]);
const P3 = page('2019-03-04', 3, [A2, A3, A1]);
const SLOGANS = ['奋进新时代', '春风吹绿田野 幸福写在脸上', '绿水青山就是金山银山'];

/** The reader's blocks of a raw page, with file lines. */
function readerBlocks(raw: string) {
  const r = readRawPage(Buffer.from(raw, 'utf8'), 'test.md');
  return splitBlocks(r.text, r.firstLine);
}

/** Independent of checkPage: block count and lines agree with the reader; every body character printed. */
function expectExact(p: RealPage): void {
  const rb = readerBlocks(p.raw);
  expect(rb.length, p.name).toBe(p.blocks.length);
  expect(rb.map((b) => b.line)).toEqual(p.blocks.map((b) => b.line));
  p.blocks.forEach((t, i) => {
    if (t.para === undefined) return;
    expect(rb[i]!.text).toBe(p.expected.articles[t.article]!.body[t.para]!.text.slice(t.start, t.end));
  });
  p.expected.articles.forEach((a, ai) =>
    a.body.forEach((para, pi) => {
      const pieces = p.blocks.filter((b) => !b.copy && b.article === ai && b.para === pi).sort((x, y) => x.start! - y.start!);
      let at = 0;
      let text = '';
      for (const b of pieces) {
        expect(b.start).toBe(at);
        text += para.text.slice(b.start, b.end);
        at = b.end!;
      }
      expect(text).toBe(para.text);
    }),
  );
  expect(checkPage(p)).toEqual([]);
}

describe('the clean articles', () => {
  it('skips ads, empty and tiny articles and moves a leading byline out of the text', () => {
    const arts = sourceArticles(P1);
    expect(arts.map((a) => a.headline)).toEqual(['山村种出致富果', '河道清了 鱼儿回来了', '社区食堂开张']);
    expect(arts[0]!.bylines).toEqual([{ role: '记者', names: ['王明', '李小红'] }]);
    expect(arts[0]!.paras[0]).toMatch(/^本报讯/);
    expect(arts[1]!.bylines).toEqual([]);
    expect(arts[1]!.paras).toContain('新华社记者 赵大山摄');
    expect(sourceArticles(page('2019-03-04', 5, [AD, EMPTY, TINY]))).toEqual([]);
    expect(() => damagePage(page('2019-03-04', 5, [AD]), createRng(1))).toThrow(/no article/);
  });

  it('reads only strict credit lines as bylines', () => {
    expect(parseByline('记者 郭 磊')).toEqual({ role: '记者', names: ['郭磊'] });
    expect(parseByline('本报通讯员 张小华、李 强')).toEqual({ role: '通讯员', names: ['张小华', '李强'] });
    expect(parseByline('新华社记者 王大勇')).toEqual({ role: '记者', names: ['王大勇'] });
    expect(parseByline('新华社记者 王大勇摄')).toBeUndefined();
    expect(parseByline('记者手记')).toBeUndefined();
    expect(parseByline('记者日前从有关部门获悉，这项工作进展顺利。')).toBeUndefined();
    expect(parseByline('本报记者 王 明 李')).toBeUndefined();
  });

  it('splits by date: 8 earliest dates train, next 2 validation, last 2 blind', () => {
    expect(splitOf('2019-02-11')).toBe('train');
    expect(splitOf('2020-01-20')).toBe('train');
    expect(splitOf('2020-02-10')).toBe('validation');
    expect(splitOf('2020-02-24')).toBe('validation');
    expect(splitOf('2020-05-06')).toBe('blind');
    expect(splitOf('2020-05-18')).toBe('blind');
  });
});

describe('damagePage', () => {
  it('gives the same page for the same seed, another for another seed', () => {
    const a = damagePage(P1, createRng('x'), { slogans: SLOGANS });
    expect(damagePage(P1, createRng('x'), { slogans: SLOGANS })).toEqual(a);
    expect(damagePage(P1, createRng('y'), { slogans: SLOGANS }).raw).not.toBe(a.raw);
    expect(a.raw).toMatch(/^---\npaper: 测试日报\ndate: 2019-03-04\npage: 1\npageName: .+\n---\n\n/);
    expect(a.name).toBe('2019-03-04-01-0');
    expect(a.split).toBe('train');
  });

  it('keeps exact provenance for every block, at the usual and at a harsh rate', () => {
    for (let s = 0; s < 150; s++) {
      expectExact(damagePage(s % 2 ? P1 : P3, createRng(s), { slogans: SLOGANS }));
      if (s % 3 === 0) expectExact(damagePage(P3, createRng(`harsh${s}`), { slogans: SLOGANS, damage: 3 }));
    }
  });

  it('prints a clean page at damage 0', () => {
    for (let s = 0; s < 20; s++) {
      const p = damagePage(P1, createRng(s), { slogans: SLOGANS, damage: 0 });
      expectExact(p);
      expect(p.expected.furniture).toEqual([]);
      expect(p.blocks.every((b) => !b.copy && b.role !== 'banner' && b.role !== 'jump' && b.role !== 'furniture')).toBe(true);
      const arts = p.expected.articles;
      expect(arts.every((a) => !a.jump && !a.continuedFrom && a.body.every((b) => b.type === 'p'))).toBe(true);
      const paras = p.blocks.filter((b) => b.role === 'para');
      expect(paras.length).toBe(arts.reduce((n, a) => n + a.body.length, 0));
      for (const b of paras) expect([b.start, b.end]).toEqual([0, arts[b.article]!.body[b.para!]!.text.length]);
      // Headings in order: #### kicker, ### headline, #### subheadline; the byline; one block per paragraph.
      const text = p.raw.split('\n---\n\n')[1]!;
      expect(text.startsWith('#### 小果子 大产业——\n\n### 山村种出致富果\n\n#### 全村果园面积扩大到五百亩\n\n')).toBe(true);
      expect(readerBlocks(p.raw).filter((b) => b.lines.length > 1 && b.level === 0).length).toBeLessThanOrEqual(1); // a two-role seed-style byline
      expect(arts[0]!.bylines).toEqual([{ role: '记者', names: ['王明', '李小红'] }]);
    }
  });

  it('shows every kind of damage across seeds', () => {
    const total = Object.fromEntries(DAMAGE_KINDS.map((k) => [k, 0])) as Record<string, number>;
    let bylineBlocks = 0;
    for (let s = 0; s < 200; s++) {
      const p = damagePage(s % 2 ? P1 : P3, createRng(`kinds${s}`), { slogans: SLOGANS });
      const c = damageCounts(p);
      for (const k of DAMAGE_KINDS) total[k]! += c[k];
      bylineBlocks += p.blocks.filter((b) => b.role === 'byline').length;
      // A cut-off story ends its truth at the cut; what it prints is a prefix of the clean text.
      p.expected.articles.forEach((a, i) => {
        if (!a.jump) return;
        expect(p.blocks.some((b) => b.role === 'jump' && b.article === i)).toBe(true);
        const src = sourceArticles(s % 2 ? P1 : P3).find((x) => x.headline === a.headline)!;
        const last = a.body.length - 1;
        expect(src.paras.slice(0, last)).toEqual(a.body.slice(0, last).map((b) => b.text));
        expect(src.paras[last]!.startsWith(a.body[last]!.text)).toBe(true);
        expect(a.body.length).toBeLessThan(src.paras.length + 1);
      });
      for (const f of p.blocks.filter((b) => b.role === 'banner')) expect(f.article).toBe(-1);
    }
    for (const k of DAMAGE_KINDS) expect(total[k], k).toBeGreaterThan(0);
    expect(bylineBlocks).toBeGreaterThan(0);
  });
});

// Made-up datelines and credits (never corpus text).
const DATED = art('湖边新修了步道', [
  '本报杭州3月1日电（记者张三、李四）湖边的步道日前修好了，周末来散步的市民明显多了起来，不少人带着孩子在草坪上放风筝。',
  '步道全长三公里，沿途设了六处休息点和两处公共卫生间，夜间还有路灯照明，方便市民晚饭后出来走走。',
]);
const PLAIN = art('小巷里的修鞋摊', [
  '小巷口的修鞋摊已经摆了二十多年，街坊们的鞋坏了，都习惯拿到这里来修，摊主的手艺远近闻名。',
  '摊主说，只要还干得动，就一直摆下去，“大家信得过我，我就不能让大家失望。”',
]);

describe('bylines from the text', () => {
  it('finds reporters in a dateline, a credit line and a closing credit, and nothing else', () => {
    expect(creditsOf(['本报杭州3月1日电（记者张三、李四）湖边的步道日前修好了。'])).toEqual({
      bylines: [{ role: '记者', names: ['张三', '李四'] }],
      agency: '本报',
    });
    expect(creditsOf(['新华社电 （记者 郭 磊）某地日前召开会议。', '会议要求，抓好落实。'])).toEqual({
      bylines: [{ role: '记者', names: ['郭磊'] }],
      agency: '新华社',
    });
    expect(creditsOf(['据新华社南京5月2日电 （记者王小明 通讯员赵大）当天天气晴好。'])!.bylines).toEqual([
      { role: '记者', names: ['王小明'] },
      { role: '通讯员', names: ['赵大'] },
    ]);
    expect(creditsOf(['核心阅读', '一段导语，说明事情的来龙去脉。', '本报记者 王 明 李小红', '正文开始了。'])!.bylines).toEqual([
      { role: '记者', names: ['王明', '李小红'] },
    ]);
    expect(creditsOf(['第一段正文。', '第二段正文。', '第三段正文。', '最后一段正文。', '（本报记者陈一、刘二）'])!.bylines).toEqual([
      { role: '记者', names: ['陈一', '刘二'] },
    ]);
    expect(creditsOf(['会议结束。（新华社北京1月5日电 记者孙三）'])).toEqual({ bylines: [{ role: '记者', names: ['孙三'] }], agency: '新华社' });
    // Not names: photo credits, compiled interviews, running text, a credit without a role.
    expect(creditsOf(['新华社记者 赵大山摄', '正文。'])).toBeUndefined();
    expect(creditsOf(['正文。', '（本报记者陈一采访整理）'])).toBeUndefined();
    expect(creditsOf(['（见图，新华社记者周五摄）正文。'])).toBeUndefined();
    expect(creditsOf(['记者日前从有关部门获悉，这项工作进展顺利。'])).toBeUndefined();
    expect(creditsOf(['本报合肥2月4日电 （钱六、吴七）正文。'])).toBeUndefined();
    expect(creditsOf(PLAIN.paragraphs)).toBeUndefined();
  });

  it('prints a found byline under the headings most of the time, with the names in the truth and the text unchanged', () => {
    const P = page('2019-03-04', 5, [DATED, PLAIN]);
    let printed = 0;
    for (let s = 0; s < 60; s++) {
      const p = damagePage(P, createRng(`by${s}`), { slogans: SLOGANS, damage: s % 3 });
      expectExact(p);
      const [dated, plain] = p.expected.articles;
      expect(dated!.body[0]!.text).toBe(DATED.paragraphs[0]);
      // No names in the text: no byline, none in the truth.
      expect(plain!.bylines).toEqual([]);
      expect(p.blocks.some((b) => b.role === 'byline' && b.article === 1)).toBe(false);
      const blocks = p.blocks.map((b, i) => ({ b, rb: readerBlocks(p.raw)[i]! })).filter(({ b }) => b.role === 'byline' && b.article === 0);
      if (!blocks.length) {
        expect(dated!.bylines).toEqual([]);
        continue;
      }
      printed++;
      expect(blocks.length).toBe(1);
      expect(dated!.bylines).toEqual([{ role: '记者', names: ['张三', '李四'] }]);
      expect(blocks[0]!.rb.text).toMatch(/^(■记者 张三 李四|本报记者 张三 李四|□记者 张三 李四)$/);
      // Right under the headings: the block before it is a heading of the article (or a jump line).
      const at = p.blocks.indexOf(blocks[0]!.b);
      expect(['heading', 'jump']).toContain(p.blocks[at - 1]!.role);
      expect(p.blocks[at + 1]!.role).not.toBe('heading');
    }
    expect(printed).toBeGreaterThan(35);
    expect(printed).toBeLessThan(60);
  });

  it('prints a 通讯员 in the same block, on its own line in the seed style', () => {
    const two = art('渡口通了新航线', ['新华社宁波4月8日电 （记者王五 通讯员赵六）渡口新开了一条航线，往返两岸只要二十分钟。', '船上配了救生衣和饮水机，乘客坐得很舒服。']);
    const seen = new Set<string>();
    for (let s = 0; s < 80; s++) {
      const p = damagePage(page('2019-03-04', 6, [two]), createRng(`two${s}`), { damage: 0 });
      expectExact(p);
      const i = p.blocks.findIndex((b) => b.role === 'byline');
      if (i < 0) continue;
      expect(p.expected.articles[0]!.bylines).toEqual([{ role: '记者', names: ['王五'] }, { role: '通讯员', names: ['赵六'] }]);
      seen.add(readerBlocks(p.raw)[i]!.lines.join('|'));
    }
    expect(seen).toContain('■记者 王五|通讯员 赵六');
    expect(seen).toContain('新华社记者 王五 通讯员 赵六');
    expect(seen).toContain('□记者 王五 通讯员 赵六');
  });
});

describe('damagedSets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dubao-real-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dates = ['2019-02-11', '2019-02-18', '2019-02-25', '2019-10-08', '2019-10-18', '2019-10-28', '2020-01-06', '2020-01-20', '2020-02-10', '2020-02-24', '2020-05-06', '2020-05-18'];
  dates.forEach((date, i) => {
    mkdirSync(join(dir, date));
    const train = i < 8;
    // Train pages carry short headlines (slogan material); the others carry their own, never to be banners.
    const extra = art(train ? `春风吹绿田野${i}` : '只在验证集里', ['短讯：今天天气晴朗，市民纷纷走出家门，到公园里晒太阳、散步、放风筝。']);
    writeFileSync(join(dir, date, '02.json'), JSON.stringify(page(date, 2, [A2, extra, A3])));
    writeFileSync(join(dir, date, '01.json'), JSON.stringify(page(date, 1, [A1, A2])));
    writeFileSync(join(dir, date, '03.json'), JSON.stringify(page(date, 3, [AD])));
  });

  it('loads sorted pages and damages them per split, deterministically, with train slogans only', () => {
    const corpus = loadCorpus(dir);
    expect(corpus.map((p) => `${p.date}/${p.page}`).slice(0, 4)).toEqual(['2019-02-11/1', '2019-02-11/2', '2019-02-11/3', '2019-02-18/1']);
    const sets = damagedSets({ corpusDir: dir, seed: 7, copies: { train: 2 } });
    expect(sets.train.length).toBe(8 * 2 * 2);
    expect(sets.validation.length).toBe(2 * 2);
    expect(sets.blind.length).toBe(2 * 2);
    expect(sets.train.map((p) => p.name).slice(0, 3)).toEqual(['2019-02-11-01-0', '2019-02-11-01-1', '2019-02-11-02-0']);
    expect(sets.validation.every((p) => p.split === 'validation')).toBe(true);
    expect(damagedSets({ corpusDir: dir, seed: 7, copies: { train: 2 } })).toEqual(sets);
    const trainSlogans = new Set(slogansOf(corpus.filter((p) => splitOf(p.date) === 'train')));
    expect(trainSlogans.has('只在验证集里')).toBe(false);
    const harsh = damagedSets({ corpusDir: dir, seed: 3, damage: 4 });
    let banners = 0;
    for (const p of [...harsh.train, ...harsh.validation, ...harsh.blind]) {
      expectExact(p);
      p.blocks.forEach((b, i) => {
        if (b.role !== 'banner') return;
        banners++;
        expect(trainSlogans.has(readerBlocks(p.raw)[i]!.text)).toBe(true);
      });
    }
    expect(banners).toBeGreaterThan(0);
  });
});
