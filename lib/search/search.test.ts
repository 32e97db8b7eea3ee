import { describe, expect, it } from 'vitest';
import { generateCorpus } from './bench/corpus';
import { buildIndex } from './build';
import { SearchClient } from './client';
import { TF_CAP } from './engine';
import { findTerm, parseQuery } from './query';
import { search, searchDocs } from './search';
import { toShards } from './shards';
import { segmentsToHtml, snippet } from './snippet';
import { indexTokens, termTokens } from './tokenize';
import type { SearchDoc } from './types';

const doc = (id: string, date: string, headline: string, body: string, page = 1): SearchDoc => ({
  id,
  date,
  page,
  headline,
  bylines: '记者 张三',
  body,
});

const DOCS = [
  doc(
    'gyzjz',
    '2025-07-30',
    '上半年经济运行稳中有进',
    '今年上半年，全市规模以上工业增加值175.3亿元，同比增长8.6%。',
  ),
  doc('jgyw', '2025-07-31', '小企业忙订单', '加工业务的产值增长很快，增加了人手。'),
  doc('pta', '2025-07-29', 'ＰＴＡ价格上涨', 'PTA期货收于5000元，2025年7月以来累计上涨。PTAX不是它。'),
  doc('dz', '2025-07-28', '小区换上新道闸', '老旧小区的道闸坏了，居民出行不便。道闸更换后，车辆进出顺畅。'),
  doc('hl', '2025-07-27', '道闸', '另一篇只在标题里提到它的文章。', 2),
];
const built = buildIndex(DOCS);
const ids = (q: string, opts = {}) => search(built, q, opts).hits.map((h) => h.id);

describe('tokenizer', () => {
  it('indexes Han text as single characters and overlapping pairs, words and numbers whole', () => {
    expect(indexTokens('工业增加值')).toEqual(['工', '工业', '业', '业增', '增', '增加', '加', '加值', '值']);
    expect(indexTokens('pta价格175.3万吨')).toEqual([
      'pta',
      '价',
      '价格',
      '格',
      '175',
      '175.3',
      '3',
      '万',
      '万吨',
      '吨',
    ]);
  });

  it('looks a term up by bigrams covering it, or by its one character', () => {
    expect(termTokens('工业增加值')).toEqual(['工业', '增加', '加值']);
    expect(termTokens('湖')).toEqual(['湖']);
    expect(termTokens('pta价格')).toEqual(['pta', '价格']);
  });
});

describe('query semantics', () => {
  it('finds the phrase and not an article holding the same characters in another order', () => {
    expect(ids('工业增加值')).toEqual(['gyzjz']);
    expect(ids('加值工业')).toEqual([]);
  });

  it('answers one-character queries', () => {
    expect(ids('闸').sort()).toEqual(['dz', 'hl']);
    expect(ids('加').sort()).toEqual(['gyzjz', 'jgyw']);
  });

  it('requires every space-separated term, in any order', () => {
    expect(ids('增长 人手')).toEqual(['jgyw']);
    expect(ids('人手 工业增加值')).toEqual([]);
  });

  it('keeps a quoted phrase together, space included', () => {
    expect(ids('"小区 换上"')).toEqual([]);
    expect(ids('“老旧小区的道闸”')).toEqual(['dz']);
    expect(parseQuery('"a b" c')).toMatchObject([{ text: 'a b' }, { text: 'c' }]);
  });

  it('matches mixed Han, Latin and numbers, Latin words whole', () => {
    expect(ids('175.3亿元')).toEqual(['gyzjz']);
    expect(ids('175')).toEqual(['gyzjz']);
    expect(ids('PTA')).toEqual(['pta']);
    expect(ids('PTA期货')).toEqual(['pta']);
    expect(ids('PTAX 期货')).toEqual(['pta']);
    expect(ids('PT')).toEqual([]);
    expect(ids('2025年7月')).toEqual(['pta']);
  });

  it('folds full-width forms and letter case', () => {
    expect(ids('ｐｔａ价格')).toEqual(['pta']);
    expect(ids('１７５．３')).toEqual(['gyzjz']);
    expect(ids('pta')).toEqual(['pta']);
  });

  it('filters by an inclusive date range', () => {
    expect(ids('道闸', { from: '2025-07-28', to: '2025-07-28' })).toEqual(['dz']);
    expect(ids('加', { from: '2025-07-31' })).toEqual(['jgyw']);
    expect(ids('加', { to: '2025-07-29' })).toEqual([]);
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(search(built, '  ').total).toBe(0);
    expect(search(built, '，。').total).toBe(0);
  });
});

describe('ranking', () => {
  it('puts headline matches first, then more occurrences, then newer issues', () => {
    // hl and dz both have 道闸 in the headline; dz has it three times in all, hl once.
    expect(ids('道闸')).toEqual(['dz', 'hl']);
    const newer = buildIndex([
      doc('old', '2025-01-01', '甲', '乙丙'),
      doc('new', '2025-02-01', '甲', '乙丙'),
    ]);
    expect(search(newer, '乙丙').hits.map((h) => h.id)).toEqual(['new', 'old']);
  });
});

describe('ranking a page without counting every match', () => {
  const big = buildIndex(generateCorpus({ articles: 800, seed: 11 }));
  /** Every match in rank order, counted in the text alone: the order a full ranking must give. */
  const bruteForce = (q: string) => {
    const terms = parseQuery(q);
    const keyed: [number, number][] = [];
    big.texts.forEach((t, n) => {
      let tf = 0;
      let head = 0;
      for (const term of terms) {
        const count = findTerm(t.all, term.text, TF_CAP).length;
        if (!count) return;
        tf += count;
        if (findTerm(t.head, term.text, 1).length) head++;
      }
      keyed.push([n, head * (TF_CAP * terms.length + 1) + tf]);
    });
    return keyed.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([n]) => big.docs[n]!.id);
  };
  const queries = [
    '同比增长',
    '营商环境',
    '港经济',
    '工业增加值',
    '加值工业',
    '平湖 同比增长',
    '湖',
    'PTA',
    '5G项目',
  ];

  it('gives every page and the total as a full ranking does', () => {
    for (const q of queries) {
      const all = bruteForce(q);
      expect(searchDocs(big, q).map((n) => big.docs[n]!.id)).toEqual(all);
      for (const [offset, limit] of [
        [0, 1],
        [0, 20],
        [20, 20],
        [37, 5],
      ] as const) {
        const r = search(big, q, { offset, limit });
        expect({ q, offset, total: r.total, ids: r.hits.map((h) => h.id) }).toEqual({
          q,
          offset,
          total: all.length,
          ids: all.slice(offset, offset + limit),
        });
      }
    }
    // The queries reach past one page, and some have near misses the text must rule out.
    expect(bruteForce('同比增长').length).toBeGreaterThan(100);
    expect(bruteForce('加值工业').length).toBeLessThan(searchDocs(big, '加值').length);
  });

  it('applies the date range before it ranks', () => {
    const { dates } = big;
    const from = dates[12]![0];
    const to = dates[3]![0];
    const inRange = new Set(big.docs.filter((d) => d.date >= from && d.date <= to).map((d) => d.id));
    const all = bruteForce('同比增长').filter((id) => inRange.has(id));
    const r = search(big, '同比增长', { from, to, offset: 3, limit: 10 });
    expect(r.total).toBe(all.length);
    expect(r.hits.map((h) => h.id)).toEqual(all.slice(3, 13));
  });
});

describe('snippets', () => {
  it('marks matches in the published text, and escapes it', () => {
    const segs = snippet('PTA <b>价格</b> & 道闸', ['pta', '道闸']);
    expect(segmentsToHtml(segs)).toBe('<mark>PTA</mark> &lt;b&gt;价格&lt;/b&gt; &amp; <mark>道闸</mark>');
  });

  it('marks full-width text found by a half-width query', () => {
    const hit = search(built, 'pta价格').hits[0]!;
    expect(hit.headline).toEqual([{ text: 'ＰＴＡ价格', mark: true }, { text: '上涨' }]);
  });
});

describe('static shards in the browser client', () => {
  it('says which file is wrong when the manifest is not of this index format', async () => {
    const client = new SearchClient('/search', async () => ({ format: 1, docCount: 3, termShards: 2 }));
    await expect(client.search('工业')).rejects.toThrow('/search/manifest.json: not a search index of this version');
  });

  it('gives the same results as the server from the files alone', async () => {
    const { manifest, files } = toShards(built, { termShardBytes: 200, docShardSize: 2, version: 't' });
    const byPath = new Map(files.map((f) => [f.path, f.body]));
    const fetched: string[] = [];
    const client = new SearchClient('', async (url) => {
      const path = url.replace(/^\//, '').replace(/\?.*$/, '');
      fetched.push(path);
      return JSON.parse(path === 'manifest.json' ? JSON.stringify(manifest) : byPath.get(path)!);
    });
    for (const q of ['工业增加值', '道闸', '加', 'PTA期货', '增长 人手']) {
      expect((await client.search(q, { limit: 10 })).hits.map((h) => h.id)).toEqual(ids(q));
    }
    // Typed in Traditional, as on the results page: the same articles, the Simplified terms.
    for (const [typed, published] of [
      ['工業增加值', '工业增加值'],
      ['道閘', '道闸'],
    ]) {
      const result = await client.search(typed!, { limit: 10 });
      expect(result.terms).toEqual([published]);
      expect(result.hits.length).toBeGreaterThan(0);
      expect(result.hits.map((h) => h.id)).toEqual(ids(published!));
    }
    const { termShards } = manifest.segments[0]!;
    expect(termShards).toBeGreaterThan(1);
    expect(new Set(fetched.filter((p) => p.includes('/t/'))).size).toBeLessThan(termShards);
  });
});
