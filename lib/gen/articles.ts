/** Clean articles of a fictional local paper: what an editor would reconstruct (the ground truth). */
import type { Article, BodyBlock, Byline } from '@/lib/ingest/types';
import { chance, int, pick, sample, type Rng } from './rng';
import {
  BRIEFS,
  COMMENTARY,
  CO_TAILS,
  CROPS,
  GIVEN,
  INDUSTRIES,
  LATIN,
  SCENE_DESCS,
  SEASON_SCENES,
  SLOGANS,
  SPEECH_VERBS,
  SURNAMES,
  THINGS,
  TOPICS,
  TOWN_HEADS,
  TOWN_TAILS,
  VILLAGE_TAILS,
  type Topic,
} from './vocab';

export type CleanArticle = Omit<Article, 'id'>;

export interface Paper {
  name: string;
  english: string;
  /** Short name for promos: 溪川 for 溪川日报. */
  short: string;
  city: string;
  /** The converter's comma: the seed prints ',' for '，'. */
  comma: '，' | ',';
  /** How bylines are printed: seed ■记者 A B / 本报记者 A B 通讯员 C / □记者 A. */
  bylineStyle: 'seed' | 'oneLine' | 'box';
}

const PAPER_HEADS = ['溪川', '云岭', '东澜', '青禾', '南屿', '北川', '白云', '平海', '临江', '清河', '望湖', '金沙'];
const PINYIN: Record<string, string> = {
  溪川: 'XICHUAN', 云岭: 'YUNLING', 东澜: 'DONGLAN', 青禾: 'QINGHE', 南屿: 'NANYU', 北川: 'BEICHUAN',
  白云: 'BAIYUN', 平海: 'PINGHAI', 临江: 'LINJIANG', 清河: 'QINGHE', 望湖: 'WANGHU', 金沙: 'JINSHA',
};

export function makePaper(rng: Rng): Paper {
  const short = pick(rng, PAPER_HEADS);
  const evening = chance(rng, 0.3);
  return {
    name: `${short}${evening ? '晚报' : '日报'}`,
    english: `${PINYIN[short] ?? 'LOCAL'} ${evening ? 'EVENING NEWS' : 'DAILY'}`,
    short,
    city: `${short}市`,
    comma: chance(rng, 0.5) ? ',' : '，',
    bylineStyle: pick(rng, ['seed', 'oneLine', 'box'] as const),
  };
}

/** Everything an article's templates may name; drawn once per article so its text hangs together. */
export interface Ctx {
  rng: Rng;
  paper: Paper;
  date: string;
  town: string;
  town2: string;
  village: string;
  co: string;
  ind: string;
  crop: string;
  thing: string;
  slogan: string;
  latin: string;
  /** Templates already used on this page: a sentence is printed once per page, as in a real paper. */
  used: Set<string>;
}

const name = (rng: Rng): string => pick(rng, SURNAMES) + pick(rng, GIVEN) + (chance(rng, 0.6) ? pick(rng, GIVEN) : '');
export const names = (rng: Rng, n: number): string[] => {
  const out = new Set<string>();
  while (out.size < n) out.add(name(rng));
  return [...out];
};
const place = (rng: Rng): string => pick(rng, TOWN_HEADS) + pick(rng, TOWN_HEADS);

export function makeCtx(rng: Rng, paper: Paper, date: string, used: Set<string> = new Set()): Ctx {
  const town = place(rng) + pick(rng, TOWN_TAILS);
  return {
    rng,
    paper,
    date,
    town,
    town2: place(rng) + pick(rng, TOWN_TAILS),
    village: place(rng) + pick(rng, VILLAGE_TAILS),
    co: `${paper.short}${place(rng)}${pick(rng, CO_TAILS)}`,
    ind: pick(rng, INDUSTRIES),
    crop: pick(rng, CROPS),
    thing: pick(rng, THINGS),
    slogan: pick(rng, SLOGANS),
    latin: pick(rng, LATIN),
    used,
  };
}

/** Fills {slot}s; numbers are drawn fresh at each use. Commas follow the paper's convention. */
export function fill(tpl: string, c: Ctx): string {
  const { rng } = c;
  const [, m, d] = c.date.split('-').map(Number) as [number, number, number];
  const out = tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case 'city':
        return c.paper.city;
      case 'paper':
        return c.paper.name;
      case 'short':
        return c.paper.short;
      case 'person':
        return name(rng);
      case 'n':
        return String(int(rng, 2, 60));
      case 'd':
        return String(int(rng, 1, 9));
      case 'big':
        return String(int(rng, 120, 9800));
      case 'amt':
        return `${int(rng, 1, 480)}.${int(rng, 1, 9)}亿元`;
      case 'pct':
        return `${int(rng, 2, 48)}.${int(rng, 1, 9)}%`;
      case 'date':
        return `${m}月${Math.max(1, d - int(rng, 0, 3))}日`;
      case 'month':
        return `${(m % 12) + 1}月`;
      case 'year':
        return String(Number(c.date.slice(0, 4)) + int(rng, 0, 2));
      case 'town':
      case 'town2':
      case 'village':
      case 'co':
      case 'ind':
      case 'crop':
      case 'thing':
      case 'slogan':
      case 'latin':
        return c[k];
      default:
        throw new Error(`unknown template slot {${k}}`);
    }
  });
  return c.paper.comma === ',' ? out.replace(/，/g, ',') : out;
}

/** Up to `count` paragraphs of 1–3 fresh sentences each; fewer when the pool runs dry. */
function paragraphs(c: Ctx, pool: string[], count: number, perPara: [number, number]): string[] {
  const bag = sample(c.rng, pool.filter((t) => !c.used.has(t)), pool.length);
  const out: string[] = [];
  for (let i = 0; i < count && bag.length; i++) {
    let p = '';
    const n = int(c.rng, perPara[0], perPara[1]);
    for (let j = 0; j < n && bag.length; j++) {
      const t = bag.pop()!;
      c.used.add(t);
      p += fill(t, c);
    }
    out.push(p);
  }
  return out;
}

function fresh(c: Ctx, pool: string[]): string {
  const free = pool.filter((t) => !c.used.has(t));
  const t = pick(c.rng, free.length ? free : pool);
  c.used.add(t);
  return t;
}

function speechKicker(c: Ctx): string {
  const event = pick(c.rng, ['在全市重点项目攻坚推进会上', '在全市经济运行分析会上', `在调研${c.town}工作时`, `在“${c.slogan}”动员部署会上`]);
  return `${name(c.rng)}${event}${pick(c.rng, SPEECH_VERBS)}`;
}

export function newsArticle(c: Ctx, topic: Topic = pick(c.rng, TOPICS)): CleanArticle {
  const { rng } = c;
  const speech = chance(rng, 0.12);
  const kicker = speech ? speechKicker(c) : chance(rng, 0.25) ? fill(fresh(c, topic.kickers), c) : undefined;
  const subheadline = chance(rng, 0.3) ? fill(pick(rng, topic.subheadlines), c) : undefined;
  const bylines: Byline[] = [{ role: chance(rng, 0.1) ? '见习记者' : '记者', names: names(rng, int(rng, 1, 2)) }];
  if (chance(rng, 0.5)) bylines.push({ role: '通讯员', names: names(rng, int(rng, 1, 2)) });
  if (chance(rng, 0.1)) bylines.push({ role: '制图', names: names(rng, 1) });
  const n = int(rng, 2, 7);
  const lead = (chance(rng, 0.75) ? '本报讯 ' : '') + fill(fresh(c, topic.leads), c);
  const rest = paragraphs(c, [...topic.sentences, ...topic.quotes], n - 1, [1, 3]);
  const body: BodyBlock[] = [lead, ...rest].map((text) => ({ type: 'p', text }));
  if (body.length >= 5 && chance(rng, 0.4)) {
    const first = fresh(c, topic.subheads);
    const second = fresh(c, topic.subheads);
    if (second !== first) body.splice(Math.ceil(body.length / 2) + 1, 0, { type: 'h', text: fill(second, c) });
    body.splice(1, 0, { type: 'h', text: fill(first, c) });
  }
  return {
    ...(kicker ? { kicker } : {}),
    headline: fill(fresh(c, topic.headlines), c),
    ...(subheadline ? { subheadline } : {}),
    kind: 'news',
    bylines,
    body,
  };
}

export function continuationArticle(c: Ctx, headline: string, fromPage: number): CleanArticle {
  const topic = pick(c.rng, TOPICS);
  return {
    headline,
    kind: 'news',
    bylines: [],
    body: paragraphs(c, [...topic.sentences, ...topic.quotes], int(c.rng, 2, 4), [1, 3]).map((text) => ({ type: 'p', text })),
    continuedFrom: { fromPage },
  };
}

export function photoArticle(c: Ctx): CleanArticle {
  const { rng } = c;
  let caption = `${fill('{date}，', c)}${fill(fresh(c, SCENE_DESCS), c)}。`;
  if (chance(rng, 0.5)) caption += fill(fresh(c, pick(rng, TOPICS).sentences), c);
  return {
    headline: fill(fresh(c, SEASON_SCENES), c),
    kind: 'photo',
    bylines: [{ role: '摄影', names: names(rng, int(rng, 1, 3)) }],
    body: [{ type: 'p', text: caption }],
  };
}

export function commentaryArticle(c: Ctx): CleanArticle {
  const { rng } = c;
  const kicker = chance(rng, 0.4) ? pick(rng, ['短评', '时评', `${c.paper.short}时评`, '来论']) : undefined;
  return {
    ...(kicker ? { kicker } : {}),
    headline: fill(fresh(c, COMMENTARY.headlines), c),
    kind: 'commentary',
    bylines: [{ role: '', names: names(rng, 1) }],
    body: paragraphs(c, COMMENTARY.sentences, int(rng, 2, 4), [2, 3]).map((text) => ({ type: 'p', text })),
  };
}

export function briefArticles(c: Ctx): CleanArticle[] {
  const items = sample(c.rng, BRIEFS.filter((b) => !c.used.has(b.text)), int(c.rng, 3, 5));
  for (const b of items) c.used.add(b.text);
  return items.map((b) => ({
    headline: fill(b.headline, c),
    kind: 'brief',
    bylines: [],
    body: [{ type: 'p', text: fill(b.text, c) }],
  }));
}
