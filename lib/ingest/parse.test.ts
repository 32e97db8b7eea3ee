import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRawPage } from './index';
import { lostBlocks } from './coverage';
import { META, parseChecked, texts, withoutIds } from './test-helpers';

describe('the seed page (嘉兴日报 平湖版 2025-07-31)', () => {
  const file = 'content/2025-07-31/01.md';
  const page = parseRawPage(readFileSync(file), file);
  // The expected reconstruction as shipped in shared/seed, copied into the fixtures so the test runs
  // from any checkout; the copy is compared with the original wherever shared/ sits beside the repo.
  const expected = JSON.parse(readFileSync('lib/ingest/fixtures/seed.expected.json', 'utf8'));
  const original = '../shared/seed/expected-page.json';

  it('uses the expected reconstruction exactly as shared/seed has it', () => {
    if (existsSync(original)) expect(expected).toEqual(JSON.parse(readFileSync(original, 'utf8')));
  });

  it('parses to the expected reconstruction', () => {
    expect(withoutIds(page)).toEqual(expected);
  });

  it('loses no block', () => {
    const raw = readFileSync(file, 'utf8');
    const body = raw.split('\n').slice(7).join('\n');
    expect(lostBlocks(body, page, 8)).toEqual([]);
  });

  it('logs every dropped repeat with the line of the copy it kept', () => {
    const drops = page.repairs.filter((r) => r.kind === 'repeat-dropped' || r.kind === 'bleed-dropped');
    expect(drops.length).toBe(10);
    for (const d of drops) expect(d.keptLine).toBeGreaterThan(0);
    expect(page.repairs.filter((r) => r.kind === 'bleed-dropped').map((r) => r.keptLine)).toEqual([133, 135, 137, 139]);
  });

  it('gives every article a short URL-safe id, unique on the page', () => {
    const ids = page.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z-]{6,12}$/);
  });
});

describe('repeated blocks', () => {
  it('drops adjacent copies and keeps the first', () => {
    const page = parseChecked(`### 春耕备耕正当时
■记者 林晓

全市今年计划播种早稻12万亩,比去年增加5%。

全市今年计划播种早稻12万亩,比去年增加5%。

全市今年计划播种早稻12万亩,比去年增加5%。

农技人员分片包干,深入田间地头指导。
`);
    expect(texts(page)).toEqual(['全市今年计划播种早稻12万亩,比去年增加5%。', '农技人员分片包干,深入田间地头指导。']);
    expect(page.repairs.filter((r) => r.kind === 'repeat-dropped')).toHaveLength(2);
  });

  it('keeps the copy under its own headline when an article opening bleeds into another article', () => {
    const page = parseChecked(`### 老街改造进入收尾阶段

■记者 周航

老街改造工程目前已完成立面整治,预计下月全面开放。

沿街商户陆续回迁,老字号重新挂牌营业。

港区集装箱吞吐量创新高,一季度同比增长12.4%。

码头新增两台岸桥,装卸效率明显提升。

### 港区集装箱吞吐量创新高

■记者 许安

港区集装箱吞吐量创新高,一季度同比增长12.4%。

码头新增两台岸桥,装卸效率明显提升。

港区管委会表示,将继续拓展内贸航线。
`);
    expect(texts(page, 0)).toEqual(['老街改造工程目前已完成立面整治,预计下月全面开放。', '沿街商户陆续回迁,老字号重新挂牌营业。']);
    expect(texts(page, 1)).toHaveLength(3);
    expect(page.repairs.filter((r) => r.kind === 'bleed-dropped').map((r) => r.line)).toEqual([9, 11]);
  });
});

describe('column breaks and misplaced fragments', () => {
  it('joins a block that stops mid-sentence with the next block', () => {
    const page = parseChecked(`### 社区食堂开张
■记者 方圆

社区食堂开张首日就迎来了两百多位老人,工作人员

忙着打饭盛汤,现场热闹非凡。
`);
    expect(texts(page)).toEqual(['社区食堂开张首日就迎来了两百多位老人,工作人员忙着打饭盛汤,现场热闹非凡。']);
  });

  it('joins across a banner heading that interrupts a sentence, and files the banner as furniture', () => {
    const page = parseChecked(`### 新能源汽车产业链加速成型
■记者 程远

今年以来,全市新能源汽车产业产值同比增长31%,更值得

### 奋进新征程 建功新时代

关注的是,一批配套企业正在加速集聚。
`);
    expect(texts(page)).toEqual(['今年以来,全市新能源汽车产业产值同比增长31%,更值得关注的是,一批配套企业正在加速集聚。']);
    expect(page.furniture).toEqual(['奋进新征程 建功新时代']);
    expect(page.articles).toHaveLength(1);
  });

  it('puts back a column tail printed above its start (the second column emitted first)', () => {
    const page = parseChecked(`### 夜间经济点亮城市
■记者 韩冰

更多的年轻人,让夜间消费成为城市新名片。

第二段:街区还引入了非遗展演和露天电影,周末客流量超过五万人次。

本报讯 随着天气转暖,城南夜市重新开张,吸引了
`);
    expect(texts(page)).toEqual([
      '本报讯 随着天气转暖,城南夜市重新开张,吸引了更多的年轻人,让夜间消费成为城市新名片。',
      '第二段:街区还引入了非遗展演和露天电影,周末客流量超过五万人次。',
    ]);
  });

  it('keeps a fragment whose start is lost as its own paragraph, in place', () => {
    const page = parseChecked(`### 科创走廊建设提速
■记者 赵敏

能力、科技成果转化能力不断提升。

会上,各平台汇报了建设运营情况。
`);
    expect(texts(page)).toEqual(['能力、科技成果转化能力不断提升。', '会上,各平台汇报了建设运营情况。']);
  });

  it('tells a subhead from a sentence fragment', () => {
    const page = parseChecked(`### 乡村振兴有新招
■记者 钱程

今年,全镇流转土地三千余亩。

特色产业更兴旺

葡萄、草莓等特色种植面积扩大到八百亩。走进园区

内,游客们正在采摘。
`);
    expect(texts(page)).toEqual([
      '今年,全镇流转土地三千余亩。',
      '## 特色产业更兴旺',
      '葡萄、草莓等特色种植面积扩大到八百亩。走进园区内,游客们正在采摘。',
    ]);
  });
});

describe('headline blocks', () => {
  it('splits a kicker and headline printed on one line', () => {
    const page = parseChecked(`### 市长李明在全市安全生产会议上强调 压紧压实责任 守牢安全底线
■记者 孙悦

会议部署了下一阶段安全生产工作。
`);
    expect(page.articles[0]).toMatchObject({
      kicker: '市长李明在全市安全生产会议上强调',
      headline: '压紧压实责任 守牢安全底线',
    });
  });

  it('reads 引题, 副题 and 主题 from a ### #### ### run', () => {
    const page = parseChecked(`### 一季度经济观察

#### 全市外贸进出口总额达86.2亿元,同比增长9.1%

### 外贸稳中有进

■记者 钱塘

一季度,全市外贸进出口保持平稳增长。
`);
    expect(page.articles[0]).toMatchObject({
      kicker: '一季度经济观察',
      headline: '外贸稳中有进',
      subheadline: '全市外贸进出口总额达86.2亿元,同比增长9.1%',
    });
  });

  it('reads a smaller line before the headline as its kicker', () => {
    const page = parseChecked(`#### 聚焦两会

### 代表委员热议民生实事

■记者 何方

今年的政府工作报告列出了十件民生实事。
`);
    expect(page.articles[0]).toMatchObject({ kicker: '聚焦两会', headline: '代表委员热议民生实事' });
  });
});

describe('bylines and jump lines', () => {
  it('reads roles and names, a photo credit after its caption, and a commentary author', () => {
    const page = parseChecked(`### 大桥合龙
■记者 王一 李二  
通讯员 张三  
制图 赵四

大桥主跨今天顺利合龙。

### 荷花盛开

城西湿地公园的荷花竞相开放,吸引市民前来观赏。

■摄影 周五

### 让数据多跑路

■陈六

数字化改革的落脚点是群众的获得感。
`);
    expect(page.articles.map((a) => [a.kind, a.bylines])).toEqual([
      ['news', [{ role: '记者', names: ['王一', '李二'] }, { role: '通讯员', names: ['张三'] }, { role: '制图', names: ['赵四'] }]],
      ['photo', [{ role: '摄影', names: ['周五'] }]],
      ['commentary', [{ role: '', names: ['陈六'] }]],
    ]);
  });

  it('recognizes jump lines in their variants', () => {
    const page = parseChecked(`### 轨道交通二期开工
■记者 冯七

轨道交通二期工程今天开工建设。

（下转第３版）

### 古镇保护再出发

（上接一版）古镇保护规划已通过专家评审。
`);
    expect(page.articles[0]!.jump).toEqual({ toPage: 3 });
    expect(page.articles[1]!.continuedFrom).toEqual({ fromPage: 1 });
    expect(texts(page, 1)).toEqual(['古镇保护规划已通过专家评审。']);
  });
});

describe('page furniture', () => {
  it('recognizes masthead, edition name, page labels, editor lines and app promotions', () => {
    const page = parseChecked(`# 要闻

## QINGHE DAILY

第01版

下载青禾新闻客户端 扫码看视频

### 图书馆夜间开放
■记者 吴八

市图书馆从本周起延长开放时间至晚上九点。

责任编辑：郑九
`);
    expect(page.furniture).toEqual(['要闻', 'QINGHE DAILY', '第01版', '下载青禾新闻客户端 扫码看视频', '责任编辑：郑九']);
    expect(page.articles).toHaveLength(1);
  });
});

describe('article ids', () => {
  it('stay the same when the body or the repair rules change, and differ by date, page and headline', () => {
    const a = parseChecked('### 图书馆夜间开放\n■记者 吴八\n\n市图书馆延长开放时间。\n');
    const b = parseChecked('### 图书馆夜间开放\n■记者 吴八\n\n市图书馆从本周起延长开放时间至晚上九点。\n\n读者反响热烈。\n');
    const c = parseChecked('### 图书馆夜间开放\n■记者 吴八\n\n市图书馆延长开放时间。\n', { ...META, page: 2 });
    expect(a.articles[0]!.id).toBe(b.articles[0]!.id);
    expect(a.articles[0]!.id).not.toBe(c.articles[0]!.id);
  });
});

describe('whole repeats', () => {
  it('drops an article printed twice and a headline line printed twice, logging both', () => {
    const article = `### 图书馆夜间开放
### 图书馆夜间开放
■记者 吴八

市图书馆从本周起延长开放时间至晚上九点。

读者反响热烈,首晚接待读者六百余人次。
`;
    const page = parseChecked(`${article}\n### 港区吞吐量创新高\n■记者 许安\n\n港区一季度集装箱吞吐量同比增长12.4%。\n\n${article}`);
    expect(page.articles.map((a) => a.headline)).toEqual(['图书馆夜间开放', '港区吞吐量创新高']);
    expect(page.articles[0]!.kicker).toBeUndefined();
    expect(page.repairs.filter((r) => r.kind === 'repeat-dropped' || r.kind === 'bleed-dropped')).toHaveLength(6);
  });
});

describe('article ids across rule changes', () => {
  it('are the same whether a one-line kicker is split off or not', () => {
    const split = parseChecked('### 市长李明在全市安全生产会议上强调 压紧压实责任\n■记者 孙悦\n\n会议部署了下一阶段工作。\n');
    expect(split.articles[0]!.kicker).toBe('市长李明在全市安全生产会议上强调');
    const whole = parseChecked('### 市长李明在全市安全生产会议上强调压紧压实责任\n■记者 孙悦\n\n会议部署了下一阶段工作。\n');
    expect(whole.articles[0]!.kicker).toBeUndefined();
    expect(split.articles[0]!.id).toBe(whole.articles[0]!.id);
  });
});

describe('text as published', () => {
  it('keeps underscores and markup-looking text in paragraphs', () => {
    const page = parseChecked('### 网络安全周\n■记者 方圆\n\n专家演示了<script>window.__pwned=1</script>这类注入,提醒市民注意。\n');
    expect(texts(page)).toEqual(['专家演示了<script>window.__pwned=1</script>这类注入,提醒市民注意。']);
  });
});

describe('repeats across stories', () => {
  it('drops a piece of the next story printed at the foot of this one, and logs the copy kept', () => {
    const text = [
      '### 城西老街改造启动',
      '■记者 吴八',
      '本报讯 城西老街改造昨天启动，涉及12条街巷和3000余户居民。',
      '改造将分三期进行，预计明年底完工。',
      '各地公安机关依法查办了一批涉嫌非法经营犯罪案件。',
      '### 打击非法经营 守护市场秩序',
      '■记者 郑九',
      '本报讯 近日，按照上级部署要求，各地公安机关依法查办了一批涉嫌非法经营犯罪案件。',
    ].join('\n\n');
    const page = parseChecked(text);
    const first = page.articles.find((a) => a.headline === '城西老街改造启动')!;
    expect(first.body.map((b) => b.text)).toEqual(['本报讯 城西老街改造昨天启动，涉及12条街巷和3000余户居民。', '改造将分三期进行，预计明年底完工。']);
    expect(page.repairs).toContainEqual(
      expect.objectContaining({ kind: 'bleed-dropped', line: 9, text: '各地公安机关依法查办了一批涉嫌非法经营犯罪案件。', keptLine: 15 }),
    );
  });
});
