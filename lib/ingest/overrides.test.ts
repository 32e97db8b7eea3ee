import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks';
import { lostBlocks } from './coverage';
import { articleId } from './id';
import { checkOverrides, overridesFrom, readOverrides } from './overrides';
import { parsePage } from './parse';
import { IngestError, readRawPage } from './raw';

// A clean page: every change below comes from the overrides, none from the rules.
const file = join(__dirname, 'fixtures', 'nanyu-05-clean.md');
const raw = readRawPage(readFileSync(file), file);
const parse = (ov?: unknown) => {
  const page = parsePage(raw.text, raw.meta, { firstLine: raw.firstLine, ...(ov ? { overrides: overridesFrom(ov) } : {}) });
  expect(lostBlocks(raw.text, page, raw.firstLine)).toEqual([]);
  return page;
};
const byHeadline = (page: ReturnType<typeof parse>, h: string) => page.articles.find((a) => a.headline === h)!;
const yaml = (s: string) => new TextEncoder().encode(s);

describe('overrides applied at ingest', () => {
  const before = parse();

  it('forces a block to be a subhead', () => {
    // A subhead with a comma reads like half a sentence: the parser keeps it apart from the next block
    // (the join model), but as a paragraph; the editor says it is a subhead.
    const text = '### 城西老街改造启动\n\n■记者 吴八\n\n本报讯 城西老街改造昨天启动。\n\n既要面子，更要里子\n\n改造涉及12条街巷和3000余户居民。\n';
    const meta = { paper: '青禾日报', date: '2025-03-12', page: 2, pageName: '要闻' };
    const ruled = parsePage(text, meta);
    expect(ruled.articles[0]!.body[1]).toEqual({ type: 'p', text: '既要面子，更要里子' });
    const page = parsePage(text, meta, { overrides: overridesFrom({ subhead: [7] }) });
    expect(page.articles[0]!.body).toEqual([
      { type: 'p', text: '本报讯 城西老街改造昨天启动。' },
      { type: 'h', text: '既要面子，更要里子' },
      { type: 'p', text: '改造涉及12条街巷和3000余户居民。' },
    ]);
    expect(page.repairs).toContainEqual({ kind: 'override', line: 7, text: '既要面子，更要里子', note: 'override: subhead' });
    expect(lostBlocks(text, page)).toEqual([]);
  });

  it('forces a subhead to be body text, which then joins what continues it', () => {
    expect(byHeadline(before, '非遗进校园 传承有新人').body[1]).toEqual({ type: 'h', text: '课堂上的“老手艺”' });
    const body = byHeadline(parse({ paragraph: [33] }), '非遗进校园 传承有新人').body;
    expect(body[1]).toEqual({ type: 'p', text: expect.stringMatching(/^课堂上的“老手艺”贝雕是南屿传统手工技艺/) });
  });

  it('splits an article at a block, with the headline given', () => {
    const page = parse({ split: [{ line: 37, headline: '老手艺有了新传人' }] });
    expect(page.articles).toHaveLength(before.articles.length + 1);
    const first = byHeadline(page, '非遗进校园 传承有新人');
    const second = byHeadline(page, '老手艺有了新传人');
    expect(first.body.map((b) => b.text.slice(0, 6))).toEqual(['开学第一周,', '课堂上的“老', '贝雕是南屿传']);
    expect(second.body[0]!.text).toMatch(/^“一开始担心孩子们坐不住/);
    expect(second.body.at(-1)!.text).toMatch(/^目前,全市已有57所/);
    expect(page.articles.indexOf(second)).toBe(page.articles.indexOf(first) + 1);
  });

  it('sets a headline by line or by id, and the id follows the new headline', () => {
    const old = byHeadline(before, '龙舟竞渡');
    const page = parse({ headline: { 27: '非遗走进校园', [old.id]: '龙舟竞渡 浪花飞溅' }, kind: { 59: 'news' } });
    const fixed = byHeadline(page, '非遗走进校园');
    expect(fixed.id).toBe(articleId('2025-09-03', 5, '非遗走进校园'));
    expect(fixed.body).toEqual(byHeadline(before, '非遗进校园 传承有新人').body);
    expect(byHeadline(page, '龙舟竞渡 浪花飞溅').kind).toBe('photo');
    expect(byHeadline(page, '全民健身要“接地气”').kind).toBe('news');
    expect(byHeadline(before, '全民健身要“接地气”').kind).toBe('commentary');
    // The replaced headlines stay in the log, so nothing is lost.
    expect(page.repairs.filter((r) => r.kind === 'override').map((r) => r.text)).toContain('非遗进校园 传承有新人');
  });

  it('takes a block for furniture', () => {
    const page = parse({ furniture: [57] });
    expect(page.furniture.some((f) => f.startsWith('展览将持续至明年3月'))).toBe(true);
    expect(byHeadline(page, '南屿博物馆“海丝遗珍”特展开幕').body.some((b) => b.text.startsWith('展览将持续'))).toBe(false);
  });

  it('reports rules that name no block, and a split before a paragraph without a headline', () => {
    const ov = readOverrides(yaml('subhead:\n  - 41\n  - 9999\nsplit: [37]\n'), 'c/05.overrides.yaml');
    const problems = checkOverrides(ov, splitBlocks(raw.text, raw.firstLine));
    expect(problems).toEqual([
      'c/05.overrides.yaml:3: subhead: no block of the page starts at or spans line 9999',
      expect.stringMatching(/^c\/05\.overrides\.yaml:4: split at line 37: the block is not a heading/),
    ]);
  });
});

describe('readOverrides', () => {
  const err = (s: string) => {
    try {
      readOverrides(yaml(s), 'o.yaml');
    } catch (e) {
      if (e instanceof IngestError) return e.message;
      throw e;
    }
    throw new Error('expected an IngestError');
  };

  it('reads every kind of rule with the line it sits on', () => {
    const ov = readOverrides(yaml('# fixes\nsubhead: [12]\nsplit:\n  - { line: 20, headline: 新标题 }\nheadline:\n  30: 标题\nkind: { abcd1234: photo }\n'), 'o.yaml');
    expect(ov.rules).toEqual([
      { op: 'subhead', line: 12, at: 2 },
      { op: 'split', line: 20, headline: '新标题', at: 4 },
      { op: 'headline', line: 30, headline: '标题', at: 6 },
      { op: 'kind', articleId: 'abcd1234', kind: 'photo', at: 7 },
    ]);
    expect(readOverrides(yaml(''), 'o.yaml').rules).toEqual([]);
  });

  it.each([
    ['bad YAML', 'subhead: [12\n', /^o\.yaml:\d+: not valid YAML/],
    ['an unknown key', 'subhead: [1]\nsubheads: [2]\n', /^o\.yaml:2: unknown key subheads/],
    ['a line that is not a number', 'furniture:\n  - 3\n  - abc\n', /^o\.yaml:3: furniture\.1: /],
    ['an unknown kind', 'kind:\n  12: opinion\n', /^o\.yaml:2: kind\.12: /],
    ['an empty headline', 'headline:\n  12: ""\n', /^o\.yaml:2: headline\.12: a headline must not be empty/],
    ['a list at the top', '- 1\n', /^o\.yaml:1: overrides must be key: value lines/],
  ])('rejects %s naming the file and line', (_, text, message) => {
    expect(err(text)).toMatch(message);
  });
});

describe('the desk’s fixes as overrides', () => {
  const meta = { paper: '青禾日报', date: '2025-03-12', page: 2, pageName: '要闻' };
  // Lines: 1 a kicker printed bigger than its headline, 3 headline, 5 byline, 7–8 one block holding
  // two paragraphs, 10 a banner read as a headline, 12 a paragraph cut mid-sentence, 14 another
  // story's headline, 16 its text, 18 the rest of line 12's sentence printed under the second story.
  const text = [
    '## 春耕备耕忙',
    '',
    '### 城西老街改造启动',
    '',
    '■记者 吴八',
    '',
    '本报讯 城西老街改造昨天启动，涉及12条街巷。',
    '改造分三期进行，首期今年底完工。',
    '',
    '### 砥砺实干 镇在突破',
    '',
    '居民代表说，老街的石板路要原样保留，',
    '',
    '### 图书馆延长夜间开放时间',
    '',
    '本报讯 市图书馆从下月起每晚开放到十点。',
    '',
    '老街的排水管网也将一并更新。',
    '',
  ].join('\n');
  const parseWith = (ov?: unknown) => {
    const page = parsePage(text, meta, ov ? { overrides: overridesFrom(ov) } : {});
    expect(lostBlocks(text, page)).toEqual([]);
    return page;
  };
  const headlines = (p: ReturnType<typeof parseWith>) => p.articles.map((a) => a.headline);
  // The first story by its first paragraph (its headline is what the kicker test changes).
  const bodyOf = (p: ReturnType<typeof parseWith>, h: string) =>
    p.articles.find((a) => a.headline === h || a.body[0]?.text.includes(h === '城西老街改造启动' ? '城西老街改造昨天启动' : h))?.body.map((b) => b.text);

  it('a kicker: the heading is the 引题 of the headline below it', () => {
    // Printed bigger than the headline, the kicker is read as the headline and the headline as a deck.
    expect(parseWith().articles[0]).toMatchObject({ headline: '春耕备耕忙' });
    const page = parseWith({ kicker: [1] });
    const a = page.articles.find((x) => x.headline === '城西老街改造启动')!;
    expect(a.kicker).toBe('春耕备耕忙');
  });

  it('a banner: the heading leaves the articles for the furniture, logged as a banner', () => {
    const page = parseWith({ banner: [10] });
    expect(headlines(page)).not.toContain('砥砺实干 镇在突破');
    expect(page.furniture).toContain('砥砺实干 镇在突破');
    expect(page.repairs).toContainEqual(expect.objectContaining({ kind: 'banner', line: 10 }));
  });

  it('a break inside a block cuts it into two paragraphs', () => {
    const first = bodyOf(parseWith(), '城西老街改造启动')!;
    expect(first[0]).toBe('本报讯 城西老街改造昨天启动，涉及12条街巷。改造分三期进行，首期今年底完工。');
    const page = parseWith({ break: [8] });
    expect(bodyOf(page, '城西老街改造启动')!.slice(0, 2)).toEqual(['本报讯 城西老街改造昨天启动，涉及12条街巷。', '改造分三期进行，首期今年底完工。']);
  });

  it('a move takes a block to the article it belongs to, after the block named', () => {
    const page = parseWith({ banner: [10], move: [{ line: 18, to: 3, after: 7 }] });
    expect(bodyOf(page, '图书馆延长夜间开放时间')).not.toContain('老街的排水管网也将一并更新。');
    const body = bodyOf(page, '城西老街改造启动')!;
    expect(body.indexOf('老街的排水管网也将一并更新。')).toBe(1);
  });

  it('a join puts the paragraph at a line on the end of the one holding another line', () => {
    const page = parseWith({ banner: [10], move: [{ line: 18, to: 3 }], join: [{ line: 18, to: 12 }] });
    const body = bodyOf(page, '城西老街改造启动')!;
    expect(body).toContain('居民代表说，老街的石板路要原样保留，老街的排水管网也将一并更新。');
    expect(page.repairs).toContainEqual(expect.objectContaining({ kind: 'override', line: 18, note: 'override: joined to line 12' }));
  });

  it('a break keeps the join model from joining a block to the text before it', () => {
    const page = parseWith({ banner: [10], move: [{ line: 18, to: 3 }], break: [18] });
    expect(bodyOf(page, '城西老街改造启动')).toContain('老街的排水管网也将一并更新。');
  });

  it('keep: a block dropped as a repeat stays where it stands', () => {
    // The refrain of a poem or a slogan printed twice on purpose reads like a converter's repeat.
    const refrain = ['### 家乡的河', '', '河水清清绕村流，两岸稻花香。', '', '我们在河边长大，也在河边老去。', '', '河水清清绕村流，两岸稻花香。', ''].join('\n');
    const count = (p: ReturnType<typeof parsePage>) => p.articles[0]!.body.filter((b) => b.text === '河水清清绕村流，两岸稻花香。').length;
    const dropped = parsePage(refrain, meta);
    expect(dropped.repairs).toContainEqual(expect.objectContaining({ kind: 'repeat-dropped', line: 7 }));
    expect(count(dropped)).toBe(1);
    const page = parsePage(refrain, meta, { overrides: overridesFrom({ keep: [7] }) });
    expect(page.repairs.some((r) => r.line === 7 && /dropped/.test(r.kind))).toBe(false);
    expect(count(page)).toBe(2);
    expect(lostBlocks(refrain, page)).toEqual([]);
  });

  it('checked and history are read and do not change the page', () => {
    const ov = { checked: { by: '王编辑', at: '2025-03-12T09:00:00Z' }, history: [{ n: 1, at: '2025-03-12T08:00:00Z', by: '王编辑', op: 'banner', line: 10 }] };
    expect(parseWith(ov).articles).toEqual(parseWith().articles);
  });

  it('names the rules that do not fit the page', () => {
    const blocks = splitBlocks(text);
    const ov = overridesFrom({ kicker: [7], move: [{ line: 3, to: 14 }, { line: 18, to: 99 }], join: [{ line: 18, to: 2 }] }, 'x.yaml');
    // Rules are read in key order: kicker, then join, then move.
    const problems = checkOverrides(ov, blocks);
    expect(problems).toEqual([
      'x.yaml: kicker: line 7 is not a heading',
      'x.yaml: join: no block of the page starts at or spans line 2',
      'x.yaml: move: line 3 is a heading; a heading opens an article (split) or is a kicker, a banner or a subhead',
      'x.yaml: move: no block of the page starts at or spans line 99',
    ]);
  });
});
