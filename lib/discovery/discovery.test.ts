import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed } from './feed';
import { countUrls, months, sitemapIndex, urlset, type SitemapIssue } from './sitemap';
import { xmlEscape } from './xml';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const issues: SitemapIssue[] = [
  { date: '2025-06-30', pages: [{ page: 1, articleIds: ['a1'] }] },
  {
    date: '2025-07-01',
    pages: [
      { page: 1, articleIds: ['b1', 'b2'] },
      { page: 2, articleIds: [] },
    ],
  },
];

describe('sitemap', () => {
  it('lists the home page, archive, every issue, page and article once, with all locale alternates', () => {
    const text = urlset('https://dubao.example', issues, true);
    expect(XMLValidator.validate(text)).toBe(true);
    const urls = parser.parse(text).urlset.url as {
      loc: string;
      'xhtml:link': { '@hreflang': string; '@href': string }[];
    }[];
    expect(urls.map((u) => u.loc)).toEqual([
      'https://dubao.example/zh',
      'https://dubao.example/zh/archive',
      'https://dubao.example/zh/2025-06-30',
      'https://dubao.example/zh/2025-06-30/1',
      'https://dubao.example/zh/2025-06-30/1/a1',
      'https://dubao.example/zh/2025-07-01',
      'https://dubao.example/zh/2025-07-01/1',
      'https://dubao.example/zh/2025-07-01/1/b1',
      'https://dubao.example/zh/2025-07-01/1/b2',
      'https://dubao.example/zh/2025-07-01/2',
    ]);
    expect(urls[4]!['xhtml:link']).toEqual([
      { '@rel': 'alternate', '@hreflang': 'zh-Hans', '@href': 'https://dubao.example/zh/2025-06-30/1/a1' },
      {
        '@rel': 'alternate',
        '@hreflang': 'zh-Hant',
        '@href': 'https://dubao.example/zh-Hant/2025-06-30/1/a1',
      },
      { '@rel': 'alternate', '@hreflang': 'en', '@href': 'https://dubao.example/en/2025-06-30/1/a1' },
      { '@rel': 'alternate', '@hreflang': 'x-default', '@href': 'https://dubao.example/zh/2025-06-30/1/a1' },
    ]);
    expect(countUrls(issues)).toBe(8);
  });

  it('splits a large archive by month in an index', () => {
    expect(months(issues)).toEqual(['2025-06', '2025-07']);
    const text = sitemapIndex('https://dubao.example', issues);
    expect(XMLValidator.validate(text)).toBe(true);
    const maps = parser.parse(text).sitemapindex.sitemap as { loc: string; lastmod: string }[];
    expect(maps).toEqual([
      { loc: 'https://dubao.example/sitemaps/2025-06.xml', lastmod: '2025-06-30' },
      { loc: 'https://dubao.example/sitemaps/2025-07.xml', lastmod: '2025-07-01' },
    ]);
  });
});

describe('Atom feed', () => {
  it('is well-formed even with markup and control characters in the text', () => {
    const text = atomFeed({
      title: '平湖日报 · 读报',
      subtitle: 'a & b',
      self: 'https://dubao.example/zh/feed.xml',
      home: 'https://dubao.example/zh',
      lang: 'zh-Hans',
      entries: [
        {
          url: 'https://dubao.example/zh/2025-07-01/1/b1',
          headline: '<script>“标题”</script> & 更多\u0007',
          date: '2025-07-01',
          section: '第01版 要闻',
          authors: ['徐玉霞'],
          summary: '正文开头。',
        },
      ],
    });
    expect(XMLValidator.validate(text)).toBe(true);
    const feed = parser.parse(text).feed;
    expect(feed.updated).toBe('2025-07-01T00:00:00+08:00');
    // The markup comes back as text; the control character is gone.
    expect(feed.entry.title).toBe('<script>“标题”</script> & 更多');
    expect(feed.entry.author.name).toBe('徐玉霞');
    expect(feed.entry.link['@href']).toBe('https://dubao.example/zh/2025-07-01/1/b1');
  });

  it('xmlEscape escapes the five XML characters', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
